"""``tf.random.split`` / ``fold_in`` (and their ``experimental`` aliases): TF's exact values
(pinned from TF 2.21), and (with TensorFlow installed) the same expressions on TF."""

import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

EXPRESSIONS = [
    "tf.random.split([1, 2])",
    "tf.random.split([1, 2], num=4)",
    "tf.random.split(tf.constant([7, -3], tf.int64), 3)",
    "tf.random.split([1, 2], 0)",
    "tf.random.split([1.5, 2])",
    "tf.random.experimental.stateless_split([5, 6], 1)",
    "tf.random.fold_in([1, 2], 7)",
    "tf.random.fold_in(tf.constant([1, 2], tf.int64), tf.constant(7, tf.int64))",
    "tf.random.fold_in([1, 2], 1.5)",
    "tf.random.fold_in([1, 2], [1, 2])",
    "tf.random.experimental.stateless_fold_in([3, 4], 12345)",
    "tf.random.stateless_uniform([2], [1, 2], minval=None)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_seed_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression))


def test_split_and_fold_in_pinned():
    assert tf.random.split([1, 2], num=3).numpy().tolist() == [
        [1105988140, 1738052849],
        [-335576002, 370444179],
        [10670227, -246211131],
    ]
    assert tf.random.fold_in([1, 2], 7).numpy().tolist() == [1105988140, 7]
    seed = tf.random.fold_in(tf.constant([1, 2], tf.int64), tf.constant(7, tf.int64))
    assert seed.dtype == tf.int64 and seed.numpy().tolist() == [7464880146280614444, 7]
    assert tf.random.experimental.stateless_split is tf.random.split
    assert tf.random.experimental.stateless_fold_in is tf.random.fold_in
