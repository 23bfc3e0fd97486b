"""``tf.signal``'s windows (``torchkeras/ops/window_ops.py``): known values (NumPy's
formulas) and, with TensorFlow installed, expression by expression against real TF."""

import numpy as np
import pytest
from oracle_compare import assert_same, run

import torchkeras as tf

EXPRESSIONS = [
    "tf.signal.hann_window(8)",
    "tf.signal.hann_window(7)",
    "tf.signal.hann_window(8, periodic=False)",
    "tf.signal.hann_window(7, periodic=False, dtype=tf.float64)",
    "tf.signal.hann_window(4, periodic=False, dtype=tf.float16)",
    "tf.signal.hann_window(9, dtype=tf.bfloat16)",
    "tf.signal.hann_window(1)",
    "tf.signal.hann_window(1, dtype=tf.float64)",
    "tf.signal.hann_window(0)",
    "tf.signal.hann_window(2)",
    "tf.signal.hann_window(2, periodic=False)",
    "tf.signal.hann_window(tf.constant(6))",
    "tf.signal.hann_window(6, periodic=tf.constant(False))",
    "tf.signal.hann_window(-1)",
    "tf.signal.hann_window(5, dtype=tf.int32)",
    "tf.signal.hann_window([5])",
    "tf.signal.hann_window(5.0)",
    "tf.signal.hann_window(5, periodic=1)",
    "tf.signal.hamming_window(10)",
    "tf.signal.hamming_window(10, periodic=False, dtype=tf.float64)",
    "tf.signal.hamming_window(1)",
    "tf.signal.hamming_window(5, dtype=tf.string)",
    "tf.signal.kaiser_window(8)",
    "tf.signal.kaiser_window(7, beta=5.0)",
    "tf.signal.kaiser_window(7, beta=tf.constant(3.0), dtype=tf.float64)",
    "tf.signal.kaiser_window(6, dtype=tf.float16)",
    "tf.signal.kaiser_window(2)",
    "tf.signal.kaiser_window(1)",
    "tf.signal.kaiser_window(0)",
    "tf.signal.kaiser_window(-1)",
    "tf.signal.kaiser_window(4, dtype=tf.int32)",
    "tf.signal.kaiser_window([4])",
    "tf.signal.kaiser_bessel_derived_window(8)",
    "tf.signal.kaiser_bessel_derived_window(5)",
    "tf.signal.kaiser_bessel_derived_window(10, beta=4.0, dtype=tf.float64)",
    "tf.signal.kaiser_bessel_derived_window(1)",
    "tf.signal.kaiser_bessel_derived_window(2)",
    "tf.signal.vorbis_window(8)",
    "tf.signal.vorbis_window(7, dtype=tf.float64)",
    "tf.signal.vorbis_window(1)",
    "tf.signal.vorbis_window(0)",
    "tf.signal.vorbis_window(5, dtype=tf.bool)",
    "tf.signal.hann_window(5, dtype='float64')",
    "tf.signal.kaiser_window(5, dtype=tf.bfloat16)",
    "tf.signal.kaiser_bessel_derived_window(6, dtype=tf.float16)",
    "tf.signal.vorbis_window(6, dtype=tf.float16)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_window_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression), rtol=2e-6, atol=2e-6)


def test_raised_cosine_windows_match_numpy():
    np.testing.assert_allclose(
        tf.signal.hann_window(9, periodic=False).numpy(), np.hanning(9), atol=1e-6
    )
    np.testing.assert_allclose(tf.signal.hann_window(8).numpy(), np.hanning(9)[:-1], atol=1e-6)
    np.testing.assert_allclose(
        tf.signal.hamming_window(7, periodic=False, dtype=tf.float64).numpy(),
        np.hamming(7),
        atol=1e-12,
    )
    assert tf.signal.hamming_window(5, dtype=tf.float16).dtype == tf.float16
    np.testing.assert_array_equal(tf.signal.hann_window(1).numpy(), [1.0])
    assert tf.signal.hann_window(0).shape == (0,)


def test_kaiser_family_known_values():
    np.testing.assert_allclose(
        tf.signal.kaiser_window(9, beta=6.0, dtype=tf.float64).numpy(),
        np.kaiser(9, 6.0),
        rtol=1e-7,
    )
    kbd = tf.signal.kaiser_bessel_derived_window(8, beta=4.0, dtype=tf.float64).numpy()
    # Princen-Bradley: w[n]^2 + w[n + N/2]^2 = 1.
    np.testing.assert_allclose(kbd[:4] ** 2 + kbd[4:] ** 2, np.ones(4), atol=1e-12)
    np.testing.assert_allclose(kbd, kbd[::-1], atol=1e-12)
    vorbis = tf.signal.vorbis_window(8).numpy()
    n = np.arange(8)
    np.testing.assert_allclose(
        vorbis, np.sin(np.pi / 2 * np.sin(np.pi * (n + 0.5) / 8) ** 2), atol=1e-6
    )


def test_argument_errors():
    with pytest.raises(ValueError, match="dtype must be a floating point type. Found"):
        tf.signal.hann_window(5, dtype=tf.int32)
    with pytest.raises(ValueError, match=r"Shape \(1,\) must have rank 0"):
        tf.signal.vorbis_window([4])
    with pytest.raises(TypeError, match="Cannot convert 5.0 to EagerTensor of dtype int32"):
        tf.signal.kaiser_window(5.0)


def test_a_window_length_tensor_of_another_dtype_is_named_in_the_error():
    with pytest.raises(ValueError, match="^window_length: Tensor conversion requested dtype int32"):
        tf.signal.hann_window(tf.constant(4.0))
