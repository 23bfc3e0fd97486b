"""TensorFlow ``DType`` objects and their mapping to torch and NumPy dtypes.

``tf.float32`` and friends are instances of :class:`DType`.  They print as TF
prints them (``repr`` -> ``tf.float32``, ``str`` -> ``<dtype: 'float32'>``),
compare equal to their name, NumPy dtype and to each other, and know the torch
dtype that stores them.  ``string`` has no torch dtype: string tensors are
NumPy object arrays of ``bytes``.  ``bfloat16`` maps to ``ml_dtypes.bfloat16``,
the NumPy type TF and JAX use.
"""

from __future__ import annotations

import ml_dtypes
import numpy as np
import torch
from ..api_export import tf_export as _tf_export, export_value as _export_value

__all__ = [
    "DType",
    "as_dtype",
    "float16",
    "half",
    "bfloat16",
    "float32",
    "float64",
    "double",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "bool",
    "complex64",
    "complex128",
    "string",
    "from_torch",
]


@_tf_export("dtypes.DType", "DType")
class DType:
    """A TensorFlow dtype (``tf.float32``, ``tf.int32``, ``tf.string`` ...).

    Equality accepts another DType, its name (``'float32'``), or anything NumPy
    turns into the same dtype (``np.float32``).  ``torch_dtype`` is ours: the
    torch dtype that stores values of this type (``None`` for ``string``).
    """

    __slots__ = ("name", "torch_dtype", "_np", "_kind", "_size")

    def __init__(self, name, torch_dtype, np_type, kind, size):
        self.name = name
        self.torch_dtype = torch_dtype
        self._np = np_type
        self._kind = kind
        self._size = size

    def __repr__(self):
        return "tf." + self.name

    def __str__(self):
        return "<dtype: '%s'>" % self.name

    def __eq__(self, other):
        if other is self:
            return True
        if other is None:
            return False
        try:
            return as_dtype(other) is self
        except TypeError:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.name)

    def __reduce__(self):
        return as_dtype, (self.name,)

    @property
    def as_numpy_dtype(self):
        """The NumPy scalar type (``np.float32``; ``object`` for ``string``)."""
        return self._np

    @property
    def as_datatype_enum(self):
        """TF's numeric enum value of this dtype."""
        return _ENUMS[self.name]

    @property
    def base_dtype(self):
        """This dtype (TF's reference dtypes do not exist here)."""
        return self

    @property
    def real_dtype(self):
        """The dtype of the real part: ``complex64`` -> ``float32``."""
        return {"complex64": float32, "complex128": float64}.get(self.name, self)

    @property
    def is_floating(self):
        return self._kind == "f"

    @property
    def is_integer(self):
        return self._kind in ("i", "u")

    @property
    def is_unsigned(self):
        return self._kind == "u"

    @property
    def is_complex(self):
        return self._kind == "c"

    @property
    def is_bool(self):
        return self._kind == "b"

    @property
    def is_quantized(self):
        return False

    @property
    def is_numpy_compatible(self):
        """True: every dtype here has a NumPy type (bfloat16's is ``ml_dtypes.bfloat16``)."""
        return True

    @property
    def size(self):
        """Bytes per element (1 for bool, 8 for string pointers as in TF)."""
        return self._size

    @property
    def min(self):
        """The smallest representable value (NumPy scalar for floats, int for ints)."""
        if self.is_floating:
            return self._finfo().min
        if self.is_integer:
            return int(np.iinfo(self._np).min)
        raise TypeError("Cannot find minimum value of %s." % self)

    @property
    def max(self):
        """The largest representable value (NumPy scalar for floats, int for ints)."""
        if self.is_floating:
            return self._finfo().max
        if self.is_integer:
            return int(np.iinfo(self._np).max)
        if self.is_bool:
            return True
        raise TypeError("Cannot find maximum value of %s." % self)

    @property
    def limits(self):
        """TF's ``(0, max)`` pair for integers, ``(min, max)`` otherwise."""
        if self.is_integer and not self.is_unsigned:
            return (0, self.max)
        return (self.min, self.max)

    def _finfo(self):
        return ml_dtypes.finfo(self._np)

    def is_compatible_with(self, other):
        """True when ``other`` names the same dtype."""
        return as_dtype(other) is self


