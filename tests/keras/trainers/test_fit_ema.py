"""``fit`` ends with ``optimizer.finalize_variable_values(model.trainable_weights)``, as Keras':
with ``use_ema=True`` the model keeps the weights' moving averages (checked against real Keras)."""

import numpy as np
import pytest

from torchkeras import keras as ours

rng = np.random.RandomState(0)
X = rng.randn(64, 4).astype("float32")
Y = (X[:, :1] * 2 - X[:, 1:2]).astype("float32")


def _train(keras, optimizer_args, weights=None, epochs=2, jit_compile=False):
    model = keras.Sequential(
        [keras.Input(shape=(4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)]
    )
    if weights is not None:
        model.set_weights(weights)
    model.compile(
        optimizer=keras.optimizers.Adam(**optimizer_args), loss="mse", jit_compile=jit_compile
    )
    initial = [w.copy() for w in model.get_weights()]
    model.fit(X, Y, batch_size=16, epochs=epochs, shuffle=False, verbose=0)
    return model, initial


EMA = [
    dict(learning_rate=0.05, use_ema=True),
    dict(learning_rate=0.05, use_ema=True, ema_momentum=0.9),
    dict(learning_rate=0.05, use_ema=True, ema_momentum=0.8, ema_overwrite_frequency=3),
]


@pytest.mark.parametrize("args", EMA, ids=["default", "momentum", "overwrite"])
def test_fit_leaves_the_moving_averages_in_the_model(args):
    model, _ = _train(ours, args)
    averages = [v.numpy() for v in model.optimizer._model_variables_moving_average]
    for weight, average in zip(model.get_weights(), averages):
        np.testing.assert_array_equal(weight, average)
    plain, _ = _train(ours, dict(learning_rate=0.05), weights=_train(ours, args)[1])
    assert not np.allclose(plain.get_weights()[0], model.get_weights()[0], rtol=1e-3)


def test_no_ema_keeps_the_trained_weights():
    model, _ = _train(ours, dict(learning_rate=0.05))
    assert not hasattr(model.optimizer, "_model_variables_moving_average")


@pytest.mark.parametrize("args", EMA, ids=["default", "momentum", "overwrite"])
def test_fit_with_ema_matches_keras(args):
    pytest.importorskip("tensorflow")
    import keras as theirs

    model, initial = _train(ours, args)
    reference, _ = _train(theirs, args, weights=initial)
    plain, _ = _train(theirs, dict(learning_rate=0.05), weights=initial)
    for got, expected, trained in zip(
        model.get_weights(), reference.get_weights(), plain.get_weights()
    ):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
        assert not np.allclose(expected, trained, rtol=1e-3, atol=1e-4) or expected.size == 1


def test_compiled_fit_with_ema_matches_keras():
    pytest.importorskip("tensorflow")
    import keras as theirs

    args = EMA[2]
    model, initial = _train(ours, args, jit_compile=True)
    reference, _ = _train(theirs, args, weights=initial)
    for got, expected in zip(model.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
