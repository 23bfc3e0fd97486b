"""The trainer against real Keras 3: log names and order, History, evaluate's shape, printed
layout."""

import contextlib
import io
import re

import numpy as np
import pytest

from torchkeras import keras as ours

tf_real = pytest.importorskip("tensorflow")
import keras as theirs  # noqa: E402


def data(kind):
    rng = np.random.RandomState(0)
    x = rng.randn(96, 4).astype("float32")
    if kind == "binary":
        return x, (x[:, :1] > 0).astype("float32")
    if kind == "sparse":
        return x, rng.randint(0, 3, size=(96,))
    if kind == "categorical":
        return x, np.eye(3, dtype="float32")[rng.randint(0, 3, size=96)]
    return x, x[:, :1] * 2


def custom_mae(y_true, y_pred):
    return abs(y_true - y_pred)


CONFIGS = {
    "binary_acc": ("binary", 1, "sigmoid", dict(loss="binary_crossentropy", metrics=["acc"])),
    "binary_objects": (
        "binary",
        1,
        "sigmoid",
        dict(loss="bce", metrics=["binary_accuracy", "AUC"]),
    ),
    "sparse_accuracy": (
        "sparse",
        3,
        "softmax",
        dict(loss="sparse_categorical_crossentropy", metrics=["accuracy"]),
    ),
    "categorical": (
        "categorical",
        3,
        "softmax",
        dict(loss="categorical_crossentropy", metrics=["accuracy", "top_k_categorical_accuracy"]),
    ),
    "regression": ("regression", 1, None, dict(loss="mse", metrics=["mae", "mean_squared_error"])),
    "weighted": (
        "regression",
        1,
        None,
        dict(loss="mse", metrics=["mae"], weighted_metrics=["mae"]),
    ),
    "no_metrics": ("regression", 1, None, dict(loss="mean_absolute_error")),
}

NUMBER = re.compile(r"\d+(\.\d+)?(e[-+]\d+)?")
UNIT = re.compile(r"N(?:s|ms|us)/step")


def run(keras, name, verbose=2):
    kind, units, activation, compile_args = CONFIGS[name]
    x, y = data(kind)
    keras.backend.clear_session()  # metric names (auc, auc_1 ...) count per session, as in Keras
    keras.utils.set_random_seed(0)
    model = keras.Sequential(
        [keras.Input(shape=(4,)), keras.layers.Dense(units, activation=activation)]
    )
    args = dict(compile_args)
    if "metrics" in args:
        args["metrics"] = [m if m != "AUC" else keras.metrics.AUC() for m in args["metrics"]]
    model.compile(optimizer="adam", **args)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        history = model.fit(x, y, epochs=2, batch_size=32, validation_split=0.25, verbose=verbose)
        evaluated = model.evaluate(x, y, verbose=verbose)
        as_dict = model.evaluate(x, y, verbose=0, return_dict=True)
    return history, evaluated, as_dict, out.getvalue(), model


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_history_and_evaluate_match_keras(name):
    h1, e1, d1, _, m1 = run(ours, name, verbose=0)
    h2, e2, d2, _, m2 = run(theirs, name, verbose=0)
    assert list(h1.history) == list(h2.history)
    assert h1.params == h2.params and h1.epoch == h2.epoch
    assert type(e1) is type(e2)
    if isinstance(e1, list):
        assert len(e1) == len(e2)
    assert list(d1) == list(d2)
    assert m1.metrics_names == m2.metrics_names


@pytest.mark.parametrize("name", ["binary_acc", "regression", "no_metrics"])
def test_verbose_2_layout_matches_keras(name):
    mine = UNIT.sub("N?/step", NUMBER.sub("N", run(ours, name)[3]))
    real = UNIT.sub("N?/step", NUMBER.sub("N", run(theirs, name)[3]))
    assert mine == real


def test_verbose_1_layout_matches_keras():
    def final_lines(text):
        return [
            UNIT.sub("N?/step", NUMBER.sub("N", chunk.split("\r")[-1].rstrip(" \b")))
            for chunk in text.split("\n")
            if chunk
        ]

    mine, real = (
        final_lines(run(ours, "binary_acc", verbose=1)[3]),
        final_lines(run(theirs, "binary_acc", verbose=1)[3]),
    )
    assert mine == real


def test_predict_multi_output_structure_matches_keras():
    results = []
    for keras in (ours, theirs):
        inputs = keras.Input(shape=(4,))
        model = keras.Model(
            inputs, {"a": keras.layers.Dense(2)(inputs), "b": keras.layers.Dense(1)(inputs)}
        )
        out = model.predict(np.ones((5, 4), "float32"), verbose=0)
        results.append({k: (v.shape, v.dtype) for k, v in out.items()})
    assert results[0] == results[1]
