"""``tf.bitwise``: pinned values, and (with TensorFlow installed) the same expressions on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "i": m.constant([5, 3, -8]),
        "j": m.constant([1, 2, 3]),
        "i8": m.constant([1, 1, 1, -1, 1, -128, 64, 5], m.int8),
        "s8": m.constant([7, 8, 9, 1, -1, 100, 9, 0], m.int8),
        "u8": m.constant([200, 200, 1, 255], m.uint8),
        "su8": m.constant([7, 8, 0, 255], m.uint8),
        "u16": m.constant([65535, 40000, 3], m.uint16),
        "u32": m.constant([4294967295, 2147483648, 3], m.uint32),
        "u64": m.constant([18446744073709551615, 9223372036854775808, 3], m.uint64),
        "i64": m.constant([1, -1, 7], m.int64),
        "f": m.constant([1.0, 2.0, 3.0]),
        "b": m.constant([True, False, True]),
    }


EXPRESSIONS = []
for _op in ("bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift"):
    EXPRESSIONS += [
        "tf.bitwise.%s(i, j)" % _op,
        "tf.bitwise.%s(i8, s8)" % _op,
        "tf.bitwise.%s(u8, su8)" % _op,
        "tf.bitwise.%s(u16, tf.constant([1, 15, 16], tf.uint16))" % _op,
        "tf.bitwise.%s(u32, tf.constant([1, 31, 40], tf.uint32))" % _op,
        "tf.bitwise.%s(u64, tf.constant([1, 63, 18446744073709551615], tf.uint64))" % _op,
        "tf.bitwise.%s(i64, tf.constant([64, 63, -3], tf.int64))" % _op,
        "tf.bitwise.%s([5, 3], 1)" % _op,
        "tf.bitwise.%s(tf.reshape(i, (3, 1)), j)" % _op,
        "tf.bitwise.%s(i, tf.constant([1, 2]))" % _op,
        "tf.bitwise.%s(i, i64)" % _op,
        "tf.bitwise.%s(f, f)" % _op,
        "tf.bitwise.%s(b, b)" % _op,
    ]
EXPRESSIONS += [
    "tf.bitwise.invert(i)",
    "tf.bitwise.invert(u8)",
    "tf.bitwise.invert(u16)",
    "tf.bitwise.invert(u32)",
    "tf.bitwise.invert(u64)",
    "tf.bitwise.invert(i8)",
    "tf.bitwise.invert(f)",
    "tf.bitwise.invert(b)",
    "tf.bitwise.invert([1, 2])",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_bitwise_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf)))


def test_shifts_clamp_the_amount_to_the_width():
    x = tf.constant([1, 1, 1, -1, 1], tf.int8)
    got = tf.bitwise.left_shift(x, tf.constant([7, 8, 9, 1, -1], tf.int8))
    np.testing.assert_array_equal(got.numpy(), [-128, -128, -128, -2, 1])
    got = tf.bitwise.right_shift(
        tf.constant([-128, -128, 64, 5], tf.int8), tf.constant([7, 8, 9, -1], tf.int8)
    )
    np.testing.assert_array_equal(got.numpy(), [-1, -1, 0, 5])


def test_unsigned_right_shift_is_logical():
    got = tf.bitwise.right_shift(tf.constant([4294967295], tf.uint32), tf.constant([31], tf.uint32))
    assert got.dtype == tf.uint32 and got.numpy().tolist() == [1]
    got = tf.bitwise.invert(tf.constant([0, 5], tf.uint8))
    assert got.numpy().tolist() == [255, 250]


def test_non_integer_inputs_are_refused():
    with pytest.raises(tf.errors.InvalidArgumentError, match="attr 'T' of float"):
        tf.bitwise.bitwise_and(tf.constant([1.0]), tf.constant([2.0]))
