"""keras.saving: legacy Keras 2 / TF 2.x `.h5` files (read-only), written here in tf.keras 2's
layout."""

import json
import pathlib
import warnings

import numpy as np
import pytest

from torchkeras import keras

h5py = pytest.importorskip("h5py")

RNG = np.random.RandomState(0)
KERNEL = RNG.rand(4, 3).astype("float32")
BIAS = RNG.rand(3).astype("float32")


def _dense(name, extra=None):
    config = {
        "name": name,
        "trainable": True,
        "dtype": "float32",
        "units": 3,
        "activation": "relu",
        "use_bias": True,
        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}},
        "kernel_regularizer": None,
        "bias_regularizer": None,
        "activity_regularizer": None,
        "kernel_constraint": None,
        "bias_constraint": None,
    }
    config.update(extra or {})
    return config


SEQUENTIAL = {
    "class_name": "Sequential",
    "config": {
        "name": "sequential",
        "layers": [
            {
                "class_name": "InputLayer",
                "config": {
                    "batch_input_shape": [None, 4],
                    "dtype": "float32",
                    "sparse": False,
                    "ragged": False,
                    "name": "dense_input",
                },
            },
            {"class_name": "Dense", "config": _dense("dense")},
        ],
    },
}

FUNCTIONAL = {
    "class_name": "Functional",
    "config": {
        "name": "model",
        "layers": [
            {
                "class_name": "InputLayer",
                "name": "input_1",
                "inbound_nodes": [],
                "config": {
                    "batch_input_shape": [None, 4],
                    "dtype": "float32",
                    "sparse": False,
                    "ragged": False,
                    "name": "input_1",
                },
            },
            {
                "class_name": "Dense",
                "name": "dense",
                "config": _dense("dense"),
                "inbound_nodes": [[["input_1", 0, 0, {}]]],
            },
        ],
        "input_layers": [["input_1", 0, 0]],
        "output_layers": [["dense", 0, 0]],
    },
}


def write_tf2_h5(path, model_config, training_config=None):
    with h5py.File(path, "w") as h5:
        h5.attrs["keras_version"] = "2.15.0"
        h5.attrs["backend"] = "tensorflow"
        h5.attrs["model_config"] = json.dumps(model_config)
        if training_config is not None:
            h5.attrs["training_config"] = json.dumps(training_config)
        weights = h5.create_group("model_weights")
        input_name = "dense_input" if model_config["class_name"] == "Sequential" else "input_1"
        weights.attrs["layer_names"] = [input_name.encode(), b"dense"]
        weights.create_group(input_name).attrs["weight_names"] = []
        dense = weights.create_group("dense")
        dense.attrs["weight_names"] = [b"dense/kernel:0", b"dense/bias:0"]
        dense.create_dataset("dense/kernel:0", data=KERNEL)
        dense.create_dataset("dense/bias:0", data=BIAS)


def expected(x):
    return np.maximum(x @ KERNEL + BIAS, 0.0)


@pytest.mark.parametrize("config", [SEQUENTIAL, FUNCTIONAL], ids=["sequential", "functional"])
def test_tf2_full_model_h5_loads(tmp_path, config):
    path = tmp_path / "model.h5"
    write_tf2_h5(
        path,
        config,
        {
            "loss": "mse",
            "metrics": ["mae"],
            "loss_weights": None,
            "optimizer_config": {
                "class_name": "SGD",
                "config": {"name": "SGD", "learning_rate": 0.1},
            },
        },
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path)
    x = RNG.rand(5, 4).astype("float32")
    prediction = model.predict(x, verbose=0)
    # Keras 2 configs list even a single output; Keras 3 returns it unwrapped, torchkeras'
    # Functional a 1-list.
    prediction = (
        prediction[0] if isinstance(prediction, list) and len(prediction) == 1 else prediction
    )
    np.testing.assert_allclose(prediction, expected(x), rtol=1e-6)
    assert isinstance(model.optimizer, keras.optimizers.SGD) and model.loss == "mse"


def test_tf2_h5_weights_into_a_model_and_mismatch(tmp_path):
    path = tmp_path / "model.h5"
    write_tf2_h5(path, SEQUENTIAL)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="relu")])
    model.load_weights(path)
    x = RNG.rand(2, 4).astype("float32")
    np.testing.assert_allclose(model.predict(x, verbose=0), expected(x), rtol=1e-6)
    other = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
    before = other.get_weights()
    with pytest.raises(
        ValueError, match=r"model.h5.*expects weights of shapes \[\(4, 2\), \(2,\)\]"
    ):
        other.load_weights(path)
    deeper = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="model.h5.*layer count mismatch"):
        deeper.load_weights(path)
    for a, b in zip(other.get_weights(), before):
        np.testing.assert_array_equal(a, b)


def test_weights_only_h5_has_no_model(tmp_path):
    path = tmp_path / "w.h5"
    with h5py.File(path, "w") as h5:
        h5.attrs["layer_names"] = []
    with pytest.raises(ValueError, match="w.h5.*no model found"):
        keras.models.load_model(path)
    (tmp_path / "bad.h5").write_bytes(b"garbage")
    with pytest.raises(ValueError, match="bad.h5.*truncated, corrupt"):
        keras.models.load_model(tmp_path / "bad.h5")


FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def _keras2_fixture(name):
    """A real tf_keras 2.21 file (see fixtures/make_keras2_h5.py), its inputs and the predictions
    tf_keras made."""
    expected = np.load(FIXTURES / "keras2_expected.npz")
    x = expected["image"] if "sequential" in name else [expected["tokens"], expected["series"]]
    return FIXTURES / (name + ".h5"), x, expected[name], expected["target"]


@pytest.mark.parametrize("name", ["keras2_sequential_conv", "keras2_functional_rnn"])
def test_real_keras2_file_loads_compiled_and_trains_on(name):
    path, x, predictions, target = _keras2_fixture(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path)
    np.testing.assert_allclose(model.predict(x, verbose=0), predictions, atol=1e-5)
    assert isinstance(model.optimizer, keras.optimizers.Adam)
    with h5py.File(path, "r") as h5:
        group = h5["optimizer_weights"]
        saved = [np.asarray(group[n][()]) for n in group.attrs["weight_names"]]
    variables = model.optimizer.variables
    assert int(variables[0].numpy()) == int(saved[0]) == 2
    for variable, value in zip(variables[2:], saved[1:]):
        np.testing.assert_allclose(variable.numpy(), value, rtol=1e-6)
    history = model.fit(x, target, batch_size=2, epochs=1, shuffle=False, verbose=0)
    assert sorted(history.history) == ["loss", "mae"]
    assert int(model.optimizer.iterations.numpy()) == 4


@pytest.mark.parametrize("name", ["keras2_sequential_conv", "keras2_functional_rnn"])
def test_real_keras2_file_uncompiled_and_weights_only(name):
    path, x, predictions, _ = _keras2_fixture(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.models.load_model(path, compile=False)
        assert model.optimizer is None
        np.testing.assert_allclose(model.predict(x, verbose=0), predictions, atol=1e-5)
        twin = keras.models.model_from_json(model.to_json())
        twin.load_weights(path)
    np.testing.assert_allclose(twin.predict(x, verbose=0), predictions, atol=1e-5)
