"""Activations, losses and helpers of ``tf.nn``.

Each op reads its input's storage, checks the dtypes TF's kernel accepts (TF's
error text otherwise) and calls torch once, so everything is differentiable
under ``tf.GradientTape``.  TF has none of these at top level, so ``__all__`` is
empty and ``torchkeras.nn`` imports them by name (with ``sigmoid``, ``tanh``,
``l2_normalize`` and ``top_k`` from ``math_ops``: TF's ``tf.nn`` re-exports the
same ops).
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import torch
import torch.nn.functional as F

from ..framework import dtypes
from ..framework.convert import to_torch, to_torch_like
from ..framework.device import tf_device_string
from ..framework.errors import AbortedError, InvalidArgumentError
from ..framework.tensor import Tensor, TensorOperators, wrap
from .cast_ops import cast
from .reduction_ops import _mean
from .random_ops import _generator as random_generator
from ..framework.op_errors import (
    allowed_dtypes,
    cannot_convert,
    attr_error,
    check_dtype,
    device_of,
    dims_text,
    dtype_of,
    input_dtype_error,
    op_error,
)
from ._args import float_attr, reduction_dims, storage_of
from . import softmax_kernel
from ..api_export import tf_export

__all__ = []

_RELU_ALLOWED = allowed_dtypes("Relu")
_ELU_ALLOWED = allowed_dtypes("Elu")
_SOFTMAX_ALLOWED = allowed_dtypes("Softmax")
_SIGMOID_ALLOWED = allowed_dtypes("Sigmoid")
_BIAS_ALLOWED = allowed_dtypes("BiasAdd")
_HALVES = frozenset((torch.float16, torch.bfloat16))
_MEAN_ALLOWED = allowed_dtypes("Sum")
_FLOATS = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))
_HALVES = frozenset((torch.float16, torch.bfloat16))


@tf_export("nn.relu")
def relu(features, name=None):
    """``tf.nn.relu``: ``max(features, 0)`` (float and integer tensors)."""
    a = features._value if type(features) is Tensor else storage_of(features)
    if a.dtype not in _RELU_ALLOWED:
        raise attr_error("Relu", a)
    return wrap(torch.relu(a))


@tf_export("nn.relu6")
def relu6(features, name=None):
    """``tf.nn.relu6``: ``min(max(features, 0), 6)`` (gradient 0 at both kinks, as TF)."""
    a = storage_of(features)
    check_dtype(a, _RELU_ALLOWED, "Relu6")
    return wrap(F.relu6(a) if a.dtype in _FLOATS else torch.clamp(a, 0, 6))


@tf_export("nn.elu")
def elu(features, name=None):
    """``tf.nn.elu``: ``x`` if ``x > 0`` else ``exp(x) - 1`` (floats only)."""
    a = storage_of(features)
    check_dtype(a, _ELU_ALLOWED, "Elu")
    return wrap(F.elu(a))


@tf_export("nn.selu")
def selu(features, name=None):
    """``tf.nn.selu``: scaled ELU with TF's (Klambauer et al.) constants (floats only)."""
    a = storage_of(features)
    check_dtype(a, _ELU_ALLOWED, "Selu")
    return wrap(F.selu(a))


@tf_export("nn.gelu")
def gelu(features, approximate=False, name=None):
    """``tf.nn.gelu``: ``x * Phi(x)``; ``approximate=True`` uses the tanh approximation."""
    a = storage_of(features)
    if a.dtype not in _FLOATS:
        raise ValueError(
            "`features.dtype` must be a floating point tensor.Received:features.dtype=%s"
            % dtype_of(a)
        )
    return wrap(F.gelu(a, approximate="tanh" if approximate else "none"))


