"""``keras.activations``: activation functions, and ``get``/``serialize``/``deserialize``."""

from .activations import __all__ as _names
from . import activations as _module
from ...api_export import keras_export as _keras_export, fill_namespace as _fill_namespace

_BY_NAME = {name: getattr(_module, name) for name in _names}
_NAME_OF = {}
for _name, _fn in _BY_NAME.items():
    _NAME_OF.setdefault(_fn, _name)
_NAME_OF[_module.silu] = "silu"


@_keras_export("keras.activations.get")
def get(identifier):
    """The activation for ``identifier``: ``None`` -> ``linear``, a name, a dict config, or a
    callable."""
    if identifier is None:
        return _module.linear
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, str):
        try:
            return _BY_NAME[identifier]
        except KeyError:
            raise ValueError(
                "Could not interpret activation function identifier: %s" % identifier
            ) from None
    if callable(identifier):
        return identifier
    raise ValueError("Could not interpret activation function identifier: %s" % (identifier,))


@_keras_export("keras.activations.serialize")
def serialize(activation):
    """The name of a Keras activation (``'relu'``); other callables serialise as their
    ``__name__``."""
    name = _NAME_OF.get(activation)
    if name is not None:
        return name
    if hasattr(activation, "get_config"):
        return {"class_name": type(activation).__name__, "config": activation.get_config()}
    return getattr(activation, "__name__", repr(activation))


@_keras_export("keras.activations.deserialize")
def deserialize(config, custom_objects=None):
    """The activation named by ``config`` (a name, or a ``{'class_name', 'config'}`` dict)."""
    if isinstance(config, dict):
        config = config.get("config", config.get("class_name"))
    if custom_objects and config in custom_objects:
        return custom_objects[config]
    return get(config)


_fill_namespace(globals(), "keras.activations")
