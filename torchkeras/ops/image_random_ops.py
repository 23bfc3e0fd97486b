"""``tf.image.random_*`` and ``tf.image.stateless_random_*``: random augmentation.

As TF's wrappers: one uniform draw picks the flip / delta / factor / crop offset and the
deterministic op applies it. The stateless ops draw with ``tf.random.stateless_uniform``,
so for a seed pair they pick exactly what TF picks; the stateful ones draw from
torchkeras' generator (``tf.random.uniform``), seeded as TF seeds but not TF's numbers.
"""

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import dims_text, op_error
from ..framework.tensor import wrap
from . import _image_args as args
from . import image_color_ops as color
from . import random_ops, stateless_random_ops

__all__ = []


def _stateful(seed):
    def draw(shape, minval=0, maxval=None, dtype=dtypes.float32):
        return random_ops.uniform(shape, minval=minval, maxval=maxval, dtype=dtype, seed=seed)

    return draw


def _stateless(seed):
    def draw(shape, minval=0, maxval=None, dtype=dtypes.float32):
        return stateless_random_ops.stateless_uniform(
            shape, seed, minval=minval, maxval=maxval, dtype=dtype
        )

    return draw


def _random_flip(image, axis, draw):
    """TF's ``_random_flip``: one draw (< 0.5 flips) for a 3-D image, one rounded draw per
    image of a batch."""
    storage = args.image_storage(image)
    args.check_at_least_3d(storage)
    if storage.dim() == 3:
        flip = bool(draw([], 0, 1.0)._value < 0.5)
        return wrap(torch.flip(storage, (axis,)) if flip else storage)
    if storage.dim() != 4:
        raise ValueError(
            "'image' (shape %s) must have either 3 or 4 dimensions." % args.shape_text(storage)
        )
    flips = torch.round(draw([storage.shape[0]], 0, 1.0)._value).to(storage.device) == 1
    flipped = torch.flip(storage, (axis + 1,))
    return wrap(torch.where(flips[:, None, None, None], flipped, storage))


@tf_export("image.random_flip_left_right")
def random_flip_left_right(image, seed=None):
    """Flips an image (each image of a batch) left to right with probability 1/2."""
    return _random_flip(image, 1, _stateful(seed))


@tf_export("image.random_flip_up_down")
def random_flip_up_down(image, seed=None):
    """Flips an image (each image of a batch) upside down with probability 1/2."""
    return _random_flip(image, 0, _stateful(seed))


@tf_export("image.stateless_random_flip_left_right")
def stateless_random_flip_left_right(image, seed):
    """``random_flip_left_right`` drawn from the seed pair ``seed`` (TF's exact choice)."""
    return _random_flip(image, 1, _stateless(seed))


@tf_export("image.stateless_random_flip_up_down")
def stateless_random_flip_up_down(image, seed):
    """``random_flip_up_down`` drawn from the seed pair ``seed`` (TF's exact choice)."""
    return _random_flip(image, 0, _stateless(seed))


def _check_max_delta(max_delta, at_most=None):
    if at_most is not None and max_delta > at_most:
        raise ValueError("max_delta must be <= %s." % at_most)
    if max_delta < 0:
        raise ValueError("max_delta must be non-negative.")


def _check_range(lower, upper):
    if upper <= lower:
        raise ValueError("upper must be > lower.")
    if lower < 0:
        raise ValueError("lower must be non-negative.")


@tf_export("image.random_brightness")
def random_brightness(image, max_delta, seed=None):
    """``adjust_brightness`` by a delta drawn uniformly from ``[-max_delta, max_delta)``."""
    _check_max_delta(max_delta)
    return color.adjust_brightness(image, _stateful(seed)([], -max_delta, max_delta))


@tf_export("image.stateless_random_brightness")
def stateless_random_brightness(image, max_delta, seed):
    """``random_brightness`` drawn from the seed pair ``seed`` (TF's exact delta)."""
    _check_max_delta(max_delta)
    return color.adjust_brightness(image, _stateless(seed)([], -max_delta, max_delta))


@tf_export("image.random_contrast")
def random_contrast(image, lower, upper, seed=None):
    """``adjust_contrast`` by a factor drawn uniformly from ``[lower, upper)``."""
    _check_range(lower, upper)
    return color.adjust_contrast(image, _stateful(seed)([], lower, upper))


@tf_export("image.stateless_random_contrast")
def stateless_random_contrast(image, lower, upper, seed):
    """``random_contrast`` drawn from the seed pair ``seed`` (TF's exact factor)."""
    _check_range(lower, upper)
    return color.adjust_contrast(image, _stateless(seed)([], lower, upper))


@tf_export("image.random_saturation")
def random_saturation(image, lower, upper, seed=None):
    """``adjust_saturation`` by a factor drawn uniformly from ``[lower, upper)``."""
    _check_range(lower, upper)
    return color.adjust_saturation(image, _stateful(seed)([], lower, upper))


@tf_export("image.stateless_random_saturation")
def stateless_random_saturation(image, lower, upper, seed=None):
    """``random_saturation`` drawn from the seed pair ``seed`` (TF's exact factor)."""
    _check_range(lower, upper)
    return color.adjust_saturation(image, _stateless(seed)([], lower, upper))


@tf_export("image.random_hue")
def random_hue(image, max_delta, seed=None):
    """``adjust_hue`` by a delta drawn uniformly from ``[-max_delta, max_delta)``
    (``max_delta`` <= 0.5)."""
    _check_max_delta(max_delta, 0.5)
    return color.adjust_hue(image, _stateful(seed)([], -max_delta, max_delta))


@tf_export("image.stateless_random_hue")
def stateless_random_hue(image, max_delta, seed):
    """``random_hue`` drawn from the seed pair ``seed`` (TF's exact delta)."""
    _check_max_delta(max_delta, 0.5)
    return color.adjust_hue(image, _stateless(seed)([], -max_delta, max_delta))


def _random_crop(value, size, draw):
    """TF's ``random_crop``: offsets ``uniform(0, int32 max) % (shape - size + 1)``."""
    storage = args.image_storage(value)
    sizes = convert_to_tensor(size, dtype=dtypes.int32)._value.to(torch.int64).cpu()
    shape = torch.tensor(list(storage.shape), dtype=torch.int64)
    if sizes.shape != shape.shape:
        raise op_error(
            "GreaterEqual",
            "Incompatible shapes: %s vs. %s" % (dims_text(shape.shape), dims_text(sizes.shape)),
            storage,
        )
    if not bool((shape >= sizes).all()):
        raise InvalidArgumentError(
            None,
            None,
            "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
            "b'Need value.shape >= size, got '\n%s\n%s"
            % (
                ", ".join(str(d) for d in shape.tolist()),
                ", ".join(str(d) for d in sizes.tolist()),
            ),
        )
    limit = shape - sizes + 1
    drawn = draw([storage.dim()], 0, dtypes.int32.max, dtypes.int32)._value
    offsets = drawn.cpu().to(torch.int64) % limit
    out = storage
    for axis, (start, length) in enumerate(zip(offsets.tolist(), sizes.tolist())):
        out = out.narrow(axis, start, length)
    return wrap(out)


@tf_export("image.random_crop")
def random_crop(value, size, seed=None, name=None):
    """A ``size`` slice of ``value`` at a uniformly chosen offset (``value.shape >= size``)."""
    return _random_crop(value, size, _stateful(seed))


@tf_export("image.stateless_random_crop")
def stateless_random_crop(value, size, seed, name=None):
    """``random_crop`` drawn from the seed pair ``seed`` (TF's exact offsets)."""
    return _random_crop(value, size, _stateless(seed))