@tf_export("nn.leaky_relu")
def leaky_relu(features, alpha=0.2, name=None):
    """``tf.nn.leaky_relu``: ``x`` if ``x > 0`` else ``alpha * x``; integer input is cast to
    float32, as TF."""
    a = storage_of(features)
    if isinstance(alpha, np.ndarray):
        alpha = alpha.item()
    alpha = float_attr(alpha, "alpha", 0.2)
    if a.dtype not in _FLOATS:
        if a.dtype not in _RELU_ALLOWED:
            raise attr_error("LeakyRelu", a)
        a = a.to(torch.float32)
    if a.dtype in _HALVES:  # TF multiplies by alpha cast to the input's dtype
        alpha = float(torch.tensor(alpha, dtype=a.dtype))
    return wrap(F.leaky_relu(a, alpha))


@tf_export("nn.silu", "nn.swish")
def silu(features, beta=1.0, name=None):
    """``tf.nn.silu`` (= ``swish``): ``features * sigmoid(beta * features)``."""
    a = storage_of(features)
    if isinstance(a, np.ndarray):  # strings: TF casts beta to the features' dtype first
        cast(beta, dtypes.string)
    check_dtype(a, _SIGMOID_ALLOWED, "Sigmoid")
    if type(beta) in (int, float) and beta == 1.0:
        return wrap(F.silu(a))
    return wrap(a * torch.sigmoid(a * _storage_like(beta, a)))


swish = silu


def _storage_like(value, like):
    return value._value if isinstance(value, TensorOperators) else to_torch_like(value, like)


@tf_export("nn.softplus")
def softplus(features, name=None):
    """``tf.nn.softplus``: ``log(exp(features) + 1)`` (floats only)."""
    a = storage_of(features)
    check_dtype(a, _ELU_ALLOWED, "Softplus")
    return wrap(F.softplus(a))


@tf_export("nn.softsign")
def softsign(features, name=None):
    """``tf.nn.softsign``: ``features / (abs(features) + 1)`` (floats only)."""
    a = storage_of(features)
    check_dtype(a, _ELU_ALLOWED, "Softsign")
    return wrap(F.softsign(a))


def _softmax_axis(a, axis):
    ndim = a.ndim
    if isinstance(axis, float) or (isinstance(axis, TensorOperators) and not axis.dtype.is_integer):
        raise _float_softmax_axis(a, axis)
    if axis is None:
        axis = -1
    elif isinstance(axis, np.ndarray) and axis.size > 1:  # TF's range check asks its truth
        raise ValueError(
            "The truth value of an array with more than one element is ambiguous. "
            "Use a.any() or a.all()"
        )
    elif not isinstance(axis, (int, np.integer, TensorOperators)):
        raise TypeError(
            "'<=' not supported between instances of 'int' and '%s'" % type(axis).__name__
        )
    axis = int(axis)
    if not -ndim <= axis < ndim:
        raise InvalidArgumentError(
            None,
            None,
            "`dim` must be in the range [%d, %d) where %d is the number of dimensions in the "
            "input. Received: dim=%d" % (-ndim, ndim, ndim, axis),
        )
    return axis


def _float_softmax_axis(a, axis):
    """TF's error for a float ``axis``: softmax moves the axis last with ``tf.range(axis + 1,
    rank - 1)``, which fails when the float start passes the limit, else adds it to an int."""
    last = a.ndim - 1
    if isinstance(axis, float) and axis + 1 > last:
        return op_error(
            "Range", "Requires start <= limit when delta > 0: %g/%d" % (axis + 1, last), a
        )
    return input_dtype_error("AddV2", 1, dtypes.int32, dtypes.float32)


_ONEDNN_SOFTMAX = frozenset((torch.float32, torch.float16, torch.bfloat16))


def _logits_rank_error(a, opname):
    """TF's error for logits of a rank its kernel refuses: oneDNN's softmax (float32, half and
    bfloat16 on the CPU) takes ranks 1 to 5, Eigen's any rank from 1; None when accepted."""
    if opname == "Softmax" and a.dtype in _ONEDNN_SOFTMAX and a.device.type == "cpu":
        if not 1 <= a.ndim <= 5:
            return AbortedError(
                None,
                None,
                "{{function_node __wrapped__Softmax_device_%s}} Input dims must be <= 5 and >=1 "
                "[Op:Softmax] name: " % tf_device_string(device_of(a)),
            )
        return None
    if a.ndim == 0:
        return op_error(opname, "logits must have >= 1 dimension, got []", a)
    return None


