"""``tf.nn`` pooling: ``max_pool1d/2d/3d``, ``max_pool``, ``avg_pool1d/2d/3d``, ``avg_pool``,
``pool`` and ``max_pool_with_argmax``.

The input is moved to channels-first and padded by TF's SAME/explicit paddings (SAME's extra
cell after; max pooling pads with the lowest value, average pooling leaves padded cells out
of each average, as TF), then one torch pooling runs, so gradients flow under
``tf.GradientTape`` (max pooling's to the first maximum of a window, as TF's CPU kernel).
Integer max pooling takes the maximum of unfolded windows (exact).  ``pool``'s dilations go
through TF's space-to-batch.  NCHW runs on every device.
"""

from __future__ import annotations

import collections

import numpy as np
import torch
import torch.nn.functional as F

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.device import tf_device_string
from ..framework.errors import AbortedError, NotFoundError, UnimplementedError
from ..framework.op_errors import device_of
from ..framework.op_errors import attr_error, type_name
from ..framework.tensor import TensorOperators, wrap
from . import _window as W
from ._args import storage_of

__all__ = []

_FLOATS = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))
_MAX_TYPES = {
    "MaxPool": _FLOATS | {torch.int32, torch.int64, torch.uint8, torch.int16, torch.int8},
    "MaxPool3D": frozenset((torch.float16, torch.bfloat16, torch.float32)),
}
_TORCH_MAX = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
_TORCH_AVG = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
_MAX_OP = {2: "MaxPool", 3: "MaxPool3D"}
_AVG_OP = {2: "AvgPool", 3: "AvgPool3D"}


_ONEDNN_MAX = {
    "MaxPool": frozenset((torch.float32, torch.bfloat16, torch.float16)),
    "MaxPool3D": frozenset((torch.float32, torch.bfloat16)),
}
"""Dtypes TF's CPU build max-pools with oneDNN (others run Eigen's kernel)."""


def empty_output_error(opname, a, outs):
    """TF's CPU ``MaxPool``/``MaxPool3D`` failure for a nonempty input whose output has a zero
    size: oneDNN cannot create its pooling primitive (an ``AbortedError``; Eigen's kernels, for
    the other dtypes and devices, return the empty output). ``None`` when TF pools."""
    if 0 not in outs or not a.numel() or not a.is_cpu or a.dtype not in _ONEDNN_MAX[opname]:
        return None
    return onednn_pool_failure(opname, tf_device_string(device_of(a)))


def onednn_pool_failure(opname, device):
    """TF's ``AbortedError`` when oneDNN cannot create the pooling primitive of ``opname``
    (``MaxPool``/``MaxPool3D``) on TF device ``device``."""
    return AbortedError(
        None,
        None,
        "{{function_node __wrapped__%s_device_%s}} Compute received an exception:Status: 2, "
        "message: could not create a descriptor for a pooling forward propagation primitive, "
        "in file tensorflow/core/kernels/mkl/mkl_maxpooling_op.cc:211 [Op:%s] name: "
        % (opname, device, opname),
    )


def _no_half_max_pool3d(ksize, strides, padding, channels_first):
    """TF's ``NotFoundError``: its CPU build has no float16 ``MaxPool3D`` kernel."""
    return NotFoundError(
        None,
        None,
        'Could not find device for node: {{node MaxPool3D}} = MaxPool3D[T=DT_HALF, data_format="'
        '%s", ksize=%s, padding="%s", strides=%s]\nAll kernels registered for op MaxPool3D:\n'
        "  device='XLA_CPU_JIT'; T in [DT_FLOAT, DT_BFLOAT16, DT_HALF]\n"
        "  device='CPU'; T in [DT_BFLOAT16]\n  device='CPU'; T in [DT_FLOAT]\n [Op:MaxPool3D] "
        "name: " % ("NCDHW" if channels_first else "NDHWC", ksize, padding, strides),
    )


def _lowest(dtype):
    return -float("inf") if dtype.is_floating_point else torch.iinfo(dtype).min


