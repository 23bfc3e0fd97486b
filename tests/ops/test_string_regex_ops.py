"""``tf.strings.regex_replace`` / ``regex_full_match`` (RE2 on Python's ``re``) on known values."""

import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError
from torchkeras.ops.string_regex_ops import _deleted_bytes

_PUNCTUATION = r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']'


def _list(t):
    return t.numpy().tolist()


def test_replace_global_first_and_groups():
    assert _list(tf.strings.regex_replace(["aXbXc"], "X", "-")) == [b"a-b-c"]
    assert _list(tf.strings.regex_replace(["aXbXc"], "X", "-", replace_global=False)) == [b"a-bXc"]
    assert _list(tf.strings.regex_replace(["ab12"], r"(\d)(\d)", r"\2\1<\0>")) == [b"ab21<12>"]
    assert _list(tf.strings.regex_replace(["abc"], "x*", "-")) == [b"-a-b-c-"]
    # A rewrite naming a missing group leaves the input unchanged (RE2's Replace fails).
    assert _list(tf.strings.regex_replace(["ab12"], r"(\d)", r"\2")) == [b"ab12"]


def test_re2_semantics_translated():
    assert _list(tf.strings.regex_replace(["a\n", "a"], "a$", "X")) == [b"a\n", b"X"]
    assert _list(tf.strings.regex_replace(["a\x0bb c"], r"\s", "_")) == [b"a\x0bb_c"]
    assert _list(tf.strings.regex_replace(["ab1,;C"], "[[:punct:]]", "")) == [b"ab1C"]
    assert _list(tf.strings.regex_replace(["héllo"], ".", "x")) == [b"xxxxx"]
    assert _list(tf.strings.regex_full_match(["é", "éé"], ".")) == [True, False]


def test_invalid_patterns_and_non_scalar_arguments():
    with pytest.raises(InvalidArgumentError, match=r"Invalid pattern: \(ab, error: missing \)"):
        tf.strings.regex_full_match(["abc"], "(ab")
    with pytest.raises(InvalidArgumentError, match=r"Pattern must be scalar, but received \[1\]"):
        tf.strings.regex_replace(["a"], ["a"], "b")
    with pytest.raises(InvalidArgumentError, match=r"\[Op:StaticRegexReplace\]"):
        tf.strings.regex_replace(tf.constant(1), "a", "b")


def test_character_class_deletion_fast_path_matches_the_regex():
    assert _deleted_bytes(_PUNCTUATION, "", "X") == b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    assert _deleted_bytes(r"[^a]", "", "X") is None
    assert _deleted_bytes(r"[\W]", "", "X") is None
    assert _deleted_bytes(r"[a]", "b", "X") is None
    text = ["Hello, World! It's é-ok.", "(a+b)*c"]
    assert _list(tf.strings.regex_replace(text, _PUNCTUATION, "")) == [
        "Hello World Its éok".encode(),
        b"abc",
    ]
    assert _list(tf.strings.regex_replace(text, _PUNCTUATION, "", replace_global=False)) == [
        "Hello World! It's é-ok.".encode(),
        b"a+b)*c",
    ]


@pytest.mark.parametrize(
    "pattern,argument",
    [("a**", "**"), ("a*?*", "*?*"), ("a{2}*", "{2}*"), ("ab+?+c", "+?+"), ("a*+", "*+")],
)
def test_stacked_repetitions_are_re2_bad_repetition_operators(pattern, argument):
    with pytest.raises(InvalidArgumentError) as info:
        tf.strings.regex_full_match("abc", pattern)
    assert str(info.value).endswith(
        "Invalid pattern: %s, error: bad repetition operator: %s [Op:StaticRegexFullMatch]"
        % (pattern, argument)
    )


@pytest.mark.parametrize("pattern", ["a**", "a??*", "x{1,2}{3}", "a++", "*a", "a|*"])
def test_repetition_errors_match_tensorflow(pattern):
    tf_real = pytest.importorskip("tensorflow")
    with pytest.raises(tf_real.errors.InvalidArgumentError) as theirs:
        tf_real.strings.regex_full_match("abc", pattern)
    with pytest.raises(InvalidArgumentError) as ours:
        tf.strings.regex_full_match("abc", pattern)
    assert str(ours.value) == str(theirs.value)
