import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers


def test_sequential_from_list_builds_lazily_on_first_input():
    model = keras.Sequential([layers.Dense(4), layers.Dense(2)])
    assert model.built is False and model.weights == []
    assert model(np.ones((3, 5))).shape == (3, 2)
    assert model.built and [tuple(w.shape) for w in model.weights] == [(5, 4), (4,), (4, 2), (2,)]
    assert model.inputs[0].shape == (3, 5) and model.outputs[0].shape == (3, 2)


def test_sequential_with_input_first_and_add_pop():
    model = keras.models.Sequential()
    model.add(keras.Input(shape=(7,)))
    model.add(layers.Dense(3))
    assert model.built and model.output_shape == (None, 3)
    model.add(layers.Dense(2))
    assert model.outputs[0].shape == (None, 2) and len(model.layers) == 2
    popped = model.pop()
    assert isinstance(popped, layers.Dense) and model.outputs[0].shape == (None, 3)
    with pytest.raises(
        ValueError,
        match="Only instances of `keras.Layer` can be added to a Sequential model. Received: 3",
    ):
        model.add(3)


def test_sequential_build_and_input_shape_argument():
    with pytest.warns(UserWarning, match=r"Do not pass an `input_shape`/`input_dim` argument"):
        model = keras.Sequential([layers.Dense(3, input_shape=(7,))])
    assert model.built and model.inputs[0].shape == (None, 7)
    other = keras.Sequential([layers.Dense(2)])
    other.build((None, 4))
    assert other.count_params() == 10
    with pytest.raises(ValueError, match="cannot be built because it has no layers"):
        keras.Sequential().build((None, 3))


def test_get_layer_by_name_and_index():
    model = keras.Sequential([layers.Dense(2, name="a"), layers.Dense(1, name="b")])
    assert model.get_layer("b") is model.layers[1] and model.get_layer(index=0) is model.layers[0]
    with pytest.raises(
        ValueError, match=r"No such layer: nope. Existing layers are: \['a', 'b'\]."
    ):
        model.get_layer("nope")
    with pytest.raises(
        ValueError, match="Was asked to retrieve layer at index 5 but model only has 2 layers."
    ):
        model.get_layer(index=5)


def test_training_flag_reaches_layers():
    model = keras.Sequential([layers.Dropout(0.5)])
    x = np.ones((10, 10), "float32")
    assert model(x).numpy().tolist() == x.tolist()
    assert (model(x, training=True).numpy() == 0).any()


def test_config_roundtrip():
    model = keras.Sequential([keras.Input((3,)), layers.Dense(2, activation="relu")])
    clone = keras.Sequential.from_config(model.get_config())
    assert clone.built and [tuple(w.shape) for w in clone.weights] == [(3, 2), (2,)]
