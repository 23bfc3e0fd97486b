"""``tf.signal.dct`` / ``idct`` (``torchkeras/ops/dct_ops.py``): against direct cosine sums
and, with TensorFlow installed, expression by expression against real TF."""

import numpy as np
import pytest
from oracle_compare import assert_same, run

import torchkeras as tf

X = "tf.constant([[1.0, 2.0, -3.0, 4.5, 0.25], [0.5, -1.0, 2.0, 3.0, -2.0]])"
D = "tf.constant([1.0, 2.0, -3.0, 4.5, 0.25, 7.0], tf.float64)"

EXPRESSIONS = (
    [
        "tf.signal.%s(%s, type=%d)" % (fn, x, t)
        for fn in ("dct", "idct")
        for x in (X, D)
        for t in (1, 2, 3, 4)
    ]
    + [
        "tf.signal.%s(%s, type=%d, norm='ortho')" % (fn, x, t)
        for fn in ("dct", "idct")
        for x in (X, D)
        for t in (2, 3, 4)
    ]
    + [
        "tf.signal.dct(%s, n=3)" % X,
        "tf.signal.dct(%s, n=8, type=3)" % X,
        "tf.signal.idct(%s, n=7, type=4, norm='ortho')" % D,
        "tf.signal.dct(%s, n=2, type=1)" % X,
        "tf.signal.dct([1.0, 2.0, 3.0])",
        "tf.signal.dct(tf.ones([2, 0]))",
        "tf.signal.idct(tf.ones([3, 0]), type=3)",
        "tf.signal.dct([1.0, 2.0, 3.0], type=1)",
        "tf.signal.dct(tf.constant([1.0]), type=2)",
        "tf.signal.dct(tf.constant([1.0]), type=4, norm='ortho')",
        "tf.signal.dct(tf.constant([1, 2, 3]))",
        "tf.signal.dct(%s, type=5)" % X,
        "tf.signal.dct(%s, type=1, norm='ortho')" % X,
        "tf.signal.dct(tf.constant([1.0]), type=1)",
        "tf.signal.dct(%s, norm='foo')" % X,
        "tf.signal.dct(%s, axis=0)" % X,
        "tf.signal.dct(%s, n=0)" % X,
        "tf.signal.dct(tf.constant([1.0, 2.0], tf.float16))",
        "tf.signal.dct(tf.constant([1.0, 2.0], tf.float16), type=1)",
        "tf.signal.idct(%s, type=0)" % X,
        "tf.signal.mfccs_from_log_mel_spectrograms(%s)" % X,
        "tf.signal.mfccs_from_log_mel_spectrograms(%s)" % D,
        "tf.signal.mfccs_from_log_mel_spectrograms([[1.0, 2.0, 3.0]])",
        "tf.signal.mfccs_from_log_mel_spectrograms(tf.zeros([2, 0]))",
        "tf.signal.mfccs_from_log_mel_spectrograms(tf.constant([1, 2]))",
    ]
)


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_dct_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression), rtol=1e-5, atol=1e-5)


def _cosine_sums(x, dct_type):
    """The unnormalised DCTs as ``scipy.fftpack.dct`` defines them."""
    n = len(x)
    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    if dct_type == 1:
        inner = x[1:-1] @ np.cos(np.pi * k * i[:, 1:-1] / (n - 1)).T
        return x[0] + (-1.0) ** k[:, 0] * x[-1] + 2 * inner
    if dct_type == 2:
        return 2 * np.cos(np.pi * k * (2 * i + 1) / (2 * n)) @ x
    if dct_type == 3:
        return x[0] + 2 * np.cos(np.pi * (2 * k + 1) * i[:, 1:] / (2 * n)) @ x[1:]
    return 2 * np.cos(np.pi * (2 * k + 1) * (2 * i + 1) / (4 * n)) @ x


@pytest.mark.parametrize("dct_type", [1, 2, 3, 4])
def test_dct_known_values(dct_type):
    x = np.array([1.0, 2.0, -3.0, 4.5, 0.25, 7.0])
    got = tf.signal.dct(tf.constant(x), type=dct_type)
    assert got.dtype == tf.float64
    np.testing.assert_allclose(got.numpy(), _cosine_sums(x, dct_type), atol=1e-9)


@pytest.mark.parametrize("dct_type", [2, 3, 4])
def test_ortho_dct_is_inverted_by_idct(dct_type):
    x = np.array([[1.0, 2.0, -3.0, 4.5, 0.25]], np.float32)
    forward = tf.signal.dct(x, type=dct_type, norm="ortho")
    back = tf.signal.idct(forward, type=dct_type, norm="ortho")
    np.testing.assert_allclose(back.numpy(), x, atol=1e-5)
    np.testing.assert_allclose(np.sum(forward.numpy() ** 2), np.sum(x**2), rtol=1e-5)


def test_mfccs_are_scaled_dct2():
    x = np.array([[1.0, 2.0, -3.0, 4.5]], np.float32)
    got = tf.signal.mfccs_from_log_mel_spectrograms(x).numpy()
    np.testing.assert_allclose(got[0], _cosine_sums(x[0], 2) / np.sqrt(8.0), rtol=1e-5)


def test_errors():
    with pytest.raises(ValueError, match=r"Types I, II, III and IV \(I\)DCT are supported."):
        tf.signal.dct([1.0, 2.0], type=5)
    with pytest.raises(NotImplementedError, match="axis must be -1. Got: 0"):
        tf.signal.idct([1.0, 2.0], axis=0)
    with pytest.raises(TypeError, match="Cannot convert 0.0 to EagerTensor of dtype int32"):
        tf.signal.dct(tf.constant([1, 2]))
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.signal.mfccs_from_log_mel_spectrograms(tf.constant(1.0))
    assert str(info.value).endswith(
        "slice index -1 of dimension 0 out of bounds. [Op:StridedSlice] name: strided_slice/"
    )


@pytest.mark.parametrize("dct_type", [2, 3, 4])
@pytest.mark.parametrize("fn", ["dct", "idct"])
def test_complex_input_fails_in_range_as_tf(fn, dct_type):
    # TF builds ``tf.range`` over the axis length cast to the input's complex dtype.
    with pytest.raises(AssertionError):
        getattr(tf.signal, fn)(tf.complex(tf.ones([8]), tf.zeros([8])), type=dct_type)


def test_gradient_through_dct():
    x = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.signal.dct(x, type=2, norm="ortho") * tf.constant([1.0, 0.0, 0.0]))
    # The first orthonormal DCT-II coefficient is sum(x) / sqrt(n).
    np.testing.assert_allclose(tape.gradient(y, x).numpy(), np.full(3, 1 / np.sqrt(3)), rtol=1e-5)
