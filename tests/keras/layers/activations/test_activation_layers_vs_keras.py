"""Activation layers against real Keras: same inputs (and transplanted PReLU weights), outputs to
1e-5,
identical configs.  Runs only where TensorFlow is importable (the oracle venv)."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402

RNG = np.random.RandomState(1)
X = (RNG.randn(3, 4, 5) * 3).astype("float32")
X[0, 0, :3] = [1.5, 0.0, 4.0]

CASES = [
    ("ReLU", {}),
    ("ReLU", {"max_value": 6.0}),
    ("ReLU", {"max_value": 4.0, "negative_slope": 0.1}),
    ("ReLU", {"threshold": 1.5}),
    ("ReLU", {"threshold": 1.5, "negative_slope": 0.5, "max_value": 4.0}),
    ("LeakyReLU", {}),
    ("LeakyReLU", {"negative_slope": 0.01}),
    ("ELU", {}),
    ("ELU", {"alpha": 0.3}),
    ("Softmax", {}),
    ("Softmax", {"axis": 1}),
    ("Softmax", {"axis": [1]}),
    ("Softmax", {"axis": [1, 2]}),
    ("PReLU", {}),
    ("PReLU", {"shared_axes": [1]}),
    ("PReLU", {"shared_axes": 2, "alpha_initializer": "ones"}),
]


def _strip_names(config):
    return {k: v for k, v in config.items() if k != "name"}


@pytest.mark.parametrize("name,kwargs", CASES)
def test_matches_keras(name, kwargs):
    ours = getattr(keras.layers, name)(**kwargs)
    theirs = getattr(real_keras.layers, name)(**kwargs)
    expected = np.asarray(theirs(X))
    ours.build(X.shape)
    if theirs.weights:
        weights = [RNG.randn(*w.shape).astype("float32") for w in theirs.weights]
        theirs.set_weights(weights)
        ours.set_weights(weights)
        expected = np.asarray(theirs(X))
    np.testing.assert_allclose(ours(X).numpy(), expected, rtol=1e-5, atol=1e-5)
    assert _strip_names(ours.get_config()) == _strip_names(theirs.get_config())


@pytest.mark.parametrize(
    "mask",
    [np.array([[1, 0, 1, 1, 0]], "float32"), RNG.rand(3, 4, 5) > 0.5, np.zeros((3, 1, 5), "int32")],
)
def test_softmax_mask_matches_keras(mask):
    expected = np.asarray(real_keras.layers.Softmax()(X, mask=mask))
    np.testing.assert_allclose(
        keras.layers.Softmax()(X, mask=mask).numpy(), expected, rtol=1e-5, atol=1e-6
    )


def test_prelu_keras_file_loads_in_keras(tmp_path):
    model = keras.Sequential(
        [keras.Input((4, 5)), keras.layers.PReLU(alpha_initializer="random_normal")]
    )
    path = str(tmp_path / "prelu.keras")
    model.save(path)
    theirs = real_keras.models.load_model(path)
    np.testing.assert_allclose(np.asarray(theirs(X)), model(X).numpy(), rtol=1e-5, atol=1e-5)
