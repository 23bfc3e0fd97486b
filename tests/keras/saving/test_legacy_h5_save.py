"""``model.save("x.h5")``: Keras 3's legacy full-model HDF5 file, readable by Keras and by us."""

import json

import numpy as np
import pytest

import torchkeras

h5py = pytest.importorskip("h5py")

DEPRECATION = (
    "WARNING:absl:You are saving your model as an HDF5 file via `model.save()` or "
    "`keras.saving.save_model(model)`. This file format is considered legacy. We "
    "recommend using instead the native Keras format, e.g. `model.save('my_model.keras')` "
    "or `keras.saving.save_model(model, 'my_model.keras')`. \n"
)


def _models(keras):
    keras.backend.clear_session()
    inputs = keras.Input((3,), name="x")
    hidden = keras.layers.Dense(4, activation="relu", name="hidden")(inputs)
    functional = keras.Model(inputs, keras.layers.Dense(1, name="out")(hidden))
    sequential = keras.Sequential(
        [
            keras.Input((3,)),
            keras.layers.Dense(4, activation="relu"),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(1),
        ]
    )
    return {"functional": functional, "sequential": sequential}


def _trained(keras, tmp_path, prefix):
    saved = {}
    for name, model in _models(keras).items():
        model.compile(optimizer="adam", loss=keras.losses.mean_squared_error, metrics=["mae"])
        model.fit(np.random.RandomState(0).rand(8, 3), np.ones((8, 1)), verbose=0)
        path = str(tmp_path / ("%s_%s.h5" % (prefix, name)))
        model.save(path)
        saved[name] = (path, model.predict(np.ones((2, 3)), verbose=0))
    return saved


def _layout(path):
    """What a reader sees: attribute names, training config, groups, weight names and shapes."""
    found = {}
    with h5py.File(path, "r") as h5:
        found["attrs"] = sorted(h5.attrs)
        training = json.loads(h5.attrs["training_config"])
        training["optimizer_config"]["config"].pop("name")
        found["training_config"] = training
        found["model_class"] = json.loads(h5.attrs["model_config"])["class_name"]
        weights = h5["model_weights"]
        found["layer_names"] = [
            n.decode() if isinstance(n, bytes) else n for n in weights.attrs["layer_names"]
        ]
        found["weights"] = {}

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                found["weights"][name] = obj.shape

        h5.visititems(visit)
    return found


def test_save_h5_warns_and_reloads(tmp_path, capsys, caplog):
    keras = torchkeras.keras
    saved = _trained(keras, tmp_path, "ours")
    # absl's text on stderr, or the absl logger's record when logging is configured (pytest)
    printed = capsys.readouterr().err + "".join(
        "WARNING:absl:%s\n" % r.getMessage() for r in caplog.records if r.name == "absl"
    )
    assert printed.count(DEPRECATION) == 2
    for name, (path, prediction) in saved.items():
        back = keras.models.load_model(path)
        np.testing.assert_allclose(back.predict(np.ones((2, 3)), verbose=0), prediction, rtol=1e-6)
        assert int(back.optimizer.iterations.numpy()) == 1
        assert back.loss is keras.losses.mean_squared_error
    layout = _layout(saved["sequential"][0])
    assert layout["attrs"] == ["backend", "keras_version", "model_config", "training_config"]
    assert layout["layer_names"] == ["dense", "batch_normalization", "dense_1"]
    assert layout["weights"]["model_weights/dense/sequential/dense/kernel"] == (3, 4)
    momentum = [
        key for key in layout["weights"] if key.endswith("/sequential_dense_kernel_momentum")
    ]
    assert len(momentum) == 1 and layout["weights"][momentum[0]] == (3, 4)
    assert layout["training_config"]["loss"] == "mean_squared_error"  # Keras' legacy form


def test_keras_reads_our_h5_and_writes_the_same_layout(tmp_path):
    pytest.importorskip("tensorflow")
    import keras

    ours = _trained(torchkeras.keras, tmp_path, "ours")
    theirs = _trained(keras, tmp_path, "theirs")
    for name, (path, prediction) in ours.items():
        loaded = keras.models.load_model(path)
        np.testing.assert_allclose(
            loaded.predict(np.ones((2, 3)), verbose=0), prediction, rtol=1e-5, atol=1e-6
        )
        assert int(loaded.optimizer.iterations.numpy()) == 1
        assert _layout(path) == _layout(theirs[name][0])
