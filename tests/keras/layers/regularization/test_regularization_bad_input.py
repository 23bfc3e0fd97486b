"""Noise and activity-regularization layers given bad arguments and inputs (integer inputs in
training, penalties Keras' ``validate_float_arg`` refuses, strings): TF's outcome; checked
against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.AlphaDropout(0.5, name='t')(np.ones((2, 3), np.int32), training=True)",
        {
            "message": "Exception encountered when calling AlphaDropout.call().\n\nCan",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.GaussianNoise(0.5, name='t')(np.ones((2, 3), np.int32), training=True)",
        {
            "message": "Exception encountered when calling GaussianNoise.call().\n\nca",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.ActivityRegularization('a')",
        {
            "message": "Invalid value for argument l1: expected a non-negative float",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.ActivityRegularization(l2=-1.)",
        {
            "message": "Invalid value for argument l2: expected a non-negative float",
            "raises": "ValueError",
        },
    ),
    ("keras.layers.ActivityRegularization(None).l1", {"returns": {"python": None}}),
    (
        "keras.layers.ActivityRegularization(0.1, name='t')(np.array([['a', 'b']]))",
        {"message": "Cannot convert 0.0 to EagerTensor of dtype string", "raises": "TypeError"},
    ),
    (
        "keras.regularizers.L1L2(float('nan'))",
        {
            "message": "Invalid value for argument l1: expected a non-negative float",
            "raises": "ValueError",
        },
    ),
    ("keras.regularizers.L2(None).get_config()", {"returns": {"keys": ["l2"]}}),
    ("keras.regularizers.L1L2(None, None).get_config()", {"returns": {"keys": ["l1", "l2"]}}),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
