"""convnet_fit: one epoch of ``model.fit`` (Conv2D(16, 3, relu) -> MaxPooling2D -> Flatten ->
Dense(10, softmax), SGD, sparse_categorical_crossentropy) on (10000, 28, 28, 1) float32 images,
batch 128, ``verbose=0``, against the same model in raw torch (``conv2d`` + ``max_pool2d`` on
channels-last images, the same loss and SGD update)."""

import math

import numpy as np
import torch

DESCRIPTION = (
    "fit(): Conv2D(16,3)-MaxPool-Dense(10), sgd, 10000 x 28 x 28 x 1, batch 128, 1 epoch, verbose=0"
)
UNIT = "ms"
TARGET = 1.10
REPEATS = 3
THREADS = None
BATCH_SIZE, FILTERS, CLASSES, LEARNING_RATE, EPSILON = 128, 16, 10, 0.01, 1e-7
FLAT = 13 * 13 * FILTERS


def _data(smoke):
    rows = 512 if smoke else 10000
    rng = np.random.RandomState(0)
    return rng.rand(rows, 28, 28, 1).astype(np.float32), rng.randint(
        0, CLASSES, size=(rows,)
    ).astype(np.int64)


def _glorot(shape, fan_in, fan_out, device):
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return torch.empty(shape, device=device).uniform_(-limit, limit).requires_grad_()


class _TorchConvNet:
    """The same network in raw torch: NHWC images viewed as NCHW for ``conv2d``, SGD by hand."""

    def __init__(self, device):
        self.params = [
            _glorot((FILTERS, 1, 3, 3), 9, 9 * FILTERS, device),
            torch.zeros(FILTERS, device=device, requires_grad=True),
            _glorot((FLAT, CLASSES), FLAT, CLASSES, device),
            torch.zeros(CLASSES, device=device, requires_grad=True),
        ]

    def forward(self, x):
        kernel, bias, weight, dense_bias = self.params
        h = torch.relu(torch.nn.functional.conv2d(x.movedim(-1, 1), kernel, bias))
        h = torch.nn.functional.max_pool2d(h, 2).movedim(1, -1).reshape(x.shape[0], -1)
        return torch.softmax(torch.addmm(dense_bias, h, weight), dim=-1)

    def train_epoch(self, x, y):
        order = torch.randperm(x.shape[0], device=x.device)
        loss_sum = torch.zeros((), device=x.device)
        previous = torch.set_flush_denormal(True)
        for start in range(0, x.shape[0], BATCH_SIZE):
            rows = order[start : start + BATCH_SIZE]
            xb, yb = x.index_select(0, rows), y.index_select(0, rows)
            probs = self.forward(xb)
            loss = -torch.log(
                probs.gather(1, yb.unsqueeze(1)).squeeze(1).clamp(EPSILON, 1 - EPSILON)
            ).mean()
            grads = torch.autograd.grad(loss, self.params)
            with torch.no_grad():
                torch._foreach_add_(self.params, grads, alpha=-LEARNING_RATE)
                loss_sum += loss * rows.numel()
        torch.set_flush_denormal(previous)
        return float(loss_sum) / x.shape[0]


def torch_version(smoke, device):
    x, y = _data(smoke)
    model = _TorchConvNet(device)
    x, y = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    return lambda: model.train_epoch(x, y)


def tf_version(tf, smoke):
    x, y = _data(smoke)
    keras = tf.keras
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(FILTERS, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(CLASSES, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE),
        loss="sparse_categorical_crossentropy",
    )
    return lambda: model.fit(x, y, batch_size=BATCH_SIZE, epochs=1, verbose=0)
