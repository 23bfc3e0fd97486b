"""Loss and metric names of multi-output models in History and ``metrics_names``, as Keras 3."""

import numpy as np
import pytest

import torchkeras


def _functional(keras, named, as_dict=False):
    keras.backend.clear_session()
    inputs = keras.Input((3,), name="inp")
    a = keras.layers.Dense(1, name="out_a" if named else None)(inputs)
    b = keras.layers.Dense(2, name="out_b" if named else None)(inputs)
    return keras.Model(inputs, {"out_a": a, "out_b": b} if as_dict else [a, b])


def _subclassed(keras, as_dict=False):
    class TwoHeads(keras.Model):
        def __init__(self):
            super().__init__()
            self.a, self.b = keras.layers.Dense(1), keras.layers.Dense(2)

        def call(self, x):
            if as_dict:
                return {"first": self.a(x), "second": self.b(x)}
            return [self.a(x), self.b(x)]

    return TwoHeads()


def _names(keras):
    rng = np.random.RandomState(0)
    x = rng.rand(16, 3).astype("float32")
    y1, y2 = rng.rand(16, 1).astype("float32"), rng.rand(16, 2).astype("float32")
    cases = [
        (lambda: _functional(keras, False), dict(loss="mse", metrics=["mae", "mse"]), [y1, y2]),
        (lambda: _functional(keras, True), dict(loss=["mse", "mae"], metrics=["mae"]), [y1, y2]),
        (
            lambda: _functional(keras, True),
            dict(loss=["mse", "mae"], loss_weights=[1.0, 0.5], metrics=[["mae"], ["mse", "mae"]]),
            [y1, y2],
        ),
        (
            lambda: _functional(keras, True, True),
            dict(loss={"out_a": "mse", "out_b": "mae"}, metrics={"out_a": "mae", "out_b": ["mse"]}),
            {"out_a": y1, "out_b": y2},
        ),
        (lambda: _subclassed(keras), dict(loss="mse"), [y1, y2]),
        (
            lambda: _subclassed(keras),
            dict(loss=["mse", "mae"], metrics=[["mae"], ["mse"]]),
            [y1, y2],
        ),
        (
            lambda: _subclassed(keras, True),
            dict(loss={"first": "mse", "second": "mae"}, metrics={"first": ["mae"]}),
            {"first": y1, "second": y2},
        ),
        (lambda: _subclassed(keras), dict(loss="mse", loss_weights=[0.3, 2.0]), [y1, y2]),
    ]
    found = []
    for build, compile_args, y in cases:
        model = build()
        model.compile(optimizer="sgd", **compile_args)
        try:
            history = model.fit(x, y, epochs=1, verbose=0, validation_data=(x, y))
        except ValueError as error:
            found.append(("ValueError", str(error).split("\n")[0]))
            continue
        evaluated = model.evaluate(x, y, verbose=0, return_dict=True)
        found.append((list(history.history), model.metrics_names, list(evaluated)))
    return found


EXPECTED = [  # real Keras 3.15's names
    (
        [
            "dense_loss",
            "dense_mae",
            "dense_1_loss",
            "dense_1_mse",
            "loss",
            "val_dense_loss",
            "val_dense_mae",
            "val_dense_1_loss",
            "val_dense_1_mse",
            "val_loss",
        ],
        ["loss", "compile_metrics", "dense_loss", "dense_1_loss"],
        ["dense_loss", "dense_mae", "dense_1_loss", "dense_1_mse", "loss"],
    ),
    ("ValueError", "tuple arity mismatch; expected: 2, got: 1; tuple: ('mae',)."),
    (
        [
            "loss",
            "out_a_loss",
            "out_a_mae",
            "out_b_loss",
            "out_b_mae",
            "out_b_mse",
            "val_loss",
            "val_out_a_loss",
            "val_out_a_mae",
            "val_out_b_loss",
            "val_out_b_mae",
            "val_out_b_mse",
        ],
        ["loss", "compile_metrics", "out_a_loss", "out_b_loss"],
        ["loss", "out_a_loss", "out_a_mae", "out_b_loss", "out_b_mae", "out_b_mse"],
    ),
    (
        [
            "loss",
            "out_a_loss",
            "out_a_mae",
            "out_b_loss",
            "out_b_mse",
            "val_loss",
            "val_out_a_loss",
            "val_out_a_mae",
            "val_out_b_loss",
            "val_out_b_mse",
        ],
        ["loss", "compile_metrics", "out_a_loss", "out_b_loss"],
        ["loss", "out_a_loss", "out_a_mae", "out_b_loss", "out_b_mse"],
    ),
    (
        ["loss", "mse_loss", "val_loss", "val_mse_loss"],
        ["loss", "mse_loss", "mse_loss"],
        ["loss", "mse_loss"],
    ),
    (
        [
            "loss",
            "mae",
            "mae_loss",
            "mse",
            "mse_loss",
            "val_loss",
            "val_mae",
            "val_mae_loss",
            "val_mse",
            "val_mse_loss",
        ],
        ["loss", "compile_metrics", "mse_loss", "mae_loss"],
        ["loss", "mae", "mae_loss", "mse", "mse_loss"],
    ),
    (
        [
            "first_loss",
            "first_mae",
            "loss",
            "second_loss",
            "val_first_loss",
            "val_first_mae",
            "val_loss",
            "val_second_loss",
        ],
        ["loss", "compile_metrics", "first_loss", "second_loss"],
        ["first_loss", "first_mae", "loss", "second_loss"],
    ),
    ("ValueError", "`loss_weights` must match the number of losses, got 1 losses and 2 weights."),
]


def _sorted(found):
    """History key order aside (compared sorted), the names as found."""
    return [
        (sorted(item[0]), item[1], sorted(item[2])) if item[0] != "ValueError" else item
        for item in found
    ]


def test_output_names():
    assert _sorted(_names(torchkeras.keras)) == _sorted(EXPECTED)


def test_output_names_match_keras():
    pytest.importorskip("tensorflow")
    import keras

    assert _sorted(_names(torchkeras.keras)) == _sorted(_names(keras))
