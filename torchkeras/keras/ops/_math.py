"""``keras.ops`` math ops: segment reductions, top-k, logsumexp, erf and friends."""

import torch

from ...ops import segment_ops
from ...ops._args import checked_axis_arg
from ...ops.nn_ops import in_top_k as _tf_in_top_k
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


def _validated(data, segment_ids):
    """Keras' ``_segment_reduce_validation``: 1-D ``segment_ids`` as long as ``data``'s first
    axis (it reads both ``.shape``: an ``AttributeError`` for Python values)."""
    data_shape, ids_shape = data.shape, segment_ids.shape
    if len(ids_shape) > 1:
        raise ValueError(
            "Argument `segment_ids` should be an 1-D vector, got shape: "
            f"{len(ids_shape)}. Consider either flatten input with "
            "segment_ids.reshape((-1)) and "
            "data.reshape((-1, ) + data.shape[len(segment_ids.shape):]) or "
            "vectorize with vmap."
        )
    if ids_shape[0] is not None and data_shape[0] is not None and ids_shape[0] != data_shape[0]:
        raise ValueError(
            "Argument `segment_ids` and `data` should have same leading "
            f"dimension. Got {ids_shape} v.s. {data_shape}."
        )


def _segment(name, data, segment_ids, num_segments, sorted):  # noqa: A002 - Keras' name
    """Keras' TF backend's segment reduction ``name``: ``tf.math.segment_<name>`` when
    ``sorted``, else ``tf.math.unsorted_segment_<name>`` with ``num_segments`` defaulting to
    the number of distinct ids (sum) or the largest id + 1 (the others)."""
    _validated(data, segment_ids)
    if sorted:
        if num_segments is not None:
            raise ValueError(
                "Argument `num_segments` cannot be set when sorted is True "
                "when using the tensorflow backend."
                f"Received: num_segments={num_segments}, sorted={sorted}."
            )
        return getattr(segment_ops, "segment_" + name)(data, segment_ids)
    if num_segments is None:
        ids = storage(segment_ids)
        if name == "sum":
            num_segments = int(torch.unique(ids).numel())
        else:
            num_segments = int(ids.max()) + 1 if ids.numel() else torch.iinfo(torch.int32).min + 1
    return getattr(segment_ops, "unsorted_segment_" + name)(data, segment_ids, num_segments)


@keras_export("keras.ops.segment_sum")
def segment_sum(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Sums of the rows of ``data`` per segment id (negative ids dropped; ids ``>= num_segments``
    are TF's ``InvalidArgumentError``); see :func:`_segment`."""
    return _segment("sum", data, segment_ids, num_segments, sorted)


@keras_export("keras.ops.segment_max")
def segment_max(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Maxima of the rows of ``data`` per segment id; empty segments hold the dtype's lowest
    value; see :func:`_segment`."""
    return _segment("max", data, segment_ids, num_segments, sorted)


@keras_export("keras.ops.segment_min")
def segment_min(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Minima of the rows of ``data`` per segment id; empty segments hold the dtype's largest
    value; see :func:`_segment`."""
    return _segment("min", data, segment_ids, num_segments, sorted)


@keras_export("keras.ops.segment_prod")
def segment_prod(data, segment_ids, num_segments=None, sorted=False):  # noqa: A002 - Keras' name
    """Products of the rows of ``data`` per segment id; empty segments hold 1; see
    :func:`_segment`."""
    return _segment("prod", data, segment_ids, num_segments, sorted)


@keras_export("keras.ops.top_k")
def top_k(x, k, sorted=True):  # noqa: A002 - Keras' name
    """``(values, indices)`` of the ``k`` largest entries along the last axis (int32 indices):
    ``tf.math.top_k``, as Keras' TF backend runs it (its errors)."""
    from ...ops.reduction_ops import top_k as _tf_top_k

    values, indices = _tf_top_k(storage(x), k, sorted=sorted)
    return values, indices


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
    axis = checked_axis_arg(axis, x, "Max")  # TF reduces the maximum first
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
    """``log(det(x))`` of the last two axes (positive-definite matrices: Keras' TF backend
    runs a Cholesky decomposition, whose errors it gives)."""
    from .linalg import _kernel_matrices

    return wrap(torch.logdet(_kernel_matrices(storage(x), "Cholesky")))
