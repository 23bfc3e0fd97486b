"""``tf.strings.to_number`` / ``as_string`` on known values (taken from TF 2.21)."""

import math

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError


def test_to_number_float_syntax():
    out = tf.strings.to_number(["1.5", " 3", "0x10", "0x1p3", "-Infinity", "1.", ".5", "1e40"])
    assert out.dtype == tf.float32
    assert out.numpy()[:7].tolist() == [1.5, 3.0, 16.0, 8.0, -math.inf, 1.0, 0.5]
    assert math.isinf(out.numpy()[7])
    assert math.isnan(tf.strings.to_number(["nAn"]).numpy()[0])
    for bad in ["1e", "1_0", "", "+", "1,5", "1d"]:
        with pytest.raises(InvalidArgumentError, match="could not correctly convert string: "):
            tf.strings.to_number([bad])


def test_to_number_integers():
    out = tf.strings.to_number(["12", "-3", "+4", " 5 ", "007"], out_type=tf.int32)
    assert out.numpy().tolist() == [12, -3, 4, 5, 7]
    assert tf.strings.to_number(["99999999999"], out_type=tf.int64).numpy()[0] == 99999999999
    for bad, dtype in [("2147483648", tf.int32), ("12.5", tf.int32), ("-1", tf.uint32)]:
        with pytest.raises(InvalidArgumentError, match="could not correctly convert"):
            tf.strings.to_number([bad], out_type=dtype)
    with pytest.raises(InvalidArgumentError, match="Value for attr 'out_type' of int8"):
        tf.strings.to_number(["1"], out_type=tf.int8)


def test_as_string_formats():
    def text(*args, **kwargs):
        return tf.strings.as_string(*args, **kwargs).numpy().tolist()

    assert text([1.5, 123456789.0]) == [b"1.500000", b"123456792.000000"]
    assert text([1.5], precision=3) == [b"1.500"]
    assert text([1.5], scientific=True) == [b"1.500000e+00"]
    assert text([1.5, 2.0, 1e-5], shortest=True) == [b"1.5", b"2", b"1e-05"]
    assert text([1, -2], width=5, fill="0") == [b"00001", b"-0002"]
    assert text([float("nan")], width=6, fill="0") == [b"   nan"]
    assert text([True, False]) == [b"true", b"false"]
    assert text(tf.constant([1 + 2j]), precision=2) == [b"(1.00,2.00)"]
    assert text(["a"], width=3) == [b"  a"]
    assert tf.as_string(np.int64(7)).numpy() == b"7"
    with pytest.raises(InvalidArgumentError, match="precision not supported for datatype int32"):
        tf.strings.as_string([1], precision=2)
    with pytest.raises(InvalidArgumentError, match='Fill argument not supported: "x"'):
        tf.strings.as_string([1], fill="x")
    with pytest.raises(InvalidArgumentError, match="Cannot select both scientific and shortest"):
        tf.strings.as_string([1.5], scientific=True, shortest=True)


@pytest.mark.parametrize("out_type", [tf.float32, tf.int32])
def test_to_number_error_with_ill_formed_utf8_is_tfs_unicode_decode_error(out_type):
    # TF decodes the kernel's message, which quotes the raw bytes, as UTF-8.
    with pytest.raises(UnicodeDecodeError) as info:
        tf.strings.to_number(tf.constant([b"\xff\xfe", b"a"]), out_type=out_type)
    assert str(info.value).startswith(
        "'utf-8' codec can't decode byte 0xff in position 149: invalid start byte"
    )
    assert info.value.object.endswith(b"convert string: \xff\xfe [Op:StringToNumber]")
    with pytest.raises(InvalidArgumentError) as valid:
        tf.strings.to_number(tf.constant(["ab\u00e9"]), out_type=out_type)
    assert str(valid.value).endswith("convert string: ab\u00e9 [Op:StringToNumber] name: ")
