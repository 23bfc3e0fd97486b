"""Elementwise ops, Python operators, broadcasting and reductions on RaggedTensors."""

import numpy as np
import pytest
from ragged_oracle import describe

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError

EXPRESSIONS = [
    "rt + 1",
    "1 + rt",
    "rt + rt",
    "tf.ragged.constant([[1, 2], [3]]) + tf.ragged.constant([[1, 2]])",
    "tf.ragged.constant([[1]]) + tf.ragged.constant([[1, 2], [3]])",
    "tf.ragged.constant([[1, 2]]) + tf.ragged.constant([[1, 2], [3, 4]])",
    "tf.ragged.constant([[[1, 2]]]) + tf.ragged.constant([[[1, 2]], [[3, 4]]])",
    "tf.ragged.constant([[1], [2], [3]]) + tf.ragged.constant([[1], [2]])",
    "rt * 2.0",
    "rt / 2",
    "rt // 2",
    "rt % 2",
    "rt ** 2",
    "-rt",
    "abs(-rt)",
    "rt < 3",
    "rt >= 3",
    "(rt < 3) & (rt > 1)",
    "(rt < 3) | (rt > 4)",
    "~(rt < 3)",
    "rt - 1",
    "2 - rt",
    "rt == rt",
    "rt == 1",
    "rt != rt",
    "rt == tf.ragged.constant([[3]])",
    "rt == None",
    "rt + tf.ragged.constant([[1], [2]])",
    "rt + tf.ragged.constant([[1], [2], [3], [4], [5]])",
    "rt + tf.ragged.constant([[1, 2, 3, 4], [], [1, 2, 3], [1], [2]])",
    "rt + tf.constant([[1], [2], [3], [4], [5]])",
    "rt + tf.constant([1, 2, 3, 4])",
    "rt + tf.constant([[1, 2]])",
    "tf.constant([[1], [2], [3], [4], [5]]) + rt",
    "tf.constant(1) + rt",
    "tf.constant([[1], [2], [3], [4], [5]]) * rt",
    "rt + 1.5",
    "rt + tf.constant(1.5)",
    "tf.add(rt, 1)",
    "tf.math.sqrt(fr)",
    "tf.maximum(rt, 3)",
    "tf.math.exp(r3 * 0)",
    "tf.cast(rt, tf.float64)",
    "tf.identity(rt)",
    "tf.ones_like(rt)",
    "tf.zeros_like(rt, dtype=tf.float32)",
    "tf.size(rt)",
    "tf.rank(rt)",
    "tf.rank(r3)",
    "r1i + tf.constant([10, 20])",
    "r1i * tf.constant([[1], [2]])",
    "tf.math.equal(rt, 1)",
    "tf.logical_not(rt > 1)",
    "tf.math.truediv(rt, 2)",
    "abs(tf.cast(-rt, tf.float32))",
    "tf.reduce_sum(rt)",
    "tf.reduce_sum(rt, axis=0)",
    "tf.reduce_sum(rt, axis=1)",
    "tf.reduce_sum(rt, axis=-1)",
    "tf.reduce_sum(rt, axis=1, keepdims=True)",
    "tf.reduce_sum(rt, axis=0, keepdims=True)",
    "tf.reduce_sum(rt, keepdims=True)",
    "tf.reduce_mean(rt, axis=1)",
    "tf.reduce_mean(rt, axis=0)",
    "tf.reduce_mean(rt)",
    "tf.reduce_max(rt, axis=1)",
    "tf.reduce_max(rt, axis=0)",
    "tf.reduce_min(rt, axis=1)",
    "tf.reduce_prod(rt, axis=1)",
    "tf.reduce_any(rt > 3, axis=1)",
    "tf.reduce_all(rt > 3, axis=1)",
    "tf.reduce_sum(r3, axis=2)",
    "tf.reduce_sum(r3, axis=1)",
    "tf.reduce_sum(r3, axis=0)",
    "tf.reduce_sum(r3, axis=[1, 2])",
    "tf.reduce_sum(rt, axis=2)",
    "tf.reduce_mean(fr, axis=1)",
    "tf.reduce_max(fr, axis=1)",
    "tf.reduce_min(fr, axis=1)",
    "tf.reduce_max(fr, axis=0)",
    "tf.reduce_max(r3, axis=1)",
    "tf.reduce_sum(r1i, axis=1)",
    "tf.reduce_sum(r1i, axis=2)",
    "tf.reduce_sum(tf.ragged.constant([['a']]), axis=1)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    ours, theirs = describe(tf, expression), describe(tf_real, expression)
    if ours[0] == theirs[0] == "error" and "not in the list of allowed values" in theirs[2]:
        # The dtype error names the kernel TF reduces with (Sum / UnsortedSegmentSum).
        assert ours[1] == theirs[1]
        return
    assert ours == theirs


@pytest.mark.parametrize("name", ["reduce_std", "reduce_variance"])
def test_moments_match_tensorflow(name):
    tf_real = pytest.importorskip("tensorflow")
    rows = [[3.0, 1.0, 4.0, 1.0], [], [5.0, 9.0, 2.0], [6.0]]
    ours = getattr(tf.math, name)(tf.ragged.constant(rows), axis=1).numpy()
    theirs = getattr(tf_real.math, name)(tf_real.ragged.constant(rows), axis=1).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-6)


def test_operators_known_values():
    rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
    assert (rt + 1).to_list() == [[4, 2, 5, 2], [], [6, 10, 3], [7], []]
    assert (1 + rt).to_list() == (rt + 1).to_list()
    assert (rt * rt).to_list() == [[9, 1, 16, 1], [], [25, 81, 4], [36], []]
    assert (rt / 2).dtype is tf.float64
    column = tf.constant([[1], [2], [3], [4], [5]])
    assert (column + rt).to_list() == [[4, 2, 5, 2], [], [8, 12, 5], [10], []]
    assert (rt == rt).to_list() == [[True] * 4, [], [True] * 3, [True], []]
    assert (rt == tf.ragged.constant([[3]])) is False
    with pytest.raises(InvalidArgumentError, match="Condition x == y did not hold."):
        rt + tf.constant([1, 2, 3, 4])


def test_reductions_known_values():
    rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
    assert tf.reduce_sum(rt, axis=0).numpy().tolist() == [14, 10, 6, 1]
    assert tf.reduce_sum(rt, axis=1).numpy().tolist() == [9, 0, 16, 6, 0]
    assert int(tf.reduce_sum(rt)) == 31
    assert tf.reduce_max(rt, axis=1).numpy().tolist()[1] == np.iinfo(np.int32).min
    mean = tf.reduce_mean(rt, axis=1)
    assert mean.dtype is tf.float64 and np.isnan(mean.numpy()[1])
    r3 = tf.ragged.constant([[[1, 2], [3]], [], [[4, 5, 6]]])
    assert tf.reduce_sum(r3, axis=0).to_list() == [[5, 7, 6], [3]]
    assert tf.reduce_sum(r3, axis=2).to_list() == [[3, 3], [], [15]]
