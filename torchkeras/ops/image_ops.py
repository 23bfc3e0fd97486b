"""``tf.image`` geometry: flips, rotations, transposes, crops and pads.

As TF's ``image_ops_impl``: images are 3-D ``[height, width, channels]`` or 4-D
``[batch, height, width, channels]`` of any dtype; the results keep the dtype. All of them
are torch indexing, so they are differentiable under a ``GradientTape``.
"""

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import attr_error, cannot_convert, dtype_of
from ..framework.tensor import TensorOperators, wrap
from . import _image_args as args

__all__ = []


def _image(image):
    storage = args.image_storage(image)
    args.check_3_or_4(storage)
    return storage


def _flip(image, axis):
    storage = args.image_storage(image)
    args.check_3_or_4(storage, "'image' (shape %s)must have either 3 or 4 dimensions.")
    return wrap(args.flip(storage, axis + len(storage.shape) - 3))


@tf_export("image.flip_left_right")
def flip_left_right(image):
    """Reverses the width axis of an image (``[h, w, c]``) or of each image of a batch."""
    return _flip(image, 1)


@tf_export("image.flip_up_down")
def flip_up_down(image):
    """Reverses the height axis of an image (``[h, w, c]``) or of each image of a batch."""
    return _flip(image, 0)


@tf_export("image.rot90")
def rot90(image, k=1, name=None):
    """Rotates an image (or each image of a batch) ``k`` times by 90 degrees counter-clockwise."""
    storage = _image(image)
    turns = convert_to_tensor(k, dtype=dtypes.int32)  # TF converts k to a scalar int32
    if turns.shape.rank != 0:
        raise ValueError("Shape %s must have rank 0" % turns.shape)
    turns = int(turns.numpy())
    first = len(storage.shape) - 3
    return wrap(args.rot90(storage, int(turns) % 4, (first, first + 1)))


@tf_export("image.transpose")
def transpose(image, name=None):
    """Swaps the height and width axes of an image or of each image of a batch."""
    storage = _image(image)
    first = len(storage.shape) - 3
    return wrap(args.swap(storage, first, first + 1))


@tf_export("image.central_crop")
def central_crop(image, central_fraction):
    """The central ``central_fraction`` (in ``(0, 1]``) of the height and width of an image.

    As TF: the border removed on each side is ``int((size - size * fraction) / 2)``.
    """
    storage = args.image_storage(image)
    fraction, _ = args.scalar(central_fraction)
    if fraction <= 0.0 or fraction > 1.0:
        raise ValueError("central_fraction must be within (0, 1]")
    if fraction == 1.0:
        return wrap(storage)
    args.check_at_least_3d(storage)
    if len(storage.shape) not in (3, 4):
        raise ValueError(
            "`image` should either be a Tensor with rank = 3 or rank = 4. Had rank = %d."
            % len(storage.shape)
        )
    first = len(storage.shape) - 3
    height, width = storage.shape[first], storage.shape[first + 1]
    top = int((float(height) - float(height) * fraction) / 2)
    left = int((float(width) - float(width) * fraction) / 2)
    lead = (slice(None),) * first
    return wrap(storage[lead + (slice(top, height - top), slice(left, width - left))])


def _pad(storage, top, left, target_height, target_width):
    """TF's ``pad_to_bounding_box`` of a checked 4-D storage (zeros of its dtype)."""
    height, width = storage.shape[1], storage.shape[2]
    bottom = target_height - top - height
    right = target_width - left - width
    shape = (storage.shape[0], target_height, target_width, storage.shape[3])
    if isinstance(storage, np.ndarray):  # strings pad with b"", as TF's zeros of the dtype
        out = np.full(shape, b"", dtype=object)
        out[:, top : top + height, left : left + width] = storage
        return out
    if storage.dtype == torch.bool or storage.is_complex():
        out = storage.new_zeros(shape)
        out[:, top : top + height, left : left + width] = storage
        return out
    return torch.nn.functional.pad(storage, (0, 0, left, right, top, bottom))


