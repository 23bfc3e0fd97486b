"""``model.export(format="onnx")``: ONNX Runtime gives ``predict``'s outputs for the book's model
kinds, at any batch size; ``input_signature``, input names and the printed messages."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras
from tests.keras.export import export_models

pytest.importorskip("onnx")
pytest.importorskip("onnxscript")
ort = pytest.importorskip("onnxruntime")


def _session(path):
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module", params=sorted(export_models.BUILDERS))
def exported(request, tmp_path_factory):
    kind = request.param
    model = export_models.build(keras, kind)
    path = tmp_path_factory.mktemp("onnx") / ("%s.onnx" % kind)
    model.export(path, format="onnx", verbose=False)
    return kind, model, _session(path)


@pytest.mark.parametrize("batch", [1, 7])
def test_onnxruntime_matches_predict_at_any_batch_size(exported, batch):
    kind, model, session = exported
    arrays = export_models.inputs(kind, batch, seed=batch)
    expected = model.predict(export_models.model_input(kind, arrays), verbose=0)
    feed = {spec.name: array for spec, array in zip(session.get_inputs(), arrays)}
    (got,) = session.run(None, feed)
    assert got.shape == expected.shape and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_inputs_keep_their_names_and_a_dynamic_batch(exported):
    kind, model, session = exported
    specs = session.get_inputs()
    if kind == "functional":
        assert [s.name for s in specs] == ["title", "tags"]
    elif kind == "subclassed":
        assert [s.name for s in specs] == ["input_0"]
    else:
        assert [s.name for s in specs] == [model.inputs[0].name]
    for spec, shape in zip(specs, export_models.INPUT_SHAPES[kind]):
        assert spec.shape == ["batch", *shape] and spec.type == "tensor(float)"


def test_input_signature_is_honoured(tmp_path):
    model = export_models.build(keras, "mlp")
    path = tmp_path / "fixed.onnx"
    model.export(
        path,
        format="onnx",
        verbose=False,
        input_signature=[tf.TensorSpec((3, 12), tf.float32, name="pixels")],
    )
    session = _session(path)
    (spec,) = session.get_inputs()
    assert (spec.name, spec.shape) == ("pixels", [3, 12])
    x = export_models.inputs("mlp", 3)[0]
    np.testing.assert_allclose(
        session.run(None, {"pixels": x})[0], model.predict(x, verbose=0), rtol=1e-5, atol=1e-5
    )
    with pytest.raises(Exception, match="dimension|Got invalid dimensions"):
        session.run(None, {"pixels": export_models.inputs("mlp", 4)[0]})


def test_input_signature_of_keras_input_specs_for_several_inputs(tmp_path):
    model = export_models.build(keras, "functional")
    path = tmp_path / "specs.onnx"
    signature = [
        [
            keras.InputSpec(shape=(None, 6), dtype="float32", name="t"),
            keras.InputSpec(shape=(None, 4), dtype="float32", name="g"),
        ]
    ]
    model.export(path, format="onnx", verbose=False, input_signature=signature)
    session = _session(path)
    assert [(s.name, s.shape) for s in session.get_inputs()] == [
        ("t", ["batch", 6]),
        ("g", ["batch", 4]),
    ]
    arrays = export_models.inputs("functional", 5)
    np.testing.assert_allclose(
        session.run(None, {"t": arrays[0], "g": arrays[1]})[0],
        model.predict(arrays, verbose=0),
        rtol=1e-5,
        atol=1e-5,
    )


def test_verbose_prints_keras_message(tmp_path, capsys):
    model = export_models.build(keras, "mlp")
    path = tmp_path / "m.onnx"
    model.export(path, format="onnx")
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Saved artifact at '%s'." % path
    assert any(line.startswith("[torch.onnx]") for line in lines)
    model.export(path, format="onnx", verbose=False)
    assert capsys.readouterr().out == ""


# torch's TorchScript exporter warns about LSTM batch sizes for every model it exports.
@pytest.mark.filterwarnings("ignore:Exporting a model to ONNX with a batch_size other than 1")
def test_torchscript_exporter_is_the_fallback(tmp_path, monkeypatch):
    import torch

    real_export = torch.onnx.export
    calls = []

    def dynamo_fails(*args, dynamo=True, **kwargs):
        calls.append(dynamo)
        if dynamo:
            raise RuntimeError("dynamo cannot capture this")
        return real_export(*args, dynamo=dynamo, **kwargs)

    monkeypatch.setattr(torch.onnx, "export", dynamo_fails)
    model = export_models.build(keras, "lstm")
    path = tmp_path / "ts.onnx"
    model.export(path, format="onnx", verbose=False)
    assert calls == [True, False]
    session = _session(path)
    (spec,) = session.get_inputs()
    assert spec.shape == ["batch", 7, 3]
    x = export_models.inputs("lstm", 6)[0]
    np.testing.assert_allclose(
        session.run(None, {spec.name: x})[0], model.predict(x, verbose=0), rtol=1e-5, atol=1e-5
    )
