"""``tf.image.resize``, ``resize_with_pad``, ``crop_and_resize`` and ``ResizeMethod``.

The kernels are TF's (``ops/image_resample.py``): half-pixel ``ResizeBilinear`` /
``ResizeNearestNeighbor`` / ``ResizeBicubic``, ``ResizeArea`` and ``ScaleAndTranslate``
(lanczos, gaussian, mitchellcubic and the antialiased methods). As TF, every method but
``nearest`` returns float32; ``nearest`` keeps the dtype. Resizing is torch arithmetic, so
it is differentiable.
"""

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError, OutOfRangeError
from ..framework.op_errors import dims_text, op_error, type_name
from ..framework.tensor import wrap
from . import _image_args as args
from . import image_resample
from .image_ops import _pad

__all__ = []


@tf_export("image.ResizeMethod")
class ResizeMethod:
    """The names of ``tf.image.resize``'s methods."""

    BILINEAR = "bilinear"
    NEAREST_NEIGHBOR = "nearest"
    BICUBIC = "bicubic"
    AREA = "area"
    LANCZOS3 = "lanczos3"
    LANCZOS5 = "lanczos5"
    GAUSSIAN = "gaussian"
    MITCHELLCUBIC = "mitchellcubic"


_KERNEL_OPS = {
    "bilinear": "ResizeBilinear",
    "nearest": "ResizeNearestNeighbor",
    "bicubic": "ResizeBicubic",
    "area": "ResizeArea",
}
_RESIZE_DTYPES = (
    torch.int8,
    torch.uint8,
    torch.int16,
    torch.uint16,
    torch.int32,
    torch.int64,
    torch.bfloat16,
    torch.float16,
    torch.float32,
    torch.float64,
)


_ALIGN = "attr=align_corners:bool,default=false"
_HALF_PIXEL = "attr=half_pixel_centers:bool,default=false"
_TYPES = "DT_INT8, DT_UINT8, DT_INT16, DT_UINT16, DT_INT32, DT_INT64"
_RESIZE_SIGNATURES = {
    "ResizeBilinear": "images:T, size:int32 -> resized_images:float; attr=T:type,allowed=[%s, "
    "DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_BFLOAT16]; %s; %s"
    % (_TYPES, _ALIGN, _HALF_PIXEL),
    "ResizeNearestNeighbor": "images:T, size:int32 -> resized_images:T; attr=T:type,allowed=[%s, "
    "DT_HALF, DT_FLOAT, DT_DOUBLE, DT_BFLOAT16]; %s; %s" % (_TYPES, _ALIGN, _HALF_PIXEL),
    "ResizeBicubic": "images:T, size:int32 -> resized_images:float; attr=T:type,allowed=[%s, "
    "DT_HALF, DT_FLOAT, DT_DOUBLE, DT_BFLOAT16]; %s; %s" % (_TYPES, _ALIGN, _HALF_PIXEL),
    "ResizeArea": "images:T, size:int32 -> resized_images:float; attr=T:type,allowed=[%s, "
    "DT_HALF, DT_FLOAT, DT_DOUBLE, DT_BFLOAT16]; %s" % (_TYPES, _ALIGN),
    "ScaleAndTranslate": "images:T, size:int32, scale:float, translation:float -> "
    "resized_images:float; attr=T:type,allowed=[%s, DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE]; "
    'attr=kernel_type:string,default="lanczos3"; attr=antialias:bool,default=true' % _TYPES,
}
"""The signatures of TF's resize kernels, quoted by their dtype errors."""


def _dtype_error(opname, storage):
    signature = _RESIZE_SIGNATURES[opname]
    allowed = signature.split("allowed=[")[1].split("]")[0].replace("DT_", "").lower()
    return InvalidArgumentError(
        None,
        None,
        "Value for attr 'T' of %s is not in the list of allowed values: %s\n\t; NodeDef: "
        "{{node %s}}; Op<name=%s; signature=%s> [Op:%s] name: "
        % (type_name(storage), allowed, opname, opname, signature, opname),
    )


def _kernel_op(method, antialias):
    if antialias and method in ("bilinear", "bicubic"):
        return "ScaleAndTranslate"
    return _KERNEL_OPS.get(method, "ScaleAndTranslate")


