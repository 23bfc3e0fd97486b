"""tf.image.psnr / ssim / ssim_multiscale."""

import numpy as np
import pytest

import torchkeras as tf

RNG = np.random.default_rng(5)
A = RNG.random((2, 33, 37, 3)).astype(np.float32)
B = np.clip(A + RNG.normal(0, 0.1, A.shape), 0, 1).astype(np.float32)


@pytest.mark.parametrize("dtype", ["float32", "uint8"])
def test_metrics_match_tensorflow(dtype):
    tf_real = pytest.importorskip("tensorflow")
    scale, top = (255, 255) if dtype == "uint8" else (1, 1.0)
    a, b = (A * scale).astype(dtype), (B * scale).astype(dtype)
    for name, extra in (("psnr", {}), ("ssim", {}), ("ssim", {"filter_size": 5, "k2": 0.05})):
        ours = getattr(tf.image, name)(a, b, top, **extra)
        theirs = getattr(tf_real.image, name)(a, b, top, **extra)
        assert ours.dtype.name == theirs.dtype.name == "float32"
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6)


def test_ssim_map_and_multiscale_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours = tf.image.ssim(A[0], B[0], 1.0, return_index_map=True)
    theirs = tf_real.image.ssim(A[0], B[0], 1.0, return_index_map=True)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6)
    big_a = RNG.random((1, 181, 170, 3)).astype(np.float32)
    big_b = np.clip(big_a + RNG.normal(0, 0.05, big_a.shape), 0, 1).astype(np.float32)
    ours = tf.image.ssim_multiscale(big_a, big_b, 1.0)
    theirs = tf_real.image.ssim_multiscale(big_a, big_b, 1.0)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-4)
    ours = tf.image.ssim_multiscale(A, B, 1.0, power_factors=(0.5, 0.5), filter_size=7)
    theirs = tf_real.image.ssim_multiscale(A, B, 1.0, power_factors=(0.5, 0.5), filter_size=7)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-4)


def test_known_values():
    np.testing.assert_allclose(tf.image.ssim(A, A, 1.0).numpy(), [1, 1], rtol=1e-6)
    np.testing.assert_allclose(tf.image.ssim_multiscale(A, A, 1.0, (1.0,)).numpy(), [1, 1])
    half = np.full((4, 4, 1), 0.5, np.float32)
    np.testing.assert_allclose(
        tf.image.psnr(half, np.zeros_like(half), 1.0).numpy(), 20 * np.log10(2), rtol=1e-5
    )
    assert np.isinf(tf.image.psnr(half, half, 1.0).numpy())


@pytest.mark.parametrize(
    "call,error,message",
    [
        (
            lambda: tf.image.ssim(np.zeros((5, 5, 3)), np.zeros((5, 5, 3)), 1.0),
            tf.errors.InvalidArgumentError,
            "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
            "5, 5, 3\n11",
        ),
        (
            lambda: tf.image.ssim(np.zeros((12, 12, 3)), np.zeros((12, 13, 3)), 1.0),
            ValueError,
            "Shapes (12, 12, 3) and (12, 13, 3) are incompatible",
        ),
        (
            lambda: tf.image.ssim(np.zeros((12, 3)), np.zeros((12, 3)), 1.0),
            ValueError,
            "Shape (12, 3) must have rank at least 3",
        ),
        (
            lambda: tf.image.psnr(tf.zeros([12, 12, 3]), tf.zeros([12, 13, 3]), 1.0),
            tf.errors.InvalidArgumentError,
            "Incompatible shapes: [12,12,3] vs. [12,13,3] [Op:SquaredDifference] name: ",
        ),
        (
            lambda: tf.image.ssim(tf.zeros([12, 12, 3]), tf.zeros([12, 12, 3], tf.float64), 1.0),
            tf.errors.InvalidArgumentError,
            "cannot compute ShapeN as input #1(zero-based) was expected to be a float tensor but "
            "is a double tensor [Op:ShapeN] name: ",
        ),
    ],
)
def test_errors(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert str(info.value).endswith(message)


def test_ssim_is_differentiable():
    image = tf.Variable(B[0])
    with tf.GradientTape() as tape:
        loss = 1 - tf.image.ssim(image, A[0], 1.0)
    grad = tape.gradient(loss, image).numpy()
    assert grad.shape == B[0].shape and np.all(np.isfinite(grad)) and np.abs(grad).max() > 0
