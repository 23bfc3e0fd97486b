"""``torchkeras/examples/tensorboard_digits.py`` in a fast mode: the runs and tags it leaves
behind."""

import os
import runpy

import pytest

pytest.importorskip("tensorboard")
from tensorboard.backend.event_processing import event_accumulator  # noqa: E402


def tags(path):
    acc = event_accumulator.EventAccumulator(str(path))
    acc.Reload()
    return set(acc.Tags()["tensors"])


def test_writes_runs_for_tensorboard(tmp_path, capsys):
    logdir = tmp_path / "logs"
    runpy.run_module("torchkeras.examples.tensorboard_digits")["main"](
        ["--logdir", str(logdir), "--epochs", "2", "--verbose", "0"]
    )
    assert sorted(os.listdir(logdir)) == ["samples", "train", "validation"]
    assert tags(logdir / "samples") == {"digits", "settings"}
    train = tags(logdir / "train")
    assert {"epoch_loss", "epoch_accuracy"} <= train
    assert any(tag.endswith("/kernel/histogram") for tag in train)
    assert {"epoch_loss", "evaluation_loss_vs_iterations"} <= tags(logdir / "validation")
    assert "tensorboard --logdir %s" % logdir in capsys.readouterr().out
