"""More ``keras.ops`` nn ops: the newer activations, layer/RMS normalization and
separable convolution."""

import math
import warnings

import numpy as np

import torch

from ..backend import config
from . import _conv_reference
from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.errors import OpError
from ...framework.tensor import TensorOperators
from ...ops import elementwise_ops
from ...ops.cast_ops import cast
from ...ops.comparison_ops import where
from ...ops.creation_ops import zeros_like
from ...framework.op_errors import broadcast_shapes, op_error
from ._base import FLOATING, TORCH, constant_input, float_kernel_input, storage, wrap
from ._dtypes import NAME, result_type, standardize_dtype
from ...api_export import keras_export

__all__ = [
    "celu",
    "glu",
    "hard_tanh",
    "squareplus",
    "sparse_plus",
    "soft_shrink",
    "hard_shrink",
    "tanh_shrink",
    "threshold",
    "layer_normalization",
    "rms_normalization",
    "separable_conv",
    "conv_transpose",
]


@keras_export("keras.ops.celu", "keras.ops.nn.celu")
def celu(x, alpha=1.0):
    """``max(x, 0) + alpha * expm1(min(x, 0) / alpha)``; floating ``x`` only (TF's error)."""
    x = constant_input(x, 0.0)
    return wrap(torch.clamp(x, min=0) + alpha * torch.expm1(torch.clamp(x, max=0) / alpha))


@keras_export("keras.ops.glu", "keras.ops.nn.glu")
def glu(x, axis=-1):
    """Gated linear unit: the first half of ``axis`` times the sigmoid of the second half
    (floating ``x`` only: TF's ``Sigmoid`` kernel refuses others; Keras reads ``x.shape``
    first, an ``AttributeError`` for lists and None)."""
    x.shape  # noqa: B018 - Keras reads the attribute
    x = float_kernel_input(x, "Sigmoid")
    if x.shape[axis] % 2 != 0:
        raise ValueError(
            f"axis size must be divisible by 2. Received: x.shape={tuple(x.shape)} with axis={axis}"
        )
    a, b = torch.chunk(x, 2, dim=axis)
    return wrap(a * torch.sigmoid(b))


@keras_export("keras.ops.hard_tanh", "keras.ops.nn.hard_tanh")
def hard_tanh(x):
    """``clip(x, -1, 1)``; floating ``x`` only (TF's error)."""
    return wrap(torch.clamp(constant_input(x, 1.0), -1.0, 1.0))


_NUMBERS = frozenset((int, float))


def _floating(x):
    """Whether ``x`` is a tensor (or variable) of a floating dtype: the input of the torch
    paths below, on which Keras' TF code computes what they compute."""
    return isinstance(x, TensorOperators) and x._value.dtype in FLOATING


def _keras_converted(value, dtype):
    """Keras' TF-backend ``convert_to_tensor(value, dtype)`` for a TF ``dtype``: tensors are
    cast, other values converted by TF's rules, but cast for integer and bool dtypes (TF's
    conversion would refuse a float)."""
    if isinstance(value, TensorOperators):
        return value if value.dtype == dtype else cast(value, dtype)
    if dtype.is_integer or dtype == dtypes.bool:
        return cast(convert_to_tensor(value), dtype)
    return convert_to_tensor(value, dtype)


@keras_export("keras.ops.squareplus", "keras.ops.nn.squareplus")
def squareplus(x, b=4):
    """``(x + sqrt(x ** 2 + b)) / 2``.  As Keras' TF backend: ``b`` converts to ``x``'s dtype
    (cast for integer ``x``, TF's conversion errors otherwise), then TF's ``Sqrt``/``AddV2``
    run (their dtype and shape errors)."""
    if type(b) in _NUMBERS and _floating(x):
        x = x._value
        return wrap((x + torch.sqrt(torch.square(x) + b)) / 2)
    x = convert_to_tensor(x)
    b = _keras_converted(b, x.dtype)
    y = x + elementwise_ops.sqrt(elementwise_ops.square(x) + b)
    return y / 2


