"""``tf.image.random_*`` and ``tf.image.stateless_random_*``: random augmentation.

As TF's wrappers: one uniform draw picks the flip / delta / factor / crop offset and the
deterministic op applies it. The stateless ops draw with ``tf.random.stateless_uniform``,
so for a seed pair they pick exactly what TF picks; the stateful ones draw from
torchkeras' generator (``tf.random.uniform``), seeded as TF seeds but not TF's numbers.
"""

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import dims_text, op_error
from ..framework.tensor import wrap
from . import _image_args as args
from . import image_color_ops as color
from . import philox, random_ops, stateless_random_ops

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
    args.check_3_or_4(storage)
    if storage.dim() == 3:
        flip = bool(draw([], 0, 1.0)._value < 0.5)
        return wrap(torch.flip(storage, (axis,)) if flip else storage)
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


class _SimplePhilox:
    """TF's ``random::SimplePhilox`` over a Philox stream: 32-bit words one at a time."""

    def __init__(self, key, counter):
        self._key, self._counter, self._words = key, counter, []

    def rand32(self):
        if not self._words:
            block = philox.philox_blocks(self._key, self._counter, 1, torch.device("cpu"))
            self._words = block[0].tolist()
            self._counter = philox.add_to_counter(self._counter, 1)
        return self._words.pop(0)

    def rand_float(self):
        bits = np.array([(self.rand32() & 0x7FFFFF) | 0x3F800000], np.uint32)
        return bits.view(np.float32)[0] - np.float32(1)

    def uniform(self, n):
        """TF's ``ExactUniformInt``: rejection sampling unless ``n`` is a power of two."""
        if n == 0:
            self.rand32()
            return 0
        if n & (n - 1):
            rem = (0xFFFFFFFF % n + 1) % n
            bits = self.rand32()
            while bits < rem:
                bits = self.rand32()
            return bits % n
        return self.rand32() & (n - 1)


def _lrint(value):
    return int(np.rint(np.float32(value)))


def _random_crop_rect(width, height, min_area_frac, max_area_frac, aspect, rng):
    """TF's ``GenerateRandomCrop``: ``(x, y, w, h)`` or None."""
    f32 = np.float32
    if max_area_frac <= 0 or aspect <= 0 or min_area_frac > max_area_frac:
        return None
    min_area = f32(min_area_frac) * f32(width) * f32(height)
    max_area = f32(max_area_frac) * f32(width) * f32(height)
    crop_height = _lrint(np.sqrt(f32(min_area / aspect)))
    max_height = _lrint(np.sqrt(f32(max_area / aspect)))
    if _lrint(f32(max_height) * aspect) > width:
        max_height = int((width + 0.5 - 0.0000001) / aspect)
        if _lrint(f32(max_height) * aspect) > width:
            max_height -= 1
    max_height = min(max_height, height)
    crop_height = min(crop_height, max_height)
    if crop_height < max_height:
        crop_height += rng.uniform(max_height - crop_height + 1)
    crop_width = _lrint(f32(crop_height) * aspect)
    area = f32(crop_width * crop_height)
    if area < min_area:
        crop_height += 1
        crop_width = _lrint(f32(crop_height) * aspect)
        area = f32(crop_width * crop_height)
    if area > max_area:
        crop_height -= 1
        crop_width = _lrint(f32(crop_height) * aspect)
        area = f32(crop_width * crop_height)
    if (
        area < min_area
        or area > max_area
        or crop_width > width
        or crop_height > height
        or crop_width <= 0
        or crop_height <= 0
    ):
        return None
    y = rng.uniform(height - crop_height) if crop_height < height else 0
    x = rng.uniform(width - crop_width) if crop_width < width else 0
    return x, y, crop_width, crop_height


def _covers(crop, boxes, min_covered):
    """TF's ``SatisfiesOverlapConstraints``: the crop holds enough of some box."""
    x, y, w, h = crop
    if w * h < 1:
        return False
    for x0, y0, x1, y1 in boxes:
        area = (x1 - x0) * (y1 - y0)
        if area < 1:
            continue
        inter_w = min(x + w, x1) - max(x, x0)
        inter_h = min(y + h, y1) - max(y, y0)
        inter = inter_w * inter_h if inter_w > 0 and inter_h > 0 else 0
        if np.float32(inter) / np.float32(area) >= np.float32(min_covered):
            return True
    return False


