"""keras.callbacks: hooks, History, EarlyStopping, ModelCheckpoint, schedulers, loggers, backups."""

import contextlib
import csv
import io
import os

import numpy as np
import pytest

from torchkeras import keras


def data(n=128):
    rng = np.random.RandomState(0)
    x = rng.randn(n, 3).astype("float32")
    return x, (x[:, :1] > 0).astype("float32")


def model(lr=0.05):
    m = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer=keras.optimizers.SGD(lr), loss="binary_crossentropy", metrics=["accuracy"])
    return m


HOOKS = [
    name
    for name in dir(keras.callbacks.Callback)
    if name.startswith("on_") and name not in ("on_batch_begin", "on_batch_end")
]


def _recording_hook(name):
    def hook(self, *args, **kwargs):
        self.calls.append((name,) + tuple(a for a in args if isinstance(a, int)))

    return hook


class Recorder(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.calls = []

    locals().update({name: _recording_hook(name) for name in HOOKS})


def test_hook_order_in_fit_with_validation():
    recorder = Recorder()
    x, y = data(64)
    model().fit(
        x,
        y,
        batch_size=32,
        epochs=1,
        validation_data=(x[:32], y[:32]),
        verbose=0,
        callbacks=[recorder],
    )
    assert recorder.calls == [
        ("on_train_begin",),
        ("on_epoch_begin", 0),
        ("on_train_batch_begin", 0),
        ("on_train_batch_end", 0),
        ("on_train_batch_begin", 1),
        ("on_train_batch_end", 1),
        ("on_test_begin",),
        ("on_test_batch_begin", 0),
        ("on_test_batch_end", 0),
        ("on_test_end",),
        ("on_epoch_end", 0),
        ("on_train_end",),
    ]


def test_batch_logs_are_floats_and_model_is_set():
    seen = []
    x, y = data()
    m = model()
    callback = keras.callbacks.LambdaCallback(
        on_train_batch_end=lambda batch, logs: seen.append(logs)
    )
    m.fit(x, y, batch_size=64, epochs=1, verbose=0, callbacks=[callback])
    assert [sorted(logs) for logs in seen] == [["accuracy", "loss"]] * 2
    assert all(type(v) is float for logs in seen for v in logs.values())
    assert callback.model is m and callback.params == {"verbose": 0, "epochs": 1, "steps": 2}


def test_history_is_returned_and_attached():
    x, y = data()
    m = model()
    history = m.fit(x, y, epochs=2, verbose=0)
    assert m.history is history and history.model is m and history.epoch == [0, 1]


def test_early_stopping_restores_best_weights():
    x, y = data()
    m = model(lr=5.0)
    stopper = keras.callbacks.EarlyStopping(
        monitor="loss", patience=1, restore_best_weights=True, verbose=1
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        history = m.fit(x, y * 0 + 0.5, epochs=30, batch_size=128, verbose=0, callbacks=[stopper])
    losses = history.history["loss"]
    if stopper.stopped_epoch:
        assert len(losses) < 30 and "early stopping" in out.getvalue()
    best = int(np.argmin(losses))
    assert stopper.best == pytest.approx(losses[best]) and stopper.best_epoch == best


def test_early_stopping_mode_auto_needs_a_direction():
    x, y = data()
    with pytest.raises(ValueError, match="mode='max'"):
        model().fit(
            x, y, epochs=1, verbose=0, callbacks=[keras.callbacks.EarlyStopping(monitor="mystery")]
        )


def test_model_checkpoint_paths_and_best_only(tmp_path):
    pytest.importorskip("h5py")  # Keras' file formats need the optional h5py
    x, y = data()
    pattern = str(tmp_path / "ckpt_{epoch:02d}.keras")
    model().fit(x, y, epochs=3, verbose=0, callbacks=[keras.callbacks.ModelCheckpoint(pattern)])
    assert sorted(os.listdir(tmp_path)) == ["ckpt_01.keras", "ckpt_02.keras", "ckpt_03.keras"]
    best = str(tmp_path / "best.weights.h5")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        model().fit(
            x,
            y,
            epochs=2,
            validation_data=(x, y),
            verbose=0,
            callbacks=[
                keras.callbacks.ModelCheckpoint(
                    best, save_best_only=True, save_weights_only=True, verbose=1
                )
            ],
        )
    assert os.path.exists(best) and "val_loss improved from None to" in out.getvalue()
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".tmp")]
    with pytest.raises(ValueError, match=r"must end in `\.weights\.h5`"):
        keras.callbacks.ModelCheckpoint(str(tmp_path / "w.keras"), save_weights_only=True)
    with pytest.raises(ValueError, match=r"must end in `\.keras`"):
        keras.callbacks.ModelCheckpoint(str(tmp_path / "w.txt"))


