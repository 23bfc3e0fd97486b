"""Data-parallel training with ``tf.distribute.MirroredStrategy``, the TF way: an MLP on
generated MNIST-shaped digits (28x28 images drawn around ten class templates, no download),
the model built and compiled in ``strategy.scope()``, the global batch split across the
replicas, checkpoints and a resumable backup written by the chief only.

    python -m torchkeras.examples.distributed_mnist                  # one process
    python -m torchkeras.examples.distributed_mnist --nproc 2        # two replicas (torchrun)
    torchrun --nproc-per-node 4 -m torchkeras.examples.distributed_mnist   # the same, by hand

Each replica is one process (one GPU each with CUDA, gloo CPU processes otherwise).
"""

import argparse
import os
import sys
import tempfile

import numpy as np

import torchkeras as tf
from torchkeras import keras

PER_REPLICA_BATCH = 64


def make_digits(samples, seed=0):
    """``(images, labels)``: (samples, 28, 28) float32 in [0, 1] around ten fixed random
    templates, and int64 labels 0-9."""
    rng = np.random.default_rng(seed)
    templates = np.random.default_rng(1234).random((10, 28, 28))
    labels = rng.integers(0, 10, samples)
    noise = rng.normal(scale=1.0, size=(samples, 28, 28))
    return np.clip(templates[labels] + noise, 0, 1).astype(np.float32), labels


def main(argv=None):
    """Trains on every replica; returns the test accuracy (the same on every replica)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--samples", type=int, default=8192)
    parser.add_argument("--nproc", type=int, default=None, help="start N replicas with torchrun")
    parser.add_argument("--output", default=os.path.join(tempfile.gettempdir(), "dist_mnist"))
    args = parser.parse_args(argv)
    if args.nproc and "RANK" not in os.environ:
        from torchkeras.__main__ import main as launch

        rest = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--nproc"]
        rest = [a for a in rest if a != str(args.nproc)]
        return launch(["--nproc", str(args.nproc), os.path.abspath(__file__), *rest])

    strategy = tf.distribute.MirroredStrategy()
    global_batch = PER_REPLICA_BATCH * strategy.num_replicas_in_sync
    chief = strategy.extended.should_checkpoint
    if chief:
        print("Number of devices: %d" % strategy.num_replicas_in_sync)

    x_train, y_train = make_digits(args.samples, seed=0)
    x_test, y_test = make_digits(args.samples // 4, seed=1)
    # The same seed on every replica: each one keeps its part of the same global batches.
    train = (
        tf.data.Dataset.from_tensor_slices((x_train, y_train))
        .shuffle(args.samples, seed=0)
        .batch(global_batch)
    )
    test = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(global_batch)

    with strategy.scope():
        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28)),
                keras.layers.Flatten(),
                keras.layers.Dense(128, activation="relu"),
                keras.layers.Dense(10),
            ]
        )
        model.compile(
            optimizer=keras.optimizers.Adam(1e-3),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=["accuracy"],
        )
    callbacks = [
        keras.callbacks.BackupAndRestore(os.path.join(args.output, "backup")),
        keras.callbacks.ModelCheckpoint(
            os.path.join(args.output, "ckpt_{epoch}.weights.h5"), save_weights_only=True
        ),
    ]
    model.fit(train, epochs=args.epochs, callbacks=callbacks, verbose=2, shuffle=False)
    _, accuracy = model.evaluate(test, verbose=0)
    if chief:
        print("Test accuracy: %.4f" % accuracy)
    return accuracy


if __name__ == "__main__":
    result = main()
    sys.exit(result if isinstance(result, int) else 0)
