"""linear_tape: the chapter's linear classifier (listings 3.13–3.21), 40
full-batch GradientTape steps with ``assign_sub``, against the same loop in raw
torch autograd.  Each repetition starts from fresh weights."""

import numpy as np
import torch

DESCRIPTION = "chapter 3's linear classifier: 40 GradientTape steps on (2000, 2)"
UNIT = "ms"
TARGET = 1.25
REPEATS = 25
THREADS = 1
LEARNING_RATE = 0.1


def steps(smoke):
    """Training steps per repetition."""
    return 3 if smoke else 40


def data():
    """Listings 3.13–3.15 with ``np.random.seed(1)``'s data (float32 NumPy)."""
    rng = np.random.RandomState(1)
    cov = [[1, 0.5], [0.5, 1]]
    inputs = np.vstack(
        (
            rng.multivariate_normal([0, 3], cov, size=1000),
            rng.multivariate_normal([3, 0], cov, size=1000),
        )
    ).astype(np.float32)
    targets = np.vstack((np.zeros((1000, 1), dtype="float32"), np.ones((1000, 1), dtype="float32")))
    return inputs, targets


def torch_training_step(inputs, targets, device):
    """A fresh raw-torch model; returns its ``training_step()``.

    Like the chapter's loop it receives the NumPy ``inputs``/``targets`` every
    step and converts them the cheapest way torch offers (``torch.from_numpy``,
    no copy, then ``.to(device)``).
    """
    W = torch.tensor([[0.5], [0.25]], device=device, requires_grad=True)
    b = torch.zeros(1, device=device, requires_grad=True)

    def training_step():
        x = torch.from_numpy(inputs).to(device)
        y = torch.from_numpy(targets).to(device)
        predictions = torch.matmul(x, W) + b
        loss = torch.mean(torch.square(y - predictions))
        grad_W, grad_b = torch.autograd.grad(loss, [W, b])
        with torch.no_grad():
            W.sub_(grad_W * LEARNING_RATE)
            b.sub_(grad_b * LEARNING_RATE)
        return loss

    return training_step


def tf_training_step(tf, inputs, targets):
    """A fresh model written as in the chapter; returns its ``training_step()``."""
    W = tf.Variable(initial_value=[[0.5], [0.25]])
    b = tf.Variable(initial_value=tf.zeros(shape=(1,)))

    def model(inputs):
        return tf.matmul(inputs, W) + b

    def square_loss(targets, predictions):
        return tf.reduce_mean(tf.square(targets - predictions))

    def training_step():
        with tf.GradientTape() as tape:
            predictions = model(inputs)
            loss = square_loss(predictions, targets)
        grad_loss_wrt_W, grad_loss_wrt_b = tape.gradient(loss, [W, b])
        W.assign_sub(grad_loss_wrt_W * LEARNING_RATE)
        b.assign_sub(grad_loss_wrt_b * LEARNING_RATE)
        return loss

    return training_step


def torch_version(smoke, device):
    inputs, targets = data()  # NumPy, as in the chapter
    count = steps(smoke)

    def run():
        training_step = torch_training_step(inputs, targets, device)
        for _ in range(count):
            training_step()

    return run


def tf_version(tf, smoke):
    inputs, targets = data()  # NumPy, as in the chapter
    count = steps(smoke)

    def run():
        training_step = tf_training_step(tf, inputs, targets)
        for _ in range(count):
            training_step()

    return run
