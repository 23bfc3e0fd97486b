"""Argument conversion shared by the array ops: host int lists (shapes, perms,
axes), shape arguments, index tensors, same-dtype input lists, new storage."""
from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework import device as _device
from ..framework.convert import to_torch, to_torch_like, infer_dtype
from ..framework.shape import TensorShape
from ..framework.tensor import TensorOperators
from ._array_errors import _attr_err, _device_of, _dtype, _err, _mismatch


# The builtins, under names that stay usable in modules defining TF's ``range``/``slice``.
_py_range = range
_py_slice = slice

_INDEX_TYPES = (torch.int16, torch.int32, torch.int64)


def _host_ints(value, op, attr, name=None):
    """A Python list of ints from an int tensor-like argument (shape, perm, axis ...)."""
    if isinstance(value, TensorShape):
        return [int(d) for d in value.as_list()]
    if isinstance(value, (list, tuple)) and all(type(v) is int for v in value):
        return list(value)
    if type(value) is int:
        return value
    storage = to_torch(value)
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        raise _attr_err(op, attr, storage, name)
    values = storage.tolist()
    return values


def _int_list(value, op, attr, name=None):
    values = _host_ints(value, op, attr, name)
    return [values] if isinstance(values, int) else values


def _shape_arg(shape, op, name=None, kernel=None):
    """A shape argument (list/tuple/TensorShape/int/int Tensor) as a tuple of non-negative ints."""
    if isinstance(shape, TensorShape):
        dims = shape.as_list()
        if None in dims:
            raise ValueError("Cannot convert a partially known TensorShape %s to a Tensor." % shape)
    elif isinstance(shape, (list, tuple)) and all(type(d) is int for d in shape):
        dims = shape
    elif type(shape) is int:
        dims = [shape]
    else:
        if not isinstance(shape, (TensorOperators, torch.Tensor, np.ndarray)) and infer_dtype(shape) in (dtypes.string, dtypes.float32):
            raise TypeError("Cannot convert %r to EagerTensor of dtype int32" % (shape,))
        storage = to_torch(shape) if not isinstance(shape, TensorOperators) else shape._value
        if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
            raise _attr_err(op, "index_type", storage, name)
        dims = storage.reshape(-1).tolist()
    for d in dims:
        if d < 0:
            raise _err(op, "Dimension %d must be >= 0" % d, None, name, kernel)
    return tuple(int(d) for d in dims)


def _storages(values, op, name):
    """Storage of a list of op inputs with TF's rule: Python values take the first tensor's dtype."""
    first = next((v._value for v in values if isinstance(v, TensorOperators)), None)
    if first is None:
        first = next((v for v in values if isinstance(v, torch.Tensor)), None)
    if first is None:
        storages = [to_torch(v) for v in values]
        if storages:
            kinds = {_dtype(s) for s in storages}
            if len(kinds) > 1:
                target = infer_dtype(list(values))
                storages = [to_torch(v, target) if _dtype(s) is not target else s for v, s in zip(values, storages)]
    else:
        storages = [to_torch_like(v, first) for v in values]
    for index, storage in enumerate(storages[1:], 1):
        if _dtype(storage) is not _dtype(storages[0]):
            raise _mismatch(op, index, storages[0], storage, name)
    return storages


def _same_device(storages):
    devices = {_device_of(s) for s in storages}
    if len(devices) > 1:
        target = _device.current()
        return [s.to(target) if isinstance(s, torch.Tensor) else s for s in storages]
    return storages


def _new_storage(dims, dtype, value):
    if dtype is dtypes.string:
        array = np.empty(dims, dtype=object)
        array.fill(value)
        return array
    return torch.full(dims, value, dtype=dtype.torch_dtype, device=_device.current())


def _indices(value, op, name=None, attr="Tindices"):
    storage = to_torch(value)
    if isinstance(storage, np.ndarray) or storage.dtype not in _INDEX_TYPES:
        raise _attr_err(op, attr, storage, name)
    return storage
