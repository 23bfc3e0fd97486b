"""``tf.signal.linear_to_mel_weight_matrix`` (``torchkeras/ops/mel_ops.py``): TF's formula
checked directly and, with TensorFlow installed, against real TF."""

import numpy as np
import pytest
from oracle_compare import assert_same, run

import torchkeras as tf

EXPRESSIONS = [
    "tf.signal.linear_to_mel_weight_matrix()",
    "tf.signal.linear_to_mel_weight_matrix(4, 5, dtype=tf.float64)",
    "tf.signal.linear_to_mel_weight_matrix(40, 257, 16000, 20.0, 8000.0)",
    "tf.signal.linear_to_mel_weight_matrix(80, 513, 22050, 0.0, 11025.0, tf.float64)",
    "tf.signal.linear_to_mel_weight_matrix(num_mel_bins=1, num_spectrogram_bins=3)",
    "tf.signal.linear_to_mel_weight_matrix(num_spectrogram_bins=1)",
    "tf.signal.linear_to_mel_weight_matrix(10, 33, 8000, 125, 3800, tf.float16)",
    "tf.signal.linear_to_mel_weight_matrix(sample_rate=tf.constant(8000))",
    "tf.signal.linear_to_mel_weight_matrix(sample_rate=8000.0)",
    "tf.signal.linear_to_mel_weight_matrix(0)",
    "tf.signal.linear_to_mel_weight_matrix(lower_edge_hertz=-1.0)",
    "tf.signal.linear_to_mel_weight_matrix(lower_edge_hertz=4000.0)",
    "tf.signal.linear_to_mel_weight_matrix(sample_rate=0)",
    "tf.signal.linear_to_mel_weight_matrix(sample_rate=tf.constant(7000))",
    "tf.signal.linear_to_mel_weight_matrix(upper_edge_hertz=4000.5)",
    "tf.signal.linear_to_mel_weight_matrix(dtype=tf.int32)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_mel_matrix_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    # torch's float32 log differs from Eigen's by an ulp on some bins.
    assert_same(expression, run(tf_real, expression), run(tf, expression), rtol=1e-5, atol=1e-5)


def _mel(hertz):
    return 1127.0 * np.log(1.0 + hertz / 700.0)


def test_triangular_htk_filters():
    got = tf.signal.linear_to_mel_weight_matrix(8, 65, 16000, 100.0, 7000.0, tf.float64).numpy()
    assert got.shape == (65, 8)
    bins = _mel(np.linspace(0.0, 8000.0, 65))[1:, None]
    edges = np.linspace(_mel(100.0), _mel(7000.0), 10)
    lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
    expected = np.maximum(
        0, np.minimum((bins - lower) / (center - lower), (upper - bins) / (upper - center))
    )
    np.testing.assert_allclose(got[1:], expected, atol=1e-12)
    np.testing.assert_array_equal(got[0], np.zeros(8))


def test_argument_errors():
    with pytest.raises(ValueError, match="num_mel_bins must be positive. Got: 0"):
        tf.signal.linear_to_mel_weight_matrix(0)
    with pytest.raises(ValueError, match="lower_edge_hertz 4000.0 >= upper_edge_hertz 3800.0"):
        tf.signal.linear_to_mel_weight_matrix(lower_edge_hertz=4000.0)
    with pytest.raises(ValueError, match="Got: <dtype: 'int32'>"):
        tf.signal.linear_to_mel_weight_matrix(dtype=tf.int32)
