"""``keras.KerasTensor``: the symbolic tensor of the functional API.

It carries a shape (a tuple, ``None`` for unknown dims), a dtype name and the
history of the operation call that produced it; no data.  Calling a layer on
KerasTensors infers output shapes without computing anything; Python operators
(``x + y``, ``x[:, 0]``, ``x > 0`` ...) record Keras' op classes (``Add``,
``GetItem``, ``Greater`` ...), as ``keras.ops`` functions do.
"""

import collections

from . import naming
from ...api_export import keras_export

__all__ = ["KerasTensor", "KerasHistory", "is_keras_tensor"]


def _operation(class_name):
    """The Keras op class ``class_name`` (``keras.ops`` defines them above this module)."""
    from ..ops import op_classes

    return op_classes.operation_class(class_name)


KerasHistory = collections.namedtuple("KerasHistory", ["operation", "node_index", "tensor_index"])


def _standardize_dtype(dtype):
    """Keras' dtype name for ``dtype`` (its ``ValueError`` for an invalid one)."""
    from ..ops._dtypes import standardize_dtype  # noqa: PLC0415 - keras.ops imports this module

    return standardize_dtype(dtype)


_STANDARD = frozenset(
    ("float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8")
    + ("uint16", "uint32", "uint64", "bool", "string", "complex64", "complex128")
)
"""Dtype names kept as they are (no lookup on the common path)."""


@keras_export("keras.KerasTensor")
class KerasTensor:
    """A symbolic tensor: ``shape`` (tuple), ``dtype`` (name), ``name``, ``_keras_history``."""

    def __init__(
        self, shape, dtype="float32", sparse=False, ragged=False, record_history=True, name=None
    ):
        self._shape = tuple(None if d is None else int(d) for d in shape)
        self._dtype = dtype if dtype in _STANDARD else _standardize_dtype(dtype)
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
            self._shape,
            self._dtype,
            self.sparse,
            self.ragged,
            self.name,
        )

    __str__ = __repr__

    def __bool__(self):
        raise TypeError("A symbolic KerasTensor cannot be used as a boolean.")

    def __iter__(self):
        raise NotImplementedError("Iterating over a symbolic KerasTensor is not supported.")

    def reshape(self, newshape):
        """``keras.ops.reshape(self, newshape)``."""
        return _operation("Reshape")(newshape).symbolic_call(self)

    def squeeze(self, axis=None):
        """``keras.ops.squeeze(self, axis)``."""
        return _operation("Squeeze")(axis).symbolic_call(self)

    def __add__(self, other):
        return _operation("Add")().symbolic_call(self, other)

    def __radd__(self, other):
        return _operation("Add")().symbolic_call(other, self)

    def __sub__(self, other):
        return _operation("Subtract")().symbolic_call(self, other)

    def __rsub__(self, other):
        return _operation("Subtract")().symbolic_call(other, self)

    def __mul__(self, other):
        return _operation("Multiply")().symbolic_call(self, other)

    def __rmul__(self, other):
        return _operation("Multiply")().symbolic_call(other, self)

    def __matmul__(self, other):
        return _operation("Matmul")().symbolic_call(self, other)

    def __rmatmul__(self, other):
        return _operation("Matmul")().symbolic_call(other, self)

    def __truediv__(self, other):
        return _operation("TrueDivide")().symbolic_call(self, other)

    def __rtruediv__(self, other):
        return _operation("TrueDivide")().symbolic_call(other, self)

    def __pow__(self, other):
        return _operation("Power")().symbolic_call(self, other)

    def __rpow__(self, other):
        return _operation("Power")().symbolic_call(other, self)

    def __floordiv__(self, other):
        return _operation("FloorDivide")().symbolic_call(self, other)

    def __rfloordiv__(self, other):
        return _operation("FloorDivide")().symbolic_call(other, self)

    def __mod__(self, other):
        return _operation("Mod")().symbolic_call(self, other)

    def __rmod__(self, other):
        return _operation("Mod")().symbolic_call(other, self)

    def __and__(self, other):
        return _operation("LogicalAnd")().symbolic_call(self, other)

    def __rand__(self, other):
        return _operation("LogicalAnd")().symbolic_call(other, self)

    def __or__(self, other):
        return _operation("LogicalOr")().symbolic_call(self, other)

    def __ror__(self, other):
        return _operation("LogicalOr")().symbolic_call(other, self)

    def __xor__(self, other):
        return _operation("LogicalXor")().symbolic_call(self, other)

    def __rxor__(self, other):
        return _operation("LogicalXor")().symbolic_call(other, self)

    def __lt__(self, other):
        return _operation("Less")().symbolic_call(self, other)

    def __le__(self, other):
        return _operation("LessEqual")().symbolic_call(self, other)

    def __gt__(self, other):
        return _operation("Greater")().symbolic_call(self, other)

    def __ge__(self, other):
        return _operation("GreaterEqual")().symbolic_call(self, other)

    def __ne__(self, other):
        return _operation("NotEqual")().symbolic_call(self, other)

    def __neg__(self):
        return _operation("Negative")().symbolic_call(self)

    def __abs__(self):
        return _operation("Absolute")().symbolic_call(self)

    def __invert__(self):
        return _operation("LogicalNot")().symbolic_call(self)

    def __getitem__(self, key):
        return _operation("GetItem")().symbolic_call(self, key)

    def __round__(self, ndigits=None):
        return _operation("Round")(decimals=ndigits or 0).symbolic_call(self)


@keras_export("keras.utils.is_keras_tensor", "keras.backend.is_keras_tensor")
def is_keras_tensor(x):
    """True for a symbolic ``KerasTensor``."""
    return isinstance(x, KerasTensor)
