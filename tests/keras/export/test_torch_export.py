"""``model.export(format="torch")``: a ``.pt2`` program that ``torch.export.load`` runs without
torchkeras, with ``predict``'s outputs at any batch size; Keras' argument checks and message."""

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch

from torchkeras import keras
from tests.keras.export import export_models

KINDS = sorted(export_models.BUILDERS)

# Loads each program with torchkeras made unimportable, runs it, and prints the outputs.
_STANDALONE = textwrap.dedent("""
    import json, sys
    sys.modules["torchkeras"] = None
    import numpy as np, torch
    results = {}
    for kind, path, inputs_path in json.loads(sys.argv[1]):
        arrays = np.load(inputs_path)
        program = torch.export.load(path).module()
        out = program(*[torch.from_numpy(arrays[k]) for k in sorted(arrays.files)])
        results[kind] = out.tolist()
    assert not any(name.startswith("torchkeras") for name in sys.modules if sys.modules[name])
    print(json.dumps(results))
""")


def test_programs_run_without_torchkeras(tmp_path):
    jobs, expected = [], {}
    for kind in KINDS:
        model = export_models.build(keras, kind)
        path = tmp_path / ("%s.pt2" % kind)
        model.export(path, format="torch", verbose=False)
        arrays = export_models.inputs(kind, 5)
        inputs_path = tmp_path / ("%s.npz" % kind)
        np.savez(inputs_path, **{"x%d" % i: a for i, a in enumerate(arrays)})
        expected[kind] = model.predict(export_models.model_input(kind, arrays), verbose=0)
        jobs.append((kind, str(path), str(inputs_path)))
    result = subprocess.run(
        [sys.executable, "-c", _STANDALONE, json.dumps(jobs)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout.splitlines()[-1])
    for kind in KINDS:
        np.testing.assert_allclose(
            np.array(got[kind], "float32"), expected[kind], rtol=1e-5, atol=1e-5, err_msg=kind
        )


@pytest.mark.parametrize("kind", ["convnet", "functional"])
def test_batch_dimension_is_dynamic(tmp_path, kind):
    model = export_models.build(keras, kind)
    path = tmp_path / "m.pt2"
    model.export(path, format="torch", verbose=False)
    program = torch.export.load(str(path)).module()
    for batch in (1, 9):
        arrays = export_models.inputs(kind, batch, seed=batch)
        out = program(*[torch.from_numpy(a) for a in arrays])
        expected = model.predict(export_models.model_input(kind, arrays), verbose=0)
        np.testing.assert_allclose(out.numpy(), expected, rtol=1e-5, atol=1e-5)


def test_weights_are_the_programs_parameters(tmp_path):
    model = export_models.build(keras, "subclassed")
    path = tmp_path / "m.pt2"
    model.export(path, format="torch", verbose=False)
    program = torch.export.load(str(path))
    assert sorted(program.state_dict) == [
        "model.hidden.bias",
        "model.hidden.kernel",
        "model.out.bias",
        "model.out.kernel",
    ]
    np.testing.assert_array_equal(
        program.state_dict["model.hidden.kernel"].detach().numpy(), model.hidden.kernel.numpy()
    )
    assert not program.constants
    # exporting left the model's own variables in place
    assert model.hidden.kernel._param is dict(model.named_parameters())["hidden.kernel"]


def test_input_signature_and_dynamic_shapes(tmp_path):
    model = export_models.build(keras, "mlp")
    path = tmp_path / "m.pt2"
    model.export(
        path,
        format="torch",
        verbose=False,
        input_signature=[keras.InputSpec(shape=(4, 12), dtype="float32")],
    )
    program = torch.export.load(str(path)).module()
    x = export_models.inputs("mlp", 4)[0]
    np.testing.assert_allclose(
        program(torch.from_numpy(x)).numpy(), model.predict(x, verbose=0), rtol=1e-5, atol=1e-5
    )
    with pytest.raises(Exception):
        program(torch.from_numpy(export_models.inputs("mlp", 5)[0]))
    batch = torch.export.Dim("batch", min=1, max=64)
    model.export(path, format="torch", verbose=False, dynamic_shapes={0: batch})
    program = torch.export.load(str(path)).module()
    x = export_models.inputs("mlp", 33)[0]
    np.testing.assert_allclose(
        program(torch.from_numpy(x)).numpy(), model.predict(x, verbose=0), rtol=1e-5, atol=1e-5
    )


def test_keras_checks_and_message(tmp_path, capsys):
    model = export_models.build(keras, "mlp")
    with pytest.raises(
        ValueError,
        match=r"^The PyTorch export requires the filepath to end with "
        r"'\.pt2'\. Got: .*m\.onnx$",
    ):
        model.export(tmp_path / "m.onnx", format="torch")
    with pytest.raises(
        ValueError,
        match=r'^Unsupported arguments for `format="torch"`: bogus\. '
        r"Supported arguments are: dynamic_shapes, .*strict\.$",
    ):
        model.export(tmp_path / "m.pt2", format="torch", bogus=1)
    model.export(tmp_path / "m.pt2", format="torch")
    saved = "Saved PyTorch ExportedProgram at '%s'.\n" % (tmp_path / "m.pt2")
    assert capsys.readouterr().out == saved
    model.export(tmp_path / "m.pt2", format="torch", verbose=False)
    assert capsys.readouterr().out == ""


def test_a_shared_layer_is_exported_once(tmp_path):
    shared = keras.layers.Dense(3, name="shared")
    a, b = keras.Input(shape=(4,), name="a"), keras.Input(shape=(4,), name="b")
    model = keras.Model([a, b], keras.layers.add([shared(a), shared(b)]))
    path = tmp_path / "m.pt2"
    model.export(path, format="torch", verbose=False)
    program = torch.export.load(str(path))
    assert sorted(program.state_dict) == ["model.shared.bias", "model.shared.kernel"]
    rng = np.random.RandomState(0)
    xa, xb = rng.normal(size=(3, 4)).astype("float32"), rng.normal(size=(3, 4)).astype("float32")
    out = program.module()(torch.from_numpy(xa), torch.from_numpy(xb))
    np.testing.assert_allclose(
        out.numpy(), model.predict([xa, xb], verbose=0), rtol=1e-5, atol=1e-6
    )
