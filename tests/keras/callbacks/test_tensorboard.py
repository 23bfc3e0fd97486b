"""keras.callbacks.TensorBoard: run folders, tags, steps and values, against real Keras too."""

import contextlib
import glob
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import numpy as np
import pytest

from torchkeras import keras

pytest.importorskip("tensorboard")
from tensorboard.backend.event_processing import event_accumulator  # noqa: E402
from tensorboard.util import tensor_util  # noqa: E402


def read_run(path):
    """``{tag: [(step, ndarray), ...]}`` of one run folder (all its event files)."""
    acc = event_accumulator.EventAccumulator(path, size_guidance={event_accumulator.TENSORS: 0})
    acc.Reload()
    return {
        tag: [(e.step, tensor_util.make_ndarray(e.tensor_proto)) for e in acc.Tensors(tag)]
        for tag in acc.Tags()["tensors"]
    }


def read_logs(log_dir):
    return {
        run: read_run(os.path.join(log_dir, run))
        for run in sorted(os.listdir(log_dir))
        if os.path.isdir(os.path.join(log_dir, run))
    }


def scalars(series):
    return [(step, float(value)) for step, value in series]


def make_data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 5)).astype("float32")
    y = rng.integers(0, 3, size=32)
    xv = rng.normal(size=(16, 5)).astype("float32")
    yv = rng.integers(0, 3, size=16)
    return rng, x, y, xv, yv


def fit_with_tensorboard(api, log_dir, evaluate=True, **kwargs):
    """Trains the same small classifier (same data, same initial weights) with the callback."""
    api.backend.clear_session()
    rng, x, y, xv, yv = make_data()
    model = api.Sequential(
        [
            api.Input((5,)),
            api.layers.Dense(4, activation="relu"),
            api.layers.Dense(3, activation="softmax"),
        ]
    )
    model.set_weights(
        [rng.normal(size=w.shape).astype("float32") * 0.5 for w in model.get_weights()]
    )
    model.compile(
        optimizer=api.optimizers.SGD(0.1),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    callback = api.callbacks.TensorBoard(log_dir, **kwargs)
    history = model.fit(
        x,
        y,
        batch_size=8,
        epochs=2,
        validation_data=(xv, yv),
        shuffle=False,
        verbose=0,
        callbacks=[callback],
    )
    if evaluate:
        model.evaluate(xv, yv, verbose=0, callbacks=[callback])
    return model, history


def test_epoch_scalars_runs_and_steps(tmp_path):
    model, history = fit_with_tensorboard(keras, str(tmp_path), evaluate=False)
    logs = read_logs(str(tmp_path))
    assert set(logs) == {"train", "validation"}
    train, val = logs["train"], logs["validation"]
    assert set(train) == {"keras", "epoch_loss", "epoch_accuracy", "epoch_learning_rate"}
    assert set(val) == {
        "epoch_loss",
        "epoch_accuracy",
        "evaluation_loss_vs_iterations",
        "evaluation_accuracy_vs_iterations",
    }
    np.testing.assert_allclose(
        [v for _, v in scalars(train["epoch_loss"])], history.history["loss"], rtol=1e-6
    )
    np.testing.assert_allclose(
        [v for _, v in scalars(val["epoch_loss"])], history.history["val_loss"], rtol=1e-6
    )
    assert [s for s, _ in train["epoch_loss"]] == [0, 1]
    np.testing.assert_allclose([v for _, v in scalars(train["epoch_learning_rate"])], [0.1, 0.1])
    assert [s for s, _ in val["evaluation_loss_vs_iterations"]] == [4, 8]
    config = json.loads(train["keras"][0][1].item())
    assert config["class_name"] == "Sequential"


def test_update_freq_writes_batch_scalars(tmp_path):
    fit_with_tensorboard(keras, str(tmp_path), evaluate=False, update_freq=2)
    train = read_logs(str(tmp_path))["train"]
    assert [s for s, _ in train["batch_loss"]] == [2, 4, 6, 8]
    assert [s for s, _ in train["batch_accuracy"]] == [2, 4, 6, 8]
    fit_with_tensorboard(keras, str(tmp_path / "every"), evaluate=False, update_freq="batch")
    assert [s for s, _ in read_logs(str(tmp_path / "every"))["train"]["batch_loss"]] == list(
        range(1, 9)
    )


def test_epoch_update_freq_leaves_batch_hooks_alone(tmp_path):
    callback = keras.callbacks.TensorBoard(str(tmp_path))
    assert "on_train_batch_end" not in vars(callback)
    assert "on_train_batch_end" in vars(keras.callbacks.TensorBoard(str(tmp_path), update_freq=3))


def test_weight_histograms_and_images(tmp_path):
    from torchkeras.ops.summary_plugins import histogram_buckets

    model, _ = fit_with_tensorboard(
        keras, str(tmp_path), evaluate=False, histogram_freq=1, write_images=True
    )
    train = read_logs(str(tmp_path))["train"]
    for path in ("sequential/dense/kernel", "sequential/dense/bias", "sequential/dense_1/kernel"):
        assert [s for s, _ in train[path + "/histogram"]] == [0, 1]
        assert [s for s, _ in train[path + "/image"]] == [0, 1]
    kernel = model.layers[0].kernel.numpy()
    np.testing.assert_allclose(
        train["sequential/dense/kernel/histogram"][-1][1], histogram_buckets(kernel)
    )
    width, height = train["sequential/dense/kernel/image"][0][1][:2]
    assert (int(width), int(height)) == (5, 4)


def test_write_graph_false_and_subclassed_models(tmp_path):
    fit_with_tensorboard(keras, str(tmp_path), evaluate=False, write_graph=False)
    assert "keras" not in read_logs(str(tmp_path))["train"]


def test_profile_batch_writes_a_torch_trace(tmp_path):
    fit_with_tensorboard(keras, str(tmp_path), evaluate=False, profile_batch=(2, 3))
    traces = glob.glob(str(tmp_path / "train" / "plugins" / "profile" / "*" / "*.pt.trace.json"))
    assert len(traces) == 1
    with open(traces[0]) as f:
        names = {event.get("name") for event in json.load(f)["traceEvents"]}
    assert "Profiled batch" in names
    with pytest.raises(
        ValueError,
        match=r"profile_batch must be a non-negative integer or "
        r"2-tuple of positive integers\. .* Found: \(3, 1\)",
    ):
        keras.callbacks.TensorBoard(str(tmp_path), profile_batch=(3, 1))


def test_embeddings(tmp_path):
    pytest.importorskip("h5py")
    model = keras.Sequential(
        [
            keras.Input((4,), dtype="int32"),
            keras.layers.Embedding(10, 2),
            keras.layers.Flatten(),
            keras.layers.Dense(1),
        ]
    )
    model.compile("sgd", "mse")
    callback = keras.callbacks.TensorBoard(
        str(tmp_path), embeddings_freq=1, embeddings_metadata="meta.tsv"
    )
    model.fit(
        np.zeros((4, 4), "int32"), np.zeros((4, 1)), epochs=1, verbose=0, callbacks=[callback]
    )
    with open(tmp_path / "projector_config.pbtxt") as f:
        config = f.read()
    assert 'metadata_path: "meta.tsv"' in config
    assert os.path.exists(tmp_path / "train" / "keras_embedding.ckpt-0.weights.h5")
    with pytest.raises(ValueError, match="Unrecognized `Embedding` layer names"):
        keras.callbacks.TensorBoard(
            str(tmp_path), embeddings_freq=1, embeddings_metadata={"nope": "m.tsv"}
        ).set_model(model)


@pytest.mark.parametrize("update_freq", ["epoch", 2, 3])
def test_same_runs_tags_and_values_as_real_keras(tmp_path, update_freq):
    """update_freq=3 pins a Keras 3.15 quirk: the last batch's ``record_if`` stays active
    through ``on_epoch_end``, so epoch summaries vanish unless that batch was recorded."""
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    kwargs = dict(histogram_freq=1, write_images=True, update_freq=update_freq)
    fit_with_tensorboard(keras, str(tmp_path / "ours"), **kwargs)
    fit_with_tensorboard(real_keras, str(tmp_path / "theirs"), **kwargs)
    ours, theirs = read_logs(str(tmp_path / "ours")), read_logs(str(tmp_path / "theirs"))
    pairs = lambda logs: {(run, tag) for run, tags in logs.items() for tag in tags}  # noqa: E731
    assert pairs(ours) == pairs(theirs)
    for run, tags in theirs.items():
        for tag, series in tags.items():
            mine = ours[run][tag]
            assert [s for s, _ in mine] == [s for s, _ in series], (run, tag)
            for (_, a), (_, b) in zip(mine, series):
                if b.dtype == object:
                    assert a.shape == b.shape, (run, tag)
                    if tag == "keras":
                        assert json.loads(a.item()) == json.loads(b.item())
                else:
                    np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5, err_msg=run + tag)


