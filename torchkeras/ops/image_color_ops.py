"""``tf.image`` colour: brightness, contrast, gamma, hue, saturation and colour spaces.

As TF: the ``adjust_*`` ops compute on float32 (float16 and float32 images as they are,
other dtypes through ``convert_image_dtype``) and convert back to the image's dtype; hue and
saturation follow TF's ``AdjustHue`` / ``AdjustSaturation`` kernels, ``rgb_to_hsv`` /
``hsv_to_rgb`` the ``RGBToHSV`` / ``HSVToRGB`` kernels.  Everything is torch arithmetic, so
float images are differentiable.
"""

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import FailedPreconditionError
from ..framework.op_errors import (
    attr_error,
    broadcast_shapes,
    dims_text,
    dtype_of,
    eager_name,
    kernel_name,
    op_error,
)
from ..framework.tensor import wrap
from . import _image_args as args
from .cast_ops import cast
from .image_convert_ops import convert_image_dtype

__all__ = []

_HSV_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64)


def _float_image(image):
    """``(float storage, original dtype)`` as TF's ``adjust_*`` wrappers prepare an image."""
    tensor = convert_to_tensor(image)
    if tensor.dtype in (dtypes.float16, dtypes.float32):
        return tensor._value, tensor.dtype
    return convert_image_dtype(tensor, dtypes.float32)._value, tensor.dtype


def _back(storage, dtype, saturate=False):
    return convert_image_dtype(wrap(storage), dtype, saturate=saturate)


def _delta(value, storage):
    """A scalar argument as a storage of ``storage``'s dtype (TF's ``math_ops.cast``: a string
    raises its ``UnimplementedError``)."""
    return cast(value, dtype_of(storage))._value.to(storage.device)


def _check_kernel_image(storage, opname, channels=True):
    """The shape checks of TF's ``AdjustHue`` / ``AdjustSaturation`` / ``AdjustContrastv2``."""
    if storage.dim() < 3:
        raise op_error(
            opname, "input must be at least 3-D, got shape%s" % dims_text(storage.shape), storage
        )
    if channels and storage.shape[-1] != 3:
        raise op_error(
            opname,
            "input must have 3 channels but instead has %d channels." % storage.shape[-1],
            storage,
        )


@tf_export("image.adjust_brightness")
def adjust_brightness(image, delta):
    """Adds ``delta`` to every pixel (on float32 for integer images, then converted back with
    saturation)."""
    flt, dtype = _float_image(image)
    delta = _delta(delta, flt)
    broadcast_shapes("AddV2", flt.shape, delta.shape, flt)
    return _back(flt + delta, dtype, saturate=True)


@tf_export("image.adjust_contrast")
def adjust_contrast(images, contrast_factor):
    """``(x - mean) * contrast_factor + mean``, the mean per image and channel."""
    flt, dtype = _float_image(images)
    _check_kernel_image(flt, "AdjustContrastv2", channels=False)
    factor = _delta(contrast_factor, flt)
    if factor.dim():
        raise op_error(
            "AdjustContrastv2",
            "contrast_factor must be scalar: %s" % dims_text(factor.shape),
            flt,
            name=eager_name(images, contrast_factor),
        )
    work = flt.float()
    mean = work.mean(dim=(-3, -2), keepdim=True)
    adjusted = ((work - mean) * factor.float() + mean).to(flt.dtype)
    return _back(adjusted, dtype, saturate=True)


@tf_export("image.adjust_gamma")
def adjust_gamma(image, gamma=1, gain=1):
    """``gain * image ** gamma`` on float images (``gamma`` >= 0)."""
    flt, dtype = _float_image(image)
    value, is_tensor = args.scalar(gamma)
    args.check(value >= 0, is_tensor, "Gamma should be a non-negative real number.")
    adjusted = _delta(gain, flt) * flt ** _delta(gamma, flt)
    return _back(adjusted, dtype, saturate=True)


def _hv_range(rgb):
    """TF's ``rgb_to_hv_range``: hue in ``[0, 6)``, and the min and max channel."""
    r, g, b = rgb.unbind(-1)
    v_max = torch.maximum(torch.maximum(r, g), b)
    v_min = torch.minimum(torch.minimum(r, g), b)
    r_lt_g = r < g
    category = torch.where(
        r_lt_g,
        torch.where(b < r, 1, torch.where(b > g, 3, 2)),
        torch.where(b < g, 0, torch.where(b > r, 4, 5)),
    )
    v_mid = torch.where(
        r_lt_g,
        torch.where(b < r, r, torch.where(b > g, g, b)),
        torch.where(b < g, g, torch.where(b > r, r, b)),
    )
    spread = v_max - v_min
    ratio = (v_mid - v_min) / torch.where(spread == 0, torch.ones_like(spread), spread)
    hue = category + torch.where(category % 2 == 0, ratio, 1 - ratio)
    return torch.where(spread == 0, torch.zeros_like(hue), hue), v_min, v_max


