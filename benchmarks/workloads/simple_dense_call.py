"""simple_dense_call: 200 calls of the chapter's ``SimpleDense`` (listing 3.22:
``tf.matmul(inputs, W) + b`` then ``tf.nn.relu``) with 512 units on a
(128, 784) batch, against ``torch.relu(torch.nn.Linear(784, 512)(x))``."""

import numpy as np
import torch

DESCRIPTION = "200 x the chapter's SimpleDense(512, relu) on (128, 784) vs torch Linear + relu"
UNIT = "ms"
TARGET = 1.15
REPEATS = 7
THREADS = 1


def _sizes(smoke):
    return (8, 16, 8, 5) if smoke else (128, 784, 512, 200)


def _batch(smoke):
    batch, features, _, _ = _sizes(smoke)
    return np.random.RandomState(0).rand(batch, features).astype(np.float32)


def torch_version(smoke, device):
    _, features, units, calls = _sizes(smoke)
    layer = torch.nn.Linear(features, units).to(device)
    x = torch.from_numpy(_batch(smoke)).to(device)

    def run():
        with torch.no_grad():
            for _ in range(calls):
                torch.relu(layer(x))

    return run


def _simple_dense(tf):
    class SimpleDense(tf.keras.layers.Layer):
        def __init__(self, units, activation=None):
            super().__init__()
            self.units = units
            self.activation = activation

        def build(self, input_shape):
            input_dim = input_shape[-1]
            self.W = self.add_weight(shape=(input_dim, self.units), initializer="random_normal")
            self.b = self.add_weight(shape=(self.units,), initializer="zeros")

        def call(self, inputs):
            y = tf.matmul(inputs, self.W) + self.b
            if self.activation is not None:
                y = self.activation(y)
            return y

    return SimpleDense


def tf_version(tf, smoke):
    _, _, units, calls = _sizes(smoke)
    layer = _simple_dense(tf)(units, activation=tf.nn.relu)
    x = tf.constant(_batch(smoke))
    layer(x)

    def run():
        for _ in range(calls):
            layer(x)

    return run
