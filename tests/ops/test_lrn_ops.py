"""tf.nn.local_response_normalization: pinned values, then values, errors, gradients vs TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

RNG = np.random.default_rng(5)
X = RNG.random((2, 3, 4, 5)).astype(np.float32)
ENV = dict(X=X)


def test_lrn_pinned():
    x = tf.reshape(tf.constant([1.0, 2.0, 3.0]), [1, 1, 1, 3])
    out = tf.nn.lrn(x, depth_radius=1, bias=1.0, alpha=1.0, beta=1.0).numpy().ravel()
    np.testing.assert_allclose(out, [1 / 6, 2 / 15, 3 / 14], rtol=1e-6)
    assert tf.nn.local_response_normalization is tf.nn.lrn


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


CASES = [
    "tf.nn.local_response_normalization(X)",
    "tf.nn.lrn(X, 2, 1.5, 0.1, 0.75)",
    "tf.nn.lrn(X, 0, 2, 1, 1)",
    "tf.nn.lrn(X, 10)",
    "tf.nn.lrn(X, 2.7)",
    "tf.nn.lrn(X.astype(np.float64), 2)",
    "tf.nn.lrn(tf.constant(X, tf.float16), 2)",
    "tf.nn.lrn(X[0], 2)",
    "tf.nn.lrn(X, -1)",
    "tf.nn.lrn(X, 2**31)",
    "tf.nn.lrn(X, 'a')",
    "tf.nn.lrn(X, 2, bias=tf.constant(1.0))",
    "tf.nn.lrn(tf.constant(X, tf.bfloat16), 3, 2.5, 1e-4, 0.75)",
    "tf.nn.lrn(tf.constant(X, tf.float64), 2)",
    "tf.nn.lrn(tf.constant(X.astype(np.int32)), 2)",
    "tf.nn.lrn(None)",
    "tf.nn.lrn('x')",
    "tf.nn.lrn(np.array(['a', 'b']))",
    "tf.nn.lrn([1, 'a'])",
    "tf.nn.lrn([[[[1, 2]]]])",
    "tf.nn.lrn(np.ones((1, 1, 1, 2), np.float16))",
    "tf.nn.lrn(np.ones((1, 1, 1, 2), np.int8))",
    "tf.nn.lrn(X, None)",
    "tf.nn.lrn(X, [1, 'a'])",
    "tf.nn.lrn(X, np.array(['a', 'b']))",
    "tf.nn.lrn(X, 2, bias=True)",
    "tf.nn.lrn(X, 2, beta=None)",
]


@pytest.mark.parametrize("expression", CASES)
def test_lrn_matches_tf(tf_real, expression):
    assert_same(expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-3)


def test_lrn_gradient_matches_tf(tf_real):
    def grad(module):
        v = module.Variable(X)
        with module.GradientTape() as tape:
            y = module.nn.lrn(v, 2, 1.5, 0.3, 0.75)
            loss = module.reduce_sum(y * y)
        return np.asarray(tape.gradient(loss, v))

    np.testing.assert_allclose(grad(tf), grad(tf_real), rtol=1e-4, atol=1e-5)
