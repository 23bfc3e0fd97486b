"""Counting ops: ``tf.math.bincount``, ``tf.histogram_fixed_width`` (and its ``_bins``) and
``tf.math.confusion_matrix``."""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import attr_error, dims_text, op_error
from ..framework.tensor import wrap
from . import cast_ops, debugging, elementwise_ops, scatter_ops, shape_ops, shape_query_ops
from .reduction_ops import reduce_max

_BINCOUNT_T = (torch.int32, torch.int64, torch.float32, torch.float64)
_INDEX = (torch.int32, torch.int64)


def _host_int(value, dtype):
    """A ``minlength``/``maxlength`` converted as TF converts them (to ``arr``'s dtype)."""
    return int(convert_to_tensor(value, dtype=dtype)._value)


@tf_export("math.bincount")
def bincount(
    arr,
    weights=None,
    minlength=None,
    maxlength=None,
    dtype=dtypes.int32,
    name=None,
    axis=None,
    binary_output=False,
):
    """``tf.math.bincount``: how often each value in ``[0, size)`` occurs in ``arr`` (summing
    ``weights`` instead, when given); ``size`` is ``max(arr) + 1`` bounded by ``minlength`` /
    ``maxlength`` (values at or past it are ignored).  ``axis=-1`` counts each row of a rank-2
    ``arr`` separately; ``binary_output`` gives 1 for every value present.  Non-integer ``arr``
    is cast to int32; the result has ``weights``' dtype, else ``dtype``."""
    tensor = convert_to_tensor(arr)
    a = tensor._value
    w = convert_to_tensor(weights)._value if weights is not None else None
    if w is not None and binary_output:
        raise ValueError(
            "Arguments `binary_output` and `weights` are mutually exclusive. "
            "Please specify only one."
        )
    if not tensor.dtype.is_integer:
        a = a.to(torch.int32)
    axis = 0 if axis is None else axis
    if axis not in (0, -1):
        raise ValueError(
            f"Unsupported value for argument axis={axis}. Only 0 and -1 are currently supported."
        )
    if a.dtype not in _INDEX:
        raise attr_error("DenseBincount", a, attr="Tidx")
    size = int(a.max()) + 1 if a.numel() else 0
    if minlength is not None:
        size = max(_host_int(minlength, tensor.dtype if tensor.dtype.is_integer else "int32"), size)
    if maxlength is not None:
        size = min(_host_int(maxlength, tensor.dtype if tensor.dtype.is_integer else "int32"), size)
    if axis == 0:
        a = a.reshape(-1)
        w = None if w is None else w.reshape(-1)
    out_dtype = w.dtype if w is not None else dtypes.as_dtype(dtype).torch_dtype
    if out_dtype not in _BINCOUNT_T:
        raise attr_error("DenseBincount", dtypes.from_torch(out_dtype))
    if a.ndim > 2:
        raise op_error("DenseBincount", "Shape must be at most rank 2 but is rank %d" % a.ndim, a)
    if size < 0:
        raise op_error("DenseBincount", "size (%d) must be non-negative" % size, a)
    if w is not None and w.numel() and tuple(w.shape) != tuple(a.shape):
        raise op_error(
            "DenseBincount",
            "`weights` must be the same shape as `arr` or a length-0 `Tensor`, in which case it "
            "acts as all weights equal to 1. Received %s" % dims_text(w.shape),
            a,
        )
    if a.numel() and int(a.min()) < 0:
        text = (
            "Input arr must be non-negative!"
            if a.ndim <= 1
            else "Input 'in' must be non-negative! Negative input value found: %d" % int(a.min())
        )
        raise op_error("DenseBincount", text, a)
    rows = a.reshape(1, -1) if a.ndim <= 1 else a
    values = (
        torch.ones(rows.shape, dtype=out_dtype, device=a.device)
        if w is None or not w.numel()
        else w.reshape(rows.shape)
    )
    keep = rows < size
    counts = torch.zeros((rows.shape[0], size + 1), dtype=out_dtype, device=a.device)
    counts = counts.scatter_add(1, torch.where(keep, rows, size).long(), values)[:, :size]
    if binary_output:
        counts = (counts > 0).to(out_dtype)
    return wrap(counts[0] if a.ndim <= 1 else counts)


_HIST_T = _BINCOUNT_T


