"""Keras' serialized form of losses, metrics and optimizers.

``serialize_keras_object(obj)`` gives Keras 3's dict
(``{'module', 'class_name', 'config', 'registered_name'}``; a plain function
becomes ``{'module': 'builtins', 'class_name': 'function', 'config': name,
'registered_name': 'function'}``); ``deserialize_keras_object`` reverses it
by looking the class or function up in the given tables.
"""
from __future__ import annotations

import inspect

__all__ = ["serialize_keras_object", "deserialize_keras_object"]


def serialize_keras_object(obj):
    """Keras' serialized dict of ``obj`` (``None``, plain values and strings pass through)."""
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if inspect.isfunction(obj):
        return {"module": "builtins", "class_name": "function", "config": obj.__name__, "registered_name": "function"}
    module = type(obj).__module__
    if module.startswith("torchkeras.keras."):
        module = module[len("torchkeras."):].rsplit(".", 1)[0]
    return {"module": module, "class_name": type(obj).__name__, "config": obj.get_config(), "registered_name": None}


def deserialize_keras_object(config, module_objects=None, custom_objects=None, printable_module_name="object"):
    """The object described by ``config`` (a serialized dict or a name), found in the tables given."""
    tables = [custom_objects or {}, module_objects or {}]
    if isinstance(config, str):
        found = _lookup(config, tables)
        if found is None:
            raise ValueError("Could not interpret %s identifier: %s" % (printable_module_name, config))
        return found
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError("Could not interpret serialized %s: %r" % (printable_module_name, config))
    class_name = config["class_name"]
    inner = config.get("config", {})
    if class_name == "function":
        found = _lookup(inner, tables)
        if found is None:
            raise ValueError("Unknown function: '%s'. Please ensure you are using a `keras.utils.custom_object_scope` "
                             "and that this object is included in the scope." % inner)
        return found
    cls = _lookup(class_name, tables)
    if cls is None:
        raise TypeError("Could not locate class '%s'. Make sure custom classes are decorated with "
                        "`@keras.saving.register_keras_serializable()`. Full object config: %s" % (class_name, config))
    if hasattr(cls, "from_config"):
        return cls.from_config(dict(inner) if isinstance(inner, dict) else inner)
    return cls(**inner)


def _lookup(name, tables):
    for table in tables:
        if name in table:
            return table[name]
    return None
