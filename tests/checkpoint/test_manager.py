"""``tf.train.CheckpointManager``: numbering, max_to_keep, intervals, the state file."""

import os
import pathlib

import pytest

pytest.importorskip("google.protobuf")
pytest.importorskip("crc32c")

import torchkeras as tk  # noqa: E402


def _run(tf, directory):
    """Drive a manager; returns what a user observes (paths relative to ``directory``)."""
    step = tf.Variable(0)
    ckpt = tf.train.Checkpoint(step=step, v=tf.Variable([1.0, 2.0]))
    manager = tf.train.CheckpointManager(
        ckpt,
        directory,
        max_to_keep=2,
        checkpoint_name="m",
        step_counter=step,
        checkpoint_interval=2,
    )
    seen = []
    for _ in range(6):
        path = manager.save()
        seen.append(None if path is None else os.path.basename(path))
        step.assign_add(1)
    seen.append(os.path.basename(manager.save(checkpoint_number=100, check_interval=False)))
    seen.append([os.path.basename(p) for p in manager.checkpoints])
    seen.append(sorted(f for f in os.listdir(directory)))
    state = pathlib.Path(os.path.join(directory, "checkpoint")).read_text().splitlines()
    seen.append([line for line in state if "timestamp" not in line])
    seen.append(os.path.basename(tf.train.latest_checkpoint(directory)))
    again = tf.train.CheckpointManager(
        tf.train.Checkpoint(step=tf.Variable(0)), directory, 2, checkpoint_name="m"
    )
    seen.append([os.path.basename(p) for p in again.checkpoints])
    return seen


def test_manager(tmp_path):
    seen = _run(tk, str(tmp_path))
    # numbered by save_counter; saves only every 2 steps; the oldest deleted past max_to_keep
    assert seen[:7] == ["m-1", None, "m-2", None, "m-3", None, "m-100"]
    assert seen[7] == ["m-3", "m-100"]
    assert seen[8] == [
        "checkpoint",
        "m-100.data-00000-of-00001",
        "m-100.index",
        "m-3.data-00000-of-00001",
        "m-3.index",
    ]
    assert seen[9] == [
        'model_checkpoint_path: "m-100"',
        'all_model_checkpoint_paths: "m-3"',
        'all_model_checkpoint_paths: "m-100"',
    ]
    assert seen[11] == ["m-3", "m-100"]
    assert seen[10] == "m-100"
    with pytest.raises(ValueError, match="Expected a positive integer or `None`"):
        tk.train.CheckpointManager(tk.train.Checkpoint(), str(tmp_path), max_to_keep=0)


def test_manager_matches_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    assert _run(tk, str(tmp_path / "tk")) == _run(tf_real, str(tmp_path / "tf"))


def test_relative_directories(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ckpt = tk.train.Checkpoint(v=tk.Variable(1.0))
    assert ckpt.save(os.path.join("sub", "ck")) == os.path.join("sub", "ck-1")
    assert (
        pathlib.Path(os.path.join("sub", "checkpoint"))
        .read_text()
        .startswith('model_checkpoint_path: "ck-1"\n')
    )
    assert tk.train.latest_checkpoint("sub") == os.path.join("sub", "ck-1")
    manager = tk.train.CheckpointManager(ckpt, "mg", 2)
    assert manager.save() == os.path.join("mg", "ckpt-2")
    assert tk.train.CheckpointManager(ckpt, "mg", 2).checkpoints == [os.path.join("mg", "ckpt-2")]
