"""``tf.*`` array operations: creation, shapes, indexing, casts.

Each op takes its inputs' storage (``x._value``), calls torch and wraps the
result, so gradients flow through torch autograd inside a ``GradientTape``.
Inputs are validated as TF validates them, raising TF's exception class with
TF's message (the ``Value for attr ...`` errors keep TF's first line and leave
out the NodeDef dump).  String tensors (NumPy object arrays) are accepted by
the ops that only move elements around.
"""
from __future__ import annotations

import collections
import math
import re

import numpy as np
import torch

from ..framework import dtypes
from ..framework import device as _device
from ..framework.convert import to_torch, to_torch_like, to_torch_unaliased, infer_dtype
from ..framework.device import tf_device_string
from ..framework.errors import InvalidArgumentError, UnimplementedError
from ..framework.shape import TensorShape
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.tensor_ops import strided_slice as _strided_slice

__all__ = [
    "ones", "zeros", "ones_like", "zeros_like", "fill", "eye", "range",
    "linspace", "identity", "reshape", "transpose", "concat", "stack",
    "unstack", "split", "squeeze", "expand_dims", "tile", "pad", "gather",
    "gather_nd", "boolean_mask", "one_hot", "cast", "shape", "shape_n", "rank",
    "size", "broadcast_to", "reverse", "sort", "argsort", "unique", "slice",
    "strided_slice", "tensor_scatter_nd_update", "tensor_scatter_nd_add",
    "tensor_scatter_nd_sub", "tensor_scatter_nd_max", "tensor_scatter_nd_min",
    "scatter_nd", "repeat", "roll", "meshgrid", "sequence_mask", "ensure_shape", "unique_with_counts",
    "searchsorted", "identity_n", "broadcast_static_shape", "broadcast_dynamic_shape", "unravel_index",
    "reverse_sequence", "get_static_value",
]

_py_range = range
_py_slice = slice
_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}
_INDEX_TYPES = (torch.int16, torch.int32, torch.int64)


# ---------------------------------------------------------------- helpers

def _device_of(storage):
    return storage.device if isinstance(storage, torch.Tensor) else torch.device("cpu")


def _err(op, text, storage=None, name=None, kernel=None):
    """TF's eager ``InvalidArgumentError`` for kernel failures: ``name`` is the
    text after ``name:`` (``None`` when TF prints no name part)."""
    device = tf_device_string(_device_of(storage) if storage is not None else _device.current())
    suffix = "" if name is None else " name: " + name
    return InvalidArgumentError(None, None, "{{function_node __wrapped__%s_device_%s}} %s [Op:%s]%s"
                                % (kernel or op, device, text, op, suffix))


# TF's op signatures, quoted in its errors for inputs of a dtype the kernel does not accept.
_SIGNATURES = {
    'Reshape': 'signature=tensor:T, shape:Tshape -> output:T; attr=T:type; attr=Tshape:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Transpose': 'signature=x:T, perm:Tperm -> y:T; attr=T:type; attr=Tperm:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Tile': 'signature=input:T, multiples:Tmultiples -> output:T; attr=T:type; attr=Tmultiples:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'BroadcastTo': 'signature=input:T, shape:Tidx -> output:T; attr=T:type; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'ReverseV2': 'signature=tensor:T, axis:Tidx -> output:T; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; attr=T:type,allowed=[DT_UINT8, DT_INT8, DT_UINT16, DT_INT16, DT_INT32, DT_UINT32, DT_INT64, DT_UINT64, DT_BOOL, DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_COMPLEX64, DT_COMPLEX128, DT_STRING]',
    'GatherV2': 'signature=params:Tparams, indices:Tindices, axis:Taxis -> output:Tparams; attr=batch_dims:int,default=0; attr=Tparams:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=Taxis:type,allowed=[DT_INT32, DT_INT64]',
    'GatherNd': 'signature=params:Tparams, indices:Tindices -> output:Tparams; attr=Tparams:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'OneHot': 'signature=indices:TI, depth:int32, on_value:T, off_value:T -> output:T; attr=axis:int,default=-1; attr=T:type; attr=TI:type,default=DT_INT64,allowed=[DT_UINT8, DT_INT8, DT_INT32, DT_INT64]',
    'Shape': 'signature=input:T -> output:out_type; attr=T:type; attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'ShapeN': 'signature=input:N*T -> output:N*out_type; attr=N:int,min=1; attr=T:type; attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Neg': 'signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_INT16, DT_INT32, DT_INT64, DT_COMPLEX64, DT_COMPLEX128]',
    'TensorScatterUpdate': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64, DT_UINT16]; attr=bad_indices_policy:string,default=""',
    'TensorScatterAdd': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'TensorScatterSub': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'TensorScatterMax': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'TensorScatterMin': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'ScatterNd': 'signature=indices:Tindices, updates:T, shape:Tindices -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'Pad': 'signature=input:T, paddings:Tpaddings -> output:T; attr=T:type; attr=Tpaddings:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'MirrorPad': 'signature=input:T, paddings:Tpaddings -> output:T; attr=T:type; attr=Tpaddings:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; attr=mode:string,allowed=["REFLECT", "SYMMETRIC"]',
    'Slice': 'signature=input:T, begin:Index, size:Index -> output:T; attr=T:type; attr=Index:type,allowed=[DT_INT32, DT_INT64]',
    'OnesLike': 'signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_UINT8, DT_INT16, DT_UINT16, DT_INT32, DT_UINT32, DT_INT64, DT_UINT64, DT_COMPLEX64, DT_COMPLEX128, DT_BOOL]',
    'Split': 'signature=split_dim:int32, value:T -> output:num_split*T; attr=num_split:int,min=1; attr=T:type',
    'ExpandDims': 'signature=input:T, dim:Tdim -> output:T; attr=T:type; attr=Tdim:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Fill': 'signature=dims:index_type, value:T -> output:T; attr=T:type; attr=index_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Unique': 'signature=x:T -> y:T, idx:out_idx; attr=T:type; attr=out_idx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'SplitV': 'signature=value:T, size_splits:Tlen, split_dim:int32 -> output:num_split*T; attr=num_split:int,min=1; attr=T:type; attr=Tlen:type,default=DT_INT64,allowed=[DT_INT8, DT_INT32, DT_INT64]',
    'StridedSlice': 'signature=input:T, begin:Index, end:Index, strides:Index -> output:T; attr=T:type; attr=Index:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=begin_mask:int,default=0; attr=end_mask:int,default=0; attr=ellipsis_mask:int,default=0; attr=new_axis_mask:int,default=0; attr=shrink_axis_mask:int,default=0',
}


def _allowed(op, attr):
    found = re.search(r"attr=%s:type,(?:default=\w+,)?allowed=\[([^\]]*)\]" % attr, _SIGNATURES[op])
    names = [n.strip()[3:].lower() for n in found.group(1).split(",")]
    return ", ".join(_TYPE_NAMES.get(n, n) for n in names)


def _attr_err(op, attr, storage, name=None, dtype_name=None):
    """TF's error for an input whose dtype the op does not accept (with TF's NodeDef text)."""
    suffix = "" if name is None else " name: " + name
    if op not in _SIGNATURES:
        return InvalidArgumentError(None, None, "Value for attr '%s' of %s is not in the list of allowed values: int32, int64 [Op:%s]%s"
                                    % (attr, dtype_name or _type_name(storage), op, suffix))
    return InvalidArgumentError(None, None, "Value for attr '%s' of %s is not in the list of allowed values: %s\n\t; NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s]%s"
                                % (attr, dtype_name or _type_name(storage), _allowed(op, attr), op, op, _SIGNATURES[op], op, suffix))


def _type_name(storage):
    dtype = _dtype(storage)
    return _TYPE_NAMES.get(dtype.name, dtype.name)


def _dtype(storage):
    return dtypes.string if isinstance(storage, np.ndarray) else dtypes.from_torch(storage.dtype)


def _mismatch(op, index, expected, got, name=""):
    return InvalidArgumentError(None, None, "cannot compute %s as input #%d(zero-based) was expected to be a %s tensor but is a %s tensor [Op:%s]%s"
                                % (op, index, _type_name(expected), _type_name(got), op, "" if name is None else " name: " + name))


