"""``model.export``'s formats: what exists, Keras' errors for the rest, and the missing extra."""

import sys

import numpy as np
import pytest

from torchkeras import keras
from tests.keras.export import export_models

SUPPORTED = "Supported formats are: ['onnx', 'torch']."


def test_unknown_format_is_keras_value_error(tmp_path):
    model = export_models.build(keras, "mlp")
    with pytest.raises(ValueError) as info:
        model.export(tmp_path / "m", format="savedmodel")
    assert str(info.value) == "Unrecognized format=savedmodel. " + SUPPORTED


@pytest.mark.parametrize(
    "format_, why",
    [
        (
            "tf_saved_model",
            "a TensorFlow SavedModel needs TensorFlow, which torchkeras does not use",
        ),
        ("openvino", "OpenVINO export is not available in torchkeras"),
        ("litert", "LiteRT (TFLite) export is not available in torchkeras"),
    ],
)
def test_keras_formats_without_tensorflow_name_the_formats_that_exist(tmp_path, format_, why):
    model = export_models.build(keras, "mlp")
    with pytest.raises(ValueError) as info:
        model.export(tmp_path / "m", format=format_)
    assert str(info.value) == (
        "Unsupported format=%s: %s. %s Use format='onnx' to serve with ONNX Runtime, or "
        "format='torch' for a torch.export program." % (format_, why, SUPPORTED)
    )
    assert not (tmp_path / "m").exists()


def test_default_format_is_keras_tf_saved_model(tmp_path):
    model = export_models.build(keras, "mlp")
    with pytest.raises(ValueError, match=r"^Unsupported format=tf_saved_model: "):
        model.export(tmp_path / "m")


def test_unbuilt_models_are_refused(tmp_path):
    model = keras.Sequential([keras.layers.Dense(2)])
    message = r"^The model provided has not yet been built\. It must be built before export\.$"
    with pytest.raises(ValueError, match=message):
        model.export(tmp_path / "m.pt2", format="torch")

    class Never(keras.Model):
        def call(self, x):
            return x

    with pytest.raises(ValueError, match=message):
        Never().export(tmp_path / "m.pt2", format="torch")


def test_missing_onnx_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxscript", None)
    model = export_models.build(keras, "mlp")
    with pytest.raises(ImportError) as info:
        model.export(tmp_path / "m.onnx", format="onnx")
    assert str(info.value) == (
        "ONNX export requires the `onnx` and `onnxscript` packages. Install them with "
        "`pip install torchkeras-tf[onnx]` (or `pip install onnx onnxscript`)."
    )
    assert not (tmp_path / "m.onnx").exists()


def test_export_returns_none_and_leaves_the_model_usable(tmp_path):
    model = export_models.build(keras, "mlp")
    x = export_models.inputs("mlp", 3)[0]
    before = model.predict(x, verbose=0)
    assert model.export(tmp_path / "m.pt2", format="torch", verbose=False) is None
    np.testing.assert_array_equal(model.predict(x, verbose=0), before)
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, np.zeros((3, 4), "float32"), verbose=0)
    assert not np.array_equal(model.predict(x, verbose=0), before)
