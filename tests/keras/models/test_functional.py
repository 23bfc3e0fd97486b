import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers


def test_keras_model_with_inputs_and_outputs_is_functional():
    x = keras.Input(shape=(3,), name="x")
    model = keras.Model(x, layers.Dense(2, name="d")(x))
    assert type(model).__name__ == "Functional" and isinstance(model, keras.Model)
    assert [layer.name for layer in model.layers] == ["x", "d"]
    assert model.inputs == [x] and model.outputs[0].shape == (None, 2)
    assert model(np.ones((4, 3))).shape == (4, 2)
    assert model.get_layer("d") is model.layers[1]


def test_multi_input_multi_output_shared_layer_and_residual():
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(4,), name="b")
    shared = layers.Dense(4, kernel_initializer="identity", name="shared")
    ha, hb = shared(a), shared(b)
    residual = layers.add([ha, a])
    merged = layers.concatenate([residual, hb])
    out1 = layers.Dense(1, kernel_initializer="ones", name="sum")(merged)
    out2 = layers.Dense(2, name="other")(hb)
    model = keras.Model(inputs=[a, b], outputs=[out1, out2])
    assert len(shared._inbound_nodes) == 2
    y1, y2 = model([np.ones((2, 4)), np.full((2, 4), 2.0)])
    assert y1.numpy().tolist() == [[16.0], [16.0]] and y2.shape == (2, 2)
    y1_dict = model({"a": np.ones((2, 4)), "b": np.full((2, 4), 2.0)})[0]
    assert y1_dict.numpy().tolist() == [[16.0], [16.0]]
    assert model.count_params() == 20 + 9 + 10


def test_dict_outputs_and_nested_models():
    x = keras.Input(shape=(3,))
    inner = keras.Model(x, {"y": layers.Dense(2)(x)})
    z = keras.Input(shape=(3,))
    outer = keras.Model(z, inner(z)["y"])
    assert outer(np.ones((1, 3))).shape == (1, 2)
    assert outer.outputs[0].shape == (None, 2)


def test_graph_errors():
    a, b = keras.Input((2,)), keras.Input((2,))
    with pytest.raises(ValueError, match="Output with path `` is not connected to `inputs`"):
        keras.Model(a, layers.add([a, b]))
    with pytest.raises(ValueError, match="Output with path `1` is not connected to `inputs`"):
        keras.Model(a, [a, layers.add([a, b])])
    with pytest.raises(ValueError, match="All `inputs` values must be KerasTensors"):
        keras.Model(np.ones(2), a)
    same = keras.Input((2,))
    with pytest.raises(ValueError, match='The name "dup" is used 2 times in the model'):
        keras.Model(same, layers.Dense(2, name="dup")(layers.Dense(2, name="dup")(same)))


def test_keras_tensor_operators_make_layers():
    x = keras.Input((3,))
    model = keras.Model(x, x * 2.0 + layers.Dense(3, kernel_initializer="zeros")(x))
    assert model(np.ones((1, 3))).numpy().tolist() == [[2.0, 2.0, 2.0]]


def test_subclass_calling_model_init_with_inputs_and_outputs_becomes_functional():
    class Wrapped(keras.Model):
        def __init__(self):
            x = keras.Input((3,))
            super().__init__(x, layers.Dense(2)(x), name="wrapped")

    model = Wrapped()
    assert isinstance(model, Wrapped) and type(model).__name__ == "Wrapped"
    assert model.name == "wrapped" and model(np.ones((1, 3))).shape == (1, 2)
    assert len(model.layers) == 2


def test_one_element_output_list_is_unpacked_as_keras_does():
    x = keras.Input(shape=(3,))
    model = keras.Model(x, [layers.Dense(2)(x)])
    assert len(model.outputs) == 1
    assert model(np.ones((1, 3))).shape == (1, 2)
    assert isinstance(model.predict(np.ones((1, 3)), verbose=0), np.ndarray)
