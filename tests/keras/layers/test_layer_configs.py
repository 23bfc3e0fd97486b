"""Every built-in layer's whole contract (``layer_contract.run_layer_test``): config and
serialization round trips, build from a shape, symbolic and eager calls, weight counts,
masking support, a training step."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers

from tests.keras.layer_contract import run_layer_test

PAIR = [(2, 3), (2, 3)]
CASES = [
    (
        layers.Dense,
        dict(units=3, activation="relu", kernel_regularizer="l2", bias_constraint="non_neg"),
        dict(
            input_shape=(2, 4),
            expected_output_shape=(2, 3),
            expected_num_trainable_weights=2,
            expected_num_losses=1,
        ),
    ),
    (
        layers.Activation,
        dict(activation="tanh"),
        dict(input_shape=(2, 3), expected_output_shape=(2, 3)),
    ),
    (
        layers.Dropout,
        dict(rate=0.3, noise_shape=(None, 1), seed=2),
        dict(input_shape=(2, 3), expected_output_shape=(2, 3)),
    ),
    (layers.Flatten, {}, dict(input_shape=(2, 3, 4), expected_output_shape=(2, 12))),
    (
        layers.Reshape,
        dict(target_shape=(2, 3)),
        dict(input_shape=(2, 6), expected_output_shape=(2, 2, 3)),
    ),
    (
        layers.Permute,
        dict(dims=(2, 1)),
        dict(input_shape=(2, 3, 4), expected_output_shape=(2, 4, 3)),
    ),
    (layers.RepeatVector, dict(n=4), dict(input_shape=(2, 3), expected_output_shape=(2, 4, 3))),
    (layers.Identity, {}, dict(input_shape=(2, 3), expected_output_shape=(2, 3))),
    (
        layers.Embedding,
        dict(input_dim=5, output_dim=2, mask_zero=True),
        dict(
            input_shape=(2, 3),
            input_dtype="int32",
            expected_output_shape=(2, 3, 2),
            expected_num_trainable_weights=1,
            supports_masking=True,
        ),
    ),
    (
        layers.BatchNormalization,
        dict(momentum=0.9, center=False),
        dict(
            input_shape=(4, 3),
            expected_output_shape=(4, 3),
            expected_num_trainable_weights=1,
            expected_num_non_trainable_weights=2,
        ),
    ),
    (
        layers.LayerNormalization,
        dict(axis=[1, 2], epsilon=1e-5),
        dict(
            input_shape=(2, 3, 4), expected_output_shape=(2, 3, 4), expected_num_trainable_weights=2
        ),
    ),
    (layers.Add, {}, dict(input_shape=PAIR, expected_output_shape=(2, 3))),
    (layers.Subtract, {}, dict(input_shape=PAIR, expected_output_shape=(2, 3))),
    (layers.Multiply, {}, dict(input_shape=PAIR, expected_output_shape=(2, 3))),
    (layers.Average, {}, dict(input_shape=PAIR, expected_output_shape=(2, 3))),
    (layers.Maximum, {}, dict(input_shape=PAIR, expected_output_shape=(2, 3))),
    (layers.Minimum, {}, dict(input_shape=PAIR, expected_output_shape=(2, 3))),
    (layers.Concatenate, dict(axis=1), dict(input_shape=PAIR, expected_output_shape=(2, 6))),
    (
        layers.Dot,
        dict(axes=(1, 1), normalize=True),
        dict(input_shape=PAIR, expected_output_shape=(2, 1)),
    ),
]


@pytest.mark.parametrize(
    "layer_cls,init_kwargs,checks", CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_layer_contract(layer_cls, init_kwargs, checks):
    run_layer_test(layer_cls, init_kwargs, **checks)


def test_dense_contract_with_expected_values():
    x = np.ones((1, 3), "float32")
    run_layer_test(
        layers.Dense,
        dict(units=2, kernel_initializer="ones", bias_initializer="zeros"),
        input_data=x,
        expected_output=np.full((1, 2), 3.0, "float32"),
        expected_output_dtype="float32",
    )


def test_input_layer_config_roundtrip():
    layer = layers.InputLayer(shape=(3,), name="inp")
    config = layer.get_config()
    assert layers.InputLayer.from_config(config).get_config() == config


def test_config_restores_behaviour():
    layer = layers.Dense(2, activation="relu", kernel_initializer=keras.initializers.Constant(-1.0))
    clone = layers.Dense.from_config(layer.get_config())
    assert clone(np.ones((1, 3))).numpy().tolist() == [[0.0, 0.0]]


def test_contract_catches_a_broken_config():
    class Forgetful(layers.Dense):
        def get_config(self):
            config = super().get_config()
            config["units"] = self.units + 1
            return config

    with pytest.raises(AssertionError):
        run_layer_test(
            Forgetful, dict(units=3), input_shape=(2, 4), custom_objects={"Forgetful": Forgetful}
        )
