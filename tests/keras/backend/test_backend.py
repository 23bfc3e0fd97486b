import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras.backend import naming


def test_config_values():
    assert keras.backend.floatx() == "float32" and keras.backend.epsilon() == 1e-7
    assert keras.backend.image_data_format() == "channels_last"
    with pytest.raises(ValueError, match="Unknown `floatx` value"):
        keras.backend.set_floatx("int8")


def test_naming_rules_and_clear_session():
    assert naming.to_snake_case("BatchNormalization") == "batch_normalization"
    assert naming.to_snake_case("SimpleDense") == "simple_dense"
    assert naming.to_snake_case("RNN") == "rnn"
    keras.backend.clear_session()
    assert [naming.uniquify("x"), naming.uniquify("x"), naming.uniquify("y")] == ["x", "x_1", "y"]


def test_keras_tensor_repr_and_history():
    keras.backend.clear_session()
    x = keras.Input(shape=(3,))
    assert (
        repr(x) == "<KerasTensor shape=(None, 3), dtype=float32, sparse=False, ragged=False, "
        "name=keras_tensor>"
    )
    assert x.ndim == 2 and x._keras_history.node_index == 0
    with pytest.raises(TypeError):
        bool(x)


def test_layer_weights_are_variables_with_keras_names():
    import torchkeras as tf

    layer = keras.layers.Dense(2, name="dd")
    layer(np.ones((1, 3)))
    kernel = layer.kernel
    assert (
        isinstance(kernel, tf.Variable) and kernel.name == "kernel" and kernel.path == "dd/kernel"
    )
    assert repr(kernel).startswith(
        "<Variable path=dd/kernel, shape=(3, 2), dtype=float32, value=[["
    )
    kernel.trainable = False
    assert kernel._param.requires_grad is False and layer.trainable_weights == [layer.bias]