def _size_arg(size):
    """``size`` as two Python ints, with TF's ``ValueError``s."""
    try:
        storage = convert_to_tensor(size, dtype=dtypes.int32)._value
    except (TypeError, ValueError):
        raise ValueError("'size' must be a 1-D int32 Tensor") from None
    if tuple(storage.shape) != (2,):
        raise ValueError("'size' must be a 1-D Tensor of 2 elements: new_height, new_width")
    return [int(v) for v in storage.tolist()]


def _aspect_size(height, width, size):
    """TF's float32 arithmetic of ``preserve_aspect_ratio``."""
    f32 = np.float32
    scale = min(f32(size[0]) / f32(height), f32(size[1]) / f32(width))
    return [int(np.round(scale * f32(height))), int(np.round(scale * f32(width)))]


def _resize_batch(batch, size, method, antialias):
    """The kernel call: ``batch`` NHWC storage, ``size`` two ints; checks as TF's kernels."""
    opname = _kernel_op(method, antialias)
    if batch.dtype not in _RESIZE_DTYPES:
        raise _dtype_error(opname, batch)
    if size[0] <= 0 or size[1] <= 0:
        raise op_error(opname, "output dimensions must be positive", batch)
    if batch.shape[0] and (batch.shape[1] == 0 or batch.shape[2] == 0):
        raise op_error(opname, "input image must be of non-zero size", batch)
    if method == "nearest":
        return image_resample.resize_nhwc(batch, size, method)
    if batch.shape[0] == 0:
        return batch.new_zeros((0, size[0], size[1], batch.shape[3]), dtype=torch.float32)
    return image_resample.resize_nhwc(batch.to(torch.float32), size, method, antialias)


def _resize_storage(storage, size, method, preserve_aspect_ratio=False, antialias=False):
    if len(storage.shape) not in (3, 4):
        raise ValueError("'images' must have either 3 or 4 dimensions.")
    batch, was_3d = args.batched(storage)
    size = _size_arg(size)
    if preserve_aspect_ratio:
        size = _aspect_size(batch.shape[1], batch.shape[2], size)
    method = getattr(method, "value", method)
    if method not in image_resample.TF_METHODS:
        raise ValueError("Resize method is not implemented: {}".format(method))
    return args.unbatched(_resize_batch(batch, size, method, antialias), was_3d)


@tf_export("image.resize")
def resize(
    images,
    size,
    method=ResizeMethod.BILINEAR,
    preserve_aspect_ratio=False,
    antialias=False,
    name=None,
):
    """Resizes images (``[h, w, c]`` or ``[n, h, w, c]``) to ``size`` ``[new_h, new_w]``.

    Returns float32, except ``method="nearest"``, which keeps the dtype. With
    ``preserve_aspect_ratio`` the image is scaled to fit inside ``size``; ``antialias``
    widens the kernel when downsampling.
    """
    if antialias and not isinstance(antialias, (bool, np.bool_)):  # TF's op attr check
        raise TypeError("Expected bool for argument 'antialias' not %r." % (antialias,))
    storage = args.image_storage(images)
    return wrap(_resize_storage(storage, size, method, preserve_aspect_ratio, antialias))


@tf_export("image.resize_with_pad")
def resize_with_pad(
    image, target_height, target_width, method=ResizeMethod.BILINEAR, antialias=False
):
    """Resizes an image to fit ``[target_height, target_width]`` keeping its aspect ratio,
    then pads it evenly with zeros (``resize``'s dtype rules)."""
    storage = args.rank_3_or_4(image)
    batch, was_3d = args.batched(storage)
    args.check_at_least_3d(batch)
    height_out, width_out = args.target_size(target_height, target_width)
    f32 = np.float32
    height, width = f32(batch.shape[1]), f32(batch.shape[2])
    ratio = max(width / f32(width_out), height / f32(height_out))
    new_height, new_width = height / ratio, width / ratio
    pad_top = max(0, int(np.floor((f32(height_out) - new_height) / f32(2))))
    pad_left = max(0, int(np.floor((f32(width_out) - new_width) / f32(2))))
    resized = _resize_storage(
        batch, [int(np.floor(new_height)), int(np.floor(new_width))], method, False, antialias
    )
    return wrap(args.unbatched(_pad(resized, pad_top, pad_left, height_out, width_out), was_3d))


