"""A TF error raised by a ``map`` function reaches the consumer as TF's iterator reports it
(``Error in user-defined function passed to MapDataset:N ...``; bare after ``batch``, which
TF fuses into ``MapAndBatch``); compared with real TensorFlow where installed."""

import re

import pytest

import torchkeras as tf


def _outcome(tf_module, source):
    """The error class and message, kernel prefix dropped and dataset numbers masked."""
    try:
        eval(source, {"tf": tf_module})  # noqa: S307 - the cases below
    except Exception as error:  # noqa: BLE001 - the outcome compared
        text = str(error).split("}} ", 1)[-1]
        return type(error).__name__, re.sub(r"(Dataset\w*):\d+", r"\1:N", text)
    return None


CASES = [
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a', '3']).map(tf.strings.to_number))",
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a']).map(tf.strings.to_number).batch(2))",
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a']).map(tf.strings.to_number, "
    "num_parallel_calls=2))",
    "list(tf.data.Dataset.range(3).map(lambda x: tf.gather([1, 2], x + 1)))",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, source) == _outcome(tf_real, source)


def test_messages():
    assert _outcome(tf, CASES[0]) == (
        "InvalidArgumentError",
        "Error in user-defined function passed to MapDataset:N transformation with iterator: "
        "Iterator::Root::ParallelMapV2: StringToNumberOp could not correctly convert string: "
        "a\n\t [[{{node StringToNumber}}]] [Op:IteratorGetNext] name: ",
    )
    assert _outcome(tf, CASES[1]) == (
        "InvalidArgumentError",
        "StringToNumberOp could not correctly convert string: a\n\t [[{{node StringToNumber}}]] "
        "[Op:IteratorGetNext] name: ",
    )
    kept = tf.data.Dataset.from_tensor_slices(["1", "a", "3"]).map(tf.strings.to_number)
    assert [float(x) for x in kept.ignore_errors()] == [1.0, 3.0]
