"""Chapter 3, sections 3.6.5–3.6.7: listing 3.24 (validation data), evaluate() and predict()."""

import re

import numpy as np
import pytest

NUM_SAMPLES_PER_CLASS = 1000
EPOCH_LINE = re.compile(
    r"^88/88 - \d+s - \d+(?:ms|us|s)/step - binary_accuracy: \d\.\d{4} - loss: \d\.\d{4}(?:e-\d\d)?"
    r" - val_binary_accuracy: \d\.\d{4} - val_loss: \d\.\d{4}(?:e-\d\d)?$"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def make_data():
    np.random.seed(1)
    negative = np.random.multivariate_normal(
        mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=NUM_SAMPLES_PER_CLASS
    )
    positive = np.random.multivariate_normal(
        mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=NUM_SAMPLES_PER_CLASS
    )
    inputs = np.vstack((negative, positive)).astype(np.float32)
    targets = np.vstack(
        (
            np.zeros((NUM_SAMPLES_PER_CLASS, 1), dtype="float32"),
            np.ones((NUM_SAMPLES_PER_CLASS, 1), dtype="float32"),
        )
    )
    return inputs, targets


def listing_3_24(keras, verbose):
    """Listing 3.24: hold out 30 % of the shuffled data and validate on it."""
    keras.utils.set_random_seed(0)
    inputs, targets = make_data()
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=0.1),
        loss=keras.losses.MeanSquaredError(),
        metrics=[keras.metrics.BinaryAccuracy()],
    )
    indices_permutation = np.random.permutation(len(inputs))
    shuffled_inputs = inputs[indices_permutation]
    shuffled_targets = targets[indices_permutation]
    num_validation_samples = int(0.3 * len(inputs))
    val_inputs = shuffled_inputs[:num_validation_samples]
    val_targets = shuffled_targets[:num_validation_samples]
    training_inputs = shuffled_inputs[num_validation_samples:]
    training_targets = shuffled_targets[num_validation_samples:]
    history = model.fit(
        training_inputs,
        training_targets,
        epochs=5,
        batch_size=16,
        validation_data=(val_inputs, val_targets),
        verbose=verbose,
    )
    return model, history, val_inputs, val_targets


def test_history_with_validation(keras, capsys):
    model, history, _, _ = listing_3_24(keras, verbose=0)
    assert capsys.readouterr().out == ""
    assert list(history.history) == ["binary_accuracy", "loss", "val_binary_accuracy", "val_loss"]
    assert all(len(values) == 5 for values in history.history.values())
    assert history.epoch == [0, 1, 2, 3, 4]
    assert history.history["val_binary_accuracy"][-1] > 0.9
    assert history.history["binary_accuracy"][-1] > 0.9


def test_verbose_2_prints_one_line_per_epoch(keras, capsys):
    listing_3_24(keras, verbose=2)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0::2] == ["Epoch %d/5" % i for i in range(1, 6)]
    assert len(lines) == 10
    for line in lines[1::2]:
        assert EPOCH_LINE.match(line), line


def test_verbose_1_draws_the_bar(keras, capsys):
    listing_3_24(keras, verbose=1)
    out = capsys.readouterr().out
    assert out.startswith("Epoch 1/5\n")
    finals = [
        ANSI.sub("", chunk.split("\r")[-1]).strip("\b")
        for chunk in out.split("\n")
        if "\r" in chunk
    ]
    assert len(finals) == 5
    for line in finals:
        assert re.match(
            r"^88/88 ━{20} \d+s \d+(?:ms|us|s)/step - binary_accuracy: \d\.\d{4} - loss: \d\.\d{4}"
            r" - val_binary_accuracy: \d\.\d{4} - val_loss: \d\.\d{4} *$",
            line,
        ), repr(line)


def test_evaluate_return_types(keras):
    """Section 3.6.6: evaluate() gives [loss, metric] floats (or a dict)."""
    model, _, val_inputs, val_targets = listing_3_24(keras, verbose=0)
    loss_and_metrics = model.evaluate(val_inputs, val_targets, batch_size=128, verbose=0)
    assert isinstance(loss_and_metrics, list) and len(loss_and_metrics) == 2
    assert all(type(v) is float for v in loss_and_metrics)
    assert loss_and_metrics[1] > 0.9
    as_dict = model.evaluate(val_inputs, val_targets, batch_size=128, verbose=0, return_dict=True)
    assert sorted(as_dict) == ["binary_accuracy", "loss"]
    assert as_dict["loss"] == pytest.approx(loss_and_metrics[0], rel=1e-5)


def test_evaluate_without_metrics_returns_a_float(keras):
    inputs, targets = make_data()
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mse")
    loss = model.evaluate(inputs, targets, verbose=0)
    assert type(loss) is float


def test_predict_gives_numpy(keras):
    """Section 3.6.7: predict() returns a float32 NumPy array, one row per sample."""
    model, _, val_inputs, val_targets = listing_3_24(keras, verbose=0)
    predictions = model.predict(val_inputs, batch_size=128, verbose=0)
    assert isinstance(predictions, np.ndarray)
    assert predictions.shape == (600, 1) and predictions.dtype == np.float32
    assert np.mean((predictions > 0.5) == (val_targets > 0.5)) > 0.9
