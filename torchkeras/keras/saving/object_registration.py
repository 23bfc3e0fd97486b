"""Keras' registry of custom objects: ``register_keras_serializable`` and its look-ups.

The registry is process-wide; custom-object scopes are per thread, as in Keras."""

import inspect
from ..backend.object_repr import KerasObjectRepr

from ...framework.global_state import PER_THREAD as _STATE
from ...api_export import keras_export

__all__ = [
    "register_keras_serializable",
    "get_registered_name",
    "get_registered_object",
    "CustomObjectScope",
    "custom_object_scope",
    "get_custom_objects",
]

GLOBAL_CUSTOM_OBJECTS = {}
GLOBAL_CUSTOM_NAMES = {}


@keras_export("keras.saving.register_keras_serializable", "keras.utils.register_keras_serializable")
def register_keras_serializable(package="Custom", name=None):
    """Registers a class or function under ``'package>name'`` (``name`` defaults to its
    ``__name__``).

    Classes must define ``get_config()`` (Keras' ``ValueError`` otherwise).
    """

    def decorator(arg):
        class_name = name if name is not None else arg.__name__
        registered_name = "%s>%s" % (package, class_name)
        if inspect.isclass(arg) and not hasattr(arg, "get_config"):
            raise ValueError("Cannot register a class that does not have a get_config() method.")
        GLOBAL_CUSTOM_OBJECTS[registered_name] = arg
        GLOBAL_CUSTOM_NAMES[arg] = registered_name
        return arg

    return decorator


@keras_export("keras.saving.get_registered_name", "keras.utils.get_registered_name")
def get_registered_name(obj):
    """The name ``obj`` is registered under, else its ``__name__``."""
    if obj in GLOBAL_CUSTOM_NAMES:
        return GLOBAL_CUSTOM_NAMES[obj]
    return obj.__name__


@keras_export("keras.saving.get_registered_object", "keras.utils.get_registered_object")
def get_registered_object(name, custom_objects=None, module_objects=None):
    """The object registered (or in an active custom-object scope, ``custom_objects`` or
    ``module_objects``) as ``name``, else ``None``."""
    for scope in reversed(_STATE.custom_object_scopes):
        if name in scope:
            return scope[name]
    if name in GLOBAL_CUSTOM_OBJECTS:
        return GLOBAL_CUSTOM_OBJECTS[name]
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    if module_objects and name in module_objects:
        return module_objects[name]
    return None


@keras_export("keras.saving.get_custom_objects", "keras.utils.get_custom_objects")
def get_custom_objects():
    """The global registry dict (``'package>name'`` -> object); editing it registers objects."""
    return GLOBAL_CUSTOM_OBJECTS


@keras_export(
    "keras.saving.CustomObjectScope",
    "keras.saving.custom_object_scope",
    "keras.utils.CustomObjectScope",
    "keras.utils.custom_object_scope",
)
class CustomObjectScope(KerasObjectRepr):
    """``with CustomObjectScope({'name': obj}):`` makes the objects visible to deserialization
    inside the block."""

    def __init__(self, custom_objects):
        self.custom_objects = dict(custom_objects or {})

    def __enter__(self):
        _STATE.custom_object_scopes.append(self.custom_objects)
        return self

    def __exit__(self, *exc_info):
        _STATE.custom_object_scopes.remove(self.custom_objects)


custom_object_scope = CustomObjectScope
