"""Activation layers given integer, string and ``None`` inputs: TF's outcome; checked against real
TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.ELU(name='t')(np.ones((2, 3), np.int32))",
        {
            "message": "Exception encountered when calling ELU.call().\n\nValue for at",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.ELU(name='t')(None)",
        {
            "message": "Exception encountered when calling ELU.call().\n\nAttempt to c",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.ELU(name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling ELU.call().\n\nValue for at",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.LeakyReLU(name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling LeakyReLU.call().\n\nValue ",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.LeakyReLU(name='t')(None)",
        {
            "message": "Exception encountered when calling LeakyReLU.call().\n\nAttemp",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.PReLU(name='t')(np.ones((2, 3), np.int32))",
        {
            "message": "Exception encountered when calling PReLU.call().\n\ncannot com",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.PReLU(name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling PReLU.call().\n\nValue for ",
            "raises": "InvalidArgumentError",
        },
    ),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
