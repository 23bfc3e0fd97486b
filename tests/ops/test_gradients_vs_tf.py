"""Gradients of torchkeras' math, nn and linalg ops under ``GradientTape`` against real
TensorFlow."""

import numpy as np
import pytest

import torchkeras

tf_real = pytest.importorskip("tensorflow")

LOSSES = [
    "tf.reduce_sum(tf.math.sqrt(v))",
    "tf.reduce_sum(tf.math.rsqrt(v))",
    "tf.reduce_sum(tf.exp(v) * tf.math.log(v))",
    "tf.reduce_mean(tf.square(v))",
    "tf.reduce_sum(tf.abs(v - 1.))",
    "tf.reduce_sum(tf.math.log1p(v) + tf.math.expm1(v))",
    "tf.reduce_sum(tf.sin(v) * tf.cos(v) + tf.tan(v))",
    "tf.reduce_sum(tf.tanh(v) + tf.sigmoid(v))",
    "tf.reduce_sum(tf.maximum(v, 1.) + tf.minimum(v, 1.))",
    "tf.reduce_sum(tf.pow(v, 3.) + tf.pow(2., v))",
    "tf.reduce_sum(tf.divide(1., v) + tf.math.divide_no_nan(v, v - v))",
    "tf.reduce_sum(tf.math.squared_difference(v, 2.))",
    "tf.reduce_sum(tf.clip_by_value(v, 0.6, 1.6))",
    "tf.reduce_sum(tf.math.softplus(v) + tf.math.log_sigmoid(v))",
    "tf.reduce_sum(tf.where(v > 1., v * v, -v))",
    "tf.reduce_sum(tf.add_n([v, v * 2., v * v]))",
    "tf.reduce_max(v)",
    "tf.reduce_min(v, axis=1)[0]",
    "tf.reduce_prod(v)",
    "tf.reduce_prod(v, axis=[0, 1])",
    "tf.math.reduce_std(v)",
    "tf.math.reduce_variance(v, axis=0)[1]",
    "tf.reduce_logsumexp(v)",
    "tf.reduce_sum(tf.cumsum(v, axis=1, exclusive=True, reverse=True) * v)",
    "tf.reduce_sum(tf.math.cumprod(v, axis=0))",
    "tf.reduce_sum(tf.matmul(v, v, transpose_a=True))",
    "tf.reduce_sum(tf.tensordot(v, v, axes=1))",
    "tf.einsum('ij,jk->', v, v)",
    "tf.norm(v)",
    "tf.norm(v, ord=1, axis=[0, 1])",
    "tf.norm(v, ord=2, axis=[0, 1])",
    "tf.reduce_sum(tf.math.top_k(v, 1).values)",
    "tf.reduce_sum(tf.math.l2_normalize(v, axis=1))",
    "tf.reduce_sum(tf.nn.relu(v - 1.) + tf.nn.relu6(v * 4.) + tf.nn.elu(v - 1.) + tf.nn.selu(v - "
    "1.))",
    "tf.reduce_sum(tf.nn.gelu(v) + tf.nn.gelu(v, approximate=True) + tf.nn.leaky_relu(v - 1.))",
    "tf.reduce_sum(tf.nn.silu(v, beta=2.) + tf.nn.softsign(v))",
    "tf.reduce_sum(tf.nn.softmax(v) * tf.constant([[1., 2.], [3., 4.]]))",
    "tf.reduce_sum(tf.nn.log_softmax(v, axis=0))",
    "tf.nn.l2_loss(v)",
    "tf.reduce_sum(tf.nn.moments(v, axes=[0])[1])",
    "tf.reduce_sum(tf.nn.bias_add(v, tf.constant([1., 2.])) ** 2)",
    "tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.constant([[0., 1.], [1., "
    "0.]]), logits=v))",
    "tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant([[0., 1.], [1., "
    "0.]]), logits=v))",
    "tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 0]), "
    "logits=v))",
    "tf.reduce_sum(tf.linalg.inv(v))",
    "tf.linalg.det(v)",
    "tf.linalg.trace(v)",
    "tf.reduce_sum(tf.linalg.diag_part(v))",
    "tf.reduce_sum(tf.linalg.solve(v, tf.constant([[1.], [2.]])))",
    "tf.reduce_sum(tf.linalg.cholesky(tf.matmul(v, v, transpose_b=True)))",
    "tf.reduce_sum(tf.linalg.svd(v, compute_uv=False))",
    "tf.reduce_sum(tf.linalg.eigh(tf.matmul(v, v, transpose_b=True))[0])",
    "tf.reduce_sum(tf.linalg.band_part(v, 0, -1))",
    "tf.reduce_sum(tf.linalg.diag(v, k=1) ** 2)",
    "tf.reduce_sum(tf.math.unsorted_segment_sum(v, [1, 0], 3) ** 2)",
    "tf.reduce_sum(tf.math.segment_max(v, [0, 0]))",
    "tf.reduce_sum(tf.math.unsorted_segment_mean(v, [1, 1], 2) ** 2)",
    "tf.reduce_sum(tf.math.segment_prod(v, [0, 1]))",
    "tf.reduce_sum(tf.math.cumulative_logsumexp(v, axis=1))",
    "tf.reduce_sum(tf.math.multiply_no_nan(v, v - 1.5))",
    "tf.reduce_sum(tf.round(v) * v + tf.floor(v) + tf.math.floordiv(v, 0.7) + tf.math.floormod(v, "
    "0.7))",
    "tf.reduce_sum(tf.maximum(v, tf.constant([[1.5, 0.], [0., 2.]])) + tf.minimum(v, 0.5))",
    "tf.reduce_sum(tf.linalg.matrix_transpose(v) * tf.constant([[1., 2.], [3., 4.]]))",
]


def _gradient(tf, loss):
    v = tf.Variable([[1.5, 0.5], [0.8, 2.0]])
    with tf.GradientTape() as tape:
        value = eval(loss, {"tf": tf, "v": v})  # noqa: S307 - expressions written here
    return np.asarray(value), np.asarray(tape.gradient(value, v))


@pytest.mark.parametrize("loss", LOSSES)
def test_gradient_matches_tf(loss):
    want_value, want_grad = _gradient(tf_real, loss)
    value, grad = _gradient(torchkeras, loss)
    np.testing.assert_allclose(value, want_value, rtol=1e-4, atol=1e-5, err_msg=loss)
    np.testing.assert_allclose(grad, want_grad, rtol=1e-4, atol=1e-5, err_msg=loss)
