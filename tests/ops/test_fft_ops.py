"""``tf.signal``'s Fourier transforms (``torchkeras/ops/fft_ops.py``): against NumPy's FFT,
and expression by expression against real TensorFlow when it is installed."""

import numpy as np
import pytest
from oracle_compare import assert_same, run

import torchkeras as tf

X = "tf.constant([1.0, 2.0, 3.0, 4.0])"
C = "tf.constant([[1 + 2j, 3j, -1, 0.5 - 1j], [2, 1j, 1, -2j]], tf.complex64)"
C3 = "tf.cast(tf.reshape(tf.range(24.0) ** 1.3, [2, 3, 4]), tf.complex64) * (1 - 2j)"
M = "tf.reshape(tf.range(12.0) ** 1.5, [3, 4])"

EXPRESSIONS = [
    "tf.signal.fft(%s)" % C,
    "tf.signal.ifft(%s)" % C,
    "tf.signal.fft2d(%s)" % C,
    "tf.signal.ifft2d(%s)" % C,
    "tf.signal.fft3d(%s)" % C3,
    "tf.signal.ifft3d(%s)" % C3,
    "tf.signal.fft(tf.cast(%s, tf.complex128))" % C,
    "tf.signal.fft([1.0, 2.0])",
    "tf.signal.fft([1, 2])",
    "tf.signal.fft(tf.constant([1 + 2j, 3j]))",
    "tf.signal.fft(tf.zeros([0], tf.complex64))",
    "tf.signal.fft(%s)" % X,
    "tf.signal.fft(%s, name='foo')" % X,
    "tf.signal.ifft(tf.constant([1, 2]))",
    "tf.signal.fft(tf.constant(3 + 1j, tf.complex64))",
    "tf.signal.fft2d(tf.constant([1 + 2j, 3j], tf.complex64))",
    "tf.signal.ifft3d(%s)" % C,
    "tf.signal.rfft(%s)" % X,
    "tf.signal.rfft(%s, fft_length=[6])" % X,
    "tf.signal.rfft(%s, fft_length=[2])" % X,
    "tf.signal.rfft(%s, fft_length=[3])" % X,
    "tf.signal.rfft(%s, fft_length=tf.constant([5]))" % X,
    "tf.signal.rfft(%s, fft_length=6)" % X,
    "tf.signal.rfft(%s, fft_length=[-1])" % X,
    "tf.signal.rfft(%s, fft_length=[2, 3])" % X,
    "tf.signal.rfft(tf.constant([1, 2]))",
    "tf.signal.rfft([1, 2])",
    "tf.signal.rfft([1.5, 2])",
    "tf.signal.rfft(tf.constant([1.0, 2.0], tf.float64))",
    "tf.signal.rfft(tf.constant([1.0, 2.0], tf.float16))",
    "tf.signal.rfft(tf.constant([1 + 1j, 2.0]))",
    "tf.signal.rfft(tf.constant(1.0))",
    "tf.signal.rfft(%s)" % M,
    "tf.signal.rfft(tf.zeros([0, 4]))",
    "tf.signal.rfft(tf.ones([2, 0]))",
    "tf.signal.rfft(tf.ones([2, 0]), [0])",
    "tf.signal.irfft(tf.ones([2, 0], tf.complex64))",
    "tf.signal.irfft(tf.ones([2, 0], tf.complex64), [0])",
    "tf.signal.fft(tf.ones([2, 0], tf.complex64))",
    "tf.signal.fft2d(tf.ones([0, 3], tf.complex128))",
    "tf.signal.irfft(tf.constant([1 + 1j, 2.0, 3], tf.complex64))",
    "tf.signal.irfft(tf.constant([1 + 1j, 2.0, 3 + 2j], tf.complex64))",
    "tf.signal.irfft(tf.constant([1 + 1j, 2.0, 3], tf.complex64), fft_length=[3])",
    "tf.signal.irfft(tf.constant([1 + 1j, 2.0, 3], tf.complex64), fft_length=[8])",
    "tf.signal.irfft(tf.constant([1 + 1j, 2.0, 3], tf.complex64), fft_length=[2])",
    "tf.signal.irfft(tf.constant([1 + 1j, 2.0, 3], tf.complex128))",
    "tf.signal.irfft(tf.constant([1.0, 2.0, 3]))",
    "tf.signal.irfft([1.0, 2.0, 3])",
    "tf.signal.irfft(tf.constant(1j))",
    "tf.signal.irfft(%s)" % C,
    "tf.signal.rfft2d(%s)" % M,
    "tf.signal.rfft2d(%s, fft_length=[4, 4])" % M,
    "tf.signal.rfft2d(%s, fft_length=[2, 3])" % M,
    "tf.signal.rfft2d(tf.range(6.0))",
    "tf.signal.irfft2d(tf.signal.rfft2d(%s))" % M,
    "tf.signal.irfft2d(%s)" % C,
    "tf.signal.irfft2d(%s, fft_length=[3, 5])" % C,
    "tf.signal.irfft2d(%s, fft_length=[1, 2])" % C,
    "tf.signal.rfft3d(tf.reshape(tf.range(24.0), [2, 3, 4]))",
    "tf.signal.rfft3d(tf.reshape(tf.range(24.0), [2, 3, 4]), fft_length=[3, 3, 3])",
    "tf.signal.irfft3d(%s)" % C3,
    "tf.signal.irfft3d(%s, fft_length=[2, 2, 5])" % C3,
    "tf.signal.fftshift(tf.range(5))",
    "tf.signal.fftshift([1, 2, 3])",
    "tf.signal.fftshift([0.0, 1.0, 2.0, 3.0, 4.0, -5.0, -4.0, -3.0, -2.0, -1.0])",
    "tf.signal.fftshift(tf.reshape(tf.range(6), [2, 3]), axes=1)",
    "tf.signal.fftshift(tf.reshape(tf.range(6), [2, 3]), axes=-1)",
    "tf.signal.fftshift(tf.reshape(tf.range(6), [2, 3]), axes=5)",
    "tf.signal.ifftshift(tf.reshape(tf.range(6), [2, 3]), axes=[0, 1])",
    "tf.signal.ifftshift(tf.reshape(tf.range(6), [2, 3]), axes=(-2,))",
    "tf.signal.ifftshift(tf.reshape(tf.range(30), [5, 6]))",
    "tf.signal.fftshift(tf.constant(1.0))",
    "tf.signal.rfft(tf.zeros([0, 10]), [16])",
    "tf.signal.rfft(tf.zeros([0, 0]), [16])",
    "tf.signal.rfft2d(tf.zeros([0, 3, 10]), [4, 16])",
    "tf.signal.stft(tf.ones([8]), 10, 2)",
    "tf.signal.ifftshift(tf.constant(1.0), axes=[])",
    "tf.signal.fftshift(tf.constant([[b'a', b'b', b'c'], [b'd', b'e', b'f']]))",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_fft_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("expression", ["tf.math.fft", "tf.spectral", "tf.math.rfft", "tf.fft"])
def test_fft_names_tf_does_not_have(expression):
    with pytest.raises(AttributeError):
        eval(expression)  # noqa: S307 - a fixed expression


def test_complex_transforms_match_numpy():
    rng = np.random.default_rng(0)
    x = (rng.standard_normal((3, 4, 5)) + 1j * rng.standard_normal((3, 4, 5))).astype(np.complex64)
    t = tf.constant(x)
    cases = [
        (tf.signal.fft, np.fft.fft(x)),
        (tf.signal.ifft, np.fft.ifft(x)),
        (tf.signal.fft2d, np.fft.fft2(x)),
        (tf.signal.ifft2d, np.fft.ifft2(x)),
        (tf.signal.fft3d, np.fft.fftn(x)),
        (tf.signal.ifft3d, np.fft.ifftn(x)),
    ]
    for fn, expected in cases:
        got = fn(t)
        assert got.dtype == tf.complex64 and got.shape == x.shape
        np.testing.assert_allclose(got.numpy(), expected, rtol=1e-4, atol=1e-4)
    assert tf.signal.fft(tf.constant(x.astype(np.complex128))).dtype == tf.complex128


def test_real_transforms_and_fft_length():
    x = np.arange(12.0).reshape(3, 4) ** 1.5
    t = tf.constant(x, tf.float32)
    got = tf.signal.rfft(t)
    assert got.dtype == tf.complex64 and got.shape == (3, 3)
    np.testing.assert_allclose(got.numpy(), np.fft.rfft(x), rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(
        tf.signal.rfft(t, [6]).numpy(), np.fft.rfft(x, 6), rtol=1e-5, atol=1e-4
    )
    np.testing.assert_allclose(
        tf.signal.rfft(t, [3]).numpy(), np.fft.rfft(x, 3), rtol=1e-5, atol=1e-4
    )
    np.testing.assert_allclose(
        tf.signal.rfft2d(t, [4, 6]).numpy(), np.fft.rfft2(x, (4, 6)), rtol=1e-5, atol=1e-3
    )
    spectrum = np.fft.rfft2(x)
    back = tf.signal.irfft2d(tf.constant(spectrum, tf.complex128))
    assert back.dtype == tf.float64
    np.testing.assert_allclose(back.numpy(), x, atol=1e-9)
    np.testing.assert_allclose(
        tf.signal.irfft(tf.constant(spectrum, tf.complex64), [5]).numpy(),
        np.fft.irfft(spectrum, 5),
        rtol=1e-5,
        atol=1e-4,
    )
    cube = np.arange(24.0).reshape(2, 3, 4)
    np.testing.assert_allclose(
        tf.signal.irfft3d(tf.signal.rfft3d(tf.constant(cube, tf.float64)), [2, 3, 4]).numpy(),
        cube,
        atol=1e-9,
    )


def test_dtype_rules():
    with pytest.raises(tf.errors.InvalidArgumentError, match="attr 'Tcomplex' of float"):
        tf.signal.fft(tf.constant([1.0, 2.0]))
    with pytest.raises(ValueError, match="RFFT requires tf.float32 or tf.float64 inputs"):
        tf.signal.rfft(tf.constant([1, 2]))
    with pytest.raises(ValueError, match="IRFFT requires tf.complex64 or tf.complex128"):
        tf.signal.irfft(tf.constant([1.0, 2.0]))
    with pytest.raises(ValueError, match=r"Shape \(6,\) must have rank at least 2"):
        tf.signal.rfft2d(tf.range(6.0))
    with pytest.raises(tf.errors.InvalidArgumentError, match="fft_length must have shape"):
        tf.signal.rfft(tf.range(4.0), [2, 2])


def test_fftshift_matches_numpy():
    x = np.arange(30).reshape(5, 6)
    np.testing.assert_array_equal(tf.signal.fftshift(x).numpy(), np.fft.fftshift(x))
    np.testing.assert_array_equal(tf.signal.ifftshift(x).numpy(), np.fft.ifftshift(x))
    np.testing.assert_array_equal(tf.signal.fftshift(x, axes=1).numpy(), np.fft.fftshift(x, axes=1))
    np.testing.assert_array_equal(
        tf.signal.ifftshift(x, axes=[0]).numpy(), np.fft.ifftshift(x, axes=[0])
    )


def test_gradients_through_rfft_and_fft():
    x = tf.Variable([1.0, -2.0, 0.5, 3.0, 4.0])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.abs(tf.signal.rfft(x)) ** 2)
    grad = tape.gradient(loss, x)
    # Parseval over the half spectrum: d/dx sum |X_k|^2 (k = 0..2, n = 5).
    xs = x.numpy().astype(np.float64)
    n = len(xs)
    k = np.arange(n // 2 + 1)[:, None]
    basis = np.exp(-2j * np.pi * k * np.arange(n)[None, :] / n)
    spectrum = basis @ xs
    expected = 2 * np.real(np.conj(spectrum) @ basis)
    np.testing.assert_allclose(grad.numpy(), expected, rtol=1e-4)
    z = tf.Variable(tf.constant([1 + 1j, 2 - 1j, 0.5j], tf.complex64))
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(
            tf.math.real(tf.signal.fft(z) * tf.constant([1 + 0j, 2j, -1 + 0j], tf.complex64))
        )
    grad = tape.gradient(loss, z)
    assert grad.dtype == tf.complex64 and grad.shape == (3,)


def test_gradients_match_tf():
    tf_real = pytest.importorskip("tensorflow")

    def grads(module):
        x = module.Variable([1.0, -2.0, 0.5, 3.0, 4.0, 2.5])
        z = module.Variable(module.constant([1 + 1j, 2 - 1j, 0.5j, 3.0], module.complex64))
        w1 = module.constant([1 + 0j, 1j, 2 + 0j, 1 + 0j, 1 + 0j], module.complex64)
        w2 = module.constant([1 + 0j, 2j, -1 + 0j, 1 - 1j], module.complex64)
        with module.GradientTape() as tape:
            spectrum = module.signal.rfft(x, [8])
            loss = module.reduce_sum(module.abs(spectrum) * module.constant([1.0, 2, 3, 4, 5]))
            back = module.signal.irfft(spectrum * w1)
            loss += module.reduce_sum(back * module.range(8.0))
            loss += module.reduce_sum(module.math.real(module.signal.fft(z) * w2))
            loss += module.reduce_sum(module.math.imag(module.signal.ifft(z) ** 2))
        return [g.numpy() for g in tape.gradient(loss, [x, z])]

    for got, expected in zip(grads(tf), grads(tf_real)):
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


def test_an_fft_length_below_minus_one_is_a_shape_error():
    with pytest.raises(ValueError, match="^Dimension -2 must be >= 0"):
        tf.signal.rfft(tf.ones([8]), fft_length=[-2])
    with pytest.raises(tf.errors.InvalidArgumentError, match="must >= 0, but got: -1"):
        tf.signal.rfft(tf.ones([8]), fft_length=[-1])


def test_empty_signal_shorter_than_fft_length_is_tfs_kernel_error():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.signal.stft(tf.ones([8]), 10, 2)
    assert str(info.value).endswith(
        "Input dimension 1 must have length of at least 16 but got: 10 [Op:RFFT] name: "
    )
