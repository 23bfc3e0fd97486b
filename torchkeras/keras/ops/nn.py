"""``keras.ops.nn``: neural-network ops (also at ``keras.ops`` top level): activations, one-hot
encodings, crossentropies, convolution and pooling (Keras' kernel layout, TF's ``'same'`` padding),
moments, normalization and scaled dot-product attention."""

import math
import numbers as _numbers

import torch
import torch.nn.functional as F

from ...ops import nn_ops as _nn_ops
from ...ops import softmax_kernel as _softmax_kernel
from ...ops._args import canonicalize_axis as _canonicalize_axis
from ...ops._args import checked_axis_arg as _checked_axis_arg
from ..backend import config
from . import _conv_reference
from ._base import FLOATING as _FLOATING, constant_input as _constant_input, storage, wrap
from ._dtypes import standardize_dtype
from ._strings import features_error as _features_error
from ...framework.dtypes import from_torch as _from_torch
from ...framework.op_errors import allowed_dtypes as _allowed_dtypes
from ...framework.op_errors import attr_error as _attr_error, op_error as _op_error
from ...framework.op_errors import broadcast_shapes as _broadcast_shapes
from ...framework.op_errors import kernel_name as _kernel_name
from ...framework.tensor import Tensor as _Tensor
from ...ops.cast_ops import cast as _cast
from ...framework.tensor import TensorOperators as _TensorOperators
from ...framework.convert import convert_to_tensor as _convert_to_tensor
from ...framework.convert import to_torch as _to_torch
from ...api_export import keras_export as _keras_export

_OWN = [
    "relu",
    "relu6",
    "sigmoid",
    "softmax",
    "log_softmax",
    "softplus",
    "softsign",
    "silu",
    "swish",
    "gelu",
    "elu",
    "selu",
    "leaky_relu",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "log_sigmoid",
    "one_hot",
    "multi_hot",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
    "conv",
    "depthwise_conv",
    "max_pool",
    "average_pool",
    "moments",
    "batch_normalization",
    "normalize",
    "dot_product_attention",
]
__all__ = list(_OWN)

_INTEGERS = frozenset(
    (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.uint16, torch.uint32)
)
_ALLOWED = {
    kernel: _allowed_dtypes(kernel)
    for kernel in ("Relu", "Relu6", "Sigmoid", "Softmax", "LogSoftmax", "Softplus", "Softsign")
    + ("Elu", "Selu", "LeakyRelu")
}


def _kernel_input(x, kernel):
    """The storage of ``x``, whose dtype TF kernel ``kernel`` (the one Keras' TF backend runs)
    must accept: others raise TF's attr error, as that kernel does."""
    x = storage(x)
    if x.dtype not in _FLOATING and x.dtype not in _ALLOWED[kernel]:
        raise _attr_error(kernel, x)
    return x


def _logits(x, axis, kernel):
    """Softmax's input: Keras reads ``x.shape`` before converting (an ``AttributeError`` for
    lists and None), TF's kernel wants floats of rank >= 1."""
    if type(x) is not _Tensor and isinstance(axis, int) and not hasattr(x, "shape"):
        raise AttributeError("'%s' object has no attribute 'shape'" % type(x).__name__)
    x = _kernel_input(x, kernel)
    if x.dim() == 0:
        raise _op_error(kernel, "logits must have >= 1 dimension, got []")
    return x


@_keras_export("keras.ops.relu", "keras.ops.nn.relu")
def relu(x):
    """``max(x, 0)``."""
    return wrap(torch.relu(_kernel_input(x, "Relu")))


@_keras_export("keras.ops.relu6", "keras.ops.nn.relu6")
def relu6(x):
    """``min(max(x, 0), 6)``."""
    x = _kernel_input(x, "Relu6")
    return wrap(torch.clamp(x, 0, 6))


@_keras_export("keras.ops.sigmoid", "keras.ops.nn.sigmoid")
def sigmoid(x):
    """``1 / (1 + exp(-x))``."""
    return wrap(torch.sigmoid(_kernel_input(x, "Sigmoid")))


def _axes(axis):
    return axis if isinstance(axis, int) else tuple(axis)


