"""``tf.*`` indexing ops: ``gather``, ``gather_nd``, ``boolean_mask``, ``one_hot``,
``slice``, ``strided_slice``, ``unravel_index``.

``gather`` and ``gather_nd`` check indices as TF's kernels do: out-of-range
indices raise on CPU and give zeros on accelerators (no device sync)."""

from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.errors import InvalidArgumentError
from ..framework.convert import to_torch, to_torch_unaliased, infer_dtype
from ..framework.shape import TensorShape
from ..framework.tensor import TensorOperators, wrap
from ..framework.tensor_ops import strided_slice as _strided_slice
from ..framework.op_errors import (
    attr_error,
    cannot_convert,
    device_of,
    dims_text,
    index_text,
    op_error,
)
from ._args import error_name, host_ints, index_storage, int_list, py_range, py_slice
from ..api_export import tf_export

__all__ = [
    "gather",
    "gather_nd",
    "boolean_mask",
    "one_hot",
    "slice",
    "strided_slice",
    "unravel_index",
]


def _validates_indices(device):
    """Whether gathers on ``device`` check their indices (TF's CPU kernels do; its GPU kernels
    give zeros for out-of-range indices instead, which needs no device sync)."""
    return device.type == "cpu"


def index_error(index, limit, op, storage, shape=None, name=None):
    """TF's error for the first of ``index``'s values outside ``[0, limit)`` (named by its place
    in ``shape``, default the index's own shape), as op ``op``'s CPU kernel reports it; ``name``
    is the text after `` name:`` (by default TF's: none unless the index is a scalar)."""
    position = int(((index < 0) | (index >= limit)).reshape(-1).nonzero()[0])
    where = index_text(position, tuple(index.shape) if shape is None else shape)
    value = int(index.reshape(-1)[position])
    if name is None and not where:
        name = ""
    text = "indices%s = %d is not in [0, %d)" % (where, value, limit)
    return op_error(op, text, storage, name)


def _checked_gather_index(index, limit, op, storage, name):
    """Index storage safe for torch: validated with TF's error, or clamped where TF's kernels
    give zeros for out-of-range indices. Returns (index, valid mask or None)."""
    if _validates_indices(index.device):
        low, high = (int(v) for v in torch.aminmax(index)) if index.numel() else (0, 0)
        if low < 0 or high >= limit:
            raise index_error(index, limit, op, storage, name=name)
        return (index if index.dtype != torch.int16 else index.long()), None
    valid = (index >= 0) & (index < limit)
    return index.long().clamp(0, max(limit - 1, 0)), valid


def _gather_axis(axis, storage):
    """``tf.gather``'s axis: an int32/int64 scalar (an empty list converts to float32, which
    the op's ``Taxis`` refuses)."""
    if type(axis) is int:
        return axis
    if isinstance(axis, (list, tuple)) and not axis:
        raise attr_error("GatherV2", dtypes.float32, "Taxis", name=None)
    value = host_ints(axis, "GatherV2", "Taxis")
    if isinstance(value, list):
        raise op_error("GatherV2", "axis must be scalar", storage, name=None)
    return int(value)


