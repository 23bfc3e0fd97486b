"""torchkeras' ``tf.nn`` ops against real TensorFlow: values, dtypes, shapes, errors."""

import pytest

import torchkeras
from oracle_compare import assert_same, run

tf_real = pytest.importorskip("tensorflow")


def _env(tf):
    return {
        "x": tf.constant([[-2.0, 0.5], [3.0, 8.0]]),
        "x64": tf.constant([-1.0, 0.0, 2.5], dtype=tf.float64),
        "i": tf.constant([-3, 2, 7]),
        "u8": tf.constant([1, 2], dtype=tf.uint8),
        "b": tf.constant([True, False]),
        "lg": tf.constant([[2.0, -1.0, 0.5], [0.0, 1.0, 3.0]]),
        "lb": tf.constant([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
        "x4": tf.reshape(tf.range(24.0), (2, 3, 2, 2)) / 7.0,
    }


EXPRESSIONS = []
_ACTIVATIONS = (
    "relu relu6 elu selu gelu leaky_relu silu swish sigmoid softmax log_softmax tanh softplus "
    "softsign l2_loss"
)
for _op in _ACTIVATIONS.split():
    EXPRESSIONS += [
        "tf.nn.%s(x)" % _op,
        "tf.nn.%s(i)" % _op,
        "tf.nn.%s(b)" % _op,
        "tf.nn.%s(x64)" % _op,
    ]
EXPRESSIONS += [
    "tf.nn.relu(u8)",
    "tf.nn.relu([-1., 2.])",
    "tf.nn.gelu(x, approximate=True)",
    "tf.nn.leaky_relu(x, alpha=0.1)",
    "tf.nn.silu(x, beta=2.)",
    "tf.nn.swish(x, beta=0.5)",
    "tf.nn.leaky_relu('x')",
    "tf.nn.leaky_relu(tf.constant([1 + 1j]))",
    "tf.nn.leaky_relu(tf.constant([-1.5, -3.3, 7.0], tf.float16))",
    "tf.nn.leaky_relu(tf.constant([-1.5, -3.3, 7.0], tf.bfloat16), alpha=0.3)",
    "tf.nn.silu(np.array(['a', 'b']))",
    "tf.nn.swish(tf.constant(['a']), beta=2.0)",
    "tf.nn.leaky_relu(x, None)",
    "tf.nn.leaky_relu(x, 'x')",
    "tf.nn.leaky_relu(x, np.array([0.5]))",
    "tf.nn.leaky_relu(x, np.zeros((0, 3)))",
    "tf.nn.leaky_relu(x, True)",
    "tf.nn.softmax(x, axis=0)",
    "tf.nn.softmax(x, axis=2)",
    "tf.nn.log_softmax(x, axis=-2)",
    "tf.nn.softmax([1., 2.])",
    "tf.nn.softmax(x4, axis=1)",
    "tf.nn.log_softmax(x4, axis=-3)",
    "tf.nn.moments(x, axes=[0])",
    "tf.nn.moments(x, axes=[0, 1], keepdims=True)",
    "tf.nn.moments(i, axes=[0])",
    "tf.nn.moments(x, axes=0)",
    "tf.nn.moments(x4, axes=[0, 2, 3])",
    "tf.nn.moments(tf.cast(x, tf.float16), axes=[1])",
    "tf.nn.bias_add(x, tf.constant([1., 2.]))",
    "tf.nn.bias_add(x, tf.constant([1., 2., 3.]))",
    "tf.nn.bias_add(x, tf.constant([[1., 2.]]))",
    "tf.nn.bias_add(tf.constant([1., 2.]), tf.constant([1., 2.]))",
    "tf.nn.bias_add(x, tf.constant([1., 2.]), data_format='NCHW')",
    "tf.nn.bias_add(x4, tf.constant([1., 2., 3.]), data_format='NCHW')",
    "tf.nn.bias_add(x4, tf.constant([1., 2.]))",
    "tf.nn.bias_add(tf.constant(1.), tf.constant([1.]))",
    "tf.nn.bias_add(x, [1., 2.])",
    "tf.nn.bias_add(x, tf.constant([1, 2]))",
    "tf.nn.l2_normalize(x, axis=1)",
    "tf.nn.top_k(lg, 2)",
    "tf.nn.softmax_cross_entropy_with_logits(labels=lb, logits=lg)",
    "tf.nn.softmax_cross_entropy_with_logits(lb, lg, axis=0)",
    "tf.nn.softmax_cross_entropy_with_logits(labels=lb[:, :2], logits=lg)",
    "tf.nn.softmax_cross_entropy_with_logits(labels=[0., 1., 0.], logits=[1., 2., 3.])",
    "tf.nn.softmax_cross_entropy_with_logits(labels=tf.constant([0, 1, 0]), "
    "logits=tf.constant([1., 2., 3.]))",
    "tf.nn.softmax_cross_entropy_with_logits(labels=lb[0], logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 2]), logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 3]), logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, -1]), logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1., 2.]), logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 2, 0]), logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 2], tf.int64), "
    "logits=lg)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant(1), "
    "logits=tf.constant([1., 2.]))",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[1, 2], logits=lg)",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=lb, logits=lg)",
    "tf.nn.sigmoid_cross_entropy_with_logits(lb, lg)",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=lb[:, :2], logits=lg)",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=[1., 0.], logits=[2., 3.])",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.constant([1, 0]), logits=tf.constant([1., "
    "2.]))",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=lb, logits=lg * 100.)",
    "tf.nn.crelu(x)",
    "tf.nn.crelu(x, axis=0)",
    "tf.nn.weighted_cross_entropy_with_logits(lb, lg, 2.0)",
    "tf.nn.weighted_cross_entropy_with_logits(lb, lg * 50., 0.5)",
    "tf.nn.log_poisson_loss(tf.constant([1., 2., 0.]), tf.constant([0.5, 1., -1.]))",
    "tf.nn.log_poisson_loss(tf.constant([1., 2., 0.]), tf.constant([0.5, 1., -1.]), "
    "compute_full_loss=True)",
    "tf.nn.compute_average_loss(tf.constant([1., 2., 3.]))",
    "tf.nn.compute_average_loss(tf.constant([1., 2., 3.]), global_batch_size=6)",
    "tf.nn.compute_average_loss(tf.constant([1., 2., 3.]), sample_weight=tf.constant([1., 0., "
    "2.]))",
    "tf.nn.compute_average_loss(x)",
    "tf.nn.batch_normalization(x, tf.constant([1., 2.]), tf.constant([4., 9.]), tf.constant([0.5, "
    "0.]), tf.constant([2., 1.]), 1e-3)",
    "tf.nn.batch_normalization(x, tf.constant([1., 2.]), tf.constant([4., 9.]), None, None, 1e-3)",
    "tf.nn.normalize_moments(tf.constant(4.), tf.constant([2., 4.]), tf.constant([10., 20.]), "
    "None)",
    "tf.nn.normalize_moments(tf.constant(4.), tf.constant([2., 4.]), tf.constant([10., 20.]), "
    "tf.constant([1., 1.]))",
    "tf.nn.embedding_lookup(x, [1, 0, 1])",
    "tf.nn.embedding_lookup(x, [2])",
    "tf.nn.embedding_lookup(x, [-1])",
    "tf.nn.embedding_lookup(x, [[1, 0]])",
    "tf.nn.embedding_lookup(x, tf.constant([1.]))",
    "tf.nn.embedding_lookup(x, [1, 0], max_norm=1.)",
    "tf.nn.in_top_k(tf.constant([0, 1]), tf.constant([[0.9, 0.9], [0.8, 0.2]]), 1)",
    "tf.nn.in_top_k(tf.constant([0, 3]), tf.constant([[0.9, 0.9], [0.8, 0.2]]), 1)",
    "tf.math.in_top_k(tf.constant([2, 0]), lg, 2)",
    "tf.nn.zero_fraction(x)",
    "tf.nn.dropout(x, 1.0)",
    "tf.nn.dropout(x, 0.)",
    "tf.nn.dropout(i, 0.5)",
    "tf.nn.dropout(x, -0.1)",
    "tf.nn.dropout(tf.ones((2, 3)), 0.5, noise_shape=[3, 1])",
    "tf.nn.dropout(x, 0.5).shape",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_nn_op_matches_tf(expression):
    tf_outcome = run(tf_real, expression, _env(tf_real))
    tk_outcome = run(torchkeras, expression, _env(torchkeras))
    assert_same(expression, tf_outcome, tk_outcome, rtol=2e-3 if "float16" in expression else 1e-5)
