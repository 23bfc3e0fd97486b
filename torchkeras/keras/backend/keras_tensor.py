"""``keras.KerasTensor``: the symbolic tensor of the functional API.

It carries a shape (a tuple, ``None`` for unknown dims), a dtype name and the
history of the layer call that produced it; no data.  Calling a layer on
KerasTensors infers output shapes without computing anything.
"""
import collections

from . import naming
from ...api_export import keras_export

__all__ = ["KerasTensor", "KerasHistory", "is_keras_tensor"]

KerasHistory = collections.namedtuple("KerasHistory", ["operation", "node_index", "tensor_index"])


@keras_export("keras.KerasTensor")
class KerasTensor:
    """A symbolic tensor: ``shape`` (tuple), ``dtype`` (name), ``name``, ``_keras_history``."""

    def __init__(self, shape, dtype="float32", sparse=False, ragged=False, record_history=True, name=None):
        self._shape = tuple(None if d is None else int(d) for d in shape)
        self._dtype = dtype
        self.sparse = sparse
        self.ragged = ragged
        self.name = name or naming.uniquify("keras_tensor")
        self._keras_history = KerasHistory(None, 0, 0)

    @property
    def shape(self):
        """The static shape, a tuple of ints and ``None``."""
        return self._shape

    @property
    def dtype(self):
        """The dtype name, e.g. ``'float32'``."""
        return self._dtype

    @property
    def ndim(self):
        """The rank."""
        return len(self._shape)

    def __repr__(self):
        return "<KerasTensor shape=%s, dtype=%s, sparse=%s, ragged=%s, name=%s>" % (
            self._shape, self._dtype, self.sparse, self.ragged, self.name)

    __str__ = __repr__

    def __bool__(self):
        raise TypeError("A symbolic KerasTensor cannot be used as a boolean.")

    def __iter__(self):
        raise NotImplementedError("Iterating over a symbolic KerasTensor is not supported.")

    def _op(self, fn, other=None, reverse=False, name="lambda"):
        from ..layers.core.lambda_layer import Lambda
        if other is None:
            return Lambda(fn, name=naming.auto_name(name))(self)
        pair = [other, self] if reverse else [self, other]
        if not isinstance(other, KerasTensor):
            constant = pair[0] if reverse else pair[1]
            if reverse:
                return Lambda(lambda x: fn(constant, x), name=naming.auto_name(name))(self)
            return Lambda(lambda x: fn(x, constant), name=naming.auto_name(name))(self)
        return Lambda(lambda xs: fn(xs[0], xs[1]), name=naming.auto_name(name))(pair)

    def __add__(self, other):
        return self._op(lambda a, b: a + b, other, name="add")

    def __radd__(self, other):
        return self._op(lambda a, b: a + b, other, reverse=True, name="add")

    def __sub__(self, other):
        return self._op(lambda a, b: a - b, other, name="subtract")

    def __rsub__(self, other):
        return self._op(lambda a, b: a - b, other, reverse=True, name="subtract")

    def __mul__(self, other):
        return self._op(lambda a, b: a * b, other, name="multiply")

    def __rmul__(self, other):
        return self._op(lambda a, b: a * b, other, reverse=True, name="multiply")

    def __truediv__(self, other):
        return self._op(lambda a, b: a / b, other, name="true_divide")

    def __rtruediv__(self, other):
        return self._op(lambda a, b: a / b, other, reverse=True, name="true_divide")

    def __matmul__(self, other):
        return self._op(lambda a, b: a @ b, other, name="matmul")

    def __neg__(self):
        return self._op(lambda a: -a, name="negative")

    def __getitem__(self, key):
        return self._op(lambda a: a[key], name="get_item")


@keras_export("keras.utils.is_keras_tensor", "keras.backend.is_keras_tensor")
def is_keras_tensor(x):
    """True for a symbolic ``KerasTensor``."""
    return isinstance(x, KerasTensor)