def test_learning_rate_scheduler_and_reduce_on_plateau():
    x, y = data()
    m = model()
    history = m.fit(
        x,
        y,
        epochs=3,
        verbose=0,
        callbacks=[keras.callbacks.LearningRateScheduler(lambda epoch, lr: 0.1 / (epoch + 1))],
    )
    assert history.history["learning_rate"] == pytest.approx([0.1, 0.05, 0.1 / 3])
    m = model()
    plateau = keras.callbacks.ReduceLROnPlateau(
        monitor="loss", factor=0.5, patience=0, min_delta=10.0
    )
    history = m.fit(x, y, epochs=3, verbose=0, callbacks=[plateau])
    assert history.history["learning_rate"] == pytest.approx([0.05, 0.05, 0.025])
    assert float(np.asarray(m.optimizer.learning_rate)) == pytest.approx(0.0125)
    with pytest.raises(ValueError, match="factor >= 1.0"):
        keras.callbacks.ReduceLROnPlateau(factor=2)


def test_csv_logger(tmp_path):
    x, y = data()
    path = str(tmp_path / "log.csv")
    model().fit(x, y, epochs=2, verbose=0, callbacks=[keras.callbacks.CSVLogger(path)])
    with open(path) as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["epoch", "accuracy", "loss", "val_accuracy", "val_loss"]
    assert [r[0] for r in rows[1:]] == ["0", "1"] and rows[1][3] == "NA"


def test_stop_training_from_a_callback():
    x, y = data()
    m = model()
    stop = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: setattr(m, "stop_training", True)
    )
    assert m.fit(x, y, epochs=5, verbose=0, callbacks=[stop]).epoch == [0]


def test_backup_and_restore_resumes(tmp_path):
    pytest.importorskip("h5py")  # Keras' file formats need the optional h5py
    x, y = data()
    backup = str(tmp_path / "backup")

    class Interrupt(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if epoch == 1:
                raise RuntimeError("interrupted")

    m = model()
    with pytest.raises(RuntimeError):
        m.fit(
            x,
            y,
            epochs=4,
            verbose=0,
            callbacks=[keras.callbacks.BackupAndRestore(backup), Interrupt()],
        )
    assert os.path.exists(os.path.join(backup, "training_metadata.json"))
    history = m.fit(x, y, epochs=4, verbose=0, callbacks=[keras.callbacks.BackupAndRestore(backup)])
    assert history.epoch == [2, 3] and not os.path.exists(backup)


def test_steps_per_execution_groups_batch_hooks():
    recorder = Recorder()
    x, y = data(80)
    m = model()
    m.compile(optimizer="sgd", loss="binary_crossentropy", steps_per_execution=2)
    m.fit(x, y, batch_size=16, epochs=1, verbose=0, callbacks=[recorder])
    batch_calls = [call for call in recorder.calls if "train_batch" in call[0]]
    assert batch_calls == [
        ("on_train_batch_begin", 0),
        ("on_train_batch_end", 1),
        ("on_train_batch_begin", 2),
        ("on_train_batch_end", 3),
        ("on_train_batch_begin", 4),
        ("on_train_batch_end", 4),
    ]


@pytest.mark.parametrize("monitor", ["val_accuracy", "accuracy"])
def test_early_stopping_mode_auto_maximises_accuracy(monitor):
    x, y = data()
    stopper = keras.callbacks.EarlyStopping(monitor=monitor, patience=50)
    model().fit(x, y, epochs=1, verbose=0, validation_data=(x, y), callbacks=[stopper])
    assert stopper.monitor_op(1.0, 0.5)
