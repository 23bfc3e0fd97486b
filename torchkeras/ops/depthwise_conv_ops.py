"""``tf.nn.depthwise_conv2d`` and ``tf.nn.separable_conv2d``.

TF's ``DepthwiseConv2dNative`` (filters ``[fh, fw, in_channels, multiplier]``, output channel
``c * multiplier + m``) is one grouped torch convolution; dilations go through TF's
``with_space_to_batch`` (``_window.with_space_to_batch``), as in TF, so strided dilated calls
give TF's values too.  NCHW runs everywhere (TF's CPU kernel accepts NHWC only).
"""

from __future__ import annotations

import warnings

import torch
import torch.nn.functional as F

from ..api_export import tf_export
from ..framework.op_errors import input_dtype_error
from ..framework.tensor import wrap
from . import _window as W
from ._args import storage_of
from .conv_ops import compute_dtype, conv_nd

__all__ = []

_OP = "DepthwiseConv2dNative"
_TYPES = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))
_SIGNATURE = (
    "signature=input:T, filter:T -> output:T; attr=T:type,allowed=[DT_HALF, DT_BFLOAT16, "
    'DT_FLOAT, DT_DOUBLE]; attr=strides:list(int); %sattr=padding:string,allowed=["SAME", '
    '"VALID", "EXPLICIT"]; %s; attr=dilations:list(int),default=[1, 1, 1, 1]'
)
_EXPLICIT = "attr=explicit_paddings:list(int),default=[]"
_FORMAT = 'attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW"]'
W.SIGNATURES[_OP] = _SIGNATURE % ("", _EXPLICIT + "; " + _FORMAT)
W.SIGNATURES["_MklNative" + _OP] = _SIGNATURE % (
    "attr=is_filter_const:bool,default=false; ",
    _FORMAT + "; " + _EXPLICIT,
)


def _depthwise_native(a, f, strides, padding, explicit, channels_first):
    """TF's ``DepthwiseConv2dNative`` kernel on storages (``strides``: TF's list of 4)."""
    if not isinstance(strides, (list, tuple)):
        raise TypeError(
            "Expected list for 'strides' argument to 'depthwise_conv2d_native' Op, not %r."
            % (strides,)
        )
    if a.dtype not in _TYPES:
        raise W.dtype_error(_OP, a)
    kernel = W.kernel_for(_OP, a)
    mkl = kernel != _OP
    if padding not in ("SAME", "VALID", "EXPLICIT"):
        raise W.attr_value_error(_OP, kernel, "padding", padding, '"SAME", "VALID", "EXPLICIT"')
    if len(strides) != 4:
        raise W.kernel_error(
            _OP,
            kernel,
            "Sliding window strides field must specify %s dimensions" % ("4 or 5" if mkl else 4),
            a,
        )
    strides = [int(s) for s in strides]
    c = 1 if channels_first else 3
    if strides[0] != 1 or strides[c] != 1:
        raise W.kernel_error(
            _OP,
            kernel,
            "Current implementation does not yet support strides in the batch and depth "
            "dimensions.",
            a,
        )
    W.check_positive(_OP, kernel, a, strides, "Stride must be > 0, but got %d")
    spatial = W.spatial_dims(4, 2, channels_first)
    depth = a.shape[c]
    if f.shape[2] != depth:
        text = (
            "input depth must be evenly divisible by filter depth: %d vs %d"
            if mkl
            else "input and filter must have the same depth: %d vs %d"
        )
        raise W.kernel_error(_OP, kernel, text % (depth, f.shape[2]), a)
    pairs = [explicit[2 * d : 2 * d + 2] for d in spatial] if padding == "EXPLICIT" else None
    step = [strides[d] for d in spatial]
    pads, outs = W.window_pads(
        _OP,
        kernel,
        a,
        [a.shape[d] for d in spatial],
        list(f.shape[:2]),
        step,
        [1, 1],
        padding,
        pairs,
    )
    work = compute_dtype(a)
    xc = W.pad_spatial((a if channels_first else a.movedim(-1, 1)).to(work), pads)
    weight = f.to(work).reshape(f.shape[0], f.shape[1], 1, -1).permute(3, 2, 0, 1)
    if 0 in outs:
        out = xc.sum() * torch.zeros(
            [a.shape[0], weight.shape[0]] + outs, dtype=work, device=a.device
        )
    else:
        out = F.conv2d(xc, weight, stride=step, groups=depth)
    out = out.to(a.dtype)
    return out if channels_first else out.movedim(1, -1)


def _depthwise(input, filter, strides, padding, data_format, rate):  # noqa: A002
    a = storage_of(input)
    f = storage_of(filter)
    if f.dtype != a.dtype:
        raise input_dtype_error(_OP, 1, a, f)
    rate = [1, 1] if rate is None else list(rate)
    if any(r > 1 for r in rate) and any(s != 1 for s in strides):
        warnings.warn(
            "When dilation rate is greater than 1, then all values of strides must be 1. "
            f"Received: `dilation rate` {rate} and `strides` {strides}",
            stacklevel=3,
        )
    channels_first = data_format == "NCHW"
    padding, explicit = W.convert_padding(padding)
    if padding == "EXPLICIT" and any(r > 1 for r in rate):
        raise ValueError("padding must be SAME or VALID")
    return W.with_space_to_batch(
        a,
        [int(r) for r in rate],
        list(f.shape[:2]),
        padding,
        channels_first,
        lambda x, pad: _depthwise_native(x, f, strides, pad, explicit, channels_first),
    )


@tf_export("nn.depthwise_conv2d")
def depthwise_conv2d(  # noqa: A002
    input, filter, strides, padding, data_format=None, dilations=None, name=None
):
    """``tf.nn.depthwise_conv2d``: each input channel convolved with its own ``multiplier``
    filters (``filter``: ``[fh, fw, in_channels, multiplier]``; ``strides``: a list of 4;
    ``dilations``: 2 rates, through space-to-batch as TF)."""
    return wrap(_depthwise(input, filter, strides, padding, data_format, dilations))


@tf_export("nn.separable_conv2d")
def separable_conv2d(
    input,
    depthwise_filter,
    pointwise_filter,
    strides,
    padding,
    data_format=None,
    dilations=None,
    name=None,
):  # noqa: A002
    """``tf.nn.separable_conv2d``: ``depthwise_conv2d`` followed by a 1x1 ``conv2d`` with
    ``pointwise_filter`` (``[1, 1, in_channels * multiplier, out_channels]``)."""
    a = storage_of(input)
    p = storage_of(pointwise_filter)
    if p.ndim != 4:
        raise ValueError("Shape %s must have rank 4" % (tuple(p.shape),))
    for i in (0, 1):
        if p.shape[i] != 1:
            raise ValueError("Dimensions %d and 1 are not compatible" % p.shape[i])
    depthwise = _depthwise(a, depthwise_filter, strides, padding, data_format, dilations)
    channels_first = data_format == "NCHW"
    if p.dtype != depthwise.dtype:
        raise input_dtype_error("Conv2D", 1, depthwise, p, kernel=W.kernel_for("Conv2D", depthwise))
    return wrap(
        conv_nd("Conv2D", depthwise, p, 2, [1, 1, 1, 1], "VALID", [], channels_first, [1] * 4)
    )