def _check_window(opname, kernel, a, ksize, strides, c, n):
    """TF's pooling kernels' checks of ``ksize`` and ``strides`` (full ``n + 2`` lists)."""
    if len(ksize) != n + 2 or len(strides) != n + 2:
        which = "ksize" if len(ksize) != n + 2 else "stride"
        raise W.kernel_error(
            opname, kernel, "Sliding window %s field must specify %d dimensions" % (which, n + 2), a
        )
    if any(k <= 0 for k in ksize):
        raise W.kernel_error(
            opname,
            kernel,
            "Sliding window ksize must be positive. The specified or inferred ksize is: %s"
            % ",".join(str(k) for k in ksize),
            a,
        )
    W.check_positive(opname, kernel, a, strides, "Stride must be > 0, but got %d")
    if ksize[0] != 1 or strides[0] != 1 or ksize[c] != 1 or strides[c] != 1:
        if n == 3:
            text = "Pooling is not yet supported on the depth dimension."
        elif opname == "MaxPool":
            text = (
                "MaxPooling supports exactly one of pooling across depth or pooling across "
                "width/height."
            )
        else:
            text = "Pooling is not yet supported on the batch nor depth dimension."
        raise W.kernel_error(opname, kernel, text, a, UnimplementedError)


def _windows(opname, kernel, a, ksize, strides, padding, explicit, channels_first, n):
    """``(spatial, windows, steps, pads, outs)`` of a pooling call, checked as TF."""
    spatial = W.spatial_dims(n + 2, n, channels_first)
    windows = [int(ksize[d]) for d in spatial]
    steps = [int(strides[d]) for d in spatial]
    pairs = [explicit[2 * d : 2 * d + 2] for d in spatial] if padding == "EXPLICIT" else None
    pads, outs = W.window_pads(
        opname, kernel, a, [a.shape[d] for d in spatial], windows, steps, [1] * n, padding, pairs
    )
    return spatial, windows, steps, pads, outs


def _unfolded_max(xc, windows, steps):
    """Max over windows by unfolding each spatial dim (exact for every dtype)."""
    n = len(windows)
    for i, (k, s) in enumerate(zip(windows, steps)):
        xc = xc.unfold(2 + i, k, s)
    return xc.amax(dim=tuple(range(-n, 0)))


def max_pool_nd(x, ksize, strides, padding, explicit, channels_first, n):
    """TF's ``MaxPool``/``MaxPool3D`` on a storage (full ``ksize``/``strides`` lists)."""
    opname = _MAX_OP[n]
    if opname == "MaxPool" and not isinstance(x, (TensorOperators, torch.Tensor)):
        # MaxPool's T defaults to float: TF converts non-tensor inputs to float32.
        x = np.asarray(x, dtype=np.float32)
    a = storage_of(x)
    if a.dtype not in _MAX_TYPES[opname]:
        raise W.dtype_error(opname, a)
    allowed = '"SAME", "VALID", "EXPLICIT"' if n == 2 else '"SAME", "VALID"'
    if padding not in ("SAME", "VALID") and not (n == 2 and padding == "EXPLICIT"):
        raise W.attr_value_error(opname, opname, "padding", padding, allowed)
    if a.ndim not in (4, 5):
        raise W.kernel_error(opname, opname, "Input must be 4 or 5-dimensional", a)
    ksize, strides = [int(k) for k in ksize], [int(s) for s in strides]
    c = 1 if channels_first else n + 1
    if padding == "EXPLICIT":
        W.check_explicit(opname, opname, a, explicit, channels_first)
        _check_explicit_window(a, ksize, explicit, channels_first)
    if n == 2 and ksize[c] != 1 and all(ksize[d] == 1 for d in range(4) if d != c):
        return _depth_max_pool(a, ksize[c], strides, c, padding)
    _check_window(opname, opname, a, ksize, strides, c, n)
    if opname == "MaxPool3D" and a.dtype is torch.float16 and a.is_cpu:
        raise _no_half_max_pool3d(ksize, strides, padding, channels_first)
    _, windows, steps, pads, outs = _windows(
        opname, opname, a, ksize, strides, padding, explicit, channels_first, n
    )
    error = empty_output_error(opname, a, outs)
    if error is not None:
        raise error
    xc = W.pad_spatial(a if channels_first else a.movedim(-1, 1), pads, _lowest(a.dtype))
    if 0 in outs:
        out = xc.new_zeros(list(xc.shape[:2]) + outs)
    elif a.dtype.is_floating_point:
        out = _TORCH_MAX[n](xc, windows, steps)
    else:
        out = _unfolded_max(xc, windows, steps)
    return out if channels_first else out.movedim(1, -1)


