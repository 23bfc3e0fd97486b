"""More ``tf.*`` ops TF dispatches for RaggedTensors: ``tile``, ``reverse``, ``squeeze``,
``one_hot``, ``add_n`` and ``reduce_logsumexp`` (the segment reductions are in
``ragged_segment_ops``).  Values, static shapes and the errors follow TF's ragged
implementations (``ragged_array_ops``, ``ragged_squeeze_op``, ``ragged_math_ops``)."""

from __future__ import annotations

import torch

from ...framework.dispatch import register
from ...framework.errors import InvalidArgumentError
from ...framework.tensor import wrap
from .. import comparison_ops, creation_ops, elementwise_ops, reduction_ops, shape_ops
from .. import gather_ops
from ..debugging import assert_equal
from .ragged_array_ops import map_flat_values
from .ragged_gather_ops import gather_rows, value_ranges
from .ragged_tensor import RaggedTensor, _normalize_axis

__all__ = ["ragged_tile", "ragged_reverse", "ragged_squeeze"]


def _row_extents(rt):
    """``(starts, lengths)`` of ``rt``'s rows (int64 torch vectors)."""
    splits = rt._row_splits._value.to(torch.int64)
    return splits[:-1], splits[1:] - splits[:-1]


def _with_lengths(rt, values, lengths):
    """A RaggedTensor of ``values`` in rows of ``lengths``, splits in ``rt``'s dtype."""
    dtype = rt._row_splits._value.dtype
    zero = torch.zeros(1, dtype=torch.int64, device=lengths.device)
    splits = torch.cat([zero, torch.cumsum(lengths, 0)]).to(dtype)
    return RaggedTensor(values, wrap(splits), internal=True)


def _tile(rt, reps):
    """``rt`` tiled by the Python ints ``reps`` (one per dimension)."""
    values = rt._values
    inner = [1] + reps[2:]
    if isinstance(values, RaggedTensor):
        values = _tile(values, inner)
    elif any(r != 1 for r in inner):
        values = shape_ops.tile(values, inner)
    starts, lengths = _row_extents(rt)
    if reps[1] != 1:
        index = value_ranges(starts.repeat_interleave(reps[1]), lengths.repeat_interleave(reps[1]))
        values = gather_rows(values, index)
        lengths = lengths * reps[1]
    result = _with_lengths(rt, values, lengths)
    if reps[0] != 1:
        result = gather_rows(result, torch.arange(lengths.numel()).repeat(reps[0]))
    return result


@register(shape_ops.tile, RaggedTensor)
def ragged_tile(input, multiples, name=None):
    """``tf.tile`` of a RaggedTensor: each ragged row repeats its values ``multiples[d]``
    times, the rows repeat ``multiples[0]`` times."""
    from ...framework.convert import convert_to_tensor

    reps = [int(r) for r in convert_to_tensor(multiples)._value.reshape(-1).tolist()]
    rank = input.shape.rank
    if len(reps) < rank:
        raise IndexError(
            "index %d is out of bounds for axis 0 with size %d" % (len(reps), len(reps))
        )
    for r in reps[: input.ragged_rank + 1]:
        if r < 0:
            raise InvalidArgumentError(
                None,
                None,
                "Input argument 'repeats' must be non-negative.  \nCondition x >= 0 did not "
                "hold element-wise:\nx (shape=() dtype=int64) = \n%d" % r,
            )
    return _tile(input, reps[:rank] if len(reps) > rank else reps)


def _positive_axes(axis, rank):
    """TF's ``get_positive_axis`` of each item of ``axis`` (``axis[i]`` in its errors)."""
    items = axis.numpy().tolist() if hasattr(axis, "numpy") else axis
    items = list(items) if isinstance(items, (list, tuple)) else [items]
    return [_normalize_axis(a, rank, "axis[%d]" % i) for i, a in enumerate(items)]


def _reverse(rt, axes):
    values = rt._values
    inner = [a - 1 for a in axes if a >= 2]
    if inner and isinstance(values, RaggedTensor):
        values = _reverse(values, inner)
    elif inner:
        values = shape_ops.reverse(values, inner)
    if 1 in axes:
        starts, lengths = _row_extents(rt)
        rows = torch.repeat_interleave(torch.arange(lengths.numel()), lengths)
        ascending = value_ranges(starts, lengths)
        values = gather_rows(values, 2 * starts[rows] + lengths[rows] - 1 - ascending)
    result = rt.with_values(values)
    if 0 in axes:
        nrows = rt._row_splits._value.numel() - 1
        result = gather_rows(result, torch.arange(nrows - 1, -1, -1))
    return result