@tf_export("gather")
def gather(params, indices, validate_indices=None, axis=None, batch_dims=0, name=None):
    """``tf.gather``: slices of ``params`` along ``axis`` at ``indices`` (with leading
    ``batch_dims``).

    Out-of-range indices raise TF's error on CPU; on CUDA they give zeros, as
    TF's GPU kernel does (checking would force a device sync).
    """
    try:
        storage = to_torch(params)
        index = index_storage(indices, "GatherV2")
    except CompositeArgumentError as error:
        return dispatch(
            gather, (params, indices, validate_indices, axis, batch_dims, name), {}, error
        )
    index_rank = index.ndim
    batch_dims = int(batch_dims)
    if batch_dims < 0:
        batch_dims += index_rank
    axis = batch_dims if axis is None else _gather_axis(axis, storage)
    rank = storage.ndim
    if rank == 0:
        raise op_error("GatherV2", "params must be at least 1 dimensional", storage, name=None)
    given = axis
    if axis < 0:
        axis += rank
    if axis >= rank or axis < 0:
        raise op_error(
            "GatherV2",
            "Shape must be at least rank %d but is rank %d"
            % (-given if given < 0 else axis + 1, rank),
            storage,
            name=None,
        )
    if batch_dims > index_rank or batch_dims > axis:
        raise op_error(
            "GatherV2",
            "Shape must be at least rank %d but is rank %d"
            % (batch_dims + 1, min(rank, index_rank)),
            storage,
            name=None,
        )
    for d in py_range(batch_dims):
        if storage.shape[d] != index.shape[d]:
            raise op_error(
                "GatherV2",
                "params.shape[%d]: %d should be equal to indices.shape[%d]: %d"
                % (d, storage.shape[d], d, index.shape[d]),
                storage,
                name=None,
            )
    if isinstance(storage, np.ndarray):
        return wrap(_gather_numpy(storage, index, axis, batch_dims, storage.shape[axis]))
    if index.device != storage.device:
        index = index.to(storage.device)
    index, valid = _checked_gather_index(index, storage.shape[axis], "GatherV2", storage, name)
    if batch_dims == 0:
        result = storage.index_select(axis, index.reshape(-1))
        result = result.reshape(
            tuple(storage.shape[:axis]) + tuple(index.shape) + tuple(storage.shape[axis + 1 :])
        )
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
    key = (rows,) + (py_slice(None),) * (inner_axis - 1) + (idx,)
    picked = params[key]
    idx_dims = idx.ndim - 1
    order = (
        [0]
        + list(py_range(1 + idx_dims, 1 + idx_dims + middle))
        + list(py_range(1, 1 + idx_dims))
        + list(py_range(1 + idx_dims + middle, picked.ndim))
    )
    picked = picked.permute(order)
    if valid is not None:
        mask = valid.reshape(
            (count,)
            + (1,) * middle
            + tuple(idx.shape[1:])
            + (1,) * (picked.ndim - 1 - middle - idx_dims)
        )
        picked = picked.masked_fill(~mask, 0)
    return picked.reshape(batch + tuple(picked.shape[1:]))


def _gather_numpy(array, index, axis, batch_dims, limit):
    idx = index.cpu().numpy()
    bad = (idx < 0) | (idx >= limit)
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        where = index_text(position, idx.shape)
        raise op_error(
            "GatherV2",
            "indices%s = %d is not in [0, %d)" % (where, idx.reshape(-1)[position], limit),
            array,
            "" if not where else None,
        )
    if batch_dims == 0:
        return np.asarray(np.take(array, idx, axis), dtype=object)
    parts = [
        _gather_numpy(array[i], index[i], axis - 1, batch_dims - 1, limit)
        for i in py_range(array.shape[0])
    ]
    return np.stack(parts)


@tf_export("gather_nd")
def gather_nd(params, indices, batch_dims=0, name=None):
    """``tf.gather_nd``: slices of ``params`` at the N-d indices in ``indices``' last dim."""
    try:
        storage = to_torch(params)
        index = index_storage(indices, "GatherNd")
    except CompositeArgumentError as error:
        return dispatch(gather_nd, (params, indices, batch_dims, name), {}, error)
    batch_dims = int(batch_dims)
    depth = index.shape[-1] if index.ndim else 0
    if depth > storage.ndim - batch_dims:
        raise op_error(
            "GatherNd",
            "index innermost dimension length must be <= params rank; saw: %d vs. %d"
            % (depth, storage.ndim - batch_dims),
            storage,
            name=None,
        )
    idx = index.to(device_of(storage)) if index.device != device_of(storage) else index
    batch = tuple(storage.shape[:batch_dims])
    count = int(np.prod(batch)) if batch_dims else 1
    params_flat = storage.reshape((count,) + tuple(storage.shape[batch_dims:]))
    idx_flat = idx.reshape((count,) + tuple(idx.shape[batch_dims:]))
    limits = torch.tensor(
        storage.shape[batch_dims : batch_dims + depth], device=idx_flat.device, dtype=torch.long
    )
    idx_long = idx_flat.long()
    bad = ((idx_long < 0) | (idx_long >= limits)).any(-1) if depth else None
    valid = None
    if bad is not None:
        if _validates_indices(idx_long.device):
            if bool(bad.any()):
                position = int(bad.reshape(-1).nonzero()[0])
                values = idx_long.reshape(-1, depth)[position].tolist()
                raise op_error(
                    "GatherNd",
                    "indices%s = [%s] does not index into param shape %s, node name: GatherNd"
                    % (
                        index_text(position, tuple(idx.shape[:-1])),
                        ", ".join(str(v) for v in values),
                        dims_text(storage.shape),
                    ),
                    storage,
                    name=None,
                )
        else:
            valid = ~bad
            idx_long = torch.minimum(idx_long.clamp(min=0), limits - 1)
    rows = torch.arange(count, device=idx_long.device).reshape(
        (count,) + (1,) * (idx_long.ndim - 2)
    )
    key = (rows,) + tuple(idx_long[..., k] for k in py_range(depth))
    if isinstance(storage, np.ndarray):
        result = np.asarray(params_flat[tuple(k.numpy() for k in key)], dtype=object)
    else:
        result = params_flat[key]
        if valid is not None:
            result = result.masked_fill(
                ~valid.reshape(tuple(valid.shape) + (1,) * (result.ndim - valid.ndim)), 0
            )
    return wrap(result.reshape(batch + tuple(result.shape[1:])))


