"""``keras.ops`` on symbolic ``KerasTensor``s (the functional API): the function builds its
Keras op class (``op_classes``) and calls it on the KerasTensor arguments, so
``keras.ops.mean(inputs, axis=1)`` records a ``Mean`` node, as in Keras."""

import functools

from ..backend.keras_tensor import KerasTensor
from . import op_classes

__all__ = ["symbolic_aware", "static_for_keras_tensor"]

_SEQUENCES = (list, tuple)


def _has_symbolic(values):
    for value in values:
        if type(value) is KerasTensor:
            return True
        if type(value) in _SEQUENCES:
            for item in value:
                if type(item) is KerasTensor:
                    return True
    return False


def symbolic_aware(fn, name=None):
    """``fn`` extended to KerasTensor arguments (directly or inside a list/tuple argument), which
    build the op class of ``keras.ops.<name>`` (default ``fn.__name__``); concrete calls pay
    only a type scan of the arguments."""
    name = name or fn.__name__

    @functools.wraps(fn)
    def op(*args, **kwargs):
        for value in args:
            kind = type(value)
            if kind is KerasTensor or (kind in _SEQUENCES and _has_symbolic(value)):
                return op_classes.symbolic_call(name, args, kwargs)
        if kwargs and _has_symbolic(kwargs.values()):
            return op_classes.symbolic_call(name, args, kwargs)
        return fn(*args, **kwargs)

    return op


def static_for_keras_tensor(fn, answer):
    """``fn``, answering ``answer(x)`` (e.g. the static shape) for a KerasTensor ``x``."""

    @functools.wraps(fn)
    def op(x):
        return answer(x) if type(x) is KerasTensor else fn(x)

    return op
