"""``from_generator``'s conversion errors: with ``output_types`` a single component that does
not convert is reported as a structure mismatch (TF's ``TensorSpec`` text), a non-string item
for a string ``output_signature`` fails in TF's ``PyFunc`` kernel (``InternalError``);
compared with real TensorFlow where installed."""

import pytest

import torchkeras as tf
from tests.data.ops.outcomes import assert_same_as_tensorflow, outcome


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
    assert_same_as_tensorflow(source)


def test_messages():
    assert outcome(tf, CASES[0]) == (
        "InvalidArgumentError",
        "TypeError: `generator` yielded an element that did not match the expected structure. "
        "The expected structure was TensorSpec(shape=<unknown>, dtype=tf.string, name=None), "
        "but the yielded element was 1.",
    )
    assert outcome(tf, CASES[2])[1].startswith(
        "TypeError: `generator` yielded an element that could not be converted"
    )
    assert outcome(tf, CASES[4]) == (
        "InternalError",
        "Unsupported object type int\n\t [[{{node PyFunc}}]] [Op:IteratorGetNext] name: ",
    )
    assert outcome(tf, CASES[6])[1].endswith("but the yielded element was 3.")
    strings = tf.data.Dataset.from_generator(lambda: iter([b"x", "y"]), output_types=tf.string)
    assert [x.numpy() for x in strings] == [b"x", b"y"]
