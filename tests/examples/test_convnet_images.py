"""``torchkeras/examples/convnet_images.py`` in a fast mode (few images, one epoch): the data,
the code path, the printed report and the target check."""

import re
import runpy

import numpy as np
import pytest


@pytest.fixture(scope="module")
def example():
    return runpy.run_module("torchkeras.examples.convnet_images")


def test_generated_shapes_are_distinct_outlines(example):
    images, labels = example["make_shapes"](60, np.random.RandomState(1))
    assert (
        images.shape == (60, 28, 28, 1) and images.dtype == np.float32 and labels.dtype == np.int64
    )
    assert 0.0 <= images.min() and images.max() <= 1.0 and set(labels.tolist()) == {0, 1, 2}
    strokes = (images[..., 0] > 0.5).sum(axis=(1, 2))
    assert strokes.min() > 10 and strokes.max() < 28 * 28 / 3


def test_runs_and_reports_accuracy(example, capsys):
    accuracy = example["main"](
        ["--epochs", "1", "--samples", "240", "--target", "0", "--verbose", "0"]
    )
    assert 0.0 <= accuracy <= 1.0
    out = capsys.readouterr().out
    assert re.search(r"^validation accuracy: \d\.\d{4} \(target 0\.00\)$", out, re.M)
    assert "predicted:" in out


def test_missing_the_target_raises(example):
    with pytest.raises(
        RuntimeError, match=r"validation accuracy \d\.\d{4} is below the target 1\.01"
    ):
        example["main"](["--epochs", "1", "--samples", "60", "--target", "1.01", "--verbose", "0"])