def _dims_text(shape):
    return "[%s]" % ",".join(str(d) for d in shape)


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


# ---------------------------------------------------------------- creation

def zeros(shape, dtype=dtypes.float32, name=None, layout=None):
    """``tf.zeros``: a tensor of ``shape`` filled with zeros (``b''`` for strings), on the current device."""
    dtype = dtypes.as_dtype(dtype)
    dims = _shape_arg(shape, "Fill", "")
    return wrap(_new_storage(dims, dtype, b"" if dtype is dtypes.string else 0))


def ones(shape, dtype=dtypes.float32, name=None, layout=None):
    """``tf.ones``: a tensor of ``shape`` filled with ones, on the current device."""
    dtype = dtypes.as_dtype(dtype)
    if dtype is dtypes.string:
        raise TypeError("Cannot convert 1 to EagerTensor of dtype string")
    dims = _shape_arg(shape, "Fill", "")
    return wrap(_new_storage(dims, dtype, 1))


def _like(input, dtype, value, op):
    storage = to_torch(input)
    target = dtypes.as_dtype(dtype) if dtype is not None else _dtype(storage)
    if target is dtypes.string:
        if value:
            raise _attr_err(op, "T", storage, "")
        return wrap(_new_storage(tuple(storage.shape), target, b""))
    device = _device_of(storage)
    return wrap(torch.full(tuple(storage.shape), value, dtype=target.torch_dtype, device=device))


def zeros_like(input, dtype=None, name=None, layout=None):
    """``tf.zeros_like``: zeros with ``input``'s shape (and dtype unless ``dtype`` is given)."""
    return _like(input, dtype, 0, "ZerosLike")


def ones_like(input, dtype=None, name=None, layout=None):
    """``tf.ones_like``: ones with ``input``'s shape (and dtype unless ``dtype`` is given)."""
    return _like(input, dtype, 1, "OnesLike")


def fill(dims, value, name=None, layout=None):
    """``tf.fill``: a tensor of shape ``dims`` filled with the scalar ``value`` (its dtype)."""
    shape_dims = _shape_arg(dims, "Fill")
    storage = to_torch(value)
    if storage.ndim != 0:
        raise _err("Fill", "value must represent a scalar, got shape %s" % _dims_text(storage.shape), storage)
    if isinstance(storage, np.ndarray):
        return wrap(_new_storage(shape_dims, dtypes.string, storage.item()))
    return wrap(storage.to(_device.current()).expand(shape_dims).clone())


def eye(num_rows, num_columns=None, batch_shape=None, dtype=dtypes.float32, name=None):
    """``tf.eye``: an identity matrix (``num_rows x num_columns``), optionally batched."""
    dtype = dtypes.as_dtype(dtype)
    rows = int(num_rows)
    cols = rows if num_columns is None else int(num_columns)
    matrix = torch.eye(rows, cols, dtype=dtype.torch_dtype, device=_device.current())
    if batch_shape is not None:
        batch = _shape_arg(batch_shape, "Eye")
        matrix = matrix.expand(batch + (rows, cols)).clone()
    return wrap(matrix)


_RANGE_ORDER = {"int32": 0, "int64": 1, "float32": 2, "float64": 3}


def range(start, limit=None, delta=1, dtype=None, name="range"):  # noqa: A001 - TF's name
    """``tf.range(start, limit, delta, dtype)``: TF infers int32 for Python ints, the widest
    of the arguments' dtypes otherwise (int32 < int64 < float32 < float64)."""
    if limit is None:
        start, limit = 0, start
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
        values = [to_torch(v, dtype) if not isinstance(v, TensorOperators) else v._value.to(dtype.torch_dtype)
                  for v in (start, limit, delta)]
    else:
        values = [to_torch(v) for v in (start, limit, delta)]
        inferred = max((_dtype(v) for v in values), key=lambda d: _RANGE_ORDER.get(d.name, -1))
        dtype = inferred
    first, last, step = (v.item() if isinstance(v, torch.Tensor) else v for v in values)
    if dtype.is_integer:
        first, last, step = int(first), int(last), int(step)
    if step == 0:
        raise _err("Range", "Requires delta != 0: %s" % _num_text(step), values[0], "")
    if step > 0 and first > last:
        raise _err("Range", "Requires start <= limit when delta > 0: %s/%s" % (_num_text(first), _num_text(last)), values[0], "")
    if step < 0 and first < last:
        raise _err("Range", "Requires start >= limit when delta < 0: %s/%s" % (_num_text(first), _num_text(last)), values[0], "")
    if dtype.is_integer:
        count = (abs(last - first) + abs(step) - 1) // abs(step)
    else:
        count = int(np.ceil(abs((last - first) / step)))
    device = _device.current()
    if dtype.is_integer:
        result = torch.arange(count, dtype=dtype.torch_dtype, device=device) * step + first
    else:
        steps = torch.arange(count, dtype=dtype.torch_dtype, device=device)
        result = steps * torch.tensor(step, dtype=dtype.torch_dtype) + torch.tensor(first, dtype=dtype.torch_dtype)
    return wrap(result)


def _num_text(value):
    return "%g" % value if isinstance(value, float) else str(value)


def linspace(start, stop, num, name=None, axis=0):
    """``tf.linspace``: ``num`` evenly spaced values from ``start`` to ``stop`` (both included).

    Integer inputs give float64, as TF; array ``start``/``stop`` give one
    sequence per element, stacked along ``axis``.
    """
    a = to_torch(start)
    b = to_torch_like(stop, a)
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        a, b = a.to(torch.float64), b.to(torch.float64)
    elif b.dtype != a.dtype:
        b = b.to(a.dtype)
    count = int(_host_ints(num, "LinSpace", "Tidx") if not isinstance(num, int) else num)
    a, b = torch.broadcast_tensors(a, b)
    if count < 0:
        raise _err("Range", "Requires start <= limit when delta > 0: 1/%d" % count, a, "")
    if count == 0:
        result = torch.zeros((0,) + tuple(a.shape), dtype=a.dtype, device=a.device)
    elif count == 1:
        result = a.unsqueeze(0)
    else:
        steps = torch.arange(1, count - 1, dtype=a.dtype, device=a.device).reshape((-1,) + (1,) * a.ndim)
        delta = (b - a) / (count - 1)
        result = torch.cat([a.unsqueeze(0), a.unsqueeze(0) + steps * delta.unsqueeze(0), b.unsqueeze(0)])
    rank = result.ndim
    axis = int(axis) % rank
    return wrap(result.movedim(0, axis) if axis else result)


def identity(input, name=None):
    """``tf.identity``: the same values, as a Tensor on the current device (a snapshot of a Variable)."""
    if type(input) is Tensor:
        storage = input._value
    else:
        storage = to_torch(input)
        if isinstance(input, TensorOperators):
            storage = storage.clone() if isinstance(storage, torch.Tensor) else storage.copy()
    if isinstance(storage, torch.Tensor) and storage.device != _device.current():
        storage = storage.to(_device.current())
    return wrap(storage)


# ---------------------------------------------------------------- shapes

def reshape(tensor, shape, name=None):
    """``tf.reshape``: one ``-1`` is inferred; a size mismatch raises TF's ``InvalidArgumentError``."""
    storage = to_torch_unaliased(tensor)
    dims = _int_list(shape, "Reshape", "Tshape")
    product = 1
    unknown = None
    for i, d in enumerate(dims):
        if d == -1:
            if unknown is not None:
                raise _err("Reshape", "Only one input size may be -1, not both %d and %d" % (unknown, i), storage)
            unknown = i
        elif d < 0:
            raise _err("Reshape", "Size %d must be non-negative, not %d" % (i, d), storage)
        elif d > 0:
            product *= d
    count = storage.size if isinstance(storage, np.ndarray) else storage.numel()
    if unknown is not None:
        # TF's rule: with a 0 among the requested sizes, the input's 0 dims are left out of the count.
        sizes_have_zero = 0 in dims
        counted = [d for d in storage.shape if d > 0 or not sizes_have_zero]
        elements = math.prod(counted)
        if len(counted) == storage.ndim and elements % product:
            raise _err("Reshape", "Input to reshape is a tensor with %d values, but the requested shape requires a multiple of %d"
                       % (elements, product), storage)
        dims[unknown] = elements // product
    requested = math.prod(dims)
    if requested != count:
        raise _err("Reshape", "Input to reshape is a tensor with %d values, but the requested shape has %d" % (count, requested), storage)
    return wrap(storage.reshape(tuple(dims)))


