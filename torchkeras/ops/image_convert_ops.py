"""``tf.image.convert_image_dtype`` and ``tf.image.per_image_standardization``.

As TF: integer images span ``[0, dtype.max]`` and float images ``[0, 1)``; converting
rescales, in TF's order of operations (integer <-> integer by integer multiplication or floor
division, float -> integer by ``dtype.max + 0.5`` then a truncating cast).
"""

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.tensor import wrap
from . import _image_args as args
from .bitcast_ops import saturate_cast
from .cast_ops import cast

__all__ = []


_NARROW_UNSIGNED = (torch.uint16, torch.uint32)


def _times(storage, scale):
    """``storage * scale``, ``scale`` converted to the storage's dtype first (as TF's op)."""
    if storage.dtype in _NARROW_UNSIGNED:
        return (storage.to(torch.int64) * scale).to(storage.dtype)
    return storage * torch.tensor(scale, dtype=storage.dtype, device=storage.device)


def _floordiv(storage, scale):
    """``storage // scale`` (torch has no integer division for uint16 / uint32)."""
    if storage.dtype in _NARROW_UNSIGNED:
        return torch.div(storage.to(torch.int64), scale, rounding_mode="floor").to(storage.dtype)
    return torch.div(storage, scale, rounding_mode="floor")


def _cast(storage, dtype, saturate):
    if saturate and storage.dtype in _NARROW_UNSIGNED:
        storage = storage.to(torch.int64)
    return (saturate_cast if saturate else cast)(wrap(storage), dtype)._value


@tf_export("image.convert_image_dtype")
def convert_image_dtype(image, dtype, saturate=False, name=None):
    """Converts ``image`` to ``dtype``, rescaling its values (integers span
    ``[0, dtype.max]``, floats ``[0, 1)``); ``saturate`` clamps before a narrowing cast."""
    tensor = convert_to_tensor(image)
    dtype = dtypes.as_dtype(dtype)
    if not dtype.is_floating and not dtype.is_integer:
        raise AttributeError("dtype must be either floating point or integer")
    source = tensor.dtype
    if not source.is_floating and not source.is_integer:
        raise AttributeError("image dtype must be either floating point or integer")
    storage = tensor._value
    if dtype == source:
        return wrap(storage)
    if source.is_integer and dtype.is_integer:
        if source.max > dtype.max:
            scale = (source.max + 1) // (dtype.max + 1)
            return wrap(_cast(_floordiv(storage, scale), dtype, saturate))
        scale = (dtype.max + 1) // (source.max + 1)
        return wrap(_times(_cast(storage, dtype, saturate), scale))
    if source.is_floating and dtype.is_floating:
        return wrap(_cast(storage, dtype, False))
    if source.is_integer:
        return wrap(_times(_cast(storage, dtype, False), 1.0 / source.max))
    return wrap(_cast(_times(storage, dtype.max + 0.5), dtype, saturate))


@tf_export("image.per_image_standardization")
def per_image_standardization(image):
    """Each image scaled to mean 0 and variance 1 (float32): ``(x - mean) / adjusted_stddev``,
    ``adjusted_stddev = max(stddev, 1 / sqrt(num_pixels))``."""
    storage = args.image_storage(image)
    args.check_at_least_3d(storage)
    floats = cast(wrap(storage), dtypes.float32)._value
    dims = (-1, -2, -3)
    num_pixels = storage.shape[-1] * storage.shape[-2] * storage.shape[-3]
    mean = floats.mean(dim=dims, keepdim=True)
    centred = floats - mean
    stddev = (centred * centred).mean(dim=dims, keepdim=True).sqrt()
    min_stddev = torch.rsqrt(torch.tensor(float(num_pixels), device=floats.device))
    return wrap(centred / torch.maximum(stddev, min_stddev))
