"""Core layers given bad arguments and inputs (``InputLayer`` shapes and tensors, ``Lambda`` non-
callables, ``Masking`` / ``EinsumDense`` / ``RMSNormalization`` on strings, ``None``, integers
and empty batches): TF's outcome; checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.InputLayer(batch_shape=3)",
        {"message": "Cannot convert '3' to a shape.", "raises": "ValueError"},
    ),
    (
        "keras.layers.InputLayer(input_tensor=np.ones((2, 3)))",
        {
            "message": "Argument `input_tensor` must be a KerasTensor. Received inva",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.InputLayer(shape=(2.5,))",
        {
            "message": "Cannot convert '(2.5,)' to a shape. Found invalid dimension ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.InputLayer(shape=('a',))",
        {
            "message": "Cannot convert '('a',)' to a shape. Found invalid dimension ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.InputLayer(shape=(True,)).output.shape",
        {"returns": {"items": [{"python": None}, {"python": 1}]}},
    ),
    (
        "keras.Input(shape=(np.int64(3),)).shape",
        {"returns": {"items": [{"python": None}, {"python": 3}]}},
    ),
    ("keras.layers.Lambda(None)", {"message": "unsupported callable", "raises": "TypeError"}),
    ("keras.layers.Lambda(3)", {"message": "unsupported callable", "raises": "TypeError"}),
    (
        "keras.layers.Masking(name='t')(None)",
        {
            "message": "Exception encountered when calling Masking.call().\n\nAttempt ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Masking(name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling Masking.call().\n\ndtype='s",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.RMSNormalization(name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling RMSNormalization.call().\n",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.EinsumDense('ab,bc->ac', 4, name='t')(np.ones((2, 3), np.int32))",
        {"returns": {"dtype": "float32", "shape": [2, 4]}},
    ),
    (
        "keras.layers.EinsumDense('ab,bc->ac', 4, name='t')(np.zeros((0, 3), np.float32))",
        {"returns": {"dtype": "float32", "shape": [0, 4]}},
    ),
    (
        "keras.layers.EinsumDense('ab,bc->ac', 4, name='t')(None)",
        {"message": "object of type 'NoneType' has no len()", "raises": "TypeError"},
    ),
    (
        "keras.layers.EinsumDense('ab,bc->ac', 4, name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling EinsumDense.call().\n\ndtyp",
            "raises": "ValueError",
        },
    ),
    ("keras.layers.EinsumDense(None, 4)", {"returns": {"type": "EinsumDense"}}),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