@tf_export("boolean_mask")
def boolean_mask(tensor, mask, axis=None, name="boolean_mask"):
    """``tf.boolean_mask``: the elements (or slices along ``axis``) where ``mask`` is true."""
    storage = to_torch(tensor)
    mask_storage = to_torch(mask)
    mask_rank = mask_storage.ndim
    if mask_rank == 0:
        raise ValueError("mask cannot be scalar.")
    axis = 0 if axis is None else int(axis)
    covered = tuple(storage.shape)[axis : axis + mask_rank]
    if covered != tuple(mask_storage.shape):
        raise ValueError(
            "Shapes %s and %s are incompatible"
            % (TensorShape(covered), TensorShape(tuple(mask_storage.shape)))
        )
    flat_mask = mask_storage.reshape(-1)
    if isinstance(flat_mask, np.ndarray):
        raise TypeError("boolean_mask expects a numeric or bool mask, got a string tensor")
    positions = flat_mask.nonzero().reshape(-1)
    merged = tuple(storage.shape[:axis]) + (-1,) + tuple(storage.shape[axis + mask_rank :])
    if isinstance(storage, np.ndarray):
        return wrap(np.take(storage.reshape(merged), positions.cpu().numpy(), axis))
    return wrap(storage.reshape(merged).index_select(axis, positions.to(storage.device)))


def _depth(depth, indices):
    """``tf.one_hot``'s ``depth`` as a Python int, refused as TF refuses it (not convertible to
    int32, None, not a scalar); ``indices`` decide the error's name part."""
    if depth is None:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    if type(depth) is float or isinstance(depth, (str, bytes)):  # NumPy floats convert
        raise cannot_convert(depth, dtypes.int32)
    if isinstance(depth, (np.ndarray, TensorOperators)) and tuple(depth.shape) != ():
        raise op_error(
            "OneHot",
            "depth must be a scalar, but got: %s" % dims_text(depth.shape),
            name=error_name(indices, depth),
        )
    return int(depth)


@tf_export("one_hot")
def one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """``tf.one_hot``: ``on_value`` at each index along a new ``axis`` (default last), ``off_value``
    elsewhere; out-of-range indices give an all-``off_value`` row.  Not differentiable, as in TF."""
    try:
        index = (
            index_storage(indices, "OneHot", attr="TI")
            if not _is_uint8(indices)
            else to_torch(indices)
        )
    except CompositeArgumentError as error:
        args = (indices, depth, on_value, off_value, axis, dtype, name)
        return dispatch(one_hot, args, {}, error)
    depth = _depth(depth, indices)
    on_dtype = _value_dtype(on_value)
    off_dtype = _value_dtype(off_value)
    if on_dtype is not None and off_dtype is not None and on_dtype is not off_dtype:
        raise TypeError(
            "dtype %s of on_value does not match dtype %s of off_value" % (on_dtype, off_dtype)
        )
    inferred = on_dtype or off_dtype
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
        if (
            inferred is not None
            and inferred is not dtype
            and isinstance(on_value if on_dtype else off_value, TensorOperators)
        ):
            raise TypeError(
                "dtype %s of on_value does not match dtype parameter %s" % (inferred, dtype)
            )
    else:
        dtype = inferred or dtypes.float32
    if depth < 0:
        raise op_error(
            "OneHot",
            "depth must be non-negative, got: %d" % depth,
            index,
            name=error_name(indices, depth),
        )
    rank = index.ndim
    if axis is not None and not isinstance(axis, (int, float, np.number, TensorOperators)):
        raise TypeError("Expected int for argument 'axis' not %r." % (axis,))
    axis = -1 if axis is None else int(axis)
    if axis != -1 and not 0 <= axis <= rank:
        raise op_error(
            "OneHot",
            "Expected axis to be -1 or between [0, %d).  But received: %d" % (rank + 1, axis),
            index,
            name=error_name(indices, depth),
        )
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
        if dtype in (dtypes.string, dtypes.bool):  # TF converts the default 1/0 to ``dtype``
            raise cannot_convert(default, dtype)
        return torch.tensor(default, dtype=dtype.torch_dtype, device=device)
    if isinstance(value, TensorOperators):
        return value._value.detach().to(device)
    return to_torch(value, dtype).to(device)


