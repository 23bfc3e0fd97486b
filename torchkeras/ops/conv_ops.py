"""``tf.nn`` convolutions: ``conv1d/2d/3d``, ``convolution``, ``atrous_conv2d``,
``depthwise_conv2d``, ``separable_conv2d`` and the transposed ``conv1d/2d/3d_transpose``.

TF's filter layouts (``[*window, in_channels, out_channels]``, transposed:
``[*window, out_channels, in_channels]``) are permuted to torch's, the input is moved to
channels-first and padded by TF's SAME/explicit paddings (SAME's extra cell after), and one
torch convolution runs, so gradients flow under ``tf.GradientTape``.  Integer (int32) inputs
are computed in float64 and cast back.  Differences from TF's CPU kernels: NCHW/NCDHW and
dilated Conv3D run everywhere (as TF on GPU), and the checks TF's CPU build makes in oneDNN
only (e.g. its ``AbortedError`` for negative explicit paddings) raise TF's portable kernel's
error instead.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

from ..api_export import tf_export
from ..framework.errors import UnimplementedError
from ..framework.op_errors import dims_text
from ..framework.tensor import wrap
from . import _window as W
from ._args import converted_like, storage_of

__all__ = []

_CONV2D_TYPES = frozenset(
    (torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int32)
)
_FLOAT_TYPES = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))
_TORCH_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}


def _inputs(x, w):
    a = storage_of(x)
    return a, converted_like(w, a)


def compute_dtype(a):
    """The dtype torch computes in: int32 in float64 (exact), float16 on CPU in float32."""
    if a.dtype == torch.int32:
        return torch.float64
    if a.dtype == torch.float16 and a.device.type == "cpu":
        return torch.float32
    return a.dtype


def _merge_batch(a, n):
    """``a`` with its leading batch dims merged into one (TF's ``squeeze_batch_dims``), and
    the leading shape to restore."""
    lead = tuple(a.shape[: a.ndim - n - 1])
    return a.reshape((-1,) + tuple(a.shape[a.ndim - n - 1 :])), lead


def _check_attrs(opname, kernel, a, strides, dilations, channels_first, n):
    """TF's kernel checks of the full strides/dilations lists (texts and error classes differ
    between the portable and oneDNN kernels, as in TF 2.21's CPU build)."""
    c = 1 if channels_first else n + 1
    if strides[0] != 1 or strides[c] != 1:
        raise W.kernel_error(
            opname,
            kernel,
            "Current implementation does not yet support strides in the batch and depth "
            "dimensions.",
            a,
            UnimplementedError if n == 2 else W.InvalidArgumentError,
        )
    if dilations[0] != 1 or dilations[c] != 1:
        rates = "dilations" if n == 2 else "dilation rates"
        if kernel.startswith("_Mkl") and n == 3:
            rates = "dilations rates"
        raise W.kernel_error(
            opname,
            kernel,
            "Current implementation does not yet support %s in the batch and depth dimensions."
            % rates,
            a,
            UnimplementedError
            if n == 2 and not kernel.startswith("_Mkl")
            else W.InvalidArgumentError,
        )
    W.check_positive(opname, kernel, a, strides, "Stride must be > 0, but got %d")
    W.check_positive(opname, kernel, a, dilations, "Dilated rates should be larger than 0.")


def conv_nd(opname, x, w, n, strides, padding, explicit, channels_first, dilations):
    """TF's ``Conv2D``/``Conv3D`` kernel on storages (``n`` spatial dims; ``strides`` and
    ``dilations``: the full ``n + 2`` lists; ``padding``: SAME, VALID or EXPLICIT with
    ``explicit`` TF's flat ``2 * (n + 2)`` list)."""
    a, f = _inputs(x, w)
    kernel = W.kernel_for(opname, a)
    if a.dtype not in (_CONV2D_TYPES if n == 2 else _FLOAT_TYPES):
        raise W.dtype_error(opname, a, name_part=n != 2)
    paddings = ("SAME", "VALID", "EXPLICIT") if n == 2 else ("SAME", "VALID")
    if padding not in paddings:
        allowed = ", ".join('"%s"' % p for p in paddings)
        raise W.attr_value_error(opname, kernel, "padding", padding, allowed)
    if a.ndim < n + 2 or f.ndim != n + 2:
        which, storage = ("input", a) if a.ndim < n + 2 else ("filter", f)
        text = (
            "convolution %s must be 4-dimensional: %s" % (which, dims_text(storage.shape))
            if n == 2
            else "%s must be 5-dimensional" % which
        )
        raise W.kernel_error(opname, kernel, text, a)
    if padding == "EXPLICIT":
        W.check_explicit(opname, kernel, a, explicit, channels_first)
    strides, dilations = [int(s) for s in strides], [int(d) for d in dilations]
    _check_attrs(opname, kernel, a, strides, dilations, channels_first, n)
    a, lead = _merge_batch(a, n)
    spatial = W.spatial_dims(n + 2, n, channels_first)
    in_depth = a.shape[1 if channels_first else -1]
    filter_depth = f.shape[n]
    if filter_depth == 0 or in_depth % filter_depth or (n == 3 and in_depth != filter_depth):
        text = (
            "input depth must be evenly divisible by filter depth: %d vs %d"
            if n == 2
            else "input and filter must have the same depth: %d vs %d"
        )
        raise W.kernel_error(opname, kernel, text % (in_depth, filter_depth), a)
    pairs = [explicit[2 * d : 2 * d + 2] for d in spatial] if padding == "EXPLICIT" else None
    pads, outs = W.window_pads(
        opname,
        kernel,
        a,
        [a.shape[d] for d in spatial],
        list(f.shape[:n]),
        [strides[d] for d in spatial],
        [dilations[d] for d in spatial],
        padding,
        pairs,
    )
    work = compute_dtype(a)
    xc = a if channels_first else a.movedim(-1, 1)
    xc = W.pad_spatial(xc.to(work), pads)
    weight = f.to(work).permute([n + 1, n] + list(range(n)))
    if 0 in outs:  # torch refuses empty outputs; TF gives an empty tensor (zero gradients)
        out = (
            xc.sum()
            * weight.sum()
            * torch.zeros([a.shape[0], f.shape[-1]] + outs, dtype=work, device=a.device)
        )
    else:
        out = _TORCH_CONV[n](
            xc,
            weight,
            stride=[strides[d] for d in spatial],
            dilation=[dilations[d] for d in spatial],
            groups=in_depth // filter_depth,
        )
    if not channels_first:
        out = out.movedim(1, -1)
    if out.dtype != a.dtype:
        out = out.round().to(a.dtype) if a.dtype == torch.int32 else out.to(a.dtype)
    return out.reshape(lead + tuple(out.shape[1:]))


@tf_export("nn.conv2d")
def conv2d(  # noqa: A002
    input, filters, strides, padding, data_format="NHWC", dilations=None, name=None
):
    """``tf.nn.conv2d``: 2-D cross-correlation of ``[batch, h, w, in]`` (or NCHW) input with
    ``[fh, fw, in / groups, out]`` filters; ``padding`` is ``'SAME'``, ``'VALID'`` or TF's
    explicit list of 4 pairs; extra leading batch dims are kept."""
    data_format = "NHWC" if data_format is None else data_format
    padding, explicit = W.convert_padding(padding)
    if data_format not in ("NHWC", "NCHW"):
        a = storage_of(input)
        raise W.attr_value_error(
            "Conv2D", W.kernel_for("Conv2D", a), "data_format", data_format, '"NHWC", "NCHW"'
        )
    channel = 1 if data_format.startswith("NC") else 3
    strides = W.get_sequence(strides, 2, channel, "strides")
    dilations = W.get_sequence(dilations, 2, channel, "dilations")
    return wrap(
        conv_nd("Conv2D", input, filters, 2, strides, padding, explicit, channel == 1, dilations)
    )


@tf_export("nn.conv1d")
def conv1d(  # noqa: A002
    input, filters, stride, padding, data_format="NWC", dilations=None, name=None
):
    """``tf.nn.conv1d``: 1-D cross-correlation of ``[batch, width, in]`` (or NCW) input with
    ``[fw, in, out]`` filters, run as TF runs it: a ``Conv2D`` over a unit height."""
    if data_format is None or data_format in ("NHWC", "NWC"):
        channels_first = False
    elif data_format in ("NCHW", "NCW"):
        channels_first = True
    else:
        raise ValueError(
            f"`data_format` must be 'NWC' or 'NCW'. Received: data_format={data_format}"
        )
    channel = 1 if channels_first else 2
    strides = [1] + W.get_sequence(stride, 1, channel, "stride")
    dilations = [1] + W.get_sequence(dilations, 1, channel, "dilations")
    W.string_padding(padding)
    a, f = _inputs(input, filters)
    spatial = -2 if channels_first else -3
    out = conv_nd(
        "Conv2D",
        a.unsqueeze(spatial),
        f.unsqueeze(0),
        2,
        strides,
        padding,
        [],
        channels_first,
        dilations,
    )
    return wrap(out.squeeze(spatial))


@tf_export("nn.conv3d")
def conv3d(  # noqa: A002
    input, filters, strides, padding, data_format="NDHWC", dilations=None, name=None
):
    """``tf.nn.conv3d``: 3-D cross-correlation of ``[batch, d, h, w, in]`` (or NCDHW) input with
    ``[fd, fh, fw, in, out]`` filters; ``strides`` and ``dilations`` are lists of 5 ints, as
    TF's op requires."""
    if not isinstance(strides, (list, tuple)):
        raise TypeError("Expected list for 'strides' argument to 'conv3d' Op, not %r." % strides)
    dilations = [1] * 5 if dilations is None else dilations
    if not isinstance(dilations, (list, tuple)):
        raise TypeError(
            "Expected list for 'dilations' argument to 'conv3d' Op, not %r." % (dilations,)
        )
    W.string_padding(padding)
    channels_first = data_format == "NCDHW"
    if data_format not in ("NDHWC", "NCDHW"):
        a = storage_of(input)
        raise W.attr_value_error(
            "Conv3D", W.kernel_for("Conv3D", a), "data_format", data_format, '"NDHWC", "NCDHW"'
        )
    a = storage_of(input)
    kernel = W.kernel_for("Conv3D", a)
    if len(strides) < 5:
        raise W.InvalidArgumentError(
            None,
            None,
            "Length for attr 'strides' of %d must be at least minimum 5\n\t; NodeDef: {{node %s}}; "
            "Op<name=%s; %s> [Op:Conv3D] name: "
            % (len(strides), kernel, kernel, W.SIGNATURES[kernel]),
        )
    for field, values in (("Sliding window strides", strides), ("Dilation rates", dilations)):
        if len(values) != 5:
            raise W.kernel_error("Conv3D", kernel, "%s field must specify 5 dimensions" % field, a)
    return wrap(conv_nd("Conv3D", a, filters, 3, strides, padding, [], channels_first, dilations))


@tf_export("nn.convolution")
def convolution(  # noqa: A002
    input, filters, strides=None, padding="VALID", data_format=None, dilations=None, name=None
):
    """``tf.nn.convolution``: the N-D (1 to 3 spatial dims, from the filters' rank) convolution
    with strides or dilations (not both above 1, as TF)."""
    f = storage_of(filters)
    n = f.ndim - 2
    if n not in (1, 2, 3):
        raise ValueError(
            "`num_spatial_dims` must be 1, 2, or 3. Received: num_spatial_dims=%d." % n
        )
    channels_first = data_format is not None and str(data_format).startswith("NC")
    channel = 1 if channels_first else n + 1
    strides = W.get_sequence(strides, n, channel, "strides")
    dilations = W.get_sequence(dilations, n, channel, "dilations")
    spatial = W.spatial_dims(n + 2, n, channels_first)
    rate = [dilations[d] for d in spatial]
    step = [strides[d] for d in spatial]
    if any(r < 1 for r in rate):
        raise ValueError(
            "all values of `dilation_rate` must be positive. Received: dilation_rate=%s"
            % np.array(rate)
        )
    if any(r > 1 for r in rate) and any(s > 1 for s in step):
        raise ValueError(
            "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: "
            "strides=%s and dilation_rate=%s" % (np.array(step), np.array(rate))
        )
    W.string_padding(padding)
    if n == 1:
        return conv1d(input, f, step, padding, "NCW" if channels_first else "NWC", rate)
    if n == 2:
        return conv2d(input, f, step, padding, "NCHW" if channels_first else "NHWC", rate)
    return conv3d(input, f, strides, padding, "NCDHW" if channels_first else "NDHWC", dilations)


@tf_export("nn.atrous_conv2d")
def atrous_conv2d(value, filters, rate, padding, name=None):
    """``tf.nn.atrous_conv2d``: NHWC ``conv2d`` with stride 1 and dilation ``rate``."""
    if int(rate) < 1:
        raise ValueError(f"rate {rate} cannot be less than one")
    return convolution(value, filters, None, padding, "NHWC", int(rate))