@tf_export("histogram_fixed_width")
def histogram_fixed_width(values, value_range, nbins=100, dtype=dtypes.int32, name=None):
    """``tf.histogram_fixed_width``: counts of ``values`` in ``nbins`` equal-width bins over
    ``value_range``; values below the range count in the first bin, above it in the last.  As
    TF's kernel, bin positions are computed in float64 from ``values - lo`` (in ``values``'
    dtype); NaN values raise."""
    tensor = convert_to_tensor(values)
    a = tensor._value
    rng = convert_to_tensor(value_range, dtype_hint=tensor.dtype)._value
    if a.dtype not in _HIST_T:
        raise attr_error("HistogramFixedWidth", a, name=None)
    if rng.dtype != a.dtype:
        raise attr_error("HistogramFixedWidth", rng, name=None)
    out_dtype = dtypes.as_dtype(dtype)
    if out_dtype.torch_dtype not in _INDEX:
        raise attr_error("HistogramFixedWidth", out_dtype, attr="dtype", name=None)
    bins = int(convert_to_tensor(nbins, dtype=dtypes.int32)._value)
    if rng.ndim != 1 or rng.shape[0] != 2:
        raise op_error(
            "HistogramFixedWidth", "value_range should be a vector of 2 elements.", a, name=None
        )
    lo, hi = rng[0], rng[1]
    if not bool(lo < hi):
        raise op_error(
            "HistogramFixedWidth",
            "value_range should satisfy value_range[0] < value_range[1], but got '[%s, %s]'"
            % (_plain(lo), _plain(hi)),
            a,
            name=None,
        )
    if bins <= 0:
        raise op_error(
            "HistogramFixedWidth",
            "nbins should be a positive number, but got '%d'" % bins,
            a,
            name=None,
        )
    if a.is_floating_point() and bool(torch.isnan(a).any()):
        raise op_error("HistogramFixedWidth", "Histogram values must not contain NaN", a, name=None)
    step = float(hi - lo) / bins
    flat = a.reshape(-1)
    scaled = (torch.maximum(flat, lo) - lo).to(torch.float64) / step
    index = torch.clamp(scaled, max=float(bins - 1)).to(torch.int64)
    counts = torch.zeros(bins, dtype=torch.int64, device=a.device).index_add(
        0, index, torch.ones_like(index)
    )
    return wrap(counts.to(out_dtype.torch_dtype))


def _plain(scalar):
    """A scalar as TF's ``strings::StrCat`` prints it (``5`` for 5.0)."""
    value = scalar.item()
    return "%g" % value if isinstance(value, float) else str(value)


@tf_export("histogram_fixed_width_bins")
def histogram_fixed_width_bins(values, value_range, nbins=100, dtype=dtypes.int32, name=None):
    """``tf.histogram_fixed_width_bins``: the bin index (int32, ``values``' shape) of each value
    for ``histogram_fixed_width``, computed as TF's Python composite does (in ``values``' dtype;
    NaN gives int32's lowest value).  As in TF, ``dtype`` is ignored and ``value_range`` converts
    on its own, so float64 values with a Python-float range raise ``Sub``'s dtype error."""
    values = convert_to_tensor(values)
    shape = shape_query_ops.shape(values)
    values = shape_ops.reshape(values, [-1])
    value_range = convert_to_tensor(value_range)
    nbins = convert_to_tensor(nbins, dtype=dtypes.int32)
    if not bool(nbins._value > 0):
        raise op_error(
            "Assert",
            "assertion failed: [nbins %s must > 0]" % nbins,
            nbins._value,
            name=None,
            wrapped=False,
        )
    nbins_float = cast_ops.cast(nbins, values.dtype)
    scaled = elementwise_ops.truediv(
        elementwise_ops.subtract(values, value_range[0]), value_range[1] - value_range[0]
    )
    indices = elementwise_ops.floor(elementwise_ops.multiply(nbins_float, scaled))
    indices = cast_ops.cast(
        elementwise_ops.clip_by_value(indices, 0, nbins_float - 1), dtypes.int32
    )
    return shape_ops.reshape(indices, shape)


def _squeezed(labels, predictions):
    """TF's ``remove_squeezable_dimensions``: drops a trailing size-1 axis from whichever of the
    two has one rank more than the other."""
    diff = predictions.shape.rank - labels.shape.rank
    if diff == 1 and predictions.shape[-1] in (1, None):
        predictions = shape_ops.squeeze(predictions, [-1])
    elif diff == -1 and labels.shape[-1] in (1, None):
        labels = shape_ops.squeeze(labels, [-1])
    return labels, predictions


@tf_export("math.confusion_matrix")
def confusion_matrix(
    labels, predictions, num_classes=None, weights=None, dtype=dtypes.int32, name=None
):
    """``tf.math.confusion_matrix``: ``[num_classes, num_classes]`` counts (or summed
    ``weights``, cast to ``dtype``) of (label, prediction) pairs; rows are labels.  Negative or
    out-of-bound ids raise TF's assertion errors."""
    labels, predictions = _squeezed(convert_to_tensor(labels), convert_to_tensor(predictions))
    predictions = cast_ops.cast(predictions, dtypes.int64)
    labels = cast_ops.cast(labels, dtypes.int64)
    debugging.assert_non_negative(labels, message="`labels` contains negative values")
    debugging.assert_non_negative(predictions, message="`predictions` contains negative values")
    if num_classes is None:
        num_classes = elementwise_ops.maximum(reduce_max(predictions), reduce_max(labels)) + 1
    else:
        bound = cast_ops.cast(num_classes, dtypes.int64)
        debugging.assert_less(labels, bound, message="`labels` out of bound")
        debugging.assert_less(predictions, bound, message="`predictions` out of bound")
    if weights is not None:
        weights = convert_to_tensor(weights)
        predictions.shape.assert_is_compatible_with(weights.shape)
        weights = cast_ops.cast(weights, dtype)
    shape = shape_ops.stack([num_classes, num_classes])
    indices = shape_ops.stack([labels, predictions], axis=1)
    updates = (
        wrap(
            torch.ones(
                predictions._value.shape,
                dtype=dtypes.as_dtype(dtype).torch_dtype,
                device=predictions._value.device,
            )
        )
        if weights is None
        else weights
    )
    return scatter_ops.scatter_nd(indices, updates, cast_ops.cast(shape, dtypes.int64))
