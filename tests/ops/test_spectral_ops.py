"""``tf.signal.stft`` / ``inverse_stft`` / ``mdct`` / ``inverse_mdct``
(``torchkeras/ops/spectral_ops.py``): reconstruction properties and, with TensorFlow
installed, expression by expression against real TF."""

import numpy as np
import pytest
from oracle_compare import assert_same, run

import torchkeras as tf

SIGNAL = "tf.sin(tf.range(40.0) * 0.3) + tf.cos(tf.range(40.0) * 1.1) * 0.5"
BATCH = "tf.reshape(tf.sin(tf.range(64.0) ** 1.1), [2, 32])"
SPEC = "tf.signal.stft(%s, 8, 4)" % SIGNAL

EXPRESSIONS = [
    SPEC,
    "tf.signal.stft(%s, 7, 3)" % SIGNAL,
    "tf.signal.stft(%s, 5, 2, fft_length=6, pad_end=True, window_fn=None)" % SIGNAL,
    "tf.signal.stft(%s, 8, 4, window_fn=tf.signal.hamming_window)" % BATCH,
    "tf.signal.stft(%s, 8, 4, fft_length=16, pad_end=True)" % BATCH,
    "tf.signal.stft(tf.cast(%s, tf.float64), 9, 4)" % BATCH,
    "tf.signal.stft(tf.range(10), 4, 2)",
    "tf.signal.stft(tf.range(10), 4, 2, window_fn=None)",
    "tf.signal.stft(tf.constant(1.0), 4, 2)",
    "tf.signal.stft(tf.range(10.0), [4], 2)",
    "tf.signal.inverse_stft(%s, 8, 4)" % SPEC,
    "tf.signal.inverse_stft(%s, 8, 4, window_fn=tf.signal.inverse_stft_window_fn(4))" % SPEC,
    "tf.signal.inverse_stft(%s, 6, 4, fft_length=8)" % SPEC,
    "tf.signal.inverse_stft(%s, 12, 4, window_fn=None)" % SPEC,
    "tf.signal.inverse_stft(tf.signal.stft(%s, 8, 4, fft_length=16), 8, 4, 16)" % BATCH,
    "tf.signal.inverse_stft(tf.ones([3, 3], tf.complex64), 4, 2)",
    "tf.signal.inverse_stft(tf.ones([3, 3], tf.complex128), 4, 2)",
    "tf.signal.inverse_stft(tf.constant([1.0, 2.0]), 4, 2)",
    "tf.signal.inverse_stft(tf.ones([3, 3], tf.complex64), 4, 2, fft_length=[4])",
    "tf.signal.inverse_stft(tf.ones([3, 3]), 4, 2)",
    "tf.signal.inverse_stft_window_fn(2)(4, tf.float32)",
    "tf.signal.inverse_stft_window_fn(3, tf.signal.hamming_window)(5, tf.float64)",
    "tf.signal.inverse_stft_window_fn(4)(4, tf.float32)",
    "tf.signal.inverse_stft_window_fn([4])(4, tf.float32)",
    "tf.signal.mdct(%s, 8)" % SIGNAL,
    "tf.signal.mdct(%s, 8, norm='ortho', pad_end=True)" % BATCH,
    "tf.signal.mdct(%s, 12, window_fn=None)" % BATCH,
    "tf.signal.mdct(%s, 12, window_fn=tf.signal.kaiser_bessel_derived_window)" % SIGNAL,
    "tf.signal.mdct(tf.range(16.0), 6)",
    "tf.signal.mdct(tf.constant(1.0), 8)",
    "tf.signal.inverse_mdct(tf.signal.mdct(%s, 8))" % SIGNAL,
    "tf.signal.inverse_mdct(tf.signal.mdct(%s, 8, norm='ortho'), norm='ortho')" % BATCH,
    "tf.signal.inverse_mdct(tf.signal.mdct(%s, 12, window_fn=None), window_fn=None)" % BATCH,
    "tf.signal.inverse_mdct(tf.ones([3, 4], tf.float64))",
    "tf.signal.inverse_mdct(tf.ones([4]))",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_spectral_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression), rtol=1e-4, atol=1e-4)


def test_stft_shapes_and_values():
    signal = np.sin(np.arange(40.0) * 0.3).astype(np.float32)
    spec = tf.signal.stft(signal, 8, 4)
    assert spec.dtype == tf.complex64 and spec.shape == (9, 5)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(8) / 8)
    frame = signal[8:16] * window
    np.testing.assert_allclose(spec.numpy()[2], np.fft.rfft(frame), atol=1e-5)
    assert tf.signal.stft(signal, 5, 2).shape == (18, 5)  # fft_length 8: 5 bins
    assert tf.signal.stft(signal, 5, 2, pad_end=True).shape == (20, 5)


def test_inverse_stft_reconstructs():
    signal = np.random.default_rng(0).standard_normal(64).astype(np.float32)
    spec = tf.signal.stft(signal, 16, 4)
    back = tf.signal.inverse_stft(spec, 16, 4, window_fn=tf.signal.inverse_stft_window_fn(4))
    # Away from the edges (covered by fewer than four frames) the signal comes back.
    np.testing.assert_allclose(back.numpy()[12:-12], signal[12:-12], atol=1e-5)


def test_mdct_round_trip():
    signal = np.random.default_rng(1).standard_normal(64)
    coefficients = tf.signal.mdct(tf.constant(signal), 16, norm="ortho")
    assert coefficients.shape == (7, 8) and coefficients.dtype == tf.float64
    back = tf.signal.inverse_mdct(coefficients, norm="ortho").numpy()
    np.testing.assert_allclose(back[8:-8], signal[8:-8], atol=1e-9)
    with pytest.raises(ValueError, match="The frame length must be a multiple of 4."):
        tf.signal.mdct(tf.constant(signal), 6)


def test_gradient_through_stft():
    x = tf.Variable(tf.sin(tf.range(32.0)))
    with tf.GradientTape() as tape:
        power = tf.reduce_sum(tf.abs(tf.signal.stft(x, 8, 8, window_fn=None)) ** 2)
    # Parseval per frame of 8 samples, 5 of 8 bins kept: gradient = 2 * (sum over bins).
    xs = x.numpy().astype(np.float64).reshape(4, 8)
    basis = np.exp(-2j * np.pi * np.arange(5)[:, None] * np.arange(8)[None, :] / 8)
    expected = 2 * np.real(np.conj(xs @ basis.T) @ basis).reshape(-1)
    np.testing.assert_allclose(tape.gradient(power, x).numpy(), expected, rtol=1e-4, atol=1e-4)


def test_gradient_through_stft_matches_tf():
    tf_real = pytest.importorskip("tensorflow")

    def grad(module):
        x = module.Variable(module.sin(module.range(40.0) * 0.7))
        with module.GradientTape() as tape:
            spec = module.signal.stft(x, 8, 3, pad_end=True)
            back = module.signal.inverse_stft(spec, 8, 3)
            loss = module.reduce_sum(module.abs(spec)) + module.reduce_sum(back * back)
        return tape.gradient(loss, x).numpy()

    np.testing.assert_allclose(grad(tf), grad(tf_real), rtol=1e-4, atol=1e-4)
