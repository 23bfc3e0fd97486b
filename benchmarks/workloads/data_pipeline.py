"""data_pipeline: a tf.data input pipeline iterated to the end:
``from_tensor_slices((x, y)).map(f, num_parallel_calls=AUTOTUNE).batch(128).prefetch(AUTOTUNE)``
over 20,000 (64,) float32 rows, ``f`` a few tensor ops per element.  Raw torch: a
plain loop applying the same ops per row and stacking every 128 rows (what a
``DataLoader`` with ``num_workers=0`` does, without its sampler overhead).
The target that matters is TensorFlow's figure (torchkeras no slower than
tf.data); the torch column shows the Python floor of per-element work.
torchkeras runs ``f`` once per batch under ``torch.func.vmap`` here (map followed
by batch); ``data_pipeline_per_element`` turns that off."""

import numpy as np
import torch

DESCRIPTION = "from_tensor_slices.map(4 ops, parallel).batch(128).prefetch: 20,000 rows of 64"
UNIT = "ms"
TARGET = None
REPEATS = 5
THREADS = None
_BATCH = 128


def _data(smoke):
    rng = np.random.RandomState(0)
    rows = 512 if smoke else 20_000
    return rng.rand(rows, 64).astype(np.float32), rng.randint(0, 10, rows).astype(np.int32)


def torch_version(smoke, device):
    x, y = (torch.from_numpy(a) for a in _data(smoke))

    def f(row, label):
        return torch.relu(row * 2.0 - 1.0) + torch.mean(row), label

    def run():
        rows, labels = [], []
        for index in range(x.shape[0]):
            a, b = f(x[index], y[index])
            rows.append(a)
            labels.append(b)
            if len(rows) == _BATCH:
                torch.stack(rows), torch.stack(labels)
                rows, labels = [], []
        if rows:
            torch.stack(rows), torch.stack(labels)

    return run


def tf_version(tf, smoke, default_optimizations=True):
    x, y = _data(smoke)

    def f(row, label):
        return tf.nn.relu(row * 2.0 - 1.0) + tf.reduce_mean(row), label

    dataset = (
        tf.data.Dataset.from_tensor_slices((x, y))
        .map(f, num_parallel_calls=tf.data.AUTOTUNE)
        .batch(_BATCH)
        .prefetch(tf.data.AUTOTUNE)
    )
    if not default_optimizations:
        options = tf.data.Options()
        options.experimental_optimization.apply_default_optimizations = False
        dataset = dataset.with_options(options)

    def run():
        for _ in dataset:
            pass

    return run
