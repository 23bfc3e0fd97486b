"""``keras.ops`` array building and joining ops with bad arguments (meshgrid, tensordot, tri,
tile, split, vsplit, stack, take, take_along_axis, vstack, hstack, concatenate): Keras' TF
backend's outcome; checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.meshgrid(np.ones((2, 3), np.float32), 'x')",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of string is not in the list of allowed v",
        },
    ),
    (
        "keras.ops.meshgrid(np.ones((2, 3), np.float32), -4)",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute Mul as input #1(zero-based) was expected to b",
        },
    ),
    (
        "keras.ops.meshgrid(np.ones((3,), np.float32), None)",
        {"raises": "TypeError", "message": "'NoneType' object is not subscriptable"},
    ),
    (
        "keras.ops.meshgrid(np.arange(3), np.arange(2.0), indexing='ij')",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute Mul as input #1(zero-based) was expected to b",
        },
    ),
    (
        "keras.ops.meshgrid(np.arange(3), np.arange(2), indexing='ij')",
        {
            "returns": {
                "items": [
                    {
                        "dtype": "int64",
                        "shape": [3, 2],
                        "values": ["0.0", "0.0", "1.0", "1.0", "2.0", "2.0"],
                    },
                    {
                        "dtype": "int64",
                        "shape": [3, 2],
                        "values": ["0.0", "1.0", "0.0", "1.0", "0.0", "1.0"],
                    },
                ]
            }
        },
    ),
    (
        "keras.ops.meshgrid('x', np.ones((3,), np.float32))",
        {"raises": "TypeError", "message": "Cannot convert 1 to EagerTensor of dtype string"},
    ),
    ("keras.ops.meshgrid()", {"returns": {"items": []}}),
    (
        "keras.ops.tensordot(np.ones((2, 3), np.float32), -4)",
        {"raises": "IndexError", "message": "list index out of range"},
    ),
    (
        "keras.ops.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), "
        "axes=((0,), (1,)))",
        {
            "raises": "InvalidArgumentError",
            "message": "Matrix size-incompatible: In[0]: [3,2], In[1]: [3,2] [Op:Mat",
        },
    ),
    (
        "keras.ops.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes=-1)",
        {"raises": "ValueError", "message": "`axes` must be at least 0. Received: -1."},
    ),
    (
        "keras.ops.tensordot(np.ones((2, 3), np.float32), np.ones((2, 3), np.float32), axes=1.5)",
        {"raises": "TypeError", "message": "Cannot convert 1.5 to EagerTensor of dtype int32"},
    ),
    (
        "keras.ops.tensordot(np.ones((2, 3), np.float32), np.ones((3, 2, 2), np.float32))",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["6.0", "6.0"]}},
    ),
    (
        "keras.ops.tensordot(np.ones((2, 3), np.float32), np.ones((3, 2, 2), np.float32), axes=5)",
        {
            "raises": "ValueError",
            "message": "`axes` must not be larger than the number of dimensions of t",
        },
    ),
    (
        "keras.ops.tensordot(np.arange(24.).reshape(2, 3, 4), np.arange(12.).reshape(4, 3), "
        "axes=[[1, 2], [1, 0]])",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["440.0", "1232.0"]}},
    ),
    (
        "keras.ops.tensordot(np.arange(6, dtype=np.int32).reshape(2, 3) * 100000, np.arange(6, "
        "dtype=np.int32).reshape(3, 2) * 1000, 1)",
        {
            "returns": {
                "dtype": "int32",
                "shape": [2, 2],
                "values": ["1000000000.0", "1300000000.0", "-1494967296.0", "-294967296.0"],
            }
        },
    ),
    (
        "keras.ops.tensordot(np.arange(6, dtype=np.int8).reshape(2, 3), np.arange(6, "
        "dtype=np.uint8).reshape(3, 2), 1)",
        {
            "returns": {
                "dtype": "int16",
                "shape": [2, 2],
                "values": ["10.0", "13.0", "28.0", "40.0"],
            }
        },
    ),
    (
        "keras.ops.tri(np.ones((0, 3)))",
        {
            "raises": "InvalidArgumentError",
            "message": "dims must represent a vector, got shape [2,0] [Op:Fill] name",
        },
    ),
    (
        "keras.ops.tri(np.ones((2, 3), np.float32), -4)",
        {
            "raises": "ValueError",
            "message": "Can't convert non-rectangular Python sequence to Tensor.",
        },
    ),
    (
        "keras.ops.tri(3, 1.5)",
        {"raises": "TypeError", "message": "Cannot convert [3, 1.5] to EagerTensor of dtype int32"},
    ),
    (
        "keras.ops.tri(None)",
        {
            "raises": "ValueError",
            "message": "Attempt to convert a value (None) with an unsupported type (",
        },
    ),
    (
        "keras.ops.zeros([np.ones((2, 3), np.float32), -4])",
        {
            "raises": "ValueError",
            "message": "Can't convert non-rectangular Python sequence to Tensor.",
        },
    ),
    (
        "keras.ops.tile(np.ones((2, 3), np.float32), 'x')",
        {
            "raises": "ValueError",
            "message": "Can't convert Python sequence with mixed types to Tensor.",
        },
    ),
    (
        "keras.ops.tile(np.ones((2, 3), np.float32), (1.5, 2))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'Tmultiples' of float is not in the list of a",
        },
    ),
    (
        "keras.ops.tile(np.ones((2, 3), np.float32), np.ones((3, 2, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'Tmultiples' of float is not in the list of a",
        },
    ),
    (
        "keras.ops.tile(np.ones((2, 3), np.float32), (-3, 1, 2))",
        {
            "raises": "InvalidArgumentError",
            "message": "Expected multiples[0] >= 0, but got -3 [Op:Tile]",
        },
    ),
    (
        "keras.ops.tile(np.ones((2, 3), np.float32), True)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.tile(np.arange(6).reshape(2, 3), [2, 1, 2])",
        {
            "returns": {
                "dtype": "int64",
                "shape": [2, 2, 6],
                "values": [
                    "0.0",
                    "1.0",
                    "2.0",
                    "0.0",
                    "1.0",
                    "2.0",
                    "3.0",
                    "4.0",
                    "5.0",
                    "3.0",
                    "4.0",
                    "5.0",
                    "0.0",
                    "1.0",
                    "2.0",
                    "0.0",
                    "1.0",
                    "2.0",
                    "3.0",
                    "4.0",
                    "5.0",
                    "3.0",
                    "4.0",
                    "5.0",
                ],
            }
        },
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), 1.5)",
        {
            "raises": "InvalidArgumentError",
            "message": "Attempting to slice scalar input. [Op:StridedSlice] name: st",
        },
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), None, 7)",
        {"raises": "IndexError", "message": "tuple index out of range"},
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), [1, 5], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Split size at index 2 must be >= 0. Got: -2 [Op:SplitV] name",
        },
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), [2, 1], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Determined shape must either match input shape along split_d",
        },
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), np.ones((3, 2, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "ConcatOp : Dimension 2 in both shapes must be equal: shape[0",
        },
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), [1.0, 2.0], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'Tlen' of float is not in the list of allowed",
        },
    ),
    (
        "keras.ops.split(np.ones((2, 3), np.float32), [True], axis=1)",
        {"raises": "TypeError", "message": "Cannot convert 3 to EagerTensor of dtype bool"},
    ),
    (
        "keras.ops.split(np.arange(12).reshape(4, 3), np.array([1, 3]))",
        {
            "returns": {
                "items": [
                    {"dtype": "int64", "shape": [1, 3], "values": ["0.0", "1.0", "2.0"]},
                    {
                        "dtype": "int64",
                        "shape": [2, 3],
                        "values": ["3.0", "4.0", "5.0", "6.0", "7.0", "8.0"],
                    },
                    {"dtype": "int64", "shape": [1, 3], "values": ["9.0", "10.0", "11.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.vsplit(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Split size at index 2 must be >= 0. Got: -3 [Op:SplitV] name",
        },
    ),
    (
        "keras.ops.stack(np.ones((0, 3)))",
        {"returns": {"dtype": "float64", "shape": [0, 3], "values": []}},
    ),
    (
        "keras.ops.stack(np.ones((2, 3), np.float32), 1.5)",
        {
            "raises": "TypeError",
            "message": "Expected list for 'values' argument to 'pack' Op, not array(",
        },
    ),
    (
        "keras.ops.stack(np.ones((2, 3), np.float32), 1)",
        {
            "raises": "ValueError",
            "message": "expected a sequence for attr N, got an ndarray with rank 2 i",
        },
    ),
    (
        "keras.ops.stack(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "raises": "ValueError",
            "message": "The truth value of an array with more than one element is am",
        },
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), None, 7)",
        {
            "raises": "ValueError",
            "message": "Attempt to convert a value (None) with an unsupported type (",
        },
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), [1], 7)",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index 7 of dimension 0 out of bounds. [Op:StridedSlice",
        },
    ),
    (
        "keras.ops.take_along_axis(np.ones((2, 3), np.float32), 'x')",
        {
            "raises": "UnimplementedError",
            "message": "Cast string to int64 is not supported [Op:Cast] name:",
        },
    ),
    (
        "keras.ops.take_along_axis(np.ones((2, 3), np.float32), np.array([0, 5]), axis=0)",
        {
            "raises": "ValueError",
            "message": "`x` and `indices` must have the same number of dimensions, b",
        },
    ),
    (
        "keras.ops.take_along_axis(np.ones((2, 3), np.float32), np.zeros((2, 3), np.int32), "
        "axis=5)",
        {
            "raises": "ValueError",
            "message": "axis 5 is out of bounds for an array with dimension 2.",
        },
    ),
    (
        "keras.ops.take_along_axis(np.arange(6.).reshape(2, 3), np.array([[0, 1], [1, 0]]), "
        "axis=0)",
        {
            "raises": "ValueError",
            "message": "Cannot broadcast shape, the failure dim has value 3, which c",
        },
    ),
    (
        "keras.ops.take_along_axis(np.arange(6.).reshape(2, 3), np.array([[1.7, 0.2]]), axis=1)",
        {"returns": {"dtype": "float64", "shape": [2, 2], "values": ["1.0", "0.0", "4.0", "3.0"]}},
    ),
    (
        "keras.ops.take_along_axis(np.arange(6.).reshape(2, 3), np.array([[0], [1]]), axis=0)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["0.0", "1.0", "2.0", "3.0", "4.0", "5.0"],
            }
        },
    ),
    (
        "keras.ops.vstack(np.ones((0, 3)))",
        {"returns": {"dtype": "float64", "shape": [0, 3], "values": []}},
    ),
    (
        "keras.ops.vstack(np.ones((2, 3), np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.hstack(np.ones((2, 3), np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.concatenate(np.ones((2, 3), np.float32))",
        {
            "raises": "ValueError",
            "message": "The truth value of an array with more than one element is am",
        },
    ),
    (
        "keras.ops.concatenate(np.ones((1, 1)))",
        {"returns": {"dtype": "float64", "shape": [1, 1], "values": ["1.0"]}},
    ),
]
"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value)"""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