def _check_explicit_window(a, ksize, explicit, channels_first):
    """TF's MaxPool check that each explicit padding is smaller than its window."""
    rows, cols = (2, 3) if channels_first else (1, 2)
    for side, d, i in (
        ("Top", rows, 0),
        ("Bottom", rows, 1),
        ("Left", cols, 0),
        ("Right", cols, 1),
    ):
        if explicit[2 * d + i] >= ksize[d]:
            raise W.kernel_error(
                "MaxPool",
                "MaxPool",
                "%s padding %d needs to be smaller than the window size %d"
                % (side, explicit[2 * d + i], ksize[d]),
                a,
            )


def _depth_max_pool(a, k, strides, c, padding):
    """TF's depthwise max pooling: the maximum of each run of ``k`` channels."""
    if a.shape[c] % k:
        raise W.kernel_error(
            "MaxPool",
            "MaxPool",
            "Depthwise max pooling requires the depth window to evenly divide the input depth",
            a,
            UnimplementedError,
        )
    if strides[c] != k:
        raise W.kernel_error(
            "MaxPool",
            "MaxPool",
            "Depthwise max pooling requires the depth window to equal the depth stride",
            a,
            UnimplementedError,
        )
    moved = a.movedim(c, -1)
    out = moved.reshape(tuple(moved.shape[:-1]) + (-1, k)).amax(-1)
    return out.movedim(-1, c)


def avg_pool_nd(x, ksize, strides, padding, channels_first, n):
    """TF's ``AvgPool``/``AvgPool3D`` on a storage: SAME padding leaves padded cells out of each
    window's average."""
    opname = _AVG_OP[n]
    a = storage_of(x)
    kernel = W.kernel_for(opname, a)
    if a.dtype not in _FLOATS:
        raise W.dtype_error(opname, a)
    W.string_padding(padding)
    if padding not in ("SAME", "VALID"):
        raise W.attr_value_error(opname, kernel, "padding", padding, '"SAME", "VALID"')
    if a.ndim != n + 2:
        raise W.kernel_error(
            opname,
            kernel,
            "Input must be 4 or 5-dimensional"
            if kernel.startswith("_Mkl")
            else "tensor_in_shape must have %d spatial dimensions. %d %d"
            % (n, a.ndim, int(channels_first)),
            a,
        )
    ksize, strides = [int(k) for k in ksize], [int(s) for s in strides]
    c = 1 if channels_first else n + 1
    _check_window(opname, kernel, a, ksize, strides, c, n)
    _, windows, steps, pads, outs = _windows(
        opname, kernel, a, ksize, strides, padding, [], channels_first, n
    )
    work = torch.float32 if a.dtype == torch.float16 and a.device.type == "cpu" else a.dtype
    xc = (a if channels_first else a.movedim(-1, 1)).to(work)
    if 0 in outs:
        out = xc.new_zeros(list(xc.shape[:2]) + outs)
    elif any(p for pair in pads for p in pair):
        total = _TORCH_AVG[n](W.pad_spatial(xc, pads), windows, steps, divisor_override=1)
        ones = torch.ones([1, 1] + list(xc.shape[2:]), dtype=work, device=a.device)
        counts = _TORCH_AVG[n](W.pad_spatial(ones, pads), windows, steps, divisor_override=1)
        out = total / counts
    else:
        out = _TORCH_AVG[n](xc, windows, steps)
    out = out.to(a.dtype)
    return out if channels_first else out.movedim(1, -1)


