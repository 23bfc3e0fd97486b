"""An MLP on real handwritten digits: the 1797 scanned 8x8 digits of the UCI
"Optical Recognition of Handwritten Digits" set (shipped in the package's
``examples/data``, no network), a ``tf.data`` pipeline, ``fit()`` with validation and callbacks,
then the test accuracy.

    python -m torchkeras.examples.digits_mlp [--epochs 30] [--seed 0] [--verbose 2]
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
    """Trains the MLP; returns the test accuracy."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=30, help="maximum epochs (default: 30)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--verbose", type=int, default=2, choices=(0, 1, 2), help="fit() verbosity (default: 2)"
    )
    args = parser.parse_args(argv)
    keras.utils.set_random_seed(args.seed)

    images, labels = load_digits()
    order = np.random.permutation(len(images))
    images, labels = images[order], labels[order]
    test_images, test_labels = images[:297], labels[:297]
    train_images, train_labels = images[297:], labels[297:]

    train_dataset = (
        tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(1500).batch(32)
    )
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    callbacks = [
        keras.callbacks.EarlyStopping(
            monitor="val_accuracy", mode="max", patience=5, restore_best_weights=True
        )
    ]
    # The Dataset shuffles itself; Keras warns when fit's default shuffle=True meets a Dataset.
    history = model.fit(
        train_dataset,
        epochs=args.epochs,
        validation_data=(test_images, test_labels),
        callbacks=callbacks,
        verbose=args.verbose,
        shuffle=False,
    )
    test_loss, test_accuracy = model.evaluate(test_images, test_labels, verbose=0)
    predicted = model.predict(test_images[:10], verbose=0).argmax(axis=1)
    print(
        "epochs run: %d, test accuracy: %.4f (loss %.4f)"
        % (len(history.epoch), test_accuracy, test_loss)
    )
    print("first test digits:", test_labels[:10].tolist(), "predicted:", predicted.tolist())
    return test_accuracy


if __name__ == "__main__":
    main()