def _hv_range_to_rgb(hue, v_min, v_max):
    """TF's ``hv_range_to_rgb``."""
    category = hue.to(torch.int64)
    ratio = hue - category
    ratio = torch.where(category % 2 == 0, ratio, 1 - ratio)
    v_mid = v_min + ratio * (v_max - v_min)
    table = (
        (v_max, v_mid, v_min),
        (v_mid, v_max, v_min),
        (v_min, v_max, v_mid),
        (v_min, v_mid, v_max),
        (v_mid, v_min, v_max),
        (v_max, v_min, v_mid),
    )
    channels = []
    for c in range(3):
        out = table[5][c]
        for k in range(4, -1, -1):
            out = torch.where(category == k, table[k][c], out)
        channels.append(out)
    return torch.stack(channels, dim=-1)


@tf_export("image.adjust_hue")
def adjust_hue(image, delta, name=None):
    """Rotates the hue of RGB images by ``delta`` (a fraction of the colour wheel, in
    ``[-1, 1]``)."""
    value, _ = args.scalar(delta)
    if value < -1 or value > 1:
        raise ValueError("delta must be in the interval [-1, 1]")
    flt, dtype = _float_image(image)
    _check_kernel_image(flt, "AdjustHue")
    hue, v_min, v_max = _hv_range(flt.float())
    hue = torch.remainder(hue + float(value) * 6, 6)
    rgb = _hv_range_to_rgb(hue, v_min, v_max).to(flt.dtype)
    return _back(rgb, dtype)


def _kernel_rgb_to_hsv(rgb):
    """TF's ``rgb_to_hsv`` of the ``AdjustSaturation`` kernel (hue in ``[0, 1)``)."""
    r, g, b = rgb.unbind(-1)
    value = torch.maximum(torch.maximum(r, g), b)
    spread = value - torch.minimum(torch.minimum(r, g), b)
    saturation = torch.where(value > 0, spread / value, torch.zeros_like(value))
    norm = 1.0 / (6.0 * spread)
    hue = torch.where(
        r == value,
        norm * (g - b),
        torch.where(g == value, norm * (b - r) + 2.0 / 6.0, norm * (r - g) + 4.0 / 6.0),
    )
    hue = torch.where(spread <= 0, torch.zeros_like(hue), hue)
    hue = torch.where(hue < 0, hue + 1, hue)
    return hue, saturation, value


def _kernel_hsv_to_rgb(hue, saturation, value):
    """TF's ``hsv_to_rgb`` of the ``AdjustSaturation`` kernel."""
    chroma = saturation * value
    low = value - chroma
    dh = hue * 6
    category = dh.to(torch.int64)
    fmodu = torch.remainder(dh, 2.0)
    fmodu = torch.where((fmodu == 0) & (dh <= 0), torch.full_like(fmodu, 2.0), fmodu)
    x = chroma * (1 - (fmodu - 1).abs())
    zero = torch.zeros_like(chroma)
    table = (
        (chroma, x, zero),
        (x, chroma, zero),
        (zero, chroma, x),
        (zero, x, chroma),
        (x, zero, chroma),
        (chroma, zero, x),
    )
    channels = []
    for c in range(3):
        out = zero
        for k in range(6):
            out = torch.where(category == k, table[k][c], out)
        channels.append(out + low)
    return torch.stack(channels, dim=-1)


@tf_export("image.adjust_saturation")
def adjust_saturation(image, saturation_factor, name=None):
    """Scales the saturation of RGB images by ``saturation_factor`` (clipped to ``[0, 1]``)."""
    flt, dtype = _float_image(image)
    _check_kernel_image(flt, "AdjustSaturation")
    factor = _delta(saturation_factor, flt).float()
    hue, saturation, value = _kernel_rgb_to_hsv(flt.float())
    saturation = torch.clamp(saturation * factor, 0.0, 1.0)
    rgb = _kernel_hsv_to_rgb(hue, saturation, value).to(flt.dtype)
    return _back(rgb, dtype)


def _hsv_input(images, opname):
    storage = args.image_storage(images)
    if storage.dtype not in _HSV_DTYPES:
        raise attr_error(opname, storage)
    if storage.dim() < 1 or storage.shape[-1] != 3:
        channels = storage.shape[-1] if storage.dim() else 0
        raise FailedPreconditionError(
            None,
            None,
            op_error(
                opname,
                "input must have 3 channels but input only has %d channels." % channels,
                storage,
            ).message,
        )
    return storage


