"""Keras' default ``repr`` for objects without their own: ``<keras.src.X.Y object at 0x...>``.

Python's default repr names the defining module; Keras users see ``keras.src...`` paths there
(``<keras.src.optimizers.adam.Adam object at 0x7f...>``).  Our modules mirror Keras' layout
under ``torchkeras.keras``; the few that differ are mapped to Keras' module here.
"""

__all__ = ["KerasObjectRepr", "keras_module"]

_PREFIX = "torchkeras.keras."
_MODULES = {
    "torchkeras.keras.constraints": "keras.src.constraints.constraints",
    "torchkeras.keras.regularizers": "keras.src.regularizers.regularizers",
    "torchkeras.keras.utils.py_dataset": "keras.src.trainers.data_adapters.py_dataset_adapter",
}


def keras_module(cls):
    """The module Keras defines ``cls`` in (user classes keep their own module)."""
    module = cls.__module__
    if module in _MODULES:
        return _MODULES[module]
    if module.startswith(_PREFIX):
        return "keras.src." + module[len(_PREFIX) :]
    return module


class KerasObjectRepr:
    """Mixin: ``repr`` is Python's default one, with Keras' module path."""

    __slots__ = ()

    def __repr__(self):
        cls = type(self)
        return "<%s.%s object at %#x>" % (keras_module(cls), cls.__qualname__, id(self))
