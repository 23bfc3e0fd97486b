"""``keras.layers.EinsumDense`` without TensorFlow: weight shapes, results, fans, config."""

import numpy as np
import pytest

from torchkeras import keras

RNG = np.random.RandomState(9)


@pytest.mark.parametrize(
    "equation,output_shape,bias_axes,input_shape,kernel,bias,out",
    [
        ("ab,bc->ac", 4, "c", (2, 3), (3, 4), (4,), (2, 4)),
        ("abc,cde->abde", (None, 2, 3), "de", (2, 5, 6), (6, 2, 3), (2, 3), (2, 5, 2, 3)),
        ("...b,bc->...c", 4, "c", (2, 5, 6), (6, 4), (4,), (2, 5, 4)),
        ("ab...,bc->ac...", (4, None, None), "c", (2, 5, 3, 7), (5, 4), (4, 1, 1), (2, 4, 3, 7)),
        ("abc,cd->adb", (4, 5), "d", (2, 5, 6), (6, 4), (4, 1), (2, 4, 5)),
    ],
)
def test_shapes_and_result_match_numpy_einsum(
    equation, output_shape, bias_axes, input_shape, kernel, bias, out
):
    layer = keras.layers.EinsumDense(
        equation, output_shape, bias_axes=bias_axes, bias_initializer="ones"
    )
    x = RNG.randn(*input_shape).astype("float32")
    y = np.asarray(layer(x))
    assert (
        tuple(layer.kernel.shape) == kernel and tuple(layer.bias.shape) == bias and y.shape == out
    )
    expected = np.einsum(equation, x, np.asarray(layer.kernel)) + 1.0
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-5)


def test_kernel_initializer_uses_einsum_fans():
    layer = keras.layers.EinsumDense(
        "abc,cde->abde", (None, 20, 30), kernel_initializer="glorot_uniform"
    )
    layer.build((None, 5, 400))
    limit = np.float32(np.sqrt(6.0 / (400 + 600)))  # a float32 draw can equal the rounded limit
    kernel = np.asarray(layer.kernel)
    assert np.abs(kernel).max() <= limit and np.abs(kernel).max() > 0.9 * limit
    assert layer.get_config()["kernel_initializer"]["config"]["input_axes"] is None


def test_config_round_trip_and_activation():
    layer = keras.layers.EinsumDense(
        "abc,cd->abd", (None, 3), bias_axes="d", activation="relu", name="e"
    )
    config = layer.get_config()
    assert config["output_shape"] == (None, 3) and config["equation"] == "abc,cd->abd"
    assert config["activation"] == "relu" and config["activity_regularizer"] is None
    clone = keras.layers.EinsumDense.from_config(config)
    assert clone.get_config() == config
    x = RNG.randn(2, 4, 5).astype("float32")
    layer(x)
    clone(x)
    clone.set_weights(layer.get_weights())
    np.testing.assert_allclose(clone(x), layer(x))
    assert np.all(np.asarray(layer(x)) >= 0)


def test_output_shapes_are_keras_partial_shapes():
    """Keras fills only the batch dim and the given dims (its docstring's ``(None, 32, 64)`` is
    not what it returns)."""
    layer = keras.layers.EinsumDense("abc,cd->abd", (None, 64), bias_axes="d")
    assert layer(keras.Input((32, 128))).shape == (None, None, 64)
    assert layer.compute_output_shape((None, 32, 128)) == (None, None, 64)
    right = keras.layers.EinsumDense("ab...,bc->ac...", (4, None, None), bias_axes="c")
    assert right.compute_output_shape((2, 5, 3, 7)) == (2, 4, None, None, 3, 7)


@pytest.mark.parametrize(
    "equation,output_shape,bias_axes,message",
    [
        ("ab,bc", 3, None, "Invalid einsum equation"),
        ("abc,cd->abd", (7, 4), None, "do not match at shared dimension 'b'"),
        ("abc,cd->abd", (None, 4), "x", "Bias dimension 'x' was requested"),
        ("abc,ce->abd", (None, 4), None, "Dimension 'd' was specified in the output"),
    ],
)
def test_errors(equation, output_shape, bias_axes, message):
    with pytest.raises(ValueError, match=message):
        keras.layers.EinsumDense(equation, output_shape, bias_axes=bias_axes)(
            np.zeros((2, 4, 5), "float32")
        )


def test_lora_is_not_supported():
    with pytest.raises(NotImplementedError):
        keras.layers.EinsumDense("ab,bc->ac", 3, lora_rank=2)
