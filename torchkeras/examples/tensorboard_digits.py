"""Watch training in TensorBoard: the digits MLP trained with ``keras.callbacks.TensorBoard``
(epoch and batch scalars, weight histograms) plus a few ``tf.summary`` calls of our own
(sample digits as images, the run's settings as text).

    pip install -c constraints.txt -e ".[tensorboard]"
    python -m torchkeras.examples.tensorboard_digits [--logdir logs/digits] [--epochs 10]
    tensorboard --logdir logs/digits        # then open http://localhost:6006
"""

import argparse
import gzip
import os

import numpy as np

import torchkeras as tf
from torchkeras import keras

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "digits.csv.gz")


def load_digits():
    """``(images, labels)``: (1797, 64) float32 in [0, 1] and (1797,) int64 labels."""
    with gzip.open(DATA, "rt") as handle:
        table = np.loadtxt(handle, delimiter=",")
    return (table[:, :64] / 16.0).astype(np.float32), table[:, 64].astype(np.int64)


def main(argv=None):
    """Trains with the TensorBoard callback; returns the log directory."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--logdir",
        default=os.path.join("logs", "digits"),
        help="where the runs go (default: logs/digits)",
    )
    parser.add_argument("--epochs", type=int, default=10, help="epochs (default: 10)")
    parser.add_argument(
        "--update-freq",
        default="epoch",
        help='"epoch", "batch" or every N batches (default: epoch)',
    )
    parser.add_argument("--verbose", type=int, default=2, choices=(0, 1, 2))
    args = parser.parse_args(argv)
    keras.utils.set_random_seed(0)
    update_freq = int(args.update_freq) if args.update_freq.isdigit() else args.update_freq

    images, labels = load_digits()
    order = np.random.permutation(len(images))
    images, labels = images[order], labels[order]
    val_images, val_labels = images[:297], labels[:297]
    train_images, train_labels = images[297:], labels[297:]

    samples = tf.summary.create_file_writer(os.path.join(args.logdir, "samples"))
    with samples.as_default(step=0):
        tf.summary.image("digits", train_images[:8].reshape(8, 8, 8, 1), max_outputs=8)
        tf.summary.text("settings", "epochs: %d, update_freq: %s" % (args.epochs, update_freq))
    samples.close()

    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    board = keras.callbacks.TensorBoard(args.logdir, histogram_freq=1, update_freq=update_freq)
    model.fit(
        train_images,
        train_labels,
        batch_size=32,
        epochs=args.epochs,
        validation_data=(val_images, val_labels),
        callbacks=[board],
        verbose=args.verbose,
    )
    print(
        "logs written to %s; open them with: tensorboard --logdir %s" % (args.logdir, args.logdir)
    )
    return args.logdir


if __name__ == "__main__":
    main()
