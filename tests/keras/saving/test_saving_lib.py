"""keras.saving: `.keras` / `.weights.h5` round trips, atomic writes, corrupt files, the optional
h5py."""

import builtins
import os
import pathlib
import sys
import zipfile

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import saving
from torchkeras.keras.saving import h5_store, saving_lib


def sequential():
    model = keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(3, activation="relu"),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(2),
        ]
    )
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    return model


def functional():
    ids = keras.Input((5,), dtype="int32", name="ids")
    feats = keras.Input((2,), name="f")
    embedded = keras.layers.Flatten()(keras.layers.Embedding(10, 2)(ids))
    mixed = keras.layers.Concatenate()([embedded, keras.layers.Dense(2)(feats)])
    return keras.Model(
        [ids, feats], keras.layers.Dense(1)(keras.layers.BatchNormalization()(mixed))
    )


def data(n=16):
    rng = np.random.RandomState(0)
    return rng.rand(n, 4).astype("float32"), rng.rand(n, 2).astype("float32")


def functional_data(n=6):
    rng = np.random.RandomState(1)
    return [rng.randint(0, 10, (n, 5)).astype("int32"), rng.rand(n, 2).astype("float32")]


def test_keras_file_round_trip_sequential(tmp_path):
    pytest.importorskip("h5py")
    x, y = data()
    model = sequential()
    model.fit(x, y, epochs=2, verbose=0)
    path = tmp_path / "m.keras"
    model.save(path)
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["config.json", "metadata.json", "model.weights.h5"]
    loaded = keras.models.load_model(path)
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    state = lambda m: m.get_weights() + [v.numpy() for v in m.optimizer.variables]
    for a, b in zip(state(loaded), state(model)):
        np.testing.assert_array_equal(a, b)


def test_resumed_fit_follows_the_uninterrupted_trajectory(tmp_path):
    pytest.importorskip("h5py")
    x, y = data()
    reference = sequential()
    resumed = sequential()
    resumed.set_weights(reference.get_weights())
    reference.fit(x, y, epochs=2, batch_size=4, shuffle=False, verbose=0)
    resumed.fit(x, y, epochs=1, batch_size=4, shuffle=False, verbose=0)
    resumed.save(tmp_path / "half.keras")
    restored = keras.models.load_model(tmp_path / "half.keras")
    restored.fit(x, y, epochs=1, batch_size=4, shuffle=False, verbose=0)
    for a, b in zip(restored.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)
    assert (
        int(restored.optimizer.iterations.numpy())
        == int(reference.optimizer.iterations.numpy())
        == 8
    )


def test_functional_keras_and_weights_round_trip(tmp_path):
    pytest.importorskip("h5py")
    model = functional()
    x = functional_data()
    model.save(tmp_path / "f.keras")
    np.testing.assert_array_equal(
        keras.models.load_model(tmp_path / "f.keras").predict(x, verbose=0),
        model.predict(x, verbose=0),
    )
    model.save_weights(tmp_path / "f.weights.h5")
    other = functional()
    other.load_weights(tmp_path / "f.weights.h5")
    np.testing.assert_array_equal(other.predict(x, verbose=0), model.predict(x, verbose=0))


def test_weights_file_layout_is_keras(tmp_path):
    h5py = pytest.importorskip("h5py")
    model = sequential()
    model.optimizer.build(model.trainable_variables)
    model.save_weights(tmp_path / "w.weights.h5")
    with h5py.File(tmp_path / "w.weights.h5", "r") as h5:
        assert sorted(h5["layers"].keys()) == ["batch_normalization", "dense", "dense_1"]
        assert h5["layers/dense/vars"].attrs["name"] == model.layers[0].name
        assert h5["layers/dense/vars/0"].shape == (4, 3)
        assert len(h5["layers/batch_normalization/vars"]) == 4
        assert len(h5["optimizer/vars"]) == 14 and h5["vars"].attrs["name"] == model.name


def test_subclassed_model_via_registration(tmp_path):
    pytest.importorskip("h5py")

    @saving.register_keras_serializable(package="tests")
    class TwoDense(keras.Model):
        def __init__(self, units=3, **kwargs):
            super().__init__(**kwargs)
            self.units = units
            self.hidden = keras.layers.Dense(units, activation="relu")
            self.head = keras.layers.Dense(1)

        def call(self, x):
            return self.head(self.hidden(x))

        def get_config(self):
            config = super().get_config()
            config["units"] = self.units
            return config

    x = data()[0]
    model = TwoDense(units=5)
    model(x)
    model.save(tmp_path / "s.keras")
    loaded = keras.models.load_model(tmp_path / "s.keras")
    assert isinstance(loaded, TwoDense) and loaded.units == 5
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))


def test_interrupted_save_keeps_previous_file(tmp_path, monkeypatch):
    pytest.importorskip("h5py")
    path = tmp_path / "ckpt.keras"
    model = sequential()
    model.save(path)
    before = path.read_bytes()
    real_write = h5_store.write_weights

    def dying_write(target, entries):
        real_write(target, entries[:1])
        raise KeyboardInterrupt("killed mid-save")

    monkeypatch.setattr(h5_store, "write_weights", dying_write)
    with pytest.raises(KeyboardInterrupt):
        model.save(path)
    with pytest.raises(KeyboardInterrupt):
        model.save_weights(tmp_path / "ckpt.weights.h5")
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["ckpt.keras"]