def transpose(a, perm=None, conjugate=False, name="transpose"):
    """``tf.transpose``: permutes dims (reverses them by default); ``conjugate`` for complex."""
    storage = to_torch_unaliased(a)
    rank = storage.ndim
    if perm is None:
        order = list(_py_range(rank - 1, -1, -1))
    else:
        order = _int_list(perm, "Transpose", "Tperm")
        if len(order) != rank:
            raise _err("Transpose", "transpose expects a vector of size %d. But input(1) is a vector of size %d" % (rank, len(order)), storage)
        for d in order:
            if not 0 <= d < rank:
                raise _err("Transpose", "%d is out of range [0 .. %d)" % (d, rank), storage)
        for d in _py_range(rank):
            if d not in order:
                raise _err("Transpose", "%d is missing from {%s}." % (d, ",".join(str(p) for p in order)), storage)
    if isinstance(storage, np.ndarray):
        return wrap(storage.transpose(order))
    result = storage.permute(order)
    if conjugate and result.is_complex():
        result = result.conj().resolve_conj()
    return wrap(result)


def concat(values, axis, name="concat"):
    """``tf.concat``: joins tensors along ``axis``; dtypes, ranks and other dims must match."""
    if isinstance(values, TensorOperators):
        values = [values]
    values = list(values)
    if not values:
        raise InvalidArgumentError(None, None, "OpKernel 'ConcatV2' has constraint on attr 'T' not in NodeDef '[N=0, Tidx=DT_INT32]' [Op:ConcatV2] name: " + str(name))
    storages = _storages(values, "ConcatV2", name)
    if len(storages) == 1:
        return wrap(storages[0])
    kernel = "ConcatV2_N_%d" % len(storages)
    first = storages[0]
    rank = first.ndim
    axis_value = _host_ints(axis, "ConcatV2", "Tidx", name)
    if rank == 0:
        raise _err("ConcatV2", "ConcatOp : Can't concatenate scalars (use tf.stack instead)", first, name, kernel)
    if not -rank <= axis_value < rank:
        raise _err("ConcatV2", "ConcatOp : Expected concatenating dimensions in the range [%d, %d), but got %d" % (-rank, rank, axis_value), first, name, kernel)
    axis_value %= rank
    for i, s in enumerate(storages[1:], 1):
        if s.ndim != rank:
            raise _err("ConcatV2", "ConcatOp : Ranks of all input tensors should match: shape[0] = %s vs. shape[%d] = %s"
                       % (_dims_text(first.shape), i, _dims_text(s.shape)), first, name, kernel)
        for d in _py_range(rank):
            if d != axis_value and s.shape[d] != first.shape[d]:
                raise _err("ConcatV2", "ConcatOp : Dimension %d in both shapes must be equal: shape[0] = %s vs. shape[%d] = %s"
                           % (d, _dims_text(first.shape), i, _dims_text(s.shape)), first, name, kernel)
    if isinstance(first, np.ndarray):
        return wrap(np.concatenate(storages, axis_value))
    return wrap(torch.cat(_same_device(storages), axis_value))


def stack(values, axis=0, name="stack"):
    """``tf.stack``: stacks same-shaped tensors along a new ``axis``."""
    values = list(values)
    if not values:
        return wrap(torch.zeros((0,), dtype=torch.float32, device=_device.current()))
    storages = _storages(values, "Pack", name)
    first = storages[0]
    rank = first.ndim + 1
    axis = int(axis)
    if not -rank <= axis < rank:
        raise ValueError("Argument `axis` = %d not in range [%d, %d)" % (axis, -rank, rank))
    for i, s in enumerate(storages[1:], 1):
        if tuple(s.shape) != tuple(first.shape):
            raise _err("Pack", "Shapes of all inputs must match: values[0].shape = %s != values[%d].shape = %s"
                       % (_dims_text(first.shape), i, _dims_text(s.shape)), first, name, "Pack_N_%d" % len(storages))
    if isinstance(first, np.ndarray):
        return wrap(np.stack(storages, axis))
    return wrap(torch.stack(_same_device(storages), axis))


def unstack(value, num=None, axis=0, name="unstack"):
    """``tf.unstack``: splits ``value`` along ``axis`` into a list of tensors of one rank less."""
    storage = to_torch_unaliased(value)
    rank = storage.ndim
    axis = int(axis)
    if not -rank <= axis < rank or rank == 0:
        raise ValueError("Argument `axis` = %d not in range [%d, %d)" % (axis, -rank, rank))
    axis %= rank
    size = storage.shape[axis]
    if num is not None and num != size:
        raise _err("Unpack", "Input shape axis %d must equal %d, got shape %s" % (axis, num, _dims_text(storage.shape)),
                   storage, name, "Unpack_num_%d" % num)
    if isinstance(storage, np.ndarray):
        return [wrap(np.asarray(np.take(storage, i, axis), dtype=object)) for i in _py_range(size)]
    return [wrap(part) for part in storage.unbind(axis)]


