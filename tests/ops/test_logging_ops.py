"""tf.print: TF's tensor text, summarisation, structures, streams (and against real TF)."""

import collections
import io
import sys

import numpy as np
import pytest

import torchkeras as tf


def _printed(*inputs, **kwargs):
    stream = io.StringIO()
    tf.print(*inputs, output_stream=stream, **kwargs)
    return stream.getvalue()


def test_matrix_and_scalars():
    assert _printed(tf.constant([[1, 2], [3, 4]])) == "[[1 2]\n [3 4]]\n"
    assert _printed(tf.constant(1.5)) == "1.5\n"
    assert _printed(tf.constant([1.123456789, 100.0])) == "[1.12345684 100]\n"
    assert _printed(tf.constant(1 / 3, tf.float64)) == "0.33333333333333331\n"
    assert _printed(tf.constant([np.nan, np.inf, -np.inf])) == "[nan inf -inf]\n"
    assert _printed(tf.constant([True, False])) == "[1 0]\n"


def test_summarization():
    assert _printed(tf.range(10)) == "[0 1 2 ... 7 8 9]\n"
    assert _printed(tf.range(10), summarize=1) == "[0 ... 9]\n"
    assert _printed(tf.range(10), summarize=0) == "[ ...]\n"
    assert _printed(tf.range(10), summarize=-1) == "[0 1 2 3 4 5 6 7 8 9]\n"
    text = _printed(tf.reshape(tf.range(100), [10, 10]))
    assert text.splitlines()[3] == " ..."
    assert _printed(tf.zeros([2, 0])) == "[\n ...]\n"


def test_strings_structures_and_separators():
    assert _printed(tf.constant("ab")) == "ab\n"
    assert _printed(tf.constant(["ab", "c"])) == '["ab" "c"]\n'
    assert (
        _printed("loss:", tf.constant(0.5), 3, [1, tf.constant(2)], {"a": tf.constant([1, 2])})
        == "loss: 0.5 3 [1, 2] {'a': [1 2]}\n"
    )
    assert _printed("a", "b", sep=",", end="!\n") == "a,b!\n"
    assert _printed(np.array([1, 2])) == "array([1, 2])\n"
    assert _printed(tf.constant([1 + 2j] * 10)) == "[? ? ?...]\n"


def test_streams(tmp_path, capsys):
    tf.print("to stderr")
    assert capsys.readouterr().err == "to stderr\n"
    tf.print("to stdout", output_stream=sys.stdout)
    assert capsys.readouterr().out == "to stdout\n"
    target = tmp_path / "log.txt"
    tf.print("x", output_stream="file://%s" % target)
    tf.print("y", output_stream="file://%s" % target)
    assert target.read_text() == "x\ny\n"
    seen = []
    tf.print("logged", tf.constant(1), output_stream=seen.append)
    assert seen == ["logged 1"]
    with pytest.raises(ValueError, match="Unsupported output stream"):
        tf.print("x", output_stream="nowhere")


CASES = [
    "tf.constant([[1,2],[3,4]])",
    "tf.constant(1.5)",
    "tf.constant([1.5, 2.25, 1e-8])",
    "tf.constant([1.0, 2.0])",
    "tf.constant([1.123456789, 100.])",
    "tf.range(10)",
    "tf.range(7)",
    "tf.range(6)",
    "tf.reshape(tf.range(100),[10,10])",
    "tf.reshape(tf.range(24),[2,3,4])",
    "tf.reshape(tf.range(24),[2,3,4]), summarize=-1",
    "tf.range(10), summarize=1",
    "tf.range(10), summarize=0",
    "'loss:', tf.constant(0.5), 3, [1, tf.constant(2)], {'a': tf.constant([1,2])}",
    "'a', 'b', sep=',', end='!\\n'",
    "tf.constant(['ab', 'c'])",
    "tf.constant('ab')",
    "tf.constant([True, False])",
    "tf.constant([1e20, 1.])",
    "tf.constant(np.float64(3.141592653589793))",
    "tf.constant([np.nan, np.inf, -np.inf])",
    "tf.zeros([2,0])",
    "tf.zeros([0])",
    "tf.constant([1+2j])",
    "tf.constant([0.1, 0.2], tf.float16)",
    "tf.constant(1e-5)",
    "tf.constant(123456789.0)",
    "tf.constant([[1.5]])",
    "np.array([1,2])",
    "None, 1.5, True",
    "(tf.constant(1), 2)",
    "tf.constant([-1, 10, 100])",
    "tf.constant(3, tf.int64)",
    "tf.constant([1.0, 2.5e-7])",
    "tf.constant(2.0**30)",
    "tf.constant(1/3, tf.float64)",
    "tf.constant(1/3)",
    "['a', tf.constant(1)]",
    "[tf.range(30)]*4",
    "tf.constant(True)",
    'tf.constant(["a\\n\'b\\""])',
    "tf.constant([1+2j]*10)",
    "tf.constant(7), summarize=0",
    "{'b': 1, 'a': tf.constant(2)}",
    "tf.range(10), tf.range(10), summarize=2, sep=' | '",
    "b'bytes', 1j",
    "['a', tf.constant('b')]",
    "tf.constant('b'), 'c'",
    "tf.constant([['ab']])",
    "tf.constant([1.5], tf.bfloat16)",
    "tf.constant([0.1], tf.float64)",
    "tf.constant([1e-7, 123456.7])",
    "'{}', tf.constant(1)",
    "[tf.range(40), tf.range(40), tf.range(40)], summarize=-1",
    "tf.constant(-np.nan)",
    "collections.OrderedDict([('b', tf.constant(1)), ('a', 2)])",
]


@pytest.mark.parametrize("arguments", CASES)
def test_print_matches_tf(arguments, capfd):
    tf_real = pytest.importorskip("tensorflow")
    scope = {"tf": tf_real, "np": np, "collections": collections, "sys": sys}
    eval("tf.print(%s, output_stream=sys.stdout)" % arguments, scope)  # noqa: S307 - test expressions
    expected = capfd.readouterr().out
    scope["tf"] = tf
    eval("tf.print(%s, output_stream=sys.stdout)" % arguments, scope)  # noqa: S307
    assert capfd.readouterr().out == expected
