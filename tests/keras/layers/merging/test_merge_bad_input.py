"""Merge layers and ``Dot`` given bad inputs (an empty list, ``None``, strings, other batch sizes,
lower ranks, mixed dtypes) and bad ``axes``: TF's outcome; checked against real TensorFlow where
it is installed."""

import numpy as np
import pytest
import torch

from torchkeras import keras
from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.Average(name='t')([])",
        {"message": "'NoneType' object is not subscriptable", "raises": "TypeError"},
    ),
    (
        "keras.layers.Maximum(name='t')([np.ones((2, 3), np.float32), None])",
        {
            "message": "Exception encountered when calling Maximum.call().\n\nAttempt ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Subtract(name='t')([np.array([['a', 'b']]), np.array([['a', 'b']])])",
        {
            "message": "Exception encountered when calling Subtract.call().\n\nValue f",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.Minimum(name='t')([np.array([['a', 'b']]), np.array([['a', 'b']])])",
        {
            "message": (
                "Exception encountered when calling Minimum.call().\n\nValue "
                "fo"  # codespell:ignore fo
            ),
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.Multiply(name='t')([np.ones((2, 3), np.float32), np.ones((3, 3), "
        "np.float32)])",
        {
            "message": (
                "Cannot merge tensors with different batch sizes. Received "
                "te"  # codespell:ignore te
            ),
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Minimum(name='t')([np.ones((2, 3), np.float32), np.ones((2, 3, 1), "
        "np.float32)])",
        {"returns": {"dtype": "float32", "shape": [2, 3, 3]}},
    ),
    (
        "keras.layers.Add(name='t')([np.ones((2, 3), np.float32), np.ones((2, 3, 1), np.float32)])",
        {"returns": {"dtype": "float32", "shape": [2, 3, 3]}},
    ),
    (
        "keras.layers.Dot('a')",
        {
            "message": "Invalid type for argument `axes`: it should be a list or an ",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.Dot(None)",
        {
            "message": "Invalid type for argument `axes`: it should be a list or an ",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.Dot((1, 2, 3))",
        {
            "message": "Invalid format for argument `axes`: it should contain two el",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dot((1, 'a'))",
        {
            "message": "Invalid format for argument `axes`: list elements should be ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dot(1, name='t')([])",
        {"message": "'NoneType' object is not subscriptable", "raises": "TypeError"},
    ),
    (
        "keras.layers.Dot(1, name='t')([np.ones((2, 3), np.int32), np.ones((2, 3), np.float32)])",
        {"returns": {"dtype": "float32", "shape": [2, 1]}},
    ),
    (
        "keras.layers.Dot(1, name='t')([np.ones((2, 3), np.float32), np.ones((3, 3), np.float32)])",
        {
            "message": "Exception encountered when calling Dot.call().\n\nCannot do ba",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Dot(1, name='t')([np.ones((2, 3), np.float32), None])",
        {
            "message": "Exception encountered when calling Dot.call().\n\n'NoneType' o",
            "raises": "AttributeError",
        },
    ),
    (
        "keras.layers.Dot(1, name='t')([np.array([['a', 'b']]), np.array([['a', 'b']])])",
        {
            "message": "Exception encountered when calling Dot.call().\n\ndtype='strin",
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


def test_lower_rank_inputs_get_axes_after_the_batch_axis():
    """Keras' merge of ranks 2 and 3: ``a[:, None, :] - b`` (not NumPy's left padding)."""

    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.arange(6, dtype=np.float32).reshape(2, 3, 1) * 10
    out = keras.layers.Subtract()([a, b])
    np.testing.assert_allclose(out.numpy(), a[:, None, :] - b)


def test_batch_dot_errors_name_both_shapes():

    with pytest.raises(ValueError, match=r"different batch sizes. Received inputs with shapes "):
        keras.layers.Dot(1)([np.ones((2, 3), np.float32), np.ones((3, 3), np.float32)])
    with pytest.raises(ValueError, match=r"with rank < 2"):
        keras.layers.Dot(0)._merge_function([torch.ones(2), torch.ones(2)])