def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    """``tf.split``: into ``n`` equal parts, or parts of the given sizes (one ``-1`` inferred)."""
    storage = to_torch_unaliased(value)
    rank = storage.ndim
    axis_value = _host_ints(axis, "Split", "Tidx", name)
    sizes_arg = num_or_size_splits
    is_count = (isinstance(sizes_arg, (int, np.integer)) and not isinstance(sizes_arg, bool)) or (
        isinstance(sizes_arg, TensorOperators) and sizes_arg.ndim == 0)
    if is_count:
        count = int(sizes_arg)
        kernel = "Split_num_split_%d" % count
        if count < 1:
            raise InvalidArgumentError(None, None, "Value for attr 'num_split' of %d must be at least minimum 1\n\t; NodeDef: {{node Split}}; "
                                       "Op<name=Split; %s> [Op:Split] name: %s" % (count, _SIGNATURES["Split"], name))
        if not -rank <= axis_value < rank:
            raise _err("Split", "-input rank(-%d) <= split_dim < input rank (%d), but got %d" % (rank, rank, axis_value), storage, name, kernel)
        axis_value %= rank
        size = storage.shape[axis_value]
        if size % count:
            raise _err("Split", "Number of ways to split should evenly divide the split dimension, but got split_dim %d (size = %d) and num_split %d"
                       % (axis_value, size, count), storage, name, kernel)
        sizes = [size // count] * count
    else:
        sizes = _int_list(sizes_arg, "SplitV", "Tlen", name)
        kernel = "SplitV_num_split_%d" % len(sizes)
        if not -rank <= axis_value < rank:
            raise _err("SplitV", "-input rank(-%d) <= split_dim < input rank (%d), but got %d" % (rank, rank, axis_value), storage, name, kernel)
        axis_value %= rank
        size = storage.shape[axis_value]
        if sizes.count(-1) > 1:
            raise _err("SplitV", "There can only be one -1 in the input.", storage, name, kernel)
        known = sum(s for s in sizes if s != -1)
        if -1 in sizes:
            if known > size:
                raise _err("SplitV", "Determined shape must either match input shape along split_dim exactly if fully specified, or be less "
                           "than the size of the input along split_dim if not fully specified.  Got: %d" % known, storage, name, kernel)
            sizes[sizes.index(-1)] = size - known
        elif known != size:
            raise _err("SplitV", "Determined shape must either match input shape along split_dim exactly if fully specified, or be less "
                       "than the size of the input along split_dim if not fully specified.  Got: %d" % known, storage, name, kernel)
    if isinstance(storage, np.ndarray):
        bounds = np.cumsum(sizes)[:-1]
        return [wrap(part) for part in np.split(storage, bounds, axis_value)]
    return [wrap(part) for part in torch.split(storage, sizes, axis_value)]


def squeeze(input, axis=None, name=None):
    """``tf.squeeze``: removes size-1 dims (all of them, or those in ``axis``)."""
    storage = to_torch_unaliased(input)
    rank = storage.ndim
    if axis is None:
        dims = [d for d in _py_range(rank) if storage.shape[d] == 1]
    else:
        dims = []
        for d in ([axis] if not isinstance(axis, (list, tuple)) else axis):
            d = int(d)
            if not -rank <= d < rank:
                raise _err("Squeeze", "Tried to squeeze dim index %d for tensor with %d dimensions." % (d, rank), storage, "")
            d %= rank
            if storage.shape[d] != 1:
                raise _err("Squeeze", "Can not squeeze dim[%d], expected a dimension of 1, got %d" % (d, storage.shape[d]), storage, "")
            dims.append(d)
    shape = tuple(s for i, s in enumerate(storage.shape) if i not in dims)
    return wrap(storage.reshape(shape))


def expand_dims(input, axis, name=None):
    """``tf.expand_dims``: inserts a size-1 dim at ``axis`` (``-1`` appends)."""
    storage = to_torch_unaliased(input)
    if isinstance(axis, (list, tuple)) or (isinstance(axis, TensorOperators) and axis.ndim):
        values = _int_list(axis, "ExpandDims", "Tdim")
        if len(values) != 1:
            raise _err("ExpandDims", "'dim' must be a tensor with a single value", storage)
        axis = values[0]
    elif type(axis) is not int:
        if isinstance(axis, float):
            raise TypeError("Cannot convert %r to EagerTensor of dtype int32" % axis)
        axis = int(axis)
    rank = storage.ndim
    if not -rank - 1 <= axis <= rank:
        raise _err("ExpandDims", "Tried to expand dim index %d for tensor with %d dimensions." % (axis, rank), storage, "")
    axis = axis if axis >= 0 else axis + rank + 1
    if isinstance(storage, np.ndarray):
        return wrap(np.expand_dims(storage, axis))
    return wrap(storage.unsqueeze(axis))


def tile(input, multiples, name=None):
    """``tf.tile``: repeats ``input`` ``multiples[i]`` times along dim ``i``."""
    storage = to_torch(input)
    reps = _int_list(multiples, "Tile", "Tmultiples")
    if len(reps) != storage.ndim:
        raise _err("Tile", "Expected multiples argument to be a vector of length %d but got length %d" % (storage.ndim, len(reps)), storage)
    for i, r in enumerate(reps):
        if r < 0:
            raise _err("Tile", "Expected multiples[%d] >= 0, but got %d" % (i, r), storage)
    if isinstance(storage, np.ndarray):
        return wrap(np.tile(storage, reps))
    return wrap(storage.repeat(*reps) if reps else storage)


def _mirror_index(size, before, after, reflect, device):
    positions = torch.arange(-before, size + after, device=device)
    if reflect:
        period = 2 * (size - 1)
        if period == 0:
            return torch.zeros_like(positions)
        positions = positions.remainder(period)
        return torch.where(positions >= size, period - positions, positions)
    period = 2 * size
    positions = positions.remainder(period)
    return torch.where(positions >= size, period - 1 - positions, positions)


def pad(tensor, paddings, mode="CONSTANT", constant_values=0, name=None):
    """``tf.pad``: ``CONSTANT`` (with ``constant_values``), ``REFLECT`` or ``SYMMETRIC`` padding."""
    storage = to_torch(tensor)
    mode_text = str(mode).upper()
    if mode_text not in ("CONSTANT", "REFLECT", "SYMMETRIC"):
        raise ValueError('Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", or "SYMMETRIC". Received `mode` = %s' % mode_text)
    op = "Pad" if mode_text == "CONSTANT" else "MirrorPad"
    pads_storage = to_torch(paddings)
    if isinstance(pads_storage, np.ndarray) or pads_storage.dtype not in (torch.int32, torch.int64):
        raise _attr_err(op, "Tpaddings", pads_storage)
    rank = storage.ndim
    if pads_storage.ndim != 2 or pads_storage.shape[0] != rank or pads_storage.shape[1] != 2:
        raise _err(op, "The first dimension of paddings must be the rank of inputs%s %s"
                   % (_dims_text(pads_storage.shape), _dims_text(storage.shape)), storage)
    pads = pads_storage.tolist()
    for before, after in pads:
        if before < 0 or after < 0:
            raise _err(op, "Paddings must be non-negative: %d %d" % (before, after), storage)
    if mode_text == "CONSTANT":
        if isinstance(storage, np.ndarray):
            fill_value = to_torch(constant_values)
            return wrap(np.pad(storage, pads, constant_values=fill_value.item() if isinstance(fill_value, np.ndarray) else b""))
        flat = [p for pair in reversed(pads) for p in pair]
        if not any(flat):
            return wrap(storage)
        if type(constant_values) is int and constant_values == 0:
            return wrap(torch.nn.functional.pad(storage, flat))
        if isinstance(constant_values, TensorOperators):
            fill_value = constant_values._value
            if fill_value.dtype != storage.dtype:
                raise _mismatch("PadV2", 2, storage, fill_value, None)
        else:
            fill_value = to_torch(constant_values, _dtype(storage))
        return wrap(torch.nn.functional.pad(storage, flat, value=fill_value.item()))
    reflect = mode_text == "REFLECT"
    result = storage
    for d, (before, after) in enumerate(pads):
        size = storage.shape[d]
        if reflect and (before >= size or after >= size):
            raise _err(op, "paddings must be less than the dimension size: %d, %d not less than %d" % (before, after, size), storage)
        if not reflect and (before > size or after > size):
            raise _err(op, "paddings must be no greater than the dimension size: %d, %d greater than %d" % (before, after, size), storage)
        if before or after:
            result = result.index_select(d, _mirror_index(size, before, after, reflect, result.device))
    return wrap(result)


# ---------------------------------------------------------------- indexing

def _indices(value, op, name=None, attr="Tindices"):
    storage = to_torch(value)
    if isinstance(storage, np.ndarray) or storage.dtype not in _INDEX_TYPES:
        raise _attr_err(op, attr, storage, name)
    return storage


def _index_text(flat_position, shape):
    if not shape:
        return ""
    coords = np.unravel_index(flat_position, shape)
    return "[%s]" % ",".join(str(int(c)) for c in coords)


def _validates_indices(device):
    """Whether gathers on ``device`` check their indices (TF's CPU kernels do; its GPU kernels
    give zeros for out-of-range indices instead, which needs no device sync)."""
    return device.type == "cpu"


def _checked_gather_index(index, limit, op, storage, name):
    """Index storage safe for torch: validated with TF's error, or clamped where TF's kernels
    give zeros for out-of-range indices. Returns (index, valid mask or None)."""
    if _validates_indices(index.device):
        low, high = (int(v) for v in torch.aminmax(index)) if index.numel() else (0, 0)
        if low < 0 or high >= limit:
            bad = (index < 0) | (index >= limit)
            position = int(bad.reshape(-1).nonzero()[0])
            where = _index_text(position, tuple(index.shape))
            value = int(index.reshape(-1)[position])
            raise _err(op, "indices%s = %d is not in [0, %d)" % (where, value, limit), storage, "" if not where else None)
        return (index if index.dtype != torch.int16 else index.long()), None
    valid = (index >= 0) & (index < limit)
    return index.long().clamp(0, max(limit - 1, 0)), valid


def gather(params, indices, validate_indices=None, axis=None, batch_dims=0, name=None):
    """``tf.gather``: slices of ``params`` along ``axis`` at ``indices`` (with leading ``batch_dims``).

    Out-of-range indices raise TF's error on CPU; on CUDA they give zeros, as
    TF's GPU kernel does (checking would force a device sync).
    """
    storage = to_torch(params)
    index = _indices(indices, "GatherV2")
    index_rank = index.ndim
    batch_dims = int(batch_dims)
    if batch_dims < 0:
        batch_dims += index_rank
    axis = batch_dims if axis is None else int(_host_ints(axis, "GatherV2", "Taxis"))
    rank = storage.ndim
    if rank == 0:
        raise _err("GatherV2", "params must be at least 1 dimensional", storage)
    if axis < 0:
        axis += rank
    if axis >= rank or axis < 0:
        raise _err("GatherV2", "Shape must be at least rank %d but is rank %d" % (axis + 1, rank), storage)
    if batch_dims > index_rank or batch_dims > axis:
        raise _err("GatherV2", "Shape must be at least rank %d but is rank %d" % (batch_dims + 1, min(rank, index_rank)), storage)
    for d in _py_range(batch_dims):
        if storage.shape[d] != index.shape[d]:
            raise _err("GatherV2", "params.shape[%d]: %d should be equal to indices.shape[%d]: %d" % (d, storage.shape[d], d, index.shape[d]), storage)
    if isinstance(storage, np.ndarray):
        return wrap(_gather_numpy(storage, index, axis, batch_dims, storage.shape[axis]))
    if index.device != storage.device:
        index = index.to(storage.device)
    index, valid = _checked_gather_index(index, storage.shape[axis], "GatherV2", storage, name)
    if batch_dims == 0:
        result = storage.index_select(axis, index.reshape(-1))
        result = result.reshape(tuple(storage.shape[:axis]) + tuple(index.shape) + tuple(storage.shape[axis + 1:]))
        if valid is not None:
            mask = valid.reshape((1,) * axis + tuple(index.shape) + (1,) * (rank - axis - 1))
            result = result.masked_fill(~mask, 0)
        return wrap(result)
    return wrap(_batched_gather(storage, index, valid, axis, batch_dims))


def _batched_gather(storage, index, valid, axis, batch_dims):
    batch = tuple(storage.shape[:batch_dims])
    count = int(np.prod(batch))
    params = storage.reshape((count,) + tuple(storage.shape[batch_dims:]))
    idx = index.reshape((count,) + tuple(index.shape[batch_dims:]))
    inner_axis = axis - batch_dims + 1
    middle = inner_axis - 1
    rows = torch.arange(count, device=params.device).reshape((count,) + (1,) * (idx.ndim - 1))
    key = (rows,) + (_py_slice(None),) * (inner_axis - 1) + (idx,)
    picked = params[key]
    idx_dims = idx.ndim - 1
    order = [0] + list(_py_range(1 + idx_dims, 1 + idx_dims + middle)) + list(_py_range(1, 1 + idx_dims)) + list(_py_range(1 + idx_dims + middle, picked.ndim))
    picked = picked.permute(order)
    if valid is not None:
        mask = valid.reshape((count,) + (1,) * middle + tuple(idx.shape[1:]) + (1,) * (picked.ndim - 1 - middle - idx_dims))
        picked = picked.masked_fill(~mask, 0)
    return picked.reshape(batch + tuple(picked.shape[1:]))


def _gather_numpy(array, index, axis, batch_dims, limit):
    idx = index.cpu().numpy()
    bad = (idx < 0) | (idx >= limit)
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        where = _index_text(position, idx.shape)
        raise _err("GatherV2", "indices%s = %d is not in [0, %d)" % (where, idx.reshape(-1)[position], limit), array, "" if not where else None)
    if batch_dims == 0:
        return np.asarray(np.take(array, idx, axis), dtype=object)
    parts = [_gather_numpy(array[i], index[i], axis - 1, batch_dims - 1, limit) for i in _py_range(array.shape[0])]
    return np.stack(parts)


def gather_nd(params, indices, batch_dims=0, name=None):
    """``tf.gather_nd``: slices of ``params`` at the N-d indices in ``indices``' last dim."""
    storage = to_torch(params)
    index = _indices(indices, "GatherNd")
    batch_dims = int(batch_dims)
    depth = index.shape[-1] if index.ndim else 0
    if depth > storage.ndim - batch_dims:
        raise _err("GatherNd", "index innermost dimension length must be <= params rank; saw: %d vs. %d" % (depth, storage.ndim - batch_dims), storage)
    idx = index.to(_device_of(storage)) if index.device != _device_of(storage) else index
    batch = tuple(storage.shape[:batch_dims])
    count = int(np.prod(batch)) if batch_dims else 1
    params_flat = storage.reshape((count,) + tuple(storage.shape[batch_dims:]))
    idx_flat = idx.reshape((count,) + tuple(idx.shape[batch_dims:]))
    limits = torch.tensor(storage.shape[batch_dims:batch_dims + depth], device=idx_flat.device, dtype=torch.long)
    idx_long = idx_flat.long()
    bad = ((idx_long < 0) | (idx_long >= limits)).any(-1) if depth else None
    valid = None
    if bad is not None:
        if _validates_indices(idx_long.device):
            if bool(bad.any()):
                position = int(bad.reshape(-1).nonzero()[0])
                values = idx_long.reshape(-1, depth)[position].tolist()
                raise _err("GatherNd", "indices%s = [%s] does not index into param shape %s, node name: GatherNd"
                           % (_index_text(position, tuple(idx.shape[:-1])), ", ".join(str(v) for v in values), _dims_text(storage.shape)), storage)
        else:
            valid = ~bad
            idx_long = torch.minimum(idx_long.clamp(min=0), limits - 1)
    rows = torch.arange(count, device=idx_long.device).reshape((count,) + (1,) * (idx_long.ndim - 2))
    key = (rows,) + tuple(idx_long[..., k] for k in _py_range(depth))
    if isinstance(storage, np.ndarray):
        result = np.asarray(params_flat[tuple(k.numpy() for k in key)], dtype=object)
    else:
        result = params_flat[key]
        if valid is not None:
            result = result.masked_fill(~valid.reshape(tuple(valid.shape) + (1,) * (result.ndim - valid.ndim)), 0)
    return wrap(result.reshape(batch + tuple(result.shape[1:])))


def boolean_mask(tensor, mask, axis=None, name="boolean_mask"):
    """``tf.boolean_mask``: the elements (or slices along ``axis``) where ``mask`` is true."""
    storage = to_torch(tensor)
    mask_storage = to_torch(mask)
    mask_rank = mask_storage.ndim
    if mask_rank == 0:
        raise ValueError("mask cannot be scalar.")
    axis = 0 if axis is None else int(axis)
    covered = tuple(storage.shape)[axis:axis + mask_rank]
    if covered != tuple(mask_storage.shape):
        raise ValueError("Shapes %s and %s are incompatible" % (TensorShape(covered), TensorShape(tuple(mask_storage.shape))))
    flat_mask = mask_storage.reshape(-1)
    if isinstance(flat_mask, np.ndarray):
        raise TypeError("boolean_mask expects a numeric or bool mask, got a string tensor")
    positions = flat_mask.nonzero().reshape(-1)
    merged = tuple(storage.shape[:axis]) + (-1,) + tuple(storage.shape[axis + mask_rank:])
    if isinstance(storage, np.ndarray):
        return wrap(np.take(storage.reshape(merged), positions.cpu().numpy(), axis))
    return wrap(storage.reshape(merged).index_select(axis, positions.to(storage.device)))


def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """``tf.one_hot``: ``on_value`` at each index along a new ``axis`` (default last), ``off_value``
    elsewhere; out-of-range indices give an all-``off_value`` row.  Not differentiable, as in TF."""
    index = _indices(indices, "OneHot", attr="TI") if not _is_uint8(indices) else to_torch(indices)
    if isinstance(depth, float):
        raise TypeError("Cannot convert %r to EagerTensor of dtype int32" % depth)
    depth = int(depth)
    on_dtype = _value_dtype(on_value)
    off_dtype = _value_dtype(off_value)
    if on_dtype is not None and off_dtype is not None and on_dtype is not off_dtype:
        raise TypeError("dtype %s of on_value does not match dtype %s of off_value" % (on_dtype, off_dtype))
    inferred = on_dtype or off_dtype
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
        if inferred is not None and inferred is not dtype and isinstance(on_value if on_dtype else off_value, TensorOperators):
            raise TypeError("dtype %s of on_value does not match dtype parameter %s" % (inferred, dtype))
    else:
        dtype = inferred or dtypes.float32
    if depth < 0:
        raise _err("OneHot", "depth must be non-negative, got: %d" % depth, index)
    rank = index.ndim
    axis = -1 if axis is None else int(axis)
    if axis != -1 and not 0 <= axis <= rank:
        raise _err("OneHot", "Expected axis to be -1 or between [0, %d).  But received: %d" % (rank + 1, axis), index)
    device = index.device
    on = _onehot_value(on_value, 1, dtype, device)
    off = _onehot_value(off_value, 0, dtype, device)
    hot = index.long().unsqueeze(-1) == torch.arange(depth, device=device)
    result = torch.where(hot, on, off)
    if axis != -1 and axis != rank:
        result = result.movedim(-1, axis)
    return wrap(result)


def _is_uint8(value):
    return isinstance(value, TensorOperators) and value.dtype is dtypes.uint8


def _value_dtype(value):
    if value is None:
        return None
    if isinstance(value, TensorOperators):
        return value.dtype
    return infer_dtype(value)


def _onehot_value(value, default, dtype, device):
    if value is None:
        return torch.tensor(default, dtype=dtype.torch_dtype, device=device)
    if isinstance(value, TensorOperators):
        return value._value.detach().to(device)
    return to_torch(value, dtype).to(device)


def cast(x, dtype, name=None):
    """``tf.cast``: float -> int truncates toward zero, complex -> real keeps the real part,
    anything -> bool is ``!= 0``; casts from or to strings raise ``UnimplementedError``."""
    dtype = dtypes.as_dtype(dtype)
    storage = to_torch(x)
    source = _dtype(storage)
    if source is dtype:
        return x if type(x) is Tensor else wrap(storage)
    if source is dtypes.string or dtype is dtypes.string:
        device = tf_device_string(_device_of(storage))
        raise UnimplementedError(None, None, "{{function_node __wrapped__Cast_device_%s}} Cast %s to %s is not supported [Op:Cast] name: "
                                 % (device, source.name, dtype.name))
    if storage.is_complex() and not dtype.is_complex:
        storage = storage.real
    target = dtype.torch_dtype
    if storage.is_floating_point() and dtype.is_integer and dtype.is_unsigned:
        return wrap(storage.to(torch.int64).to(target))
    return wrap(storage.to(target))


def shape(input, out_type=None, name=None):
    """``tf.shape``: the dynamic shape as a 1-D int32 (or ``out_type``) Tensor."""
    out = _out_type(out_type, "Shape")
    storage = to_torch(input)
    return wrap(torch.tensor(tuple(storage.shape), dtype=out, device=_device.current()))


def _out_type(out_type, op):
    if out_type is None:
        return torch.int32
    out = dtypes.as_dtype(out_type)
    if out not in (dtypes.int32, dtypes.int64):
        raise _attr_err(op, "out_type", None, "", _TYPE_NAMES.get(out.name, out.name))
    return out.torch_dtype


def shape_n(input, out_type=dtypes.int32, name=None):
    """``tf.shape_n``: the shapes of a list of same-dtype tensors."""
    storages = _storages(list(input), "ShapeN", "")
    out = _out_type(out_type, "ShapeN")
    return [wrap(torch.tensor(tuple(s.shape), dtype=out, device=_device.current())) for s in storages]


def rank(input, name=None):
    """``tf.rank``: the number of dims as a scalar int32 Tensor."""
    return wrap(torch.tensor(to_torch(input).ndim, dtype=torch.int32, device=_device.current()))


def size(input, out_type=None, name=None):
    """``tf.size``: the number of elements as a scalar int32 (or ``out_type``) Tensor."""
    out = dtypes.as_dtype(out_type).torch_dtype if out_type is not None else torch.int32
    storage = to_torch(input)
    count = storage.size if isinstance(storage, np.ndarray) else storage.numel()
    return wrap(torch.tensor(count, dtype=out, device=_device.current()))


def broadcast_to(input, shape, name=None):
    """``tf.broadcast_to``: ``input`` broadcast to ``shape`` (NumPy's rules)."""
    storage = to_torch_unaliased(input)
    dims = tuple(_int_list(shape, "BroadcastTo", "Tidx"))
    if storage.ndim > len(dims):
        raise _err("BroadcastTo", "Rank of input (%d) must be no greater than rank of output shape (%d)." % (storage.ndim, len(dims)), storage)
    for have, want in zip(reversed(tuple(storage.shape)), reversed(dims)):
        if have != want and have != 1:
            raise _err("BroadcastTo", "Incompatible shapes: %s vs. %s" % (_dims_text(storage.shape), _dims_text(dims)), storage)
    if isinstance(storage, np.ndarray):
        return wrap(np.broadcast_to(storage, dims).copy())
    return wrap(storage.broadcast_to(dims))


def reverse(tensor, axis, name=None):
    """``tf.reverse``: flips ``tensor`` along each dim in the 1-D ``axis``."""
    storage = to_torch(tensor)
    if type(axis) is int or (isinstance(axis, TensorOperators) and axis.ndim == 0):
        raise _err("ReverseV2", "'dims' must be 1-dimension, not 0", storage, "")
    dims = _int_list(axis, "ReverseV2", "Tidx")
    rank = storage.ndim
    seen = set()
    for i, d in enumerate(dims):
        if not -rank <= d < rank:
            raise _err("ReverseV2", "'axis'[%d] = %d is out of valid range [0, %d" % (i, d, rank - 1), storage)
        d %= rank
        if d in seen:
            raise _err("ReverseV2", "axis %d specified more than once." % d, storage)
        seen.add(d)
    if isinstance(storage, np.ndarray):
        return wrap(np.flip(storage, tuple(seen)).copy())
    return wrap(storage.flip(tuple(seen)) if seen else storage)


def _sort_axis(storage, axis):
    """``axis`` in ``[0, rank)``; TF reports a bad axis through the shape lookup it does first."""
    rank = storage.ndim
    axis = int(axis)
    if not -rank <= axis < rank:
        raise _err("StridedSlice", "slice index %d of dimension 0 out of bounds." % axis, storage, "strided_slice/")
    return axis % rank


def _direction(direction):
    if direction not in ("ASCENDING", "DESCENDING"):
        raise ValueError("Argument `direction` should be one of ASCENDING, DESCENDING. Received: direction=%s" % direction)
    return direction == "DESCENDING"


def sort(values, axis=-1, direction="ASCENDING", name=None):
    """``tf.sort``: sorted along ``axis``; NaNs sort last in ascending order."""
    descending = _direction(direction)
    storage = to_torch(values)
    if storage.dtype == torch.bool:
        raise _attr_err("Neg", "T", storage, "")
    axis = _sort_axis(storage, axis)
    return wrap(torch.sort(storage, dim=axis, descending=descending, stable=True).values)


def argsort(values, axis=-1, direction="ASCENDING", stable=False, name=None):
    """``tf.argsort``: int32 indices that sort ``values`` along ``axis``.

    Ties keep their original order whether or not ``stable`` is set (TF's
    sort is stable in practice too).
    """
    descending = _direction(direction)
    storage = to_torch(values)
    axis = _sort_axis(storage, axis)
    return wrap(torch.sort(storage, dim=axis, descending=descending, stable=True).indices.to(torch.int32))


Unique = collections.namedtuple("Unique", ["y", "idx"])
Unique.__doc__ = "The result of ``tf.unique``: unique values ``y`` and, per input element, its index ``idx`` in ``y``."


def unique(x, out_idx=dtypes.int32, name=None):
    """``tf.unique``: the distinct values of a 1-D tensor in first-occurrence order, and the
    index of each input element in them, as the namedtuple ``Unique(y, idx)``."""
    storage = to_torch(x)
    out = dtypes.as_dtype(out_idx).torch_dtype
    if storage.ndim != 1:
        raise _err("Unique", "unique expects a 1D vector.", storage, "")
    if isinstance(storage, np.ndarray):
        seen = {}
        idx = [seen.setdefault(v, len(seen)) for v in storage.tolist()]
        return Unique(wrap(np.array(list(seen), dtype=object)), wrap(torch.tensor(idx, dtype=out)))
    values, inverse = torch.unique(storage, sorted=True, return_inverse=True)
    positions = torch.arange(storage.shape[0], device=storage.device)
    first = torch.full((values.shape[0],), storage.shape[0], dtype=torch.long, device=storage.device)
    first = first.scatter_reduce(0, inverse, positions, reduce="amin")
    order = torch.argsort(first)
    rank_of = torch.empty_like(order)
    rank_of[order] = torch.arange(order.shape[0], device=order.device)
    return Unique(wrap(values[order]), wrap(rank_of[inverse].to(out)))


def slice(input_, begin, size, name=None):  # noqa: A001 - TF's name
    """``tf.slice``: the block starting at ``begin`` of extent ``size`` (``-1``: to the end)."""
    storage = to_torch_unaliased(input_)
    starts = _int_list(begin, "Slice", "Index")
    sizes = _int_list(size, "Slice", "Index")
    rank = storage.ndim
    if len(starts) != rank or len(sizes) != rank:
        raise _err("Slice", "Expected begin and size arguments to be 1-D tensors of size %d, but got shapes [%d] and [%d] instead."
                   % (rank, len(starts), len(sizes)), storage)
    key = []
    for d, (b, s) in enumerate(zip(starts, sizes)):
        dim = storage.shape[d]
        if not 0 <= b <= dim:
            raise _err("Slice", "Expected begin[%d] in [0, %d], but got %d" % (d, dim, b), storage)
        if s == -1:
            s = dim - b
        if not 0 <= s <= dim - b:
            raise _err("Slice", "Expected size[%d] in [0, %d], but got %d" % (d, dim - b, s), storage)
        key.append(_py_slice(b, b + s))
    return wrap(storage[tuple(key)])


def strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0,
                  new_axis_mask=0, shrink_axis_mask=0, var=None, name=None):
    """``tf.strided_slice``: the slice ``input_[begin:end:strides]`` with TF's bit masks
    (the same machinery as ``tensor[...]``)."""
    storage = to_torch_unaliased(input_)
    starts = _int_list(begin, "StridedSlice", "Index")
    ends = _int_list(end, "StridedSlice", "Index")
    steps = [1] * len(starts) if strides is None else _int_list(strides, "StridedSlice", "Index")
    key = []
    for i, (b, e, s) in enumerate(zip(starts, ends, steps)):
        bit = 1 << i
        if ellipsis_mask & bit:
            key.append(Ellipsis)
        elif new_axis_mask & bit:
            key.append(None)
        elif shrink_axis_mask & bit:
            key.append(b)
        else:
            key.append(_py_slice(None if begin_mask & bit else b, None if end_mask & bit else e, s))
    return wrap(_strided_slice(storage, tuple(key)))


