"""Chapter 3, listings 3.13–3.21: a linear classifier in pure TensorFlow,
running on torchkeras.

Two classes of 2D points, a model ``W . x + b``, the square loss, and 40
full-batch GradientTape steps.  The two figures of the chapter (the model's
predictions, and the decision line over them) are saved as PNG files when
matplotlib is installed.

    python -m torchkeras.examples.linear_classifier [OUTPUT_DIR] [--steps 40] [--seed 1]
"""

import argparse
import os
import tempfile

import numpy as np

import torchkeras as tf


def make_data(num_samples_per_class=1000):
    """Listings 3.13–3.15: (2000, 2) float32 inputs and (2000, 1) targets."""
    negative_samples = np.random.multivariate_normal(
        mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class
    )
    positive_samples = np.random.multivariate_normal(
        mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class
    )
    inputs = np.vstack((negative_samples, positive_samples)).astype(np.float32)
    targets = np.vstack(
        (
            np.zeros((num_samples_per_class, 1), dtype="float32"),
            np.ones((num_samples_per_class, 1), dtype="float32"),
        )
    )
    return inputs, targets


def save_plots(inputs, predictions, W, b, output_dir):  # noqa: N803
    """Figures 3.7 and 3.8 as PNG files in ``output_dir`` (a new temporary
    folder when ``None``); returns their paths (none without matplotlib)."""
    try:
        import matplotlib
    except ImportError:
        return []
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    output_dir = output_dir or tempfile.mkdtemp(prefix="linear_classifier_")
    os.makedirs(output_dir, exist_ok=True)
    paths = [os.path.join(output_dir, name) for name in ("predictions.png", "decision_line.png")]
    plt.figure()
    plt.scatter(inputs[:, 0], inputs[:, 1], c=predictions[:, 0] > 0.5)
    plt.savefig(paths[0])
    x = np.linspace(-1, 4, 100)
    y = -W[0] / W[1] * x + (0.5 - b) / W[1]
    plt.plot(x, y, "-r")
    plt.savefig(paths[1])
    plt.close("all")
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "output_dir", nargs="?", help="folder for the PNG plots (default: a new temporary folder)"
    )
    parser.add_argument("--steps", type=int, default=40, help="training steps (default: 40)")
    parser.add_argument(
        "--seed", type=int, default=None, help="NumPy and TF seed (default: random)"
    )
    args = parser.parse_args(argv)
    if args.seed is not None:
        np.random.seed(args.seed)
        tf.random.set_seed(args.seed)

    inputs, targets = make_data()

    input_dim = 2
    output_dim = 1
    W = tf.Variable(initial_value=tf.random.uniform(shape=(input_dim, output_dim)))
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

    for step in range(args.steps):
        loss = training_step(inputs, targets)
        print(f"Loss at step {step}: {loss:.4f}")

    predictions = model(inputs)
    accuracy = np.mean((predictions.numpy()[:, 0] > 0.5) == (targets[:, 0] == 1))
    print(f"Accuracy (prediction > 0.5): {accuracy:.3f}")
    paths = save_plots(inputs, predictions, W, b, args.output_dir)
    for path in paths:
        print("Saved", path)
    if not paths:
        print("(matplotlib is not installed: no plots)")


if __name__ == "__main__":
    main()
