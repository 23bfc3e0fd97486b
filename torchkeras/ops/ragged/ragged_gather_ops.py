"""Row gathers on ragged tensors: the kernel of ``tf.gather`` on RaggedTensors (dispatched
from ``tf.gather``) and of ragged slicing."""

from __future__ import annotations

import torch

from ...framework.dispatch import register
from ...framework.op_errors import op_error
from ...framework.tensor import wrap
from ..gather_ops import gather, gather_nd
from .ragged_tensor import RaggedTensor, _normalize_axis
from .ragged_util import take

__all__ = ["gather_rows", "value_ranges"]


def value_ranges(starts, lengths):
    """The concatenation of ``arange(starts[i], starts[i] + lengths[i])`` (int64 torch)."""
    starts = starts.to(torch.int64)
    lengths = lengths.to(torch.int64)
    total = int(lengths.sum()) if lengths.numel() else 0
    offsets = torch.cumsum(lengths, 0) - lengths
    base = torch.repeat_interleave(starts - offsets, lengths)
    return base + torch.arange(total, device=starts.device)


def gather_rows(values, index):
    """The rows ``index`` (int64 torch vector) of ``values`` (a Tensor or RaggedTensor)."""
    if isinstance(values, RaggedTensor):
        a = values._row_splits._value
        starts = a[:-1][index]
        lengths = a[1:][index] - starts
        zero = torch.zeros(1, dtype=a.dtype, device=a.device)
        splits = torch.cat([zero, torch.cumsum(lengths, 0).to(a.dtype)])
        inner = gather_rows(values._values, value_ranges(starts, lengths))
        return RaggedTensor(inner, wrap(splits), internal=True)
    return wrap(take(values._value, index))


def _check_indices(index, nrows, params):
    if index.numel():
        bad = ((index < 0) | (index >= nrows)).nonzero()
        if bad.numel():
            position = int(bad[0, 0])
            raise op_error(
                "RaggedGather",
                "indices[%d] = %d is not in [0, %d)" % (position, int(index[position]), nrows),
                params.flat_values._value,
                kernel="RaggedGather_OUTPUT_RAGGED_RANK_%d_PARAMS_RAGGED_RANK_%d"
                % (params.ragged_rank, params.ragged_rank),
            )


def _gather_columns(params, index, batch_dims):
    """``tf.gather(params, index, axis=1)``: position ``index`` of every row, as TF's kernel
    (the positions are offsets into the flat values, checked against their count)."""
    starts = params._row_splits._value[:-1].to(torch.int64)
    if batch_dims == 0:
        flat = starts[:, None] + index.reshape(1, -1)
    else:
        flat = starts[:, None] + index.reshape(index.shape[0], -1)
    values = params._values._value
    nvals = values.shape[0]
    bad = ((flat < 0) | (flat >= nvals)).nonzero()
    if bad.numel():
        i, j = (int(v) for v in bad[0])
        raise op_error(
            "GatherV2",
            "indices[%d,%d] = %d is not in [0, %d)" % (i, j, int(flat[i, j]), nvals),
            values,
        )
    shape = (starts.numel(),) + tuple(index.shape[batch_dims:]) + tuple(values.shape[1:])
    return wrap(take(values, flat.reshape(-1)).reshape(shape))