def test_atomic_write_replaces_only_when_complete(tmp_path):
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")

    def failing(temporary):
        with open(temporary, "wb") as handle:
            handle.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        saving_lib.atomic_write(target, failing)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["file.bin"]
    saving_lib.atomic_write(target, lambda temporary: pathlib.Path(temporary).write_bytes(b"new"))
    assert target.read_bytes() == b"new"


def test_truncated_and_foreign_files_raise_and_leave_model_unchanged(tmp_path):
    pytest.importorskip("h5py")
    model = sequential()
    model.save(tmp_path / "good.keras")
    model.save_weights(tmp_path / "good.weights.h5")
    before = model.get_weights()
    full = (tmp_path / "good.keras").read_bytes()
    (tmp_path / "cut.keras").write_bytes(full[: len(full) // 2])
    (tmp_path / "text.keras").write_text("not a zip")
    (tmp_path / "cut.weights.h5").write_bytes((tmp_path / "good.weights.h5").read_bytes()[:300])
    (tmp_path / "text.weights.h5").write_text("plain text")
    for name in ("cut.keras", "text.keras"):
        with pytest.raises(ValueError, match=name):
            keras.models.load_model(tmp_path / name)
        with pytest.raises(ValueError, match=name):
            model.load_weights(tmp_path / name)
    for name in ("cut.weights.h5", "text.weights.h5"):
        with pytest.raises(ValueError, match="%s.*truncated, corrupt" % name):
            model.load_weights(tmp_path / name)
    with zipfile.ZipFile(tmp_path / "noweights.keras", "w") as archive:
        archive.writestr("config.json", "{}")
    with pytest.raises(ValueError, match="noweights.keras.*model.weights.h5"):
        keras.models.load_model(tmp_path / "noweights.keras")
    with pytest.raises(ValueError, match="File not found"):
        keras.models.load_model(tmp_path / "missing.keras")
    for a, b in zip(model.get_weights(), before):
        np.testing.assert_array_equal(a, b)


def test_wrong_architecture_raises_and_assigns_nothing(tmp_path):
    pytest.importorskip("h5py")
    small = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(2)])
    small.save_weights(tmp_path / "small.weights.h5")
    wider = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(5)])
    before = wider.get_weights()
    with pytest.raises(ValueError, match=r"small.weights.h5.*has shape \(3, 5\).*\(3, 2\)"):
        wider.load_weights(tmp_path / "small.weights.h5")
    deeper = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(2), keras.layers.Dense(1)]
    )
    with pytest.raises(ValueError, match="small.weights.h5.*no weights for layer"):
        deeper.load_weights(tmp_path / "small.weights.h5")
    for a, b in zip(wider.get_weights(), before):
        np.testing.assert_array_equal(a, b)
    with pytest.warns(UserWarning, match="Skipping"):
        wider.load_weights(tmp_path / "small.weights.h5", skip_mismatch=True)
    np.testing.assert_array_equal(wider.get_weights()[0], small.get_weights()[0])


def test_filename_checks_match_keras(tmp_path):
    model = sequential()
    with pytest.raises(ValueError, match="The filename must end in `.weights.h5`"):
        model.save_weights(tmp_path / "w.h5")
    with pytest.raises(ValueError, match="Invalid filepath extension for saving"):
        model.save(tmp_path / "m.pt")
    with pytest.raises(ValueError, match="File format not supported"):
        keras.models.load_model(tmp_path / "m.pt")


def test_missing_h5py_names_the_extra(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_h5py(name, *args, **kwargs):
        if name == "h5py":
            raise ImportError("No module named 'h5py'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "h5py", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_h5py)
    model = sequential()
    with pytest.raises(ImportError, match=r"pip install torchkeras-tf\[h5\]"):
        model.save(tmp_path / "m.keras")
    with pytest.raises(ImportError, match=r"pip install torchkeras-tf\[h5\]"):
        model.save_weights(tmp_path / "m.weights.h5")
    assert os.listdir(tmp_path) == []


def test_checkpoint_callbacks_write_keras_files(tmp_path):
    pytest.importorskip("h5py")
    x, y = data()
    model = sequential()
    model.fit(
        x,
        y,
        epochs=2,
        verbose=0,
        callbacks=[keras.callbacks.ModelCheckpoint(str(tmp_path / "best.keras"), monitor="loss")],
    )
    assert zipfile.is_zipfile(tmp_path / "best.keras")
    keras.models.load_model(tmp_path / "best.keras")


def test_torch_state_dict_is_the_native_fast_path(tmp_path):
    import torch

    model = functional()
    torch.save(model.state_dict(), tmp_path / "w.pt")
    other = keras.models.model_from_json(model.to_json())
    other.load_state_dict(torch.load(tmp_path / "w.pt", weights_only=True))
    x = functional_data()
    np.testing.assert_array_equal(other.predict(x, verbose=0), model.predict(x, verbose=0))