def _free_port():
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_tensorboard_server_sees_the_runs(tmp_path):
    fit_with_tensorboard(keras, str(tmp_path), evaluate=False)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tensorboard.main import run_main; run_main()",
            "--logdir",
            str(tmp_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--load_fast",
            "false",
            "--reload_interval",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        tags, deadline = {}, time.monotonic() + 90
        while time.monotonic() < deadline and set(tags) != {"train", "validation"}:
            time.sleep(1)
            try:
                url = "http://127.0.0.1:%d/data/plugin/scalars/tags" % port
                with urllib.request.urlopen(url, timeout=5) as response:
                    tags = json.load(response)
            except OSError:
                continue
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert set(tags) == {"train", "validation"}
    assert {"epoch_loss", "epoch_accuracy", "epoch_learning_rate"} <= set(tags["train"])
    assert {"epoch_loss", "evaluation_loss_vs_iterations"} <= set(tags["validation"])


def test_write_steps_per_second(tmp_path):
    fit_with_tensorboard(
        keras, str(tmp_path), evaluate=False, write_steps_per_second=True, update_freq=1
    )
    train = read_logs(str(tmp_path))["train"]
    assert [s for s, _ in train["epoch_steps_per_second"]] == [0, 1]
    assert [s for s, _ in train["batch_steps_per_second"]] == list(range(1, 9))
    assert all(v > 0 for _, v in scalars(train["epoch_steps_per_second"]))
