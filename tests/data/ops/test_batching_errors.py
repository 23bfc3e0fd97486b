"""``batch`` after ``map`` (TF's fused ``MapAndBatch`` error) and ``padded_batch`` (padding to
the longest element by default; ``DataLossError`` below an element's size), compared with
real TensorFlow where installed."""

import pytest

import torchkeras as tf
from tests.data.ops.outcomes import assert_same_as_tensorflow, outcome


CASES = [
    "list(tf.data.Dataset.range(4).map(lambda x: tf.range(x)).batch(2))",
    "list(tf.data.Dataset.from_tensor_slices([[1, 2], [3, 4]])"
    ".map(lambda x: tf.reshape(x[: tf.cast(x[0], tf.int32)], [-1, 1])).batch(2))",
    "list(tf.data.Dataset.range(4).map(lambda x: tf.range(x)).padded_batch(2))",
    "list(tf.data.Dataset.range(4).map(lambda x: tf.range(x)).padded_batch(2, padded_shapes=[2]))",
    "list(tf.data.Dataset.range(4).map(lambda x: tf.range(x)).padded_batch(2, padded_shapes=[4]))",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    assert_same_as_tensorflow(source)


def test_messages_and_values():
    assert outcome(tf, CASES[0]) == (
        "InvalidArgumentError",
        "Cannot add tensor to the batch: number of elements does not match. Shapes are: "
        "[tensor]: [1], [batch]: [0] [Op:IteratorGetNext] name: ",
    )
    assert outcome(tf, CASES[2]) == [[[0], [0]], [[0, 1, 0], [0, 1, 2]]]
    assert outcome(tf, CASES[3]) == (
        "DataLossError",
        "Attempted to pad to a smaller size than the input element. [Op:IteratorGetNext] name: ",
    )
