"""Every layer's ``name`` and ``trainable`` arguments checked as Keras' ``Layer`` checks them (in
its order): TF's outcome; checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.Dense(2, name=3)",
        {
            "message": (
                "Argument `name` must be a string and cannot contain "
                "characte"  # codespell:ignore characte
            ),
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Identity(trainable='a')",
        {
            "message": "Expected `trainable` to be a boolean. Received: trainable=a ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dense(2, trainable=1)",
        {
            "message": "Expected `trainable` to be a boolean. Received: trainable=1 ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dense(2, trainable=np.True_)",
        {
            "message": "Expected `trainable` to be a boolean. Received: trainable=Tr",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dense(2, name=3, nope=1)",
        {
            "message": (
                "Argument `name` must be a string and cannot contain "
                "characte"  # codespell:ignore characte
            ),
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dense(2, trainable='a', nope=1)",
        {
            "message": "Unrecognized keyword arguments passed to Dense: {'nope': 1}",
            "raises": "ValueError",
        },
    ),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
