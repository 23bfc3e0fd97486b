"""``keras.layers.InputLayer`` (core/input_layer.py): what the model tests leave out."""

import numpy as np
import pytest

from torchkeras import keras


def test_calling_an_input_layer_with_a_tensor_is_refused_as_keras_binds_it():
    layer = keras.layers.InputLayer(shape=(3,), name="t")
    with pytest.raises(TypeError, match="too many positional arguments"):
        layer(np.ones((2, 3)))
    assert layer.output.shape == (None, 3)
