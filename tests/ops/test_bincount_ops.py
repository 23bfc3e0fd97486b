"""``tf.math.bincount``, ``tf.histogram_fixed_width(_bins)`` and ``tf.math.confusion_matrix``:
pinned values, and (with TensorFlow installed) the same expressions on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "x": m.constant([1, 1, 2, 3, 5]),
        "w": m.constant([0.5, 1.0, 2.0, 3.0, 4.0]),
        "m": m.constant([[1, 2], [2, 2]]),
        "v": m.constant([-1.0, 0.0, 1.5, 2.0, 5.0, 15, float("inf")]),
        "vn": m.constant([1.0, float("nan")]),
        "r6": m.reshape(m.range(6.0), (2, 3)),
        "d": m.constant([0.1, 0.2, 0.35, 0.999], m.float64),
    }


BINCOUNT = [
    "tf.math.bincount(x)",
    "tf.math.bincount(x, minlength=8)",
    "tf.math.bincount(x, maxlength=3)",
    "tf.math.bincount(x, minlength=2, maxlength=4)",
    "tf.math.bincount(x, minlength=-1)",
    "tf.math.bincount(tf.constant([5, 9]), maxlength=0)",
    "tf.math.bincount(x, weights=w)",
    "tf.math.bincount(x, weights=w, dtype=tf.float64)",
    "tf.math.bincount(x, weights=tf.constant([1, 2, 3, 4, 5]))",
    "tf.math.bincount(x, weights=tf.constant([1, 2, 3, 4, 5], tf.int64))",
    "tf.math.bincount(x, weights=tf.constant([1, 2]))",
    "tf.math.bincount(x, weights=tf.constant([1, 2, 3, 4, 5], tf.int16))",
    "tf.math.bincount(x, weights=tf.constant([1, 2, 3, 4, 5], tf.float16))",
    "tf.math.bincount(x, weights=[1.0, 2.0, 3.0, 4.0, 5.0])",
    "tf.math.bincount(x, weights=w, binary_output=True)",
    "tf.math.bincount(x, dtype=tf.float32)",
    "tf.math.bincount(x, dtype=tf.int64)",
    "tf.math.bincount(x, dtype=tf.int16)",
    "tf.math.bincount(x, dtype=tf.bool)",
    "tf.math.bincount(x, binary_output=True)",
    "tf.math.bincount(m)",
    "tf.math.bincount(m, axis=0)",
    "tf.math.bincount(m, axis=-1)",
    "tf.math.bincount(m, axis=-1, binary_output=True)",
    "tf.math.bincount(m, axis=-1, weights=tf.constant([[1.0, 2], [3, 4]]))",
    "tf.math.bincount(m, axis=-1, weights=tf.constant([1.0, 2]))",
    "tf.math.bincount(m, axis=-1, minlength=4, maxlength=3)",
    "tf.math.bincount(m, axis=1)",
    "tf.math.bincount(tf.constant([[[1]]]), axis=-1)",
    "tf.math.bincount(tf.zeros((2, 0), tf.int32), axis=-1)",
    "tf.math.bincount(tf.constant([-1, 2]))",
    "tf.math.bincount(tf.constant([1, -2, -3]))",
    "tf.math.bincount(tf.constant([-5]))",
    "tf.math.bincount(tf.constant([[1, -2], [-3, 2]]), axis=-1)",
    "tf.math.bincount(tf.constant([1.7, 2.9]))",
    "tf.math.bincount(tf.constant([1, 2], tf.int64))",
    "tf.math.bincount(tf.constant([1, 2], tf.int8))",
    "tf.math.bincount(tf.constant([1, 2]), minlength=2.5)",
    "tf.math.bincount(tf.constant([], tf.int32))",
    "tf.math.bincount(tf.constant(3))",
    "tf.math.bincount([1, 2, 2])",
]
HISTOGRAM = [
    "tf.histogram_fixed_width(v, [0.0, 5.0], nbins=5)",
    "tf.histogram_fixed_width(v, [0.0, 5.0], nbins=5, dtype=tf.int64)",
    "tf.histogram_fixed_width(v, [0.0, 5.0], nbins=5, dtype=tf.float32)",
    "tf.histogram_fixed_width(v, [0, 5], nbins=5)",
    "tf.histogram_fixed_width(vn, [0.0, 5.0], nbins=5)",
    "tf.histogram_fixed_width(v, [5.0, 0.0], nbins=5)",
    "tf.histogram_fixed_width(v, [1.0, 1.0], nbins=5)",
    "tf.histogram_fixed_width(v, [0.0, 5.0], nbins=0)",
    "tf.histogram_fixed_width(v, [0.0, 5.0], nbins=-1)",
    "tf.histogram_fixed_width(v, [0.0, 5.0, 6.0], nbins=5)",
    "tf.histogram_fixed_width(v, tf.constant([0.0, 5.0]), nbins=tf.constant(4))",
    "tf.histogram_fixed_width(tf.constant([1, 2, 3, 9]), [0, 10], nbins=3)",
    "tf.histogram_fixed_width(tf.constant([1, 2], tf.int8), tf.constant([0, 5], tf.int8), nbins=5)",
    "tf.histogram_fixed_width(r6, [0.0, 5.0], nbins=2)",
    "tf.histogram_fixed_width(d, [0.0, 1.0], nbins=5)",
    "tf.histogram_fixed_width(tf.constant([0.2, 0.4, 0.6]), [0.0, 1.0], nbins=5)",
    "tf.histogram_fixed_width_bins(v, [0.0, 5.0], nbins=5)",
    "tf.histogram_fixed_width_bins(vn, [0.0, 5.0], nbins=5)",
    "tf.histogram_fixed_width_bins(v, [1.0, 1.0], nbins=5)",
    "tf.histogram_fixed_width_bins(r6, [0.0, 5.0], nbins=2)",
    "tf.histogram_fixed_width_bins(d, [0.0, 1.0], nbins=5)",
    "tf.histogram_fixed_width_bins(d, tf.constant([0.0, 1.0], tf.float64), 5, dtype=tf.int64)",
    "tf.histogram_fixed_width_bins(tf.constant([0.2, 0.4, 0.6, 0.6000001, 1.0]), [0.0, 1.0], 5)",
]
CONFUSION = [
    "tf.math.confusion_matrix([1, 2, 4], [2, 2, 4])",
    "tf.math.confusion_matrix([1, 2, 4], [2, 2, 4], num_classes=5, dtype=tf.float32)",
    "tf.math.confusion_matrix([1, 2, 4], [2, 2, 4], weights=[0.5, 1.0, 2.0])",
    "tf.math.confusion_matrix([1, 1], [1, 1], weights=[1.5, 2.5], dtype=tf.float64)",
    "tf.math.confusion_matrix([1, -2, 4], [2, 2, 4])",
    "tf.math.confusion_matrix([1, 2, 4], [2, 2, -4])",
    "tf.math.confusion_matrix([1, 2, 4], [2, 2, 4], num_classes=3)",
    "tf.math.confusion_matrix([1, 2, 2], [2, 2, 4], num_classes=3)",
    "tf.math.confusion_matrix([[1], [2]], [2, 2])",
    "tf.math.confusion_matrix([1, 2], [[2], [2]])",
    "tf.math.confusion_matrix([1, 2], [2, 2, 3])",
    "tf.math.confusion_matrix([1, 2], [2, 2], weights=[1.0, 2.0, 3.0])",
    "tf.math.confusion_matrix([1.7, 2.0], [2, 2])",
    "tf.math.confusion_matrix(tf.constant([0, 1]), tf.constant([1, 1]), tf.constant(2))",
]


@pytest.mark.parametrize("expression", BINCOUNT + HISTOGRAM + CONFUSION)
def test_counting_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf)))


def test_bincount_pinned():
    x = tf.constant([1, 1, 2, 3, 5])
    assert tf.math.bincount(x).numpy().tolist() == [0, 2, 1, 1, 0, 1]
    assert tf.math.bincount(x, maxlength=3).numpy().tolist() == [0, 2, 1]
    got = tf.math.bincount(tf.constant([[1, 2], [2, 2]]), axis=-1, binary_output=True)
    assert got.numpy().tolist() == [[0, 1, 1], [0, 0, 1]]
    got = tf.math.bincount(x, weights=tf.constant([0.5, 1.0, 2.0, 3.0, 4.0]))
    assert got.dtype == tf.float32
    np.testing.assert_allclose(got.numpy(), [0, 1.5, 2, 3, 0, 4])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Input arr must be non-negative!"):
        tf.math.bincount(tf.constant([1, -2, 3]))


def test_histogram_pinned():
    values = [-1.0, 0.0, 1.5, 2.0, 5.0, 15]
    assert tf.histogram_fixed_width(values, [0.0, 5.0], nbins=5).numpy().tolist() == [2, 1, 1, 0, 2]
    bins = tf.histogram_fixed_width_bins(values, [0.0, 5.0], nbins=5)
    assert bins.numpy().tolist() == [0, 0, 1, 2, 4, 4]
    with pytest.raises(tf.errors.InvalidArgumentError, match="must not contain NaN"):
        tf.histogram_fixed_width([float("nan")], [0.0, 1.0])


def test_confusion_matrix_pinned():
    got = tf.math.confusion_matrix([0, 1, 1], [1, 1, 0], num_classes=3)
    assert got.numpy().tolist() == [[0, 1, 0], [1, 1, 0], [0, 0, 0]]
    with pytest.raises(tf.errors.InvalidArgumentError, match="`labels` out of bound"):
        tf.math.confusion_matrix([3], [0], num_classes=3)
