"""The tf ops under those ``keras.ops`` (``tf.ones``/``tf.zeros`` shapes, ``tf.meshgrid``,
``tf.tensordot``, ``tf.split``, ``tf.stack``, ``tf.concat``) with bad arguments: TF 2.21's
outcome; checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "tf.ones([np.ones((2, 3), np.float32), -4])",
        {
            "raises": "ValueError",
            "message": "Can't convert non-rectangular Python sequence to Tensor.",
        },
    ),
    (
        "tf.ones([np.ones((0, 3)), np.ones((0, 3))])",
        {
            "raises": "InvalidArgumentError",
            "message": "dims must represent a vector, got shape [2,0] [Op:Fill] name",
        },
    ),
    (
        "tf.ones([np.array(2.0), 3])",
        {
            "raises": "TypeError",
            "message": "Cannot convert [array(2.), 3] to EagerTensor of dtype int32",
        },
    ),
    (
        "tf.ones([np.array(2), 3])",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.ones([True, np.int64(2)])",
        {"returns": {"dtype": "float32", "shape": [1, 2], "values": ["1.0", "1.0"]}},
    ),
    (
        "tf.ones([None, None])",
        {
            "raises": "ValueError",
            "message": "Attempt to convert a value (None) with an unsupported type (",
        },
    ),
    (
        "tf.zeros([3, np.int64(-4)])",
        {"raises": "InvalidArgumentError", "message": "Dimension -4 must be >= 0 [Op:Fill] name:"},
    ),
    (
        "tf.meshgrid(np.ones((2, 3), np.float32), 'x')",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of string is not in the list of allowed v",
        },
    ),
    (
        "tf.meshgrid(np.ones((3,), np.float32), None)",
        {"raises": "TypeError", "message": "'NoneType' object is not subscriptable"},
    ),
    (
        "tf.meshgrid(np.ones((3,), np.float32), object())",
        {"raises": "TypeError", "message": "'object' object is not subscriptable"},
    ),
    ("tf.meshgrid()", {"returns": {"items": []}}),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.float32(-4), 2)",
        {"raises": "IndexError", "message": "list index out of range"},
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((3, 2, 2), np.float32), [[0, 1], [0, "
        "1]])",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["6.0", "6.0"]}},
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes=[[-3], [1]])",
        {
            "raises": "ValueError",
            "message": "operands could not be broadcast together with shapes (2,) (3",
        },
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes=[[0, 0], "
        "[0, 0]])",
        {
            "raises": "ValueError",
            "message": "operands could not be broadcast together with shapes (2,) (3",
        },
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes=np.array(1))",
        {
            "raises": "InvalidArgumentError",
            "message": "Attempting to slice scalar input. [Op:StridedSlice] name: st",
        },
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), "
        "axes=np.array([1]))",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index 1 of dimension 0 out of bounds. [Op:StridedSlice",
        },
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), "
        "axes=np.array([1, 1]))",
        {
            "raises": "InvalidArgumentError",
            "message": "y should be a 1D vector. [Op:ListDiff] name:",
        },
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), "
        "axes=np.array([[1], [1]]))",
        {"returns": {"dtype": "float32", "shape": [2, 2], "values": ["3.0", "3.0", "3.0", "3.0"]}},
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes='x')",
        {"raises": "TypeError", "message": "Cannot convert 'x' to EagerTensor of dtype int32"},
    ),
    (
        "tf.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes=[[1.5], [0]])",
        {"raises": "TypeError", "message": "list indices must be integers or slices, not float"},
    ),
    (
        "tf.tensordot(np.arange(6).reshape(2, 3), np.arange(6.).reshape(3, 2), axes=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute MatMul as input #1(zero-based) was expected t",
        },
    ),
    (
        "tf.tensordot(np.float32(2), np.float32(3), axes=0)",
        {"returns": {"dtype": "float32", "shape": [], "values": ["6.0"]}},
    ),
    (
        "tf.split(np.ones((2, 3), np.float32), [1, 4, -2], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Split size at index 2 must be >= 0. Got: -2 [Op:SplitV] name",
        },
    ),
    (
        "tf.split(np.ones((2, 3), np.float32), [-1, -2, 5], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Split size at index 1 must be >= 0. Got: -2 [Op:SplitV] name",
        },
    ),
    ("tf.stack(np.ones((0, 3)))", {"returns": {"dtype": "float64", "shape": [0, 3], "values": []}}),
    (
        "tf.stack(np.ones((2, 3), np.float32), -1)",
        {
            "raises": "ValueError",
            "message": "expected a sequence for attr N, got an ndarray with rank 2 i",
        },
    ),
    (
        "tf.stack(np.ones((2, 3), np.float32), np.array([1]))",
        {
            "raises": "TypeError",
            "message": "Expected list for 'values' argument to 'pack' Op, not array(",
        },
    ),
    (
        "tf.stack(np.ones((3,), np.float32), 1.5)",
        {"raises": "ValueError", "message": "Argument `axis` = 1.5 not in range [-1, 1)"},
    ),
    (
        "tf.stack(np.ones((0, 3)), 1)",
        {"raises": "IndexError", "message": "index 0 is out of bounds for axis 0 with size 0"},
    ),
    (
        "tf.stack((1, 2), np.array([0, 5]))",
        {
            "raises": "ValueError",
            "message": "The truth value of an array with more than one element is am",
        },
    ),
    (
        "tf.concat(np.ones((2, 3)), 0)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.concat([np.ones((2, 3))], 5)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "tf.concat(np.ones((2, 3)), [0, 1])",
        {"raises": "ValueError", "message": "Shape (2,) must have rank 0"},
    ),
    (
        "tf.concat(np.ones((2, 3)), 'x')",
        {"raises": "TypeError", "message": "Cannot convert 'x' to EagerTensor of dtype int32"},
    ),
]
"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value)"""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