@tf_export("nn.softmax", "math.softmax")
def softmax(logits, axis=None, name=None):
    """``tf.nn.softmax``: ``exp(logits) / sum(exp(logits), axis)`` along ``axis`` (default last)."""
    a = logits._value if type(logits) is Tensor else storage_of(logits)
    if a.dtype not in _SOFTMAX_ALLOWED:
        raise attr_error("Softmax", a)
    if not 1 <= a.ndim <= 5:
        error = _logits_rank_error(a, "Softmax")
        if error is not None:
            raise error
    return wrap(softmax_kernel.softmax(a, _softmax_axis(a, axis)))


@tf_export("nn.log_softmax", "math.log_softmax")
def log_softmax(logits, axis=None, name=None):
    """``tf.nn.log_softmax``: ``logits - log(sum(exp(logits), axis))``, computed stably."""
    a = storage_of(logits)
    check_dtype(a, _SOFTMAX_ALLOWED, "LogSoftmax")
    if a.ndim == 0:
        raise _logits_rank_error(a, "LogSoftmax")
    return wrap(torch.log_softmax(a, _softmax_axis(a, axis)))


@tf_export("nn.l2_loss")
def l2_loss(t, name=None):
    """``tf.nn.l2_loss``: ``sum(t ** 2) / 2`` (floats only)."""
    a = storage_of(t)
    check_dtype(a, _SOFTMAX_ALLOWED, "L2Loss")
    return wrap(torch.sum(torch.square(a)) / 2)


@tf_export("nn.moments")
def moments(x, axes, shift=None, keepdims=False, name=None):
    """``tf.nn.moments``: ``(mean, variance)`` over ``axes`` (population variance; None is every
    axis); float16 is computed in float32 and cast back, integers divide as integers, as TF.
    Without ``keepdims`` the result is ``tf.squeeze``d by ``axes``: None or ``[]`` drop every
    size-1 dimension, a tensor or NumPy array is ``squeeze``'s ``TypeError``.  ``x`` must have
    a ``dtype``; NumPy float axes are truncated to ints."""
    x.dtype  # noqa: B018 - TF reads it first (an AttributeError for lists, numbers and None)
    a = storage_of(x)
    if type(axes) is float:  # TF converts the axes before its kernel checks the dtype
        raise cannot_convert(axes, dtypes.int32)
    check_dtype(a, _MEAN_ALLOWED, "Mean")
    work = a.float() if a.dtype in (torch.float16, torch.bfloat16) else a
    given = axes
    if isinstance(axes, (np.ndarray, np.generic)) and axes.dtype.kind == "f":
        axes = axes.astype(np.int32)  # TF casts NumPy axes to the int32 ``Tidx``
    dims = tuple(range(work.ndim)) if axes is None else reduction_dims(axes, work, "Mean")
    mean = _mean(work, dims, True) if dims else work
    variance = (
        _mean(torch.square(work - mean.detach()), dims, True) if dims else torch.zeros_like(work)
    )
    if not keepdims:
        if isinstance(axes, (TensorOperators, np.ndarray)):
            raise TypeError("Expected list for 'axis' argument to 'squeeze' Op, not %r." % (given,))
        mean = mean.squeeze(dims) if axes is not None and dims else mean.squeeze()
        variance = variance.squeeze(dims) if axes is not None and dims else variance.squeeze()
    return wrap(mean.to(a.dtype)), wrap(variance.to(a.dtype))


