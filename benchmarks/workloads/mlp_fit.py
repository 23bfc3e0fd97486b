"""mlp_fit: one epoch of ``model.fit`` (Dense(512, relu) -> Dense(10, softmax),
rmsprop, sparse_categorical_crossentropy, accuracy) on (60000, 784) float32,
batch 128, ``verbose=0``, against a hand-written torch loop doing the same math."""

import torch

from . import _mlp

DESCRIPTION = "fit(): MLP 784-512-10, rmsprop, 60000 x 784, batch 128, 1 epoch, verbose=0"
UNIT = "ms"
TARGET = 1.02
REPEATS = 3
THREADS = None
VERBOSE = 0


def torch_version(smoke, device):
    x, y = _mlp.data(smoke)
    x, y = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    model = _mlp.TorchMLP(device)
    return lambda: model.train_epoch(x, y)


def tf_version(tf, smoke):
    x, y = _mlp.data(smoke)
    model = _mlp.keras_model(tf)
    return lambda: model.fit(x, y, batch_size=_mlp.BATCH_SIZE, epochs=1, verbose=VERBOSE)
