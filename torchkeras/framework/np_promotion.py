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
from .tensor import Tensor, TensorOperators, wrap

__all__ = [
    "numpy_type",
    "result_type",
    "to_dtype",
    "default_float",
    "asarray_storage",
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
    """The torch storage of ``tnp.asarray(value, dtype)``: tensors keep their dtype unless one
    is given (then cast); other values infer NumPy's dtype and cast with wraparound."""
    dtype = to_dtype(dtype)
    if isinstance(value, TensorOperators):
        storage = value._value
        if dtype is not None and storage.dtype is not dtype.torch_dtype:
            storage = storage.to(dtype.torch_dtype)
        return storage
    if isinstance(value, torch.Tensor):
        return value if dtype is None else value.to(dtype.torch_dtype)
    if dtype is None:
        dtype = result_type(value)
    if isinstance(value, (list, tuple)) and any(isinstance(v, TensorOperators) for v in value):
        parts = [asarray_storage(v, dtype) for v in value]
        return torch.stack(parts) if parts else torch.zeros(0, dtype=dtype.torch_dtype)
    array = np.asarray(value)
    if dtype.torch_dtype is torch.bfloat16:
        storage = torch.from_numpy(array.astype(np.float32)).to(torch.bfloat16)
    else:
        storage = torch.from_numpy(np.array(array.astype(dtype.as_numpy_dtype), copy=True))
    return storage.to(_device.current())


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
