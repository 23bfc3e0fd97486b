"""tnp's type promotion: NumPy's ``result_type`` over tensor dtypes and weak scalars."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework import np_promotion
from torchkeras.framework.global_state import PROCESS


@pytest.fixture
def prefer_float32():
    PROCESS.prefer_float32 = True
    yield
    PROCESS.prefer_float32 = False


def test_result_type():
    i8, f32 = tf.ones([1], tf.int8), tf.ones([1], tf.float32)
    assert np_promotion.result_type(i8, 1000) == tf.int8
    assert np_promotion.result_type(i8, 1.5) == tf.float64
    assert np_promotion.result_type(f32, 1.5) == tf.float32
    assert np_promotion.result_type(i8, tf.uint8) == tf.int16
    assert np_promotion.result_type(tf.int32, np.float32) == tf.float64
    assert np_promotion.result_type([1, 2.0]) == tf.float64
    assert np_promotion.result_type() == tf.float64


def test_prefer_float32(prefer_float32):
    assert np_promotion.result_type(1.5) == tf.float32
    assert np_promotion.result_type(float) == tf.float64
    assert np_promotion.result_type(tf.int32, 1.5) == tf.float64
    assert np_promotion.default_float() == tf.float32


def test_conversion():
    assert np_promotion.asarray_storage(1000, tf.int8).item() == -24
    x = tf.constant([1, 2])
    assert np_promotion.as_tensor(x) is x and np_promotion.as_tensor(x, tf.int32) is x
    assert np_promotion.as_tensor(x, tf.float64).dtype == tf.float64
    a, b = np_promotion.promote_operands(x, 1.5)
    assert a.dtype == b.dtype == tf.float64
    with pytest.raises(TypeError, match="Cannot convert True to EagerTensor of dtype int8"):
        np_promotion.promote_operands(tf.ones([1], tf.int8), True)


def test_result_type_matches_tf():
    tf_real = pytest.importorskip("tensorflow")
    tnp_real = tf_real.experimental.numpy
    for args in (
        (np.int8, np.uint8),
        (np.int32, np.float16),
        (np.uint64, np.int64),
        (np.float16, 1.5),
        (np.bool_, 2),
        (np.complex64, np.float64),
    ):
        assert np_promotion.result_type(*args).name == tnp_real.result_type(*args).name, args