@tf_export("nn.bias_add")
def bias_add(value, bias, data_format=None, name=None):
    """``tf.nn.bias_add``: adds a 1-D ``bias`` along the channel axis (last, or axis 1 for
    ``NC...``)."""
    a = storage_of(value)
    b = _storage_like(bias, a)
    if b.dtype != a.dtype:
        raise input_dtype_error("BiasAdd", 1, a, b)
    check_dtype(a, _BIAS_ALLOWED, "BiasAdd")
    if a.ndim < 2:
        raise op_error("BiasAdd", "Input tensor must be at least 2D: %s" % dims_text(a.shape), a)
    if b.ndim != 1:
        raise op_error("BiasAdd", "Biases must be 1D: %s" % dims_text(b.shape), a)
    channels_first = data_format is not None and data_format.startswith("NC")
    channel = 1 if channels_first else a.ndim - 1
    if b.shape[0] != a.shape[channel]:
        raise op_error(
            "BiasAdd",
            "Must provide as many biases as the last dimension of the input tensor: %s vs. %s"
            % (dims_text(b.shape), dims_text(a.shape)),
            a,
        )
    if channels_first:
        b = b.reshape((-1,) + (1,) * (a.ndim - 2))
    return wrap(a + b)


@tf_export("nn.dropout")
def dropout(x, rate, noise_shape=None, seed=None, name=None):
    """``tf.nn.dropout``: zeroes each element with probability ``rate`` and scales the kept
    ones by ``1 / (1 - rate)``; ``noise_shape`` broadcasts one keep-decision over some dims.
    Randomness follows ``tf.random``'s seeding (global seed from ``tf.random.set_seed``, op-level
    ``seed`` selecting a reproducible stream), drawn with torch generators."""
    is_number = isinstance(rate, numbers.Real) and not isinstance(rate, TensorOperators)
    if is_number and not 0 <= rate < 1:
        raise ValueError(
            "`rate` must be a scalar tensor or a float in the range [0, 1). Received: rate=%r"
            % (rate,)
        )
    a = storage_of(x)
    if a.dtype not in _FLOATS:
        raise ValueError(
            "`x.dtype` must be a floating point tensor as `x` will be scaled. Received: x_dtype=%s"
            % dtype_of(a)
        )
    if is_number:
        if rate == 0:
            return wrap(a)
        p = rate
    elif isinstance(rate, TensorOperators):
        p = rate._value
        if p.ndim != 0:
            raise ValueError("Shape %s must have rank 0" % (tuple(p.shape),))
        if p.dtype != a.dtype:
            raise ValueError(
                "`x.dtype` must be compatible with `rate.dtype`. Received: x.dtype=%s and "
                "rate.dtype=%s" % (dtype_of(a), dtype_of(p))
            )
    else:
        raise ValueError("`rate` must be a scalar or scalar tensor. Received: rate=%s" % (rate,))
    shape = (
        a.shape
        if noise_shape is None
        else tuple(
            a.shape[i] if d is None else int(d)
            for i, d in enumerate(
                noise_shape._value.tolist()
                if isinstance(noise_shape, TensorOperators)
                else noise_shape
            )
        )
    )
    noise = torch.rand(
        shape, generator=random_generator(seed, a.device), device=a.device, dtype=a.dtype
    )
    keep = noise >= p
    try:
        return wrap(torch.where(keep, a / (1 - p), torch.zeros((), dtype=a.dtype, device=a.device)))
    except RuntimeError:
        raise op_error(
            "SelectV2",
            "condition %s, then %s, and else [] must be broadcastable"
            % (dims_text(shape), dims_text(a.shape)),
            a,
        ) from None


@tf_export("nn.sigmoid_cross_entropy_with_logits")
def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """``tf.nn.sigmoid_cross_entropy_with_logits``: elementwise
    ``max(x, 0) - x * z + log(1 + exp(-|x|))``; ``labels`` and ``logits`` share shape and dtype."""
    x = storage_of(logits)
    z = _storage_like(labels, x)
    if tuple(x.shape) != tuple(z.shape):
        raise ValueError(
            "`logits` and `labels` must have the same shape, received (%s vs %s)."
            % (tuple(x.shape), tuple(z.shape))
        )
    if z.dtype != x.dtype:
        raise input_dtype_error("Mul", 1, x, z)
    check_dtype(x, _ELU_ALLOWED, "Softplus")
    return wrap(sigmoid_cross_entropy(x, z))


