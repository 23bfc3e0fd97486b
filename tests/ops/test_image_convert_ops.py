"""tf.image.convert_image_dtype and per_image_standardization."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(0)
SAMPLES = {
    "uint8": np.array([0, 1, 127, 128, 254, 255], dtype=np.uint8),
    "int8": np.array([-128, -1, 0, 1, 127], dtype=np.int8),
    "uint16": np.array([0, 1, 255, 256, 65535], dtype=np.uint16),
    "int16": np.array([-32768, -1, 0, 1000, 32767], dtype=np.int16),
    "int32": np.array([-(2**31), -1, 0, 2**23, 2**31 - 1], dtype=np.int32),
    "int64": np.array([-(2**63), 0, 2**40, 2**63 - 1], dtype=np.int64),
    "float16": np.array([-0.5, 0.0, 0.25, 0.999, 1.0, 1.5], dtype=np.float16),
    "float32": np.array([-0.5, 0.0, 0.2, 0.5, 0.999, 1.0, 1.5], dtype=np.float32),
    "float64": np.array([-0.5, 0.0, 0.2, 0.5, 0.999, 1.0, 1.5], dtype=np.float64),
}
TARGETS = ["uint8", "int16", "int32", "float16", "float32", "float64"]


@pytest.mark.parametrize("source", sorted(SAMPLES))
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("saturate", [False, True])
def test_convert_image_dtype_matches_tensorflow(source, target, saturate):
    tf_real = pytest.importorskip("tensorflow")
    if source == "float16" and target == "int32":
        pytest.skip("dtype.max + 0.5 overflows float16: TF's result is not meaningful")
    values = SAMPLES[source]
    if not saturate and source.startswith("float") and not target.startswith("float"):
        values = values[(values >= 0) & (values <= 1)]
    ours = tf.image.convert_image_dtype(tf.constant(values), getattr(tf, target), saturate)
    theirs = tf_real.image.convert_image_dtype(
        tf_real.constant(values), getattr(tf_real, target), saturate
    )
    assert ours.dtype.name == theirs.dtype.name
    np.testing.assert_allclose(
        ours.numpy().astype(np.float64), theirs.numpy().astype(np.float64), rtol=1e-6
    )


def test_convert_image_dtype_known_values():
    image = tf.constant([0, 128, 255], dtype=tf.uint8)
    np.testing.assert_allclose(
        tf.image.convert_image_dtype(image, tf.float32).numpy(), [0, 128 / 255, 1], rtol=1e-6
    )
    back = tf.image.convert_image_dtype(tf.constant([0.0, 0.5, 1.0]), tf.uint8)
    assert back.numpy().tolist() == [0, 127, 255]
    wide = tf.constant([[[1000], [2000]], [[3000], [4000]]], dtype=tf.int16)
    narrow = tf.image.convert_image_dtype(wide, tf.uint8)
    assert tf.image.convert_image_dtype(narrow, tf.int16).numpy().ravel().tolist() == [
        896,
        1920,
        2944,
        3968,
    ]
    saturated = tf.image.convert_image_dtype(tf.constant([-1.0, 2.0]), tf.uint8, saturate=True)
    assert saturated.numpy().tolist() == [0, 255]


def test_convert_image_dtype_errors():
    with pytest.raises(AttributeError, match="^dtype must be either floating point or integer$"):
        tf.image.convert_image_dtype(tf.zeros([2]), tf.bool)
    with pytest.raises(AttributeError, match="^image dtype must be either floating"):
        tf.image.convert_image_dtype(tf.constant([True]), tf.float32)


@pytest.mark.parametrize("dtype", ["uint8", "float32", "float64", "int32"])
def test_per_image_standardization_matches_tensorflow(dtype):
    tf_real = pytest.importorskip("tensorflow")
    image = (RNG.random((2, 4, 5, 3)) * 200).astype(dtype)
    ours = tf.image.per_image_standardization(tf.constant(image))
    theirs = tf_real.image.per_image_standardization(tf_real.constant(image))
    assert ours.dtype.name == theirs.dtype.name == "float32"
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-5)


def test_per_image_standardization_known_values():
    out = tf.image.per_image_standardization(tf.constant([[[1.0], [3.0]]])).numpy()
    np.testing.assert_allclose(out.ravel(), [-1.0, 1.0], rtol=1e-6)
    flat = tf.image.per_image_standardization(tf.fill([2, 2, 1], 5)).numpy()
    np.testing.assert_array_equal(flat, np.zeros((2, 2, 1), np.float32))
    with pytest.raises(ValueError, match="must be at least three-dimensional"):
        tf.image.per_image_standardization(tf.zeros([3, 3]))


def test_per_image_standardization_gradient():
    image = tf.Variable([[[1.0], [2.0], [4.0]]])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.image.per_image_standardization(image) * [1.0, 0.0, 0.0])
    grad = tape.gradient(loss, image).numpy()
    assert grad.shape == (1, 3, 1) and np.all(np.isfinite(grad)) and grad[0, 0, 0] > 0
