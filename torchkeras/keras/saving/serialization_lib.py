"""Keras 3's serialized form of objects: ``serialize_keras_object`` / ``deserialize_keras_object``.

An object becomes ``{'module', 'class_name', 'config', 'registered_name'}``
(layers add ``build_config``, compiled models ``compile_config``), with the
module names real Keras writes (``keras.layers``, ``keras.initializers``,
``keras`` for ``Sequential``, ``keras.src.models.functional`` for functional
models), so configs move between torchkeras and Keras both ways.
Deserialization only looks classes up (built-ins, the registry, a custom
object scope, ``custom_objects``); it never imports modules named in the
file nor unpickles.  ``Lambda`` layers holding Python bytecode are refused
unless ``safe_mode=False``.
"""

import inspect

import numpy as np

from ...framework import global_state
from ...framework import tree as _tree
from . import object_registration
from ...api_export import public_keras_name, symbol
from ...api_export import keras_export

__all__ = [
    "serialize_keras_object",
    "deserialize_keras_object",
    "SafeModeScope",
    "in_safe_mode",
    "enable_unsafe_deserialization",
]

_STATE = global_state.PER_THREAD

# Keras arguments torchkeras' layers do not take; dropped on load when they hold Keras' inert
# default.
_INERT_KERAS_ARGUMENTS = {
    "renorm": False,
    "renorm_clipping": None,
    "renorm_momentum": 0.99,
    "quantization_config": None,
    "ragged": False,
    "lora_rank": None,
    "lora_alpha": None,
}


# Python built-ins a saved ``Lambda`` may name (Keras writes e.g. ``abs`` by reference); nothing
# else is looked up.
_SAFE_BUILTINS = {
    "abs": abs,
    "max": max,
    "min": min,
    "round": round,
    "sum": sum,
    "pow": pow,
    "len": len,
}


class SafeModeScope:
    """``with SafeModeScope(False):`` allows unsafe deserialization (Python lambdas) inside the
    block."""

    def __init__(self, safe_mode=True):
        self.safe_mode = safe_mode

    def __enter__(self):
        self._previous = _STATE.safe_mode
        _STATE.safe_mode = self.safe_mode
        return self

    def __exit__(self, *exc_info):
        _STATE.safe_mode = self._previous


def in_safe_mode():
    """Whether Python lambdas are refused here (``None`` outside any scope, which counts as safe;
    ``False`` everywhere after :func:`enable_unsafe_deserialization`)."""
    value = _STATE.safe_mode
    return False if value is None and _STATE.unsafe_deserialization else value


@keras_export("keras.config.enable_unsafe_deserialization")
def enable_unsafe_deserialization():
    """``keras.config.enable_unsafe_deserialization()``: from now on, loading accepts Python
    lambdas (and other code) without ``safe_mode=False``.  Only for files you trust."""
    _STATE.unsafe_deserialization = True


def unsafe_deserialization_enabled():
    """Whether :func:`enable_unsafe_deserialization` was called."""
    return _STATE.unsafe_deserialization


# The namespaces a config's class or function is looked up in, in this order.
_NAMESPACES = (
    "keras.layers",
    "keras.initializers",
    "keras.optimizers",
    "keras.losses",
    "keras.metrics",
    "keras.regularizers",
    "keras.constraints",
    "keras.activations",
    "keras.models",
)


def _keras(name):
    """The object exported as ``keras.<name>`` (found in the export registry, so no import
    cycle)."""
    return symbol("keras." + name)


def _namespaces():
    return {name: symbol(name) for name in _NAMESPACES}


def _functional():
    return _keras("models").Functional


def _public_module(cls):
    """Keras' module string for a torchkeras built-in class (the namespace of its canonical
    ``keras.*`` name, as Keras writes it: ``keras.layers``, ``keras`` for ``Sequential``), else
    ``None``."""
    name = public_keras_name(cls)
    if name is not None:
        return name.rpartition(".")[0]
    if cls is _functional():
        return "keras.src.models.functional"
    return None


def _is_layer(obj):
    return isinstance(obj, _keras("layers.Layer"))


