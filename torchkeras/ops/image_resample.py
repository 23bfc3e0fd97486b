"""TF's resize kernels over channels-last batches (``tf.image.resize``, Keras' resizing).

``bilinear`` (without antialiasing) runs on torch's ``interpolate``, which uses the same
half-pixel centres as TF's ``ResizeBilinear``; ``nearest`` gathers the pixels
``ResizeNearestNeighbor`` picks (``floor((i + 0.5) * in / out)``, in float32), so it keeps
any dtype. The other methods are separable, so each is one weight matrix per axis, built as
TF builds its weights:

- ``bicubic``: ``ResizeBicubic`` (Keys' kernel, ``a = -0.5``, read from a 1024-entry
  table, taps outside the image dropped and the rest renormalised);
- ``area``: ``ResizeArea`` (each output pixel averages the input area it covers);
- ``lanczos3``, ``lanczos5``, ``gaussian``, ``mitchellcubic`` and the antialiased
  ``bilinear`` / ``bicubic``: ``ScaleAndTranslate`` (kernel widened by the downscale factor
  when antialiasing).
"""

import functools
import math

import numpy as np
import torch

METHODS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")
"""The methods Keras' resizing offers."""
TF_METHODS = METHODS + ("gaussian", "mitchellcubic")
"""The methods of ``tf.image.resize``."""

_TABLE_SIZE = 1024


def _keys_cubic(distance, a=-0.5):
    t = distance.abs()
    near = ((a + 2) * t - (a + 3)) * t * t + 1
    far = ((a * t - 5 * a) * t + 8 * a) * t - 4 * a
    return torch.where(t <= 1, near, torch.where(t < 2, far, torch.zeros_like(t)))


def _lanczos(radius):
    def kernel(x):
        x = x.abs()
        safe = torch.where(x <= 1e-3, torch.ones_like(x), x)
        value = (
            radius
            * torch.sin(math.pi * safe)
            * torch.sin(math.pi * safe / radius)
            / (math.pi**2 * safe * safe)
        )
        return torch.where(
            x > radius, torch.zeros_like(x), torch.where(x <= 1e-3, torch.ones_like(x), value)
        )

    return kernel, radius


def _triangle(x):
    return torch.clamp(1 - x.abs(), min=0)


def _gaussian(x, radius=1.5):
    sigma = radius / 3.0
    x = x.abs()
    return torch.where(x >= radius, torch.zeros_like(x), torch.exp(-x * x / (2.0 * sigma * sigma)))


def _mitchell_cubic(x):
    x = x.abs()
    far = (((-7.0 / 18.0) * x + 2.0) * x - 10.0 / 3.0) * x + 16.0 / 9.0
    near = (((7.0 / 6.0) * x - 2.0) * x) * x + 8.0 / 9.0
    return torch.where(x >= 2, torch.zeros_like(x), torch.where(x >= 1, far, near))


_KERNELS = {
    "lanczos3": _lanczos(3),
    "lanczos5": _lanczos(5),
    "bilinear": (_triangle, 1),
    "bicubic": (_keys_cubic, 2),
    "gaussian": (_gaussian, 1.5),
    "mitchellcubic": (_mitchell_cubic, 2),
}


def _bicubic_matrix(in_size, out_size):
    scale = in_size / out_size
    source = (torch.arange(out_size, dtype=torch.float64) + 0.5) * scale - 0.5
    return bicubic_weights(source, in_size)


def bicubic_weights(source, in_size):
    """TF's ``ResizeBicubic`` weights as a float64 ``[len(source), in_size]`` matrix: row
    ``i`` interpolates the input at position ``source[i]`` (float64, in input pixels; the
    fraction read from the 1024-entry table, taps outside the input dropped and the rest
    renormalised).  Also Keras' bicubic ``UpSampling2D``."""
    base = torch.floor(source)
    source = base + torch.round((source - base) * _TABLE_SIZE) / _TABLE_SIZE
    taps = base[:, None] + torch.arange(-1, 3, dtype=torch.float64)[None]
    weights = _keys_cubic(source[:, None] - taps)
    weights = torch.where((taps >= 0) & (taps < in_size), weights, torch.zeros_like(weights))
    weights = weights / weights.sum(dim=1, keepdim=True)
    matrix = torch.zeros(source.shape[0], in_size, dtype=torch.float64)
    return matrix.scatter_add_(1, taps.clamp(0, in_size - 1).long(), weights)


def _area_matrix(in_size, out_size):
    scale = in_size / out_size
    start = torch.arange(out_size, dtype=torch.float64)[:, None] * scale
    end = start + scale
    pixel = torch.arange(in_size, dtype=torch.float64)[None]
    overlap = torch.minimum(pixel + 1, end) - torch.maximum(pixel, start)
    return overlap.clamp(min=0) / scale


