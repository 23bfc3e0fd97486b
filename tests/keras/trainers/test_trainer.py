"""compile / fit / evaluate / predict: behaviour that does not need TensorFlow."""

import io
import contextlib

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras


def data(n=256, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, 4).astype("float32")
    y = (x[:, :1] + x[:, 1:2] > 0).astype("float32")
    return x, y


def binary_model(metrics=("accuracy",)):
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(
        optimizer=keras.optimizers.RMSprop(0.05), loss="binary_crossentropy", metrics=list(metrics)
    )
    return model


def test_fit_learns_and_history_has_keras_keys():
    keras.utils.set_random_seed(1)
    x, y = data()
    history = binary_model().fit(x, y, epochs=6, batch_size=32, validation_split=0.25, verbose=0)
    assert list(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert history.params == {"verbose": 0, "epochs": 6, "steps": 6}
    assert history.history["accuracy"][-1] > 0.85
    assert history.history["loss"][-1] < history.history["loss"][0]


@pytest.mark.parametrize(
    "make_input",
    [
        lambda x, y: dict(x=tf.constant(x), y=tf.constant(y)),
        lambda x, y: dict(x=torch.from_numpy(x), y=torch.from_numpy(y)),
        lambda x, y: dict(x=tf.data.Dataset.from_tensor_slices((x, y)).batch(32), shuffle=False),
        lambda x, y: dict(
            x=torch.utils.data.DataLoader(
                torch.utils.data.TensorDataset(torch.from_numpy(x), torch.from_numpy(y)),
                batch_size=32,
            ),
            shuffle=False,
        ),
    ],
)
def test_fit_accepts_every_input_kind(make_input):
    x, y = data()
    history = binary_model().fit(**make_input(x, y), epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2 and history.params["steps"] == 8


@pytest.mark.parametrize(
    "make_x, what",
    [
        (
            lambda x, y: tf.data.Dataset.from_tensor_slices((x, y)).batch(32),
            "a tf.data.Dataset. The Dataset is expected to already be shuffled "
            "(via `.shuffle(buffer_size)`).",
        ),
        (
            lambda x, y: (pair for pair in [(x, y)] * 2),
            "a generator. The generator is expected to yield already-shuffled data.",
        ),
    ],
)
def test_fit_warns_that_shuffle_is_ignored_for_already_batched_data(make_x, what):
    x, y = data()
    with pytest.warns(UserWarning) as caught:
        binary_model().fit(make_x(x, y), epochs=1, verbose=0)
    prefix = "`shuffle=True` was passed, but will be ignored since the data `x` was provided as "
    assert [str(w.message) for w in caught] == [prefix + what]


def test_fit_with_generator_and_py_dataset():
    x, y = data()

    def generator():
        while True:
            for start in range(0, 256, 64):
                yield x[start : start + 64], y[start : start + 64]

    history = binary_model().fit(generator(), steps_per_epoch=4, epochs=2, verbose=0, shuffle=False)
    assert history.params["steps"] == 4 and len(history.epoch) == 2

    class Batches(keras.utils.PyDataset):
        def __init__(self):
            super().__init__()
            self.epochs_ended = 0

        def __len__(self):
            return 4

        def __getitem__(self, index):
            return x[index * 64 : (index + 1) * 64], y[index * 64 : (index + 1) * 64]

        def on_epoch_end(self):
            self.epochs_ended += 1

    batches = Batches()
    binary_model().fit(batches, epochs=3, verbose=0)
    assert batches.epochs_ended == 3


def test_multi_input_dict_and_multi_output_losses():
    x, y = data()
    inputs = {"a": keras.Input(shape=(2,), name="a"), "b": keras.Input(shape=(2,), name="b")}
    merged = keras.layers.Concatenate()([inputs["a"], inputs["b"]])
    out1 = keras.layers.Dense(1, activation="sigmoid", name="cls")(merged)
    out2 = keras.layers.Dense(1, name="reg")(merged)
    model = keras.Model(inputs, [out1, out2])
    model.compile(
        "rmsprop",
        loss=["binary_crossentropy", "mse"],
        loss_weights=[1.0, 0.5],
        metrics=[["accuracy"], ["mae"]],
    )
    history = model.fit(
        {"a": x[:, :2], "b": x[:, 2:]}, [y, x[:, :1]], epochs=2, batch_size=64, verbose=0
    )
    assert sorted(history.history) == ["cls_accuracy", "cls_loss", "loss", "reg_loss", "reg_mae"]
    predictions = model.predict({"a": x[:, :2], "b": x[:, 2:]}, verbose=0)
    assert isinstance(predictions, list) and [p.shape for p in predictions] == [(256, 1), (256, 1)]


def test_evaluate_and_predict_shapes_and_types():
    x, y = data()
    model = binary_model()
    result = model.evaluate(x, y, verbose=0)
    assert isinstance(result, list) and all(type(v) is float for v in result)
    assert sorted(model.evaluate(x, y, verbose=0, return_dict=True)) == ["accuracy", "loss"]
    predictions = model.predict(x, batch_size=100, verbose=0)
    assert predictions.shape == (256, 1) and predictions.dtype == np.float32
    assert isinstance(model(x[:3]), tf.Tensor)
    plain = keras.Sequential([keras.layers.Dense(1)])
    plain.compile("sgd", "mse")
    assert type(plain.evaluate(x, y, verbose=0)) is float


def test_on_batch_methods():
    x, y = data()
    model = binary_model()
    loss, accuracy = model.train_on_batch(x[:32], y[:32])
    assert type(loss) is float and 0 <= accuracy <= 1
    assert sorted(model.test_on_batch(x[:32], y[:32], return_dict=True)) == ["accuracy", "loss"]
    assert model.predict_on_batch(x[:5]).shape == (5, 1)


def test_custom_train_step_with_gradient_tape():
    loss_fn = keras.losses.MeanSquaredError()
    loss_tracker = keras.metrics.Mean(name="loss")

    class CustomModel(keras.Sequential):
        def train_step(self, data):
            inputs, targets = data
            with tf.GradientTape() as tape:
                predictions = self(inputs, training=True)
                loss = loss_fn(targets, predictions)
            gradients = tape.gradient(loss, self.trainable_weights)
            self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
            loss_tracker.update_state(loss)
            return {"loss": loss_tracker.result()}

        @property
        def metrics(self):
            return [loss_tracker]

    x, y = data()
    model = CustomModel([keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.RMSprop(0.01))
    history = model.fit(x, y, epochs=3, verbose=0)
    assert (
        list(history.history) == ["loss"]
        and history.history["loss"][-1] < history.history["loss"][0]
    )


def test_class_weight_and_sample_weight_change_the_loss():
    x, y = data()
    base = binary_model()
    weights = base.get_weights()
    plain = base.evaluate(x, y, verbose=0)[0]
    other = binary_model()
    other.set_weights(weights)
    weighted = other.evaluate(x, y, sample_weight=np.where(y[:, 0] > 0, 3.0, 1.0), verbose=0)[0]
    assert weighted != pytest.approx(plain)
    history = binary_model().fit(x, y, class_weight={0: 1.0, 1: 5.0}, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_progress_output_formats():
    x, y = data()
    model = binary_model()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        model.fit(x, y, epochs=2, batch_size=64, verbose=2)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
    assert (
        lines[1].startswith("4/4 - ")
        and " - accuracy: " in lines[1]
        and lines[1].index("accuracy") < lines[1].index("loss")
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        model.fit(x, y, epochs=1, batch_size=64, verbose=1)
    text = out.getvalue()
    assert "Epoch" not in text and "\r" in text and "━" in text and text.endswith("\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        model.fit(x, y, epochs=1, verbose=0)
        model.predict(x, verbose=0)
    assert out.getvalue() == ""


def test_bad_input_messages():
    x, y = data()
    model = keras.Sequential([keras.layers.Dense(1)])
    with pytest.raises(ValueError, match=r"You must call `compile\(\)` before using the model"):
        model.fit(x, y, verbose=0)
    with pytest.raises(ValueError, match="Could not interpret optimizer identifier: nope"):
        model.compile(optimizer="nope", loss="mse")
    with pytest.raises(ValueError, match="Could not interpret loss identifier: nope"):
        model.compile(optimizer="sgd", loss="nope")
    with pytest.raises(ValueError, match="Could not interpret metric identifier: nope"):
        model.compile(optimizer="sgd", loss="mse", metrics=["nope"])
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="Data cardinality is ambiguous"):
        model.fit(x, y[:10], verbose=0)
    with pytest.raises(ValueError, match="validation_split"):
        model.fit(
            tf.data.Dataset.from_tensor_slices((x, y)).batch(8), validation_split=0.2, verbose=0
        )
    with pytest.raises(ValueError, match="validation_split"):
        model.fit(x, y, validation_split=1.5, verbose=0)
    softmax = keras.Sequential([keras.layers.Dense(3, activation="softmax")])
    softmax.compile("sgd", "categorical_crossentropy")
    with pytest.raises(ValueError, match="same shape"):
        softmax.fit(x, np.zeros((256, 2)), verbose=0)


def test_nan_loss_keeps_training_unless_terminated():
    x, y = data()
    x[0, 0] = np.nan
    model = binary_model()
    assert np.isnan(model.fit(x, y, batch_size=256, epochs=1, verbose=0).history["loss"][0])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        history = binary_model().fit(
            x,
            y,
            batch_size=64,
            epochs=3,
            shuffle=False,
            verbose=0,
            callbacks=[keras.callbacks.TerminateOnNaN()],
        )
    assert (
        len(history.epoch) == 1 and "Batch 0: Invalid loss, terminating training" in out.getvalue()
    )
    with pytest.raises(RuntimeError, match="NaN or Inf loss encountered at batch 0"):
        binary_model().fit(
            x,
            y,
            batch_size=64,
            shuffle=False,
            verbose=0,
            callbacks=[keras.callbacks.TerminateOnNaN(raise_error=True)],
        )


def test_denormals_flushed_during_fit_and_restored():
    seen = []

    class Probe(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(float(torch.tensor(1e-40, dtype=torch.float32) * 1.0))

    x, y = data()
    torch.set_flush_denormal(False)
    binary_model().fit(x, y, batch_size=128, epochs=1, verbose=0, callbacks=[Probe()])
    if torch.set_flush_denormal(True):
        torch.set_flush_denormal(False)
        assert seen and all(v == 0.0 for v in seen)
    assert float(torch.tensor(1e-40, dtype=torch.float32) * 1.0) != 0.0


def test_initial_epoch_validation_freq_and_steps():
    x, y = data()
    model = binary_model()
    history = model.fit(
        x, y, epochs=4, initial_epoch=1, validation_data=(x, y), validation_freq=2, verbose=0
    )
    assert history.epoch == [1, 2, 3] and len(history.history["val_loss"]) == 2
    history = model.fit(x, y, epochs=1, steps_per_epoch=3, batch_size=16, verbose=0)
    assert history.params["steps"] == 3


def test_custom_train_step_with_compute_loss_and_metrics_loop():
    class CustomModel(keras.Model):
        def train_step(self, data):
            inputs, targets = data
            with tf.GradientTape() as tape:
                predictions = self(inputs, training=True)
                loss = self.compute_loss(y=targets, y_pred=predictions)
            gradients = tape.gradient(loss, self.trainable_weights)
            self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
            for metric in self.metrics:
                if metric.name == "loss":
                    metric.update_state(loss)
                else:
                    metric.update_state(targets, predictions)
            return {m.name: m.result() for m in self.metrics}

    x, y = data()
    inputs = keras.Input(shape=(4,))
    model = CustomModel(inputs, keras.layers.Dense(1, activation="sigmoid")(inputs))
    model.compile(
        optimizer=keras.optimizers.RMSprop(0.05), loss="binary_crossentropy", metrics=["accuracy"]
    )
    history = model.fit(x, y, epochs=3, verbose=0)
    assert list(history.history) == ["accuracy", "loss"]
    assert history.history["accuracy"][-1] > 0.8
