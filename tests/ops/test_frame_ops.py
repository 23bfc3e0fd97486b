"""``tf.signal.frame`` / ``overlap_and_add`` (``torchkeras/ops/frame_ops.py``): known values
and, with TensorFlow installed, expression by expression against real TF."""

import warnings

import numpy as np
import pytest
from oracle_compare import assert_same, run

import torchkeras as tf

S = "tf.reshape(tf.range(24), [2, 3, 4])"
F = "tf.reshape(tf.range(30.0) ** 1.2, [2, 3, 5])"

EXPRESSIONS = [
    "tf.signal.frame(tf.range(10), 3, 2)",
    "tf.signal.frame(tf.range(10), 3, 3)",
    "tf.signal.frame(tf.range(10), 4, 1)",
    "tf.signal.frame(tf.range(10), 3, 5)",
    "tf.signal.frame(tf.range(2), 3, 2)",
    "tf.signal.frame(tf.range(10.0), 3, 2, pad_end=True)",
    "tf.signal.frame(tf.range(10), 3, 2, pad_end=True, pad_value=-1)",
    "tf.signal.frame(tf.range(10), 4, 3, pad_end=True, pad_value=tf.constant(7))",
    "tf.signal.frame(tf.range(0), 3, 2, pad_end=True)",
    "tf.signal.frame(tf.range(1), 3, 2, pad_end=True)",
    "tf.signal.frame(%s, 2, 1)" % S,
    "tf.signal.frame(%s, 2, 1, axis=1)" % S,
    "tf.signal.frame(%s, 2, 2, axis=0, pad_end=True)" % S,
    "tf.signal.frame(%s, 3, 2, axis=-2, pad_end=True, pad_value=9)" % S,
    "tf.signal.frame(%s, 2, 1, axis=3)" % S,
    "tf.signal.frame(%s, 2, 1, axis=-4)" % S,
    "tf.signal.frame(tf.range(10), 0, 2)",
    "tf.signal.frame(tf.range(10), -1, 2)",
    "tf.signal.frame(tf.range(10), 3, -2)",
    "tf.signal.frame(tf.range(10), 3, 2, axis=1)",
    "tf.signal.frame(tf.constant(1), 3, 2)",
    "tf.signal.frame(tf.range(10), 3.0, 2)",
    "tf.signal.frame(tf.range(10), tf.constant(3, tf.int64), 2)",
    "tf.signal.frame(tf.range(10), [3], 2)",
    "tf.signal.frame(tf.range(10), 3, [2])",
    "tf.signal.frame(tf.range(10), 3, 2, axis=[0])",
    "tf.signal.frame(tf.range(10), 3, 2, pad_end=True, pad_value=1.5)",
    "tf.signal.frame(tf.range(10), 3, 2, pad_end=True, pad_value=[1])",
    "tf.signal.frame(tf.constant(['a', 'b', 'c']), 2, 1)",
    "tf.signal.frame(tf.constant([b'a', b'b', b'c']), 2, 2, pad_end=True, pad_value=b'z')",
    "tf.signal.frame([1.0, 2.0, 3.0, 4.0], 2, 1)",
    "tf.signal.frame(tf.constant([True, False, True]), 2, 1)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), 2)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), 5)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), 7)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), 1)",
    "tf.signal.overlap_and_add(%s, 2)" % F,
    "tf.signal.overlap_and_add(%s, tf.constant(3, tf.int64))" % F,
    "tf.signal.overlap_and_add(%s, 5)" % F,
    "tf.signal.overlap_and_add(tf.zeros([0, 5]), 2)",
    "tf.signal.overlap_and_add(tf.zeros([2, 0, 4]), 4)",
    "tf.signal.overlap_and_add(tf.range(10), 2)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), 2.0)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), -1)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), [2])",
    "tf.signal.overlap_and_add([[1.0, 2.0], [3.0, 4.0]], 1)",
    "tf.signal.overlap_and_add(tf.cast(tf.reshape(tf.range(6), [3, 2]), tf.bool), 1)",
    "tf.signal.overlap_and_add(tf.cast(tf.reshape(tf.range(6), [3, 2]), tf.complex64), 1)",
    "tf.signal.frame(tf.cast(tf.range(6), tf.complex64), 2, 2)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_frame_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression), run(tf, expression))


# TF computes these sizes with NumPy scalars first, which warn before TF's op raises.
ZERO_STEPS = [
    "tf.signal.frame(tf.range(10), 3, 0)",
    "tf.signal.overlap_and_add(tf.reshape(tf.range(10), [2, 5]), 0)",
]


@pytest.mark.parametrize("expression", ZERO_STEPS)
def test_zero_steps_match_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = run(tf_real, expression)
    assert_same(expression, expected, run(tf, expression))


def test_frame_known_values():
    frames = tf.signal.frame(tf.range(7), 3, 2, pad_end=True, pad_value=-1)
    np.testing.assert_array_equal(frames.numpy(), [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, -1, -1]])
    assert frames.dtype == tf.int32
    signal = np.arange(24).reshape(2, 3, 4)
    got = tf.signal.frame(signal, 2, 1, axis=1).numpy()
    assert got.shape == (2, 2, 2, 4)
    np.testing.assert_array_equal(got[:, 1], signal[:, 1:3])
    assert tf.signal.frame(tf.range(2), 3, 2).shape == (0, 3)


def test_overlap_and_add_inverts_frame():
    signal = np.arange(12.0, dtype=np.float32)
    frames = tf.signal.frame(signal, 4, 2)
    summed = tf.signal.overlap_and_add(frames, 2).numpy()
    counts = np.array([1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1], np.float32)
    np.testing.assert_allclose(summed, signal * counts)
    gapped = tf.signal.overlap_and_add(tf.ones([2, 2]), 3)
    np.testing.assert_array_equal(gapped.numpy(), [1, 1, 0, 1, 1])


def test_argument_errors():
    with pytest.raises(ValueError, match="frame_step must be an integer. Got <dtype: 'float32'>"):
        tf.signal.overlap_and_add(tf.ones([2, 2]), 1.0)
    with pytest.raises(ValueError, match=r"Shape \(\) must have rank at least 1"):
        tf.signal.frame(1.0, 2, 1)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Integer division by zero"):
        tf.signal.frame(tf.range(4), 2, 0)


def test_gradient_through_frame_and_overlap_and_add():
    x = tf.Variable(tf.range(6.0))
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.signal.overlap_and_add(tf.signal.frame(x, 3, 1), 1) * 2.0)
    np.testing.assert_allclose(tape.gradient(y, x).numpy(), [2, 4, 6, 6, 4, 2])