@keras_export("keras.saving.serialize_keras_object", "keras.utils.serialize_keras_object")
def serialize_keras_object(obj):
    """Keras' serialized form of ``obj`` (plain values, lists and dicts are converted item by
    item)."""
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, (list, tuple)):
        items = [serialize_keras_object(x) for x in obj]
        return tuple(items) if isinstance(obj, tuple) else items
    if isinstance(obj, dict):
        return {key: serialize_keras_object(value) for key, value in obj.items()}
    if isinstance(obj, np.ndarray):
        return {
            "class_name": "__numpy__",
            "config": {"value": obj.tolist(), "dtype": obj.dtype.name},
        }
    if isinstance(obj, slice):
        return {
            "class_name": "__slice__",
            "config": {
                "start": serialize_keras_object(obj.start),
                "stop": serialize_keras_object(obj.stop),
                "step": serialize_keras_object(obj.step),
            },
        }
    if obj is Ellipsis:
        return {"class_name": "__ellipsis__", "config": {}}
    if _is_tensor(obj):
        value = np.asarray(obj.numpy())
        return {
            "class_name": "__tensor__",
            "config": {"value": value.tolist(), "dtype": value.dtype.name},
        }
    if inspect.isbuiltin(obj):
        return {
            "module": "builtins",
            "class_name": "builtin_function_or_method",
            "config": obj.__name__,
            "registered_name": "builtin_function_or_method",
        }
    if inspect.isfunction(obj):
        registered = object_registration.GLOBAL_CUSTOM_NAMES.get(obj)
        return {
            "module": "builtins",
            "class_name": "function",
            "config": registered or obj.__name__,
            "registered_name": "function",
        }
    cls = type(obj)
    module = _public_module(cls)
    registered_name = None if module is not None else object_registration.get_registered_name(cls)
    if module is None and isinstance(obj, _op_classes().FunctionOperation):
        module, registered_name = cls.keras_module, cls.__name__  # what Keras writes for its ops
    config = _object_config(obj)
    out = {
        "module": module or cls.__module__,
        "class_name": cls.__name__,
        "config": config,
        "registered_name": registered_name,
    }
    if _is_layer(obj):
        build_config = (
            {"input_shape": None} if isinstance(obj, _functional()) else obj.get_build_config()
        )
        if build_config is not None:
            out["build_config"] = _jsonable(build_config)
        if isinstance(obj, _keras("Model")):
            from . import model_config

            compiled = (
                getattr(obj, "compiled", False) and getattr(obj, "optimizer", None) is not None
            )
            out["compile_config"] = model_config.compile_config(obj) if compiled else {}
    return out


def _is_tensor(obj):
    from ...framework.tensor import TensorOperators

    return isinstance(obj, TensorOperators)


def _op_classes():
    from ..ops import op_classes

    return op_classes


def _lambda_class():
    return _keras("layers.Lambda")


def _object_config(obj):
    from . import lambda_config, model_config

    Functional, Model, Sequential = _functional(), _keras("Model"), _keras("Sequential")
    if isinstance(obj, _lambda_class()) and type(obj).get_config is _lambda_class().get_config:
        return _jsonable(lambda_config.lambda_config(obj))
    if isinstance(obj, Sequential) and type(obj).get_config is Sequential.get_config:
        return model_config.sequential_config(obj)
    if isinstance(obj, Functional) and type(obj).get_config is Model.get_config:
        return model_config.functional_config(obj)
    if not hasattr(obj, "get_config"):
        raise TypeError(
            "Cannot serialize object %r of type %s: it has no `get_config()` method."
            % (obj, type(obj))
        )
    return _jsonable(obj.get_config())


def _jsonable(value):
    """``value`` with nested Keras objects serialized, ready for ``json.dumps`` (tuples stay
    tuples in memory, as in Keras; JSON writes them as lists)."""
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_jsonable(item) for item in value]
        return tuple(items) if isinstance(value, tuple) else items
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if hasattr(value, "as_list") and hasattr(value, "rank"):
        return value.as_list()
    if hasattr(value, "name") and type(value).__name__ == "DType":
        return value.name
    return serialize_keras_object(value)


