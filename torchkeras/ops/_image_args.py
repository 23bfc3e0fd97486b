"""Argument checks shared by the ``tf.image`` ops: TF's image-shape rules and messages.

TF's ``image_ops_impl`` checks shapes statically (``ValueError``) and scalar arguments with
``_assert``: a Python value that fails raises ``ValueError``, a tensor that fails raises the
eager ``Assert`` op's ``InvalidArgumentError``.
"""

import numpy as np
import torch

from ..framework.errors import InvalidArgumentError
from ..framework.shape import TensorShape
from ..framework.tensor import TensorOperators
from ._args import storage_of

__all__ = []


def flip(storage, axis):
    """``storage`` reversed along ``axis`` (torch, or a NumPy string array as TF flips any
    dtype)."""
    if isinstance(storage, np.ndarray):
        return np.flip(storage, axis).copy()
    return torch.flip(storage, (axis,))


def rot90(storage, turns, axes):
    """``storage`` rotated ``turns`` times by 90 degrees in the plane of ``axes``."""
    if isinstance(storage, np.ndarray):
        return np.rot90(storage, turns, axes).copy()
    return torch.rot90(storage, turns, axes)


def swap(storage, a, b):
    """``storage`` with axes ``a`` and ``b`` swapped."""
    if isinstance(storage, np.ndarray):
        return storage.swapaxes(a, b).copy()
    return storage.transpose(a, b)


def shape_text(storage):
    """A storage's shape as TF's messages print a ``TensorShape``: ``(2, 3)``."""
    return str(TensorShape(list(storage.shape)))


def image_storage(image):
    """The storage of an image argument (any tensor-like value, converted as TF converts)."""
    return storage_of(image)


def tensor_storage(image):
    """The storage of an image argument that TF reads ``image.get_shape()`` of before any
    conversion (``grayscale_to_rgb``, ``image_gradients``, ``total_variation``): a list or a
    NumPy array raises TF's ``AttributeError``."""
    image.get_shape()
    return storage_of(image)


def check_at_least_3d(storage):
    """TF's ``_CheckAtLeast3DImage``: rank >= 3 and the inner three dims non-zero."""
    if len(storage.shape) < 3:
        raise ValueError(
            "'image' (shape %s) must be at least three-dimensional." % shape_text(storage)
        )
    if any(d == 0 for d in storage.shape[-3:]):
        raise ValueError("inner 3 dims of 'image.shape' must be > 0: %s" % shape_text(storage))


_RANK_TEXT = "'image' (shape %s) must have either 3 or 4 dimensions."


def check_3_or_4(storage, text=_RANK_TEXT):
    """Rank 3 or 4 after ``check_at_least_3d`` (``text`` is the op's own message)."""
    check_at_least_3d(storage)
    if len(storage.shape) not in (3, 4):
        raise ValueError(text % shape_text(storage))


def rank_3_or_4(image):
    """The storage of ``image``, rank 3 or 4: the first check of TF's pad, crop and resize
    ops (``pad_to_bounding_box``, ``resize_with_pad`` ...), before ``check_at_least_3d``."""
    storage = image_storage(image)
    if len(storage.shape) not in (3, 4):
        raise ValueError(_RANK_TEXT % shape_text(storage))
    return storage


def batched(storage):
    """``(images as NHWC, was_3d)``: a 3-D image gains a batch dim of 1."""
    if len(storage.shape) == 3:
        return storage[None], True
    return storage, False


def unbatched(storage, was_3d):
    """Undoes ``batched``."""
    return storage[0] if was_3d else storage


def scalar(value):
    """``(python number, is_tensor)`` of a scalar argument (an int, float or 0-D tensor)."""
    if isinstance(value, TensorOperators):
        return value._value.item(), True
    if isinstance(value, torch.Tensor):
        return value.item(), True
    return value, False


def target_size(target_height, target_width):
    """``(height, width)`` of a target size as Python numbers, after TF's asserts that each
    is > 0 (width first)."""
    height, height_is_tensor = scalar(target_height)
    width, width_is_tensor = scalar(target_width)
    check(width > 0, width_is_tensor, "target_width must be > 0.")
    check(height > 0, height_is_tensor, "target_height must be > 0.")
    return height, width


def check(ok, is_tensor, message):
    """TF's ``_assert``: ``ValueError`` for Python values, ``Assert``'s error for tensors."""
    if ok:
        return
    if is_tensor:
        raise InvalidArgumentError(
            None,
            None,
            "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. "
            "Summarized data: %r" % message.encode(),
        )
    raise ValueError(message)
