"""``tf.compat``'s string helpers."""

import pathlib

import pytest

import torchkeras as tf


def test_pinned():
    assert tf.compat.as_bytes("é") == "é".encode()
    assert tf.compat.as_bytes(bytearray(b"x")) == b"x"
    assert tf.compat.as_text(b"a") == tf.compat.as_str(b"a") == "a"
    assert tf.compat.as_str_any(1) == "1"
    assert tf.compat.path_to_str(pathlib.Path("/a")) == "/a" and tf.compat.path_to_str(1) == 1
    with pytest.raises(TypeError, match="Expected binary or unicode string, got 1"):
        tf.compat.as_bytes(1)
    assert tf.compat.v2 is tf


def test_matches_tf():
    tf_real = pytest.importorskip("tensorflow")
    for name, args in (
        ("as_bytes", ("é",)),
        ("as_text", ("é".encode("latin-1"), "latin-1")),
        ("as_str", (b"a",)),
        ("as_str_any", (1,)),
    ):
        assert getattr(tf.compat, name)(*args) == getattr(tf_real.compat, name)(*args)
    for name in ("as_bytes", "as_text"):
        with pytest.raises(TypeError) as ours:
            getattr(tf.compat, name)(1)
        with pytest.raises(TypeError) as real:
            getattr(tf_real.compat, name)(1)
        assert str(ours.value) == str(real.value)
