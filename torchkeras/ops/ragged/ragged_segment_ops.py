"""``tf.math.unsorted_segment_*`` on RaggedTensors, as TF's ragged segment ops.

With ragged ``data`` the rows of a segment combine elementwise: the output row is as long as
the longest row of its segment (an empty segment gives an empty row).  Ragged
``segment_ids`` must share ``data``'s outer partitions; the op then runs on the flat values
(a dense result).  ``mean`` is ``sum / count`` and ``sqrt_n`` is ``sum / sqrt(count)``, as
TF computes them.
"""

from __future__ import annotations

import torch

from ...framework.convert import convert_to_tensor
from ...framework.dispatch import register
from ...framework.tensor import wrap
from .. import elementwise_ops, gather_ops, segment_ops
from ..debugging import assert_equal
from .ragged_math_ops import _segment_aggregate
from .ragged_tensor import RaggedTensor

__all__ = ["ragged_segment_reduce"]


def _check_prefix(data, ids):
    """TF's error unless ragged ``ids``'s partitions are the outer ones of ``data``."""
    for a, b in zip(data.nested_row_splits, ids.nested_row_splits):
        if a._value.shape != b._value.shape or not torch.equal(a._value, b._value):
            assert_equal(b, a, message="segment_ids.shape must be a prefix of data.shape")


def _flat_data(data, ids):
    """``data`` cut to the flat level of ragged ``ids``."""
    for _ in range(ids.ragged_rank):
        data = data._values
    return data


def ragged_segment_reduce(op, kind, data, segment_ids, num_segments):
    """``op`` (a dense unsorted segment op, reduction ``kind`` of ``_segment_aggregate``)
    with ragged ``data`` and/or ``segment_ids``."""
    if isinstance(segment_ids, RaggedTensor):
        if not isinstance(data, RaggedTensor):
            data = RaggedTensor.from_tensor(data, ragged_rank=segment_ids.ragged_rank)
        _check_prefix(data, segment_ids)
        return op(_flat_data(data, segment_ids), segment_ids.flat_values, num_segments)
    ids = convert_to_tensor(segment_ids)
    splits = data._row_splits._value
    lengths = wrap(splits[1:] - splits[:-1])
    out_lengths = segment_ops.unsorted_segment_max(lengths, ids, num_segments)
    out_lengths = torch.clamp(out_lengths._value, min=0)
    zero = torch.zeros(1, dtype=out_lengths.dtype, device=out_lengths.device)
    out_splits = wrap(torch.cat([zero, torch.cumsum(out_lengths, 0)]))
    gather_ops.gather(out_splits, ids)
    count = int(out_lengths.numel())
    return _segment_aggregate(data, ids._value.reshape(-1), count, kind)


def _register(op, kind):
    @register(op, RaggedTensor)
    def handler(data, segment_ids, num_segments, name=None):
        return ragged_segment_reduce(op, kind, data, segment_ids, num_segments)

    handler.__doc__ = "``tf.math.%s`` with ragged arguments." % op.__name__
    return handler


for _op, _kind in (
    (segment_ops.unsorted_segment_sum, "sum"),
    (segment_ops.unsorted_segment_prod, "prod"),
    (segment_ops.unsorted_segment_max, "amax"),
    (segment_ops.unsorted_segment_min, "amin"),
):
    _register(_op, _kind)


def _counts(data, segment_ids, num_segments):
    ones = data.with_flat_values(wrap(torch.ones_like(data.flat_values._value)))
    return ragged_segment_reduce(
        segment_ops.unsorted_segment_sum, "sum", ones, segment_ids, num_segments
    )


def _divide(total, divisor, function=None):
    def apply(x, y):
        return elementwise_ops.truediv(x, y if function is None else function(y))

    if isinstance(total, RaggedTensor):
        return total.with_flat_values(apply(total.flat_values, divisor.flat_values))
    return apply(total, divisor)


@register(segment_ops.unsorted_segment_mean, RaggedTensor)
def ragged_unsorted_segment_mean(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_mean`` with ragged arguments: ``sum / count``."""
    if isinstance(segment_ids, RaggedTensor):
        op = segment_ops.unsorted_segment_mean
        return ragged_segment_reduce(op, "sum", data, segment_ids, num_segments)
    total = ragged_segment_reduce(
        segment_ops.unsorted_segment_sum, "sum", data, segment_ids, num_segments
    )
    return _divide(total, _counts(data, segment_ids, num_segments))


@register(segment_ops.unsorted_segment_sqrt_n, RaggedTensor)
def ragged_unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_sqrt_n`` with ragged arguments: ``sum / sqrt(count)``."""
    if isinstance(segment_ids, RaggedTensor):
        op = segment_ops.unsorted_segment_sqrt_n
        return ragged_segment_reduce(op, "sum", data, segment_ids, num_segments)
    total = ragged_segment_reduce(
        segment_ops.unsorted_segment_sum, "sum", data, segment_ids, num_segments
    )
    counts = _counts(data, segment_ids, num_segments)
    return _divide(total, counts, elementwise_ops.sqrt)