def _rank(a):
    n = a.ndim - 2
    if not 1 <= n <= 3:
        raise ValueError(
            f"`input.shape.rank` must be 3, 4 or 5. Received: "
            f"input.shape={tuple(a.shape)} of rank {n + 2}."
        )
    return n


def _pool1d(pool, input, ksize, strides, padding, data_format, explicit_ok):  # noqa: A002
    data_format = "NWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 2
    ksize = [1] + W.get_sequence(ksize, 1, channel, "ksize")
    strides = [1] + W.get_sequence(strides, 1, channel, "strides")
    explicit = []
    if explicit_ok:
        padding, explicit = W.convert_padding(padding, 3)
        explicit = [0, 0] + explicit if padding == "EXPLICIT" else explicit
    expand = 1 if data_format == "NWC" else 2
    a = storage_of(input).unsqueeze(expand)
    return wrap(pool(a, ksize, strides, padding, explicit, data_format != "NWC").squeeze(expand))


@tf_export("nn.max_pool1d")
def max_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):  # noqa: A002
    """``tf.nn.max_pool1d``: the maximum of each window of a ``[batch, width, channels]`` (or
    NCW) input (a ``MaxPool`` over a unit height, as TF); explicit paddings allowed."""
    return _pool1d(
        lambda a, k, s, p, e, cf: max_pool_nd(a, k, s, p, e, cf, 2),
        input,
        ksize,
        strides,
        padding,
        data_format,
        True,
    )


@tf_export("nn.max_pool2d")
def max_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):  # noqa: A002
    """``tf.nn.max_pool2d``: the maximum of each ``ksize`` window (int or list of 1, 2 or 4);
    ``padding``: SAME, VALID or TF's explicit list of 4 pairs."""
    data_format = "NHWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 3
    ksize = W.get_sequence(ksize, 2, channel, "ksize")
    strides = W.get_sequence(strides, 2, channel, "strides")
    padding, explicit = W.convert_padding(padding)
    return wrap(max_pool_nd(input, ksize, strides, padding, explicit, channel == 1, 2))


@tf_export("nn.max_pool3d")
def max_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):  # noqa: A002
    """``tf.nn.max_pool3d``: the maximum of each window of a 5-D input (NDHWC or NCDHW)."""
    data_format = "NDHWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 4
    ksize = W.get_sequence(ksize, 3, channel, "ksize")
    strides = W.get_sequence(strides, 3, channel, "strides")
    padding = W.string_padding(padding)
    return wrap(max_pool_nd(input, ksize, strides, padding, [], channel == 1, 3))


@tf_export("nn.avg_pool1d")
def avg_pool1d(input, ksize, strides, padding, data_format="NWC", name=None):  # noqa: A002
    """``tf.nn.avg_pool1d``: the mean of each window of a ``[batch, width, channels]`` (or NCW)
    input; SAME padding leaves padded cells out of the means."""
    return _pool1d(
        lambda a, k, s, p, e, cf: avg_pool_nd(a, k, s, p, cf, 2),
        input,
        ksize,
        strides,
        padding,
        data_format,
        False,
    )


@tf_export("nn.avg_pool2d")
def avg_pool2d(input, ksize, strides, padding, data_format="NHWC", name=None):  # noqa: A002
    """``tf.nn.avg_pool2d``: the mean of each window; SAME padding leaves padded cells out."""
    data_format = "NHWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 3
    ksize = W.get_sequence(ksize, 2, channel, "ksize")
    strides = W.get_sequence(strides, 2, channel, "strides")
    return wrap(avg_pool_nd(input, ksize, strides, padding, channel == 1, 2))


