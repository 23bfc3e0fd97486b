"""Segment reductions: ``tf.math.segment_*`` (sorted ids) and ``unsorted_segment_*``.

As TF's CPU kernels, on every device: ids past the last segment raise
``InvalidArgumentError`` (TF's GPU kernels drop them silently), unsorted ops drop negative ids,
sorted ops raise for unsorted or negative ids.
"""

from __future__ import annotations

import torch

from ..framework.tensor import TensorOperators, wrap
from ..framework.tensor_ops import truediv as _truediv
from .reduction_ops import _FLOATS
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import allowed_dtypes, attr_error, check_dtype, dims_text, op_error
from ._args import error_name, storage_of
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..api_export import tf_export

_SQRT_ALLOWED = allowed_dtypes("Sqrt")


_OPS = (
    "SegmentSum SegmentMean SegmentMax SegmentMin SegmentProd UnsortedSegmentSum "
    "UnsortedSegmentMax UnsortedSegmentMin UnsortedSegmentProd"
).split()
# Each op's data (``T``) and segment-id (``Tindices``: int16 too for ``UnsortedSegmentSum``)
# dtypes, from TF's signatures.
_DATA = {op: allowed_dtypes(op) for op in _OPS}
_IDS = {op: allowed_dtypes(op, "Tindices") for op in _OPS}


def _num_segments(value, opname, kind, a):
    """``num_segments`` as an int, checked as TF checks it: a Python number converts to int32
    (to a tensor of its own dtype for ``mean``/``sqrt_n``, whose Python layer converts first),
    an int32/int64 scalar that is not negative."""
    if isinstance(value, TensorOperators):
        storage = value._value
    elif kind in ("mean", "sqrt_n"):
        storage = convert_to_tensor(value)._value
    else:
        storage = convert_to_tensor(value, dtype=dtypes.int32)._value
    if storage.dtype not in (torch.int32, torch.int64):
        raise attr_error(opname, storage, attr="Tnumsegments")
    if storage.ndim:
        raise op_error(
            opname, "num_segments should be a scalar, not shape %s" % dims_text(storage.shape), a
        )
    count = int(storage)
    if count < 0:
        raise op_error(opname, "Input num_segments == %d must not be negative." % count, a)
    return count


def _segment_reduce(opname, data, segment_ids, num_segments, kind):
    """``kind`` ('sum', 'mean', 'amax', 'amin', 'prod', 'sqrt_n') of ``data``'s rows grouped by
    ``segment_ids``; ``num_segments`` None means TF's sorted ``segment_*`` ops."""
    a = storage_of(data)
    ids = storage_of(segment_ids)
    check_dtype(a, _DATA[opname], opname)
    if ids.dtype not in _IDS[opname]:
        raise attr_error(opname, ids, attr="Tindices")
    if num_segments is not None:
        count = _num_segments(num_segments, opname, kind, a)
    if num_segments is None and (ids.ndim != 1 or a.ndim == 0 or ids.shape[0] != a.shape[0]):
        raise op_error(opname, "segment_ids should be the same size as dimension 0 of input.", a)
    if kind == "sqrt_n":
        check_dtype(a, _SQRT_ALLOWED, "Sqrt")
    if tuple(a.shape[: ids.ndim]) != tuple(ids.shape):
        raise op_error(
            opname,
            "data.shape = %s does not start with segment_ids.shape = %s"
            % (dims_text(a.shape), dims_text(ids.shape)),
            a,
        )
    rows = a.reshape((-1,) + tuple(a.shape[ids.ndim :]))
    ids = ids.reshape(-1).long()
    if num_segments is None:
        if ids.numel() > 1 and bool((ids[1:] < ids[:-1]).any()):
            raise op_error(
                opname, "segment ids are not increasing", a, name=error_name(data, segment_ids)
            )
        count = int(ids[-1]) + 1 if ids.numel() else 0
        if ids.numel() and int(ids[0]) < 0:
            raise op_error(
                opname,
                "Segment id %d out of range [0, %d), possibly because 'segment_ids' input is "
                "not sorted." % (int(ids[0]), count),
                a,
            )
    else:
        check_segment_ids(ids, count, opname, a)
    ids = torch.where((ids < 0) | (ids >= count), torch.full_like(ids, count), ids)
    shape = (count + 1,) + tuple(rows.shape[1:])
    index = ids.reshape((-1,) + (1,) * (rows.ndim - 1)).expand(rows.shape)
    sizes = torch.zeros(count + 1, dtype=torch.int64, device=a.device).index_add(
        0, ids, torch.ones_like(ids)
    )
    sizes = sizes.reshape((-1,) + (1,) * (rows.ndim - 1))
    if kind in ("sum", "mean", "sqrt_n"):
        result = torch.zeros(shape, dtype=a.dtype, device=a.device).index_add(0, ids, rows)
        if kind == "mean" and num_segments is None and not (a.dtype in _FLOATS or a.is_complex()):
            result = torch.div(result, sizes.clamp(min=1), rounding_mode="trunc").to(a.dtype)
        elif kind == "mean":
            result = _truediv(result, sizes.clamp(min=1).to(result.dtype))
        elif kind == "sqrt_n":
            result = result / torch.sqrt(sizes.clamp(min=1).to(a.dtype))
    else:
        if kind == "prod":
            start = 1
        elif a.dtype in _FLOATS:
            start = torch.finfo(a.dtype).min if kind == "amax" else torch.finfo(a.dtype).max
        else:
            start = torch.iinfo(a.dtype).min if kind == "amax" else torch.iinfo(a.dtype).max
        result = torch.full(shape, start, dtype=a.dtype, device=a.device).scatter_reduce(
            0, index, rows, kind, include_self=True
        )
        if num_segments is None and kind != "prod":
            result = torch.where(sizes == 0, torch.zeros_like(result), result)
    return wrap(result[:count])


