"""A TF error raised by a ``map`` function reaches the consumer as TF's iterator reports it
(``Error in user-defined function passed to MapDataset:N ...``; bare after ``batch``, which
TF fuses into ``MapAndBatch``); compared with real TensorFlow where installed."""

import pytest

import torchkeras as tf
from tests.data.ops.outcomes import assert_same_as_tensorflow, outcome


CASES = [
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a', '3']).map(tf.strings.to_number))",
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a']).map(tf.strings.to_number).batch(2))",
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a']).map(tf.strings.to_number, "
    "num_parallel_calls=2))",
    "list(tf.data.Dataset.range(3).map(lambda x: tf.gather([1, 2], x + 1)))",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    assert_same_as_tensorflow(source)


def test_messages():
    assert outcome(tf, CASES[0]) == (
        "InvalidArgumentError",
        "Error in user-defined function passed to MapDataset:N transformation with iterator: "
        "Iterator::Root::ParallelMapV2: StringToNumberOp could not correctly convert string: "
        "a\n\t [[{{node StringToNumber}}]] [Op:IteratorGetNext] name: ",
    )
    assert outcome(tf, CASES[1]) == (
        "InvalidArgumentError",
        "StringToNumberOp could not correctly convert string: a\n\t [[{{node StringToNumber}}]] "
        "[Op:IteratorGetNext] name: ",
    )
    kept = tf.data.Dataset.from_tensor_slices(["1", "a", "3"]).map(tf.strings.to_number)
    assert [float(x) for x in kept.ignore_errors()] == [1.0, 3.0]