def _find_class(config, custom_objects):
    class_name = config["class_name"]
    registered = config.get("registered_name")
    for key in (registered, class_name):
        if key is None:
            continue
        found = object_registration.get_registered_object(key, custom_objects)
        if found is not None:
            return found
    module = config.get("module") or ""
    operation = _op_classes().class_for_keras(module, class_name)
    if operation is not None:
        return operation
    if class_name == "Functional" or (module == "keras" and class_name in ("Sequential", "Model")):
        return getattr(_keras("models"), class_name)
    namespaces = _namespaces()
    order = [namespaces[module]] if module in namespaces else []
    order += [ns for ns in namespaces.values() if ns not in order]
    for namespace in order:
        found = getattr(namespace, class_name, None)
        if inspect.isclass(found):
            return found
    raise TypeError(
        "Could not locate class '%s'. Make sure custom classes are decorated with "
        "`@keras.saving.register_keras_serializable()`. Full object config: %s"
        % (class_name, config)
    )


def _find_function(config, custom_objects):
    name = config["config"]
    for key in (config.get("registered_name"), name):
        if key is None:
            continue
        found = object_registration.get_registered_object(key, custom_objects)
        if found is not None:
            return found
    if config.get("module") == "builtins" and config["class_name"] == "builtin_function_or_method":
        found = _SAFE_BUILTINS.get(name)
        if found is not None:
            return found
    module = config.get("module") or ""
    namespaces = _namespaces()
    candidates = [namespaces[module]] if module in namespaces else []
    candidates += [
        namespaces["keras.activations"],
        namespaces["keras.losses"],
        namespaces["keras.metrics"],
    ]
    for namespace in candidates:
        found = getattr(namespace, name, None)
        if callable(found):
            return found
    raise TypeError(
        "Could not locate function '%s'. Make sure custom classes are decorated with "
        "`@keras.saving.register_keras_serializable()`. Full object config: %s" % (name, config)
    )


def _compatible(cls, config):
    """``config`` less the Keras-only arguments at their inert defaults that ``cls`` does not take,
    with Keras 2's ``batch_input_shape`` renamed as Keras 3 reads it."""
    try:
        parameters = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return config
    config = {
        key: value
        for key, value in config.items()
        if not (
            key in _INERT_KERAS_ARGUMENTS
            and key not in parameters
            and value == _INERT_KERAS_ARGUMENTS[key]
        )
    }
    if "batch_input_shape" in config and "batch_input_shape" not in parameters:
        shape = config.pop("batch_input_shape")
        if issubclass(cls, _keras("layers.InputLayer")):
            config["batch_shape"] = shape
        else:
            config["input_shape"] = shape[1:]
    return config


def _build(layer, build_config):
    """Builds a revived layer; a subclassed model (whose ``build`` creates nothing) is run once
    on zeros instead."""
    Functional, Model, Sequential = _functional(), _keras("Model"), _keras("Sequential")
    shape = build_config["input_shape"]
    subclassed_model = isinstance(layer, Model) and not isinstance(layer, (Functional, Sequential))
    if subclassed_model and type(layer).build is Model.build:
        layer(_zeros(shape))
    else:
        layer.build_from_config(build_config)


def _zeros_of_shape(shape):
    return np.zeros([1 if dim is None else dim for dim in shape], dtype="float32")


def _zeros(shape):
    return _tree.map_shape_structure(_zeros_of_shape, shape, _tree.KERAS)


