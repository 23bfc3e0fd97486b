"""Convolutions of integer inputs (convolutional/base_conv.py): Keras does not cast them, so TF
refuses them (no silent integer convolution with a truncated kernel).  Messages are TF 2.21 /
Keras 3.15's."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras


@pytest.mark.parametrize(
    "layer, shape",
    [(keras.layers.Conv2D, (1, 3, 3, 2)), (keras.layers.Conv3D, (1, 3, 3, 3, 2))],
)
def test_2d_and_3d_refuse_the_kernels_conversion(layer, shape):
    conv = layer(2, 2, name="c")
    with pytest.raises(ValueError) as raised:
        conv(np.ones(shape, np.int64))
    assert (
        "Incompatible type conversion requested to type int64 for `tf.Variable of type "
        "float32. (Variable: <tf.Variable 'c/kernel:0' shape=" in str(raised.value)
    )


def test_1d_gets_conv2d_dtype_errors():
    with pytest.raises(tf.errors.InvalidArgumentError, match="cannot compute Conv2D as input #1"):
        keras.layers.Conv1D(2, 2)(np.ones((1, 3, 2), np.int32))
    with pytest.raises(tf.errors.InvalidArgumentError, match="Value for attr 'T' of int64"):
        keras.layers.Conv1D(2, 2)(np.ones((1, 3, 2), np.int64))


def test_same_as_keras():
    real_keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    for module in (keras, real_keras):
        with pytest.raises(Exception) as raised:  # noqa: PT011 - the class is what is compared
            module.layers.Conv1D(2, 2)(np.ones((1, 3, 2), np.int32))
        assert type(raised.value).__name__ == "InvalidArgumentError"