@tf_export("image.rgb_to_hsv")
def rgb_to_hsv(images, name=None):
    """RGB to HSV (all in ``[0, 1]``) over the last axis of float images."""
    storage = _hsv_input(images, "RGBToHSV")
    r, g, b = storage.unbind(-1)
    value = torch.maximum(torch.maximum(r, g), b)
    spread = value - torch.minimum(torch.minimum(r, g), b)
    zero = torch.zeros_like(value)
    saturation = torch.where(value > 0, spread / torch.where(value > 0, value, 1), zero)
    norm = 1.0 / (6.0 * torch.where(spread > 0, spread, 1))
    hue = torch.where(
        value == r,
        norm * (g - b),
        torch.where(value == g, norm * (b - r) + 2.0 / 6.0, norm * (r - g) + 4.0 / 6.0),
    )
    hue = torch.where(spread > 0, hue, zero)
    hue = torch.where(hue < 0, hue + 1, hue)
    return wrap(torch.stack([hue, saturation, value], dim=-1))


@tf_export("image.hsv_to_rgb")
def hsv_to_rgb(images, name=None):
    """HSV to RGB (all in ``[0, 1]``) over the last axis of float images."""
    storage = _hsv_input(images, "HSVToRGB")
    hue, saturation, value = storage.unbind(-1)
    dh = hue * 6
    red = ((dh - 3).abs() - 1).clamp(0, 1)
    green = (2 - (dh - 2).abs()).clamp(0, 1)
    blue = (2 - (dh - 4).abs()).clamp(0, 1)
    one_minus_s = 1 - saturation
    return wrap(
        torch.stack([(one_minus_s + saturation * c) * value for c in (red, green, blue)], dim=-1)
    )


def _matmul_last(storage, kernel):
    """``tensordot(storage, kernel, [[-1], [0]])`` with TF's MatMul error for a bad last axis."""
    rows = kernel.shape[0]
    if storage.dim() == 0 or storage.shape[-1] != rows:
        flat = [storage.numel() // max(storage.shape[-1], 1), storage.shape[-1]]
        raise op_error(
            "MatMul",
            "Matrix size-incompatible: In[0]: %s, In[1]: %s"
            % (dims_text(flat), dims_text(kernel.shape)),
            storage,
            kernel=kernel_name("MatMul", storage),
        )
    return storage @ kernel


_KERNELS = {
    "rgb_to_yiq": [
        [0.299, 0.59590059, 0.2115],
        [0.587, -0.27455667, -0.52273617],
        [0.114, -0.32134392, 0.31119955],
    ],
    "yiq_to_rgb": [
        [1, 1, 1],
        [0.95598634, -0.27201283, -1.10674021],
        [0.6208248, -0.64720424, 1.70423049],
    ],
    "rgb_to_yuv": [
        [0.299, -0.14714119, 0.61497538],
        [0.587, -0.28886916, -0.51496512],
        [0.114, 0.43601035, -0.10001026],
    ],
    "yuv_to_rgb": [[1, 1, 1], [0, -0.394642334, 2.03206185], [1.13988303, -0.58062185, 0]],
}


def _linear_space(images, which):
    """TF's ``tensordot`` of float images with one of its 3x3 colour kernels."""
    tensor = convert_to_tensor(images)
    kernel = convert_to_tensor(_KERNELS[which], dtype=tensor.dtype)._value
    return wrap(_matmul_last(tensor._value, kernel.to(tensor._value.device)))


@tf_export("image.rgb_to_yiq")
def rgb_to_yiq(images):
    """RGB to YIQ over the last axis (float images in ``[0, 1]``)."""
    return _linear_space(images, "rgb_to_yiq")


@tf_export("image.yiq_to_rgb")
def yiq_to_rgb(images):
    """YIQ to RGB over the last axis (float images)."""
    return _linear_space(images, "yiq_to_rgb")


@tf_export("image.rgb_to_yuv")
def rgb_to_yuv(images):
    """RGB to YUV over the last axis (float images in ``[0, 1]``)."""
    return _linear_space(images, "rgb_to_yuv")


@tf_export("image.yuv_to_rgb")
def yuv_to_rgb(images):
    """YUV to RGB over the last axis (float images)."""
    return _linear_space(images, "yuv_to_rgb")


@tf_export("image.rgb_to_grayscale")
def rgb_to_grayscale(images, name=None):
    """Luma ``0.2989 R + 0.5870 G + 0.1140 B`` (computed on float32), last axis of size 1, in
    the images' dtype."""
    tensor = convert_to_tensor(images)
    flt = convert_image_dtype(tensor, dtypes.float32)._value
    weights = torch.tensor([[0.2989], [0.5870], [0.1140]], device=flt.device)
    return convert_image_dtype(wrap(_matmul_last(flt, weights)), tensor.dtype)


@tf_export("image.grayscale_to_rgb")
def grayscale_to_rgb(images, name=None):
    """Repeats the single channel of grayscale images three times."""
    storage = args.tensor_storage(images)
    if len(storage.shape) < 2:
        raise ValueError(
            "A grayscale image (shape %s) must be at least two-dimensional."
            % args.shape_text(storage)
        )
    if storage.shape[-1] != 1:
        raise ValueError("Last dimension of a grayscale image should be size 1.")
    return wrap(storage.expand(*storage.shape[:-1], 3).contiguous())
