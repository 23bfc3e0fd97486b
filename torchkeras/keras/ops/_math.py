"""``keras.ops`` math ops: segment reductions, top-k, logsumexp, erf and friends."""

import torch

from ...ops._args import axis_arg
from ...ops.nn_ops import in_top_k as _tf_in_top_k
from ...ops.segment_ops import check_segment_ids
from ...ops.reduction_ops import reduce_logsumexp as _tf_reduce_logsumexp
from ._base import float_kernel_input, float_of, storage, wrap
from ...api_export import keras_export

__all__ = [
    "segment_sum",
    "segment_max",
    "segment_min",
    "segment_prod",
    "top_k",
    "in_top_k",
    "logsumexp",
    "erf",
    "erfinv",
    "rsqrt",
    "logdet",
]


def _segments(data, segment_ids, num_segments, opname):
    x = storage(data)
    ids = storage(segment_ids).to(torch.int64)
    count = (
        int(num_segments)
        if num_segments is not None
        else (int(ids.max()) + 1 if ids.numel() else 0)
    )
    check_segment_ids(ids.reshape(-1), count, opname, x)
    valid = ids >= 0
    return x, ids, count, valid


@keras_export("keras.ops.segment_sum")
def segment_sum(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Sums of the rows of ``data`` per segment id (negative ids dropped; ids ``>= num_segments``
    are TF's ``InvalidArgumentError``)."""
    x, ids, count, valid = _segments(data, segment_ids, num_segments, "UnsortedSegmentSum")
    out = torch.zeros((count,) + x.shape[1:], dtype=x.dtype, device=x.device)
    return wrap(out.index_add(0, ids[valid], x[valid]))


@keras_export("keras.ops.segment_max")
def segment_max(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Maxima of the rows of ``data`` per segment id; empty segments hold the dtype's lowest
    value."""
    x, ids, count, valid = _segments(data, segment_ids, num_segments, "UnsortedSegmentMax")
    lowest = torch.finfo(x.dtype).min if x.is_floating_point() else torch.iinfo(x.dtype).min
    out = torch.full((count,) + x.shape[1:], lowest, dtype=x.dtype, device=x.device)
    index = ids[valid].reshape((-1,) + (1,) * (x.dim() - 1)).expand_as(x[valid])
    return wrap(out.scatter_reduce(0, index, x[valid], reduce="amax"))


def _segment_reduce(data, segment_ids, num_segments, reduce, empty):
    opname = "UnsortedSegmentMin" if reduce == "amin" else "UnsortedSegmentProd"
    x, ids, count, valid = _segments(data, segment_ids, num_segments, opname)
    out = torch.full((count,) + x.shape[1:], empty, dtype=x.dtype, device=x.device)
    index = ids[valid].reshape((-1,) + (1,) * (x.dim() - 1)).expand_as(x[valid])
    return wrap(out.scatter_reduce(0, index, x[valid], reduce=reduce))


@keras_export("keras.ops.segment_min")
def segment_min(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Minima of the rows of ``data`` per segment id; empty segments hold the dtype's largest
    value."""
    x = storage(data)
    highest = torch.finfo(x.dtype).max if x.is_floating_point() else torch.iinfo(x.dtype).max
    return _segment_reduce(x, segment_ids, num_segments, "amin", highest)


@keras_export("keras.ops.segment_prod")
def segment_prod(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Products of the rows of ``data`` per segment id; empty segments hold 1."""
    return _segment_reduce(data, segment_ids, num_segments, "prod", 1)


@keras_export("keras.ops.top_k")
def top_k(x, k, sorted=True):  # noqa: A002 - Keras' name
    """``(values, indices)`` of the ``k`` largest entries along the last axis (int32 indices)."""
    values, indices = torch.topk(storage(x), k, dim=-1, largest=True, sorted=True)
    return wrap(values), wrap(indices.to(torch.int32))


@keras_export("keras.ops.in_top_k")
def in_top_k(targets, predictions, k):
    """True where the ``targets`` class is among the ``k`` largest ``predictions`` (ties count as
    in): Keras' TF backend runs ``tf.math.in_top_k`` (its checks and errors; out-of-range
    targets give False)."""
    return _tf_in_top_k(targets, predictions, k)


@keras_export("keras.ops.logsumexp")
def logsumexp(x, axis=None, keepdims=False):
    """``log(sum(exp(x)))`` over ``axis`` (all axes when ``None``), computed stably; other than
    float dtypes go to ``tf.math.reduce_logsumexp``, as in Keras' TF backend (its errors)."""
    x = storage(x)
    if not x.is_floating_point():
        return _tf_reduce_logsumexp(wrap(x), axis, keepdims)
    axis = axis_arg(axis, "Max")  # TF reduces the maximum first
    if axis is None:
        out = torch.logsumexp(x.reshape(-1), dim=0)
        return wrap(out.reshape((1,) * x.dim()) if keepdims else out)
    return wrap(torch.logsumexp(x, dim=axis, keepdim=keepdims))


@keras_export("keras.ops.erf")
def erf(x):
    """The error function (TF's ``Erf`` kernel: floating inputs only)."""
    return wrap(torch.erf(float_kernel_input(x, "Erf")))


@keras_export("keras.ops.erfinv")
def erfinv(x):
    """The inverse error function (TF's ``Erfinv`` kernel: floating inputs only)."""
    return wrap(torch.erfinv(float_kernel_input(x, "Erfinv")))


@keras_export("keras.ops.rsqrt")
def rsqrt(x):
    """``1 / sqrt(x)``."""
    return wrap(torch.rsqrt(float_of(storage(x))))


@keras_export("keras.ops.logdet")
def logdet(x):
    """``log(det(x))`` of the last two axes (positive-definite matrices)."""
    return wrap(torch.logdet(storage(x)))
