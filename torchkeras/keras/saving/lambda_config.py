"""``Lambda`` layers in Keras' saved form: Python lambdas as marshalled bytecode, named functions by
reference.

Reviving bytecode executes code from the file, so it is refused unless
``safe_mode=False`` (Keras' message); named functions are only looked up
(registry, ``custom_objects``, Keras' built-in namespaces).
"""

import codecs
import marshal
import types
import warnings

import numpy as np

__all__ = [
    "serialize_function",
    "deserialize_function",
    "lambda_config",
    "lambda_from_config",
    "LAMBDA_MESSAGE",
]

LAMBDA_MESSAGE = (
    "Requested the deserialization of a `Lambda` layer whose `function` is a Python lambda. This "
    "carries "
    "a potential risk of arbitrary code execution and thus it is disallowed by default. If you "
    "trust the "
    "source of the artifact, you can override this error by passing `safe_mode=False` to the "
    "loading "
    "function, or calling `keras.config.enable_unsafe_deserialization()."
)


def _is_lambda(fn):
    return isinstance(fn, types.LambdaType) and fn.__name__ == "<lambda>"


def serialize_function(fn):
    """Keras' form of a ``Lambda``'s ``function`` / ``output_shape``: bytecode for a lambda, a
    reference otherwise."""
    from .serialization_lib import serialize_keras_object

    if _is_lambda(fn):
        warnings.warn(
            "The object being serialized includes a `lambda`. This is unsafe. In order to reload "
            "the object, "
            "you will have to pass `safe_mode=False` to the loading function. Please avoid using "
            "`lambda` in "
            "the future, and use named Python functions instead.",
            stacklevel=3,
        )
        closure = tuple(cell.cell_contents for cell in fn.__closure__) if fn.__closure__ else None
        return {
            "class_name": "__lambda__",
            "config": {
                "code": codecs.encode(marshal.dumps(fn.__code__), "base64").decode("ascii"),
                "defaults": fn.__defaults__,
                "closure": closure,
            },
        }
    return serialize_keras_object(fn)


def _cell(value):
    return (lambda: value).__closure__[0]


def _globals(custom_objects):
    import torchkeras
    from torchkeras import keras

    namespace = {"keras": keras, "tf": torchkeras, "np": np}
    namespace.update(custom_objects or {})
    return namespace


def deserialize_function(config, custom_objects=None, safe_mode=True):
    """The function a ``Lambda`` config names (``ValueError`` with Keras' message for bytecode in
    safe mode)."""
    from . import object_registration, serialization_lib

    if isinstance(config, dict) and config.get("class_name") == "__lambda__":
        if safe_mode is not False and not serialization_lib.unsafe_deserialization_enabled():
            raise ValueError(LAMBDA_MESSAGE)
        inner = config["config"]
        code = marshal.loads(codecs.decode(inner["code"].encode("ascii"), "base64"))
        defaults = tuple(inner["defaults"]) if inner.get("defaults") is not None else None
        closure = (
            tuple(_cell(value) for value in inner["closure"])
            if inner.get("closure") is not None
            else None
        )
        return types.FunctionType(code, _globals(custom_objects), code.co_name, defaults, closure)
    if isinstance(config, dict):
        return serialization_lib.deserialize_keras_object(config, custom_objects, safe_mode)
    if isinstance(config, str):
        found = object_registration.get_registered_object(config, custom_objects)
        if found is None:
            from .. import activations

            found = getattr(activations, config, None)
        if found is None or not callable(found):
            raise ValueError(
                "Unknown function: '%s'. Please ensure you are using a "
                "`keras.utils.custom_object_scope` "
                "and that this object is included in the scope." % config
            )
        return found
    return config


def lambda_config(layer):
    """The ``Lambda`` layer's config with ``function`` (and a callable ``output_shape``) in
    Keras' saved form."""
    config = layer.get_config()
    config["function"] = serialize_function(layer.function)
    output_shape = layer._output_shape
    if output_shape is not None:
        config["output_shape"] = (
            serialize_function(output_shape) if callable(output_shape) else list(output_shape)
        )
    return config


def lambda_from_config(cls, config, custom_objects=None, safe_mode=True):
    """A ``Lambda`` layer from Keras' config (functions revived by :func:`deserialize_function`)."""
    config = dict(config)
    config["function"] = deserialize_function(config["function"], custom_objects, safe_mode)
    output_shape = config.get("output_shape")
    if isinstance(output_shape, (dict, str)):
        config["output_shape"] = deserialize_function(output_shape, custom_objects, safe_mode)
    for key in ("function_type", "output_shape_type", "module", "output_shape_module"):
        config.pop(key, None)
    if isinstance(config.get("dtype"), dict):
        config["dtype"] = config["dtype"]["config"]["name"]
    return cls(**config)
