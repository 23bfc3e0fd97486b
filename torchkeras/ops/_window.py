"""The argument layer of TF's windowed ops (convolutions and pooling).

TF's Python wrappers and kernels check strides, dilations, window sizes, paddings and data
formats the same way for every windowed op; this module does those checks once, with TF's
texts, and turns the arguments into torch's: ``get_sequence`` (TF's ``_get_sequence``),
``convert_padding`` (explicit paddings), ``window_pads`` (TF's ``GetWindowedOutputSize``: the
``(before, after)`` padding of each spatial dim, SAME's extra cell after), ``kernel_for``
(the kernel TF's CPU build names in errors) and ``attr_value_error`` (a string attr TF's op
definition does not allow, quoting the op's signature).
"""

from __future__ import annotations

import collections.abc

import torch
import torch.nn.functional as F

from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import op_error, type_name

_NHWC = '"NHWC", "NCHW"'
_NDHWC = '"NDHWC", "NCDHW"'
_CONV2D = (
    "signature=input:T, filter:T -> output:T; attr=T:type,allowed=[%s]; attr=strides:list(int); "
    'attr=use_cudnn_on_gpu:bool,default=true; %sattr=padding:string,allowed=["SAME", '
    '"VALID", "EXPLICIT"]; attr=explicit_paddings:list(int),default=[]; '
    'attr=data_format:string,default="NHWC",allowed=[%s]; '
    "attr=dilations:list(int),default=[1, 1, 1, 1]" % ("%s", "%s", _NHWC)
)
_CONV3D = (
    "signature=input:T, filter:T -> output:T; attr=T:type,allowed=[%s]; "
    'attr=strides:list(int),min=5; %sattr=padding:string,allowed=["SAME", "VALID"]; '
    'attr=data_format:string,default="NDHWC",allowed=[%s]; '
    "attr=dilations:list(int),default=[1, 1, 1, 1, 1]" % ("%s", "%s", _NDHWC)
)
_POOL3D = (
    "signature=input:T -> output:T; attr=ksize:list(int),min=5; attr=strides:list(int),min=5; "
    'attr=padding:string,allowed=["SAME", "VALID"]; attr=data_format:string,default="NDHWC",'
    "allowed=[%s]; attr=T:type,allowed=[%s]" % (_NDHWC, "%s")
)
_AVGPOOL = (
    "signature=value:T -> output:T; attr=ksize:list(int),min=4; attr=strides:list(int),min=4; "
    'attr=padding:string,allowed=["SAME", "VALID"]; attr=data_format:string,default="NHWC",'
    "allowed=[%s]; attr=T:type,allowed=[%s]" % (_NHWC, "%s")
)
_HALF_BF_F_D = "DT_HALF, DT_BFLOAT16, DT_FLOAT, DT_DOUBLE"
_MKL = "DT_BFLOAT16, DT_FLOAT, DT_HALF"
# TF's op definitions, as its attr errors quote them (``_MklNative...``: oneDNN's kernels).
SIGNATURES = {
    "Conv2D": _CONV2D % (_HALF_BF_F_D + ", DT_INT32", ""),
    "_MklNativeConv2D": _CONV2D % (_MKL, "attr=is_filter_const:bool,default=false; "),
    "Conv3D": _CONV3D % (_HALF_BF_F_D, ""),
    "_MklNativeConv3D": _CONV3D % (_MKL, "attr=is_filter_const:bool,default=false; "),
    "Conv2DBackpropInput": "signature=input_sizes:int32, filter:T, out_backprop:T -> output:T; "
    + _CONV2D.split("; ", 1)[1] % (_HALF_BF_F_D + ", DT_INT32", ""),
    "MaxPool": "signature=input:T -> output:T; attr=T:type,default=DT_FLOAT,allowed=["
    + _HALF_BF_F_D
    + ", DT_INT32, DT_INT64, DT_UINT8, DT_INT16, DT_INT8, DT_UINT16, DT_QINT8]; "
    "attr=ksize:list(int),min=4; attr=strides:list(int),min=4; attr=padding:string,allowed="
    '["SAME", "VALID", "EXPLICIT"]; attr=explicit_paddings:list(int),default=[]; '
    'attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW", "NCHW_VECT_C"]',
    "AvgPool": _AVGPOOL % _HALF_BF_F_D,
    "_MklNativeAvgPool": _AVGPOOL % "DT_FLOAT, DT_HALF, DT_DOUBLE, DT_BFLOAT16",
    "MaxPool3D": _POOL3D % "DT_HALF, DT_BFLOAT16, DT_FLOAT",
    "AvgPool3D": _POOL3D % _HALF_BF_F_D,
    "_MklNativeAvgPool3D": _POOL3D.replace("input:T", "value:T")
    % "DT_FLOAT, DT_HALF, DT_DOUBLE, DT_BFLOAT16",
    "MaxPoolWithArgmax": "signature=input:T -> output:T, argmax:Targmax; "
    "attr=ksize:list(int),min=4; attr=strides:list(int),min=4; attr=Targmax:type,"
    'default=DT_INT64,allowed=[DT_INT32, DT_INT64]; attr=padding:string,allowed=["SAME", '
    '"VALID"]; attr=include_batch_in_index:bool,default=false; attr=T:type,allowed=[DT_FLOAT, '
    "DT_DOUBLE, DT_INT32, DT_UINT8, DT_INT16, DT_INT8, DT_INT64, DT_BFLOAT16, DT_UINT16, "
    "DT_HALF, DT_UINT32, DT_UINT64]",
}

