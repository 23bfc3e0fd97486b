"""``tf.strings.split`` / ``bytes_split`` / ``ngrams`` on known values (taken from TF 2.21)."""

import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError


def test_split_whitespace_and_separator():
    assert tf.strings.split("a b  c").numpy().tolist() == [b"a", b"b", b"c"]
    out = tf.strings.split(["a b  c", " d ", "", "\te\x0bf\n"])
    assert out.to_list() == [[b"a", b"b", b"c"], [b"d"], [], [b"e", b"f"]]
    assert out.row_splits.dtype == tf.int64
    assert tf.strings.split(["a,b,,c", ""], ",").to_list() == [[b"a", b"b", b"", b"c"], [b""]]
    assert tf.strings.split(["a b  c d"], maxsplit=1).to_list() == [[b"a", b"b  c d"]]
    assert tf.strings.split(["a<>b<>c"], "<>").to_list() == [[b"a", b"b", b"c"]]
    nested = tf.strings.split([["a b"], ["c d e"]])
    assert nested.ragged_rank == 2 and nested.to_list() == [[[b"a", b"b"]], [[b"c", b"d", b"e"]]]
    with pytest.raises(InvalidArgumentError, match=r"sep must be a scalar, got shape: \[1\]"):
        tf.strings.split(["a b"], ["x"])


def test_bytes_split():
    assert tf.strings.bytes_split("ab").numpy().tolist() == [b"a", b"b"]
    assert tf.strings.bytes_split(["ab", "é"]).to_list() == [[b"a", b"b"], [b"\xc3", b"\xa9"]]


def test_ngrams_dense_ragged_padding_and_short_sequences():
    assert tf.strings.ngrams(["a", "b", "c"], 2).numpy().tolist() == [b"a b", b"b c"]
    rt = tf.ragged.constant([["a", "b", "c"], ["d"], []])
    assert tf.strings.ngrams(rt, (1, 2)).to_list() == [
        [b"a", b"b", b"c", b"a b", b"b c"],
        [b"d"],
        [],
    ]
    assert tf.strings.ngrams(rt, 2, pad_values="#").to_list() == [
        [b"# a", b"a b", b"b c", b"c #"],
        [b"# d", b"d #"],
        [b"# #"],
    ]
    assert tf.strings.ngrams(rt, 3, preserve_short_sequences=True).to_list() == [
        [b"a b c"],
        [b"d"],
        [],
    ]
    with pytest.raises(ValueError, match="pad_values must be provided if padding_width is set"):
        tf.strings.ngrams(["a"], 2, padding_width=1)
    with pytest.raises(ValueError, match="Data must have rank>0"):
        tf.strings.ngrams("a", 2)


def test_non_string_tensors_are_tfs_conversion_errors():
    with pytest.raises(ValueError, match="^input: Tensor conversion requested dtype string"):
        tf.strings.split(tf.constant([1, 2]))
    with pytest.raises(ValueError, match="^Tensor conversion requested dtype string"):
        tf.strings.bytes_split(5)
    with pytest.raises(TypeError, match="^Cannot convert 5 to EagerTensor of dtype string"):
        tf.strings.split(5)
    with pytest.raises(TypeError, match="^Expected int for argument 'maxsplit' not 'a'."):
        tf.strings.split("a b", maxsplit="a")