@keras_export("keras.ops.sparse_plus", "keras.ops.nn.sparse_plus")
def sparse_plus(x):
    """0 for ``x <= -1``, ``(x + 1) ** 2 / 4`` for ``|x| < 1``, ``x`` above.  Keras' TF
    backend compares ``x`` as given (NumPy's or Python's errors and dtypes for arrays and
    lists) and selects with ``tf.where``, as done here for all but floating tensors."""
    if _floating(x):
        x = x._value
        square = 0.25 * torch.square(x + 1)
        return wrap(torch.where(x <= -1, torch.zeros_like(x), torch.where(x < 1, square, x)))
    return where(
        x <= -1,
        zeros_like(x),
        where(x < 1, (1 / 4) * elementwise_ops.pow(x + 1, 2), x),
    )


@keras_export("keras.ops.soft_shrink", "keras.ops.nn.soft_shrink")
def soft_shrink(x, threshold=0.5):
    """``x`` moved ``threshold`` toward 0, and 0 within ``[-threshold, threshold]``.  Keras'
    TF backend compares ``x`` as given (NumPy's or Python's errors and dtypes for arrays and
    lists) and selects with ``tf.where``, as done here for all but floating tensors with a
    number ``threshold``."""
    if type(threshold) in _NUMBERS and _floating(x):
        x = x._value
        zero = torch.zeros_like(x)
        return wrap(
            torch.where(
                x > threshold, x - threshold, torch.where(x < -threshold, x + threshold, zero)
            )
        )
    return where(
        x > threshold,
        x - threshold,
        where(x < -threshold, x + threshold, zeros_like(x)),
    )


@keras_export("keras.ops.hard_shrink", "keras.ops.nn.hard_shrink")
def hard_shrink(x, threshold=0.5):
    """``x`` where ``|x| > threshold``, else 0; TF converts ``threshold`` to ``x``'s dtype
    first (a float threshold refuses non-floating ``x``, ``None`` does not convert)."""
    if threshold is None:
        storage(threshold)
    x = constant_input(x, threshold) if isinstance(threshold, float) else storage(x)
    return wrap(torch.where(torch.abs(x) > threshold, x, torch.zeros_like(x)))


@keras_export("keras.ops.tanh_shrink", "keras.ops.nn.tanh_shrink")
def tanh_shrink(x):
    """``x - tanh(x)``."""
    x = storage(x)
    return wrap(x - torch.tanh(x))


@keras_export("keras.ops.threshold", "keras.ops.nn.threshold")
def threshold(x, threshold, default_value):
    """``x`` where ``x > threshold``, else ``default_value``.  Keras' TF backend compares ``x``
    as given (NumPy's or Python's errors for arrays and lists) and selects with ``tf.where``
    (``default_value`` converted to ``x``'s dtype), as done here for all but floating tensors
    with number arguments."""
    if type(threshold) in _NUMBERS and type(default_value) in _NUMBERS and _floating(x):
        x = x._value
        default = torch.as_tensor(default_value, dtype=x.dtype, device=x.device)
        return wrap(torch.where(x > threshold, x, default))
    return where(x > threshold, x, default_value)


def _normalized_axes(x, axis):
    axes = sorted(a % x.dim() for a in ((axis,) if isinstance(axis, int) else axis))
    shape = [1] * x.dim()
    for a in axes:
        shape[a] = x.shape[a]
    return axes, shape


@keras_export("keras.ops.layer_normalization", "keras.ops.nn.layer_normalization")
def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    """``(x - mean) / sqrt(var + epsilon) * gamma + beta`` over ``axis``, computed in
    ``result_type(x, float32)`` and cast back (``rms_scaling=True`` skips the centring)."""
    rms_scaling = kwargs.pop("rms_scaling", False)
    if rms_scaling:
        warnings.warn(
            "You passed `rms_scaling=True`, which is deprecated. This argument incorrectly scales "
            "the "
            "input by the variance, not the root mean square. To correctly use RMS Normalization, "
            "please "
            "use `keras.ops.rms_normalization` / `keras.ops.nn.rms_normalization` instead.",
            stacklevel=1,
        )
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments: {kwargs}")
    epsilon = config.epsilon() if epsilon is None else epsilon
    _keras_layer_norm_checks(x, gamma, beta, axis)
    x = storage(x)
    original = x.dtype
    x = x.to(TORCH[result_type(NAME[original], "float32")])
    axes, shape = _normalized_axes(x, axis)

    def lay(v):
        if v is None:
            return None
        v = storage(v).to(x.dtype)
        return v if v.dim() == x.dim() else v.reshape(shape)

    gamma, beta = lay(gamma), lay(beta)
    variance = torch.var(x, dim=axes, keepdim=True, correction=0)
    inv = torch.rsqrt(variance + epsilon)
    if rms_scaling:
        out = x * inv if gamma is None else x * inv * gamma
    else:
        mean = torch.mean(x, dim=axes, keepdim=True)
        if gamma is not None:
            inv = inv * gamma
        out = x * inv + (-mean * inv + (beta if beta is not None else 0))
    return wrap(out.to(original))


