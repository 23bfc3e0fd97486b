"""tf.image.sobel_edges / image_gradients / total_variation / extract_patches."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(6)
IMAGE = RNG.random((2, 6, 7, 3)).astype(np.float32)


def test_filters_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    np.testing.assert_allclose(
        tf.image.sobel_edges(IMAGE).numpy(),
        tf_real.image.sobel_edges(tf_real.constant(IMAGE)).numpy(),
        atol=1e-5,
    )
    for ours, theirs in zip(
        tf.image.image_gradients(tf.constant(IMAGE)),
        tf_real.image.image_gradients(tf_real.constant(IMAGE)),
    ):
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), atol=1e-6)
    for image in (IMAGE, IMAGE[0], (IMAGE * 100).astype(np.int32)):
        ours = tf.image.total_variation(tf.constant(image))
        theirs = tf_real.image.total_variation(tf_real.constant(image))
        assert ours.dtype.name == theirs.dtype.name
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5)


@pytest.mark.parametrize("padding", ["VALID", "SAME"])
@pytest.mark.parametrize(
    "sizes,strides,rates",
    [
        ([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]),
        ([1, 3, 2, 1], [1, 2, 3, 1], [1, 1, 1, 1]),
        ([1, 2, 3, 1], [1, 3, 2, 1], [1, 2, 2, 1]),
        ([1, 7, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]),
    ],
)
def test_extract_patches_matches_tensorflow(sizes, strides, rates, padding):
    tf_real = pytest.importorskip("tensorflow")
    image = (IMAGE * 100).astype(np.int32)
    ours = tf.image.extract_patches(image, sizes, strides, rates, padding)
    theirs = tf_real.image.extract_patches(image, sizes, strides, rates, padding)
    assert ours.dtype.name == theirs.dtype.name
    np.testing.assert_array_equal(ours.numpy(), theirs.numpy())


def test_known_values():
    image = tf.reshape(tf.range(1, 10, dtype=tf.float32), [1, 3, 3, 1])
    dy, dx = tf.image.image_gradients(image)
    assert dy[0, ..., 0].numpy().tolist() == [[3, 3, 3], [3, 3, 3], [0, 0, 0]]
    assert dx[0, ..., 0].numpy().tolist() == [[1, 1, 0], [1, 1, 0], [1, 1, 0]]
    edges = tf.image.sobel_edges(image)
    assert edges.shape == (1, 3, 3, 1, 2)
    assert edges[0, 1, 1, 0].numpy().tolist() == [24, 8]
    assert float(tf.image.total_variation(image[0])) == 6 * 3 + 6 * 1
    patches = tf.image.extract_patches(image, [1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], "VALID")
    assert patches[0, 0, 0].numpy().tolist() == [1, 2, 4, 5]
    assert patches.shape == (1, 2, 2, 4)


@pytest.mark.parametrize(
    "call,error,message",
    [
        (
            lambda: tf.image.image_gradients(tf.zeros([5, 5, 1])),
            ValueError,
            "image_gradients expects a 4D tensor [batch_size, h, w, d], not (5, 5, 1).",
        ),
        (
            lambda: tf.image.total_variation(tf.zeros([5, 5])),
            ValueError,
            "'images' must be either 3 or 4-dimensional.",
        ),
        (
            lambda: tf.image.total_variation(tf.zeros([5, 5, 1], tf.uint8)),
            tf.errors.InvalidArgumentError,
            "[Op:Abs] name: ",
        ),
        (
            lambda: tf.image.sobel_edges(tf.zeros([1, 5, 5, 1], tf.int32)),
            tf.errors.InvalidArgumentError,
            "[Op:DepthwiseConv2dNative] name: ",
        ),
        (
            lambda: tf.image.extract_patches(
                tf.zeros([1, 5, 5, 1]), [2, 2, 2, 1], [1] * 4, [1] * 4, "VALID"
            ),
            tf.errors.UnimplementedError,
            "Only support ksizes across space. [Op:ExtractImagePatches] name: ",
        ),
        (
            lambda: tf.image.extract_patches(
                tf.zeros([5, 5, 1]), [1, 2, 2, 1], [1] * 4, [1] * 4, "VALID"
            ),
            tf.errors.InvalidArgumentError,
            "input must be 4-dimensional[5,5,1] [Op:ExtractImagePatches] name: ",
        ),
        (
            lambda: tf.image.extract_patches(
                tf.zeros([1, 5, 5, 1]), [1, 2, 2], [1] * 4, [1] * 4, "VALID"
            ),
            tf.errors.InvalidArgumentError,
            "Length for attr 'ksizes' of 3 must be at least minimum 4",
        ),
    ],
)
def test_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    text = str(info.value)
    assert text.endswith(message) or text.startswith(message)


def test_sobel_is_differentiable():
    image = tf.Variable(IMAGE)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.image.sobel_edges(image) ** 2)
    assert np.all(np.isfinite(tape.gradient(loss, image).numpy()))


def test_total_variation_of_empty_and_string_images_is_tfs():
    assert float(tf.image.total_variation(tf.zeros([0, 2, 3]))) == 0.0
    with pytest.raises(tf.errors.InvalidArgumentError, match="^Value for attr 'T' of string"):
        tf.image.total_variation(tf.fill([2, 2, 3], "a"))
    with pytest.raises(ValueError, match="expects a 4D tensor"):
        tf.image.image_gradients(tf.fill([2, 2, 3], "a"))


@pytest.mark.parametrize("fn", ["image_gradients", "total_variation"])
def test_python_values_raise_attribute_error_as_tensorflow(fn):
    # TF reads ``images.get_shape()`` before converting: lists and arrays have none.
    for value, kind in (([[[1.0, 1.0, 1.0]]], "list"), (IMAGE, "numpy.ndarray")):
        with pytest.raises(AttributeError) as info:
            getattr(tf.image, fn)(value)
        assert str(info.value) == "'%s' object has no attribute 'get_shape'" % kind


@pytest.mark.parametrize(
    "image,sizes,strides,rates",
    [
        ([1, 2, 2, 1], [1, 0, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]),
        ([1, 2, 2, 1], [1, 2, 2, 1], [1, 0, 1, 1], [1, 1, 1, 1]),
        ([1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], [1, 1, -1, 1]),
        ([2, 2, 1], [1, 2, 2, 1], [1, 0, 1, 1], [1, 1, 1, 1]),
    ],
)
def test_extract_patches_out_of_range_attrs_match_tensorflow(image, sizes, strides, rates):
    tf_real = pytest.importorskip("tensorflow")
    with pytest.raises(tf_real.errors.OutOfRangeError) as theirs:
        tf_real.image.extract_patches(tf_real.ones(image), sizes, strides, rates, "VALID")
    with pytest.raises(tf.errors.OutOfRangeError) as ours:
        tf.image.extract_patches(tf.ones(image), sizes, strides, rates, "VALID")
    assert str(ours.value) == str(theirs.value)


def test_extract_patches_string_and_zero_stride_errors():
    with pytest.raises(tf.errors.OutOfRangeError) as info:
        tf.image.extract_patches(
            tf.ones([1, 2, 2, 1]), [1, 2, 2, 1], [1, 0, 1, 1], [1] * 4, "VALID"
        )
    assert str(info.value).endswith("strides is out of range. [Op:ExtractImagePatches] name: ")
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.image.extract_patches(tf.fill([2, 2, 3], "a"), [1, 2, 2, 1], [1] * 4, [1] * 4, "VALID")
    assert str(info.value).startswith(
        "Value for attr 'T' of string is not in the list of allowed values: bfloat16, half, "
    )
    assert "; NodeDef: {{node ExtractImagePatches}}; Op<name=ExtractImagePatches;" in str(
        info.value
    )
