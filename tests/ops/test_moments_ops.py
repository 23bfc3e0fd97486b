"""tf.nn.weighted_moments: pinned values, then against real TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

RNG = np.random.default_rng(1)
X = RNG.standard_normal((3, 4, 5)).astype(np.float32)
W = np.abs(RNG.standard_normal((3, 1, 1))).astype(np.float32)
ENV = dict(X=X, W=W)


def test_weighted_moments_pinned():
    mean, variance = tf.nn.weighted_moments([1.0, 2.0, 4.0], 0, [1.0, 1.0, 2.0])
    assert float(mean) == 2.75 and float(variance) == pytest.approx(1.6875)
    mean, variance = tf.nn.weighted_moments([1.0, 2.0], 0, [0.0, 0.0])
    assert float(mean) == 0.0 and float(variance) == 0.0


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


CASES = [
    "tf.nn.weighted_moments(X, [0, 1], np.ones((3, 4, 1), np.float32))",
    "tf.nn.weighted_moments(X, [0, 1], 2.0, keepdims=True)",
    "tf.nn.weighted_moments(X, [0], W)",
    "tf.nn.weighted_moments(X, 2, W, keepdims=True)",
    "tf.nn.weighted_moments(tf.constant(X, tf.float16), [0], 2.0)",
    "tf.nn.weighted_moments(X, [0], np.ones((4,), np.float32))",
    "tf.nn.weighted_moments(X, [0, 1, 2], np.zeros((3, 4, 5), np.float32))",
    "tf.nn.weighted_moments(X.astype(np.float64), [0], 2.0)",
]


@pytest.mark.parametrize("expression", CASES)
def test_weighted_moments_match_tf(tf_real, expression):
    assert_same(expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-3)
