"""TF's TopKV2 order for whole rows holding NaN (``tf.sort``/``tf.argsort``), checked against
real TensorFlow on rows long enough to reach every branch of ``std::sort`` (insertion sort,
introsort partitions), and against plain sorting on rows without NaN."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.ops.topk_order import descending_order


def _rows():
    rng = np.random.default_rng(0)
    for n in (3, 5, 16, 17, 33, 100, 257, 1000):
        x = rng.integers(-5, 6, n).astype(np.float32)
        x[rng.random(n) < 0.2] = np.nan
        x[rng.random(n) < 0.05] = np.inf
        yield x


def test_rows_without_nan_sort_stably_descending():
    x = [3.0, 1.0, 3.0, -2.0, 1.0]
    assert descending_order(x) == [0, 2, 1, 4, 3]


def test_known_nan_placements():
    assert tf.sort(tf.constant([1.0, np.nan, 3.0, -np.inf])).numpy().tolist()[:2] == [-np.inf, 1.0]
    assert tf.argsort(tf.constant([1.0, np.nan, 3.0])).numpy().tolist() == [0, 1, 2]
    values = tf.sort(tf.constant([1.0, np.nan, 3.0]), direction="DESCENDING").numpy()
    assert values[:2].tolist() == [3.0, 1.0] and np.isnan(values[2])


@pytest.mark.parametrize("x", list(_rows()), ids=lambda x: "n%d" % len(x))
def test_sort_matches_tensorflow(x):
    tf_real = pytest.importorskip("tensorflow")
    for direction in ("ASCENDING", "DESCENDING"):
        ours = tf.argsort(tf.constant(x), direction=direction).numpy()
        theirs = tf_real.argsort(tf_real.constant(x), direction=direction).numpy()
        assert ours.tolist() == theirs.tolist()
        np.testing.assert_array_equal(
            tf.sort(tf.constant(x), direction=direction).numpy(),
            tf_real.sort(tf_real.constant(x), direction=direction).numpy(),
        )


def test_sort_along_a_leading_axis_with_nan():
    x = np.array([[np.nan, 1.0], [2.0, np.nan], [0.0, 5.0]], np.float32)
    expected = np.stack(
        [np.asarray(x[:, j])[np.array(descending_order((-x[:, j]).tolist()))] for j in range(2)],
        axis=1,
    )
    np.testing.assert_array_equal(tf.sort(tf.constant(x), axis=0).numpy(), expected)
