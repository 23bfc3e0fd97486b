"""Keras' rule for what a layer call takes positionally (``Layer.__call__``): tensors, arrays
and ``None`` only, except in the data layers and functional models, which take Python values;
and what those data layers then do with them.  Checked against real Keras when installed."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

ONLY_TENSORS = (
    "Only input tensors may be passed as positional arguments. The following argument value "
    "should be passed as a keyword argument: %s (of type %s)"
)


def _plain_cases(keras_module):
    layers = keras_module.layers
    return {
        "dense_of_list": lambda: layers.Dense(2)([[1.0, 2.0]]),
        "dense_of_int": lambda: layers.Dense(2)(3),
        "training_positionally": lambda: layers.Dropout(0.5)(np.ones((1, 2)), True),
        "merge_with_a_float": lambda: layers.Add()([np.ones((1, 2)), 1.0]),
        "activation_of_list": lambda: layers.Activation("relu")([-1.0, 1.0]),
        "sequential_of_list": lambda: keras_module.Sequential([layers.Dense(1)])([[1.0, 2.0]]),
    }


FIRST_LEAF = {
    "dense_of_list": 1.0,
    "dense_of_int": 3,
    "training_positionally": True,
    "merge_with_a_float": 1.0,
    "activation_of_list": -1.0,
    "sequential_of_list": 1.0,
}


@pytest.mark.parametrize("case", sorted(FIRST_LEAF))
def test_plain_layers_refuse_python_values_positionally(case):
    value = FIRST_LEAF[case]
    with pytest.raises(ValueError) as raised:
        _plain_cases(keras)[case]()
    assert str(raised.value) == ONLY_TENSORS % (value, type(value))


def test_arrays_none_and_keyword_values_pass():
    dense = keras.layers.Dense(1, kernel_initializer="ones")
    assert dense(np.ones((1, 2), np.float32)).numpy().tolist() == [[2.0]]
    dropout = keras.layers.Dropout(0.5)
    assert dropout(np.ones((1, 2), np.float32), training=True).shape == (1, 2)
    lstm = keras.layers.LSTM(2)
    state = [np.zeros((1, 2), np.float32)] * 2
    assert lstm(np.ones((1, 3, 2), np.float32), initial_state=state).shape == (1, 2)


def test_data_layers_convert_python_values():
    assert keras.layers.Rescaling(2.0)([1, 2]).numpy().tolist() == [2.0, 4.0]
    assert keras.layers.Rescaling(2.0)(3.0).numpy() == 6.0
    bins = keras.layers.Discretization(bin_boundaries=[1.0, 2.0])([0.5, 1.5, 3.0])
    assert (bins.dtype, bins.numpy().tolist()) == (tf.int32, [0, 1, 2])
    crop = keras.layers.CenterCrop(1, 1)([[[1.0]]])
    assert crop.shape == (1, 1, 1)
    assert keras.layers.StringLookup(vocabulary=["a"])(["a", "b"]).numpy().tolist() == [1, 0]


def test_discretization_refuses_unsorted_boundaries_at_call():
    layer = keras.layers.Discretization(bin_boundaries=[2.0, 1.0])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Expected sorted boundaries"):
        layer(np.array([0.5, 1.5], np.float32))


def test_normalization_of_a_python_list_is_unbuilt():
    layer = keras.layers.Normalization(mean=1.0, variance=1.0)
    with pytest.raises(ValueError, match="You must call `.build\\(input_shape\\)` on the layer"):
        layer([[0.5, 1.5, 3.0]])
    assert not layer.built
    assert layer(np.array([[0.5, 1.5, 3.0]], np.float32)).numpy().tolist() == [[-0.5, 0.5, 2.0]]


def test_functional_input_count_names_the_inputs():
    a, b = keras.Input((2,)), keras.Input((2,), name="second")
    model = keras.Model([a, b], keras.layers.Add()([a, b]))
    with pytest.raises(ValueError) as raised:
        model([[1.0, 2.0], [3.0, 4.0]])
    assert str(raised.value) == (
        "Layer \"%s\" expects 2 named input(s) with keys ['%s', 'second'], but it received 4 "
        "input tensors. Pass inputs as a dict, e.g. `layer({'%s': ..., 'second': ...})`."
        % (model.name, a._keras_history.operation.name, a._keras_history.operation.name)
    )


def _outcome(call):
    try:
        result = call()
    except Exception as error:  # noqa: BLE001 - the outcome compared is the error
        return type(error).__name__, str(error).split("\n")[0][:90]
    return "value", np.asarray(result).tolist()


@pytest.mark.parametrize("case", sorted(FIRST_LEAF))
def test_same_outcome_as_keras(case):
    real_keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    assert _outcome(_plain_cases(keras)[case]) == _outcome(_plain_cases(real_keras)[case])
