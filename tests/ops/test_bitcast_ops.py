"""``tf.bitcast`` and ``tf.saturate_cast``: pinned values, and (with TensorFlow installed) the
same expressions on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

EXPRESSIONS = [
    "tf.saturate_cast(tf.constant([-300.0, 1.5, 300.0, float('nan'), float('inf')]), tf.uint8)",
    "tf.saturate_cast(tf.constant([-300, 1, 300]), tf.int8)",
    "tf.saturate_cast(tf.constant([1e40, -1e40], tf.float64), tf.float32)",
    "tf.saturate_cast(tf.constant([3e9, -3e9]), tf.int32)",
    "tf.saturate_cast(tf.constant([2.0**31]), tf.int32)",
    "tf.saturate_cast(tf.constant([-1, 5], tf.int64), tf.uint32)",
    "tf.saturate_cast(tf.constant([-5.0, 5.0, 1e30]), tf.uint64)",
    "tf.saturate_cast(tf.constant([1e20]), tf.int64)",
    "tf.saturate_cast(tf.constant([70000.0, -70000.0]), tf.float16)",
    "tf.saturate_cast(tf.constant([1.5]), tf.complex64)",
    "tf.saturate_cast(tf.constant([1e40 + 1e40j], tf.complex128), tf.complex64)",
    "tf.saturate_cast(tf.constant([True]), tf.int32)",
    "tf.saturate_cast(tf.constant([300], tf.int32), tf.bool)",
    "tf.saturate_cast([1.5, 300.0], tf.uint8)",
    "tf.saturate_cast(tf.constant([300, -5], tf.int64), tf.float16)",
    "tf.saturate_cast(tf.constant([1.0, 2.0], tf.bfloat16), tf.int8)",
    "tf.bitcast(tf.constant([1.0]), tf.int32)",
    "tf.bitcast(tf.constant([1.0, 2.0]), tf.int16)",
    "tf.bitcast(tf.constant([[1, 2], [3, 4]], tf.int16), tf.int32)",
    "tf.bitcast(tf.constant([1, 2, 3], tf.int16), tf.int32)",
    "tf.bitcast(tf.constant([1], tf.int16), tf.int32)",
    "tf.bitcast(tf.constant(7, tf.int16), tf.int32)",
    "tf.bitcast(tf.constant(1.0), tf.uint8)",
    "tf.bitcast(tf.constant(1.0), tf.float32)",
    "tf.bitcast(tf.constant([1.0]), tf.bool)",
    "tf.bitcast(tf.constant([True]), tf.int8)",
    "tf.bitcast(tf.constant([1 + 2j]), tf.float64)",
    "tf.bitcast(tf.constant(['a']), tf.int8)",
    "tf.bitcast([1, 2], tf.float32)",
    "tf.bitcast(tf.constant([1.0], tf.float64), tf.complex64)",
    "tf.bitcast(tf.constant([[1.0, 2.0]], tf.float32), tf.complex64)",
    "tf.bitcast(tf.constant([1, 2], tf.int8), tf.float16)",
    "tf.bitcast(tf.constant([1.0, 2.0], tf.bfloat16), tf.int16)",
    "tf.bitcast(tf.constant([1.0, -2.0], tf.float32), tf.uint32)",
    "tf.bitcast(tf.constant([4294967295], tf.uint32), tf.int32)",
    "tf.bitcast(tf.constant([1.0]), tf.string)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_cast_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression))


def test_bitcast_pinned():
    got = tf.bitcast(tf.constant([1.0, 2.0]), tf.int16)
    assert got.shape == (2, 2) and got.numpy().tolist() == [[0, 16256], [0, 16384]]
    got = tf.bitcast(tf.constant([[1, 2]], tf.int16), tf.int32)
    assert got.numpy().tolist() == [131073]
    with pytest.raises(tf.errors.InvalidArgumentError, match="Cannot bitcast from 5 to 3"):
        tf.bitcast(tf.constant([1, 2, 3], tf.int16), tf.int32)


def test_saturate_cast_pinned():
    got = tf.saturate_cast(tf.constant([-300.0, 1.5, 300.0]), tf.uint8)
    assert got.dtype == tf.uint8 and got.numpy().tolist() == [0, 1, 255]
    assert tf.saturate_cast(tf.constant([3e9]), tf.int32).numpy().tolist() == [2147483520]
    got = tf.saturate_cast(tf.constant([1e40], tf.float64), tf.float32)
    np.testing.assert_equal(got.numpy(), np.float32([np.finfo(np.float32).max]))