def _sample_box(
    image_size,
    bounding_boxes,
    rng,
    min_object_covered,
    aspect_ratio_range,
    area_range,
    max_attempts,
    use_image_if_no_bounding_boxes,
    opname,
):
    """TF's ``SampleDistortedBoundingBox`` kernel: ``(begin, size, bboxes)``."""
    size_tensor = convert_to_tensor(image_size)
    height, width = (int(v) for v in size_tensor._value.tolist()[:2])
    boxes = convert_to_tensor(bounding_boxes, dtype=dtypes.float32)._value.reshape(-1, 4)
    rects = []
    for y0, x0, y1, x1 in boxes.tolist():
        for value in (y0, x0, y1, x1):
            if not 0.0 <= value <= 1.0:
                raise op_error(
                    opname,
                    "All bounding box coordinates must be in [0.0, 1.0]: %g" % value,
                    None,
                    name=None,
                )
        f32 = np.float32
        rects.append(
            (
                int(f32(x0) * width),
                int(f32(y0) * height),
                int(f32(x1) * width),
                int(f32(y1) * height),
            )
        )
    if not rects:
        if not use_image_if_no_bounding_boxes:
            raise op_error(
                opname,
                "No bounding boxes provided as input. One must enable "
                "use_image_if_no_bounding_boxes if you wish to not provide any bounding boxes.",
                None,
                name=None,
            )
        rects.append((0, 0, width, height))
    low_aspect, high_aspect = (np.float32(v) for v in aspect_ratio_range)
    crop = None
    for _ in range(int(max_attempts)):
        aspect = rng.rand_float() * (high_aspect - low_aspect) + low_aspect
        candidate = _random_crop_rect(width, height, area_range[0], area_range[1], aspect, rng)
        if candidate is not None and _covers(candidate, rects, min_object_covered):
            crop = candidate
            break
    x, y, w, h = crop if crop is not None else (0, 0, width, height)
    begin = convert_to_tensor([y, x, 0], dtype=size_tensor.dtype)
    size = convert_to_tensor([h, w, -1], dtype=size_tensor.dtype)
    f32 = np.float32
    box = [
        f32(y) / f32(height),
        f32(x) / f32(width),
        f32(y + h) / f32(height),
        f32(x + w) / f32(width),
    ]
    return begin, size, convert_to_tensor(np.asarray(box, np.float32).reshape(1, 1, 4))


@tf_export("image.stateless_sample_distorted_bounding_box")
def stateless_sample_distorted_bounding_box(
    image_size,
    bounding_boxes,
    seed,
    min_object_covered=0.1,
    aspect_ratio_range=(0.75, 1.33),
    area_range=(0.05, 1.0),
    max_attempts=100,
    use_image_if_no_bounding_boxes=None,
    name=None,
):
    """``(begin, size, bboxes)`` of a random crop covering at least ``min_object_covered`` of
    some box, as TF samples it for the seed pair ``seed`` (TF's Philox words, in its order)."""
    key, counter = stateless_random_ops.seed_key_counter(convert_to_tensor(seed))
    return _sample_box(
        image_size,
        bounding_boxes,
        _SimplePhilox(key, counter),
        float(args.scalar(min_object_covered)[0]),
        aspect_ratio_range,
        area_range,
        max_attempts,
        use_image_if_no_bounding_boxes,
        "StatelessSampleDistortedBoundingBox",
    )


@tf_export("image.sample_distorted_bounding_box")
def sample_distorted_bounding_box(
    image_size,
    bounding_boxes,
    seed=0,
    min_object_covered=0.1,
    aspect_ratio_range=None,
    area_range=None,
    max_attempts=None,
    use_image_if_no_bounding_boxes=None,
    name=None,
):
    """``stateless_sample_distorted_bounding_box`` with a seed pair drawn from torchkeras'
    generator (``seed`` as ``tf.random.uniform`` takes it; not TF's numbers)."""
    pair = random_ops.uniform([2], 0, dtypes.int32.max, dtype=dtypes.int32, seed=seed or None)
    key, counter = stateless_random_ops.seed_key_counter(pair)
    return _sample_box(
        image_size,
        bounding_boxes,
        _SimplePhilox(key, counter),
        float(args.scalar(min_object_covered)[0]),
        aspect_ratio_range or (0.75, 1.33),
        area_range or (0.05, 1.0),
        100 if max_attempts is None else max_attempts,
        use_image_if_no_bounding_boxes,
        "SampleDistortedBoundingBoxV2",
    )
