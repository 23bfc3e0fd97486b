"""``tf.image.psnr``, ``tf.image.ssim`` and ``tf.image.ssim_multiscale``.

As TF: images (``[..., h, w, c]``) are converted to float32 with ``convert_image_dtype``
(``max_val`` too, so ``255`` for uint8 images means 1.0); SSIM filters with TF's Gaussian
window (a softmax over squared offsets) by a VALID depthwise convolution; MS-SSIM pads odd
sizes symmetrically and average-pools by 2 between scales. Differentiable (torch).
"""

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import broadcast_shapes, input_dtype_error
from ..framework.shape import TensorShape
from ..framework.tensor import wrap
from .image_convert_ops import convert_image_dtype
from .cast_ops import cast

__all__ = []

_MSSSIM_WEIGHTS = (0.0448, 0.2856, 0.3001, 0.2363, 0.1333)


def _check_shapes(img1, img2):
    """TF's ``_verify_compatible_image_shapes`` (static part)."""
    for storage in (img1, img2):
        if storage.dim() < 3:
            raise ValueError(
                "Shape %s must have rank at least 3" % TensorShape(list(storage.shape))
            )
    if img1.shape[-3:] != img2.shape[-3:]:
        raise ValueError(
            "Shapes %s and %s are incompatible"
            % (TensorShape(list(img1.shape[-3:])), TensorShape(list(img2.shape[-3:])))
        )


def _float_inputs(img1, img2, max_val, check=True):
    """Both images and ``max_val`` as float32 storages, as TF's wrappers convert them."""
    a, b = convert_to_tensor(img1), convert_to_tensor(img2)
    if check:
        if a.dtype != b.dtype:
            raise input_dtype_error("ShapeN", 1, a._value, b._value)
        _check_shapes(a._value, b._value)
    top = convert_image_dtype(cast(max_val, a.dtype), dtypes.float32)._value
    a = convert_image_dtype(a, dtypes.float32)._value
    b = convert_image_dtype(b, dtypes.float32)._value
    return a, b, top


@tf_export("image.psnr")
def psnr(a, b, max_val, name=None):
    """Peak signal-to-noise ratio per image, ``20 log10(max_val) - 10 log10(mse)`` (float32)."""
    x, y, top = _float_inputs(a, b, max_val, check=False)
    broadcast_shapes("SquaredDifference", x.shape, y.shape, x)
    _check_shapes(x, y)
    diff = x - y
    mse = (diff * diff).mean(dim=(-3, -2, -1))
    ten = torch.tensor(10.0, device=x.device)
    return wrap(20 * torch.log(top) / torch.log(ten) - np.float32(10 / np.log(10)) * torch.log(mse))


def _gaussian_window(size, sigma, device):
    """TF's ``_fspecial_gauss``: a softmax over ``-(dy^2 + dx^2) / (2 sigma^2)``."""
    coords = torch.arange(size, dtype=torch.float32, device=device) - (size - 1) / 2.0
    g = coords * coords * (-0.5 / (sigma * sigma))
    g = (g[None, :] + g[:, None]).reshape(1, -1)
    return torch.softmax(g, dim=-1).reshape(size, size)


def _ssim_per_channel(img1, img2, max_val, filter_size, filter_sigma, k1, k2, index_map=False):
    """TF's ``_ssim_per_channel``: ``(ssim, cs)`` per channel (maps when ``index_map``)."""
    if img1.shape[-3] < filter_size or img1.shape[-2] < filter_size:
        raise InvalidArgumentError(
            None,
            None,
            "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
            "%s\n%d" % (", ".join(str(d) for d in img1.shape), filter_size),
        )
    channels = img1.shape[-1]
    window = _gaussian_window(filter_size, float(np.float32(filter_sigma)), img1.device)
    kernel = window.expand(channels, 1, filter_size, filter_size)

    def reducer(x):
        flat = x.reshape(-1, *x.shape[-3:]).permute(0, 3, 1, 2)
        out = torch.nn.functional.conv2d(flat, kernel, groups=channels).permute(0, 2, 3, 1)
        return out.reshape(*x.shape[:-3], *out.shape[1:])

    c1 = (k1 * max_val) ** 2
    c2 = (k2 * max_val) ** 2
    mean0, mean1 = reducer(img1), reducer(img2)
    num0 = mean0 * mean1 * 2.0
    den0 = mean0 * mean0 + mean1 * mean1
    luminance = (num0 + c1) / (den0 + c1)
    num1 = reducer(img1 * img2) * 2.0
    den1 = reducer(img1 * img1 + img2 * img2)
    cs = (num1 - num0 + c2) / (den1 - den0 + c2)
    if index_map:
        return luminance * cs, cs
    return (luminance * cs).mean(dim=(-3, -2)), cs.mean(dim=(-3, -2))


@tf_export("image.ssim")
def ssim(
    img1,
    img2,
    max_val,
    filter_size=11,
    filter_sigma=1.5,
    k1=0.01,
    k2=0.03,
    return_index_map=False,
):
    """Structural similarity per image (averaged over channels; the per-pixel map with
    ``return_index_map``), float32."""
    a, b, top = _float_inputs(img1, img2, max_val)
    value, _ = _ssim_per_channel(a, b, top, filter_size, filter_sigma, k1, k2, return_index_map)
    return wrap(value.mean(dim=-1))


def _halve(images):
    """One MS-SSIM downscale: odd sizes padded symmetrically at the end, 2x2 average pool."""
    flat = images.reshape(-1, *images.shape[-3:])
    pad_h, pad_w = flat.shape[1] % 2, flat.shape[2] % 2
    if pad_h:
        flat = torch.cat([flat, flat[:, -1:]], dim=1)
    if pad_w:
        flat = torch.cat([flat, flat[:, :, -1:]], dim=2)
    pooled = torch.nn.functional.avg_pool2d(flat.permute(0, 3, 1, 2), 2).permute(0, 2, 3, 1)
    return pooled.reshape(*images.shape[:-3], *pooled.shape[1:])


@tf_export("image.ssim_multiscale")
def ssim_multiscale(
    img1,
    img2,
    max_val,
    power_factors=_MSSSIM_WEIGHTS,
    filter_size=11,
    filter_sigma=1.5,
    k1=0.01,
    k2=0.03,
):
    """Multi-scale SSIM per image: the weighted geometric mean of the contrast-structure
    terms of ``len(power_factors)`` scales and the last scale's SSIM (averaged over
    channels)."""
    a, b, top = _float_inputs(img1, img2, max_val)
    factors = torch.as_tensor(np.asarray(power_factors, dtype=np.float32), device=a.device)
    scores = []
    for scale in range(len(power_factors)):
        if scale:
            a, b = _halve(a), _halve(b)
        value, cs = _ssim_per_channel(a, b, top, filter_size, filter_sigma, k1, k2)
        scores.append(torch.relu(cs))
    scores[-1] = torch.relu(value)
    stacked = torch.stack(scores, dim=-1)
    return wrap(torch.prod(stacked**factors, dim=-1).mean(dim=-1))
