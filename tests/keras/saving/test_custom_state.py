"""keras.saving: user `save_own_variables`/`load_own_variables` and `save_assets`/`load_assets`,
sharded weights."""

import io
import json
import os
import zipfile

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

h5py = pytest.importorskip("h5py")


@keras.saving.register_keras_serializable(package="test_custom_state")
class Offset(keras.layers.Layer):
    """A dense map plus an offset kept as a plain NumPy array (not a weight), saved under the key
    ``offset``."""

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], 2), name="kernel")
        self.offset = np.zeros(2, "float32")

    def call(self, x):
        return tf.matmul(x, self.kernel) + self.offset

    def save_own_variables(self, store):
        super().save_own_variables(store)
        store["offset"] = self.offset

    def load_own_variables(self, store):
        self.kernel.assign(store["0"])
        self.offset = np.array(store["offset"])


@keras.saving.register_keras_serializable(package="test_custom_state")
class Vocabulary(keras.layers.Layer):
    """Scales its input by the number of words in a vocabulary kept as an asset file."""

    def __init__(self, words=(), **kwargs):
        super().__init__(**kwargs)
        self.words = list(words)

    def call(self, x):
        return x * float(len(self.words))

    def save_assets(self, dir_path):
        with open(os.path.join(dir_path, "vocabulary.txt"), "w") as handle:
            handle.write("\n".join(self.words))

    def load_assets(self, dir_path):
        with open(os.path.join(dir_path, "vocabulary.txt")) as handle:
            self.words = handle.read().split("\n")


def model_with_custom_state():
    model = keras.Sequential([keras.Input((3,)), Offset(), Vocabulary(name="vocab")])
    model.layers[0].offset = np.array([1.5, -2.0], "float32")
    model.layers[1].words = ["a", "b", "c"]
    return model


X = np.random.RandomState(0).rand(4, 3).astype("float32")


def test_save_own_variables_override_round_trip(tmp_path):
    model = model_with_custom_state()
    model.save(tmp_path / "m.keras")
    with zipfile.ZipFile(tmp_path / "m.keras") as archive:
        assert archive.read("assets/layers/vocabulary/vocabulary.txt") == b"a\nb\nc"
        with h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r") as h5:
            assert sorted(h5["layers/offset/vars"].keys()) == ["0", "offset"]
    loaded = keras.models.load_model(tmp_path / "m.keras")
    np.testing.assert_array_equal(loaded.layers[0].offset, [1.5, -2.0])
    assert loaded.layers[1].words == ["a", "b", "c"]
    np.testing.assert_allclose(loaded.predict(X, verbose=0), model.predict(X, verbose=0), rtol=1e-6)


def test_save_own_variables_override_in_weights_file(tmp_path):
    model = model_with_custom_state()
    model.save_weights(tmp_path / "w.weights.h5")
    other = keras.Sequential([keras.Input((3,)), Offset(), Vocabulary(["a", "b", "c"])])
    other.load_weights(tmp_path / "w.weights.h5")
    np.testing.assert_array_equal(other.layers[0].offset, [1.5, -2.0])
    np.testing.assert_allclose(other.predict(X, verbose=0), model.predict(X, verbose=0), rtol=1e-6)


def test_default_load_own_variables_checks_the_count():
    layer = keras.layers.Dense(2)
    layer.build((None, 3))
    store = {"0": np.zeros((3, 2), "float32")}
    with pytest.raises(
        ValueError,
        match=r"Layer 'dense\w*' expected 2 variables, but received 1 variables during "
        r"loading. Expected: \['kernel', 'bias'\]",
    ):
        layer.load_own_variables(store)
    store["1"] = np.ones(2, "float32")
    layer.load_own_variables(store)
    np.testing.assert_array_equal(layer.bias.numpy(), [1.0, 1.0])
    written = {}
    layer.save_own_variables(written)
    assert sorted(written) == ["0", "1"]


def big_model():
    model = keras.Sequential(
        [
            keras.Input((100,)),
            keras.layers.Dense(300),
            keras.layers.Dense(200),
            keras.layers.BatchNormalization(),
        ]
    )
    model.compile(optimizer="adam", loss="mse")
    model.optimizer.build(model.trainable_variables)
    return model


def test_sharded_weights_layout_and_round_trip(tmp_path):
    model = big_model()
    model.save_weights(tmp_path / "m.weights.json", max_shard_size=0.0003)
    names = sorted(os.listdir(tmp_path))
    assert names == ["m.weights.json"] + ["m_%05d.weights.h5" % i for i in range(5)]
    config = json.loads((tmp_path / "m.weights.json").read_text())
    # The layout real Keras 3.15 writes for this model (checked against it).
    assert config == {
        "metadata": {"total_size": 1092412.0},
        "weight_map": {
            "/layers/dense/vars": ["m_00000.weights.h5"],
            "/layers/dense_1/vars": ["m_00001.weights.h5"],
            "/layers/batch_normalization/vars": ["m_00001.weights.h5"],
            "/optimizer/vars": [
                "m_00001.weights.h5",
                "m_00002.weights.h5",
                "m_00003.weights.h5",
                "m_00004.weights.h5",
            ],
        },
    }
    fresh = big_model()
    fresh.load_weights(tmp_path / "m.weights.json")
    for a, b in zip(fresh.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(fresh.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


def test_sharded_weights_errors(tmp_path):
    model = big_model()
    with pytest.raises(
        ValueError,
        match=r"The size of 0 is 234.38 KB which exceeds the maximum shard size 209.72 KB",
    ):
        keras.Sequential([keras.Input((300,)), keras.layers.Dense(200)]).save_weights(
            tmp_path / "x.weights.json", max_shard_size=0.0002
        )
    with pytest.raises(ValueError, match="must end in `.weights.json` when `max_shard_size`"):
        model.save_weights(tmp_path / "x.json", max_shard_size=1)
    with pytest.warns(
        UserWarning, match=r"Saving sharded weights requires `\*.json` as the extension"
    ):
        model.save_weights(tmp_path / "y.weights.h5", max_shard_size=1)
    assert sorted(n for n in os.listdir(tmp_path) if n.startswith("y")) == [
        "y.weights.json",
        "y_00000.weights.h5",
    ]
    os.remove(tmp_path / "y_00000.weights.h5")
    before = model.get_weights()
    with pytest.raises(
        ValueError, match="y.weights.json.*shard 'y_00000.weights.h5' it names is missing"
    ):
        model.load_weights(tmp_path / "y.weights.json")
    (tmp_path / "z.weights.json").write_text("{not json")
    with pytest.raises(ValueError, match="z.weights.json.*not a Keras `.weights.json` file"):
        model.load_weights(tmp_path / "z.weights.json")
    for a, b in zip(model.get_weights(), before):
        np.testing.assert_array_equal(a, b)


def test_layers_in_nested_lists_get_container_paths():
    from torchkeras.keras.saving import weights_layout

    class Nest(keras.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.blocks = [[keras.layers.Dense(2), keras.layers.Dense(2)], [keras.layers.Dense(2)]]

        def call(self, x):
            return self.blocks[1][0](self.blocks[0][1](self.blocks[0][0](x)))

    model = keras.Sequential([keras.Input((3,)), Nest()])
    assert [path for path, _ in weights_layout.saveables(model)] == [
        "",
        "layers/nest",
        "layers/nest/blocks/container/dense",
        "layers/nest/blocks/container/dense_1",
        "layers/nest/blocks/container_1/dense",
    ]