@tf_export("slice")
def slice(input_, begin, size, name=None):  # noqa: A001 - TF's name
    """``tf.slice``: the block starting at ``begin`` of extent ``size`` (``-1``: to the end)."""
    storage = to_torch_unaliased(input_)
    starts = int_list(begin, "Slice", "Index")
    sizes = int_list(size, "Slice", "Index")
    rank = storage.ndim
    if len(starts) != rank or len(sizes) != rank:
        raise op_error(
            "Slice",
            "Expected begin and size arguments to be 1-D tensors of size %d, but got shapes [%d] "
            "and [%d] instead." % (rank, len(starts), len(sizes)),
            storage,
            name=None,
        )
    key = []
    for d, (b, s) in enumerate(zip(starts, sizes)):
        dim = storage.shape[d]
        if not 0 <= b <= dim:
            raise op_error(
                "Slice",
                "Expected begin[%d] in [0, %d], but got %d" % (d, dim, b),
                storage,
                name=None,
            )
        if s == -1:
            s = dim - b
        if not 0 <= s <= dim - b:
            raise op_error(
                "Slice",
                "Expected size[%d] in [0, %d], but got %d" % (d, dim - b, s),
                storage,
                name=None,
            )
        key.append(py_slice(b, b + s))
    return wrap(storage[tuple(key)])


@tf_export("strided_slice")
def strided_slice(
    input_,
    begin,
    end,
    strides=None,
    begin_mask=0,
    end_mask=0,
    ellipsis_mask=0,
    new_axis_mask=0,
    shrink_axis_mask=0,
    var=None,
    name=None,
):
    """``tf.strided_slice``: the slice ``input_[begin:end:strides]`` with TF's bit masks
    (the same machinery as ``tensor[...]``)."""
    storage = to_torch_unaliased(input_)
    starts = int_list(begin, "StridedSlice", "Index")
    ends = int_list(end, "StridedSlice", "Index")
    steps = [1] * len(starts) if strides is None else int_list(strides, "StridedSlice", "Index")
    if not len(starts) == len(ends) == len(steps):
        raise op_error(
            "StridedSlice",
            "Expected begin, end, and strides to be 1D equal size tensors, but got shapes [%d], "
            "[%d], and [%d] instead." % (len(starts), len(ends), len(steps)),
            storage,
            name=None,
        )
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
            key.append(py_slice(None if begin_mask & bit else b, None if end_mask & bit else e, s))
    try:
        return wrap(_strided_slice(storage, tuple(key)))
    except InvalidArgumentError as error:
        # the errors of ``tensor[...]`` name its op ``strided_slice/``; TF's function prints
        # an empty name (tensor arguments) or none (lists, run by TF's slow path)
        name = error_name(begin, end, begin if strides is None else strides)
        text = error.message.replace(" name: strided_slice/", "" if name is None else " name: ")
        raise InvalidArgumentError(None, None, text) from None


@tf_export("unravel_index")
def unravel_index(indices, dims, name=None):
    """``tf.unravel_index``: flat ``indices`` as coordinates in an array of shape ``dims``
    (one row per dim)."""
    flat = to_torch(indices)
    sizes = int_list(dims, "UnravelIndex", "Tidx")
    total = int(np.prod(sizes))
    if bool(((flat < 0) | (flat >= total)).any()):
        raise op_error("UnravelIndex", "index is out of bound as with dims", flat, name=None)
    coords = []
    remainder = flat
    for size in reversed(sizes):
        coords.append(remainder % size)
        remainder = torch.div(remainder, size, rounding_mode="floor")
    return wrap(torch.stack(coords[::-1]))
