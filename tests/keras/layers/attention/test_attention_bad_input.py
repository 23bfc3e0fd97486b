"""Attention layers given bad arguments and inputs (a non-number ``dropout``, ``None``, strings,
integers, shapes that do not broadcast): TF's outcome; checked against real TensorFlow where it
is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.AdditiveAttention(dropout='a')",
        {
            "message": "'>' not supported between instances of 'str' and 'int'",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.Attention(name='t')([np.array([['a', 'b']]), np.array([['a', 'b']])])",
        {
            "message": "Exception encountered when calling Attention.call().\n\ndtype=",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Attention(name='t')([np.ones((2, 3, 4), np.float32), None])",
        {
            "message": "Exception encountered when calling Attention.call().\n\nAttemp",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Attention(name='t')([np.ones((2, 3, 4), np.int32), np.ones((2, 3, 4), "
        "np.int32)])",
        {
            "message": "Exception encountered when calling Attention.call().\n\nValue ",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.AdditiveAttention(name='t')([np.ones((2, 3, 4), np.int32), np.ones((2, 3, "
        "4), "
        "np.int32)])",
        {"returns": {"dtype": "float32", "shape": [2, 3, 4]}},
    ),
    (
        "keras.layers.AdditiveAttention(name='t')([np.ones((2, 3, 4), np.float32), np.ones((2, 5, "
        "3), np.float32)])",
        {
            "message": "Exception encountered when calling AdditiveAttention.call().",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.AdditiveAttention(name='t')([np.array([['a', 'b']]), np.array([['a', "
        "'b']])])",
        {
            "message": "Exception encountered when calling AdditiveAttention.call().",
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
