"""``keras.ops.image``: ``resize`` (bilinear, nearest) and ``rgb_to_grayscale`` of 3-D or 4-D
images."""

import torch
import torch.nn.functional as F

from ..backend import config
from ._base import floatx_torch, storage, wrap
from ...api_export import keras_export as _keras_export

__all__ = ["resize", "rgb_to_grayscale"]

_MODES = {"bilinear": "bilinear", "nearest": "nearest-exact"}


@_keras_export("keras.ops.image.resize")
def resize(
    images,
    size,
    interpolation="bilinear",
    antialias=False,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
    fill_mode="constant",
    fill_value=0.0,
    data_format=None,
):
    """``images`` resized to ``size = (height, width)`` with TF's half-pixel sampling
    (``crop_to_aspect_ratio``/``pad_to_aspect_ratio`` and the other interpolation modes are
    not supported here: ``ValueError``); the result keeps the input's dtype (integers
    rounded and saturated)."""
    if crop_to_aspect_ratio or pad_to_aspect_ratio:
        raise ValueError(
            "torchkeras' resize does not support `crop_to_aspect_ratio` or `pad_to_aspect_ratio`."
        )
    if interpolation not in _MODES:
        raise ValueError(
            f"Invalid value for argument `interpolation`. Expected of one {tuple(_MODES)}. "
            f"Received: interpolation={interpolation}"
        )
    if len(size) != 2:
        raise ValueError(f"Expected `size` to be a tuple of 2 integers. Received: size={size}")
    x = storage(images)
    if x.dim() not in (3, 4):
        raise ValueError(
            "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
            f"Received input with shape: images.shape={tuple(x.shape)}"
        )
    data_format = data_format or config.image_data_format()
    unbatched = x.dim() == 3
    if unbatched:
        x = x.unsqueeze(0)
    if data_format == "channels_last":
        x = x.permute(0, 3, 1, 2)
    original = x.dtype
    work = x if x.is_floating_point() else x.to(floatx_torch())
    kwargs = {"antialias": antialias, "align_corners": False} if interpolation == "bilinear" else {}
    out = F.interpolate(
        work, size=tuple(int(s) for s in size), mode=_MODES[interpolation], **kwargs
    )
    if out.dtype is not original:
        info = torch.iinfo(original) if original is not torch.bool else None
        out = torch.round(out)
        out = (out.clamp(info.min, info.max) if info is not None else out).to(original)
    if data_format == "channels_last":
        out = out.permute(0, 2, 3, 1)
    return wrap((out.squeeze(0) if unbatched else out).contiguous())


@_keras_export("keras.ops.image.rgb_to_grayscale")
def rgb_to_grayscale(images, data_format=None):
    """Luma ``0.2989 R + 0.5870 G + 0.1140 B`` with one output channel (computed in
    ``result_type(images, float)``, cast back)."""
    from ._dtypes import NAME, TORCH, result_type

    x = storage(images)
    if x.dim() not in (3, 4):
        raise ValueError(
            "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
            f"Received input with shape: images.shape={tuple(x.shape)}"
        )
    axis = -1 if (data_format or config.image_data_format()) == "channels_last" else -3
    if x.shape[axis] not in (1, 3):
        raise ValueError(
            "Invalid channel size: expected 3 (RGB) or 1 (Grayscale). "
            f"Received input with shape: images.shape={tuple(x.shape)}"
        )
    if x.shape[axis] == 1:
        return wrap(x)
    compute = TORCH[result_type(NAME[x.dtype], float)]
    weights = torch.tensor([0.2989, 0.5870, 0.1140], dtype=compute, device=x.device)
    gray = torch.tensordot(x.to(compute), weights, dims=([axis % x.dim()], [0])).unsqueeze(axis)
    return wrap(gray.to(x.dtype))
