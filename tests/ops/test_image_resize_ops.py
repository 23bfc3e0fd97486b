"""tf.image.resize / resize_with_pad / crop_and_resize."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(2)
IMAGE = RNG.random((2, 7, 9, 3)).astype(np.float32)
METHODS = [
    "bilinear",
    "nearest",
    "bicubic",
    "area",
    "lanczos3",
    "lanczos5",
    "gaussian",
    "mitchellcubic",
]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("size", [(4, 5), (13, 11), (7, 3)])
@pytest.mark.parametrize("antialias", [False, True])
def test_resize_matches_tensorflow(method, size, antialias):
    tf_real = pytest.importorskip("tensorflow")
    ours = tf.image.resize(tf.constant(IMAGE), size, method=method, antialias=antialias)
    theirs = tf_real.image.resize(tf_real.constant(IMAGE), size, method=method, antialias=antialias)
    assert ours.dtype.name == theirs.dtype.name
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("dtype", ["uint8", "int32", "float16", "float64"])
@pytest.mark.parametrize("method", ["bilinear", "nearest", "area"])
def test_resize_dtypes_match_tensorflow(dtype, method):
    tf_real = pytest.importorskip("tensorflow")
    image = (IMAGE[0] * 200).astype(dtype)
    ours = tf.image.resize(tf.constant(image), [5, 4], method=method)
    theirs = tf_real.image.resize(tf_real.constant(image), [5, 4], method=method)
    assert ours.dtype.name == theirs.dtype.name
    np.testing.assert_allclose(
        ours.numpy().astype(np.float64), theirs.numpy().astype(np.float64), rtol=1e-3
    )


@pytest.mark.parametrize("size", [(4, 4), (10, 4), (3, 30)])
def test_preserve_aspect_ratio_and_pad_match_tensorflow(size):
    tf_real = pytest.importorskip("tensorflow")
    ours = tf.image.resize(tf.constant(IMAGE), size, preserve_aspect_ratio=True)
    theirs = tf_real.image.resize(tf_real.constant(IMAGE), size, preserve_aspect_ratio=True)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-4, atol=1e-5)
    ours = tf.image.resize_with_pad(tf.constant(IMAGE[0]), *size)
    theirs = tf_real.image.resize_with_pad(tf_real.constant(IMAGE[0]), *size)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("method", ["bilinear", "nearest"])
def test_crop_and_resize_matches_tensorflow(method):
    tf_real = pytest.importorskip("tensorflow")
    boxes = [[0, 0, 1, 1], [0.2, -0.5, 0.8, 0.7], [0.9, 0.9, 0.1, 0.3], [0.5, 0.5, 0.5, 0.5]]
    for crop in ([3, 4], [1, 1], [5, 2]):
        ours = tf.image.crop_and_resize(
            tf.constant(IMAGE), boxes, [0, 1, 1, 0], crop, method=method, extrapolation_value=-1
        )
        theirs = tf_real.image.crop_and_resize(
            IMAGE, boxes, [0, 1, 1, 0], crop, method=method, extrapolation_value=-1
        )
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6)


def test_known_values():
    image = tf.reshape(tf.range(16.0), [4, 4, 1])
    half = tf.image.resize(image, [2, 2])
    np.testing.assert_allclose(half[..., 0].numpy(), [[2.5, 4.5], [10.5, 12.5]])
    nearest = tf.image.resize(tf.reshape(tf.range(4), [2, 2, 1]), [4, 4], method="nearest")
    assert nearest.dtype == tf.int32
    assert nearest[..., 0].numpy().tolist()[0] == [0, 0, 1, 1]
    area = tf.image.resize(image, [2, 2], method=tf.image.ResizeMethod.AREA)
    np.testing.assert_allclose(area[..., 0].numpy(), [[2.5, 4.5], [10.5, 12.5]])
    assert tf.image.resize(tf.zeros([5, 7, 1]), [4, 4], preserve_aspect_ratio=True).shape == (
        3,
        4,
        1,
    )
    padded = tf.image.resize_with_pad(tf.ones([2, 4, 1]), 4, 4)
    assert padded[..., 0].numpy().tolist() == [[0] * 4, [1] * 4, [1] * 4, [0] * 4]
    crops = tf.image.crop_and_resize(
        tf.reshape(image, [1, 4, 4, 1]), [[0, 0, 1, 1], [0, 0, 0, 0]], [0, 0], [2, 2]
    )
    np.testing.assert_allclose(crops[..., 0].numpy(), [[[0, 3], [12, 15]], [[0, 0], [0, 0]]])


@pytest.mark.parametrize(
    "call,error,message",
    [
        (
            lambda: tf.image.resize(tf.zeros([4, 4]), [2, 3]),
            ValueError,
            "'images' must have either 3 or 4 dimensions.",
        ),
        (
            lambda: tf.image.resize(tf.zeros([4, 4, 1]), [2.5, 3]),
            ValueError,
            "'size' must be a 1-D int32 Tensor",
        ),
        (
            lambda: tf.image.resize(tf.zeros([4, 4, 1]), [2, 3, 4]),
            ValueError,
            "'size' must be a 1-D Tensor of 2 elements: new_height, new_width",
        ),
        (
            lambda: tf.image.resize(tf.zeros([4, 4, 1]), [2, 3], method="foo"),
            ValueError,
            "Resize method is not implemented: foo",
        ),
        (
            lambda: tf.image.resize(tf.zeros([4, 4, 1]), [0, 3], method="area"),
            tf.errors.InvalidArgumentError,
            "output dimensions must be positive [Op:ResizeArea] name: ",
        ),
        (
            lambda: tf.image.resize_with_pad(tf.zeros([4, 4, 1]), 0, 3),
            ValueError,
            "target_height must be > 0.",
        ),
        (
            lambda: tf.image.crop_and_resize(tf.zeros([1, 4, 4, 1]), [[0, 0, 1, 1]], [2], [2, 2]),
            tf.errors.OutOfRangeError,
            "box_index has values outside [0, batch_size) [Op:CropAndResize]",
        ),
        (
            lambda: tf.image.crop_and_resize(tf.zeros([4, 4, 1]), [[0, 0, 1, 1]], [0], [2, 2]),
            tf.errors.InvalidArgumentError,
            "input image must be 4-D[4,4,1] [Op:CropAndResize]",
        ),
        (
            lambda: tf.image.crop_and_resize(tf.zeros([1, 4, 4, 1]), [[0, 0, 1]], [0], [2, 2]),
            tf.errors.InvalidArgumentError,
            "boxes must have 4 columns [Op:CropAndResize]",
        ),
    ],
)
def test_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value).endswith(message)


@pytest.mark.parametrize("method", ["bilinear", "bicubic", "lanczos3"])
def test_resize_is_differentiable(method):
    image = tf.Variable(IMAGE[0])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.image.resize(image, [4, 5], method=method))
    grad = tape.gradient(loss, image).numpy()
    assert grad.shape == IMAGE[0].shape and np.all(np.isfinite(grad))
    np.testing.assert_allclose(grad.sum(), 4 * 5 * 3, rtol=1e-4)


@pytest.mark.parametrize("centered", [True, False])
@pytest.mark.parametrize("normalized", [True, False])
def test_extract_glimpse_matches_tensorflow(centered, normalized):
    tf_real = pytest.importorskip("tensorflow")
    offsets = [[0.1, -0.3], [0.9, 0.9]], [[-1.0, -1.0], [0.55, -0.45]], [[2.5, -3.7], [-0.2, 5]]
    for offset in offsets:
        kwargs = dict(centered=centered, normalized=normalized, noise="zero")
        ours = tf.image.extract_glimpse(IMAGE, [3, 4], offset, **kwargs)
        theirs = tf_real.image.extract_glimpse(IMAGE, [3, 4], offset, **kwargs)
        np.testing.assert_array_equal(ours.numpy(), theirs.numpy())


def test_extract_glimpse_noise_and_errors():
    image = tf.reshape(tf.range(2 * 6 * 7 * 1, dtype=tf.float32), [2, 6, 7, 1])
    inside = tf.image.extract_glimpse(image, [2, 2], [[0.0, 0.0], [0.0, 0.0]], noise="uniform")
    assert inside[0, ..., 0].numpy().tolist() == [[16.0, 17.0], [23.0, 24.0]]
    outside = tf.image.extract_glimpse(image, [2, 2], [[-9.0, -9.0]] * 2, noise="uniform")
    assert outside.numpy().min() >= 0 and outside.numpy()[1].min() >= 42
    with pytest.raises(tf.errors.InvalidArgumentError, match="gaussian, or zero, gotfoo"):
        tf.image.extract_glimpse(image, [2, 2], [[0.0, 0.0]] * 2, noise="foo")
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"first dimension should be batch"):
        tf.image.extract_glimpse(image, [2, 2], [[0.0, 0.0]])


def test_resize_antialias_must_be_a_bool():
    with pytest.raises(TypeError, match="^Expected bool for argument 'antialias' not 'yes'."):
        tf.image.resize(tf.ones([2, 2, 3]), [3, 3], antialias="yes")


@pytest.mark.parametrize(
    "method,antialias",
    [
        ("bilinear", False),
        ("nearest", False),
        ("area", False),
        ("lanczos3", False),
        ("bicubic", True),
    ],
)
def test_resize_dtype_errors_quote_the_kernel_signature_as_tf(method, antialias):
    tf_real = pytest.importorskip("tensorflow")
    for ours_image, theirs_image in (
        (tf.fill([2, 2, 3], "a"), tf_real.fill([2, 2, 3], "a")),
        (tf.ones([2, 2, 3], tf.bool), tf_real.ones([2, 2, 3], tf_real.bool)),
    ):
        with pytest.raises(tf_real.errors.InvalidArgumentError) as theirs:
            tf_real.image.resize(theirs_image, [3, 3], method=method, antialias=antialias)
        with pytest.raises(tf.errors.InvalidArgumentError) as ours:
            tf.image.resize(ours_image, [3, 3], method=method, antialias=antialias)
        assert str(ours.value) == str(theirs.value)


def test_resize_string_image_error():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.image.resize(tf.fill([2, 2, 3], "a"), [3, 3], method="nearest")
    assert str(info.value).startswith(
        "Value for attr 'T' of string is not in the list of allowed values: int8, uint8, int16, "
        "uint16, int32, int64, half, float, double, bfloat16\n\t; NodeDef: "
        "{{node ResizeNearestNeighbor}}; Op<name=ResizeNearestNeighbor; signature=images:T, "
    )
