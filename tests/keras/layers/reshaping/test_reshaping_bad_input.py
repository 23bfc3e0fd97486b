"""``UpSampling1D``'s ``size`` checked as Keras checks it: TF's outcome; checked against real
TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.UpSampling1D(-1)",
        {
            "message": "Argument `size` should be a positive integer. Received: size",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.UpSampling1D(0)",
        {
            "message": "Argument `size` should be a positive integer. Received: size",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.UpSampling1D(2.5)",
        {
            "message": "Expected an integer value for `size`, got <class 'float'>.",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.UpSampling1D(True)",
        {
            "message": "Expected an integer value for `size`, got <class 'bool'>.",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.UpSampling1D(None)",
        {
            "message": "Expected an integer value for `size`, got <class 'NoneType'>",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.UpSampling1D(3, name='t')(np.ones((1, 2, 2), np.float32))",
        {"returns": {"dtype": "float32", "shape": [1, 6, 2]}},
    ),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
