"""``torchkeras/examples/sequence_model.py`` in a fast mode (few sequences, one epoch): the data,
the code path, the printed report and the target check."""

import re
import runpy

import numpy as np
import pytest


@pytest.fixture(scope="module")
def example():
    return runpy.run_module("torchkeras.examples.sequence_model")


def test_sequences_hold_one_a_and_one_b_and_label_their_order(example):
    sequences, labels = example["make_sequences"](200, np.random.RandomState(1))
    assert (
        sequences.shape == (200, 20) and sequences.dtype == np.int32 and labels.dtype == np.float32
    )
    a, b = example["A"], example["B"]
    assert np.all((sequences == a).sum(1) == 1) and np.all((sequences == b).sum(1) == 1)
    np.testing.assert_array_equal(labels, (sequences == a).argmax(1) < (sequences == b).argmax(1))
    assert 0.3 < labels.mean() < 0.7


def test_runs_and_reports_accuracy(example, capsys):
    accuracy = example["main"](
        ["--epochs", "1", "--samples", "300", "--target", "0", "--verbose", "0"]
    )
    assert 0.0 <= accuracy <= 1.0
    out = capsys.readouterr().out
    assert re.search(r"^validation accuracy: \d\.\d{4} \(target 0\.00\)$", out, re.M)
    assert "A before B, first held-out:" in out


def test_missing_the_target_raises(example):
    with pytest.raises(
        RuntimeError, match=r"validation accuracy \d\.\d{4} is below the target 1\.01"
    ):
        example["main"](["--epochs", "1", "--samples", "60", "--target", "1.01", "--verbose", "0"])
