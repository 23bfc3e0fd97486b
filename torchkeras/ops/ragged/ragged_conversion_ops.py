"""Dense and sparse conversions of ``tf.RaggedTensor``: ``to_tensor`` / ``from_tensor`` and
``to_sparse`` / ``from_sparse``, with TF's padding rules and errors."""

from __future__ import annotations

import numpy as np
import torch

from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.errors import InvalidArgumentError
from ...framework.op_errors import op_error
from ...framework.shape import TensorShape
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators, wrap
from .ragged_tensor import RaggedTensor
from .ragged_util import coordinates, full_like, is_string, take
from .row_partition import int_vector, splits_from_lengths

__all__ = ["to_tensor", "from_tensor", "to_sparse", "from_sparse"]


def _default_fill(rt, default_value):
    """The fill value of ``to_tensor`` as storage (checked against the flat values' rank)."""
    flat = rt.flat_values
    if default_value is None:
        return b"" if is_string(flat._value) else 0
    default = convert_to_tensor(default_value, dtype=rt.dtype)
    if default.shape.rank >= flat.shape.rank:
        raise op_error(
            "RaggedTensorToTensor",
            "default_value.shape=%s and rt_input.flat_values.shape=%s are incompatible: "
            "default_value.rank = %d  must be less than rt_input.flat_values.rank = %d"
            % (
                _dims(default.shape),
                _dims(flat.shape),
                default.shape.rank,
                flat.shape.rank,
            ),
            flat._value,
            kernel="RaggedTensorToTensor_num_row_partition_tensors_%d" % rt.ragged_rank,
        )
    return default._value


def _dims(shape):
    return "[%s]" % ",".join(str(d) for d in shape.as_list())


def to_tensor(rt, default_value=None, shape=None):
    """``RaggedTensor.to_tensor``: see the method's docstring."""
    fill = _default_fill(rt, default_value)
    flat = rt.flat_values._value
    bounding = [int(d) for d in rt.bounding_shape()._value.tolist()]
    if shape is not None:
        dims = shape.as_list() if hasattr(shape, "as_list") else list(shape)
        for d in dims:
            if d is not None and int(d) < -1:  # TF's TensorShape(shape)
                raise ValueError("Dimension %d must be >= 0" % int(d))
        if len(dims) != len(bounding):
            raise op_error(
                "RaggedTensorToTensor",
                "rt_input.shape and shape=[%s] are incompatible: rt_input.rank = %d but "
                "shape.rank = %d"
                % (",".join("-1" if d is None else str(d) for d in dims), len(bounding), len(dims)),
                flat,
                kernel="RaggedTensorToTensor_num_row_partition_tensors_%d" % rt.ragged_rank,
            )
        target = [b if d is None or int(d) == -1 else int(d) for d, b in zip(dims, bounding)]
        _check_inner(rt, flat, target)
    else:
        target = bounding
    out = full_like(flat, tuple(target), fill)
    coords = coordinates(rt)
    keep = None
    for coord, size in zip(coords, target):
        inside = coord < size
        keep = inside if keep is None else keep & inside
    inner = tuple(slice(0, min(a, b)) for a, b in zip(flat.shape[1:], target[len(coords) :]))
    if keep is not None and coords[0].numel():
        index = keep.nonzero().reshape(-1)
        kept = [c[index] for c in coords]
        values = take(flat, index)[(slice(None),) + inner]
        if is_string(flat):
            out[tuple(c.cpu().numpy() for c in kept) + inner] = values
        else:
            out[tuple(kept) + inner] = values
    return wrap(out)


def _check_inner(rt, flat, target):
    """TF's error for a ``shape`` whose inner (uniform) dimensions differ from the values'."""
    first = rt.ragged_rank + 1
    for axis, (size, want) in enumerate(zip(flat.shape[1:], target[first:]), first):
        if size != want:
            raise op_error(
                "RaggedTensorToTensor",
                "rt_input.shape and shape=[%s] are incompatible: rt_input.shape[%d] = %d but "
                "shape[%d] = %d" % (",".join(map(str, target)), axis, size, axis, want),
                flat,
                kernel="RaggedTensorToTensor_num_row_partition_tensors_%d" % rt.ragged_rank,
            )


