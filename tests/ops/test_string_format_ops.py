"""``tf.strings.format`` on known values (taken from TF 2.21)."""

import pytest

import torchkeras as tf


def test_format_summarises_like_tf_print():
    assert tf.strings.format("x={} y={}", (1, [1.5, 2.0])).numpy() == b"x=1 y=[1.5 2]"
    assert tf.strings.format("x={}", tf.range(20)).numpy() == b"x=[0 1 2 ... 17 18 19]"
    assert tf.strings.format("{}", tf.range(5), summarize=-1).numpy() == b"[0 1 2 3 4]"
    out = tf.strings.format("{}", tf.reshape(tf.range(24), [2, 3, 4]), summarize=1).numpy()
    assert out == b"[[[0 ... 3]\n  ...\n  [8 ... 11]]\n\n [[12 ... 15]\n  ...\n  [20 ... 23]]]"


def test_format_quotes_and_escapes_strings_keeping_utf8():
    out = tf.strings.format("{}", tf.constant(["a\nb", 'c"d', "é"])).numpy()
    assert out == b'["a\\nb" "c\\"d" "\xc3\xa9"]'
    assert tf.strings.format("{}", tf.constant(b"\xff")).numpy() == b'"\xff"'


def test_format_checks_the_placeholder_count():
    with pytest.raises(
        ValueError, match="The template expects 1 tensors, but the inputs only has 2"
    ):
        tf.strings.format("x={}", [["a", "b"], ["c", "d"]])
    with pytest.raises(TypeError, match="has no len"):
        tf.strings.format("x={} {}", 1)
