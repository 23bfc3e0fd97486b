"""Preprocessing layers given bad arguments and inputs (non-integer seeds, ``None`` factors, ranks
whose shape Keras reads first, integer images, ``None``): TF's outcome; checked against real
TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.RandomFlip('horizontal', seed='a')",
        {"message": "Argument `seed` must be an integer. Received: seed=a", "raises": "ValueError"},
    ),
    (
        "keras.layers.RandomCrop(2, 2, seed=1.5)",
        {
            "message": "Argument `seed` must be an integer. Received: seed=1.5",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.RandomZoom(0.2, seed='a')",
        {"message": "Argument `seed` must be an integer. Received: seed=a", "raises": "ValueError"},
    ),
    (
        "keras.layers.RandomBrightness(None).factor",
        {"returns": {"items": [{"python": -0.0}, {"python": 0.0}]}},
    ),
    (
        "keras.layers.RandomRotation(None).factor",
        {"returns": {"items": [{"python": -0.0}, {"python": 0.0}]}},
    ),
    (
        "keras.layers.RandomContrast(None)",
        {
            "message": "The `factor` argument should be a number (or a list of two n",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.RandomCrop(2, 2, name='t')(np.ones((4, 3), np.float32))",
        {
            "message": "Exception encountered when calling RandomCrop.call().\n\ntuple",
            "raises": "IndexError",
        },
    ),
    (
        "keras.layers.RandomRotation(0.2, name='t')(np.ones((4,), np.float32))",
        {
            "message": "Exception encountered when calling RandomRotation.call().\n\nt",
            "raises": "IndexError",
        },
    ),
    (
        "keras.layers.RandomRotation(0.2, name='t')(np.ones((4, 3), np.float32))",
        {
            "message": "Exception encountered when calling RandomRotation.call().\n\nE",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.RandomTranslation(0.2, 0.2, name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling RandomTranslation.call().",
            "raises": "IndexError",
        },
    ),
    (
        "keras.layers.RandomBrightness(0.2, name='t')(np.ones((1, 4, 4, 3), np.int32))",
        {"returns": {"dtype": "int32", "shape": [1, 4, 4, 3]}},
    ),
    (
        "keras.layers.RandomBrightness(0.2, name='t')(np.ones((1, 4, 4, 3), np.float64))",
        {"returns": {"dtype": "float32", "shape": [1, 4, 4, 3]}},
    ),
    (
        "keras.layers.RandomContrast(0.2, name='t')(np.ones((1, 4, 4, 3), np.int32))",
        {
            "message": "Exception encountered when calling RandomContrast.call().\n\nc",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.RandomContrast(0.2, name='t')(np.ones((1, 4, 4, 3), np.int32), "
        "training=False)",
        {"returns": {"dtype": "int32", "shape": [1, 4, 4, 3]}},
    ),
    (
        "keras.layers.Hashing(3, name='t')(None)",
        {
            "message": "Exception encountered when calling Hashing.call().\n\nAttempt ",
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