@tf_export("math.segment_sum")
def segment_sum(data, segment_ids, name=None):
    """``tf.math.segment_sum``: sums of ``data``'s rows per (sorted) segment id; gaps give 0."""
    return _segment_reduce("SegmentSum", data, segment_ids, None, "sum")


@tf_export("math.segment_mean")
def segment_mean(data, segment_ids, name=None):
    """``tf.math.segment_mean``: means per sorted segment (integers divide as integers)."""
    return _segment_reduce("SegmentMean", data, segment_ids, None, "mean")


@tf_export("math.segment_max")
def segment_max(data, segment_ids, name=None):
    """``tf.math.segment_max``: maxima per sorted segment; empty segments give 0."""
    return _segment_reduce("SegmentMax", data, segment_ids, None, "amax")


@tf_export("math.segment_min")
def segment_min(data, segment_ids, name=None):
    """``tf.math.segment_min``: minima per sorted segment; empty segments give 0."""
    return _segment_reduce("SegmentMin", data, segment_ids, None, "amin")


@tf_export("math.segment_prod")
def segment_prod(data, segment_ids, name=None):
    """``tf.math.segment_prod``: products per sorted segment; empty segments give 1."""
    return _segment_reduce("SegmentProd", data, segment_ids, None, "prod")


def _unsorted(op, opname, data, segment_ids, num_segments, kind):
    """The unsorted segment reduction ``op``; ragged arguments dispatch to TF's ragged
    version."""
    try:
        return _segment_reduce(opname, data, segment_ids, num_segments, kind)
    except CompositeArgumentError as error:
        return dispatch(op, (data, segment_ids, num_segments), {}, error)


@tf_export("math.unsorted_segment_sum")
def unsorted_segment_sum(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_sum``: sums per segment id in ``[0, num_segments)``
    (negative ids are dropped; empty segments give 0)."""
    return _unsorted(
        unsorted_segment_sum, "UnsortedSegmentSum", data, segment_ids, num_segments, "sum"
    )


@tf_export("math.unsorted_segment_mean")
def unsorted_segment_mean(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_mean``: means per segment (integers divide as ``truediv``, giving
    floats, as TF); empty segments give 0."""
    return _unsorted(
        unsorted_segment_mean, "UnsortedSegmentSum", data, segment_ids, num_segments, "mean"
    )


@tf_export("math.unsorted_segment_sqrt_n")
def unsorted_segment_sqrt_n(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_sqrt_n``: sums divided by ``sqrt(count)`` per segment."""
    return _unsorted(
        unsorted_segment_sqrt_n, "UnsortedSegmentSum", data, segment_ids, num_segments, "sqrt_n"
    )


@tf_export("math.unsorted_segment_max")
def unsorted_segment_max(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_max``: maxima per segment; empty segments give the dtype's
    lowest value."""
    return _unsorted(
        unsorted_segment_max, "UnsortedSegmentMax", data, segment_ids, num_segments, "amax"
    )


@tf_export("math.unsorted_segment_min")
def unsorted_segment_min(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_min``: minima per segment; empty segments give the dtype's
    highest value."""
    return _unsorted(
        unsorted_segment_min, "UnsortedSegmentMin", data, segment_ids, num_segments, "amin"
    )


@tf_export("math.unsorted_segment_prod")
def unsorted_segment_prod(data, segment_ids, num_segments, name=None):
    """``tf.math.unsorted_segment_prod``: products per segment; empty segments give 1."""
    return _unsorted(
        unsorted_segment_prod, "UnsortedSegmentProd", data, segment_ids, num_segments, "prod"
    )


def check_segment_ids(ids, count, opname, storage):
    """TF's error for the first of the (flat) ``ids`` at or beyond ``count`` (negative ids are
    dropped by the unsorted ops, not refused)."""
    bad = torch.nonzero(ids >= count)
    if bad.numel():
        k = int(bad[0, 0])
        raise op_error(
            opname,
            "segment_ids[%d] = %d is out of range [0, %d)" % (k, int(ids[k]), count),
            storage,
        )
