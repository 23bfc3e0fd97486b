"""``keras.ops`` on symbolic ``KerasTensor``s (the functional API): the op becomes a
``Lambda`` layer applied to the KerasTensor arguments, so ``keras.ops.mean(inputs, axis=1)``
builds a graph node like Keras' op nodes do."""
import functools

from ..backend import naming
from ..backend.keras_tensor import KerasTensor

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


def _symbolic_call(fn, args, kwargs):
    from ..layers.core.lambda_layer import Lambda
    tensors = []

    def take(value):
        if type(value) is KerasTensor:
            tensors.append(value)
            return len(tensors) - 1
        return None

    def slot(value):
        if type(value) in _SEQUENCES:
            return type(value)(_Slot(take(item), item) for item in value)
        return _Slot(take(value), value)

    arg_slots = [slot(a) for a in args]
    kwarg_slots = {k: slot(v) for k, v in kwargs.items()}

    def fill(value, real):
        if type(value) in _SEQUENCES:
            return type(value)(fill(item, real) for item in value)
        return value.value if value.index is None else real[value.index]

    def run(real):
        return fn(*[fill(a, real) for a in arg_slots], **{k: fill(v, real) for k, v in kwarg_slots.items()})

    return Lambda(run, name=naming.auto_name(fn.__name__))(list(tensors))


class _Slot:
    __slots__ = ("index", "value")

    def __init__(self, index, value):
        self.index = index
        self.value = None if index is not None else value


def symbolic_aware(fn):
    """``fn`` extended to KerasTensor arguments (directly or inside a list/tuple argument);
    concrete calls pay only a type scan of the arguments."""

    @functools.wraps(fn)
    def op(*args, **kwargs):
        for value in args:
            kind = type(value)
            if kind is KerasTensor or (kind in _SEQUENCES and _has_symbolic(value)):
                return _symbolic_call(fn, args, kwargs)
        if kwargs and _has_symbolic(kwargs.values()):
            return _symbolic_call(fn, args, kwargs)
        return fn(*args, **kwargs)

    return op


def static_for_keras_tensor(fn, answer):
    """``fn``, answering ``answer(x)`` (e.g. the static shape) for a KerasTensor ``x``."""

    @functools.wraps(fn)
    def op(x):
        return answer(x) if type(x) is KerasTensor else fn(x)

    return op
