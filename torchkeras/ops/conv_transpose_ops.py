"""``tf.nn`` transposed convolutions: ``conv1d_transpose``, ``conv2d_transpose``,
``conv3d_transpose`` and ``conv_transpose`` (TF's ``Conv2DBackpropInput`` /
``Conv3DBackpropInputV2``: the gradient of a convolution with respect to its input).

One torch transposed convolution gives the full-length result, which is then cropped by the
forward convolution's padding (SAME's extra cell after, explicit pairs) to ``output_shape``.
TF checks that ``output_shape`` is consistent with the input (its forward convolution must
give the input's spatial sizes); the texts are those of TF's portable kernels (TF's CPU
oneDNN kernels report some of them differently, e.g. as ``AbortedError``).  Differences from
TF's CPU kernels: dilations and NCHW run everywhere, as TF on GPU.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from ..api_export import tf_export
from ..framework.tensor import wrap
from . import _window as W
from ._args import converted_like, int_list, storage_of
from .conv_ops import compute_dtype

__all__ = []

_TORCH_CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
_TYPES = {
    2: frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.int32)),
    3: frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64)),
}
_OPS = {2: "Conv2DBackpropInput", 3: "Conv3DBackpropInputV2"}
_PREFIX = {2: "Conv2DCustomBackpropInput: ", 3: "Conv3DBackpropInputOp: "}


def _error(n, text, a):
    return W.kernel_error(_OPS[n], _OPS[n], _PREFIX[n] + text, a)


def conv_transpose_nd(x, w, output_shape, n, strides, padding, explicit, channels_first, dilations):
    """TF's ``Conv{n}DBackpropInput`` on storages: the input gradient of the convolution of an
    ``output_shape`` input giving ``x`` (full ``n + 2`` strides/dilations lists)."""
    opname = _OPS[n]
    a = storage_of(x)
    f = converted_like(w, a)
    if a.dtype not in _TYPES[n]:
        raise W.dtype_error(opname, a, name_part=n != 2)
    allowed = '"SAME", "VALID", "EXPLICIT"' if n == 2 else '"SAME", "VALID"'
    if padding not in ("SAME", "VALID") and not (n == 2 and padding == "EXPLICIT"):
        raise W.attr_value_error(opname, opname, "padding", padding, allowed)
    shape = [int(d) for d in int_list(output_shape, opname, "T")]
    strides, dilations = [int(s) for s in strides], [int(d) for d in dilations]
    c = 1 if channels_first else n + 1
    spatial = W.spatial_dims(n + 2, n, channels_first)
    if strides[0] != 1 or strides[c] != 1:
        raise W.kernel_error(
            opname,
            opname,
            "Current implementation does not yet support strides in the batch and depth "
            "dimensions.",
            a,
        )
    W.check_positive(opname, opname, a, strides, "Stride must be > 0, but got %d")
    W.check_positive(opname, opname, a, dilations, "Dilated rates should be larger than 0.")
    if shape[0] != a.shape[0]:
        raise _error(
            n,
            "input and out_backprop must have the same batch size. Input batch: %d, outbackprop "
            "batch: %d, batch_dim: 0" % (shape[0], a.shape[0]),
            a,
        )
    if shape[c] % f.shape[n]:
        raise _error(n, "input depth must be evenly divisible by filter depth", a)
    if f.shape[n + 1] != a.shape[c]:
        raise _error(n, "filter and out_backprop must have the same out_depth", a)
    sizes = [shape[d] for d in spatial]
    step = [strides[d] for d in spatial]
    rate = [dilations[d] for d in spatial]
    pairs = [explicit[2 * d : 2 * d + 2] for d in spatial] if padding == "EXPLICIT" else None
    pads, outs = W.window_pads(
        opname, opname, a, sizes, list(f.shape[:n]), step, rate, padding, pairs
    )
    for i, (d, out) in enumerate(zip(spatial, outs)):
        if out != a.shape[d]:
            raise _error(
                n,
                "Size of out_backprop doesn't match computed: actual = %d, computed = %d "
                "spatial_dim: %d input: %d filter: %d output: %d stride: %d dilation: %d"
                % (a.shape[d], out, d, sizes[i], f.shape[i], a.shape[d], step[i], rate[i]),
                a,
            )
    work = compute_dtype(a)
    xc = (a if channels_first else a.movedim(-1, 1)).to(work)
    weight = f.to(work).permute([n + 1, n] + list(range(n)))
    full = _TORCH_CONV_T[n](xc, weight, stride=step, dilation=rate, groups=shape[c] // f.shape[n])
    short = [
        max(before + size - length, 0)
        for (before, _), size, length in zip(pads, sizes, full.shape[2:])
    ]
    full = W.pad_spatial(full, [(0, s) for s in short])
    out = full[
        (slice(None), slice(None)) + tuple(slice(b, b + s) for (b, _), s in zip(pads, sizes))
    ]
    if not channels_first:
        out = out.movedim(1, -1)
    if out.dtype != a.dtype:
        out = out.round().to(a.dtype) if a.dtype == torch.int32 else out.to(a.dtype)
    return out


@tf_export("nn.conv2d_transpose")
def conv2d_transpose(
    input,
    filters,
    output_shape,
    strides,
    padding="SAME",
    data_format="NHWC",
    dilations=None,
    name=None,
):  # noqa: A002
    """``tf.nn.conv2d_transpose``: the transpose (input gradient) of ``conv2d`` for an input of
    ``output_shape``; ``filters`` are ``[fh, fw, out_channels, in_channels]``."""
    data_format = "NHWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 3
    strides = W.get_sequence(strides, 2, channel, "strides")
    dilations = W.get_sequence(dilations, 2, channel, "dilations")
    padding, explicit = W.convert_padding(padding)
    return wrap(
        conv_transpose_nd(
            input, filters, output_shape, 2, strides, padding, explicit, channel == 1, dilations
        )
    )


@tf_export("nn.conv1d_transpose")
def conv1d_transpose(
    input,
    filters,
    output_shape,
    strides,
    padding="SAME",
    data_format="NWC",
    dilations=None,
    name=None,
):  # noqa: A002
    """``tf.nn.conv1d_transpose``: the transpose of ``conv1d``, run as TF runs it (a 2-D one over
    a unit height); ``filters`` are ``[fw, out_channels, in_channels]``."""
    if data_format is None or data_format == "NWC":
        channels_first = False
    elif data_format == "NCW":
        channels_first = True
    else:
        raise ValueError(
            f"`data_format` must be 'NWC' or 'NCW'. Received: data_format={data_format}"
        )
    channel = 1 if channels_first else 2
    strides = [1] + W.get_sequence(strides, 1, channel, "stride")
    dilations = [1] + W.get_sequence(dilations, 1, channel, "dilations")
    spatial = 2 if channels_first else 1
    shape = int_list(output_shape, "Conv2DBackpropInput", "T")
    shape = shape[:spatial] + [1] + shape[spatial:]
    a = storage_of(input)
    out = conv_transpose_nd(
        a.unsqueeze(spatial),
        converted_like(filters, a).unsqueeze(0),
        shape,
        2,
        strides,
        W.string_padding(padding),
        [],
        channels_first,
        dilations,
    )
    return wrap(out.squeeze(spatial))


@tf_export("nn.conv3d_transpose")
def conv3d_transpose(
    input,
    filters,
    output_shape,
    strides,
    padding="SAME",
    data_format="NDHWC",
    dilations=None,
    name=None,
):  # noqa: A002
    """``tf.nn.conv3d_transpose``: the transpose of ``conv3d``; ``filters`` are
    ``[fd, fh, fw, out_channels, in_channels]``."""
    data_format = "NDHWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 4
    strides = W.get_sequence(strides, 3, channel, "strides")
    dilations = W.get_sequence(dilations, 3, channel, "dilations")
    return wrap(
        conv_transpose_nd(
            input,
            filters,
            output_shape,
            3,
            strides,
            W.string_padding(padding),
            [],
            channel == 1,
            dilations,
        )
    )


@tf_export("nn.conv_transpose")
def conv_transpose(
    input,
    filters,
    output_shape,
    strides,
    padding="SAME",
    data_format=None,
    dilations=None,
    name=None,
):  # noqa: A002
    """``tf.nn.conv_transpose``: ``conv1d/2d/3d_transpose`` by the length of ``output_shape``."""
    if isinstance(output_shape, (list, tuple)) or hasattr(output_shape, "__len__"):
        n = len(output_shape) - 2
    else:
        raise ValueError(
            "`output_shape` must be a tensor or sized collection. "
            f"Received: output_shape={output_shape}"
        )
    if not 1 <= n <= 3:
        raise ValueError(
            f"`output_shape` must be of length 3, 4 or 5. "
            f"Received: output_shape={output_shape} of length {n + 2}."
        )
    op = (conv1d_transpose, conv2d_transpose, conv3d_transpose)[n - 1]
    return op(input, filters, output_shape, strides, padding, data_format, dilations)
