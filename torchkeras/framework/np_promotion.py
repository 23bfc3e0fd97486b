"""TF's NumPy type promotion (tnp, and tensor operators under NumPy behavior).

TF's tnp promotes with NumPy's own ``np.result_type`` (NEP 50 under NumPy 2): tensors
count by their dtype, Python scalars are weak, and with ``prefer_float32`` a Python
``float`` counts as ``float32``.  Array creation infers ``int64`` / ``float64`` from
Python values, as NumPy does.  This module is the one place for those rules.
"""

from __future__ import annotations

import numbers

import numpy as np
import torch

from . import device as _device
from . import dtypes
from .global_state import PROCESS
from .op_errors import dtype_of
from .tensor import Tensor, TensorOperators, wrap

__all__ = [
    "numpy_type",
    "result_type",
    "to_dtype",
    "default_float",
    "asarray_storage",
    "astype",
    "is_inexact",
    "as_tensor",
    "promote_operands",
]


def numpy_type(x):
    """What ``np.result_type`` is given for one argument (TF's ``_maybe_get_dtype``)."""
    if isinstance(x, numbers.Real):
        if PROCESS.prefer_float32 and isinstance(x, float):
            return np.float32(x)
        return x
    if isinstance(x, complex):
        return np.complex64(x) if PROCESS.prefer_float32 else x
    if isinstance(x, TensorOperators):
        return dtypes.from_torch(x._value.dtype).as_numpy_dtype
    if isinstance(x, dtypes.DType):
        return x.as_numpy_dtype
    if isinstance(x, torch.Tensor):
        return dtypes.from_torch(x.dtype).as_numpy_dtype
    return x


def _flat(args, out):
    for x in args:
        if isinstance(x, (list, tuple)):
            _flat(x, out)
        else:
            out.append(numpy_type(x))
    return out


def result_type(*arrays_and_dtypes):
    """NumPy's ``np.result_type`` over the arguments' dtypes, as a ``tf.DType``."""
    flat = _flat(arrays_and_dtypes, [])
    if not flat:
        flat = [np.asarray([])]
    return dtypes.as_dtype(np.result_type(*flat))


def default_float():
    """The dtype tnp gives ``float`` values: ``float32`` with ``prefer_float32``, else float64."""
    return dtypes.float32 if PROCESS.prefer_float32 else dtypes.float64


def to_dtype(dtype):
    """A ``tf.DType`` for a dtype argument (``float`` follows ``prefer_float32`` as in TF)."""
    if dtype is None or isinstance(dtype, dtypes.DType):
        return dtype
    return result_type(dtype)


def asarray_storage(value, dtype=None):
    """The storage of ``tnp.asarray(value, dtype)`` (TF's ``_array_internal``): tensors keep
    their dtype unless one is given (then cast); other values infer NumPy's dtype (a ``str`` or
    ``bytes`` is a string) and cast with wraparound.  Values TF converts with
    ``convert_to_tensor`` and then casts (None, strings, mixed sequences) go that way, with its
    errors; a string result is a NumPy object array of bytes, as string tensors store them."""
    dtype = to_dtype(dtype)
    if isinstance(value, TensorOperators):
        storage = value._value
        if dtype is None or dtype_of(storage) is dtype:
            return storage
        if isinstance(storage, np.ndarray) or dtype is dtypes.string:
            return _cast(storage, dtype)
        return storage.to(dtype.torch_dtype)
    if isinstance(value, torch.Tensor):
        return value if dtype is None else value.to(dtype.torch_dtype)
    if dtype is None:
        dtype = dtypes.string if isinstance(value, (str, bytes)) else result_type(value)
    if isinstance(value, (list, tuple)) and any(isinstance(v, TensorOperators) for v in value):
        parts = [asarray_storage(v, dtype) for v in value]
        return torch.stack(parts) if parts else torch.zeros(0, dtype=dtype.torch_dtype)
    if value is None or dtype is dtypes.string:
        return _converted(value, dtype)
    array = np.asarray(value)
    if array.dtype.kind in "OSUV":
        return _converted(value, dtype)
    if dtype.torch_dtype is torch.bfloat16:
        storage = torch.from_numpy(array.astype(np.float32)).to(torch.bfloat16)
    else:
        storage = torch.from_numpy(np.array(array.astype(dtype.as_numpy_dtype), copy=True))
    return storage.to(_device.current())


def astype(storage, dtype):
    """TF's ``x.astype(dtype)`` inside tnp, on a storage: an ``EagerTensor`` has ``astype`` only
    once NumPy behavior is enabled (TF's ``AttributeError`` with its hint before), then
    ``tf.cast`` (with its errors for strings)."""
    return wrap(storage).astype(dtype)._value


def is_inexact(storage):
    """Whether a storage's dtype is a NumPy ``inexact`` one (float or complex; not strings)."""
    return isinstance(storage, torch.Tensor) and (
        storage.dtype.is_floating_point or storage.dtype.is_complex
    )


def _cast(storage, dtype):
    from ..ops import cast_ops

    return cast_ops.cast(wrap(storage), dtype)._value


def _converted(value, dtype):
    """TF's ``convert_to_tensor(value, dtype_hint=dtype)`` then ``cast(..., dtype)``."""
    from .convert import convert_to_tensor

    return _cast(convert_to_tensor(value, dtype_hint=dtype)._value, dtype)


def as_tensor(value, dtype=None):
    """``asarray_storage`` wrapped as a Tensor (the tensor itself when nothing changes)."""
    if isinstance(value, Tensor) and (
        dtype is None or value._value.dtype is to_dtype(dtype).torch_dtype
    ):
        return value
    return wrap(asarray_storage(value, dtype))


def promote_operands(x, y):
    """Both operands of a tensor operator as Tensors of their NumPy result type (TF's
    ``maybe_promote_tensors`` under NumPy behavior).  String tensors are left alone."""
    for operand in (x, y):
        if isinstance(operand, TensorOperators) and isinstance(operand._value, np.ndarray):
            return x, y
    dtype = result_type(x, y)
    for operand in (x, y):
        if type(operand) is bool and dtype.name in _NO_PYTHON_BOOL:
            raise TypeError("Cannot convert %r to EagerTensor of dtype %s" % (operand, dtype.name))
    return as_tensor(x, dtype), as_tensor(y, dtype)


# The dtypes TF's eager conversion cannot make from a Python ``bool`` (checked against TF).
_NO_PYTHON_BOOL = frozenset(
    ("int8", "int16", "uint8", "uint16", "uint32", "bfloat16", "complex64", "complex128")
)