_CROP_SIGNATURE = (
    "Op<name=CropAndResize; signature=image:T, boxes:float, box_ind:int32, crop_size:int32 -> "
    "crops:float; attr=T:type,allowed=[DT_UINT8, DT_UINT16, DT_INT8, DT_INT16, DT_INT32, "
    'DT_INT64, DT_HALF, DT_FLOAT, DT_DOUBLE]; attr=method:string,default="bilinear",'
    'allowed=["bilinear", "nearest"]; attr=extrapolation_value:float,default=0>'
)


def _crop_error(text, storage, error=op_error):
    return error("CropAndResize", text, storage, name=None)


def _crop_inputs(image, boxes, box_indices, crop_size, method):
    """The checked inputs of TF's ``CropAndResize`` kernel."""
    if method not in ("bilinear", "nearest"):
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'method' of \"%s\" is not in the list of allowed values: "
            '"bilinear", "nearest"\n\t; NodeDef: {{node CropAndResize}}; %s [Op:CropAndResize]'
            % (method, _CROP_SIGNATURE),
        )
    storage = args.image_storage(image)
    if storage.dim() != 4:
        raise _crop_error("input image must be 4-D%s" % dims_text(storage.shape), storage)
    box_storage = convert_to_tensor(boxes, dtype_hint=dtypes.float32)._value
    indices = convert_to_tensor(box_indices, dtype_hint=dtypes.int32)._value
    size = convert_to_tensor(crop_size, dtype_hint=dtypes.int32)._value
    if box_storage.dim() != 2 or box_storage.shape[-1] != 4:
        raise _crop_error("boxes must have 4 columns", storage)
    if indices.dim() != 1 or indices.shape[0] != box_storage.shape[0]:
        raise _crop_error("box_index has incompatible shape", storage)
    if tuple(size.shape) != (2,):
        raise _crop_error("crop_size must have two elements%s" % dims_text(size.shape), storage)
    crop_height, crop_width = (int(v) for v in size.tolist())
    if crop_height <= 0 or crop_width <= 0:
        raise _crop_error("crop dimensions must be positive", storage)
    if indices.numel() and (indices.min() < 0 or indices.max() >= storage.shape[0]):
        raise OutOfRangeError(
            None,
            None,
            _crop_error("box_index has values outside [0, batch_size)", storage).message,
        )
    return storage, box_storage.to(torch.float32), indices.long(), crop_height, crop_width


def _sample_positions(low, high, crop, size):
    """TF's ``CropAndResize`` source coordinates ``[num_boxes, crop]`` (float32)."""
    if crop > 1:
        scale = (high - low) * (size - 1) / (crop - 1)
        steps = torch.arange(crop, dtype=torch.float32, device=low.device)
        return low[:, None] * (size - 1) + steps[None] * scale[:, None]
    return (0.5 * (low + high) * (size - 1))[:, None]


@tf_export("image.crop_and_resize")
def crop_and_resize(
    image,
    boxes,
    box_indices,
    crop_size,
    method="bilinear",
    extrapolation_value=0.0,
    name=None,
):
    """Crops the normalised boxes ``[y1, x1, y2, x2]`` out of the batch images
    ``box_indices`` and resizes each to ``crop_size`` (float32 ``[num_boxes, h, w, c]``);
    samples outside the image are ``extrapolation_value``."""
    storage, boxes, indices, crop_height, crop_width = _crop_inputs(
        image, boxes, box_indices, crop_size, method
    )
    height, width = storage.shape[1], storage.shape[2]
    ys = _sample_positions(boxes[:, 0], boxes[:, 2], crop_height, height)
    xs = _sample_positions(boxes[:, 1], boxes[:, 3], crop_width, width)
    images = storage.to(torch.float32)[indices]
    inside = ((ys >= 0) & (ys <= height - 1))[:, :, None] & ((xs >= 0) & (xs <= width - 1))[
        :, None, :
    ]
    batch = torch.arange(len(indices), device=storage.device)[:, None, None]

    def pick(rows, cols):
        rows = rows.clamp(0, height - 1).long()[:, :, None]
        cols = cols.clamp(0, width - 1).long()[:, None, :]
        return images[batch, rows, cols]

    if method == "nearest":
        out = pick(torch.floor(ys + 0.5), torch.floor(xs + 0.5))
    else:
        top, left = torch.floor(ys), torch.floor(xs)
        y_lerp = (ys - top)[:, :, None, None]
        x_lerp = (xs - left)[:, None, :, None]
        bottom, right = torch.ceil(ys), torch.ceil(xs)
        upper = pick(top, left) + (pick(top, right) - pick(top, left)) * x_lerp
        lower = pick(bottom, left) + (pick(bottom, right) - pick(bottom, left)) * x_lerp
        out = upper + (lower - upper) * y_lerp
    fill = torch.tensor(float(extrapolation_value), dtype=torch.float32, device=out.device)
    return wrap(torch.where(inside[..., None], out, fill))


