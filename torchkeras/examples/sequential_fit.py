"""Chapter 3, sections 3.6.3–3.6.7: a one-layer Keras model trained with
``compile()``/``fit()`` on the two-class points, validated on a held-out 30 %
(listings 3.23–3.24), then ``evaluate()`` and ``predict()``.

    python -m torchkeras.examples.sequential_fit [--epochs 5] [--seed 0] [--verbose 2]
"""

import argparse

import numpy as np

from torchkeras import keras


def make_data(num_samples_per_class=1000):
    """The point clouds of listings 3.13–3.15: (2000, 2) inputs, (2000, 1) 0/1 targets."""
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


def main(argv=None):
    """Runs the section; returns ``{'val_binary_accuracy': ..., 'evaluate': [...]}``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=5, help="training epochs (default: 5)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument(
        "--verbose", type=int, default=2, choices=(0, 1, 2), help="fit() verbosity (default: 2)"
    )
    args = parser.parse_args(argv)
    keras.utils.set_random_seed(args.seed)
    inputs, targets = make_data()

    # Listing 3.24: hold out 30 % of the shuffled data for validation.
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=0.1),
        loss=keras.losses.MeanSquaredError(),
        metrics=[keras.metrics.BinaryAccuracy()],
    )
    indices_permutation = np.random.permutation(len(inputs))
    shuffled_inputs = inputs[indices_permutation]
    shuffled_targets = targets[indices_permutation]
    num_validation_samples = int(0.3 * len(inputs))
    val_inputs = shuffled_inputs[:num_validation_samples]
    val_targets = shuffled_targets[:num_validation_samples]
    training_inputs = shuffled_inputs[num_validation_samples:]
    training_targets = shuffled_targets[num_validation_samples:]
    history = model.fit(
        training_inputs,
        training_targets,
        epochs=args.epochs,
        batch_size=16,
        validation_data=(val_inputs, val_targets),
        verbose=args.verbose,
    )
    print("history keys:", list(history.history))

    # Section 3.6.6: evaluate() on the validation data.
    loss_and_metrics = model.evaluate(val_inputs, val_targets, batch_size=128, verbose=0)
    print("evaluate() -> [loss, binary_accuracy] =", [round(v, 4) for v in loss_and_metrics])

    # Section 3.6.7: predict() gives a NumPy array.
    predictions = model.predict(val_inputs, batch_size=128, verbose=0)
    print("predict() ->", type(predictions).__name__, predictions.shape, predictions.dtype)
    print(predictions[:10])
    return {
        "val_binary_accuracy": history.history["val_binary_accuracy"][-1],
        "evaluate": loss_and_metrics,
    }


if __name__ == "__main__":
    main()
