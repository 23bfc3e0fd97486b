"""``summary()`` text (Keras 3's table, recorded from real Keras 3.15 at 80 columns)."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers

SEQUENTIAL = """Model: "seq"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ first (Dense)                   │ (None, 64)             │        50,240 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ batch_normalization             │ (None, 64)             │           256 │
│ (BatchNormalization)            │                        │               │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ last (Dense)                    │ (None, 10)             │           650 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 51,146 (199.79 KB)
 Trainable params: 51,018 (199.29 KB)
 Non-trainable params: 128 (512.00 B)
"""

FUNCTIONAL = """Model: "two_heads"
┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃
┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ a (InputLayer)      │ (None, 32)        │          0 │ -                 │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dense_a (Dense)     │ (None, 8)         │        264 │ a[0][0]           │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ b (InputLayer)      │ (None, 16)        │          0 │ -                 │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ concatenate         │ (None, 24)        │          0 │ dense_a[0][0],    │
│ (Concatenate)       │                   │            │ b[0][0]           │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ o1 (Dense)          │ (None, 1)         │         25 │ concatenate[0][0] │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ o2 (Dense)          │ (None, 3)         │         75 │ concatenate[0][0] │
└─────────────────────┴───────────────────┴────────────┴───────────────────┘
 Total params: 364 (1.42 KB)
 Trainable params: 364 (1.42 KB)
 Non-trainable params: 0 (0.00 B)
"""

SUBCLASSED_UNBUILT = """Model: "tower"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ d1 (Dense)                      │ ?                      │   0 (unbuilt) │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ d2 (Dense)                      │ ?                      │   0 (unbuilt) │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)
"""


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def test_sequential_summary(capsys):
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(64, activation="relu", name="first"),
            layers.BatchNormalization(name="batch_normalization"),
            layers.Dense(10, name="last"),
        ],
        name="seq",
    )
    model.summary()
    assert capsys.readouterr().out == SEQUENTIAL


def test_functional_summary(capsys):
    a = keras.Input(shape=(32,), name="a")
    b = keras.Input(shape=(16,), name="b")
    x = layers.Concatenate(name="concatenate")([layers.Dense(8, name="dense_a")(a), b])
    model = keras.Model(
        [a, b], [layers.Dense(1, name="o1")(x), layers.Dense(3, name="o2")(x)], name="two_heads"
    )
    model.summary()
    assert capsys.readouterr().out == FUNCTIONAL


def test_subclassed_summary_before_and_after_a_call():
    class Tower(keras.Model):
        def __init__(self):
            super().__init__(name="tower")
            self.d1 = layers.Dense(4, name="d1")
            self.d2 = layers.Dense(2, name="d2")

        def call(self, x):
            return self.d2(self.d1(x))

    model = Tower()
    lines = []
    model.summary(print_fn=lines.append)
    assert lines == [SUBCLASSED_UNBUILT]
    model(np.ones((2, 3)))
    model.summary(print_fn=lines.append)
    assert (
        "│ d1 (Dense)                      │ (2, 4)                 │            16 │" in lines[1]
    )
    assert " Total params: 26 (104.00 B)" in lines[1]