def _glimpse_corner(y, x, height, width, size, centered, normalized):
    """TF's ``ExtractGlimpseV2`` top-left corner (float32, truncated toward zero)."""
    f32 = np.float32
    y, x = f32(y), f32(x)
    if normalized:
        y, x = y * f32(height), x * f32(width)
        if centered:
            y = y / f32(2) + f32(height) / f32(2) - f32(size[0]) / f32(2)
            x = x / f32(2) + f32(width) / f32(2) - f32(size[1]) / f32(2)
    elif centered:
        y, x = y + f32(height) / f32(2), x + f32(width) / f32(2)
    return int(y), int(x)


def _glimpse_noise(image, size, noise):
    """The background of one glimpse: zeros, uniform over the image's range, or Gaussian with
    each channel's mean and deviation (torch's generator, not TF's)."""
    shape = (size[0], size[1], image.shape[-1])
    if noise == "zero":
        return image.new_zeros(shape)
    if noise == "uniform":
        low = image.min()
        return low + torch.rand(shape, device=image.device) * (image.max() - low)
    mean = image.mean(dim=(0, 1))
    sigma = ((image - mean) ** 2).mean(dim=(0, 1)).sqrt()
    return mean + torch.randn(shape, device=image.device) * sigma


@tf_export("image.extract_glimpse")
def extract_glimpse(
    input,  # noqa: A002 - TF's argument name
    size,
    offsets,
    centered=True,
    normalized=True,
    noise="uniform",
    name=None,
):
    """Glimpses ``[batch, size[0], size[1], c]`` of float32 images, one per row of ``offsets``
    ``[y, x]`` (normalised and/or from the centre as TF reads them); outside the image the
    glimpse holds ``noise`` (``"zero"`` is exact; the random fills are not TF's numbers)."""
    opname = "ExtractGlimpseV2"
    storage = convert_to_tensor(input, dtype=dtypes.float32)._value
    window = [int(v) for v in convert_to_tensor(size, dtype=dtypes.int32)._value.tolist()]
    corners = convert_to_tensor(offsets, dtype=dtypes.float32)._value
    if noise not in ("uniform", "gaussian", "zero"):
        raise op_error(
            opname,
            "The noise could only be uniform, gaussian, or zero, got%s" % noise,
            None,
            name=None,
        )
    if storage.dim() != 4:
        raise op_error(
            opname,
            "input must be 4-dimensional (batch_size, height, width, depth)%s"
            % dims_text(storage.shape),
            storage,
            name=None,
        )
    if corners.dim() != 2 or corners.shape[0] != storage.shape[0]:
        raise op_error(
            opname,
            "first dimension should be batch%s" % dims_text(corners.shape),
            storage,
            name=None,
        )
    _, height, width, _ = storage.shape
    glimpses = []
    for image, (y, x) in zip(storage, corners.tolist()):
        top, left = _glimpse_corner(y, x, height, width, window, centered, normalized)
        out = _glimpse_noise(image, window, noise)
        rows = slice(max(top, 0), min(top + window[0], height))
        cols = slice(max(left, 0), min(left + window[1], width))
        if rows.start < rows.stop and cols.start < cols.stop:
            out = out.clone()
            out[rows.start - top : rows.stop - top, cols.start - left : cols.stop - left] = image[
                rows, cols
            ]
        glimpses.append(out)
    return wrap(torch.stack(glimpses))
