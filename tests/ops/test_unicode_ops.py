"""``tf.strings.unicode_*`` on known values (taken from TF 2.21)."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError


def test_decode_replace_ignore_strict_and_offsets():
    assert tf.strings.unicode_decode("héllo", "UTF-8").numpy().tolist() == [104, 233, 108, 108, 111]
    bad = [b"a\xe2\x82b\xff\xfe"]
    assert tf.strings.unicode_decode(bad, "UTF-8").to_list() == [[97, 65533, 98, 65533, 65533]]
    assert tf.strings.unicode_decode(bad, "UTF-8", errors="ignore").to_list() == [[97, 98]]
    chars, offsets = tf.strings.unicode_decode_with_offsets(bad, "UTF-8", errors="ignore")
    assert chars.to_list() == [[97, 98]] and offsets.to_list() == [[0, 3]]
    assert tf.strings.unicode_decode([b"\x00a\x00"], "UTF-16-BE").to_list() == [[97, 65533]]
    out = tf.strings.unicode_decode(["a\0b"], "UTF-8", replace_control_characters=True)
    assert out.to_list() == [[97, 65533, 98]]
    with pytest.raises(InvalidArgumentError, match="Invalid formatting on input string"):
        tf.strings.unicode_decode(bad, "UTF-8", errors="strict")
    with pytest.raises(InvalidArgumentError, match="Could not create converter"):
        tf.strings.unicode_decode(["a"], "made-up")


def test_encode_split_and_transcode():
    rt = tf.ragged.constant([[104, 233], [97]])
    assert tf.strings.unicode_encode(rt, "UTF-8").numpy().tolist() == [b"h\xc3\xa9", b"a"]
    assert tf.strings.unicode_encode([104, 0x110000], "UTF-8").numpy() == b"h\xef\xbf\xbd"
    assert tf.strings.unicode_encode([104, 0x110000], "UTF-8", errors="ignore").numpy() == b"h"
    assert tf.strings.unicode_encode([104, 233], "UTF-16-BE").numpy() == b"\x00h\x00\xe9"
    with pytest.raises(ValueError, match="rank must be at least 1"):
        tf.strings.unicode_encode(104, "UTF-8")
    assert tf.strings.unicode_split(["hé"], "UTF-8").to_list() == [[b"h", b"\xc3\xa9"]]
    out = tf.strings.unicode_transcode(["hé"], "UTF-8", "UTF-16-BE")
    assert out.numpy().tolist() == [b"\x00h\x00\xe9"]
    with pytest.raises(InvalidArgumentError, match="Value for attr 'output_encoding'"):
        tf.strings.unicode_transcode(["ab"], "UTF-8", "latin1")


def test_script_codes():
    points = [65, 0x3B1, 0x416, 0x5D0, 0x627, 0x4E00, 0x3042, 0x30A2, 0xAC00, 48, -1, 0x301]
    expected = [25, 14, 8, 19, 2, 17, 20, 22, 18, 0, -1, 1]
    assert tf.strings.unicode_script(points).numpy().tolist() == expected


def test_unicode_script_converts_python_values_to_int32_as_tf():
    with pytest.raises(TypeError, match="^Cannot convert 'abc' to EagerTensor of dtype int32$"):
        tf.strings.unicode_script("abc")
    with pytest.raises(TypeError, match=r"^Cannot convert \[1.5\] to EagerTensor of dtype int32$"):
        tf.strings.unicode_script([1.5])
    assert tf.strings.unicode_script(np.array([65])).numpy().tolist() == [25]
    with pytest.raises(tf.errors.InvalidArgumentError, match="expected to be a int32 tensor"):
        tf.strings.unicode_script(tf.constant("a"))