def sigmoid_cross_entropy(logits, labels):
    """The torch computation of TF's ``sigmoid_cross_entropy_with_logits`` (TF's own formula
    and ``where``s, so its gradient at 0 and its value at +-inf are TF's; torch's fused kernel
    gives NaN for a logit of -inf), shared with Keras' binary crossentropy."""
    positive = logits >= 0
    relu = torch.where(positive, logits, torch.zeros_like(logits))
    negative_abs = torch.where(positive, -logits, logits)
    return relu - logits * labels + torch.log1p(torch.exp(negative_abs))


@tf_export("nn.softmax_cross_entropy_with_logits")
def softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None):
    """``tf.nn.softmax_cross_entropy_with_logits``: ``-sum(labels * log_softmax(logits), axis)``;
    labels are cast to the logits' dtype and must broadcast to them.  Gradients flow to both."""
    x = storage_of(logits)
    check_dtype(x, _SOFTMAX_ALLOWED, "SoftmaxCrossEntropyWithLogits")
    z = storage_of(labels)
    if z.dtype != x.dtype:
        z = z.to(x.dtype)
    try:
        if z.shape != x.shape:
            torch.broadcast_shapes(x.shape, z.shape)
    except RuntimeError:
        raise op_error(
            "SoftmaxCrossEntropyWithLogits",
            "logits and labels must be broadcastable: logits_size=%s labels_size=%s"
            % (dims_text(x.shape), dims_text(z.shape)),
            x,
        ) from None
    axis = _softmax_axis(x, axis)
    if x.dtype in _HALVES:  # TF's kernel computes half precision in float32, rounding once
        return wrap((-torch.sum(z.float() * torch.log_softmax(x.float(), axis), axis)).to(x.dtype))
    return wrap(-torch.sum(z * torch.log_softmax(x, axis), axis))


@tf_export("nn.sparse_softmax_cross_entropy_with_logits")
def sparse_softmax_cross_entropy_with_logits(labels=None, logits=None, name=None):
    """``tf.nn.sparse_softmax_cross_entropy_with_logits``: cross entropy with integer class
    ``labels`` (shape of ``logits`` without its last dim).  Out-of-range labels raise TF's error
    on CPU; on CUDA they give NaN (as TF on GPU), to avoid a host sync."""
    x = storage_of(logits)
    check_dtype(x, _SOFTMAX_ALLOWED, "SparseSoftmaxCrossEntropyWithLogits")
    z = storage_of(labels)
    if z.dtype not in (torch.int32, torch.int64):
        raise attr_error(
            "SparseSoftmaxCrossEntropyWithLogits", z, attr="Tlabels", allowed=["INT32", "INT64"]
        )
    if x.ndim and z.ndim != x.ndim - 1:
        raise ValueError(
            "`labels.shape.rank` must equal `logits.shape.rank - 1`. Received: labels.shape=%s "
            "of rank %d and logits.shape=%s of rank %d"
            % (tuple(z.shape), z.ndim, tuple(x.shape), x.ndim)
        )
    if x.ndim == 0 or tuple(z.shape) != tuple(x.shape[:-1]):
        raise ValueError(
            "`labels.shape` must equal `logits.shape` except for the last dimension. Received: "
            "labels.shape=%s and logits.shape=%s" % (tuple(z.shape), tuple(x.shape))
        )
    classes = x.shape[-1]
    out_of_range = (z < 0) | (z >= classes)
    if z.device.type == "cpu" and bool(out_of_range.any()):
        bad = int(z[out_of_range].reshape(-1)[0])
        raise op_error(
            "SparseSoftmaxCrossEntropyWithLogits",
            "Received a label value of %d which is outside the valid range of [0, %d).  Label "
            "values: %s" % (bad, classes, " ".join(str(v) for v in z.reshape(-1).tolist())),
            x,
        )
    index = torch.where(out_of_range, torch.zeros_like(z), z).long().unsqueeze(-1)
    work = x.float() if x.dtype in _HALVES else x  # TF's kernel: float32 for half precision
    loss = (-torch.log_softmax(work, -1).gather(-1, index).squeeze(-1)).to(x.dtype)
    if z.device.type != "cpu":
        loss = torch.where(out_of_range, torch.full_like(loss, math.nan), loss)
    return wrap(loss)