@_keras_export("keras.ops.softmax", "keras.ops.nn.softmax")
def softmax(x, axis=-1):
    """Softmax along ``axis`` (an int or a tuple of axes).  A tuple is checked as Keras'
    transpose checks the permutation it builds from it (``ValueError``); other axis objects go
    to ``tf.nn.softmax`` as in Keras' TF backend (its errors)."""
    x = _logits(x, axis, "Softmax")
    if axis is None:
        return wrap(_softmax_kernel.softmax_over(x, tuple(range(x.ndim))))
    if isinstance(axis, int):
        return wrap(_softmax_kernel.softmax(x, axis))
    if isinstance(axis, tuple):
        return wrap(_softmax_kernel.softmax_over(x, _softmax_axes(axis, x.ndim)))
    return _nn_ops.softmax(wrap(x), axis)


def _softmax_axes(axis, ndim):
    """The axes of a tuple ``axis`` of Keras' softmax, checked as Keras checks the transpose
    ``(*kept, *axis)`` it runs for them."""
    perm = [v for v in range(ndim) if v not in axis] + list(axis)
    perm = [_canonicalize_axis(a, ndim) for a in perm]
    if len(set(perm)) != len(perm):
        raise ValueError(
            "`axes` must be a valid permutation of the input dimensions (no duplicates). "
            f"Received: axes={perm} for input of rank {ndim}."
        )
    return tuple(perm[ndim - len(axis) :])


@_keras_export("keras.ops.log_softmax", "keras.ops.nn.log_softmax")
def log_softmax(x, axis=-1):
    """``log(softmax(x))`` along ``axis``, computed stably.  An ``axis`` that is neither None,
    an int nor a sequence goes to ``tf.nn.log_softmax`` as Keras' TF backend passes it (its
    errors for floats and strings)."""
    x = _logits(x, None, "LogSoftmax")
    if axis is not None and not isinstance(axis, (int, tuple, list)):
        return _nn_ops.log_softmax(wrap(x), axis=axis)
    axis = tuple(range(x.ndim)) if axis is None else _axes(axis)
    if isinstance(axis, int):
        return wrap(x.log_softmax(axis))
    return wrap(x - torch.logsumexp(x, dim=axis, keepdim=True))


@_keras_export("keras.ops.softplus", "keras.ops.nn.softplus")
def softplus(x):
    """``log(1 + exp(x))``."""
    return wrap(F.softplus(_kernel_input(x, "Softplus")))


@_keras_export("keras.ops.softsign", "keras.ops.nn.softsign")
def softsign(x):
    """``x / (1 + |x|)``."""
    return wrap(F.softsign(_kernel_input(x, "Softsign")))


@_keras_export("keras.ops.silu", "keras.ops.nn.silu", "keras.ops.swish", "keras.ops.nn.swish")
def silu(x):
    """``x * sigmoid(x)``; also ``keras.ops.swish`` (the same function in Keras, so its argument
    errors name ``silu``)."""
    return wrap(F.silu(_kernel_input(x, "Sigmoid")))


swish = silu


@_keras_export("keras.ops.log_sigmoid", "keras.ops.nn.log_sigmoid")
def log_sigmoid(x):
    """``log(sigmoid(x))``, computed stably."""
    return wrap(F.logsigmoid(_kernel_input(x, "Softplus")))


@_keras_export("keras.ops.gelu", "keras.ops.nn.gelu")
def gelu(x, approximate=True):
    """Gaussian error linear unit; Keras' default is the tanh approximation. Non-floating
    inputs raise Keras' ``ValueError``."""
    x = storage(x)
    if not x.is_floating_point():
        raise _features_error(_from_torch(x.dtype))
    return wrap(F.gelu(x, approximate="tanh" if approximate else "none"))


@_keras_export("keras.ops.elu", "keras.ops.nn.elu")
def elu(x, alpha=1.0):
    """``x`` if positive, else ``alpha * (exp(x) - 1)``; an ``alpha`` other than 1 multiplies
    TF's result, so it converts to ``x``'s dtype (TF's errors for strings and None)."""
    x = _kernel_input(x, "Elu")
    if type(alpha) is not int and type(alpha) is not float:
        alpha = float(_to_torch(alpha, _from_torch(x.dtype)))
    return wrap(F.elu(x, alpha))


@_keras_export("keras.ops.selu", "keras.ops.nn.selu")
def selu(x):
    """Scaled ELU with the self-normalizing constants."""
    return wrap(F.selu(_kernel_input(x, "Selu")))


