"""tf.io.encode_base64 / decode_base64: TF's web-safe alphabet, padding rules and errors."""

import numpy as np
import pytest

import torchkeras as tf

CASES = [
    "tf.io.decode_base64('YWJj')",
    "tf.io.decode_base64('YWJ')",
    "tf.io.decode_base64('YWJ=')",
    "tf.io.decode_base64('YQ')",
    "tf.io.decode_base64(['YWJj', '-_8'])",
    "tf.io.encode_base64('ab')",
    "tf.io.encode_base64(['ab', b'\\xfb\\xff'], pad=True)",
    "tf.io.encode_base64([['ab', 'abc']])",
    "tf.io.decode_base64(tf.io.encode_base64(['', 'a', 'ab', 'abc', 'abcd']))",
]

ERRORS = [
    ("tf.io.decode_base64('@@@')", tf.errors.InvalidArgumentError, "Invalid character found"),
    ("tf.io.decode_base64('+/8=')", tf.errors.InvalidArgumentError, "Invalid character found"),
    ("tf.io.decode_base64('Y')", tf.errors.InvalidArgumentError, "Base64 string length cannot"),
    ("tf.io.decode_base64(5)", TypeError, "Cannot convert 5 to EagerTensor of dtype string"),
    ("tf.io.encode_base64('ab', pad='x')", TypeError, "Expected bool for argument 'pad' not 'x'."),
    (
        "tf.io.decode_base64(tf.constant([1]))",
        tf.errors.InvalidArgumentError,
        "cannot compute DecodeBase64 as input #0(zero-based) was expected to be a string",
    ),
]


def test_round_trip_and_padding():
    assert tf.io.decode_base64("YWJ").numpy() == b"ab"
    assert tf.io.encode_base64(b"\xfb\xff").numpy() == b"-_8"
    assert tf.io.encode_base64(b"\xfb\xff", pad=True).numpy() == b"-_8="
    words = tf.constant([[b"", b"a"], [b"ab", b"abc"]])
    assert (
        tf.io.decode_base64(tf.io.encode_base64(words)).numpy().tolist() == words.numpy().tolist()
    )


@pytest.mark.parametrize("source,cls,start", ERRORS)
def test_bad_input_raises_tfs_error(source, cls, start):
    with pytest.raises(cls) as raised:
        eval(source, {"tf": tf})  # noqa: S307 - this file's own sources
    assert str(raised.value).split("}} ", 1)[-1].startswith(start)


def test_matches_real_tf():
    real_tf = pytest.importorskip("tensorflow")
    for source in CASES:
        ours = eval(source, {"tf": tf})  # noqa: S307
        theirs = eval(source, {"tf": real_tf})  # noqa: S307
        assert ours.shape == theirs.shape and ours.dtype.name == theirs.dtype.name, source
        flat_ours = np.asarray(ours.numpy(), dtype=object).reshape(-1)
        assert list(flat_ours) == list(np.asarray(theirs.numpy(), dtype=object).reshape(-1))
    for source, _, _ in ERRORS:
        with pytest.raises(Exception) as ours:
            eval(source, {"tf": tf})  # noqa: S307
        with pytest.raises(Exception) as theirs:
            eval(source, {"tf": real_tf})  # noqa: S307
        assert type(ours.value).__name__ == type(theirs.value).__name__, source
        assert str(ours.value).split("}} ", 1)[-1] == str(theirs.value).split("}} ", 1)[-1]
