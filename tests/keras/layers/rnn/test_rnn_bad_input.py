"""Recurrent cells, ``RNN`` (inputs of rank < 3), ``TimeDistributed`` and ``Bidirectional`` given
bad arguments and inputs (non-integer ``units``, integer inputs, ``None`` or wrong states, wrong
ranks, strings, mismatched masks, backward layers Keras refuses): TF's outcome; checked against
real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.layers.GRUCell('a')",
        {
            "message": "'<=' not supported between instances of 'str' and 'int'",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.LSTMCell(None)",
        {
            "message": "'<=' not supported between instances of 'NoneType' and 'int'",
            "raises": "TypeError",
        },
    ),
    ("keras.layers.SimpleRNNCell(2.5)", {"returns": {"type": "SimpleRNNCell"}}),
    (
        "keras.layers.SimpleRNNCell(2, name='t')(np.ones((2, 3), np.int32), [np.ones((2, 2), "
        "np.float32)])[0]",
        {"returns": {"dtype": "float32", "shape": [2, 2]}},
    ),
    (
        "keras.layers.GRUCell(2, name='t')(np.ones((2, 3), np.int32), [np.ones((2, 2), "
        "np.float32)])[0]",
        {"returns": {"dtype": "float32", "shape": [2, 2]}},
    ),
    (
        "keras.layers.GRUCell(2, name='t')(np.ones((2, 3), np.float32), None)[0]",
        {
            "message": "Exception encountered when calling GRUCell.call().\n\nAttempt ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.LSTMCell(2, name='t')(np.ones((2, 3), np.float32), None)[0]",
        {
            "message": "Exception encountered when calling LSTMCell.call().\n\n'NoneTy",
            "raises": "TypeError",
        },
    ),
    (
        "keras.layers.LSTMCell(2, name='t')(np.ones((2, 3), np.float32), [])[0]",
        {
            "message": "Exception encountered when calling LSTMCell.call().\n\nlist in",
            "raises": "IndexError",
        },
    ),
    (
        "keras.layers.SimpleRNNCell(2, name='t')(np.ones((2, 3), np.float32), [np.ones((2, 5), "
        "np.float32)])[0]",
        {
            "message": "Exception encountered when calling SimpleRNNCell.call().\n\nMa",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.GRUCell(2, name='t')(np.ones((2, 3, 4), np.float32), [np.ones((2, 2), "
        "np.float32)])[0]",
        {
            "message": "Exception encountered when calling GRUCell.call().\n\nIncompat",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.LSTMCell(2, name='t')(np.array([['a', 'b']]), [np.ones((2, 2), np.float32), "
        "np.ones((2, 2), np.float32)])[0]",
        {
            "message": "Exception encountered when calling LSTMCell.call().\n\ndtype='",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.TimeDistributed(keras.layers.Dense(2), name='t')(None)",
        {
            "message": "`TimeDistributed` Layer should be passed an `input_shape` wi",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.TimeDistributed(keras.layers.Dense(2), name='t')(np.ones((2, 4, 3), "
        "np.float32), mask=np.ones((2, 5), bool))",
        {
            "message": "Exception encountered when calling TimeDistributed.call().\n\n",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.TimeDistributed(keras.layers.Dense(2), name='t')(np.ones((2, 4, 3), "
        "np.float32), mask=np.ones((2, 4), bool))",
        {"returns": {"dtype": "float32", "shape": [2, 4, 2]}},
    ),
    (
        "keras.layers.Bidirectional(keras.layers.SimpleRNN(2), "
        "backward_layer=keras.layers.Dense(2))",
        {"message": "'Dense' object has no attribute 'go_backwards'", "raises": "AttributeError"},
    ),
    (
        "keras.layers.Bidirectional(keras.layers.SimpleRNN(2), "
        "backward_layer=keras.layers.SimpleRNN(2, go_backwards=True, return_sequences=True))",
        {
            "message": "Forward layer and backward layer are expected to have the sa",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.Bidirectional(keras.layers.SimpleRNN(2), "
        "backward_layer=keras.layers.SimpleRNN(2))",
        {
            "message": "Forward layer and backward layer should have different `go_b",
            "raises": "ValueError",
        },
    ),
    (
        "keras.layers.RNN(keras.layers.SimpleRNNCell(2), name='t')(np.ones((2, 3), np.float32))",
        {
            "message": "Exception encountered when calling RNN.call().\n\nIndex out of",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.RNN(keras.layers.LSTMCell(2), name='t')(np.array([['a', 'b']]))",
        {
            "message": "Exception encountered when calling RNN.call().\n\nIndex out of",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.layers.RNN(keras.layers.GRUCell(2), name='t')(np.ones((3,), np.float32))",
        {
            "message": "Exception encountered when calling RNN.call().\n\ntuple index ",
            "raises": "IndexError",
        },
    ),
]


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
