"""``tf.sets``: pinned values, and (with TensorFlow installed) TF's SparseTensor results
(densified with ``tf.sparse.to_dense`` on both sides, and printed) and TF's errors."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "a": m.constant([[1, 2, 3], [4, 5, 6]]),
        "b": m.constant([[3, 2, 9], [7, 8, 9]]),
        "s": m.constant([["a", "b"]]),
        "t": m.constant([["c", "a"]]),
        "c": m.constant([[[1, 2], [3, 4]]]),
        "d": m.constant([[[2, 2], [3, 3]]]),
    }


CALLS = [
    "tf.sets.intersection(a, b)",
    "tf.sets.union(a, b)",
    "tf.sets.difference(a, b)",
    "tf.sets.difference(a, b, aminusb=False)",
    "tf.sets.union(s, t)",
    "tf.sets.intersection(c, d)",
    "tf.sets.union([[1, 2]], [[3]])",
    "tf.sets.union(tf.constant([[1, 2]], tf.uint8), tf.constant([[1, 2]], tf.uint8))",
    "tf.sets.intersection(tf.constant([[1, 2]]), tf.constant([[1, 2, 5]]))",
    "tf.sets.intersection(tf.constant([1, 1, 2]), tf.constant([1, 2, 2]))",
    "tf.sets.intersection(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0]))",
    "tf.sets.intersection(a, tf.constant([1, 2]))",
    "tf.sets.intersection(a, tf.constant([[1, 2]], tf.int64))",
    "tf.sets.intersection(tf.constant([[1, 2]]), tf.constant([[1, 2], [3, 4]]))",
    "tf.sets.size(a)",
]


def _densify(expression):
    return expression if "size" in expression else "tf.sparse.to_dense(%s)" % expression


@pytest.mark.parametrize("expression", CALLS)
def test_set_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    want = run(tf_real, _densify(expression), _env(tf_real))
    got = run(tf, _densify(expression), _env(tf))
    assert_same(expression, want, got)


SPARSE_CALLS = [
    "tf.sets.union(c, d)",
    "tf.sets.intersection(s, t)",
    "tf.sets.difference(a, tf.sparse.from_dense([[1, 0, 3], [4, 5, 0]]))",
    "tf.sets.intersection(tf.sparse.from_dense([[1, 0, 3], [4, 5, 0]]), b)",
    "tf.sets.union(tf.sparse.from_dense([[1, 0, 3]]), tf.sparse.from_dense([[0, 2, 3]]))",
    "tf.sets.size(tf.sets.union(c, d))",
    "tf.sets.size(tf.sparse.from_dense([[1, 0, 3], [4, 5, 0]]))",
    "tf.sets.intersection(tf.constant([[1]]), tf.constant([[2]]))",
]


@pytest.mark.parametrize("expression", SPARSE_CALLS)
def test_sparse_results_print_as_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    want = run(tf_real, expression, _env(tf_real))
    got = run(tf, expression, _env(tf))
    assert want[0] == got[0] == "ok"
    assert repr(got[1]) == repr(want[1])


def test_sets_pinned():
    a = tf.constant([[1, 2, 3], [4, 5, 6]])
    b = tf.constant([[3, 2, 9], [7, 8, 9]])
    inter = tf.sets.intersection(a, b)
    assert isinstance(inter, tf.SparseTensor)
    assert inter.indices.numpy().tolist() == [[0, 0], [0, 1]]
    assert inter.dense_shape.numpy().tolist() == [2, 2]
    assert tf.sparse.to_dense(inter).numpy().tolist() == [[2, 3], [0, 0]]
    union = tf.sparse.to_dense(tf.sets.union(a, b)).numpy().tolist()
    assert union == [[1, 2, 3, 9, 0, 0], [4, 5, 6, 7, 8, 9]]
    assert tf.sets.size(tf.sets.union(a, b)).numpy().tolist() == [4, 6]
    got = tf.sparse.to_dense(tf.sets.union(tf.constant([["a", "b"]]), tf.constant([["c", "a"]])))
    np.testing.assert_array_equal(got.numpy(), np.array([[b"a", b"b", b"c"]], dtype=object))
    with pytest.raises(TypeError, match="Expected `SparseTensor`"):
        tf.sets.size(a)