@register(gather, RaggedTensor)
def ragged_gather(params, indices, validate_indices=None, axis=None, batch_dims=0, name=None):
    """``tf.gather`` with a RaggedTensor ``params`` or ``indices``: axis 0, axis 1 over dense
    values, and axes >= 2 (gathered within the values), as TF's ragged gather."""
    if isinstance(indices, RaggedTensor):
        return indices.with_flat_values(gather(params, indices.flat_values, axis=axis))
    from ...framework.convert import convert_to_tensor

    index = convert_to_tensor(indices)._value.to(torch.int64)
    axis = 0 if axis is None else _normalize_axis(axis, params.shape.rank)
    if axis == 1 and not isinstance(params._values, RaggedTensor):
        return _gather_columns(params, index, int(batch_dims))
    if axis >= 2 and int(batch_dims) == 0:
        return params.with_values(gather(params.values, indices, axis=axis - 1))
    if axis != 0:
        raise ValueError(
            "tf.gather on a RaggedTensor: torchkeras supports axis 0, axis 1 over dense "
            "values and axes >= 2 (got axis=%d)" % axis
        )
    nrows = params._row_splits._value.numel() - 1
    _check_indices(index.reshape(-1), nrows, params)
    result = gather_rows(params, index.reshape(-1))
    for size in reversed(index.shape[1:]):
        splits = torch.arange(0, result.nrows()._value.item() + 1, size, dtype=torch.int64)
        result = RaggedTensor.from_row_splits(result, wrap(splits), validate=False)
    if index.dim() == 0:
        return result[0]
    return result


@register(gather_nd, RaggedTensor)
def ragged_gather_nd(params, indices, batch_dims=0, name=None):
    """``tf.gather_nd`` with RaggedTensor ``params`` or ``indices``, as TF's ragged version
    (``batch_dims`` must be 0; the innermost dimension of ``indices`` must be uniform)."""
    from ...framework.convert import convert_to_tensor
    from .. import cast_ops, shape_ops

    if not isinstance(batch_dims, int) or batch_dims != 0:
        raise ValueError("batch_dims != 0 is not supported for ragged gather yet.")
    if not isinstance(params, RaggedTensor):
        params = convert_to_tensor(params)
    if not isinstance(indices, RaggedTensor):
        indices = convert_to_tensor(indices)
    ndims = indices.shape.rank
    if ndims == 0:
        raise ValueError("indices.rank must be at least 1.")
    if isinstance(indices, RaggedTensor) and ndims == indices.ragged_rank + 1:
        raise ValueError("The innermost dimension of indices may not be ragged")
    index_size = indices.shape[-1]
    if ndims > 2:
        return _gather_nd_batched(params, indices, ndims)
    if index_size == 0:
        return _gather_nd_whole(params, indices, ndims)
    if index_size == 1:
        return gather(params, shape_ops.reshape(indices, [-1]))
    index = cast_ops.cast(indices, params.row_splits_dtype)
    flat = gather(params.row_splits, index[..., 0]) + index[..., 1]
    flat_params = params.values
    for dim in range(2, index_size):
        if not isinstance(flat_params, RaggedTensor):
            flat = shape_ops.concat([shape_ops.expand_dims(flat, 1), index[..., dim:]], 1)
            return gather_nd(flat_params, flat)
        flat = gather(flat_params.row_starts(), flat) + index[..., dim]
        flat_params = flat_params.values
    return gather(flat_params, flat)


def _gather_nd_batched(params, indices, ndims):
    """``gather_nd`` for indices of rank > 2: the gather of their flat index tuples, in the
    indices' (ragged) outer shape (dense indices give a dense result when they can)."""
    dense = not isinstance(indices, RaggedTensor)
    if dense:
        splits_dtype = params.row_splits_dtype if isinstance(params, RaggedTensor) else None
        indices = RaggedTensor.from_tensor(
            indices, ragged_rank=ndims - 2, row_splits_dtype=splits_dtype or "int64"
        )
    result = indices.with_flat_values(gather_nd(params, indices.flat_values))
    if dense and isinstance(result, RaggedTensor) and result.ragged_rank == ndims - 2:
        result = result.to_tensor()
    return result


def _gather_nd_whole(params, indices, ndims):
    """``gather_nd`` with empty index tuples: ``params`` repeated in the indices' shape."""
    from .ragged_array_ops import ragged_expand_dims
    from .ragged_dispatch_ops import ragged_tile

    rank = params.shape.rank
    for _ in range(ndims - 1):
        params = ragged_expand_dims(params, 0)
    return ragged_tile(params, list(indices.shape[:-1]) + [1] * rank)
