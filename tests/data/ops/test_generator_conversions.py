"""``from_generator``'s conversion errors: with ``output_types`` a single component that does
not convert is reported as a structure mismatch (TF's ``TensorSpec`` text), a non-string item
for a string ``output_signature`` fails in TF's ``PyFunc`` kernel (``InternalError``);
compared with real TensorFlow where installed."""

import pytest

import torchkeras as tf


def _outcome(tf_module, source):
    """The values, or the error class and message start (no kernel prefix, no traceback)."""
    try:
        result = eval(source, {"tf": tf_module})  # noqa: S307 - the cases below
    except Exception as error:  # noqa: BLE001 - the outcome compared
        text = str(error).split("}} ", 1)[-1]
        return type(error).__name__, text.split("\nTraceback", 1)[0]
    return [x.numpy() for x in result]


CASES = [
    "list(tf.data.Dataset.from_generator(lambda: iter([1]), output_types=tf.string))",
    "list(tf.data.Dataset.from_generator(lambda: iter(['a']), output_types=tf.int32))",
    "list(tf.data.Dataset.from_generator(lambda: iter([(1, 'a')]), "
    "output_types=(tf.int32, tf.int32)))",
    "list(tf.data.Dataset.from_generator(lambda: iter(['a']), "
    "output_signature=tf.TensorSpec([], tf.int32)))",
    "list(tf.data.Dataset.from_generator(lambda: iter([1, 2]), "
    "output_signature=tf.TensorSpec([], tf.string)))",
    "list(tf.data.Dataset.from_generator(lambda: iter([['a', 2]]), "
    "output_signature=tf.TensorSpec([2], tf.string)))",
    "list(tf.data.Dataset.from_generator(lambda: iter([b'x', 'y', 3]), output_types=tf.string))",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, source) == _outcome(tf_real, source)


def test_messages():
    assert _outcome(tf, CASES[0]) == (
        "InvalidArgumentError",
        "TypeError: `generator` yielded an element that did not match the expected structure. "
        "The expected structure was TensorSpec(shape=<unknown>, dtype=tf.string, name=None), "
        "but the yielded element was 1.",
    )
    assert _outcome(tf, CASES[2])[1].startswith(
        "TypeError: `generator` yielded an element that could not be converted"
    )
    assert _outcome(tf, CASES[4]) == (
        "InternalError",
        "Unsupported object type int\n\t [[{{node PyFunc}}]] [Op:IteratorGetNext] name: ",
    )
    assert _outcome(tf, CASES[6])[1].endswith("but the yielded element was 3.")
    strings = tf.data.Dataset.from_generator(lambda: iter([b"x", "y"]), output_types=tf.string)
    assert [x.numpy() for x in strings] == [b"x", b"y"]
