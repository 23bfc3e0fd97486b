"""``torchkeras.examples.distributed_mnist`` in one process (its two-process form runs the same
code as the launcher test of tests/distribute)."""

import os

from torchkeras.examples import distributed_mnist


def test_trains_and_writes_checkpoints(tmp_path, capsys):
    accuracy = distributed_mnist.main(
        ["--epochs", "2", "--samples", "1024", "--output", str(tmp_path)]
    )
    assert accuracy > 0.5
    out = capsys.readouterr().out
    assert "Number of devices: 1" in out and "Test accuracy:" in out
    assert sorted(os.listdir(tmp_path)) == ["ckpt_1.weights.h5", "ckpt_2.weights.h5"]


def test_generated_digits_are_mnist_shaped():
    images, labels = distributed_mnist.make_digits(16)
    assert images.shape == (16, 28, 28) and images.dtype.name == "float32"
    assert labels.min() >= 0 and labels.max() <= 9
