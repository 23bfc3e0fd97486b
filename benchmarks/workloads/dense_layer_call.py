"""dense_layer_call: 200 calls of a built ``keras.layers.Dense(512)`` on a
(128, 784) float32 batch, against ``torch.nn.Linear(784, 512)``: what a Keras
layer call adds on top of the matmul it runs (issue 4's target: 1.15x)."""

import numpy as np
import torch

DESCRIPTION = "200 x Dense(512) on a (128, 784) batch vs torch.nn.Linear"
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
                layer(x)

    return run


def tf_version(tf, smoke):
    _, _, units, calls = _sizes(smoke)
    layer = tf.keras.layers.Dense(units)
    x = tf.constant(_batch(smoke))
    layer(x)

    def run():
        for _ in range(calls):
            layer(x)

    return run
