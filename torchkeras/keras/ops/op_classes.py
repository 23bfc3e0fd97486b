"""The op classes (``Add``, ``Mean``, ``GetItem`` ...) that ``keras.ops`` functions and the
KerasTensor operators become on symbolic tensors, as in Keras 3.

Each class is an :class:`~.operation.Operation` made from a row of
``op_specs.OP_SPECS``: its constructor takes the function's non-tensor
arguments (the op's config, e.g. ``Mean(axis=1, keepdims=True)``), its
``call`` the tensor ones, and it runs the ``keras.ops`` function.  A functional
model serializes such an op as Keras does
(``{"module": "keras.src.ops.numpy", "class_name": "Add", ...}``), so it saves
and loads in safe mode and moves between Keras and torchkeras.
"""

import inspect

from .op_specs import ALIASES, OP_SPECS
from .operation import Operation

__all__ = [
    "FunctionOperation",
    "register_functions",
    "operation_class",
    "class_for_keras",
    "symbolic_call",
]

_BY_CLASS_NAME = {}
_BY_KERAS_NAME = {}
_BY_FUNCTION = {}


def _get_item(x, key):
    """``x[key]``; a list ``key`` (JSON's form of a tuple) is read as a tuple, as Keras does."""
    return x[tuple(key) if isinstance(key, list) else key]


class FunctionOperation(Operation):
    """An op running one ``keras.ops`` function: constructor arguments are its config, ``call``
    arguments (positional, in Keras' order) its tensor inputs."""

    function = None
    """The ``keras.ops`` function the op runs."""
    keras_module = None
    """The module Keras defines the class in (``'keras.src.ops.numpy'``), written in configs."""
    init_names = ()
    call_names = ()
    _positional = ()
    _star = None

    def __init__(self, *args, name=None, **kwargs):
        super().__init__(name=name)
        if len(args) > len(self.init_names):
            raise TypeError(
                "%s takes at most %d positional arguments (%d given)"
                % (type(self).__name__, len(self.init_names), len(args))
            )
        config = dict(zip(self.init_names, args))
        for key, value in kwargs.items():
            if key not in self.init_names:
                raise TypeError(
                    "%s got an unexpected keyword argument '%s'" % (type(self).__name__, key)
                )
            config[key] = value
        self.__dict__["_config"] = config

    def call(self, *args, **kwargs):
        values = dict(self._config)
        star = self._star
        named = args if star is None else args[:star]
        values.update(zip(self.call_names, named))
        values.update(kwargs)
        if star is None and not self._positional:
            return type(self).function(**values)
        positional = [values.pop(name) for name in self._positional if name in values]
        if star is not None:
            positional.extend(args[star:])
        return type(self).function(*positional, **values)

    def get_config(self):
        """``name`` and the constructor arguments (Keras' auto-config of an op)."""
        config = {"name": self.name}
        config.update(self._config)
        return config


def _make_class(function, module, class_name, init_names, call_names):
    star = next((i for i, name in enumerate(call_names) if name.startswith("*")), None)
    params = list(inspect.signature(function).parameters.values())
    positional = ()
    if star is not None:
        kinds = [p.kind for p in params]
        end = kinds.index(inspect.Parameter.VAR_POSITIONAL)
        positional = tuple(p.name for p in params[:end])
    doc = "Keras' ``%s`` op: runs ``keras.ops.%s``." % (class_name, function.__name__)
    attributes = {
        "__doc__": doc,
        "__module__": __name__,
        "function": staticmethod(function),
        "keras_module": "keras.src.ops." + module,
        "init_names": tuple(init_names),
        "call_names": tuple(name.lstrip("*") for name in call_names),
        "_positional": positional,
        "_star": star,
        "_signature": inspect.signature(function),
    }
    return type(class_name, (FunctionOperation,), attributes)


def register_functions(functions):
    """Makes the op class of every function in ``functions`` (name -> ``keras.ops`` function)
    that Keras has one for; returns the names of the functions covered."""
    covered = []
    for name in sorted(set(OP_SPECS) | set(ALIASES)):
        canonical = ALIASES.get(name, name)
        function = _get_item if canonical == "get_item" else functions.get(canonical)
        if function is None or (name != canonical and name not in functions):
            continue
        module, class_name, init_names, call_names = OP_SPECS[canonical]
        cls = _BY_CLASS_NAME.get(class_name)
        if cls is None:
            cls = _make_class(function, module, class_name, init_names, call_names)
            _BY_CLASS_NAME[class_name] = cls
            _BY_KERAS_NAME[(cls.keras_module, class_name)] = cls
        _BY_FUNCTION[name] = cls
        covered.append(name)
    return covered


def operation_class(class_name):
    """The op class called ``class_name`` (``'Add'``)."""
    return _BY_CLASS_NAME[class_name]


def class_for_keras(module, class_name):
    """The op class a Keras config names by ``module`` and ``class_name``, else ``None``."""
    return _BY_KERAS_NAME.get((module, class_name))


def symbolic_call(name, args, kwargs):
    """``keras.ops.<name>(*args, **kwargs)`` on KerasTensors: the op built from the non-tensor
    arguments and called on the tensor ones, as the Keras function does."""
    cls = _BY_FUNCTION[name]
    bound = cls._signature.bind(*args, **kwargs)
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    for parameter in cls._signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            arguments.update(arguments.pop(parameter.name, {}))
    config = {key: arguments[key] for key in cls.init_names if key in arguments}
    call_args = []
    for index, key in enumerate(cls.call_names):
        if index == cls._star:
            call_args.extend(arguments.get(key, ()))
        else:
            call_args.append(arguments.get(key))
    return cls(**config).symbolic_call(*call_args)
