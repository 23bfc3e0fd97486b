"""``tf.quantization.fake_quant_*``: pinned values, gradients, and (with TensorFlow
installed) the same expressions and gradients on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "x": m.constant([-7.0, -1.3, -0.01, 0.0, 0.26, 3.3, 5.99, 6.5]),
        "m": m.reshape(m.constant([-7.0, -1.3, -0.01, 0.0, 0.26, 3.3, 5.99, 6.5]), (4, 2)),
        "q": m.quantization,
    }


EXPRESSIONS = [
    "q.fake_quant_with_min_max_args(x)",
    "q.fake_quant_with_min_max_args(x, min=-1.0, max=2.5, num_bits=4, narrow_range=True)",
    "q.fake_quant_with_min_max_args(x, min=0.5, max=2.0)",
    "q.fake_quant_with_min_max_args(x, min=-6, max=6)",
    "q.fake_quant_with_min_max_args(x, min=-0.1, max=0.3, num_bits=16)",
    "q.fake_quant_with_min_max_args(x, min=1.0, max=0.0)",
    "q.fake_quant_with_min_max_args(x, num_bits=1)",
    "q.fake_quant_with_min_max_args(x, num_bits=17)",
    "q.fake_quant_with_min_max_args(tf.constant([1.0], tf.float64))",
    "q.fake_quant_with_min_max_vars(x, -1.0, 2.5)",
    "q.fake_quant_with_min_max_vars(x, -1, 2)",
    "q.fake_quant_with_min_max_vars(x, 1.0, 0.0)",
    "q.fake_quant_with_min_max_vars(x, -3.0, -1.0, num_bits=3)",
    "q.fake_quant_with_min_max_vars(x, tf.constant([-1.0]), 2.5)",
    "q.fake_quant_with_min_max_vars_per_channel(m, [-1.0, -2.0], [1.0, 3.0])",
    "q.fake_quant_with_min_max_vars_per_channel(m, [-1.0, -2.0], [1.0, 3.0], 5, True)",
    "q.fake_quant_with_min_max_vars_per_channel(m, [-1.0], [1.0])",
    "q.fake_quant_with_min_max_args_gradient(tf.ones(8), x, min=-1.0, max=2.5)",
    "q.fake_quant_with_min_max_vars_gradient(tf.ones(8), x, -1.0, 2.5)",
    "q.fake_quant_with_min_max_vars_per_channel_gradient(tf.ones((4, 2)), m, [-1.0, -2.0], "
    "[1.0, 3.0])",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_fake_quant_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf)))


def _gradients(m, per_channel):
    x = m.Variable([-7.0, -1.3, -0.01, 0.0, 0.26, 3.3, 5.99, 6.5])
    low = m.Variable([-1.0, -2.0] if per_channel else -1.0)
    high = m.Variable([1.0, 3.0] if per_channel else 2.5)
    with m.GradientTape() as tape:
        if per_channel:
            y = m.quantization.fake_quant_with_min_max_vars_per_channel(
                m.reshape(x, (4, 2)), low, high
            )
        else:
            y = m.quantization.fake_quant_with_min_max_vars(x, low, high)
        loss = m.reduce_sum(m.reshape(y, (-1,)) * m.range(8.0))
    return [g.numpy() for g in tape.gradient(loss, [x, low, high])]


@pytest.mark.parametrize("per_channel", [False, True])
def test_fake_quant_gradients_match_tf(per_channel):
    tf_real = pytest.importorskip("tensorflow")
    for want, got in zip(_gradients(tf_real, per_channel), _gradients(tf, per_channel)):
        np.testing.assert_allclose(got, want)


def test_fake_quant_pinned():
    x = tf.constant([-7.0, -1.3, -0.01, 0.0, 0.26, 3.3, 5.99, 6.5])
    got = tf.quantization.fake_quant_with_min_max_args(
        x, min=-1.0, max=2.5, num_bits=4, narrow_range=True
    )
    np.testing.assert_allclose(got.numpy(), [-1, -1, 0, 0, 0.25, 2.5, 2.5, 2.5])
    grads = _gradients(tf, False)
    np.testing.assert_allclose(grads[0], [0, 0, 2, 3, 4, 0, 0, 0])
    np.testing.assert_allclose([grads[1], grads[2]], [1.0, 18.0])
    with pytest.raises(tf.errors.InvalidArgumentError, match="num_bits must be between 2"):
        tf.quantization.fake_quant_with_min_max_args(x, num_bits=1)
