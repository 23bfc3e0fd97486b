"""Ops on KerasTensors are Keras' op classes (``Add``, ``Mean`` ...), serialized as Keras does."""

import ast
import inspect
import json
import pathlib
import warnings

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras.ops import op_classes
from torchkeras.keras.ops.op_specs import ALIASES, OP_SPECS

RNG = np.random.RandomState(0)
X = RNG.randn(5, 3, 4).astype("float32")


def build(k):
    """A functional model of operators and ``keras.ops`` calls (no Lambda layers)."""
    ops = k.ops
    x = k.Input((3, 4), name="x")
    t = ops.transpose(x, (0, 2, 1))
    a = (x + 1.0) * 2 - x / 3.0
    b = ops.mean(-a, axis=1, keepdims=True)
    c = ops.concatenate([a, b], axis=1)[:, 1:3, ...]
    d = ops.einsum("bij,bjk->bik", x, t)
    e = ops.where(x > 0, x, 0.0) @ ops.ones((4, 2))
    f = ops.sum(ops.nn.relu(ops.reshape(x, (-1, 12))), axis=-1)
    g = ops.stack([ops.squeeze(x[:, :1], 1), ops.cast(abs(x[:, 0]), "float32")], axis=1)
    return k.Model(x, [c, d, e, f, g, round(x)])


def _normalized(config):
    """The functional config with operation names replaced by positions (counters differ)."""
    layers = config["config"]["layers"]
    index = {layer["name"]: i for i, layer in enumerate(layers)}

    def fix(value):
        if isinstance(value, dict):
            if value.get("class_name") == "__keras_tensor__":
                history = value["config"]["keras_history"]
                return {
                    "shape": value["config"]["shape"],
                    "dtype": value["config"]["dtype"],
                    "history": [index[history[0]]] + history[1:],
                }
            return {key: fix(item) for key, item in value.items() if key != "name"}
        if isinstance(value, list):
            return [fix(item) for item in value]
        return value

    return [
        fix(
            {
                key: layer[key]
                for key in ("module", "class_name", "config", "registered_name", "inbound_nodes")
            }
        )
        for layer in layers[1:]
    ]


def test_operators_and_ops_are_op_nodes():
    model = build(keras)
    kinds = [type(op).__name__ for op in model.operations]
    assert "Lambda" not in kinds
    assert {
        "Add",
        "Multiply",
        "Subtract",
        "TrueDivide",
        "Negative",
        "Mean",
        "Concatenate",
        "GetItem",
        "Einsum",
        "Greater",
        "Where",
        "Matmul",
        "Relu",
        "Reshape",
        "Sum",
        "Squeeze",
        "Absolute",
        "Cast",
        "Stack",
        "Round",
        "Transpose",
    } <= set(kinds)
    assert [type(layer).__name__ for layer in model.layers] == ["InputLayer"]
    assert isinstance(model.operations[-1], keras.Operation)
    assert not isinstance(model.operations[-1], keras.Layer)


def test_save_and_load_in_safe_mode(tmp_path):
    pytest.importorskip("h5py")
    model = build(keras)
    path = tmp_path / "ops.keras"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "lambda is unsafe" warning
        model.save(path)
    loaded = keras.models.load_model(path)
    kinds = [type(op).__name__ for op in model.operations]
    assert [type(op).__name__ for op in loaded.operations] == kinds
    for a, b in zip(loaded(X), model(X)):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-6)
    clone = keras.models.model_from_json(model.to_json())
    for a, b in zip(clone(X), model(X)):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-6)


def test_config_and_summary_match_keras():
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    real_keras.backend.clear_session()
    keras.backend.clear_session()
    theirs, mine = build(real_keras), build(keras)
    assert _normalized(json.loads(mine.to_json())) == _normalized(json.loads(theirs.to_json()))
    lines = []
    mine.summary(print_fn=lines.append)
    expected = []
    theirs.summary(print_fn=expected.append)
    assert "".join(lines).strip() == "".join(expected).strip()


def test_keras_files_move_both_ways(tmp_path):
    pytest.importorskip("tensorflow")
    pytest.importorskip("h5py")
    real_keras = pytest.importorskip("keras")
    theirs = build(real_keras)
    theirs.save(tmp_path / "k.keras")
    mine = keras.models.load_model(tmp_path / "k.keras")
    for a, b in zip(mine(X), theirs(X)):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-5, atol=1e-5)
    build(keras).save(tmp_path / "t.keras")
    back = real_keras.models.load_model(tmp_path / "t.keras")
    for a, b in zip(back(X), mine(X)):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), rtol=1e-5, atol=1e-5)


def test_op_config_round_trip():
    mean = op_classes.operation_class("Mean")(axis=1, keepdims=True, name="m")
    assert mean.get_config() == {"name": "m", "axis": 1, "keepdims": True}
    clone = type(mean).from_config(mean.get_config())
    x = np.arange(6.0, dtype="float32").reshape(2, 3)
    np.testing.assert_allclose(np.asarray(clone(x)), [[1.0], [4.0]])
    with pytest.raises(TypeError, match="unexpected keyword argument 'axes'"):
        op_classes.operation_class("Mean")(axes=1)


def test_every_spec_matches_its_function():
    from torchkeras.keras import ops

    holders = [ops, ops.numpy, ops.nn, ops.linalg, ops.image]
    functions = {name: getattr(h, name) for h in holders for name in h.__all__}
    for name, (_, _, init_names, call_names) in OP_SPECS.items():
        if name == "get_item":
            continue
        parameters = inspect.signature(inspect.unwrap(functions[name])).parameters
        accepts_kwargs = any(p.kind is p.VAR_KEYWORD for p in parameters.values())
        for argument in init_names + call_names:
            assert argument.lstrip("*") in parameters or accepts_kwargs, (name, argument)
    for alias, canonical in ALIASES.items():
        assert op_classes._BY_FUNCTION[alias] is op_classes._BY_FUNCTION[canonical]


def test_custom_operation_subclass():
    class Twice(keras.Operation):
        def call(self, x):
            return x * 2.0

    x = keras.Input((2,))
    out = Twice(name="twice")(x)
    assert out.shape == (None, 2)
    model = keras.Model(x, out)
    np.testing.assert_allclose(np.asarray(model(np.ones((1, 2), "float32"))), [[2.0, 2.0]])
    with pytest.raises(ValueError, match="cannot contain character `/`"):
        Twice(name="a/b")


def test_keras_tensor_module_does_not_reach_into_layers():
    source = pathlib.Path(keras.KerasTensor.__module__.replace(".", "/") + ".py")
    tree = ast.parse((pathlib.Path(__file__).parents[3] / source).read_text())
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert imported and not any("layers" in module for module in imported)
