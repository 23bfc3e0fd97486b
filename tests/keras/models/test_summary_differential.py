"""``model.summary()`` text against real Keras, for the three kinds of model."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402


def _text(model, **kwargs):
    lines = []
    model.summary(print_fn=lines.append, **kwargs)
    return "\n".join(lines).rstrip("\n")


def _sequential(k):
    return k.Sequential(
        [
            k.Input(shape=(784,)),
            k.layers.Dense(64, activation="relu"),
            k.layers.BatchNormalization(),
            k.layers.Dropout(0.5),
            k.layers.Dense(10),
        ],
        name="mine",
    )


def _functional(k):
    a = k.Input(shape=(32,), name="a")
    b = k.Input(shape=(16,), name="b")
    x = k.layers.Concatenate(name="concatenate")([k.layers.Dense(8, name="dense_a")(a), b])
    return k.Model(
        [a, b], [k.layers.Dense(1, name="o1")(x), k.layers.Dense(3, name="o2")(x)], name="two_heads"
    )


def _residual(k):
    inputs = k.Input(shape=(8,), name="x")
    h = k.layers.Dense(8, activation="relu", name="hidden")(inputs)
    out = k.layers.Add(name="residual")([h, inputs])
    return k.Model(inputs, k.layers.Dense(2, name="head")(out), name="residual_net")


def _subclassed(k, call_it):
    class Tower(k.Model):
        def __init__(self):
            super().__init__(name="tower")
            self.d1 = k.layers.Dense(4, name="d1")
            self.d2 = k.layers.Dense(2, name="d2")

        def call(self, x):
            return self.d2(self.d1(x))

    model = Tower()
    if call_it:
        model(np.ones((2, 3), "float32"))
    return model


@pytest.fixture(autouse=True)
def _terminal_width_and_fresh_names(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    keras.backend.clear_session()
    real_keras.backend.clear_session()


@pytest.mark.parametrize(
    "build",
    [
        _sequential,
        _functional,
        _residual,
        lambda k: _subclassed(k, False),
        lambda k: _subclassed(k, True),
    ],
    ids=["sequential", "functional", "residual", "subclassed-unbuilt", "subclassed-built"],
)
def test_summary_text_matches_keras(build):
    assert _text(build(keras)) == _text(build(real_keras))


def test_summary_with_trainable_column_matches_keras():
    ours, theirs = _sequential(keras), _sequential(real_keras)
    ours.layers[0].trainable = False
    theirs.layers[0].trainable = False
    assert _text(ours, show_trainable=True) == _text(theirs, show_trainable=True)
