"""``tf.strings`` elementwise and joining ops on known values (taken from TF 2.21)."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError, OutOfRangeError


def _list(t):
    return t.numpy().tolist()


def test_join_broadcasts_scalars_and_checks_shapes():
    assert _list(tf.strings.join(["a", ["b", "c"]], separator="-")) == [b"a-b", b"a-c"]
    assert tf.strings.join([]).numpy() == b""
    with pytest.raises(InvalidArgumentError, match=r"Input shapes do not match: \[2\] vs. \[3\]"):
        tf.strings.join([["a", "x"], ["b", "c", "d"]])
    with pytest.raises(TypeError, match="Expected list for 'inputs'"):
        tf.strings.join("abc")
    with pytest.raises(InvalidArgumentError, match="expected to be a string tensor"):
        tf.strings.join([tf.constant(1)])


def test_reduce_join_axes_order_and_keepdims():
    x = [["a", "b"], ["c", "d"]]
    assert tf.strings.reduce_join(x).numpy() == b"abcd"
    assert tf.strings.reduce_join(x, axis=[0, 1]).numpy() == b"acbd"
    assert _list(tf.strings.reduce_join(x, axis=1, separator=".")) == [b"a.b", b"c.d"]
    assert tf.strings.reduce_join(x, axis=-1, keepdims=True).shape == (2, 1)
    assert _list(tf.strings.reduce_join(tf.zeros([0, 3], tf.string), axis=0)) == [b""] * 3
    with pytest.raises(OutOfRangeError, match="Invalid reduction dimension 2"):
        tf.strings.reduce_join(x, axis=2)


def test_length_in_bytes_and_utf8_characters():
    assert _list(tf.strings.length(["héllo", ""])) == [6, 0]
    assert _list(tf.strings.length(["héllo"], unit="UTF8_CHAR")) == [5]
    assert tf.strings.length(["x"]).dtype == tf.int32
    with pytest.raises(InvalidArgumentError, match="Value for attr 'unit' of \"foo\""):
        tf.strings.length(["x"], unit="foo")


def test_case_and_strip():
    assert _list(tf.strings.lower(["AbC", "ÄÖ"])) == [b"abc", "ÄÖ".encode()]
    assert _list(tf.strings.lower(["ÄÖ"], encoding="utf-8")) == ["äö".encode()]
    assert _list(tf.strings.upper(["äb"], encoding="utf-8")) == ["ÄB".encode()]
    assert _list(tf.strings.strip([" a b \t\n", "\x0b x\x0c"])) == [b"a b", b"x"]
    with pytest.raises(InvalidArgumentError, match="only utf-8 or '' \\(no encoding\\)"):
        tf.strings.lower(["a"], encoding="latin1")
    with pytest.raises(TypeError, match="Cannot convert 1 to EagerTensor of dtype string"):
        tf.strings.lower(1)


def test_substr_positions_lengths_and_errors():
    assert tf.strings.substr("hello", 1, 3).numpy() == b"ell"
    assert tf.strings.substr("hello", -2, 3).numpy() == b"lo"
    assert tf.strings.substr("hello", 5, 3).numpy() == b""
    assert _list(tf.strings.substr(["hello", "hi"], 1, -1)) == [b"ello", b"i"]
    assert _list(tf.strings.substr([["hello", "hi"]], [1, 0], [3, 1])) == [[b"ell", b"h"]]
    assert tf.strings.substr("héllo", 1, 2, unit="UTF8_CHAR").numpy() == "él".encode()
    with pytest.raises(InvalidArgumentError, match="pos 7 out of range for string b'hello' at"):
        tf.strings.substr("hello", 7, 3)
    with pytest.raises(InvalidArgumentError, match="Value for attr 'T' of float"):
        tf.strings.substr("hello", 1.0, 3)


def test_unsorted_segment_join():
    out = tf.strings.unsorted_segment_join(["a", "b", "c"], [1, 0, 1], 3, separator=":")
    assert _list(out) == [b"b", b"a:c", b""]
    out = tf.strings.unsorted_segment_join([["a", "b"], ["c", "d"]], [1, 1], 2)
    assert _list(out) == [[b"", b""], [b"ac", b"bd"]]
    with pytest.raises(InvalidArgumentError, match="not allowed to exceed num_segments"):
        tf.strings.unsorted_segment_join(["a", "b"], [0, -1], 2)


def test_ragged_inputs_apply_to_flat_values():
    rt = tf.ragged.constant([["Ab"], ["B", "CC"]])
    assert tf.strings.lower(rt).to_list() == [[b"ab"], [b"b", b"cc"]]
    assert tf.strings.length(rt).to_list() == [[2], [1, 2]]
    assert tf.strings.join([rt, "x"]).to_list() == [[b"Abx"], [b"Bx", b"CCx"]]
    assert _list(tf.strings.reduce_join(rt, axis=1)) == [b"Ab", b"BCC"]


def test_string_results_print_as_tf():
    assert repr(tf.strings.upper(np.array([b"a"], dtype=object))) == (
        "<tf.Tensor: shape=(1,), dtype=string, numpy=array([b'A'], dtype=object)>"
    )


def test_join_arguments_are_checked_as_tf_checks_them():
    with pytest.raises(TypeError, match="^Expected string for argument 'separator' not 5."):
        tf.strings.join(["a", "b"], separator=5)
    with pytest.raises(TypeError, match="^Expected string for argument 'separator' not 1."):
        tf.strings.reduce_join([["a", "b"]], axis=1, separator=1)
    with pytest.raises(TypeError, match="^Cannot convert 1.5 to EagerTensor of dtype int32"):
        tf.strings.reduce_join([["a", "b"]], axis=1.5)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Duplicate reduction dimension 0"):
        tf.strings.reduce_join([["a", "b"]], axis=[0, 0])
    with pytest.raises(tf.errors.InvalidArgumentError, match="expected to be a string tensor"):
        tf.strings.reduce_join(5)


def test_utf8_case_change_replaces_ill_formed_bytes_as_tf():
    data = [b"\xff", b"a\xc3", b"\xed\xa0\x80x", b"ab\xe2\x82z\xffq\xcc", b"\xc3\xa9t"]
    expected = [
        "\ufffd".encode(),
        "A\ufffd".encode(),
        "\ufffd\ufffd\ufffdX".encode(),
        "AB\ufffdZ\ufffdQ\ufffd".encode(),
        "ÉT".encode(),
    ]
    assert _list(tf.strings.upper(data, encoding="utf-8")) == expected
    assert tf.strings.upper(b"\xff").numpy() == b"\xff"  # bytes mode keeps them


def test_utf8_case_change_of_ill_formed_bytes_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    data = [b"\xe2\x82", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xf4\x90\x80\x80", "ß".encode()]
    for fn in ("upper", "lower"):
        ours = getattr(tf.strings, fn)(data, encoding="utf-8")
        theirs = getattr(tf_real.strings, fn)(data, encoding="utf-8")
        assert _list(ours) == theirs.numpy().tolist()