def _type_name(value):
    return "EagerTensor" if isinstance(value, TensorOperators) else type(value).__name__


def _check_compatible(shape, other):
    """TF's ``ValueError`` where two static shapes (of ``lengths`` or ``padding`` against the
    tensor's) are incompatible."""
    if not shape.is_compatible_with(other):
        raise ValueError("Shapes %s and %s are incompatible" % (shape, other))


def _row_lengths_to_cut(tensor, lengths, padding):
    """Per-row lengths of a rank >= 2 tensor cut at ``lengths`` or before trailing padding."""
    a = tensor._value
    ncols = a.shape[1]
    if lengths is not None:
        lengths = int_vector(lengths, "lengths")
        _check_compatible(tensor.shape[:2], TensorShape([lengths.shape[0], ncols]))
        return wrap(torch.clamp(lengths._value, max=ncols))
    padding = convert_to_tensor(padding, dtype=tensor.dtype)
    _check_compatible(padding.shape, tensor.shape[2:])
    pad = padding._value
    if is_string(a):
        equal = torch.from_numpy(np.asarray(a == pad, dtype=bool))
    else:
        equal = a == pad
    if equal.dim() > 2:
        equal = equal.reshape(equal.shape[0], equal.shape[1], -1).all(-1)
    not_pad = ~equal
    positions = torch.arange(1, ncols + 1, device=not_pad.device)
    return wrap((not_pad * positions).amax(1, keepdim=False).to(torch.int64))


def _cut_rows(values, lengths, splits_dtype):
    """``values`` (``[nrows, ncols, ...]``) as a RaggedTensor whose rows keep their first
    ``lengths`` entries."""
    a = values._value
    nrows, ncols = a.shape[0], a.shape[1]
    lens = lengths._value.to(torch.int64)
    cols = torch.arange(ncols, device=lens.device)
    keep = (cols[None, :] < lens[:, None]).reshape(-1).nonzero().reshape(-1)
    flat = a.reshape((nrows * ncols,) + tuple(a.shape[2:]))
    splits = splits_from_lengths(wrap(lens.to(splits_dtype.torch_dtype)))
    return RaggedTensor.from_row_splits(wrap(take(flat, keep)), splits, validate=False)


def _is_nested_lengths(lengths):
    return isinstance(lengths, (list, tuple)) and lengths and not np.isscalar(lengths[0])


def from_tensor(tensor, lengths, padding, ragged_rank, row_splits_dtype):
    """``RaggedTensor.from_tensor``: see the method's docstring."""
    if lengths is not None and padding is not None:
        raise ValueError("Specify argument `lengths` or `padding`, but not both.")
    if not isinstance(ragged_rank, int):
        raise TypeError("Argument `ragged_rank` must be an int. Received %s." % ragged_rank)
    if ragged_rank <= 0:
        raise ValueError(
            "Argument `ragged_rank` must be greater than 0. Received %s." % ragged_rank
        )
    splits_dtype = dtypes.as_dtype(row_splits_dtype)
    tensor = convert_to_tensor(tensor)
    rank = tensor.shape.rank
    if rank <= 1:
        raise ValueError(
            "The rank of a RaggedTensor must be greater than 1, i.e., a list of scalars won't "
            "have ragged dimensions. Received argument `tensor` with rank %d." % rank
        )
    if _is_nested_lengths(lengths):
        return _from_nested_lengths(tensor, list(lengths), splits_dtype)
    if rank < ragged_rank + 1:
        raise ValueError("Shape %s must have rank at least %d" % (tensor.shape, ragged_rank + 1))
    shape = list(tensor._value.shape)
    if ragged_rank > 1:
        flat = wrap(
            tensor._value.reshape([int(np.prod(shape[:ragged_rank]))] + shape[ragged_rank:])
        )
        result = from_tensor(flat, lengths, padding, 1, splits_dtype)
        for axis in range(ragged_rank - 1, 0, -1):
            length = wrap(torch.tensor(shape[axis], dtype=splits_dtype.torch_dtype))
            result = RaggedTensor.from_uniform_row_length(
                result, length, nrows=int(np.prod(shape[:axis])), validate=False
            )
        return result
    if lengths is None and padding is None:
        a = tensor._value
        flat = a.reshape((shape[0] * shape[1],) + tuple(shape[2:]))
        length = wrap(torch.tensor(shape[1], dtype=splits_dtype.torch_dtype))
        return RaggedTensor.from_uniform_row_length(wrap(flat), length, nrows=shape[0])
    return _cut_rows(tensor, _row_lengths_to_cut(tensor, lengths, padding), splits_dtype)


