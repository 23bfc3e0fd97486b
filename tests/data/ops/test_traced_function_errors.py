"""Dataset functions are traced in TF: an op's inputs of mismatched dtypes raise the graph's
``TypeError`` (not the eager ``InvalidArgumentError``), and ``reduce``/``scan`` check the new
state's dtypes; compared with real TensorFlow where installed."""

import pytest

import torchkeras as tf
from tests.data.ops.outcomes import assert_same_as_tensorflow, outcome


CASES = [
    "tf.data.Dataset.range(3).reduce(0, lambda a, x: a + x)",
    "tf.data.Dataset.range(3).reduce(0., lambda a, x: a + x)",
    "tf.data.Dataset.range(3).reduce(0, lambda a, x: x)",
    "tf.data.Dataset.range(3).reduce(0, lambda a, x: tf.matmul(a, x))",
    "tf.data.Dataset.range(3).reduce(tf.constant(0, tf.int64), lambda a, x: a + x)",
    "tf.data.Dataset.range(3).reduce((0, 1.), lambda a, x: (a[0] + 1, a[1] * 2))",
    "tf.data.Dataset.range(3).reduce({'a': 0}, lambda a, x: {'a': a['a'] + 1})",
    "list(tf.data.Dataset.range(3).scan(0, lambda s, x: (s + x, x)))",
    "list(tf.data.Dataset.range(3).scan(0, lambda s, x: (x, x)))",
    "list(tf.data.Dataset.range(3).map(lambda x: x + 1.5))",
    "list(tf.data.Dataset.range(3).map(lambda x: x[0]))",
    "list(tf.data.Dataset.from_tensor_slices([1., 2.]).map(lambda x: x[1]))",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    assert_same_as_tensorflow(source)


def test_messages():
    assert outcome(tf, CASES[1]) == (
        "TypeError",
        "Input 'y' of 'AddV2' Op has type int64 that does not match type float32 of argument 'x'.",
    )
    assert outcome(tf, CASES[2]) == (
        "TypeError",
        "The element types for the new state must match the initial state. Expected "
        "<dtype: 'int32'> but got <dtype: 'int64'>.",
    )
    assert outcome(tf, CASES[5]) == (3, 8.0)
    assert outcome(tf, CASES[8])[1].endswith("Expected <dtype: 'int32'>, got <dtype: 'int64'>.")