# ---------------------------------------------------------------- scatter

def _scatter_inputs(tensor_storage, indices, updates, op, updates_position):
    index = _indices(indices, op)
    if isinstance(updates, TensorOperators):
        update = updates._value
        if update.dtype != tensor_storage.dtype:
            raise _mismatch(op, updates_position, tensor_storage, update, None)
    else:
        update = to_torch(updates, _dtype(tensor_storage))
    return index, update


def _scatter_check(index, update, out_shape, op, storage):
    depth = index.shape[-1] if index.ndim else 0
    outer = tuple(index.shape[:-1])
    if update.ndim == 0:
        raise _err(op, "Updates shape must have rank at least one. Found:[]", storage)
    if depth > len(out_shape):
        raise _err(op, "Inner dimensions of output shape must match inner dimensions of updates shape. Output: %s updates: %s"
                   % (_dims_text(out_shape), _dims_text(update.shape)), storage)
    if tuple(update.shape[:len(outer)]) != outer:
        if op == "ScatterNd":
            raise _err(op, "Dimensions [0,%d) of indices[shape=%s] must match dimensions [0,%d) of updates[shape=%s]"
                       % (len(outer), _dims_text(index.shape), len(outer), _dims_text(update.shape)), storage)
        raise _err(op, "Outer dimensions of indices and update must match. Indices shape: %s, updates shape:%s"
                   % (_dims_text(index.shape), _dims_text(update.shape)), storage)
    inner = tuple(out_shape[depth:])
    if tuple(update.shape[len(outer):]) != inner:
        if op == "ScatterNd":
            raise _err(op, "Dimensions [%d,%d) of input[shape=%s] must match dimensions [%d,%d) of updates[shape=%s]"
                       % (depth, len(out_shape), _dims_text(out_shape), len(outer), update.ndim, _dims_text(update.shape)), storage)
        raise _err(op, "The inner %d dimensions of output.shape=%s must match the inner %d dimensions of updates.shape=%s"
                   % (len(inner), _dims_text(out_shape), update.ndim - len(outer), _dims_text(update.shape)), storage)
    index = index.to(storage.device).long()
    limits = torch.tensor(out_shape[:depth], device=index.device, dtype=torch.long)
    if depth:
        bad = ((index < 0) | (index >= limits)).any(-1)
        if bool(bad.any()):
            position = int(bad.reshape(-1).nonzero()[0])
            values = index.reshape(-1, depth)[position].tolist()
            raise _err(op, "indices%s = [%s] does not index into shape %s"
                       % (_index_text(position, outer), ", ".join(str(v) for v in values), _dims_text(out_shape)), storage)
    return tuple(index[..., k] for k in _py_range(depth)), update.to(storage.device)