@_keras_export("keras.ops.leaky_relu", "keras.ops.nn.leaky_relu")
def leaky_relu(x, negative_slope=0.2):
    """``x`` if positive, else ``negative_slope * x``; integer ``x`` is cast to float32 first
    (as ``tf.nn.leaky_relu``); ``negative_slope`` is TF's float attribute ``alpha``."""
    if not isinstance(negative_slope, _numbers.Real):
        raise TypeError("Expected float for argument 'alpha' not %r." % (negative_slope,))
    x = storage(x)
    if x.dtype in _INTEGERS:
        x = x.to(torch.float32)
    return wrap(F.leaky_relu(_kernel_input(x, "LeakyRelu"), negative_slope))


@_keras_export("keras.ops.hard_sigmoid", "keras.ops.nn.hard_sigmoid")
def hard_sigmoid(x):
    """``clip(x / 6 + 0.5, 0, 1)``; floating ``x`` only (TF's error)."""
    x = _constant_input(x, 3.0)
    return wrap(torch.clamp(x / 6.0 + 0.5, 0.0, 1.0))


@_keras_export("keras.ops.hard_silu", "keras.ops.nn.hard_silu")
def hard_silu(x):
    """``x * hard_sigmoid(x)``; floating ``x`` only (TF's error)."""
    x = _constant_input(x, 3.0)
    return wrap(x * torch.clamp(x / 6.0 + 0.5, 0.0, 1.0))


@_keras_export("keras.ops.hard_swish", "keras.ops.nn.hard_swish")
def hard_swish(x):
    """Alias of :func:`hard_silu`."""
    return hard_silu(x)


@_keras_export("keras.ops.one_hot", "keras.ops.nn.one_hot")
def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    """One-hot encoding of integer ``x`` on a new ``axis`` (float32 unless ``dtype``); negative
    and out-of-range indices give all-zero rows.  As Keras' TF backend: ``x`` cast to int64,
    then ``tf.one_hot`` (its checks of ``num_classes`` and ``axis``)."""
    if sparse:
        raise ValueError("torchkeras has no sparse tensors: `sparse=True` is not supported.")
    from ...ops.gather_ops import one_hot as _tf_one_hot

    dtype = standardize_dtype(dtype or "float32")
    on_value, off_value = (True, False) if dtype == "bool" else (None, None)
    indices = wrap(storage(x).to(torch.int64))
    return _tf_one_hot(indices, num_classes, on_value, off_value, axis=axis, dtype=dtype)


@_keras_export("keras.ops.multi_hot", "keras.ops.nn.multi_hot")
def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    """Multi-hot encoding: :func:`one_hot` of each index reduced (max, ``any`` for bool) over
    axis 1 (axis 0 for a rank-1 input), as Keras' TF backend."""
    if num_classes is None:
        num_classes = kwargs.pop("num_tokens", None)
    if num_classes is None:
        raise ValueError("Argument `num_classes` must be specified.")
    dtype = standardize_dtype(dtype)
    idx = storage(inputs)
    reduce_axis = 1 if idx.dim() > 1 else 0
    encoded = storage(one_hot(idx, num_classes, axis=axis, dtype=dtype, sparse=sparse))
    if encoded.dtype is torch.bool:
        return wrap(torch.any(encoded, dim=reduce_axis))
    return wrap(torch.amax(encoded, dim=reduce_axis))


def _same_shape(target, output):
    if target.dim() != output.dim():
        raise ValueError(
            "Arguments `target` and `output` must have the same rank (ndim). Received: "
            f"target.shape={tuple(target.shape)}, output.shape={tuple(output.shape)}"
        )
    if target.shape != output.shape:
        raise ValueError(
            "Arguments `target` and `output` must have the same shape. Received: "
            f"target.shape={tuple(target.shape)}, output.shape={tuple(output.shape)}"
        )