@register(shape_ops.reverse, RaggedTensor)
def ragged_reverse(tensor, axis, name=None):
    """``tf.reverse`` of a RaggedTensor: axis 0 reverses the rows, a ragged axis reverses
    each row's items, a uniform axis reverses the flat values."""
    return _reverse(tensor, _positive_axes(axis, tensor.shape.rank))


def _not_squeezable(axis):
    return InvalidArgumentError(
        None,
        None,
        "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
        "b'the given axis (axis = %d) is not squeezable!'" % axis,
    )


@register(shape_ops.squeeze, RaggedTensor)
def ragged_squeeze(input, axis=None, name=None):
    """``tf.squeeze`` of a RaggedTensor: ``axis`` is required; a ragged dimension squeezes
    when all its rows have length 1 (axis 0 when there is one row)."""
    if axis is None:
        raise ValueError("Ragged.squeeze must have an axis argument.")
    if isinstance(axis, int):
        axis = [axis]
    elif not isinstance(axis, (list, tuple)) or not all(isinstance(d, int) for d in axis):
        raise TypeError("Axis must be a list or tuple of integers.")
    axes = _positive_axes(axis, input.shape.rank)
    ragged_rank = input.ragged_rank
    ragged_dims = [d for d in axes if d <= ragged_rank]
    dense_dims = [d - ragged_rank for d in axes if d > ragged_rank]
    nested = input.nested_row_splits
    for i, splits in enumerate(nested):
        a = splits._value
        if i + 1 in ragged_dims and bool(((a[1:] - a[:-1]) != 1).any()):
            raise _not_squeezable(i + 1)
    if 0 in ragged_dims and nested[0]._value.numel() != 2:
        raise _not_squeezable(0)
    flat = input.flat_values
    if dense_dims:
        flat = shape_ops.squeeze(flat, dense_dims)
    remaining = [s for i, s in enumerate(nested) if i + 1 not in ragged_dims]
    if remaining and 0 in ragged_dims:
        remaining.pop(0)
    result = RaggedTensor.from_nested_row_splits(flat, remaining, validate=False)
    if set(range(ragged_rank + 1)) <= set(ragged_dims):
        result = shape_ops.squeeze(result, [0])
    return result


@register(gather_ops.one_hot, RaggedTensor)
def ragged_one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None):
    """``tf.one_hot`` of ragged ``indices``: one-hot flat values (``axis`` must lie past the
    ragged dimensions)."""
    if isinstance(axis, int) and axis >= 0:
        if axis <= indices.ragged_rank:
            raise ValueError(
                "axis (%d) must be greater than indices.ragged_rank (%d)."
                % (axis, indices.ragged_rank)
            )
        axis -= indices.ragged_rank
    flat = gather_ops.one_hot(indices.flat_values, depth, on_value, off_value, axis, dtype)
    return indices.with_flat_values(flat)


@register(elementwise_ops.add_n, RaggedTensor)
def ragged_add_n(inputs, name=None):
    """``tf.math.add_n`` of RaggedTensors: the sum of the flat values (their sizes, then the
    partitions, must be equal: TF's errors otherwise)."""
    ragged = [v for v in inputs if isinstance(v, RaggedTensor)]
    sizes = {int(rt.flat_values._value.shape[0]) for rt in ragged}
    for other in ragged[1:] if len(sizes) == 1 else ():
        _check_partitions(ragged[0], other)
    return map_flat_values(elementwise_ops.add_n, list(inputs))


def _check_partitions(x, y):
    for a, b in zip(x.nested_row_splits, y.nested_row_splits):
        if a._value.shape != b._value.shape or not torch.equal(a._value, b._value):
            assert_equal(
                a,
                b,
                message="RowPartition._merge_precomputed_encodings: partitions have "
                "incompatible row_splits",
            )


@register(reduction_ops.reduce_logsumexp, RaggedTensor)
def ragged_reduce_logsumexp(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_logsumexp`` of a RaggedTensor, TF's formula on the ragged ops:
    ``log(reduce_sum(exp(x - max))) + max`` (empty rows give ``-inf``)."""
    raw_max = reduction_ops.reduce_max(input_tensor, axis, keepdims=True)
    finite = elementwise_ops.is_finite(raw_max)
    my_max = comparison_ops.where(finite, raw_max, creation_ops.zeros_like(raw_max))
    shifted = elementwise_ops.exp(elementwise_ops.subtract(input_tensor, my_max))
    result = elementwise_ops.log(reduction_ops.reduce_sum(shifted, axis, keepdims))
    if not keepdims:
        from ..shape_query_ops import shape

        my_max = shape_ops.reshape(my_max, shape(result))
    return elementwise_ops.add(result, my_max)
