"""tf.image colour ops: adjust_*, HSV / YIQ / YUV / grayscale conversions."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(1)
FLOAT_IMAGE = RNG.random((2, 4, 5, 3)).astype(np.float32)
FLOAT_IMAGE[0, 0, 0] = [0.5, 0.5, 0.5]
FLOAT_IMAGE[0, 0, 1] = [0.0, 0.0, 0.0]
FLOAT_IMAGE[0, 0, 2] = [0.2, 0.2, 0.7]
UINT8_IMAGE = (RNG.random((4, 5, 3)) * 255).astype(np.uint8)

ADJUST = [
    ("adjust_brightness", (0.2,)),
    ("adjust_brightness", (-0.3,)),
    ("adjust_contrast", (1.7,)),
    ("adjust_contrast", (0.3,)),
    ("adjust_gamma", (0.5, 1.2)),
    ("adjust_hue", (0.3,)),
    ("adjust_hue", (-0.8,)),
    ("adjust_saturation", (0.4,)),
    ("adjust_saturation", (2.5,)),
    ("rgb_to_grayscale", ()),
]


@pytest.mark.parametrize("name,extra", ADJUST)
@pytest.mark.parametrize("image", [FLOAT_IMAGE, UINT8_IMAGE, FLOAT_IMAGE.astype(np.float64)])
def test_adjust_matches_tensorflow(name, extra, image):
    tf_real = pytest.importorskip("tensorflow")
    ours = getattr(tf.image, name)(tf.constant(image), *extra)
    theirs = getattr(tf_real.image, name)(tf_real.constant(image), *extra)
    assert ours.dtype.name == theirs.dtype.name
    assert ours.shape == theirs.shape
    if image.dtype == np.uint8:
        diff = np.abs(ours.numpy().astype(int) - theirs.numpy().astype(int))
        assert diff.max() <= 1
    else:
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    "name", ["rgb_to_hsv", "hsv_to_rgb", "rgb_to_yiq", "yiq_to_rgb", "rgb_to_yuv", "yuv_to_rgb"]
)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_colour_spaces_match_tensorflow(name, dtype):
    tf_real = pytest.importorskip("tensorflow")
    image = FLOAT_IMAGE.astype(dtype)
    ours = getattr(tf.image, name)(tf.constant(image))
    theirs = getattr(tf_real.image, name)(tf_real.constant(image))
    assert ours.dtype.name == theirs.dtype.name
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6)


def test_known_values():
    red = tf.constant([[[1.0, 0.0, 0.0]]])
    np.testing.assert_allclose(tf.image.rgb_to_hsv(red).numpy().ravel(), [0, 1, 1])
    np.testing.assert_allclose(
        tf.image.hsv_to_rgb(tf.constant([[[2 / 3, 1.0, 0.5]]])).numpy().ravel(),
        [0, 0, 0.5],
        atol=1e-6,
    )
    np.testing.assert_allclose(
        tf.image.adjust_hue(red, 1 / 3).numpy().ravel(), [0, 1, 0], atol=1e-6
    )
    np.testing.assert_allclose(
        tf.image.adjust_saturation(tf.constant([[[1.0, 0.5, 0.5]]]), 0.0).numpy().ravel(),
        [1, 1, 1],
    )
    np.testing.assert_allclose(tf.image.rgb_to_grayscale(red).numpy().ravel(), [0.2989], rtol=1e-6)
    gray = tf.image.rgb_to_grayscale(tf.constant([[[255, 255, 255]]], tf.uint8))
    assert gray.dtype == tf.uint8 and gray.numpy().ravel().tolist() == [255]
    np.testing.assert_allclose(
        tf.image.adjust_contrast(tf.constant([[[1.0], [3.0]]]), 2.0).numpy().ravel(), [0, 4]
    )
    brighter = tf.image.adjust_brightness(tf.constant([[[250]]], tf.uint8), 0.1)
    assert brighter.numpy().ravel().tolist() == [255]
    np.testing.assert_allclose(
        tf.image.adjust_gamma(tf.constant([[[0.25]]]), 0.5, 2.0).numpy().ravel(), [1.0]
    )
    rgb = tf.image.grayscale_to_rgb(tf.constant([[[1.0], [2.0]]]))
    assert rgb.numpy().tolist() == [[[1, 1, 1], [2, 2, 2]]]
    yuv = tf.image.rgb_to_yuv(tf.constant([[[1.0, 1.0, 1.0]]]))
    np.testing.assert_allclose(yuv.numpy().ravel(), [1, 0, 0], atol=1e-6)


@pytest.mark.parametrize(
    "call,error,message",
    [
        (
            lambda: tf.image.adjust_hue(tf.zeros([4, 5, 4]), 0.1),
            tf.errors.InvalidArgumentError,
            "input must have 3 channels but instead has 4 channels. [Op:AdjustHue] name: ",
        ),
        (
            lambda: tf.image.adjust_saturation(tf.zeros([4, 3]), 0.1),
            tf.errors.InvalidArgumentError,
            "input must be at least 3-D, got shape[4,3] [Op:AdjustSaturation] name: ",
        ),
        (
            lambda: tf.image.rgb_to_hsv(tf.zeros([4, 5, 4])),
            tf.errors.FailedPreconditionError,
            "input must have 3 channels but input only has 4 channels. [Op:RGBToHSV] name: ",
        ),
        (
            lambda: tf.image.rgb_to_hsv(tf.zeros([4, 3], tf.int32)),
            tf.errors.InvalidArgumentError,
            "allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT, DT_DOUBLE]> [Op:RGBToHSV] name: ",
        ),
        (
            lambda: tf.image.rgb_to_yiq(tf.zeros([4, 5, 4])),
            tf.errors.InvalidArgumentError,
            "Matrix size-incompatible: In[0]: [20,4], In[1]: [3,3] [Op:MatMul] name: ",
        ),
        (
            lambda: tf.image.grayscale_to_rgb(tf.zeros([4, 5, 4])),
            ValueError,
            "Last dimension of a grayscale image should be size 1.",
        ),
        (
            lambda: tf.image.grayscale_to_rgb(tf.zeros([3])),
            ValueError,
            "A grayscale image (shape (3,)) must be at least two-dimensional.",
        ),
        (
            lambda: tf.image.grayscale_to_rgb([[[1.0]]]),
            AttributeError,
            "'list' object has no attribute 'get_shape'",
        ),
        (
            lambda: tf.image.adjust_brightness(tf.ones([2, 2, 3]), "a"),
            tf.errors.UnimplementedError,
            "Cast string to float is not supported [Op:Cast] name: ",
        ),
        (
            lambda: tf.image.adjust_brightness(tf.ones([2, 2, 3]), [0.1, 0.2]),
            tf.errors.InvalidArgumentError,
            "Incompatible shapes: [2,2,3] vs. [2] [Op:AddV2] name: ",
        ),
        (
            lambda: tf.image.adjust_gamma(tf.zeros([2, 2, 3]), -1.0),
            ValueError,
            "Gamma should be a non-negative real number.",
        ),
        (
            lambda: tf.image.adjust_hue(tf.zeros([2, 2, 3]), 1.5),
            ValueError,
            "delta must be in the interval [-1, 1]",
        ),
    ],
)
def test_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value).endswith(message)


def test_adjust_ops_are_differentiable():
    image = tf.Variable(FLOAT_IMAGE[0])
    with tf.GradientTape() as tape:
        out = tf.image.adjust_saturation(tf.image.adjust_contrast(image, 1.5), 0.5)
        loss = tf.reduce_sum(tf.image.adjust_brightness(out, 0.1))
    grad = tape.gradient(loss, image)
    assert grad.shape == image.shape and np.all(np.isfinite(grad.numpy()))


def test_adjust_contrast_needs_a_scalar_factor():
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        tf.image.adjust_contrast(tf.ones([2, 2, 3]), tf.constant([0.5, 0.5]))
    assert str(raised.value).endswith(
        "}} contrast_factor must be scalar: [2] [Op:AdjustContrastv2] name: "
    )