def _from_nested_lengths(tensor, nested_lengths, splits_dtype):
    """``from_tensor`` with one lengths vector per ragged dimension."""
    a = tensor._value
    values = a
    all_splits = []
    for lengths in nested_lengths:
        lens = int_vector(lengths, "lengths")._value.to(torch.int64)
        ncols = values.shape[1]
        lens = torch.clamp(lens, max=ncols)
        keep = (torch.arange(ncols)[None, :] < lens[:, None]).reshape(-1).nonzero().reshape(-1)
        flat = values.reshape((values.shape[0] * ncols,) + tuple(values.shape[2:]))
        values = take(flat, keep)
        all_splits.append(splits_from_lengths(wrap(lens.to(splits_dtype.torch_dtype))))
    return RaggedTensor.from_nested_row_splits(wrap(values), all_splits, validate=False)


def to_sparse(rt):
    """``RaggedTensor.to_sparse``: see the method's docstring."""
    flat = rt.flat_values._value
    coords = coordinates(rt)
    inner = tuple(flat.shape[1:])
    count = int(np.prod(inner)) if inner else 1
    columns = [c.repeat_interleave(count) for c in coords]
    if inner:
        grid = torch.stack(
            torch.meshgrid(*[torch.arange(d) for d in inner], indexing="ij"), -1
        ).reshape(-1, len(inner))
        tiled = grid.repeat(coords[0].numel(), 1).to(coords[0].device)
        columns += [tiled[:, i] for i in range(len(inner))]
    indices = (
        torch.stack(columns, 1)
        if columns[0].numel()
        else torch.zeros((0, len(columns)), dtype=torch.int64)
    )
    values = flat.reshape(-1)
    dense_shape = rt.bounding_shape(out_type=dtypes.int64)
    return SparseTensor(wrap(indices.to(torch.int64)), wrap(values), dense_shape)


def _not_right_ragged(indices):
    flat = indices.reshape(-1).tolist()
    texts = [str(v) for v in flat[:3]] + (["..."] if len(flat) > 3 else [])
    return InvalidArgumentError(
        None,
        None,
        "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
        "b'SparseTensor is not right-ragged'\nb'SparseTensor.indices ='\n%s" % ", ".join(texts),
    )


def from_sparse(st_input, row_splits_dtype):
    """``RaggedTensor.from_sparse``: see the method's docstring."""
    if not isinstance(st_input, SparseTensor):
        raise TypeError(
            "Argument `st_input` must be of type SparseTensor, but is of type %s."
            % _type_name(st_input)
        )
    if st_input.shape.rank != 2:
        raise ValueError("rank(st_input) must be 2.")
    splits_dtype = dtypes.as_dtype(row_splits_dtype)
    indices = st_input.indices._value
    nrows = int(st_input.dense_shape._value[0])
    rows, cols = indices[:, 0], indices[:, 1]
    lengths = torch.bincount(rows, minlength=nrows)[:nrows] if rows.numel() else None
    if lengths is None:
        lengths = torch.zeros(nrows, dtype=torch.int64)
    splits = splits_from_lengths(wrap(lengths.to(splits_dtype.torch_dtype)))
    expected_cols = torch.arange(rows.numel()) - splits._value.to(torch.int64)[rows]
    sorted_rows = bool((rows[1:] >= rows[:-1]).all()) if rows.numel() > 1 else True
    if not sorted_rows or not bool((cols == expected_cols).all()):
        raise _not_right_ragged(indices)
    return RaggedTensor.from_row_splits(st_input.values, splits)
