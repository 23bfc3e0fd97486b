"""Argument and function-result checks of ``take``, ``shuffle``, ``filter``, ``take_while``,
``flat_map``/``interleave``, ``range``'s ``output_type`` and ``experimental.cardinality``:
TF's classes and messages, compared with real TensorFlow where installed."""

import pytest

import torchkeras as tf
from tests.data.ops.outcomes import assert_same_as_tensorflow, outcome


CASES = [
    "list(tf.data.Dataset.range(3).take(-5))",
    "tf.data.Dataset.range(3).take(-5).cardinality()",
    "tf.data.Dataset.range(3).repeat().take(-5).cardinality()",
    "tf.data.Dataset.range(3).filter(lambda x: True).take(-5).cardinality()",
    "[x for x in iter(tf.data.Dataset.range(3).take(-5))]",
    "list(tf.data.Dataset.range(3).shuffle(-1))",
    "list(tf.data.Dataset.range(3).shuffle(0))",
    "sorted(int(x) for x in tf.data.Dataset.range(3).shuffle(-2))",
    "list(tf.data.Dataset.range(3).shuffle(1, seed='a'))",
    "list(tf.data.Dataset.range(3).shuffle(1, seed=1.5))",
    "list(tf.data.Dataset.range(3).shuffle(1, seed=[1]))",
    "tf.data.experimental.cardinality(5)",
    "list(tf.data.Dataset.range(3).filter(lambda x: [True, False]))",
    "list(tf.data.Dataset.range(3).filter(lambda x: {'a': True}))",
    "list(tf.data.Dataset.range(3).filter(lambda x: 1))",
    "list(tf.data.Dataset.range(3).filter(lambda x: None))",
    "list(tf.data.Dataset.range(3).filter(lambda x: x < 1))",
    "list(tf.data.Dataset.range(3).take_while(lambda x: 1.5))",
    "list(tf.data.Dataset.range(3).flat_map(lambda x: x))",
    "list(tf.data.Dataset.range(3).flat_map(lambda x: {'a': x}))",
    "list(tf.data.Dataset.range(3).interleave(lambda x: 5))",
    "list(tf.data.Dataset.range(3, output_type=tf.string))",
    "list(tf.data.Dataset.range(3, output_type=tf.bool))",
    "list(tf.data.Dataset.range(3, output_type=tf.int8))",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    assert_same_as_tensorflow(source)


def test_messages():
    assert outcome(tf, CASES[0]) == ("ValueError", "__len__() should return >= 0")
    assert outcome(tf, CASES[1]) == -5
    assert outcome(tf, CASES[5])[0] == "InvalidArgumentError"
    assert outcome(tf, CASES[7]) == [0, 1, 2]
    assert outcome(tf, CASES[8]) == (
        "TypeError",
        "not all arguments converted during string formatting",
    )
    assert outcome(tf, CASES[11]) == (
        "AttributeError",
        "'int' object has no attribute '_variant_tensor'",
    )
    assert outcome(tf, CASES[12])[0] == "AttributeError"
    assert outcome(tf, CASES[14])[1].endswith(
        "its return type is TensorSpec(shape=(), dtype=tf.int32, name=None)."
    )
    assert outcome(tf, CASES[18]) == ("AttributeError", "'Tensor' object has no attribute '_name'")
    assert outcome(tf, CASES[21]) == (
        "InvalidArgumentError",
        "Unsupported data type: string [Op:IteratorGetNext] name: ",
    )
