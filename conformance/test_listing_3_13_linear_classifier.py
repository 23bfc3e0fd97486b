"""Chapter 3, section 3.5.4: listings 3.13–3.21 (a linear classifier in pure TF)
and the two plots that follow them."""

import io

import numpy as np
import pytest

NUM_SAMPLES_PER_CLASS = 1000
EXPECTED_LOSSES = {0: 0.8242, 1: 0.1913, 10: 0.0615, 39: 0.0269}


def make_data():
    """Listings 3.13–3.15, with the data of the chapter's verified run."""
    np.random.seed(1)
    negative_samples = np.random.multivariate_normal(
        mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=NUM_SAMPLES_PER_CLASS
    )
    positive_samples = np.random.multivariate_normal(
        mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=NUM_SAMPLES_PER_CLASS
    )
    inputs = np.vstack((negative_samples, positive_samples)).astype(np.float32)
    targets = np.vstack(
        (
            np.zeros((NUM_SAMPLES_PER_CLASS, 1), dtype="float32"),
            np.ones((NUM_SAMPLES_PER_CLASS, 1), dtype="float32"),
        )
    )
    return inputs, targets


@pytest.fixture
def pyplot():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")


def _render(plt):
    buffer = io.BytesIO()
    plt.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")


def train(tf, inputs, targets, W, steps=40):
    """Listings 3.17–3.21 with the given ``W``; returns the printed lines,
    the losses, and the model's parts."""
    input_dim, output_dim = 2, 1
    assert W.shape == (input_dim, output_dim)
    b = tf.Variable(initial_value=tf.zeros(shape=(output_dim,)))

    def model(inputs):
        return tf.matmul(inputs, W) + b

    def square_loss(targets, predictions):
        per_sample_losses = tf.square(targets - predictions)
        return tf.reduce_mean(per_sample_losses)

    learning_rate = 0.1

    def training_step(inputs, targets):
        with tf.GradientTape() as tape:
            predictions = model(inputs)
            loss = square_loss(predictions, targets)
        grad_loss_wrt_W, grad_loss_wrt_b = tape.gradient(loss, [W, b])
        W.assign_sub(grad_loss_wrt_W * learning_rate)
        b.assign_sub(grad_loss_wrt_b * learning_rate)
        return loss

    lines, losses = [], []
    for step in range(steps):
        loss = training_step(inputs, targets)
        lines.append(f"Loss at step {step}: {loss:.4f}")
        losses.append(float(loss))
    return lines, losses, model, b


def test_3_13_to_3_15_data(tf, device):
    inputs, targets = make_data()
    assert inputs.shape == (2000, 2) and inputs.dtype == np.float32
    assert targets.shape == (2000, 1) and targets.dtype == np.float32
    assert targets[:1000].sum() == 0 and targets[1000:].sum() == 1000
    assert tf.constant(inputs).dtype == tf.float32


def test_3_16_scatter_plot_of_the_data(tf, device, pyplot):
    inputs, targets = make_data()
    pyplot.scatter(inputs[:, 0], inputs[:, 1], c=targets[:, 0])
    _render(pyplot)


def test_3_17_variables(tf, device):
    W = tf.Variable(initial_value=tf.random.uniform(shape=(2, 1)))
    b = tf.Variable(initial_value=tf.zeros(shape=(1,)))
    assert W.shape == (2, 1) and b.shape == (1,)
    assert W.dtype == tf.float32 and b.dtype == tf.float32
    assert 0 <= W.numpy().min() and W.numpy().max() < 1
    assert b.numpy().tolist() == [0.0]


def test_3_18_to_3_21_training_reaches_the_chapter_losses(tf, device):
    inputs, targets = make_data()
    W = tf.Variable(initial_value=[[0.5], [0.25]])
    lines, losses, model, b = train(tf, inputs, targets, W)
    assert len(lines) == 40
    for step, expected in EXPECTED_LOSSES.items():
        assert losses[step] == pytest.approx(expected, abs=1e-3)
        assert lines[step] == "Loss at step %d: %.4f" % (step, losses[step])
    predictions = model(inputs)
    assert predictions.shape == (2000, 1) and predictions.dtype == tf.float32
    accuracy = np.mean((predictions.numpy()[:, 0] > 0.5) == (targets[:, 0] == 1))
    assert accuracy == pytest.approx(0.998, abs=1e-3)
    assert W.device.endswith("/device:%s:0" % device)


def test_3_21_loop_with_random_initial_weights_settles(tf, device):
    inputs, targets = make_data()
    tf.random.set_seed(0)
    W = tf.Variable(initial_value=tf.random.uniform(shape=(2, 1)))
    _, losses, _, _ = train(tf, inputs, targets, W)
    assert losses[-1] < 0.035 and losses[-1] < losses[0]


def test_3_21_plots_of_predictions_and_decision_line(tf, device, pyplot):
    inputs, targets = make_data()
    W = tf.Variable(initial_value=[[0.5], [0.25]])
    _, _, model, b = train(tf, inputs, targets, W)

    predictions = model(inputs)
    classes = predictions[:, 0] > 0.5
    assert classes.dtype == tf.bool and classes.shape == (2000,)
    pyplot.scatter(inputs[:, 0], inputs[:, 1], c=classes)
    _render(pyplot)

    x = np.linspace(-1, 4, 100)
    y = -W[0] / W[1] * x + (0.5 - b) / W[1]
    assert tf.is_tensor(y) and y.dtype == tf.float32 and y.shape == (100,)
    pyplot.plot(x, y, "-r")
    pyplot.scatter(inputs[:, 0], inputs[:, 1], c=predictions[:, 0] > 0.5)
    _render(pyplot)
    expected = (-W.numpy()[0] / W.numpy()[1] * x + (0.5 - b.numpy()) / W.numpy()[1]).astype(
        np.float32
    )
    np.testing.assert_allclose(np.asarray(y), expected, rtol=1e-5, atol=1e-5)
