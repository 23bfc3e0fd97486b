"""``tf.saved_model.save``/``load``: torchkeras' own directories, and TF SavedModels' variables."""

import os

import numpy as np
import pytest

pytest.importorskip("google.protobuf")
pytest.importorskip("crc32c")

import torchkeras as tf  # noqa: E402
from torchkeras import keras  # noqa: E402


class Holder(tf.Module):
    """A module rebuilt by calling its class with no arguments."""

    def __init__(self):
        super().__init__()
        self.w = tf.Variable(np.zeros((2, 2), "float32"))


def test_keras_model_round_trip(tmp_path):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="d")])
    tf.saved_model.save(model, str(tmp_path))
    assert not os.path.exists(tmp_path / "saved_model.pb")
    assert os.path.exists(tmp_path / "variables" / "variables.index")
    loaded = tf.saved_model.load(str(tmp_path))
    assert isinstance(loaded, keras.Sequential)
    x = np.ones((1, 3), "float32")
    np.testing.assert_array_equal(loaded(x).numpy(), model(x).numpy())


def test_module_needs_trust(tmp_path):
    module = Holder()
    module.w.assign([[1.0, 2.0], [3.0, 4.0]])
    tf.saved_model.save(module, str(tmp_path))
    with pytest.raises(ValueError, match="safe_mode=False"):
        tf.saved_model.load(str(tmp_path))
    loaded = tf.saved_model.load(str(tmp_path), safe_mode=False)
    assert type(loaded) is Holder
    np.testing.assert_array_equal(loaded.w.numpy(), [[1.0, 2.0], [3.0, 4.0]])
    into = tf.saved_model.load(str(tmp_path), into=Holder())
    np.testing.assert_array_equal(into.w.numpy(), [[1.0, 2.0], [3.0, 4.0]])


def test_missing_directory(tmp_path):
    with pytest.raises(OSError, match="SavedModel file does not exist"):
        tf.saved_model.load(str(tmp_path / "none"))


def test_tensorflow_saved_model_variables(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    import keras as keras_real

    ref = keras_real.Sequential([keras_real.Input((3,)), keras_real.layers.Dense(2)])
    tf_real.saved_model.save(ref, str(tmp_path / "tf"))
    with pytest.raises(ValueError, match="is a TensorFlow SavedModel"):
        tf.saved_model.load(str(tmp_path / "tf"))
    mine = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    assert tf.saved_model.load(str(tmp_path / "tf"), into=mine) is mine
    for a, b in zip(ref.get_weights(), mine.get_weights()):
        np.testing.assert_array_equal(a, b)
    # and TF reads the variables torchkeras' save wrote
    tf.saved_model.save(mine, str(tmp_path / "tk"))
    other = keras_real.Sequential([keras_real.Input((3,)), keras_real.layers.Dense(2)])
    tf_real.train.Checkpoint(other).read(str(tmp_path / "tk" / "variables" / "variables"))
    for a, b in zip(other.get_weights(), mine.get_weights()):
        np.testing.assert_array_equal(a, b)
