"""tf.nn.ctc_loss / ctc_greedy_decoder: pinned values, then values, errors, gradients vs TF."""

import math

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

RNG = np.random.default_rng(0)
X = RNG.standard_normal((6, 2, 4)).astype(np.float32)
LOGITS = RNG.standard_normal((6, 2, 5)).astype(np.float32)
LABELS = np.array([[1, 2, 2], [3, 1, 0]], np.int32)
ENV = dict(X=X, LOGITS=LOGITS, LABELS=LABELS)


def test_ctc_loss_pinned():
    # two frames, one label: paths "a a", "a -", "- a" over uniform logits of 2 classes
    loss = tf.nn.ctc_loss([[1]], tf.zeros([2, 1, 2]), [1], [2])
    assert float(loss[0]) == pytest.approx(-math.log(3 / 4), rel=1e-6)


def test_ctc_greedy_decoder_pinned():
    inputs = tf.constant(np.eye(3, dtype=np.float32)[[0, 0, 2, 0, 1]][:, None])
    (decoded,), neg_sum = tf.nn.ctc_greedy_decoder(inputs, [5])
    assert decoded.values.numpy().tolist() == [0, 0, 1]  # class 2 (the blank) splits repeats
    assert decoded.indices.numpy().tolist() == [[0, 0], [0, 1], [0, 2]]
    assert decoded.dense_shape.numpy().tolist() == [1, 3]
    assert neg_sum.numpy().tolist() == [[-5.0]]


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


def _decoded(module, expression):
    """The greedy decoder's outcome with its SparseTensor as its component tensors (compared
    field by field, and the SparseTensor printed as TF prints it)."""
    kind, value = run(module, expression, ENV)
    if kind == "ok":
        (sparse,), neg_sum = value
        assert type(sparse).__name__ == "SparseTensor"
        value = (sparse.indices, sparse.values, sparse.dense_shape, neg_sum, repr(sparse))
    return kind, value


DECODER = [
    "tf.nn.ctc_greedy_decoder(X, [6, 4])",
    "tf.nn.ctc_greedy_decoder(X, [6, 4], merge_repeated=False, blank_index=0)",
    "tf.nn.ctc_greedy_decoder(X.astype(np.float64), [6, 2], blank_index=-2)",
    "tf.nn.ctc_greedy_decoder(X, np.array([6, 2], np.int64))",
    "tf.nn.ctc_greedy_decoder(X, [6, -1])",
    "tf.nn.ctc_greedy_decoder(X, [0, 0])",
    "tf.nn.ctc_greedy_decoder(X.astype(np.int32), [6, 4])",
    "tf.nn.ctc_greedy_decoder(X, [6, 7])",
    "tf.nn.ctc_greedy_decoder(X, [6])",
    "tf.nn.ctc_greedy_decoder(X[0], [6])",
    "tf.nn.ctc_greedy_decoder(X, [6, 4], blank_index=4)",
    "tf.nn.ctc_greedy_decoder(tf.constant(X, tf.float16), [6, 4])",
]


@pytest.mark.parametrize("expression", DECODER)
def test_ctc_greedy_decoder_matches_tf(tf_real, expression):
    assert_same(expression, _decoded(tf_real, expression), _decoded(tf, expression))


LOSS = [
    "tf.nn.ctc_loss(LABELS, LOGITS, [3, 2], [6, 5])",
    "tf.nn.ctc_loss(LABELS, LOGITS, [3, 2], [6, 5], blank_index=4)",
    "tf.nn.ctc_loss(LABELS, LOGITS, [3, 2], [6, 5], blank_index=-1)",
    "tf.nn.ctc_loss(LABELS, LOGITS, [3, 2], [6, 5], blank_index=2)",
    "tf.nn.ctc_loss(LABELS, np.transpose(LOGITS, [1, 0, 2]), [3, 2], [6, 5], False)",
    "tf.nn.ctc_loss(LABELS, LOGITS, [3, 2], [7, 5])",
    "tf.nn.ctc_loss(LABELS, LOGITS, [0, 2], [6, 5])",
    "tf.nn.ctc_loss(LABELS, tf.constant(LOGITS, tf.float16), [3, 2], [6, 5])",
    "tf.nn.ctc_loss(LABELS.astype(np.int64), LOGITS, [3, 2], [6, 5])",
    "tf.nn.ctc_loss(np.array([[4, 1]]), LOGITS[:, :1], [2], [6], blank_index=1)",
    "tf.nn.ctc_loss(LABELS, LOGITS.astype(np.float64), [3, 2], [6, 5])",
    "tf.nn.ctc_loss(LABELS.astype(np.float32), LOGITS, [3, 2], [6, 5])",
    "tf.nn.ctc_loss(LABELS, LOGITS, [3, 2], None)",
]


@pytest.mark.parametrize("expression", LOSS)
def test_ctc_loss_matches_tf(tf_real, expression):
    assert_same(
        expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-3, atol=1e-4
    )


@pytest.mark.parametrize("blank_index", [0, 4, -2])
def test_ctc_loss_gradient_matches_tf(tf_real, blank_index):
    def grad(module):
        v = module.Variable(LOGITS)
        with module.GradientTape() as tape:
            loss = module.nn.ctc_loss(LABELS, v, [3, 2], [6, 4], blank_index=blank_index)
            total = module.reduce_sum(loss * [1.0, 2.0])
        return np.asarray(tape.gradient(total, v))

    np.testing.assert_allclose(grad(tf), grad(tf_real), rtol=1e-4, atol=1e-5)
