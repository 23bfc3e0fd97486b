"""eager_ops: 10,000 x (``matmul(a, b) + a``, ``square``, ``reduce_mean``) on
2x2 float32 tensors: the per-op overhead of eager execution."""

import numpy as np
import torch

DESCRIPTION = "10,000 x (matmul(a, b) + a, square, reduce_mean) on 2x2 float32"
UNIT = "ms"
TARGET = 1.15
REPEATS = 7
THREADS = 1


def _iterations(smoke):
    return 100 if smoke else 10_000


def _operands():
    rng = np.random.RandomState(0)
    return rng.rand(2, 2).astype(np.float32), rng.rand(2, 2).astype(np.float32)


def torch_version(smoke, device):
    a, b = (torch.from_numpy(x).to(device) for x in _operands())
    iterations = _iterations(smoke)

    def run():
        for _ in range(iterations):
            c = torch.matmul(a, b) + a
            d = torch.square(c)
            torch.mean(d)

    return run


def tf_version(tf, smoke):
    a, b = (tf.constant(x) for x in _operands())
    iterations = _iterations(smoke)

    def run():
        for _ in range(iterations):
            c = tf.matmul(a, b) + a
            d = tf.square(c)
            tf.reduce_mean(d)

    return run