@tf_export("nn.avg_pool3d")
def avg_pool3d(input, ksize, strides, padding, data_format="NDHWC", name=None):  # noqa: A002
    """``tf.nn.avg_pool3d``: the mean of each window of a 5-D input (NDHWC or NCDHW)."""
    data_format = "NDHWC" if data_format is None else data_format
    channel = 1 if data_format.startswith("NC") else 3
    ksize = W.get_sequence(ksize, 3, channel, "ksize")
    strides = W.get_sequence(strides, 3, channel, "strides")
    return wrap(avg_pool_nd(input, ksize, strides, padding, data_format.startswith("NC"), 3))


@tf_export("nn.max_pool")
def max_pool(input, ksize, strides, padding, data_format=None, name=None):  # noqa: A002
    """``tf.nn.max_pool``: ``max_pool1d/2d/3d`` by the input's rank (explicit paddings only for
    1-D and 2-D)."""
    n = _rank(storage_of(input))
    if isinstance(padding, (list, tuple)) and n == 3:
        raise ValueError(
            "Explicit padding is not supported with an input tensor of rank 5. Received: "
            f"padding={padding}"
        )
    op = (max_pool1d, max_pool2d, max_pool3d)[n - 1]
    return op(input, ksize, strides, padding, data_format or ("NWC", "NHWC", "NDHWC")[n - 1])


@tf_export("nn.avg_pool")
def avg_pool(input, ksize, strides, padding, data_format=None, name=None):  # noqa: A002
    """``tf.nn.avg_pool``: ``avg_pool1d/2d/3d`` by the input's rank."""
    n = _rank(storage_of(input))
    op = (avg_pool1d, avg_pool2d, avg_pool3d)[n - 1]
    return op(input, ksize, strides, padding, data_format or ("NWC", "NHWC", "NDHWC")[n - 1])


def _positive_list(values, n, name):
    if values is None:
        return np.ones(n, np.int32)
    if len(values) != n:
        raise ValueError(
            f"`len({name})` should be {n}. Received: {name}={values} of length {len(values)}"
        )
    values = np.array(values, dtype=np.int32)
    if np.any(values < 1):
        raise ValueError(f"all values of `{name}` must be positive. Received: {name}={values}")
    return values


@tf_export("nn.pool")
def pool(  # noqa: A002
    input,
    window_shape,
    pooling_type,
    strides=None,
    padding="VALID",
    data_format=None,
    dilations=None,
    name=None,
):
    """``tf.nn.pool``: N-D (1 to 3) ``"MAX"`` or ``"AVG"`` pooling with optional dilations
    (VALID only, through space-to-batch as TF); ``strides`` may not exceed ``window_shape``."""
    a = storage_of(input)
    n = len(window_shape)
    if n < 1 or n > 3:
        raise ValueError(
            "`len(window_shape)` must be 1, 2, or 3. Received: "
            f"window_shape={window_shape} of length {len(window_shape)}"
        )
    if a.ndim != n + 2:
        raise ValueError("Shape %s must have rank %d" % (tuple(a.shape), n + 2))
    rates = _positive_list(dilations, n, "dilation_rate")
    strides = _positive_list(strides, n, "strides")
    if np.any(strides > 1) and np.any(rates > 1):
        raise ValueError(
            "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            f"Received: strides={strides} and dilation_rate={rates}"
        )
    if padding == "SAME" and np.any(rates > 1):
        raise ValueError(
            "pooling with 'SAME' padding is not implemented for `dilation_rate` > 1. "
            f"Received: padding={padding} and dilation_rate={rates}"
        )
    if np.any(strides > window_shape):
        raise ValueError(
            "`strides` > `window_shape` not supported due to inconsistency between CPU and GPU "
            f"implementations. Received: strides={strides} and window_shape={window_shape}"
        )
    if pooling_type not in ("MAX", "AVG"):
        raise ValueError(f"{n}-D {pooling_type} pooling is not supported.")
    channels_first = data_format is not None and data_format.startswith("NC")
    if n == 1 and data_format not in (None, "NWC", "NCW"):
        raise ValueError(
            f"data_format must be either 'NWC' or 'NCW'. Received: data_format={data_format}"
        )
    full_k = [1, 1] + list(window_shape) if channels_first else [1] + list(window_shape) + [1]
    full_s = [1, 1] + list(strides) if channels_first else [1] + list(strides) + [1]

    def op(x, pad):
        expand = 2 if channels_first else 1
        if n == 1:
            x = x.unsqueeze(expand)
            k, s = full_k[:1] + [1] + full_k[1:], full_s[:1] + [1] + full_s[1:]
        else:
            k, s = full_k, full_s
        dims = max(n, 2)
        if pooling_type == "MAX":
            out = max_pool_nd(x, k, s, pad, [], channels_first, dims)
        else:
            out = avg_pool_nd(x, k, s, pad, channels_first, dims)
        return out.squeeze(expand) if n == 1 else out

    return wrap(
        W.with_space_to_batch(
            a, [int(r) for r in rates], list(window_shape), padding, channels_first, op
        )
    )


