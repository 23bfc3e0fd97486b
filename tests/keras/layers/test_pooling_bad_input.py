"""Pooling layers given bad inputs (adaptive pools on other ranks, integer max pools, strides of 0,
empty and integer global pools): TF's outcome; checked against real TensorFlow where it is
installed."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.framework.errors import InvalidArgumentError
from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.AdaptiveMaxPooling1D(2, name='t')(np.ones((2, 3), np.float32))",
        {
            "message": "Exception encountered when calling AdaptiveMaxPooling1D.call",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.AdaptiveAveragePooling2D(2, name='t')(np.ones((2, 4, 4, 4, 4), np.float32))",
        {
            "message": "Exception encountered when calling AdaptiveAveragePooling2D.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.AdaptiveAveragePooling2D(2, name='t')(np.ones((2, 4, 3), np.float32))",
        {"returns": {"dtype": "float32", "shape": [2, 2, 3]}},
    ),
    (
        "keras.layers.AdaptiveMaxPooling3D(2, name='t')(np.ones((2, 4, 4, 3), np.float32))",
        {
            "message": "Exception encountered when calling AdaptiveMaxPooling3D.call",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.AdaptiveMaxPooling2D(2, name='t')(np.ones((2, 4, 4, 3), np.int32))",
        {"returns": {"dtype": "int32", "shape": [2, 2, 2, 3]}},
    ),
    (
        "keras.layers.AdaptiveMaxPooling3D(2, name='t')(np.ones((2, 4, 4, 4, 3), np.int32))",
        {
            "message": "Exception encountered when calling AdaptiveMaxPooling3D.call",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.AdaptiveMaxPooling1D(2, name='t')(None)",
        {
            "message": "Exception encountered when calling AdaptiveMaxPooling1D.call",
            "raises": "AttributeError",
        },
    ),
    (
        "keras.layers.MaxPool3D(name='t')(np.ones((1, 4, 4, 4, 2), np.int32))",
        {
            "message": "Exception encountered when calling MaxPooling3D.call().\n\nVal",
            "raises": "InvalidArgumentError",
        },
    ),
    ("keras.layers.MaxPool2D(2, strides=0)", {"returns": {"type": "MaxPooling2D"}}),
    (
        "keras.layers.MaxPool2D(2, strides=0, name='t')(np.ones((1, 4, 4, 1), np.float32))",
        {
            "message": "Exception encountered when calling MaxPooling2D.call().\n\nStr",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.AveragePooling3D(2, strides=(1, 0, 1), name='t')(np.ones((1, 4, 4, 4, 1), "
        "np.float32))",
        {
            "message": "Exception encountered when calling AveragePooling3D.call().\n",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.GlobalMaxPooling1D(name='t')(np.zeros((0, 3, 2), np.float32))",
        {
            "message": "Exception encountered when calling GlobalMaxPooling1D.call()",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.GlobalAveragePooling3D(name='t')(np.ones((2, 3, 3, 3, 2), np.int32))",
        {"returns": {"dtype": "float32", "shape": [2, 2]}},
    ),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)


def test_integer_adaptive_max_pool_keeps_dtype_and_values():

    x = np.arange(2 * 4 * 4 * 3, dtype=np.int32).reshape(2, 4, 4, 3)
    out = keras.layers.AdaptiveMaxPooling2D(2)(x).numpy()
    assert out.dtype == np.int32
    np.testing.assert_array_equal(out, x.reshape(2, 2, 2, 2, 2, 3).max(axis=(2, 4)))


def test_zero_stride_is_tf_kernel_error():

    with pytest.raises(InvalidArgumentError, match=r"Stride must be > 0, but got 0 \[Op:MaxPool\]"):
        keras.layers.MaxPool2D(2, strides=0)(np.ones((1, 4, 4, 1), np.float32))
