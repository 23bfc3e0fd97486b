import math

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras

X = np.linspace(-4, 4, 17, dtype=np.float32).reshape(1, 17)


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


FORMULAS = {
    "relu": lambda x: np.maximum(x, 0),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
    "relu6": lambda x: np.clip(x, 0, 6),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
    "selu": lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * (np.exp(x) - 1)),
    "gelu": lambda x: 0.5 * x * (1 + np.vectorize(math.erf)(x / np.sqrt(2))),
    "softplus": lambda x: np.log1p(np.exp(x)),
    "softsign": lambda x: x / (1 + np.abs(x)),
    "swish": lambda x: x * _sigmoid(x),
    "silu": lambda x: x * _sigmoid(x),
    "exponential": np.exp,
    "linear": lambda x: x,
    "sigmoid": _sigmoid,
    "hard_sigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
    "tanh": np.tanh,
    "mish": lambda x: x * np.tanh(np.log1p(np.exp(x))),
    "softmax": lambda x: np.exp(x) / np.exp(x).sum(-1, keepdims=True),
    "log_softmax": lambda x: x - np.log(np.exp(x).sum(-1, keepdims=True)),
}


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_activation_by_function_and_name(name):
    expected = FORMULAS[name](X.astype(np.float64))
    result = getattr(keras.activations, name)(X)
    assert isinstance(result, tf.Tensor)
    np.testing.assert_allclose(result.numpy(), expected, rtol=1e-5, atol=1e-6)
    assert keras.activations.get(name) is getattr(keras.activations, name)


def test_relu_options():
    out = keras.activations.relu(X, negative_slope=0.1, max_value=2.0, threshold=1.0).numpy()
    expected = np.clip(np.where(X > 1.0, X, 0.1 * (X - 1.0)), None, 2.0)
    np.testing.assert_allclose(out, expected, rtol=1e-6)


def test_get_and_serialize():
    assert keras.activations.get(None) is keras.activations.linear
    fn = lambda x: x  # noqa: E731
    assert keras.activations.get(fn) is fn
    assert keras.activations.serialize(keras.activations.relu) == "relu"
    assert keras.activations.serialize(keras.activations.swish) == "silu"
    assert keras.activations.deserialize("tanh") is keras.activations.tanh
    with pytest.raises(
        ValueError, match="Could not interpret activation function identifier: nope"
    ):
        keras.activations.get("nope")


def test_accepts_tensors_and_torch():
    assert keras.activations.relu(tf.constant([-1.0, 2.0])).numpy().tolist() == [0.0, 2.0]
    assert keras.activations.relu(torch.tensor([-1.0, 2.0])).numpy().tolist() == [0.0, 2.0]


def test_relu_threshold_is_exclusive_as_keras():
    import numpy as np
    from torchkeras import keras as _keras

    out = _keras.activations.relu(np.array([0.0, 1.0, 2.0, 3.0], "float32"), threshold=2.0)
    np.testing.assert_array_equal(np.asarray(out), [0.0, 0.0, 0.0, 3.0])
