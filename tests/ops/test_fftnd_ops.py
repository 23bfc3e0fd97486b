"""TF's N-D transforms (``torchkeras/ops/fftnd_ops.py``): TF 2.21's CPU behaviour (no kernel)
against real TF, and the transforms themselves against NumPy (directly, and on CUDA when
there is a GPU)."""

import numpy as np
import pytest
import torch
from oracle_compare import assert_same, run

import torchkeras as tf
from torchkeras.framework.tensor import wrap
from torchkeras.ops import fftnd_ops

C = "tf.constant([[1 + 2j, 3j], [-1, 0.5]], tf.complex64)"
R = "tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])"

EXPRESSIONS = [
    "tf.signal.fftnd(%s)" % C,
    "tf.signal.ifftnd(%s, axes=[0])" % C,
    "tf.signal.fftnd(%s, fft_length=[3], axes=[1], norm='ortho')" % C,
    "tf.signal.fftnd(tf.cast(%s, tf.complex128))" % C,
    "tf.signal.fftnd(%s)" % R,
    "tf.signal.fftnd(tf.constant(1.0, tf.complex64), axes=[0])",
    "tf.signal.fftnd(tf.constant([1.0], tf.complex64), axes=[0, 1])",
    "tf.signal.fftnd([1.0, 2.0])",
    "tf.signal.rfftnd(%s)" % R,
    "tf.signal.rfftnd(tf.cast(%s, tf.float64), fft_length=[2, 4])" % R,
    "tf.signal.rfftnd(tf.constant([1, 2]))",
    "tf.signal.rfftnd([1.0, 2.0])",
    "tf.signal.irfftnd(%s)" % C,
    "tf.signal.irfftnd(%s)" % R,
    "tf.fftnd(%s, [2, 2], [0, 1])" % C,
    "tf.fftnd(%s, [2], [0])" % R,
    "tf.ifftnd(tf.cast(%s, tf.complex128), [2], [1])" % C,
    "tf.rfftnd(%s, [2, 3], [0, 1])" % R,
    "tf.rfftnd(tf.constant([1, 2]), [2], [0])",
    "tf.irfftnd(%s, [2], [0])" % C,
    "tf.irfftnd(%s, [2], [0])" % R,
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_nd_transform_matches_tf_on_the_cpu(expression):
    tf_real = pytest.importorskip("tensorflow")
    with tf_real.device("/CPU:0"):
        expected = run(tf_real, expression)
    with tf.device("/CPU:0"):
        assert_same(expression, expected, run(tf, expression))


def test_cpu_tensors_have_no_kernel():
    with tf.device("/CPU:0"):
        with pytest.raises(tf.errors.NotFoundError, match=r"\{\{node FFTND\}\} = FFTND"):
            tf.signal.fftnd(tf.constant([1j, 2]))
        with pytest.raises(tf.errors.InvalidArgumentError, match="attr 'Treal' of int32"):
            tf.rfftnd(tf.constant([1, 2]), [2], [0])


def test_kernels_match_numpy():
    x = np.random.default_rng(0).standard_normal((3, 4, 5))
    z = x + 1j * x[::-1]
    storage = torch.from_numpy(z)
    got = fftnd_ops.kernel("FFTND", storage, [4, 2], [0, 2], torch.complex128)
    np.testing.assert_allclose(got.numpy(), np.fft.fftn(z, (4, 2), (0, 2)), atol=1e-12)
    got = fftnd_ops.kernel("IFFTND", storage, [3], [1], torch.complex128)
    np.testing.assert_allclose(got.numpy(), np.fft.ifftn(z, (3,), (1,)), atol=1e-12)
    got = fftnd_ops.kernel("RFFTND", torch.from_numpy(x), [3, 6], [0, 1], torch.complex128)
    np.testing.assert_allclose(got.numpy(), np.fft.rfftn(x, (3, 6), (0, 1)), atol=1e-12)
    got = fftnd_ops.kernel("IRFFTND", storage, [4, 8], [1, 2], torch.float32)
    assert got.dtype == torch.float32
    np.testing.assert_allclose(got.numpy(), np.fft.irfftn(z, (4, 8), (1, 2)), atol=1e-5)


def test_wrappers_norm_and_lengths(monkeypatch):
    def anywhere(opname, storage, fft_length, axes, out_dtype, name):
        ints = fftnd_ops._ints
        return wrap(fftnd_ops.kernel(opname, storage, ints(fft_length), ints(axes), out_dtype))

    monkeypatch.setattr(fftnd_ops, "_run", anywhere)
    x = np.random.default_rng(1).standard_normal((2, 3, 4))
    z = tf.constant(x + 0.5j * x, tf.complex128)
    for norm in ("backward", "forward", "ortho"):
        np.testing.assert_allclose(
            tf.signal.fftnd(z, norm=norm).numpy(), np.fft.fftn(z.numpy(), norm=norm), atol=1e-12
        )
        np.testing.assert_allclose(
            tf.signal.ifftnd(z, norm=norm).numpy(),
            np.fft.ifftn(z.numpy(), norm=norm),
            atol=1e-12,
        )
    got = tf.signal.rfftnd(tf.constant(x), fft_length=[5, 6], axes=[1, 2])
    assert got.dtype == tf.complex128
    np.testing.assert_allclose(got.numpy(), np.fft.rfftn(x, (5, 6), (1, 2)), atol=1e-12)
    spectrum = np.fft.rfftn(x)
    back = tf.signal.irfftnd(tf.constant(spectrum, tf.complex64), fft_length=[2, 3, 4])
    assert back.dtype == tf.float32
    np.testing.assert_allclose(back.numpy(), x, atol=1e-5)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="TF's N-D transforms are GPU-only")
def test_nd_transforms_on_cuda():
    x = np.random.default_rng(2).standard_normal((3, 4))
    with tf.device("/GPU:0"):
        got = tf.signal.fftnd(tf.constant(x.astype(np.complex64)), axes=[0, 1])
        real = tf.signal.rfftnd(tf.constant(x, tf.float32))
    np.testing.assert_allclose(got.numpy(), np.fft.fftn(x), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(real.numpy(), np.fft.rfftn(x), rtol=1e-5, atol=1e-5)
