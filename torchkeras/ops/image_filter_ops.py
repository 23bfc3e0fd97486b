"""``tf.image`` neighbourhood ops: ``sobel_edges``, ``image_gradients``,
``total_variation`` and ``extract_patches``.

As TF: ``sobel_edges`` reflect-pads by one pixel and applies the two 3x3 Sobel kernels
(``[..., 0]`` vertical, ``[..., 1]`` horizontal) per channel; ``image_gradients`` are
forward differences with a zero last row / column; ``extract_patches`` is
``ExtractImagePatches`` (patches flattened in row, column, channel order, zero padding for
``SAME``). Torch arithmetic, so float images are differentiable.
"""

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework.errors import (
    InvalidArgumentError,
    NotFoundError,
    OutOfRangeError,
    UnimplementedError,
)
from ..framework.op_errors import attr_error, dims_text, eager_name, op_error, type_name
from ..framework.shape import TensorShape
from ..framework.tensor import wrap
from . import _image_args as args

__all__ = []

_FLOATS = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
_SOBEL = ((-1, -2, -1), (0, 0, 0), (1, 2, 1)), ((-1, 0, 1), (-2, 0, 2), (-1, 0, 1))
_DEPTHWISE_SIGNATURE = (
    "Op<name=DepthwiseConv2dNative; signature=input:T, filter:T -> output:T; "
    "attr=T:type,allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT, DT_DOUBLE]; attr=strides:list(int); "
    'attr=padding:string,allowed=["SAME", "VALID", "EXPLICIT"]; '
    "attr=explicit_paddings:list(int),default=[]; "
    'attr=data_format:string,default="NHWC",allowed=["NHWC", "NCHW"]; '
    "attr=dilations:list(int),default=[1, 1, 1, 1]>"
)


@tf_export("image.sobel_edges")
def sobel_edges(image):
    """Sobel edge maps ``[batch, h, w, d, 2]`` (dy, dx) of float images ``[batch, h, w, d]``."""
    storage = args.image_storage(image)
    if storage.dim() != 4:
        raise op_error(
            "MirrorPad",
            "The first dimension of paddings must be the rank of inputs[4,2], %s"
            % dims_text(storage.shape),
            storage,
            name=None,
        )
    if storage.dtype not in _FLOATS:
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'T' of %s is not in the list of allowed values: half, bfloat16, "
            "float, double\n\t; NodeDef: {{node DepthwiseConv2dNative}}; %s "
            "[Op:DepthwiseConv2dNative] name: " % (type_name(storage), _DEPTHWISE_SIGNATURE),
        )
    channels = storage.shape[-1]
    nchw = storage.permute(0, 3, 1, 2)
    padded = torch.nn.functional.pad(nchw, (1, 1, 1, 1), mode="reflect")
    kernels = torch.tensor(_SOBEL, dtype=storage.dtype, device=storage.device)
    weight = kernels[None].expand(channels, 2, 3, 3).reshape(channels * 2, 1, 3, 3)
    out = torch.nn.functional.conv2d(padded, weight, groups=channels)
    out = out.permute(0, 2, 3, 1)
    return wrap(out.reshape(*storage.shape, 2))


@tf_export("image.image_gradients")
def image_gradients(image):
    """``(dy, dx)``: forward differences of ``[batch, h, w, d]`` images, zero in the last row
    (dy) and column (dx)."""
    storage = args.tensor_storage(image)
    if len(storage.shape) != 4:
        raise ValueError(
            "image_gradients expects a 4D tensor [batch_size, h, w, d], not %s."
            % TensorShape(list(storage.shape))
        )
    dy = torch.nn.functional.pad(storage[:, 1:] - storage[:, :-1], (0, 0, 0, 0, 0, 1))
    dx = torch.nn.functional.pad(storage[:, :, 1:] - storage[:, :, :-1], (0, 0, 0, 1))
    return wrap(dy), wrap(dx)


@tf_export("image.total_variation")
def total_variation(images, name=None):
    """The sum of absolute differences of neighbouring pixels: a scalar for one image, one
    value per image of a batch (the images' dtype)."""
    storage = args.tensor_storage(images)
    if len(storage.shape) not in (3, 4):
        raise ValueError("'images' must be either 3 or 4-dimensional.")
    if isinstance(storage, np.ndarray):  # strings: TF's first op, Sub, has no string kernel
        raise attr_error("Sub", storage)
    if storage.dtype in (torch.uint8, torch.uint16, torch.uint32, torch.uint64, torch.bool):
        raise attr_error("Abs", storage)
    first = storage.dim() - 3
    lead = (slice(None),) * first  # slices (not narrow): an empty image has no differences
    down = storage[lead + (slice(1, None),)] - storage[lead + (slice(None, -1),)]
    right = (
        storage[lead + (slice(None), slice(1, None))]
        - storage[lead + (slice(None), slice(None, -1))]
    )
    dims = tuple(range(first, storage.dim()))
    total = down.abs().sum(dim=dims) + right.abs().sum(dim=dims)
    return wrap(total.to(storage.dtype))


