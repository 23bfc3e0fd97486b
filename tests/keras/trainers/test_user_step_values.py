"""What Keras hands a user's ``train_step``: Tensors from ``compiled_loss`` & co, the batch
itself."""

import json

import numpy as np
import pytest

import torchkeras


def _custom_fit(tf, keras):
    """The book's custom ``fit`` (chapter 7): ``compiled_loss`` inside ``train_step``; returns
    which values user code saw were tensors, and the History keys."""
    seen = {}

    class CustomModel(keras.Model):
        def train_step(self, data):
            x, y = data
            with tf.GradientTape() as tape:
                y_pred = self(x, training=True)
                loss = self.compiled_loss(y, y_pred)
                seen["compiled_loss"] = tf.is_tensor(loss)
                seen["compute_loss"] = tf.is_tensor(self.compute_loss(x, y, y_pred))
            grads = tape.gradient(loss, self.trainable_weights)
            seen["grads"] = all(tf.is_tensor(g) for g in grads)
            self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
            self.compiled_metrics.update_state(y, y_pred)
            seen["get_metrics_result"] = sorted(
                (k, bool(tf.is_tensor(v))) for k, v in self.get_metrics_result().items()
            )
            seen["results"] = sorted(
                (m.name, bool(tf.is_tensor(m.result())))
                for m in self.metrics
                if not isinstance(m.result(), dict)
            )
            return {m.name: m.result() for m in self.metrics}

    inputs = keras.Input((3,))
    model = CustomModel(inputs, keras.layers.Dense(1)(inputs))
    model.set_weights([np.array([[0.5], [-0.25], [1.0]], "float32"), np.array([0.1], "float32")])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
    rng = np.random.RandomState(0)
    history = model.fit(rng.rand(8, 3), rng.rand(8, 1), epochs=2, verbose=0, shuffle=False)
    seen["history"] = sorted(history.history)
    return seen, history.history


EXPECTED_CUSTOM_FIT = {  # real Keras 3.15's answers
    "compiled_loss": True,
    "compute_loss": True,
    "grads": True,
    "get_metrics_result": [("loss", True), ("mae", True)],
    "results": [("loss", True)],
    "history": ["loss", "mae"],
}


def _x_only_fit(tf, keras):
    """A VAE-style ``train_step(self, data)`` with ``fit(x)``: what ``data`` is."""
    seen = []

    class Autoencoder(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(3)

        def call(self, x):
            return self.dense(x)

        def train_step(self, data):
            seen.append(
                (type(data).__name__ == "tuple", tuple(data.shape) if tf.is_tensor(data) else None)
            )
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean((self(data) - data) ** 2)
            grads = tape.gradient(loss, self.trainable_weights)
            self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
            return {"loss": loss}

    model = Autoencoder()
    model.compile(optimizer="adam", run_eagerly=True)
    x = np.random.RandomState(0).rand(8, 3).astype("float32")
    model.fit(x, epochs=1, verbose=0, batch_size=4)
    model.fit(tf.data.Dataset.from_tensor_slices(x).batch(4), epochs=1, verbose=0, shuffle=False)
    return seen


EXPECTED_X_ONLY = [(False, (4, 3))] * 4


# Keras 3's deprecated ``compiled_metrics`` shim feeds ``y_pred`` to every ``Mean`` metric, the
# loss tracker included: "loss" is then the running mean of the predictions (real Keras' values).
EXPECTED_HISTORY = {"loss": [0.8753393, 0.8663857], "mae": [0.5526930, 0.5479047]}


def test_custom_fit_sees_tensors():
    with pytest.warns(UserWarning, match="compiled_(loss|metrics)"):
        seen, history = _custom_fit(torchkeras, torchkeras.keras)
    assert seen == EXPECTED_CUSTOM_FIT
    for key, values in EXPECTED_HISTORY.items():
        np.testing.assert_allclose(history[key], values, rtol=1e-5)


def test_train_step_gets_the_batch_itself():
    assert _x_only_fit(torchkeras, torchkeras.keras) == EXPECTED_X_ONLY


def test_predict_step_gets_the_batch_itself():
    seen = []
    keras = torchkeras.keras

    class M(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(2)

        def call(self, x):
            return self.dense(x)

        def predict_step(self, data):
            seen.append(torchkeras.is_tensor(data))
            return self(data)

    out = M().predict(np.ones((5, 3), "float32"), batch_size=2, verbose=0)
    assert out.shape == (5, 2) and seen == [True] * 3


def test_compile_config_of_loss_functions():
    keras = torchkeras.keras
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    assert model.get_compile_config() == {}
    model.compile(
        optimizer="sgd",
        loss=torchkeras.keras.losses.MSE,
        metrics=[keras.metrics.mean_absolute_error, "mse"],
    )
    config = model.get_compile_config()
    function = {"module": "builtins", "class_name": "function", "registered_name": "function"}
    assert config["loss"] == dict(function, config="mean_squared_error")
    assert config["metrics"] == [dict(function, config="mean_absolute_error"), "mse"]
    clone = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    clone.compile_from_config(config)
    assert clone.loss is torchkeras.keras.losses.mean_squared_error


def _compile_config_json(keras, loss, metrics):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss=loss, metrics=metrics)
    return json.dumps(model.get_compile_config())


def test_compile_config_matches_keras_bytes():
    pytest.importorskip("tensorflow")
    import keras as theirs

    ours = torchkeras.keras
    cases = [
        (lambda k: k.losses.mean_squared_error, lambda k: ["mae"]),
        (lambda k: k.losses.binary_crossentropy, lambda k: [k.metrics.mean_absolute_error]),
        (lambda k: k.losses.Huber(), lambda k: [k.metrics.MeanAbsoluteError()]),
        (lambda k: "mse", lambda k: None),
    ]
    for loss, metrics in cases:
        mine = _compile_config_json(ours, loss(ours), metrics(ours))
        real = _compile_config_json(theirs, loss(theirs), metrics(theirs))
        # optimizer names count up per process (sgd, sgd_1...): compare without them
        mine_d, real_d = json.loads(mine), json.loads(real)
        mine_d["optimizer"]["config"].pop("name")
        real_d["optimizer"]["config"].pop("name")
        assert json.dumps(mine_d) == json.dumps(real_d)


def test_custom_fit_matches_keras():
    tf_real = pytest.importorskip("tensorflow")
    import keras as theirs

    with pytest.warns(UserWarning, match="compiled_(loss|metrics)"):
        seen, history = _custom_fit(tf_real, theirs)
    with pytest.warns(UserWarning, match="compiled_(loss|metrics)"):
        _, mine = _custom_fit(torchkeras, torchkeras.keras)
    assert seen == EXPECTED_CUSTOM_FIT
    for key, values in history.items():
        np.testing.assert_allclose(mine[key], values, rtol=1e-5)


def test_x_only_fit_matches_keras():
    tf_real = pytest.importorskip("tensorflow")
    import keras as theirs

    assert _x_only_fit(tf_real, theirs) == EXPECTED_X_ONLY