float16 = DType("float16", torch.float16, np.float16, "f", 2)
_export_value(float16, "tf.float16", "tf.dtypes.float16")
bfloat16 = DType("bfloat16", torch.bfloat16, ml_dtypes.bfloat16, "f", 2)
_export_value(bfloat16, "tf.bfloat16", "tf.dtypes.bfloat16")
float32 = DType("float32", torch.float32, np.float32, "f", 4)
_export_value(float32, "tf.float32", "tf.dtypes.float32")
float64 = DType("float64", torch.float64, np.float64, "f", 8)
_export_value(float64, "tf.float64", "tf.dtypes.float64")
int8 = DType("int8", torch.int8, np.int8, "i", 1)
_export_value(int8, "tf.int8", "tf.dtypes.int8")
int16 = DType("int16", torch.int16, np.int16, "i", 2)
_export_value(int16, "tf.int16", "tf.dtypes.int16")
int32 = DType("int32", torch.int32, np.int32, "i", 4)
_export_value(int32, "tf.int32", "tf.dtypes.int32")
int64 = DType("int64", torch.int64, np.int64, "i", 8)
_export_value(int64, "tf.int64", "tf.dtypes.int64")
uint8 = DType("uint8", torch.uint8, np.uint8, "u", 1)
_export_value(uint8, "tf.uint8", "tf.dtypes.uint8")
uint16 = DType("uint16", getattr(torch, "uint16", None), np.uint16, "u", 2)
_export_value(uint16, "tf.uint16", "tf.dtypes.uint16")
uint32 = DType("uint32", getattr(torch, "uint32", None), np.uint32, "u", 4)
_export_value(uint32, "tf.uint32", "tf.dtypes.uint32")
uint64 = DType("uint64", getattr(torch, "uint64", None), np.uint64, "u", 8)
_export_value(uint64, "tf.uint64", "tf.dtypes.uint64")
bool = DType("bool", torch.bool, np.bool_, "b", 1)  # noqa: A001 - TF's name
_export_value(bool, "tf.bool", "tf.dtypes.bool")
complex64 = DType("complex64", torch.complex64, np.complex64, "c", 8)
_export_value(complex64, "tf.complex64", "tf.dtypes.complex64")
complex128 = DType("complex128", torch.complex128, np.complex128, "c", 16)
_export_value(complex128, "tf.complex128", "tf.dtypes.complex128")
string = DType("string", None, object, "s", 8)
_export_value(string, "tf.string", "tf.dtypes.string")
half = float16
_export_value(half, "tf.half", "tf.dtypes.half")
double = float64
_export_value(double, "tf.double", "tf.dtypes.double")

_ALL = (
    float16,
    bfloat16,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
    bool,
    complex64,
    complex128,
    string,
)
_ENUMS = {
    "float32": 1,
    "float64": 2,
    "int32": 3,
    "uint8": 4,
    "int16": 5,
    "int8": 6,
    "string": 7,
    "complex64": 8,
    "int64": 9,
    "bool": 10,
    "bfloat16": 14,
    "uint16": 17,
    "complex128": 18,
    "float16": 19,
    "uint32": 22,
    "uint64": 23,
}

# Storage types torch cannot hand to NumPy directly: torch dtype -> (same-width
# integer torch dtype, its NumPy twin, the ml_dtypes type); data crosses as raw bits.
BIT_VIEWS = {torch.bfloat16: (torch.int16, np.int16, ml_dtypes.bfloat16)}
BIT_VIEWS_BY_NUMPY = {np.dtype(v[2]): (v[1], k) for k, v in BIT_VIEWS.items()}

_BY_NAME = {d.name: d for d in _ALL}
_BY_NAME.update({"half": float16, "double": float64, "float": float32})
_BY_TORCH = {d.torch_dtype: d for d in _ALL if d.torch_dtype is not None}
_BY_NUMPY = {np.dtype(d._np): d for d in _ALL if d is not string}
_BY_NUMPY[np.dtype(object)] = string
_PY_BOOL = type(True)
_BY_PYTYPE = {float: float32, bytes: string, str: string, _PY_BOOL: bool}
_BY_ENUM = {v: _BY_NAME[k] for k, v in _ENUMS.items()}


def from_torch(torch_dtype):
    """The DType that stores values as ``torch_dtype`` (``torch.float32`` -> ``tf.float32``)."""
    return _BY_TORCH[torch_dtype]


@_tf_export("dtypes.as_dtype", "as_dtype")
def as_dtype(type_value):
    """Converts a name, NumPy dtype, Python type, torch dtype or DType to a DType.

    Like ``tf.as_dtype``: ``'float32'``, ``np.float64``, ``bool``, ``str`` and
    ``tf.int8`` are accepted; anything else raises ``TypeError``.
    """
    if type(type_value) is DType:
        return type_value
    try:
        if isinstance(type_value, str):
            return _BY_NAME[type_value]
        if isinstance(type_value, torch.dtype):
            return _BY_TORCH[type_value]
        if isinstance(type_value, int) and not isinstance(type_value, _PY_BOOL):
            return _BY_ENUM[type_value]
        if type_value in _BY_PYTYPE:
            return _BY_PYTYPE[type_value]
        if type_value is not int and type_value is not None:
            numpy_dtype = np.dtype(type_value)
            if numpy_dtype.kind in "SU":
                return string
            return _BY_NUMPY[numpy_dtype.newbyteorder("=")]
    except (KeyError, TypeError):
        pass
    raise TypeError(
        "Cannot convert the argument `type_value`: %r to a TensorFlow DType." % (type_value,)
    )