def _scale_and_translate_matrix(in_size, out_size, method, antialias):
    """TF's ``ScaleAndTranslate`` spans and weights, in its float32 arithmetic (the scale is
    ``out / in``, inverted), so taps at the kernel's edge fall as TF's do."""
    kernel, radius = _KERNELS[method]
    f32 = torch.float32
    scale = torch.tensor(out_size, dtype=f32) / torch.tensor(in_size, dtype=f32)
    inv_scale = 1.0 / scale
    kernel_scale = torch.clamp(inv_scale, min=1.0) if antialias else torch.tensor(1.0)
    sample = (torch.arange(out_size, dtype=f32) + 0.5) * inv_scale
    reach = radius * kernel_scale
    start = torch.ceil(sample - reach - 0.5).clamp(0, in_size - 1)
    end = torch.floor(sample + reach - 0.5).clamp(0, in_size - 1)
    pixel = torch.arange(in_size, dtype=f32)[None]
    inside = (pixel >= start[:, None]) & (pixel <= end[:, None])
    weights = torch.where(
        inside,
        kernel(((pixel + 0.5 - sample[:, None]) * (1.0 / kernel_scale)).abs()),
        torch.zeros((), dtype=f32),
    )
    weights = torch.where(((sample < 0) | (sample > in_size))[:, None], 0.0, weights)
    total = weights.sum(dim=1, keepdim=True)
    weights = torch.where(
        total.abs() >= 1000 * torch.finfo(f32).tiny, weights * (1.0 / total), weights
    )
    return weights.to(torch.float64)


@functools.lru_cache(maxsize=64)
def _matrix(in_size, out_size, method, antialias):
    if method == "area":
        return _area_matrix(in_size, out_size)
    if method == "bicubic" and not antialias:
        return _bicubic_matrix(in_size, out_size)
    return _scale_and_translate_matrix(in_size, out_size, method, antialias)


def _nearest_indices(in_size, out_size, device):
    """The source rows of TF's half-pixel ``ResizeNearestNeighbor`` (float32 arithmetic)."""
    scale = np.float32(in_size) / np.float32(out_size)
    source = np.floor((np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale)
    return torch.as_tensor(np.minimum(source.astype(np.int64), in_size - 1), device=device)


def resize_nhwc(images, size, method, antialias=False):
    """``images`` (a ``(N, H, W, C)`` torch tensor, float unless ``method`` is ``nearest``)
    resized to ``size`` by TF's ``method``."""
    height, width = size
    if method == "nearest":
        rows = _nearest_indices(images.shape[1], height, images.device)
        cols = _nearest_indices(images.shape[2], width, images.device)
        return images.index_select(1, rows).index_select(2, cols)
    if method == "bilinear" and not antialias:
        x = images.permute(0, 3, 1, 2)
        return torch.nn.functional.interpolate(
            x, size=(height, width), mode="bilinear", align_corners=False
        ).permute(0, 2, 3, 1)
    rows = _matrix(images.shape[1], height, method, antialias).to(images.dtype).to(images.device)
    cols = _matrix(images.shape[2], width, method, antialias).to(images.dtype).to(images.device)
    return torch.einsum("oh,nhwc,pw->nopc", rows, images, cols)


def _aspect_box(height, width, target_height, target_width):
    """TF's int32 arithmetic for the crop / pad box with the target's aspect ratio."""
    box_height = int(np.float32(width * target_height) / np.float32(target_width))
    box_width = int(np.float32(height * target_width) / np.float32(target_height))
    return box_height, box_width


def crop_to_aspect_ratio(images, size):
    """The largest centred crop of ``images`` (NHWC) with the aspect ratio of ``size``."""
    height, width = images.shape[1], images.shape[2]
    crop_height, crop_width = _aspect_box(height, width, *size)
    crop_height = max(min(height, crop_height), 1)
    crop_width = max(min(width, crop_width), 1)
    top = (height - crop_height) // 2
    left = (width - crop_width) // 2
    return images[:, top : top + crop_height, left : left + crop_width, :]


def _fill_band(images, height, width, fill_value):
    """A ``(batch, height, width, channels)`` block of ``fill_value`` like ``images`` (NHWC)."""
    return torch.full(
        (images.shape[0], height, width, images.shape[3]),
        fill_value,
        dtype=images.dtype,
        device=images.device,
    )


def pad_to_aspect_ratio(images, size, fill_value):
    """``images`` (NHWC) padded symmetrically with ``fill_value`` to the aspect ratio of
    ``size``."""
    height, width = images.shape[1], images.shape[2]
    pad_height, pad_width = _aspect_box(height, width, *size)
    top = (max(height, pad_height) - height) // 2
    left = (max(width, pad_width) - width) // 2
    if top > 0:
        band = _fill_band(images, top, width, fill_value)
        images = torch.cat([band, images, band], dim=1)
    if left > 0:
        band = _fill_band(images, height, left, fill_value)
        images = torch.cat([band, images, band], dim=2)
    return images
