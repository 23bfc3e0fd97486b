"""``tf.math.segment_*`` / ``unsorted_segment_*``: pinned values and errors, and (with
TensorFlow installed) the same expressions on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "d": m.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]),
        "di": m.constant([4, 3, 2, 1]),
        "s": m.constant([0, 0, 2, 2]),
        "u": m.constant([2, 0, 2, 1]),
        "neg": m.constant([0, -1, 2, 1]),
        "big": m.constant([0, 5, 2, 1]),
        "dh": m.constant([1.0, 2.0, 3.0, 4.0], m.float16),
        "db": m.constant([True, False, True, True]),
    }


_OPS = "sum mean max min prod".split()
EXPRESSIONS = []
for _o in _OPS:
    EXPRESSIONS += [
        f"tf.math.segment_{_o}(d, s)",
        f"tf.math.segment_{_o}(di, s)",
        f"tf.math.segment_{_o}(d, tf.constant([0, 1, 0, 2]))",
        f"tf.math.segment_{_o}(d, tf.constant([0, -1, 2, 2]))",
        f"tf.math.segment_{_o}(d, tf.constant([-1, 0, 2, 2]))",
        f"tf.math.segment_{_o}(d, tf.constant([0, 1]))",
        f"tf.math.segment_{_o}(d, tf.constant([0.0, 1, 1, 1]))",
        f"tf.math.segment_{_o}(dh, s)",
        f"tf.math.segment_{_o}(db, s)",
        f"tf.math.segment_{_o}(d, tf.constant([0, 0, 1, 1], tf.int16))",
    ]
for _o in _OPS + ["sqrt_n"]:
    EXPRESSIONS += [
        f"tf.math.unsorted_segment_{_o}(d, u, 3)",
        f"tf.math.unsorted_segment_{_o}(di, u, 4)",
        f"tf.math.unsorted_segment_{_o}(d, neg, 3)",
        f"tf.math.unsorted_segment_{_o}(d, big, 3)",
        f"tf.math.unsorted_segment_{_o}(d, u, tf.constant(3, tf.int64))",
        f"tf.math.unsorted_segment_{_o}(d, u, tf.constant(3, tf.int16))",
        f"tf.math.unsorted_segment_{_o}(d, u, tf.constant(3.0))",
        f"tf.math.unsorted_segment_{_o}(d, tf.constant([[0, 1], [1, 0]]), 2)",
        f"tf.math.unsorted_segment_{_o}(d, tf.constant([0, 1]), 2)",
        f"tf.math.unsorted_segment_{_o}(d, u, 0)",
        f"tf.math.unsorted_segment_{_o}(d, u, -1)",
        f"tf.math.unsorted_segment_{_o}(dh, u, 3)",
        f"tf.math.unsorted_segment_{_o}(db, u, 3)",
        f"tf.math.unsorted_segment_{_o}(d, u, 3.0)",
        f"tf.math.unsorted_segment_{_o}(d, u, [3])",
        f"tf.math.unsorted_segment_{_o}(d, tf.constant([0, 1, 1, 1], tf.int16), 3)",
        f"tf.math.unsorted_segment_{_o}(di, u, 3)",
    ]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_segment_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf)))


def test_unsorted_segments_pinned():
    data = tf.constant([1.0, 2.0, 3.0, 4.0])
    got = tf.math.unsorted_segment_sum(data, tf.constant([1, -1, 1, 0]), 3)
    np.testing.assert_allclose(got.numpy(), [4.0, 4.0, 0.0])
    got = tf.math.unsorted_segment_max(data, tf.constant([1, 1, 1, 0]), 3)
    assert got.numpy()[2] == np.finfo(np.float32).min


def test_out_of_range_ids_raise():
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"segment_ids\[1\] = 5 is out of"):
        tf.math.unsorted_segment_sum(tf.ones((3,)), tf.constant([0, 5, 1]), 3)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Segment id -1 out of range"):
        tf.math.segment_sum(tf.ones((2,)), tf.constant([-1, 0]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="must not be negative"):
        tf.math.unsorted_segment_sum(tf.ones((2,)), tf.constant([0, 0]), -2)
