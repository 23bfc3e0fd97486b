"""Chapter 3, sections 3.6.3–3.6.4: compile() and listing 3.23 (fit on NumPy data)."""

import numpy as np

NUM_SAMPLES_PER_CLASS = 1000


def make_data():
    """The two-class point clouds of listings 3.13–3.15."""
    np.random.seed(1)
    negative = np.random.multivariate_normal(
        mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=NUM_SAMPLES_PER_CLASS
    )
    positive = np.random.multivariate_normal(
        mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=NUM_SAMPLES_PER_CLASS
    )
    inputs = np.vstack((negative, positive)).astype(np.float32)
    targets = np.vstack(
        (
            np.zeros((NUM_SAMPLES_PER_CLASS, 1), dtype="float32"),
            np.ones((NUM_SAMPLES_PER_CLASS, 1), dtype="float32"),
        )
    )
    return inputs, targets


def test_compile_with_strings_then_fit(keras):
    """Section 3.6.3's string shortcuts, then listing 3.23."""
    keras.utils.set_random_seed(0)
    inputs, targets = make_data()
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mean_squared_error", metrics=["accuracy"])
    history = model.fit(inputs, targets, epochs=5, batch_size=128, verbose=0)
    assert type(history).__name__ == "History"
    assert list(history.history) == ["accuracy", "loss"]
    assert all(len(values) == 5 for values in history.history.values())
    assert all(type(v) is float for values in history.history.values() for v in values)
    assert history.epoch == [0, 1, 2, 3, 4]
    assert history.params == {"verbose": 0, "epochs": 5, "steps": 16}
    assert history.model is model
    assert history.history["loss"][-1] < history.history["loss"][0]


def test_compile_with_objects(keras):
    """Section 3.6.3's object form: the metric keeps its own name."""
    keras.utils.set_random_seed(0)
    inputs, targets = make_data()
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(
        optimizer=keras.optimizers.RMSprop(),
        loss=keras.losses.MeanSquaredError(),
        metrics=[keras.metrics.BinaryAccuracy()],
    )
    history = model.fit(inputs, targets, epochs=2, batch_size=128, verbose=0)
    assert list(history.history) == ["binary_accuracy", "loss"]
    assert len(history.history["loss"]) == 2


def test_fit_before_compile_raises(keras):
    """Bad input: training an uncompiled model names the fix."""
    inputs, targets = make_data()
    model = keras.Sequential([keras.layers.Dense(1)])
    try:
        model.fit(inputs, targets, verbose=0)
    except ValueError as error:
        assert "You must call `compile()` before using the model." in str(error)
    else:
        raise AssertionError("fit() before compile() did not raise")


def test_mismatched_lengths_raise(keras):
    """Bad input: x and y of different lengths."""
    inputs, targets = make_data()
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mse")
    try:
        model.fit(inputs, targets[:10], verbose=0)
    except ValueError as error:
        assert "Data cardinality is ambiguous" in str(error)
        assert "'x' sizes: 2000" in str(error) and "'y' sizes: 10" in str(error)
    else:
        raise AssertionError("mismatched x/y lengths did not raise")


def test_unknown_optimizer_raises(keras):
    """Bad input: an optimizer name Keras does not know."""
    model = keras.Sequential([keras.layers.Dense(1)])
    try:
        model.compile(optimizer="no_such_optimizer", loss="mse")
    except ValueError as error:
        assert "Could not interpret optimizer identifier: no_such_optimizer" in str(error)
    else:
        raise AssertionError("an unknown optimizer did not raise")