# The ops whose float32/bfloat16/float16 CPU kernels are oneDNN's, as TF 2.21's texts name them.
_MKL_OPS = frozenset(("Conv2D", "Conv3D", "AvgPool", "AvgPool3D", "DepthwiseConv2dNative"))
_MKL_DTYPES = frozenset((torch.float32, torch.bfloat16, torch.float16))


def kernel_for(opname, storage):
    """The kernel TF's CPU build runs for ``opname`` on ``storage``'s dtype (its error texts
    name it): ``_MklNative<op>`` for oneDNN's float kernels, the op itself otherwise."""
    if opname in _MKL_OPS and storage.dtype in _MKL_DTYPES and storage.device.type == "cpu":
        return "_MklNative" + opname
    return opname


def dtype_error(opname, storage, name_part=True):
    """TF's ``InvalidArgumentError`` for an input dtype op ``opname``'s ``T`` does not allow."""
    signature = SIGNATURES[opname]
    allowed = signature.split("attr=T:type,")[1].split("allowed=[")[1].split("]")[0]
    names = ", ".join(n.strip()[3:].lower() for n in allowed.split(","))
    return InvalidArgumentError(
        None,
        None,
        "Value for attr 'T' of %s is not in the list of allowed values: %s\n\t; NodeDef: "
        "{{node %s}}; Op<name=%s; %s> [Op:%s]%s"
        % (
            type_name(storage),
            names,
            opname,
            opname,
            signature,
            opname,
            " name: " if name_part else "",
        ),
    )


def attr_value_error(opname, kernel, attr, value, allowed):
    """TF's error for string attr ``attr`` set to ``value`` outside ``allowed`` (TF's quoted
    list), naming the node ``kernel``."""
    return InvalidArgumentError(
        None,
        None,
        "Value for attr '%s' of \"%s\" is not in the list of allowed values: %s\n\t; NodeDef: "
        "{{node %s}}; Op<name=%s; %s> [Op:%s] name: "
        % (attr, value, allowed, kernel, kernel, SIGNATURES[kernel], opname),
    )


def kernel_error(opname, kernel, text, storage, error=InvalidArgumentError):
    """TF's eager error of a kernel check (``error``: its class)."""
    raised = op_error(opname, text, storage, kernel=kernel)
    return raised if error is InvalidArgumentError else error(None, None, raised.message)


def get_sequence(value, n, channel_index, name):
    """TF's ``_get_sequence``: ``value`` (None, an int or a list of 1, ``n`` or ``n + 2`` ints)
    as the full list of ``n + 2`` entries (1 for batch and channels)."""
    if value is None:
        return [1] * (n + 2)
    if isinstance(value, (list, tuple)):
        value = list(value)
    elif isinstance(value, int) or not isinstance(value, collections.abc.Sized):
        value = [value]
    else:
        value = list(value)
    if len(value) == n + 2:
        return value
    if len(value) == 1:
        value = value * n
    elif len(value) != n:
        raise ValueError(
            f"{name} should be of length 1, {n} or {n + 2}. "
            f"Received: {name}={value} of length {len(value)}"
        )
    return [1, 1] + value if channel_index == 1 else [1] + value + [1]


def convert_padding(padding, expected_length=4):
    """TF's ``convert_padding``: ``(padding, explicit_paddings)``, a list of pairs becoming
    ``"EXPLICIT"`` and its flat list."""
    explicit = []
    if padding == "EXPLICIT":
        raise ValueError(
            "'EXPLICIT' is not a valid value for `padding`. To use explicit padding, `padding` "
            "must be a list."
        )
    if isinstance(padding, (list, tuple)):
        for i, pair in enumerate(padding):
            if not isinstance(pair, (list, tuple)):
                raise ValueError(
                    "When `padding` is a list, each element of `padding` must be a list/tuple "
                    f"of size 2. Received: padding={padding} with element at index {i} of type "
                    f"{type(pair)}"
                )
            if len(pair) != 2:
                raise ValueError(
                    "When `padding` is a list, each element of `padding` must be a list/tuple "
                    f"of size 2. Received: padding={padding} with element at index {i} of size "
                    f"{len(pair)}"
                )
            explicit.extend(pair)
        if len(padding) != expected_length:
            raise ValueError(
                f"When padding is a list, it must be of size {expected_length}. "
                f"Received: padding={padding} of size {len(padding)}"
            )
        padding = "EXPLICIT"
    return padding, explicit