@tf_export("nn.crelu")
def crelu(features, axis=-1, name=None):
    """``tf.nn.crelu``: ``concat([relu(x), relu(-x)], axis)``."""
    a = storage_of(features)
    check_dtype(a, _RELU_ALLOWED, "Relu")
    return wrap(torch.cat([torch.relu(a), torch.relu(-a)], int(axis)))


@tf_export("nn.weighted_cross_entropy_with_logits")
def weighted_cross_entropy_with_logits(labels, logits, pos_weight, name=None):
    """``tf.nn.weighted_cross_entropy_with_logits``: sigmoid cross entropy with the positive term
    scaled by ``pos_weight``: ``(1 - z) * x + (1 + (q - 1) * z) * log(1 + exp(-x))``, computed
    stably."""
    x = storage_of(logits)
    z = _storage_like(labels, x)
    q = _storage_like(pos_weight, x)
    if tuple(x.shape) != tuple(z.shape):
        raise ValueError(
            "`logits` and `labels` must have the same shape, received (%s vs %s)."
            % (tuple(x.shape), tuple(z.shape))
        )
    check_dtype(x, _ELU_ALLOWED, "Softplus")
    log_weight = 1 + (q - 1) * z
    return wrap((1 - z) * x + log_weight * (torch.log1p(torch.exp(-torch.abs(x))) + torch.relu(-x)))


@tf_export("nn.log_poisson_loss")
def log_poisson_loss(targets, log_input, compute_full_loss=False, name=None):
    """``tf.nn.log_poisson_loss``: ``exp(log_input) - targets * log_input``, plus Stirling's
    approximation of ``log(targets!)`` (for targets > 1) when ``compute_full_loss``."""
    c = storage_of(log_input)
    z = _storage_like(targets, c)
    loss = torch.exp(c) - c * z
    if compute_full_loss:
        stirling = z * torch.log(z) - z + 0.5 * torch.log(2 * math.pi * z)
        loss = loss + torch.where(z > 1, stirling, torch.zeros_like(z))
    return wrap(loss)


@tf_export("nn.batch_normalization")
def batch_normalization(x, mean, variance, offset, scale, variance_epsilon, name=None):
    """``tf.nn.batch_normalization``: ``scale * (x - mean) / sqrt(variance + epsilon) + offset``
    (``offset``/``scale`` may be None)."""
    a = storage_of(x)
    inv = torch.rsqrt(_storage_like(variance, a) + variance_epsilon)
    if scale is not None:
        inv = inv * _storage_like(scale, a)
    shift = -_storage_like(mean, a) * inv
    if offset is not None:
        shift = shift + _storage_like(offset, a)
    return wrap(a * inv + shift)


@tf_export("nn.normalize_moments")
def normalize_moments(counts, mean_ss, variance_ss, shift, name=None):
    """``tf.nn.normalize_moments``: ``(mean, variance)`` from sufficient statistics."""
    n = storage_of(counts)
    divisor = torch.reciprocal(n) if n.dtype in _FLOATS else 1.0 / n
    shifted_mean = storage_of(mean_ss) * divisor
    mean = shifted_mean + _storage_like(shift, shifted_mean) if shift is not None else shifted_mean
    variance = storage_of(variance_ss) * divisor - torch.square(shifted_mean)
    return wrap(mean), wrap(variance)


