"""``get_config()`` / ``from_config()`` round trips for every built-in layer."""
import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers

LAYERS = [
    layers.Dense(3, activation="relu", kernel_regularizer="l2", bias_constraint="non_neg", use_bias=True),
    layers.Activation("tanh"), layers.Dropout(0.3, noise_shape=(None, 1), seed=2), layers.Flatten(),
    layers.Reshape((2, 3)), layers.Permute((2, 1)), layers.RepeatVector(4), layers.Identity(),
    layers.Embedding(5, 2, mask_zero=True), layers.BatchNormalization(momentum=0.9, center=False),
    layers.LayerNormalization(axis=[1, 2], epsilon=1e-5), layers.Add(), layers.Subtract(), layers.Multiply(),
    layers.Average(), layers.Maximum(), layers.Minimum(), layers.Concatenate(axis=1), layers.Dot(axes=(1, 2), normalize=True),
    layers.InputLayer(shape=(3,), name="inp"),
]


@pytest.mark.parametrize("layer", LAYERS, ids=lambda layer: type(layer).__name__)
def test_config_roundtrip(layer):
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert type(clone) is type(layer)
    assert clone.get_config() == config


def test_config_restores_behaviour():
    layer = layers.Dense(2, activation="relu", kernel_initializer=keras.initializers.Constant(-1.0))
    clone = layers.Dense.from_config(layer.get_config())
    assert clone(np.ones((1, 3))).numpy().tolist() == [[0.0, 0.0]]
