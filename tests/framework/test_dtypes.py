import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras.framework import dtypes


def test_repr_str_and_name():
    assert repr(tf.float32) == "tf.float32"
    assert str(tf.float32) == "<dtype: 'float32'>"
    assert tf.float32.name == "float32"
    assert repr(tf.string) == "tf.string"


def test_equality_with_names_numpy_and_dtypes():
    assert tf.float32 == tf.float32
    assert tf.float32 == "float32"
    assert tf.float32 == np.float32
    assert tf.float32 == "float"
    assert tf.float32 != tf.float64
    assert not (tf.float32 == None)  # noqa: E711
    assert hash(tf.float32) == hash(dtypes.as_dtype("float32"))
    assert tf.half is tf.float16 and tf.double is tf.float64


@pytest.mark.parametrize(
    "value, expected",
    [
        ("float32", tf.float32),
        (np.float64, tf.float64),
        (np.dtype("int64"), tf.int64),
        (float, tf.float32),
        (bool, tf.bool),
        (str, tf.string),
        (bytes, tf.string),
        (tf.int8, tf.int8),
        (torch.int16, tf.int16),
        (np.uint64, tf.uint64),
        (1, tf.float32),
    ],
)
def test_as_dtype(value, expected):
    assert tf.as_dtype(value) is expected


@pytest.mark.parametrize("bad", [int, "foo", object()])
def test_as_dtype_rejects_unknown(bad):
    with pytest.raises(TypeError, match="Cannot convert the argument `type_value`"):
        tf.as_dtype(bad)


def test_properties():
    assert tf.float32.is_floating and not tf.float32.is_integer
    assert tf.int32.is_integer and not tf.int32.is_unsigned
    assert tf.uint8.is_unsigned and tf.bool.is_bool and tf.complex64.is_complex
    assert tf.float32.size == 4 and tf.float64.size == 8
    assert tf.float32.as_numpy_dtype is np.float32
    assert tf.string.as_numpy_dtype is object
    assert tf.bool.as_numpy_dtype is np.bool_
    assert tf.complex64.real_dtype is tf.float32
    assert tf.float32.base_dtype is tf.float32
    assert tf.float32.is_compatible_with(tf.float32)


def test_limits():
    assert tf.float32.min == np.float32(-3.4028235e38)
    assert tf.float32.max == np.float32(3.4028235e38)
    assert tf.int32.min == -2147483648 and tf.uint8.max == 255
    assert tf.int32.limits == (0, 2147483647)
    assert not tf.bool.is_floating


def test_namespace_and_torch_mapping():
    assert tf.dtypes.float32 is tf.float32
    assert tf.dtypes.DType is type(tf.float32)
    assert tf.float32.torch_dtype is torch.float32
    assert dtypes.from_torch(torch.int64) is tf.int64
