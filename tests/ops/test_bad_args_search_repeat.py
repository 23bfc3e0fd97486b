"""``tf.searchsorted``, ``tf.repeat``, ``tf.ones_like``, ``tf.matmul`` (rank errors) and
``tf.reshape``'s error name parts given bad arguments: TF 2.21's outcome; checked against
real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "tf.searchsorted(np.ones((3,), np.float32), 1.5)",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index -1 of dimension 0 out of bounds. [Op:StridedSlic",
        },
    ),
    (
        "tf.searchsorted(1.0, 1.0)",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index -1 of dimension 0 out of bounds. [Op:StridedSlic",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), np.float32), np.ones((2, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Leading dim_size of both tensors must match. [Op:LowerBound]",
        },
    ),
    (
        "tf.searchsorted(np.ones((2, 3), np.float32), np.ones((3, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Leading dim_size of both tensors must match. [Op:LowerBound]",
        },
    ),
    (
        "tf.searchsorted(np.arange(6.0).reshape(2, 3), [[[0.5, 4.0]], [[3.0, 9.0]]], side='right')",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute UpperBound as input #1(zero-based) was expect",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), np.float32), [1, 2])",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute LowerBound as input #1(zero-based) was expect",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), np.float32), [1, 2], out_type='int32')",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute LowerBound as input #1(zero-based) was expect",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), np.float32), np.array(['a']))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute LowerBound as input #1(zero-based) was expect",
        },
    ),
    (
        "tf.searchsorted(np.array(['a', 'b']), np.array([1.0]))",
        {
            "raises": "NotFoundError",
            "message": "Could not find device for node: {{node LowerBound}} = LowerB",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), np.bool_), np.ones((2,), np.bool_))",
        {
            "raises": "NotFoundError",
            "message": "Could not find device for node: {{node LowerBound}} = LowerB",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), 'f4'), np.ones((2,), 'f4'), out_type=tf.float32)",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'out_type' of float is not in the list of all",
        },
    ),
    (
        "tf.searchsorted(np.ones((3,), np.float32), np.ones((2,), np.float32), side=1)",
        {
            "raises": "ValueError",
            "message": "Argument `side` must be either 'right' or 'left'. Received: ",
        },
    ),
    (
        "tf.searchsorted(np.ones((0,), np.float32), np.ones((2,), np.float32))",
        {"returns": {"dtype": "int32", "shape": [2], "values": ["0.0", "0.0"]}},
    ),
    (
        "tf.searchsorted(np.array([1, 5, 9], 'u4'), np.array([0, 5, 10], 'u4'), out_type=tf.int64)",
        {"returns": {"dtype": "int64", "shape": [3], "values": ["0.0", "1.0", "3.0"]}},
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), -2, axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Expected multiples[2] >= 0, but got -2 [Op:Tile]",
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), [-2], axis=-1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Expected multiples[2] >= 0, but got -2 [Op:Tile]",
        },
    ),
    (
        "tf.repeat(np.arange(6.0).reshape(2, 3), [2, -1], axis=0)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["0.0", "1.0", "2.0", "0.0", "1.0", "2.0"],
            }
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), [-1, -2], axis=0)",
        {"returns": {"dtype": "float32", "shape": [0, 3], "values": []}},
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), [-1, 0, 2], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Input to reshape is a tensor with 4 values, but the requeste",
        },
    ),
    (
        "tf.repeat(np.ones((2, 3), np.float32), np.array([-5, 2, 1]), axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Size 1 must be non-negative, not -2 [Op:Reshape] name:",
        },
    ),
    (
        "tf.repeat(np.array(['a', 'b']), [-1, 2])",
        {"returns": {"dtype": "string", "shape": [2], "values": ["b'b'", "b'b'"]}},
    ),
    (
        "tf.ones_like(np.ones((2,)), tf.string)",
        {"raises": "TypeError", "message": "Cannot convert 1 to EagerTensor of dtype string"},
    ),
    (
        "tf.ones_like(np.array(['a', 'b']), tf.string)",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of string is not in the list of allowed v",
        },
    ),
    (
        "tf.matmul(np.ones((2,), np.float32), np.ones((3, 2, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] ndims must be >= 2: 1 [Op:BatchMatMulV2] name:",
        },
    ),
    (
        "tf.matmul(np.ones((3, 2, 2), np.int32), np.int32(5))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[1] ndims must be >= 2: 0 [Op:BatchMatMulV2] name:",
        },
    ),
    (
        "tf.matmul(np.ones((2, 2), np.float64), np.float64(5))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] and In[1] has different ndims: [2,2] vs. [] [Op:MatMul",
        },
    ),
    (
        "tf.reshape(np.ones(4), np.array([-3, 2]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Size 0 must be non-negative, not -3 [Op:Reshape] name:",
        },
    ),
    (
        "tf.reshape(np.ones(4), tf.constant([-3, 2]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Size 0 must be non-negative, not -3 [Op:Reshape] name:",
        },
    ),
    (
        "tf.reshape(np.ones(4), np.array([3]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Input to reshape is a tensor with 4 values, but the requeste",
        },
    ),
    (
        "tf.reshape(np.ones(4), [3])",
        {
            "raises": "InvalidArgumentError",
            "message": "Input to reshape is a tensor with 4 values, but the requeste",
        },
    ),
    (
        "tf.reshape(np.ones(4), tf.constant([-1, -1]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Only one input size may be -1, not both 0 and 1 [Op:Reshape]",
        },
    ),
    (
        "tf.reshape(np.ones(5), np.array([-1, 2]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Input to reshape is a tensor with 5 values, but the requeste",
        },
    ),
]
"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value)"""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