@_keras_export("keras.ops.binary_crossentropy", "keras.ops.nn.binary_crossentropy")
def binary_crossentropy(target, output, from_logits=False):
    """Element-wise binary crossentropy; probabilities are clipped to ``[eps, 1 - eps]``.  From
    logits it is TF's ``sigmoid_cross_entropy_with_logits`` formula, ``max(x, 0) - x * z +
    log1p(exp(-|x|))`` (so a logit of -inf with target 1 gives inf, not NaN).  Probabilities
    must be floating: TF converts the clip bound ``1 - epsilon`` to their dtype."""
    output = storage(output)
    target = storage(target, str(output.dtype).split(".")[-1])
    _same_shape(target, output)
    if from_logits:
        return wrap(_nn_ops.sigmoid_cross_entropy(output, target))
    eps = config.epsilon()
    output = torch.clamp(_constant_input(output, 1.0 - eps), eps, 1.0 - eps)
    return wrap(-(target * torch.log(output) + (1 - target) * torch.log(1 - output)))


@_keras_export("keras.ops.categorical_crossentropy", "keras.ops.nn.categorical_crossentropy")
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Crossentropy between one-hot ``target`` and ``output`` along ``axis``; probabilities are
    renormalized and clipped to ``[eps, 1 - eps]``.  Floating operands of one dtype run on
    torch; others run Keras' TF code on the tf core (TF's dtype rules: integer probabilities
    divide to floats, ``target`` must then have the dtype ``Mul`` finds beside them)."""
    t, o = storage(target), storage(output)
    if t.dim() < 1:
        raise ValueError(
            "Arguments `target` and `output` must be at least rank 1. Received: "
            f"target.shape={tuple(t.shape)}, output.shape={tuple(o.shape)}"
        )
    _same_shape(t, o)
    if t.dtype is not o.dtype or o.dtype not in _FLOATING:
        return _keras_categorical_crossentropy(wrap(t), wrap(o), from_logits, axis)
    if from_logits:
        return _nn_ops.softmax_cross_entropy_with_logits(labels=wrap(t), logits=wrap(o), axis=axis)
    o = o / torch.sum(o, dim=axis, keepdim=True)
    eps = config.epsilon()
    o = torch.clamp(o, eps, 1.0 - eps)
    return wrap(-torch.sum(t * torch.log(o), dim=axis))


def _keras_categorical_crossentropy(target, output, from_logits, axis):
    """Keras' TF ``categorical_crossentropy`` after its shape checks, on the tf core."""
    from ...ops import elementwise_ops, reduction_ops

    if from_logits:
        return _nn_ops.softmax_cross_entropy_with_logits(labels=target, logits=output, axis=axis)
    output = output / reduction_ops.reduce_sum(output, axis, keepdims=True)
    eps = config.epsilon()
    output = elementwise_ops.clip_by_value(output, eps, 1.0 - eps)
    return -reduction_ops.reduce_sum(target * elementwise_ops.log(output), axis)


@_keras_export(
    "keras.ops.sparse_categorical_crossentropy", "keras.ops.nn.sparse_categorical_crossentropy"
)
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """Crossentropy with integer ``target``; a trailing length-1 axis of ``target`` is dropped.
    As Keras' TF backend, ``target`` converts before ``output``, which converts by TF's rules
    (a string is a rank-0 string tensor, refused by the rank check), and the loss is
    ``tf.nn.sparse_softmax_cross_entropy_with_logits`` (TF's label range check on the CPU;
    half precision computed in float32), which runs directly on torch where it can."""
    if axis != -1 and axis != len(output.shape) - 1:
        raise ValueError(f"Only axis=-1 is currently supported. Received: axis={axis}")
    target = storage(target).to(torch.int64)
    if not isinstance(output, _TensorOperators):
        output = _convert_to_tensor(output)
    if len(output.shape) < 1:
        raise ValueError(
            f"Argument `output` must be at least rank 1. Received: "
            f"output.shape={tuple(output.shape)}"
        )
    output = storage(output)
    if target.dim() == output.dim() and target.shape[-1] == 1:
        target = target.squeeze(-1)
    if target.dim() != output.dim() - 1:
        raise ValueError(
            "Argument `output` must have rank (ndim) `target.ndim - 1`. Received: "
            f"target.shape={tuple(target.shape)}, output.shape={tuple(output.shape)}"
        )
    if target.shape != output.shape[:-1]:
        raise ValueError(
            "Arguments `target` and `output` must have the same shape up until the last dimension: "
            f"target.shape={tuple(target.shape)}, output.shape={tuple(output.shape)}"
        )
    if not from_logits:
        eps = config.epsilon()
        if output.dtype in _FLOATING:
            output = torch.log(torch.clamp(output, eps, 1 - eps))
        else:
            from ...ops import elementwise_ops

            output = elementwise_ops.clip_by_value(wrap(output), eps, 1 - eps)._value
    if output.dtype in _FLOATING and output.is_cpu and target.is_cpu:
        work = output.float() if output.dtype in _HALF_TORCH else output
        try:
            logp = torch.log_softmax(work, dim=-1)
            loss = -torch.gather(logp, -1, target.unsqueeze(-1)).squeeze(-1)
            return wrap(loss.to(output.dtype))
        except RuntimeError:  # a label out of range: TF's error, from the tf core below
            pass
    return _nn_ops.sparse_softmax_cross_entropy_with_logits(wrap(target), wrap(output))


