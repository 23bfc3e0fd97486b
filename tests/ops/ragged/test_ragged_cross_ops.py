"""tf.ragged.cross and tf.ragged.cross_hashed: known values, and calls against real TF."""

import numpy as np
import pytest
from ragged_oracle import describe

import torchkeras as tf

EXPRESSIONS = [
    "tf.ragged.cross([tf.ragged.constant([['a'], ['b', 'c']]), "
    "tf.ragged.constant([['d', 'e'], ['f']])])",
    "tf.ragged.cross([tf.ragged.constant([['a'], ['b', 'c']]), tf.constant([['x'], ['y']])])",
    "tf.ragged.cross([tf.ragged.constant([['a'], ['b', 'c']]), tf.constant([[1], [2]], tf.int64)])",
    "tf.ragged.cross([tf.ragged.constant([['a'], ['b', 'c']]), "
    "tf.SparseTensor([[0, 0], [1, 1]], ['s', 't'], [2, 2])])",
    "tf.ragged.cross([tf.ragged.constant([['a'], []]), tf.ragged.constant([['d', 'e'], ['f']])])",
    "tf.ragged.cross([tf.ragged.constant([['a'], ['b']]), tf.ragged.constant([['c']])])",
    "tf.ragged.cross([tf.constant([['a'], ['b']]), tf.constant([['c']])])",
    "tf.ragged.cross([tf.ragged.constant([['a'], ['b']]), tf.constant([['c']])])",
    "tf.ragged.cross_hashed([tf.ragged.constant([['a'], ['b', 'c']]), "
    "tf.ragged.constant([['d', 'e'], ['f']])], num_buckets=10)",
    "tf.ragged.cross_hashed([tf.ragged.constant([['a'], ['b', 'c']]), "
    "tf.constant([[3], [4]], tf.int64)])",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert describe(tf, expression) == describe(tf_real, expression)


def test_known_values():
    crossed = tf.ragged.cross(
        [tf.ragged.constant([["a"], ["b", "c"]]), tf.ragged.constant([["d", "e"], ["f"]])]
    )
    assert crossed.to_list() == [[b"a_X_d", b"a_X_e"], [b"b_X_f", b"c_X_f"]]
    hashed = tf.ragged.cross_hashed(
        [tf.ragged.constant([["a"], ["b", "c"]]), tf.ragged.constant([["d", "e"], ["f"]])],
        num_buckets=10,
    )
    assert hashed.to_list() == [[2, 7], [9, 8]]
    with pytest.raises(tf.errors.InvalidArgumentError, match="same batch dimension size"):
        tf.ragged.cross([tf.ragged.constant([["a"], ["b"]]), tf.ragged.constant([["c"]])])


@pytest.mark.parametrize("cross", [tf.ragged.cross, tf.ragged.cross_hashed])
def test_inputs_that_are_not_a_list_are_refused(cross):
    with pytest.raises(TypeError, match="Inputs must be a list"):
        cross(np.zeros((0, 3), np.float32))
