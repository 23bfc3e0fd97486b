"""Chapter 3, section 3.6.1: a custom ``SimpleDense`` layer (its own ``build()``
and ``call()``), stacked in a ``keras.Sequential`` model and trained with
``fit()`` on the two-class points.

    python -m torchkeras.examples.simple_dense_model [--epochs 10] [--seed 0]
"""

import argparse

import numpy as np

import torchkeras as tf
from torchkeras import keras


class SimpleDense(keras.Layer):
    """A dense layer written from scratch: ``activation(inputs @ W + b)``."""

    def __init__(self, units, activation=None):
        super().__init__()
        self.units = units
        self.activation = activation

    def build(self, input_shape):
        batch_dim, input_dim = input_shape
        self.W = self.add_weight(shape=(input_dim, self.units), initializer="random_normal")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        y = tf.matmul(inputs, self.W) + self.b
        if self.activation is not None:
            y = self.activation(y)
        return y


def make_data(num_samples_per_class=1000):
    """Two Gaussian clouds: (2000, 2) inputs and (2000, 1) 0/1 targets."""
    negative = np.random.multivariate_normal(
        mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class
    )
    positive = np.random.multivariate_normal(
        mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class
    )
    inputs = np.vstack((negative, positive)).astype(np.float32)
    targets = np.vstack(
        (
            np.zeros((num_samples_per_class, 1), "float32"),
            np.ones((num_samples_per_class, 1), "float32"),
        )
    )
    return inputs, targets


def main(argv=None):
    """Trains the model; returns its final training accuracy."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=10, help="training epochs (default: 10)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    args = parser.parse_args(argv)
    keras.utils.set_random_seed(args.seed)

    my_dense = SimpleDense(units=32, activation=tf.nn.relu)
    input_tensor = tf.ones(shape=(2, 784))
    output_tensor = my_dense(input_tensor)
    print("SimpleDense(32) on a (2, 784) batch ->", output_tensor.shape)

    inputs, targets = make_data()
    model = keras.Sequential(
        [SimpleDense(16, activation=tf.nn.relu), SimpleDense(1, activation=tf.sigmoid)]
    )
    model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(inputs, targets, epochs=args.epochs, batch_size=64, verbose=0)
    accuracy = history.history["accuracy"][-1]
    print("final training accuracy: %.4f (loss %.4f)" % (accuracy, history.history["loss"][-1]))
    return accuracy


if __name__ == "__main__":
    main()
