"""``tf.random.experimental.index_shuffle``: TF's exact permutations (pinned from TF 2.21),
and (with TensorFlow installed) the same expressions on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

EXPRESSIONS = [
    "tf.random.experimental.index_shuffle(3, [1, 2], 10)",
    "tf.random.experimental.index_shuffle(tf.range(11, dtype=tf.int64), [1, 2], 10)",
    "tf.random.experimental.index_shuffle(tf.range(6), [-5, 2**31 + 7], 5)",
    "tf.random.experimental.index_shuffle(tf.constant([0, 1, 2, 3], tf.uint32), "
    "tf.constant([1, 2], tf.int64), tf.constant(100000, tf.uint32))",
    "tf.random.experimental.index_shuffle(tf.constant([5, 6], tf.int64), [[1, 2], [3, 4]], "
    "tf.constant([10, 20], tf.int64))",
    "tf.random.experimental.index_shuffle(tf.constant(7, tf.int64), [9, 9], 2**40)",
    "tf.random.experimental.index_shuffle(0, [1, 2], 0)",
    "tf.random.experimental.index_shuffle(tf.constant([5, 6], tf.int64), [1, 2], "
    "tf.constant([10, 20], tf.int64))",
    "tf.random.experimental.index_shuffle(11, [1, 2], 10)",
    "tf.random.experimental.index_shuffle(1.5, [1, 2], 10)",
    "tf.random.experimental.index_shuffle(tf.constant(1, tf.int16), [1, 2], 10)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_index_shuffle_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression))


def test_index_shuffle_pinned_and_bijective():
    got = tf.random.experimental.index_shuffle(tf.range(11, dtype=tf.int64), [1, 2], 10)
    assert got.dtype == tf.int64
    assert got.numpy().tolist() == [5, 0, 1, 4, 3, 6, 9, 10, 7, 2, 8]
    assert int(tf.random.experimental.index_shuffle(3, [1, 2], 10)) == 4
    perm = tf.random.experimental.index_shuffle(tf.range(1000), [7, 3], 999).numpy()
    np.testing.assert_array_equal(np.sort(perm), np.arange(1000))