def _keras_layer_norm_checks(x, gamma, beta, axis):
    """What Keras' ``layer_normalization`` refuses before computing: a value without a dtype
    (its ``AttributeError``), a NumPy string array (``standardize_dtype``'s error), an axis past
    the rank (its ``IndexError``), a ``gamma``/``beta`` of another rank whose size does not
    reshape to the normalized axes (TF's ``Reshape`` error), one of the same rank that does not
    broadcast with the statistics (``Mul``'s error)."""
    dtype = x.dtype
    if isinstance(x, np.ndarray) and dtype.kind in "OSU":
        raise ValueError("Invalid dtype: %s" % dtype.name)
    dims = tuple(x.shape)
    axes = sorted([axis] if isinstance(axis, int) else axis)
    target = [1] * len(dims)
    for dim in axes:
        target[dim] = dims[dim]
    for value in (gamma, beta):
        if value is None:
            continue
        shape = tuple(value.shape) if hasattr(value, "shape") else np.shape(value)
        if len(shape) == len(dims):
            # no reshape: the statistics' shape (normalized axes kept as 1) times ``value``
            kept = tuple(1 if i in [a % len(dims) for a in axes] else d for i, d in enumerate(dims))
            broadcast_shapes("Mul", kept, shape)
            continue
        if axes == [len(dims) - 1]:
            continue
        size = math.prod(shape)
        if len(shape) != len(dims) and size != math.prod(target):
            raise op_error(
                "Reshape",
                "Input to reshape is a tensor with %d values, but the requested shape has %d"
                % (size, math.prod(target)),
                name=None,
            )


@keras_export("keras.ops.rms_normalization", "keras.ops.nn.rms_normalization")
def rms_normalization(x, scale=None, axis=-1, epsilon=None):
    """``x / sqrt(mean(x ** 2) + epsilon) * scale`` over ``axis``, computed in
    ``result_type(x, float32)`` and cast back.  A floating tensor normalized over one axis in
    range (``scale`` a tensor or absent) runs on torch; everything else runs Keras' code on
    ``keras.ops`` (its errors: ``x.dtype`` read first, ``scale`` converted to the compute
    dtype, TF's ``Mean`` axis checks and ``Mul`` shape checks, a scalar ``x`` made rank 1)."""
    epsilon = config.epsilon() if epsilon is None else epsilon
    if (
        _floating(x)
        and type(axis) is int
        and -x._value.dim() <= axis < x._value.dim()
        and (scale is None or isinstance(scale, TensorOperators))
        and type(epsilon) in _NUMBERS
    ):
        value = x._value
        original = value.dtype
        value = value.to(TORCH[result_type(NAME[original], "float32")])
        out = value * torch.rsqrt(torch.mean(torch.square(value), dim=axis, keepdim=True) + epsilon)
        if scale is not None:
            scale = scale._value.to(value.dtype)
            try:
                out = out * scale
            except RuntimeError:
                broadcast_shapes("Mul", tuple(out.shape), tuple(scale.shape))
                raise
        return wrap(out.to(original))
    return _keras_rms_normalization(x, scale, axis, epsilon)


def _keras_rms_normalization(x, scale, axis, epsilon):
    """Keras' ``_rms_normalization`` (its non-torch branch) on ``keras.ops``."""
    from .. import ops

    original = standardize_dtype(x.dtype)
    x = ops.convert_to_tensor(x, dtype=result_type(original, "float32"))
    if scale is not None:
        scale = ops.convert_to_tensor(scale, x.dtype)
    if isinstance(axis, (tuple, list)):
        axis = sorted(axis)
    if len(x.shape) == 0:
        x = ops.expand_dims(x, axis=0)
    rrms = ops.rsqrt(ops.mean(ops.square(x), axis=axis, keepdims=True) + epsilon)
    outputs = ops.multiply(x, rrms)
    if scale is not None:
        outputs = ops.multiply(outputs, scale)
    return ops.cast(outputs, original)