@keras_export("keras.saving.deserialize_keras_object", "keras.utils.deserialize_keras_object")
def deserialize_keras_object(config, custom_objects=None, safe_mode=True, **kwargs):
    """The object described by ``config`` (Keras' serialized dict, a plain value, or a list of
    them).

    ``custom_objects`` maps class / registered names to classes or functions;
    ``safe_mode=False`` allows ``Lambda`` layers holding Python bytecode.  With
    ``module_objects=`` (a ``{name: class or function}`` table, as ``keras.losses.deserialize``
    passes) a name or a serialized dict is looked up in ``custom_objects`` then that table only;
    ``printable_module_name`` names the kind of object in the error.
    """
    if "module_objects" in kwargs:
        return _from_tables(
            config,
            kwargs["module_objects"] or {},
            custom_objects,
            kwargs.get("printable_module_name", "object"),
        )
    if config is None or isinstance(config, (str, bool, int, float)):
        return config
    if isinstance(config, (list, tuple)):
        return [deserialize_keras_object(x, custom_objects, safe_mode) for x in config]
    if not isinstance(config, dict):
        raise TypeError("Could not parse config: %s" % (config,))
    if "class_name" not in config or "config" not in config:
        return {
            key: deserialize_keras_object(value, custom_objects, safe_mode)
            for key, value in config.items()
        }
    class_name = config["class_name"]
    if class_name == "__numpy__":
        return np.array(config["config"]["value"], dtype=config["config"]["dtype"])
    if class_name == "__tensor__":
        from ...framework.convert import convert_to_tensor

        return convert_to_tensor(
            np.array(config["config"]["value"], dtype=config["config"]["dtype"])
        )
    if class_name == "__slice__":
        inner = config["config"]
        return slice(
            *(
                deserialize_keras_object(inner[key], custom_objects, safe_mode)
                for key in ("start", "stop", "step")
            )
        )
    if class_name == "__ellipsis__":
        return Ellipsis
    if class_name in ("function", "builtin_function_or_method"):
        return _find_function(config, custom_objects)
    cls = _find_class(config, custom_objects)
    from . import model_config

    Sequential = _keras("Sequential")
    if issubclass(cls, Sequential) and cls.from_config.__func__ is Sequential.from_config.__func__:
        obj = model_config.sequential_from_config(cls, config["config"], custom_objects, safe_mode)
    elif cls is _functional():
        obj = model_config.functional_from_config(config["config"], custom_objects, safe_mode)
    elif issubclass(cls, _lambda_class()):
        from . import lambda_config

        obj = lambda_config.lambda_from_config(
            cls,
            config["config"],
            custom_objects,
            safe_mode if safe_mode is not None else in_safe_mode(),
        )
    else:
        inner = config["config"]
        obj = cls.from_config(_compatible(cls, dict(inner)) if isinstance(inner, dict) else inner)
    if _is_layer(obj):
        build_config = config.get("build_config")
        if build_config and not obj.built and build_config.get("input_shape") is not None:
            _build(obj, build_config)
        elif build_config and not obj.built and build_config.get("shapes_dict"):
            obj.build_from_config(build_config)
        compile_config = config.get("compile_config")
        if compile_config:
            model_config.compile_from_config(obj, compile_config, custom_objects)
    return obj


def _from_tables(config, module_objects, custom_objects, printable_module_name):
    """``deserialize_keras_object`` with ``module_objects``: the object ``config`` (a name or a
    serialized dict) names, found in ``custom_objects`` or ``module_objects``."""
    tables = [custom_objects or {}, module_objects]
    if isinstance(config, str):
        found = _lookup(config, tables)
        if found is None:
            raise ValueError(
                "Could not interpret %s identifier: %s" % (printable_module_name, config)
            )
        return found
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError("Could not interpret serialized %s: %r" % (printable_module_name, config))
    class_name = config["class_name"]
    inner = config.get("config", {})
    if class_name == "function":
        found = _lookup(inner, tables)
        if found is None:
            raise ValueError(
                "Unknown function: '%s'. Please ensure you are using a "
                "`keras.utils.custom_object_scope` "
                "and that this object is included in the scope." % inner
            )
        return found
    cls = _lookup(class_name, tables)
    if cls is None:
        raise TypeError(
            "Could not locate class '%s'. Make sure custom classes are decorated with "
            "`@keras.saving.register_keras_serializable()`. Full object config: %s"
            % (class_name, config)
        )
    if hasattr(cls, "from_config"):
        return cls.from_config(dict(inner) if isinstance(inner, dict) else inner)
    return cls(**inner)


def _lookup(name, tables):
    for table in tables:
        if name in table:
            return table[name]
    return None