@tf_export("nn.embedding_lookup")
def embedding_lookup(params, ids, max_norm=None, name=None):
    """``tf.nn.embedding_lookup``: rows of ``params`` at ``ids`` (any shape); out-of-range ids raise
    TF's ``GatherV2`` error; ``max_norm`` rescales rows whose L2 norm exceeds it.  A list of
    ``params`` is TF 2's "div"-partitioned table (consecutive rows per partition)."""
    if isinstance(params, (list, tuple)):
        # TF 2's "div" partitioning: the partitions hold consecutive rows, in order.
        table = torch.cat([storage_of(p) for p in params]) if len(params) > 1 else None
        table = storage_of(params[0]) if table is None else table
    else:
        table = storage_of(params)
    index = storage_of(ids)
    if index.dtype not in (torch.int16, torch.int32, torch.int64):
        raise attr_error("GatherV2", index, attr="Tindices", allowed=["INT16", "INT32", "INT64"])
    rows = table.shape[0]
    if index.device.type == "cpu":
        bad = torch.nonzero((index.reshape(-1) < 0) | (index.reshape(-1) >= rows))
        if bad.numel():
            k = int(bad[0, 0])
            raise op_error(
                "GatherV2",
                "indices[%d] = %d is not in [0, %d)" % (k, int(index.reshape(-1)[k]), rows),
                table,
            )
    result = table[index.long()]
    if max_norm is not None:
        norms = torch.linalg.vector_norm(
            result, 2, tuple(range(index.ndim, result.ndim)), keepdim=True
        )
        result = result * torch.where(norms > max_norm, max_norm / norms, torch.ones_like(norms))
    return wrap(result)


@tf_export("math.in_top_k", "nn.in_top_k")
def in_top_k(targets, predictions, k, name=None):
    """``tf.nn.in_top_k``: whether each target's prediction is among the ``k`` largest of its row
    (ties count as inside; out-of-range targets and non-finite scores give False).  NumPy or
    Python ``targets`` of another dtype are truncated to int32 (TF's fast path); a Python
    ``k`` converts to int32 (TF's errors for floats and None); TF's errors name the op call
    (`` name: ``) unless an input is a Python list."""
    scores = storage_of(predictions)
    if isinstance(predictions, TensorOperators) and scores.dtype != torch.float32:
        if isinstance(targets, list):  # TF's slow path converts the inputs first
            raise ValueError(
                "Tensor conversion requested dtype float32 for Tensor with dtype %s: %r"
                % (predictions.dtype.name, predictions)
            )
        raise input_dtype_error("InTopKV2", 0, dtypes.float32, predictions.dtype)
    target = storage_of(targets)
    if not isinstance(k, TensorOperators):
        k = to_torch(k, dtypes.int32)
    if not isinstance(targets, TensorOperators) and target.dtype not in (torch.int32, torch.int64):
        if isinstance(target, np.ndarray):  # strings: NumPy's int() of each (its ValueError)
            source = targets if isinstance(targets, np.ndarray) else target
            target = torch.from_numpy(source.astype(np.int32))
        target = target.to(torch.int32)  # TF's fast path converts it to k's dtype (truncating)
    if target.dtype not in (torch.int32, torch.int64):
        raise attr_error("InTopKV2", target)
    name = None if isinstance(targets, list) or isinstance(predictions, list) else ""
    for storage, rank, what in ((scores, 2, "predictions"), (target, 1, "targets")):
        if storage.ndim != rank:
            raise op_error("InTopKV2", "%s must be %d-dimensional" % (what, rank), scores, name)
    if scores.shape[0] != target.shape[0]:
        raise op_error(
            "InTopKV2",
            "First dimension of predictions %d must match length of targets %d"
            % (scores.shape[0], target.shape[0]),
            scores,
            name,
        )
    classes = scores.shape[-1]
    valid = (target >= 0) & (target < classes)
    picked = scores.gather(
        -1, torch.where(valid, target, torch.zeros_like(target)).long().unsqueeze(-1)
    )
    above = torch.sum(scores > picked, -1)
    return wrap(valid & (above < int(k)) & torch.isfinite(picked.squeeze(-1)))
