"""Shared parts of the MLP workloads (``mlp_fit``, ``mlp_fit_verbose``, ``mlp_predict``, ...):
the data, the Keras model, and the same model with Keras' math in raw torch."""

import math

import numpy as np
import torch

BATCH_SIZE = 128
RHO, EPSILON, LEARNING_RATE = 0.9, 1e-7, 0.001


def data(smoke):
    """MNIST-shaped synthetic data: (60000, 784) float32 in [0, 1), int labels 0–9."""
    rows = 1024 if smoke else 60000
    rng = np.random.RandomState(0)
    return rng.rand(rows, 784).astype(np.float32), rng.randint(0, 10, size=(rows,)).astype(np.int64)


def keras_model(tf, jit_compile="auto"):
    """Dense(512, relu) -> Dense(10, softmax), compiled as the issue states (``jit_compile``
    passed on)."""
    keras = tf.keras
    model = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            keras.layers.Dense(512, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="rmsprop",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
        jit_compile=jit_compile,
    )
    return model


def _glorot(fan_in, fan_out, device):
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return torch.empty(fan_in, fan_out, device=device).uniform_(-limit, limit).requires_grad_()


class TorchMLP:
    """The same model, loss, metric and RMSprop update (Keras' ``sqrt(v + eps)``) in raw torch."""

    def __init__(self, device):
        self.params = [
            _glorot(784, 512, device),
            torch.zeros(512, device=device, requires_grad=True),
            _glorot(512, 10, device),
            torch.zeros(10, device=device, requires_grad=True),
        ]
        self.velocities = [torch.zeros_like(p) for p in self.params]

    def forward(self, x):
        w1, b1, w2, b2 = self.params
        return torch.softmax(torch.relu(x @ w1 + b1) @ w2 + b2, dim=-1)

    def step(self, xb, yb):
        """One training step: forward, loss, gradients, Keras' RMSprop update; ``(loss, probs)``."""
        probs = self.forward(xb)
        picked = probs.gather(1, yb.unsqueeze(1)).squeeze(1).clamp(EPSILON, 1 - EPSILON)
        loss = -torch.log(picked).mean()
        grads = torch.autograd.grad(loss, self.params)
        with torch.no_grad():
            torch._foreach_mul_(self.velocities, RHO)
            torch._foreach_addcmul_(self.velocities, grads, grads, value=1 - RHO)
            denominators = torch._foreach_add(self.velocities, EPSILON)
            torch._foreach_sqrt_(denominators)
            torch._foreach_addcdiv_(self.params, grads, denominators, value=-LEARNING_RATE)
        return loss, probs

    def train_epoch(self, x, y):
        """One epoch: shuffled batches, loss/accuracy kept on the device, one sync at the end."""
        order = torch.randperm(x.shape[0], device=x.device)
        loss_sum = torch.zeros((), device=x.device)
        correct = torch.zeros((), device=x.device)
        previous = torch.set_flush_denormal(True)
        for start in range(0, x.shape[0], BATCH_SIZE):
            rows = order[start : start + BATCH_SIZE]
            xb, yb = x.index_select(0, rows), y.index_select(0, rows)
            loss, probs = self.step(xb, yb)
            with torch.no_grad():
                loss_sum += loss * rows.numel()
                correct += (probs.argmax(dim=1) == yb).sum()
        torch.set_flush_denormal(previous)
        return float(loss_sum) / x.shape[0], float(correct) / x.shape[0]


class CompiledTorchMLP(TorchMLP):
    """``TorchMLP`` with its whole train step (forward, loss, ``autograd.grad`` and the RMSprop
    update) compiled as one ``torch.compile`` graph, as ``compile(jit_compile=True)`` compiles a
    Keras model's step."""

    def __init__(self, device):
        super().__init__(device)
        self._compiled_step = torch.compile(self._detached_step, fullgraph=True)

    def _detached_step(self, xb, yb):
        loss, probs = super().step(xb, yb)
        return (
            loss.detach(),
            probs.detach(),
        )  # a compiled graph cannot return what autograd.grad consumed

    def step(self, xb, yb):
        """The compiled step (its graph holds ``autograd.grad``); outputs detached."""
        with torch._dynamo.config.patch(trace_autograd_ops=True):
            return self._compiled_step(xb, yb)
