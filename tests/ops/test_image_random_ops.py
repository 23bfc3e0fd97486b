"""tf.image.random_* and stateless_random_* (stateless ones bit-exact with TF)."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(3)
IMAGE = RNG.random((4, 5, 6, 3)).astype(np.float32)

STATELESS = [
    ("stateless_random_flip_left_right", ()),
    ("stateless_random_flip_up_down", ()),
    ("stateless_random_brightness", (0.3,)),
    ("stateless_random_contrast", (0.2, 1.8)),
    ("stateless_random_saturation", (0.2, 1.8)),
    ("stateless_random_hue", (0.4,)),
]


@pytest.mark.parametrize("name,extra", STATELESS)
@pytest.mark.parametrize("seed", [(1, 2), (7, 0), (123, 456)])
@pytest.mark.parametrize("batched", [True, False])
def test_stateless_matches_tensorflow(name, extra, seed, batched):
    tf_real = pytest.importorskip("tensorflow")
    image = IMAGE if batched else IMAGE[0]
    ours = getattr(tf.image, name)(tf.constant(image), *extra, seed=seed)
    theirs = getattr(tf_real.image, name)(tf_real.constant(image), *extra, seed=seed)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("seed", [(1, 2), (5, 9), (42, 0)])
def test_stateless_random_crop_matches_tensorflow(seed):
    tf_real = pytest.importorskip("tensorflow")
    ours = tf.image.stateless_random_crop(tf.constant(IMAGE), [2, 3, 4, 3], seed=seed)
    theirs = tf_real.image.stateless_random_crop(tf_real.constant(IMAGE), [2, 3, 4, 3], seed=seed)
    np.testing.assert_array_equal(ours.numpy(), theirs.numpy())


def test_stateless_known_values():
    image = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]
    crop = tf.image.stateless_random_crop(image, size=(1, 2, 3), seed=(1, 2))
    assert crop.numpy().tolist() == [[[1, 2, 3], [4, 5, 6]]]
    flipped = tf.image.stateless_random_flip_left_right(tf.constant(image), seed=(2, 3))
    assert flipped.numpy().tolist() in (image, [row[::-1] for row in image])


def test_stateful_ops_draw_within_their_ranges():
    image = tf.constant(IMAGE)
    for _ in range(5):
        out = tf.image.random_brightness(image, 0.2).numpy()
        delta = out - IMAGE
        assert np.allclose(delta, delta.flat[0], atol=1e-6) and abs(delta.flat[0]) <= 0.2
    flips = tf.image.random_flip_left_right(image, seed=3).numpy()
    for out, original in zip(flips, IMAGE):
        assert np.array_equal(out, original) or np.array_equal(out, original[:, ::-1])
    crop = tf.image.random_crop(image, [2, 2, 2, 3]).numpy()
    assert crop.shape == (2, 2, 2, 3)
    assert tf.image.random_contrast(image, 0.5, 1.5).shape == image.shape
    assert tf.image.random_saturation(image, 0.5, 1.5).shape == image.shape
    assert tf.image.random_hue(image, 0.1).shape == image.shape
    assert tf.image.random_flip_up_down(IMAGE[0]).shape == IMAGE[0].shape


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda: tf.image.random_brightness(IMAGE, -0.1), "max_delta must be non-negative."),
        (lambda: tf.image.random_hue(IMAGE, 0.7), "max_delta must be <= 0.5."),
        (lambda: tf.image.random_contrast(IMAGE, 0.5, 0.5), "upper must be > lower."),
        (
            lambda: tf.image.stateless_random_saturation(IMAGE, -1, 1, (1, 2)),
            "lower must be non-negative.",
        ),
    ],
)
def test_argument_errors(call, message):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value) == message


def test_random_crop_errors():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.image.random_crop(tf.zeros([2, 2, 3]), [3, 2, 3])
    assert str(info.value) == (
        "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
        "b'Need value.shape >= size, got '\n2, 2, 3\n3, 2, 3"
    )
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"Incompatible shapes: \[3\] vs"):
        tf.image.random_crop(tf.zeros([2, 2, 3]), [3, 2])


BOX_CASES = [
    ([100, 80, 3], [[[0.1, 0.2, 0.5, 0.6]]], {}),
    (
        [37, 51, 3],
        [[[0.0, 0.0, 1.0, 1.0]]],
        {"min_object_covered": 0.5, "area_range": (0.1, 0.9)},
    ),
    (
        [64, 64, 1],
        np.zeros((1, 0, 4), np.float32),
        {"use_image_if_no_bounding_boxes": True, "aspect_ratio_range": (0.5, 2.0)},
    ),
    (
        [20, 300, 3],
        [[[0.2, 0.1, 0.9, 0.3], [0.5, 0.5, 0.6, 0.6]]],
        {"min_object_covered": 0.9, "max_attempts": 5},
    ),
]


@pytest.mark.parametrize("seed", [(1, 2), (3, 4), (123, 9)])
@pytest.mark.parametrize("size,boxes,kwargs", BOX_CASES)
def test_stateless_sample_distorted_bounding_box_matches_tensorflow(seed, size, boxes, kwargs):
    tf_real = pytest.importorskip("tensorflow")
    ours = tf.image.stateless_sample_distorted_bounding_box(size, boxes, seed, **kwargs)
    theirs = tf_real.image.stateless_sample_distorted_bounding_box(size, boxes, seed, **kwargs)
    assert ours[0].numpy().tolist() == theirs[0].numpy().tolist()
    assert ours[1].numpy().tolist() == theirs[1].numpy().tolist()
    np.testing.assert_allclose(ours[2].numpy(), theirs[2].numpy(), rtol=1e-6)


def test_sample_distorted_bounding_box_properties():
    begin, size, box = tf.image.stateless_sample_distorted_bounding_box(
        [100, 80, 3], [[[0.1, 0.2, 0.5, 0.6]]], (1, 2)
    )
    y, x, _ = begin.numpy().tolist()
    h, w, last = size.numpy().tolist()
    assert last == -1 and 0 <= y and y + h <= 100 and 0 <= x and x + w <= 80
    np.testing.assert_allclose(box.numpy(), [[[y / 100, x / 80, (y + h) / 100, (x + w) / 80]]])
    begin, size, _ = tf.image.sample_distorted_bounding_box(
        tf.constant([50, 60, 3]), [[[0.0, 0.0, 1.0, 1.0]]], area_range=(0.2, 0.5)
    )
    assert begin.dtype == tf.int32 and 0.2 * 3000 <= np.prod(size.numpy()[:2]) <= 0.5 * 3000
    with pytest.raises(tf.errors.InvalidArgumentError, match="No bounding boxes provided"):
        tf.image.stateless_sample_distorted_bounding_box([4, 4, 1], np.zeros((1, 0, 4)), (1, 2))
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"must be in \[0.0, 1.0\]: 1.5"):
        tf.image.stateless_sample_distorted_bounding_box([4, 4, 1], [[[0, 0, 1.5, 1]]], (1, 2))