def _scatter(tensor, indices, updates, op, mode):
    storage = to_torch(tensor)
    index, update = _scatter_inputs(storage, indices, updates, op, 2)
    key, update = _scatter_check(index, update, tuple(storage.shape), op, storage)
    if mode == "update":
        return wrap(storage.index_put(key, update))
    if mode == "add":
        return wrap(storage.index_put(key, update, accumulate=True))
    if mode == "sub":
        return wrap(storage.index_put(key, -update, accumulate=True))
    depth = len(key)
    inner = tuple(storage.shape[depth:])
    flat_index = torch.zeros(update.shape[:update.ndim - len(inner)], dtype=torch.long, device=storage.device)
    for k, size in zip(key, storage.shape[:depth]):
        flat_index = flat_index * size + k
    flat = storage.reshape((-1,) + inner)
    rows = flat_index.reshape(-1)
    source = update.reshape((-1,) + inner)
    expanded = rows.reshape((-1,) + (1,) * len(inner)).expand(source.shape)
    result = flat.scatter_reduce(0, expanded, source, reduce="amax" if mode == "max" else "amin", include_self=True)
    return wrap(result.reshape(storage.shape))


def tensor_scatter_nd_update(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_update``: a copy of ``tensor`` with ``updates`` written at ``indices``
    (the functional form of item assignment, which immutable Tensors refuse)."""
    return _scatter(tensor, indices, updates, "TensorScatterUpdate", "update")


def tensor_scatter_nd_add(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_add``: a copy of ``tensor`` with ``updates`` added at ``indices`` (duplicates sum)."""
    return _scatter(tensor, indices, updates, "TensorScatterAdd", "add")


def tensor_scatter_nd_sub(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_sub``: a copy of ``tensor`` with ``updates`` subtracted at ``indices``."""
    return _scatter(tensor, indices, updates, "TensorScatterSub", "sub")


def tensor_scatter_nd_max(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_max``: elementwise maximum of ``tensor`` and ``updates`` at ``indices``."""
    return _scatter(tensor, indices, updates, "TensorScatterMax", "max")


def tensor_scatter_nd_min(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_min``: elementwise minimum of ``tensor`` and ``updates`` at ``indices``."""
    return _scatter(tensor, indices, updates, "TensorScatterMin", "min")


def scatter_nd(indices, updates, shape, name=None):
    """``tf.scatter_nd``: zeros of ``shape`` with ``updates`` summed in at ``indices``."""
    update_storage = to_torch(updates)
    dims = _shape_arg(shape, "ScatterNd", None)
    index = _indices(indices, "ScatterNd")
    base = torch.zeros(dims, dtype=update_storage.dtype, device=update_storage.device)
    key, update = _scatter_check(index, update_storage, dims, "ScatterNd", base)
    return wrap(base.index_put(key, update, accumulate=True))


# ---------------------------------------------------------------- more TF array ops

def repeat(input, repeats, axis=None, name=None):
    """``tf.repeat``: each element (or slice along ``axis``) repeated ``repeats`` times;
    without ``axis`` the input is flattened first."""
    storage = to_torch(input)
    if axis is None:
        storage = storage.reshape(-1)
        axis = 0
    axis = int(axis) % max(storage.ndim, 1)
    counts = _int_list(repeats, "Tile", "Tmultiples")
    if len(counts) != 1 and len(counts) != storage.shape[axis]:
        raise ValueError("Dimensions %d and %d are not compatible" % (storage.shape[axis], len(counts)))
    for c in counts:
        if c < 0:
            raise _err("Tile", "Expected multiples[1] >= 0, but got %d" % c, storage)
    if isinstance(storage, np.ndarray):
        return wrap(np.repeat(storage, counts if len(counts) > 1 else counts[0], axis))
    amount = counts[0] if len(counts) == 1 else torch.tensor(counts, device=storage.device)
    return wrap(torch.repeat_interleave(storage, amount, dim=axis))


def roll(input, shift, axis, name=None):
    """``tf.roll``: elements shifted (with wrap-around) by ``shift`` along each ``axis``."""
    storage = to_torch(input)
    shifts = _int_list(shift, "Roll", "Tshift")
    axes = _int_list(axis, "Roll", "Taxis")
    if len(shifts) != len(axes):
        raise _err("Roll", "shift and axis must have the same size", storage)
    rank = storage.ndim
    for a in axes:
        if not -rank <= a < rank:
            raise _err("Roll", "axis %d is out of range" % a, storage, "")
    return wrap(torch.roll(storage, shifts, [a % rank for a in axes]))


def meshgrid(*args, **kwargs):
    """``tf.meshgrid``: coordinate grids from 1-D inputs (``indexing='xy'`` (default) or ``'ij'``)."""
    indexing = kwargs.pop("indexing", "xy")
    kwargs.pop("name", None)
    if kwargs:
        raise TypeError("Invalid keyword arguments: %s" % list(kwargs))
    if indexing not in ("xy", "ij"):
        raise ValueError("Argument `indexing` parameter must be either 'xy' or 'ij', got '%s'" % indexing)
    storages = [to_torch(a).reshape(-1) for a in args]
    for s in storages[1:]:
        if s.dtype != storages[0].dtype:
            raise _mismatch("Mul", 1, s, storages[0], "")
    return [wrap(g) for g in torch.meshgrid(*storages, indexing=indexing)]


def sequence_mask(lengths, maxlen=None, dtype=dtypes.bool, name=None):
    """``tf.sequence_mask``: ``mask[..., j] = j < lengths[...]`` over ``maxlen`` (default ``max(lengths)``) columns."""
    storage = to_torch(lengths).long()
    limit = int(storage.max()) if maxlen is None and storage.numel() else int(maxlen or 0)
    mask = torch.arange(limit, device=storage.device) < storage.unsqueeze(-1)
    dtype = dtypes.as_dtype(dtype)
    return wrap(mask if dtype is dtypes.bool else mask.to(dtype.torch_dtype))


def ensure_shape(x, shape, name=None):
    """``tf.ensure_shape``: ``x`` itself after checking its shape fits ``shape`` (``None`` dims match anything)."""
    tensor = x if isinstance(x, TensorOperators) else wrap(to_torch(x))
    expected = TensorShape(shape)
    if not expected.is_compatible_with(tensor.shape):
        dims = "?" if expected.rank is None else _dims_text(["?" if d is None else d for d in expected])
        raise _err("EnsureShape", "Shape of tensor input %s is not compatible with expected shape %s." % (_dims_text(tensor.shape), dims),
                   tensor._value, "")
    return tensor


UniqueWithCounts = collections.namedtuple("UniqueWithCounts", ["y", "idx", "count"])
UniqueWithCounts.__doc__ = "The result of ``tf.unique_with_counts``: ``y``, ``idx`` and the ``count`` of each value."


def unique_with_counts(x, out_idx=dtypes.int32, name=None):
    """``tf.unique_with_counts``: ``tf.unique`` plus how often each unique value occurs."""
    y, idx = unique(x, out_idx)
    counts = torch.bincount(idx._value.long(), minlength=y.shape[0]).to(idx._value.dtype)
    return UniqueWithCounts(y, idx, wrap(counts))


def searchsorted(sorted_sequence, values, side="left", out_type=dtypes.int32, name=None):
    """``tf.searchsorted``: insertion indices of ``values`` in the innermost dim of ``sorted_sequence``."""
    if side not in ("left", "right"):
        raise ValueError("Argument `side` must be either 'right' or 'left'. Received: `side` = '%s'." % side)
    boundaries = to_torch(sorted_sequence)
    points = to_torch(values)
    op = "UpperBound" if side == "right" else "LowerBound"
    if points.dtype != boundaries.dtype:
        raise _mismatch(op, 1, boundaries, points, "")
    out = dtypes.as_dtype(out_type)
    result = torch.searchsorted(boundaries.contiguous(), points.contiguous(), right=side == "right", out_int32=out is dtypes.int32)
    return wrap(result if out is dtypes.int32 else result.to(out.torch_dtype))


def identity_n(input, name=None):
    """``tf.identity_n``: ``tf.identity`` of each tensor in a list."""
    return [identity(t) for t in input]


def broadcast_static_shape(shape_x, shape_y):
    """``tf.broadcast_static_shape``: the broadcast of two ``TensorShape``s (``None`` dims allowed)."""
    x, y = TensorShape(shape_x), TensorShape(shape_y)
    if x.rank is None or y.rank is None:
        return TensorShape(None)
    a, b = list(x), list(y)
    width = max(len(a), len(b))
    a, b = [1] * (width - len(a)) + a, [1] * (width - len(b)) + b
    dims = []
    for p, q in zip(a, b):
        if p is None or q is None:
            known = q if p is None else p
            dims.append(known if known is not None and known > 1 else None)
        elif p == q or q == 1:
            dims.append(p)
        elif p == 1:
            dims.append(q)
        else:
            raise ValueError("Incompatible shapes for broadcasting. Two shapes are compatible if for each dimension pair they "
                             "are either equal or one of them is 1. Received: %s and %s." % (x, y))
    return TensorShape(dims)


def broadcast_dynamic_shape(shape_x, shape_y):
    """``tf.broadcast_dynamic_shape``: the broadcast of two 1-D int shape tensors, as a tensor."""
    x, y = to_torch(shape_x), to_torch(shape_y)
    try:
        dims = torch.broadcast_shapes(tuple(x.tolist()), tuple(y.tolist()))
    except RuntimeError:
        raise _err("BroadcastArgs", "Incompatible shapes: %s vs. %s" % (_dims_text(x.tolist()), _dims_text(y.tolist())), x) from None
    return wrap(torch.tensor(dims, dtype=x.dtype, device=x.device))


def unravel_index(indices, dims, name=None):
    """``tf.unravel_index``: flat ``indices`` as coordinates in an array of shape ``dims``
    (one row per dim)."""
    flat = to_torch(indices)
    sizes = _int_list(dims, "UnravelIndex", "Tidx")
    total = int(np.prod(sizes))
    if bool(((flat < 0) | (flat >= total)).any()):
        raise _err("UnravelIndex", "index is out of bound as with dims", flat)
    coords = []
    remainder = flat
    for size in reversed(sizes):
        coords.append(remainder % size)
        remainder = torch.div(remainder, size, rounding_mode="floor")
    return wrap(torch.stack(coords[::-1]))


def reverse_sequence(input, seq_lengths, seq_axis=None, batch_axis=None, name=None):
    """``tf.reverse_sequence``: reverses the first ``seq_lengths[b]`` entries along ``seq_axis``
    of each batch entry ``b`` (along ``batch_axis``)."""
    storage = to_torch(input)
    lengths = to_torch(seq_lengths).to(storage.device).long()
    rank = storage.ndim
    seq_axis, batch_axis = int(seq_axis) % rank, int(batch_axis or 0) % rank
    steps = torch.arange(storage.shape[seq_axis], device=storage.device)
    index = torch.where(steps < lengths.unsqueeze(1), lengths.unsqueeze(1) - 1 - steps, steps)
    if batch_axis > seq_axis:
        index = index.t()
    view = [1] * rank
    view[batch_axis], view[seq_axis] = storage.shape[batch_axis], storage.shape[seq_axis]
    index = index.reshape(view).expand(storage.shape)
    return wrap(torch.gather(storage, seq_axis, index))


def get_static_value(tensor, partial=False):
    """``tf.get_static_value``: a Tensor's value as NumPy (eager tensors are always known);
    non-tensors are returned unchanged."""
    if isinstance(tensor, TensorOperators):
        return tensor.numpy()
    return tensor
