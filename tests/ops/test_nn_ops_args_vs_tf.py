"""tf.nn ops of ``nn_ops`` (moments, batch_normalization, embedding_lookup, top_k, in_top_k,
dropout): argument forms and errors against real TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

RNG = np.random.default_rng(1)
X = RNG.standard_normal((3, 4, 5)).astype(np.float32)
P = RNG.standard_normal((6, 3)).astype(np.float32)
ENV = dict(X=X, P=P)


def test_embedding_lookup_partitions_pinned():
    params = [tf.constant([[0.0], [1.0]]), tf.constant([[2.0], [3.0]])]
    assert tf.nn.embedding_lookup(params, [3, 0]).numpy().ravel().tolist() == [3.0, 0.0]


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


CASES = [
    "tf.nn.moments(X, [0, 1])",
    "tf.nn.moments(X, [0, 2], keepdims=True)",
    "tf.nn.moments(X, [], keepdims=True)",
    "tf.nn.moments(X, 1)",
    "tf.nn.moments(X, [0], shift=1.0)",
    "tf.nn.moments(tf.constant(X, tf.float16), [0])",
    "tf.nn.moments(np.arange(12).reshape(3, 4), [0])",
    "tf.nn.moments(X, [3])",
    "tf.nn.batch_normalization(X, 0.5, 2.0, None, None, 1e-3)",
    "tf.nn.batch_normalization(X, X.mean(0), X.var(0), 1.0, 2.0, 1e-3)",
    "tf.nn.batch_normalization(X, np.float64(0.5), 2.0, None, None, 1e-3)",
    "tf.nn.batch_normalization(X.astype(np.float64), 0.5, 2.0, None, None, 1e-3)",
    "tf.nn.embedding_lookup(P, [[0, 5], [2, 2]])",
    "tf.nn.embedding_lookup(P, [0, 6])",
    "tf.nn.embedding_lookup(P, [0, -1])",
    "tf.nn.embedding_lookup(P, [1, 2], max_norm=1.0)",
    "tf.nn.embedding_lookup(P, 3)",
    "tf.nn.embedding_lookup(P, np.array([1, 2], np.int64))",
    "tf.nn.embedding_lookup(P, [1.0, 2.0])",
    "tf.nn.embedding_lookup([P, P], [1, 7])",
    "tf.nn.embedding_lookup([P, P[:5]], [1, 6, 10])",
    "tf.nn.embedding_lookup([P], [1, 5])",
    "tf.nn.embedding_lookup(tf.Variable(P), [1, 5])",
    "tf.nn.top_k(X, 2)",
    "tf.nn.top_k(X, 6)",
    "tf.nn.top_k([1, 3, 3, 2], 2)",
    "tf.nn.in_top_k([0, 3, 1], X[0, :3], 2)",
    "tf.nn.in_top_k([0, 7, 1], X[0, :3], 2)",
    "tf.nn.in_top_k(np.array([0, 1, 1]), X[0, :3], 2)",
    "tf.nn.in_top_k([0, 1], X[0, :3], 2)",
    "tf.nn.in_top_k([0, 1, 2], X[0, :3].astype(np.float64), 2)",
    "tf.nn.in_top_k([0, 1, 2], tf.constant(X[0, :3], tf.float64), 2)",
    "tf.nn.in_top_k([0, 1, 2], tf.constant(X[0, :3] * 4, tf.int32), 2)",
    "tf.nn.in_top_k(np.array([0, 1, 2]), tf.constant(X[0, :3], tf.float64), 2)",
    "tf.nn.in_top_k([[0]], [[1., 2.]], 1)",
    "tf.nn.in_top_k([0], [1., 2.], 1)",
    "tf.nn.in_top_k([0], [[1., 2.]], -1)",
    "tf.nn.in_top_k([0], [[1., 2.]], 5)",
    "tf.nn.dropout(X, 1.0)",
    "tf.nn.dropout(X, -0.1)",
    "tf.nn.dropout(X, 0.0)",
    "tf.nn.dropout(np.arange(4), 0.5)",
    "tf.nn.dropout(np.ones(3, np.int32), 1.5)",
    "tf.nn.dropout(X, 0.5, noise_shape=[3, 1, 7])",
    "tf.nn.dropout(X, 0.5, noise_shape=[3, 1])",
    "tf.nn.dropout(X, 0.5, noise_shape=[None, 1, 5]).shape",
    "tf.nn.dropout(X, tf.constant(1.5))",
    "tf.nn.dropout(X, tf.constant([0.5]))",
    "tf.nn.dropout(X, tf.constant(0.5, tf.float64))",
    "tf.nn.dropout(X, [0.5])",
    "tf.nn.dropout(X, 0.5).shape",
]


@pytest.mark.parametrize("expression", CASES)
def test_nn_op_arguments_match_tf(tf_real, expression):
    assert_same(expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-5)