_PATCH_SIGNATURE = (
    "Op<name=ExtractImagePatches; signature=images:T -> patches:T; "
    "attr=ksizes:list(int),min=4; attr=strides:list(int),min=4; attr=rates:list(int),min=4; "
    "attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_INT16, "
    "DT_INT32, DT_INT64, DT_UINT8, DT_UINT16, DT_UINT32, DT_UINT64, DT_COMPLEX64, "
    'DT_COMPLEX128, DT_BOOL]; attr=padding:string,allowed=["SAME", "VALID"]>'
)


def _patch_attr_error(text):
    return InvalidArgumentError(
        None,
        None,
        "%s\n\t; NodeDef: {{node ExtractImagePatches}}; %s [Op:ExtractImagePatches] name: "
        % (text, _PATCH_SIGNATURE),
    )


def _patch_args(sizes, strides, rates, padding):
    lists = []
    for attr, value in (("ksizes", sizes), ("strides", strides), ("rates", rates)):
        value = [int(v) for v in value]
        if len(value) < 4:
            raise _patch_attr_error(
                "Length for attr '%s' of %d must be at least minimum 4" % (attr, len(value))
            )
        lists.append(value)
    if padding not in ("SAME", "VALID"):
        raise _patch_attr_error(
            "Value for attr 'padding' of \"%s\" is not in the list of allowed values: "
            '"SAME", "VALID"' % padding
        )
    return lists


def _check_patch_kernel_args(lists, name):
    """The checks of TF's ``ExtractImagePatches`` kernel constructor, attr by attr."""
    for attr, value in zip(("ksizes", "strides", "rates"), lists):
        if len(value) != 4 or value[0] != 1 or value[3] != 1:
            raise UnimplementedError(
                None,
                None,
                op_error("ExtractImagePatches", "Only support %s across space." % attr).message,
            )
        if value[1] < 1 or value[2] < 1:
            raise OutOfRangeError(
                None,
                None,
                op_error("ExtractImagePatches", "%s is out of range." % attr, name=name).message,
            )


def _window(size, kernel, stride, rate, padding):
    """``(out_size, pad_before)`` of TF's windowed ops along one axis."""
    effective = kernel + (kernel - 1) * (rate - 1)
    if padding == "VALID":
        return max(0, math.ceil((size - effective + 1) / stride)), 0
    out = math.ceil(size / stride)
    return out, max((out - 1) * stride + effective - size, 0) // 2


@tf_export("image.extract_patches")
def extract_patches(images, sizes, strides, rates, padding, name=None):
    """Patches of ``[batch, h, w, d]`` images: ``[batch, rows, cols, kh * kw * d]``
    (``sizes`` / ``strides`` / ``rates`` are ``[1, h, w, 1]``)."""
    lists = _patch_args(sizes, strides, rates, padding)
    storage = args.image_storage(images)
    name = eager_name(images)
    if isinstance(storage, np.ndarray):
        raise _patch_attr_error(
            "Value for attr 'T' of string is not in the list of allowed values: bfloat16, half, "
            "float, double, int8, int16, int32, int64, uint8, uint16, uint32, uint64, complex64, "
            "complex128, bool"
        )
    if storage.dtype == torch.bool:
        raise NotFoundError(
            None,
            None,
            "Could not find device for node: {{node ExtractImagePatches}} = "
            'ExtractImagePatches[T=DT_BOOL, ksizes=%s, padding="%s", rates=%s, strides=%s] '
            "[Op:ExtractImagePatches] name: " % (list(sizes), padding, list(rates), list(strides)),
        )
    _check_patch_kernel_args(lists, name)
    (_, k_rows, k_cols, _), (_, s_rows, s_cols, _), (_, r_rows, r_cols, _) = lists
    if storage.dim() != 4:
        raise op_error(
            "ExtractImagePatches",
            "input must be 4-dimensional%s" % dims_text(storage.shape),
            name=name,
        )
    batch, height, width, depth = storage.shape
    out_rows, top = _window(height, k_rows, s_rows, r_rows, padding)
    out_cols, left = _window(width, k_cols, s_cols, r_cols, padding)
    if out_rows <= 0 or out_cols <= 0:
        shape = (batch, max(out_rows, 0), max(out_cols, 0), k_rows * k_cols * depth)
        return wrap(storage.new_zeros(shape))
    need_h = (out_rows - 1) * s_rows + (k_rows - 1) * r_rows + 1
    need_w = (out_cols - 1) * s_cols + (k_cols - 1) * r_cols + 1
    padded = storage.new_zeros((batch, max(need_h, top + height), max(need_w, left + width), depth))
    padded[:, top : top + height, left : left + width] = storage
    pieces = []
    for i in range(k_rows):
        for j in range(k_cols):
            y0, x0 = i * r_rows, j * r_cols
            pieces.append(
                padded[
                    :,
                    y0 : y0 + (out_rows - 1) * s_rows + 1 : s_rows,
                    x0 : x0 + (out_cols - 1) * s_cols + 1 : s_cols,
                ]
            )
    return wrap(torch.cat(pieces, dim=-1))