MaxPoolWithArgmax = collections.namedtuple("MaxPoolWithArgmax", ["output", "argmax"])
MaxPoolWithArgmax.__doc__ = "``(output, argmax)`` of :func:`max_pool_with_argmax`, as TF names it."


@tf_export("nn.max_pool_with_argmax")
def max_pool_with_argmax(  # noqa: A002
    input,
    ksize,
    strides,
    padding,
    data_format="NHWC",
    output_dtype=dtypes.int64,
    include_batch_in_index=False,
    name=None,
):
    """``tf.nn.max_pool_with_argmax``: NHWC max pooling and the flat index of each maximum,
    ``(y * width + x) * channels + c`` (plus ``b * height * width * channels`` with
    ``include_batch_in_index``); the first maximum of a window wins, as TF's CPU kernel."""
    if data_format != "NHWC":
        raise ValueError(
            "`data_format` values other  than 'NHWC' are not supported. "
            f"Received: data_format={data_format}"
        )
    ksize = W.get_sequence(ksize, 2, 3, "ksize")
    strides = W.get_sequence(strides, 2, 3, "strides")
    padding = W.string_padding(padding)
    a = storage_of(input)
    opname = "MaxPoolWithArgmax"
    index_dtype = dtypes.as_dtype(output_dtype)
    if index_dtype not in (dtypes.int32, dtypes.int64):
        raise W.InvalidArgumentError(
            None,
            None,
            "Value for attr 'Targmax' of %s is not in the list of allowed values: int32, int64"
            "\n\t; NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s] name: "
            % (
                type_name(index_dtype),
                opname,
                opname,
                W.SIGNATURES[opname],
                opname,
            ),
        )
    if a.dtype.is_complex or a.dtype == torch.bool:
        raise attr_error(opname, a)
    if padding not in ("SAME", "VALID"):
        raise W.attr_value_error(opname, opname, "padding", padding, '"SAME", "VALID"')
    ksize, strides = [int(k) for k in ksize], [int(s) for s in strides]
    _check_window(opname, opname, a, ksize, strides, 3, 2)
    _, windows, steps, pads, _ = _windows(opname, opname, a, ksize, strides, padding, [], False, 2)
    batch, height, width, channels = a.shape
    work = a.dtype if a.dtype.is_floating_point else torch.float64
    xc = W.pad_spatial(a.movedim(-1, 1).to(work), pads, _lowest(a.dtype))
    out, flat = F.max_pool2d(xc, windows, steps, return_indices=True)
    padded_width = xc.shape[3]
    y = flat // padded_width - pads[0][0]
    x = flat % padded_width - pads[1][0]
    c = torch.arange(channels, device=a.device).reshape(1, -1, 1, 1)
    index = (y * width + x) * channels + c
    if include_batch_in_index:
        b = torch.arange(batch, device=a.device).reshape(-1, 1, 1, 1)
        index = index + b * (height * width * channels)
    return MaxPoolWithArgmax(
        wrap(out.to(a.dtype).movedim(1, -1)), wrap(index.movedim(1, -1).to(index_dtype.torch_dtype))
    )