@keras_export("keras.ops.separable_conv", "keras.ops.nn.separable_conv")
def separable_conv(
    inputs,
    depthwise_kernel,
    pointwise_kernel,
    strides=1,
    padding="valid",
    data_format=None,
    dilation_rate=1,
):
    """Depthwise convolution followed by a 1x1 ``pointwise_kernel`` convolution (1-D or 2-D).
    Arguments the torch path fails on run through Keras' TF-backend code on
    ``tf.nn.separable_conv2d`` (TF's errors, in TF's order)."""
    try:
        if storage(inputs).dim() in (3, 4):
            return _separable_conv(
                inputs,
                depthwise_kernel,
                pointwise_kernel,
                strides,
                padding,
                data_format,
                dilation_rate,
            )
    except (RuntimeError, ValueError, TypeError, KeyError, AttributeError, IndexError, OpError):
        pass
    return _conv_reference.separable_conv(
        inputs, depthwise_kernel, pointwise_kernel, strides, padding, data_format, dilation_rate
    )


def _separable_conv(
    inputs, depthwise_kernel, pointwise_kernel, strides, padding, data_format, dilation_rate
):
    from .nn import conv, depthwise_conv

    depthwise = depthwise_conv(
        inputs, depthwise_kernel, strides, padding, data_format, dilation_rate
    )
    return conv(depthwise, pointwise_kernel, 1, "valid", data_format, 1)


_CONV_T = {
    1: torch.nn.functional.conv_transpose1d,
    2: torch.nn.functional.conv_transpose2d,
    3: torch.nn.functional.conv_transpose3d,
}


def _transpose_length(size, kernel, stride, padding, output_padding):
    if output_padding is None:
        return size * stride + (max(kernel - stride, 0) if padding == "valid" else 0)
    pad = kernel // 2 if padding == "same" else 0
    return (size - 1) * stride + kernel - 2 * pad + output_padding


@keras_export("keras.ops.conv_transpose", "keras.ops.nn.conv_transpose")
def conv_transpose(
    inputs,
    kernel,
    strides=1,
    padding="valid",
    output_padding=None,
    data_format=None,
    dilation_rate=1,
):
    """Transposed N-D convolution; ``kernel`` is ``spatial + (out_channels, in_channels)``
    (Keras' layout); output sizes and the placement of ``'same'`` padding follow TF's
    ``conv_transpose`` (the gradient of a forward convolution).  Keras' checks (data format,
    channels, rank, padding) and TF's stride check come first."""
    from .nn import _channels_first, _padding, _restore, _tuple

    data_format = _conv_reference.standardize_data_format(data_format)
    _conv_reference.check_input_channels(storage(inputs), storage(kernel), data_format, -1)
    _conv_reference.data_format_code(data_format, storage(inputs).dim())
    if str(padding).lower() not in ("valid", "same"):
        raise ValueError(
            f"The `padding` argument must be one of 'valid', 'same'. Received: {padding}"
        )
    rank = storage(inputs).dim()
    _conv_reference.check_strides(
        strides, "Conv3DBackpropInputV2" if rank == 5 else "Conv2DBackpropInput", name=None
    )
    x, data_format = _channels_first(storage(inputs), data_format)
    w = storage(kernel)
    n = w.dim() - 2
    strides, dilation = _tuple(strides, n), _tuple(dilation_rate, n)
    padding = _padding(padding)
    extra = (None,) * n if output_padding is None else _tuple(output_padding, n)
    weight = torch.movedim(torch.movedim(w, -1, 0), -1, 1)
    out = _CONV_T[n](x, weight, None, strides, 0, 0, 1, dilation)
    index = [slice(None), slice(None)]
    pads = []
    for axis in range(n):
        size, stride = x.shape[2 + axis], strides[axis]
        k_eff = (w.shape[axis] - 1) * dilation[axis] + 1
        length = _transpose_length(size, k_eff, stride, padding, extra[axis])
        full = out.shape[2 + axis]
        before = max(full - length, 0) // 2 if padding == "same" else 0
        index.append(slice(before, before + length))
        pads.append(max(before + length - full, 0))
    out = out[tuple(index)]
    if any(pads):
        out = torch.nn.functional.pad(out, [p for pad in reversed(pads) for p in (0, pad)])
    return wrap(_restore(out, data_format))
