"""Dataset functions are traced in TF: an op's inputs of mismatched dtypes raise the graph's
``TypeError`` (not the eager ``InvalidArgumentError``), and ``reduce``/``scan`` check the new
state's dtypes; compared with real TensorFlow where installed."""

import pytest

import torchkeras as tf


def _outcome(tf_module, source):
    try:
        result = eval(source, {"tf": tf_module})  # noqa: S307 - the cases below
    except Exception as error:  # noqa: BLE001 - the outcome compared
        return type(error).__name__, str(error)
    return tf_module.nest.map_structure(lambda x: x.numpy().tolist(), result)


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
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, source) == _outcome(tf_real, source)


def test_messages():
    assert _outcome(tf, CASES[1]) == (
        "TypeError",
        "Input 'y' of 'AddV2' Op has type int64 that does not match type float32 of argument 'x'.",
    )
    assert _outcome(tf, CASES[2]) == (
        "TypeError",
        "The element types for the new state must match the initial state. Expected "
        "<dtype: 'int32'> but got <dtype: 'int64'>.",
    )
    assert _outcome(tf, CASES[5]) == (3, 8.0)
    assert _outcome(tf, CASES[8])[1].endswith("Expected <dtype: 'int32'>, got <dtype: 'int64'>.")