@tf_export("image.pad_to_bounding_box")
def pad_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    """Pads an image with zeros to ``[target_height, target_width]``, the image placed at
    ``(offset_height, offset_width)``."""
    storage = args.rank_3_or_4(image)
    batch, was_3d = args.batched(storage)
    args.check_at_least_3d(batch)
    top, top_t = args.scalar(offset_height)
    left, left_t = args.scalar(offset_width)
    height_out, height_t = args.scalar(target_height)
    width_out, width_t = args.scalar(target_width)
    args.check(top >= 0, top_t, "offset_height must be >= 0")
    args.check(left >= 0, left_t, "offset_width must be >= 0")
    args.check(
        width_out - left - batch.shape[2] >= 0,
        width_t or left_t,
        "width must be <= target - offset",
    )
    args.check(
        height_out - top - batch.shape[1] >= 0,
        height_t or top_t,
        "height must be <= target - offset",
    )
    return wrap(args.unbatched(_pad(batch, top, left, height_out, width_out), was_3d))


def _crop_checks(batch, top, left, height_out, width_out):
    """TF's ``crop_to_bounding_box`` asserts (each value a ``(number, is_tensor)`` pair)."""
    args.check(left[0] >= 0, left[1], "offset_width must be >= 0.")
    args.check(top[0] >= 0, top[1], "offset_height must be >= 0.")
    args.check(width_out[0] > 0, width_out[1], "target_width must be > 0.")
    args.check(height_out[0] > 0, height_out[1], "target_height must be > 0.")
    args.check(
        batch.shape[2] >= width_out[0] + left[0],
        width_out[1] or left[1],
        "width must be >= target + offset.",
    )
    args.check(
        batch.shape[1] >= height_out[0] + top[0],
        height_out[1] or top[1],
        "height must be >= target + offset.",
    )


def _check_slice_indices(offsets, targets):
    """TF's errors of the ``Slice`` that crops: the size ``stack`` holds int32 shape parts, so
    a Python float target does not convert; float offsets make a float ``begin``."""
    for target in targets:
        if isinstance(target, float):
            raise cannot_convert(target, dtypes.int32)
    floats = [dtype_of(args.image_storage(v)) for v in offsets if _is_float(v)]
    if floats:
        raise attr_error("Slice", floats[0], attr="Index")


def _is_float(value):
    if isinstance(value, float):
        return True
    return isinstance(value, TensorOperators) and value.dtype.is_floating


@tf_export("image.crop_to_bounding_box")
def crop_to_bounding_box(image, offset_height, offset_width, target_height, target_width):
    """The ``[target_height, target_width]`` window of an image whose top-left corner is at
    ``(offset_height, offset_width)``."""
    storage = args.rank_3_or_4(image)
    batch, was_3d = args.batched(storage)
    args.check_at_least_3d(batch)
    top, left = args.scalar(offset_height), args.scalar(offset_width)
    height_out, width_out = args.scalar(target_height), args.scalar(target_width)
    _crop_checks(batch, top, left, height_out, width_out)
    _check_slice_indices((offset_height, offset_width), (target_height, target_width))
    crop = batch[:, top[0] : top[0] + height_out[0], left[0] : left[0] + width_out[0]]
    return wrap(args.unbatched(crop, was_3d))


@tf_export("image.resize_with_crop_or_pad")
def resize_with_crop_or_pad(image, target_height, target_width):
    """Centres an image in ``[target_height, target_width]``: crops it evenly where it is
    larger, pads it evenly with zeros where it is smaller."""
    storage = args.rank_3_or_4(image)
    batch, was_3d = args.batched(storage)
    args.check_at_least_3d(batch)
    height_out, width_out = args.target_size(target_height, target_width)
    height, width = batch.shape[1], batch.shape[2]
    crop_top = max((height - height_out) // 2, 0)
    crop_left = max((width - width_out) // 2, 0)
    crop = batch[
        :,
        crop_top : crop_top + min(height_out, height),
        crop_left : crop_left + min(width_out, width),
    ]
    pad_top = max((height_out - height) // 2, 0)
    pad_left = max((width_out - width) // 2, 0)
    return wrap(args.unbatched(_pad(crop, pad_top, pad_left, height_out, width_out), was_3d))
