"""lstm_fit: one epoch of ``model.fit`` (LSTM(32) -> Dense(1), SGD, mse) on (4096, 30, 8) float32
sequences, batch 64, ``verbose=0``, against the same model in raw torch (``nn.LSTM`` + a linear
layer, the same SGD update)."""

import numpy as np
import torch

DESCRIPTION = "fit(): LSTM(32) -> Dense(1), sgd, mse, 4096 x 30 x 8, batch 64, 1 epoch, verbose=0"
UNIT = "ms"
TARGET = 1.10
REPEATS = 3
THREADS = None
BATCH_SIZE, STEPS, FEATURES, UNITS, LEARNING_RATE = 64, 30, 8, 32, 0.01


def _data(smoke):
    rows = 256 if smoke else 4096
    rng = np.random.RandomState(0)
    x = rng.randn(rows, STEPS, FEATURES).astype(np.float32)
    return x, x.mean(axis=(1, 2))[:, None].astype(np.float32)


class _TorchLSTM:
    """``nn.LSTM`` + a linear head, trained with plain SGD on the mean squared error."""

    def __init__(self, device):
        self.lstm = torch.nn.LSTM(FEATURES, UNITS, batch_first=True).to(device)
        self.head = torch.nn.Linear(UNITS, 1).to(device)
        self.params = list(self.lstm.parameters()) + list(self.head.parameters())

    def train_epoch(self, x, y):
        order = torch.randperm(x.shape[0], device=x.device)
        loss_sum = torch.zeros((), device=x.device)
        previous = torch.set_flush_denormal(True)
        for start in range(0, x.shape[0], BATCH_SIZE):
            rows = order[start : start + BATCH_SIZE]
            xb, yb = x.index_select(0, rows), y.index_select(0, rows)
            _, (h, _) = self.lstm(xb)
            loss = torch.mean((self.head(h[0]) - yb) ** 2)
            grads = torch.autograd.grad(loss, self.params)
            with torch.no_grad():
                torch._foreach_add_(self.params, grads, alpha=-LEARNING_RATE)
                loss_sum += loss * rows.numel()
        torch.set_flush_denormal(previous)
        return float(loss_sum) / x.shape[0]


def torch_version(smoke, device):
    x, y = _data(smoke)
    model = _TorchLSTM(device)
    x, y = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    return lambda: model.train_epoch(x, y)


def tf_version(tf, smoke):
    x, y = _data(smoke)
    keras = tf.keras
    model = keras.Sequential(
        [keras.Input(shape=(STEPS, FEATURES)), keras.layers.LSTM(UNITS), keras.layers.Dense(1)]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE), loss="mse")
    return lambda: model.fit(x, y, batch_size=BATCH_SIZE, epochs=1, verbose=0)