def string_padding(padding):
    """``padding`` where TF's op takes a string only (explicit lists raise TF's TypeError)."""
    if not isinstance(padding, str):
        raise TypeError("Expected string for argument 'padding' not %r." % (padding,))
    return padding


def spatial_dims(rank, n, channels_first):
    """The axes of the ``n`` spatial dims of a rank-``rank`` input."""
    return list(range(2, 2 + n)) if channels_first else list(range(rank - n - 1, rank - 1))


def _c_div(a, b):
    """C++ integer division (truncates toward zero), as TF's kernels divide."""
    q = abs(a) // b
    return q if a >= 0 else -q


def window_pads(opname, kernel, storage, sizes, windows, strides, dilations, padding, explicit):
    """TF's ``GetWindowedOutputSizeVerbose`` for each spatial dim: the list of
    ``(before, after)`` paddings (``explicit``: the pairs of the spatial dims) and the output
    sizes; TF's errors for a negative output size."""
    pads, outs = [], []
    for i, (size, window, stride, dilation) in enumerate(zip(sizes, windows, strides, dilations)):
        effective = (window - 1) * dilation + 1
        if padding == "SAME":
            out = _c_div(size + stride - 1, stride)
            total = max((out - 1) * stride + effective - size, 0)
            before, after = total // 2, total - total // 2
        else:
            before, after = explicit[i] if padding == "EXPLICIT" else (0, 0)
            out = _c_div(size + before + after - effective + stride, stride)
        if out < 0:
            raise kernel_error(
                opname,
                kernel,
                "Computed output size would be negative: %d [input_size: %d, "
                "effective_filter_size: %d, stride: %d]" % (out, size, effective, stride),
                storage,
            )
        pads.append((before, after))
        outs.append(out)
    return pads, outs


def pad_spatial(x, pads, value=0.0):
    """Pads the trailing spatial dims of a channels-first storage by ``(before, after)``
    pairs."""
    flat = [p for pair in reversed(pads) for p in pair]
    return F.pad(x, flat, value=value) if any(flat) else x


def check_explicit(opname, kernel, storage, explicit, channels_first):
    """TF's checks of an explicit paddings list (flat, 2 per dim): nonnegative, zero on the
    batch and depth dims."""
    if any(p < 0 for p in explicit):
        raise kernel_error(
            opname, kernel, "All elements of explicit_paddings must be nonnegative", storage
        )
    rank = len(explicit) // 2
    channel = 1 if channels_first else rank - 1
    if any(explicit[2 * d] or explicit[2 * d + 1] for d in (0, channel)):
        raise kernel_error(
            opname,
            kernel,
            "Nonzero explicit padding in the batch or depth dimensions is not supported",
            storage,
        )


def check_positive(opname, kernel, storage, values, text):
    """TF's ``InvalidArgumentError`` ``text % value`` for the first entry of ``values`` that is
    not positive."""
    for v in values:
        if v <= 0:
            raise kernel_error(opname, kernel, text % v if "%" in text else text, storage)


def with_space_to_batch(x, rates, windows, padding, channels_first, op):
    """TF's ``with_space_to_batch`` on a storage: ``op(x, padding)`` when every rate is 1;
    otherwise the input is padded (SAME: the dilated window's padding, plus what makes each
    dim divisible by its rate), split into ``prod(rates)`` sub-grids stacked on the batch,
    ``op(sub_grids, "VALID")`` runs on them, and the grids are interleaved back and cropped."""
    if all(r == 1 for r in rates):
        return op(x, padding)
    n = len(rates)
    xc = x if channels_first else x.movedim(-1, 1)
    pads, crops = [], []
    for size, window, rate in zip(xc.shape[2:], windows, rates):
        start, end = 0, 0
        if padding == "SAME":
            extra = (window - 1) * rate
            start, end = extra // 2, extra - extra // 2
        more = (rate - (size + start + end) % rate) % rate
        pads.append((start, end + more))
        crops.append(more)
    xc = pad_spatial(xc, pads)
    batch, channels = xc.shape[:2]
    grid = [d // r for d, r in zip(xc.shape[2:], rates)]
    split = xc.reshape([batch, channels] + [v for g, r in zip(grid, rates) for v in (g, r)])
    order = [3 + 2 * i for i in range(n)] + [0, 1] + [2 + 2 * i for i in range(n)]
    blocks = 1
    for r in rates:
        blocks *= r
    stacked = split.permute(order).reshape([blocks * batch, channels] + grid)
    out = op(stacked if channels_first else stacked.movedim(1, -1), "VALID")
    out = out if channels_first else out.movedim(-1, 1)
    grid = list(out.shape[2:])
    out = out.reshape(list(rates) + [batch, out.shape[1]] + grid)
    order = [n, n + 1] + [v for i in range(n) for v in (n + 2 + i, i)]
    out = out.permute(order).reshape(
        [batch, out.shape[n + 1]] + [g * r for g, r in zip(grid, rates)]
    )
    out = out[
        (slice(None), slice(None)) + tuple(slice(0, d - c) for d, c in zip(out.shape[2:], crops))
    ]
    return out if channels_first else out.movedim(1, -1)
