"""``tf.sets``: pinned values, and (with TensorFlow installed) TF's results densified with
``tf.sparse.to_dense`` (torchkeras returns that dense form directly) and TF's errors."""

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


def _densify(m, expression):
    return expression if m is tf or "size" in expression else "tf.sparse.to_dense(%s)" % expression


@pytest.mark.parametrize("expression", CALLS)
def test_set_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    want = run(tf_real, _densify(tf_real, expression), _env(tf_real))
    got = run(tf, expression, _env(tf))
    assert_same(expression, want, got)


def test_sets_pinned():
    a = tf.constant([[1, 2, 3], [4, 5, 6]])
    b = tf.constant([[3, 2, 9], [7, 8, 9]])
    assert tf.sets.intersection(a, b).numpy().tolist() == [[2, 3], [0, 0]]
    assert tf.sets.union(a, b).numpy().tolist() == [[1, 2, 3, 9, 0, 0], [4, 5, 6, 7, 8, 9]]
    got = tf.sets.union(tf.constant([["a", "b"]]), tf.constant([["c", "a"]])).numpy()
    np.testing.assert_array_equal(got, np.array([[b"a", b"b", b"c"]], dtype=object))
    with pytest.raises(TypeError, match="Expected `SparseTensor`"):
        tf.sets.size(a)