def _tuple(value, n):
    return (int(value),) * n if isinstance(value, int) else tuple(int(v) for v in value)


def _channels_first(x, data_format):
    data_format = data_format or config.image_data_format()
    return x if data_format == "channels_first" else torch.movedim(x, -1, 1), data_format


def _restore(out, data_format):
    return out if data_format == "channels_first" else torch.movedim(out, 1, -1)


def _same_padding(x, kernel, strides, dilation, value=0.0):
    pads = []
    for size, k, s, d in zip(x.shape[2:], kernel, strides, dilation):
        out = -(-size // s)
        total = max((out - 1) * s + (k - 1) * d + 1 - size, 0)
        pads.append((total // 2, total - total // 2))
    flat = [p for pair in reversed(pads) for p in pair]
    return F.pad(x, flat, value=value) if any(flat) else x


_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}


def _padding(padding):
    padding = padding.lower()
    if padding not in ("valid", "same"):
        raise ValueError(f"Invalid padding: {padding}. Expected 'valid' or 'same'.")
    return padding


@_keras_export("keras.ops.conv", "keras.ops.nn.conv")
def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """N-D convolution; ``kernel`` is ``spatial + (in_channels / groups, out_channels)``
    (Keras' layout); ``'same'`` pads like TF (extra padding after).  Arguments the torch path
    fails on run through Keras' TF-backend code on ``tf.nn.convolution`` (TF's errors)."""
    try:
        return _conv(inputs, kernel, strides, padding, data_format, dilation_rate)
    except (RuntimeError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return _conv_reference.conv(inputs, kernel, strides, padding, data_format, dilation_rate)


def _conv(inputs, kernel, strides, padding, data_format, dilation_rate):
    _conv_reference.standardize_data_format(data_format)
    x, data_format = _channels_first(storage(inputs), data_format)
    w = storage(kernel)
    n = w.dim() - 2
    strides, dilation = _tuple(strides, n), _tuple(dilation_rate, n)
    if _padding(padding) == "same":
        x = _same_padding(x, w.shape[:n], strides, dilation)
    weight = torch.movedim(torch.movedim(w, -1, 0), -1, 1)
    groups = x.shape[1] // w.shape[-2]
    return wrap(_restore(_CONV[n](x, weight, None, strides, 0, dilation, groups), data_format))


@_keras_export("keras.ops.depthwise_conv", "keras.ops.nn.depthwise_conv")
def depthwise_conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """Depthwise N-D convolution; ``kernel`` is ``spatial + (in_channels, multiplier)``.  As
    Keras' TF backend, the input's channels must match the kernel's and strides be positive
    (TF's ``DepthwiseConv2dNative`` error)."""
    data_format = _conv_reference.standardize_data_format(data_format)
    _conv_reference.check_input_channels(storage(inputs), storage(kernel), data_format)
    _conv_reference.check_strides(strides, "DepthwiseConv2dNative")
    x, data_format = _channels_first(storage(inputs), data_format)
    w = storage(kernel)
    n = w.dim() - 2
    strides, dilation = _tuple(strides, n), _tuple(dilation_rate, n)
    if _padding(padding) == "same":
        x = _same_padding(x, w.shape[:n], strides, dilation)
    channels, multiplier = w.shape[-2], w.shape[-1]
    weight = torch.movedim(w.reshape(w.shape[:n] + (channels * multiplier, 1)), (-2, -1), (0, 1))
    return wrap(_restore(_CONV[n](x, weight, None, strides, 0, dilation, channels), data_format))


_MAX_POOL = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
_AVG_POOL = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
_MAX_POOL3D = frozenset((torch.float32, torch.bfloat16))
"""The dtypes TF's CPU ``MaxPool3D`` kernel takes (the others raise TF's errors)."""


def _pool_args(x, pool_size, strides):
    n = x.dim() - 2
    pool = _tuple(pool_size, n)
    return n, pool, pool if strides is None else _tuple(strides, n)


@_keras_export("keras.ops.max_pool", "keras.ops.nn.max_pool")
def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Max pooling (``strides`` default to ``pool_size``; ``'same'`` pads with -inf like TF).
    Arguments the torch path fails on (or an unknown data format) run through Keras'
    TF-backend code on ``tf.nn.max_pool`` (TF's errors, TF's oneDNN failure for a window
    larger than the input).  So do inputs that are not tensors (Keras hands them to
    ``tf.nn.max_pool`` as they are: NumPy arrays of rank 4 become float32) and 3-D pooling of
    dtypes other than float32 and bfloat16 (TF's ``MaxPool3D`` refuses them on the CPU)."""
    if isinstance(inputs, _TensorOperators) and (
        inputs._value.dim() != 5 or inputs._value.dtype in _MAX_POOL3D
    ):
        try:
            return _max_pool(inputs, pool_size, strides, padding, data_format)
        except (RuntimeError, ValueError, TypeError, KeyError, AttributeError):
            pass
    return _conv_reference.max_pool(inputs, pool_size, strides, padding, data_format)


def _max_pool(inputs, pool_size, strides, padding, data_format):
    _conv_reference.standardize_data_format(data_format)
    x, data_format = _channels_first(storage(inputs), data_format)
    n, pool, strides = _pool_args(x, pool_size, strides)
    if _padding(padding) == "same":
        x = _same_padding(x, pool, strides, (1,) * n, value=-math.inf)
    return wrap(_restore(_MAX_POOL[n](x, pool, strides), data_format))


@_keras_export("keras.ops.average_pool", "keras.ops.nn.average_pool")
def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Average pooling; with ``'same'`` padded positions are left out of each average (TF).
    Arguments the torch path fails on (or an unknown data format) run through Keras'
    TF-backend code on ``tf.nn.avg_pool`` (TF's errors, TF's empty result for a window larger
    than the input)."""
    try:
        return _average_pool(inputs, pool_size, strides, padding, data_format)
    except (RuntimeError, ValueError, TypeError, KeyError, AttributeError):
        return _conv_reference.average_pool(inputs, pool_size, strides, padding, data_format)


def _average_pool(inputs, pool_size, strides, padding, data_format):
    _conv_reference.standardize_data_format(data_format)
    x, data_format = _channels_first(storage(inputs), data_format)
    n, pool, strides = _pool_args(x, pool_size, strides)
    if _padding(padding) == "valid":
        return wrap(_restore(_AVG_POOL[n](x, pool, strides), data_format))
    padded = _same_padding(x, pool, strides, (1,) * n)
    ones = _same_padding(torch.ones_like(x[:1, :1]), pool, strides, (1,) * n)
    out = _AVG_POOL[n](padded, pool, strides) / _AVG_POOL[n](ones, pool, strides)
    return wrap(_restore(out, data_format))


@_keras_export("keras.ops.moments", "keras.ops.nn.moments")
def moments(x, axes, keepdims=False, synchronized=False):
    """``(mean, variance)`` over ``axes``, as Keras' TF backend: ``x.dtype`` is read first (an
    ``AttributeError`` for lists and None, Keras' error for NumPy strings), float16 and
    bfloat16 are computed in float32 and cast back (clipped to float16's range), the rest is
    ``tf.nn.moments`` (TF's axis checks, integer means for integers).  ``synchronized`` takes
    Keras' cross-replica formula on the one replica: ``E[x^2] - E[x]^2`` (at least 0) from
    sums divided with ``divide_no_nan`` (float64 for int32 and int64 inputs)."""
    original = standardize_dtype(x.dtype)
    if original not in _HALF and not synchronized:
        return _nn_ops.moments(x, axes, keepdims=keepdims)
    if original in _HALF:
        x = _cast(x, "float32")
    if synchronized:
        mean, variance = _synchronized_moments(x, axes, keepdims)
    else:
        mean, variance = _nn_ops.moments(x, axes, keepdims=keepdims)
    if original not in _HALF:
        return mean, variance
    limit = torch.finfo(torch.float16).max
    target = _HALF[original]
    return wrap(mean._value.clamp(-limit, limit).to(target)), wrap(
        variance._value.clamp(-limit, limit).to(target)
    )


_HALF = {"float16": torch.float16, "bfloat16": torch.bfloat16}
"""The dtypes Keras computes moments of in float32."""
_HALF_TORCH = frozenset(_HALF.values())


def _synchronized_moments(x, axes, keepdims):
    """Keras' TF ``_compute_moments_sync`` in TF's default replica context (one replica: its
    all-reduces return their input)."""
    from ...ops import creation_ops, elementwise_ops, reduction_ops, shape_ops

    count = reduction_ops.reduce_sum(creation_ops.ones_like(x), axis=axes, keepdims=True)
    total = reduction_ops.reduce_sum(x, axis=axes, keepdims=True)
    squares = reduction_ops.reduce_sum(elementwise_ops.square(x), axis=axes, keepdims=True)
    mean = elementwise_ops.divide_no_nan(total, count)
    squared_mean = elementwise_ops.divide_no_nan(squares, count)
    variance = elementwise_ops.maximum(squared_mean - elementwise_ops.square(mean), 0.0)
    if not keepdims:
        mean, variance = shape_ops.squeeze(mean, axes), shape_ops.squeeze(variance, axes)
    return mean, variance


@_keras_export("keras.ops.batch_normalization", "keras.ops.nn.batch_normalization")
def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    """``(x - mean) / sqrt(variance + epsilon) * scale + offset``, the 1-D statistics laid along
    ``axis``.  Keras' TF backend's checks come first: it lays the statistics out along ``axis``
    by ``mean``'s length (Python's errors for a bad axis or a missing ``mean``), and
    ``tf.nn.batch_normalization`` broadcasts them (``Mul``/``Sub``'s shape errors)."""
    if axis != -1:
        keras_shape = [1] * len(x.shape)
        keras_shape[axis] = mean.shape[0]
        for value in (mean, variance, offset, scale):
            size = 0 if value is None else storage(value).numel()
            if value is not None and size != keras_shape[axis]:
                raise _op_error(
                    "Reshape",
                    "Input to reshape is a tensor with %d values, but the requested shape has %d"
                    % (size, keras_shape[axis]),
                    name=None,
                )
    x = storage(x)
    _batch_norm_shapes(x, mean, variance, offset, scale, axis)
    shape = [1] * x.dim()
    shape[axis] = x.shape[axis]

    def lay(v):
        return storage(v, str(x.dtype).split(".")[-1]).reshape(shape)

    inv = torch.rsqrt(lay(variance) + epsilon)
    if scale is not None:
        inv = inv * lay(scale)
    out = x * inv + ((lay(offset) if offset is not None else 0) - lay(mean) * inv)
    return wrap(out)


def _batch_norm_shapes(x, mean, variance, offset, scale, axis):
    """``tf.nn.batch_normalization``'s broadcast errors, in its order, for the statistics as
    Keras passes them (reshaped along ``axis`` unless it is -1)."""

    def dims(value):
        value = storage(value)
        if axis == -1:
            return tuple(value.shape)
        laid = [1] * x.dim()
        laid[axis] = value.numel()
        return tuple(laid)

    inv = dims(variance)
    if scale is not None:
        inv = tuple(_broadcast_shapes("Mul", inv, dims(scale)))
    _broadcast_shapes("Mul", tuple(x.shape), inv)
    shift = tuple(_broadcast_shapes("Mul", dims(mean), inv))
    if offset is not None:
        _broadcast_shapes("Sub", dims(offset), shift)


@_keras_export("keras.ops.normalize", "keras.ops.nn.normalize")
def normalize(x, axis=-1, order=2, epsilon=None):
    """``x`` divided by its ``order``-norm along ``axis`` (at least ``epsilon``); ``order``
    must be an int >= 1 (Keras' ``ValueError``), the axis is checked as TF's ``Sum`` checks it
    and other orders than 2 take :func:`keras.ops.norm`'s (its errors)."""
    if not isinstance(order, int) or not order >= 1:
        raise ValueError(f"Argument `order` must be an int >= 1. Received: order={order}")
    x = storage(x)
    if epsilon is None:
        epsilon = config.epsilon()
    if order == 2:
        dims = _checked_axis_arg(axis, x, "Sum")
        if dims is None:
            dims = tuple(range(x.dim()))
        square_sum = torch.sum(torch.square(x), dim=dims, keepdim=True)
        if not (x.is_floating_point() or x.is_complex() or x.dtype is torch.bool):
            raise _attr_error("Rsqrt", x)  # Keras' rsqrt of an integer sum of squares
        return wrap(x * torch.rsqrt(torch.clamp(square_sum, min=epsilon * epsilon)))
    from .linalg import norm as _norm

    norm = _norm(x, ord=order, axis=axis, keepdims=True)._value
    return wrap(x / torch.clamp(norm, min=epsilon))


@_keras_export("keras.ops.dot_product_attention", "keras.ops.nn.dot_product_attention")
def dot_product_attention(
    query,
    key,
    value,
    bias=None,
    mask=None,
    scale=None,
    is_causal=False,
    flash_attention=None,
    attn_logits_soft_cap=None,
):
    """Scaled dot-product attention on ``(batch, length, heads, head_dim)`` tensors; ``mask``
    is boolean (True = attend), ``bias`` added to the logits, ``scale`` defaults to
    ``1 / sqrt(head_dim)``; ``key``/``value`` may have fewer heads (grouped-query attention).
    As Keras' TF backend: flash attention and inputs of another rank are refused, operands
    that do not fit get ``tf.einsum``'s and ``AddV2``'s errors."""
    if flash_attention:
        raise ValueError("Flash attention is not supported in tensorflow backend.")
    q, k, v = storage(query), storage(key), storage(value)
    if q.dim() != 4:
        raise ValueError(
            "`dot_product_attention` only supports 4D inputs. Received: "
            f"query.shape={tuple(q.shape)}, key.shape={tuple(k.shape)}, "
            f"value.shape={tuple(v.shape)}."
        )
    if scale is None:
        scale = 1.0 / math.sqrt(k.shape[-1])
    groups = q.shape[2] // k.shape[2]
    if groups > 1 and k.shape[2] > 1:
        k, v = k.repeat_interleave(groups, dim=2), v.repeat_interleave(groups, dim=2)
    _einsum_dims(q.shape, k, (0, 2, 3), q)
    logits = torch.einsum("bthd,bshd->bhts", q, k) * scale
    if attn_logits_soft_cap is not None:
        logits = torch.tanh(logits / attn_logits_soft_cap) * attn_logits_soft_cap
    if bias is not None:
        bias = storage(bias)
        _broadcast_shapes("AddV2", tuple(logits.shape), tuple(bias.shape), logits)
        logits = logits + bias.to(logits.dtype)
    keep = None
    if mask is not None:
        keep = storage(mask).to(torch.bool)
    if is_causal:
        causal = torch.ones(q.shape[1], k.shape[1], dtype=torch.bool, device=q.device).tril()
        keep = causal if keep is None else keep & causal
    if keep is not None:
        logits = logits.masked_fill(~keep, torch.finfo(logits.dtype).min)
    weights = torch.softmax(logits.float(), dim=-1).to(q.dtype)
    _einsum_dims((k.shape[0], k.shape[1], k.shape[2]), v, (0, 1, 2), q)
    return wrap(torch.einsum("bhts,bshd->bthd", weights, v))


def _einsum_dims(sizes, operand, axes, like):
    """``tf.einsum``'s check of its second operand: each of ``axes`` must have the size the
    first operand gave its label (``sizes``, indexed like ``axes``)."""
    for axis in axes:
        if operand.shape[axis] != sizes[axis]:
            text = "Expected dimension %d at axis %d of the input shaped %s but got dimension %d"
            raise _op_error(
                "Einsum",
                text
                % (
                    sizes[axis],
                    axis,
                    "[%s]" % ",".join(map(str, operand.shape)),
                    operand.shape[axis],
                ),
                like,
                kernel=_kernel_name("Einsum", like) + "_N_2",
            )


# keras.ops fills this namespace from the export registry, the ops of _nn_extra included.
from . import _nn_extra  # noqa: E402,F401
