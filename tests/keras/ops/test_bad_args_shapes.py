"""``keras.ops`` axis and shape arguments out of range, repeated or of the wrong type (transpose,
moveaxis, swapaxes, roll, rot90, unstack, trace, tri, ones, zeros): Keras' TF backend's outcome;
checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.transpose(np.ones((2, 3), np.float32), (0, 5))",
        {
            "message": "axis 5 is out of bounds for an array with dimension 2.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.transpose(np.ones((2, 3), np.float32), (0.5, 1))",
        {"message": "'float' object cannot be interpreted as an integer", "raises": "TypeError"},
    ),
    (
        "keras.ops.transpose(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "The truth value of an array with more than one element is am",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.transpose(np.ones((2, 3), np.float32), ())",
        {
            "message": "transpose expects a vector of size 2. But input(1) is a vect",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.moveaxis(np.ones((2, 3), np.float32), (0, 0), (1, 0))",
        {
            "message": "transpose expects a vector of size 2. But input(1) is a vect",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.moveaxis(np.ones((2, 3), np.float32), (0, 1), 0)",
        {
            "message": "Inconsistent number of `source` and `destination`. Received:",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.moveaxis(np.ones((2, 3), np.float32), None, 0)",
        {"message": "'NoneType' object is not iterable", "raises": "TypeError"},
    ),
    (
        "keras.ops.moveaxis(np.arange(24.).reshape(2, 3, 4), (0, 2), (2, 0))",
        {
            "returns": {
                "dtype": "float64",
                "shape": [4, 3, 2],
                "values": [
                    "0.0",
                    "12.0",
                    "4.0",
                    "16.0",
                    "8.0",
                    "20.0",
                    "1.0",
                    "13.0",
                    "5.0",
                    "17.0",
                    "9.0",
                    "21.0",
                    "2.0",
                    "14.0",
                    "6.0",
                    "18.0",
                    "10.0",
                    "22.0",
                    "3.0",
                    "15.0",
                    "7.0",
                    "19.0",
                    "11.0",
                    "23.0",
                ],
            }
        },
    ),
    (
        "keras.ops.swapaxes(np.ones((2, 3), np.float32), 0, 5)",
        {
            "message": "axis 5 is out of bounds for an array with dimension 2.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.swapaxes(np.ones((2, 3), np.float32), 1.5, 0)",
        {
            "message": "cannot compute AddV2 as input #1(zero-based) was expected to",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.swapaxes(np.ones((2, 3), np.float32), np.int64(0), 1)",
        {
            "message": "cannot compute AddV2 as input #1(zero-based) was expected to",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.swapaxes(np.ones((2, 3), np.float32), None, 0)",
        {
            "message": "'<' not supported between instances of 'NoneType' and 'int'",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.swapaxes(np.arange(6.).reshape(2, 3), np.int32(0), -1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [3, 2],
                "values": ["0.0", "3.0", "1.0", "4.0", "2.0", "5.0"],
            }
        },
    ),
    (
        "keras.ops.roll(np.ones((2, 3), np.float32), (1, 2), axis=0)",
        {
            "message": "shift and axis must have the same size [Op:Roll]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.roll(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "shift and axis must have the same size [Op:Roll] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.roll(np.ones((2, 3), np.float32), 1, axis=5)",
        {"message": "axis 5 is out of range [Op:Roll] name:", "raises": "InvalidArgumentError"},
    ),
    (
        "keras.ops.roll(np.ones((2, 3), np.float32), 1.5)",
        {
            "message": "Value for attr 'Tshift' of float is not in the list of allow",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.roll(np.arange(6.).reshape(2, 3), 1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["5.0", "0.0", "1.0", "2.0", "3.0", "4.0"],
            }
        },
    ),
    (
        "keras.ops.rot90(np.ones((2, 3), np.float32), axes=(0, 0))",
        {
            "message": "Invalid axes: (0, 0). Axes must be a tuple of two different ",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.rot90(np.ones((2, 3), np.float32), axes=(0, 5))",
        {
            "message": "transpose expects a vector of size 2. But input(1) is a vect",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.rot90(np.ones((2, 3), np.float32), k=1.5)",
        {"message": "'float' object cannot be interpreted as an integer", "raises": "TypeError"},
    ),
    (
        "keras.ops.rot90(np.ones((2, 3), np.float32), 'x')",
        {"message": "not all arguments converted during string formatting", "raises": "TypeError"},
    ),
    (
        "keras.ops.rot90(np.arange(6.).reshape(2, 3), -1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [3, 2],
                "values": ["3.0", "0.0", "4.0", "1.0", "5.0", "2.0"],
            }
        },
    ),
    (
        "keras.ops.unstack(np.ones((2, 3), np.float32), num=5)",
        {
            "message": "Input shape axis 0 must equal 5, got shape [2,3] [Op:Unpack]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.unstack(np.ones((2, 3), np.float32), -4)",
        {
            "message": "Value for attr 'num' of -4 must be at least minimum 0\n\t; Nod",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.unstack(np.ones((2, 3), np.float32), 'x')",
        {"message": "Expected int for argument 'num' not 'x'.", "raises": "TypeError"},
    ),
    (
        "keras.ops.unstack(np.ones((2, 3), np.float32), axis=5)",
        {"message": "Argument `axis` = 5 not in range [-2, 2)", "raises": "ValueError"},
    ),
    (
        "keras.ops.trace(np.ones((3,)))",
        {
            "message": "axis 1 is out of bounds for an array with dimension 1.",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.trace(np.ones((2, 3), np.float32), axis1=0, axis2=0)",
        {
            "message": "transpose expects a vector of size 2. But input(1) is a vect",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.trace(np.ones((2, 3), np.float32), 1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.trace(np.ones((2, 3), np.float32), -4)",
        {"message": "Dimension -2 must be >= 0 [Op:Fill] name:", "raises": "InvalidArgumentError"},
    ),
    (
        "keras.ops.trace(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "ConcatOp : Ranks of all input tensors should match: shape[0]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.trace(np.arange(6.).reshape(2, 3), 3)",
        {"returns": {"dtype": "float64", "shape": [], "values": ["0.0"]}},
    ),
    (
        "keras.ops.tri(3, k=1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int64", "raises": "TypeError"},
    ),
    (
        "keras.ops.tri(3, k=-1.5)",
        {"message": "Cannot convert 0.5 to EagerTensor of dtype int64", "raises": "TypeError"},
    ),
    (
        "keras.ops.tri(3, 4, -1)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3, 4],
                "values": [
                    "0.0",
                    "0.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "0.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "1.0",
                    "0.0",
                    "0.0",
                ],
            }
        },
    ),
    (
        "keras.ops.tri(1.5)",
        {
            "message": "Cannot convert [1.5, 1.5] to EagerTensor of dtype int32",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.ones(np.ones((2, 3), np.float32))",
        {
            "message": "dims must represent a vector, got shape [2,3] [Op:Fill] name",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.ones(np.ones((0, 3)))",
        {"returns": {"dtype": "float32", "shape": [], "values": ["1.0"]}},
    ),
    (
        "keras.ops.zeros(np.array([2.5, 3.]))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["0.0", "0.0", "0.0", "0.0", "0.0", "0.0"],
            }
        },
    ),
    (
        "keras.ops.zeros((2,), dtype='bad')",
        {
            "message": "Cannot convert the argument `type_value`: 'bad' to a TensorF",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.zeros(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "The truth value of an array with more than one element is am",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.ones(None)",
        {
            "message": "Attempt to convert a value (None) with an unsupported type (",
            "raises": "ValueError",
        },
    ),
    ("keras.ops.ndim(np.ones((2, 3), np.float32))", {"returns": {"python": 2}}),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), 1.5)",
        {
            "message": "Argument `tensor` (name: repeats) must be of type integer. R",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), 2, axis=5)",
        {"message": "axis=5 out of bounds: expected -2<=axis<2", "raises": "ValueError"},
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), np.ones((3, 2, 2)))",
        {"message": "Shape (3, 2, 2) must have rank at most 1", "raises": "ValueError"},
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), np.array([1, 2]), axis=1)",
        {"message": "Dimensions 3 and 2 are not compatible", "raises": "ValueError"},
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), -1)",
        {
            "message": "Expected multiples[1] >= 0, but got -1 [Op:Tile]",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.repeat(np.arange(6).reshape(2, 3), [1, 0, 2], axis=-1)",
        {
            "returns": {
                "dtype": "int64",
                "shape": [2, 3],
                "values": ["0.0", "2.0", "2.0", "3.0", "5.0", "5.0"],
            }
        },
    ),
    (
        "keras.ops.reshape(np.ones((2, 3), np.float32), (-1, -1))",
        {
            "message": "There must be at most one unknown dimension (-1) in `newshap",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.reshape(np.ones((2, 3), np.float32), (-2, 3))",
        {
            "message": "Each dimension in `newshape` must be a non-negative integer,",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.reshape(np.ones((2, 3), np.float32), -4)",
        {
            "message": "Each dimension in `newshape` must be a non-negative integer,",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.reshape(np.ones((2, 3), np.float32), (2.5, 3))",
        {
            "message": "Value for attr 'Tshape' of float is not in the list of allow",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.reshape(np.ones((2, 3), np.float32), None)",
        {
            "message": "Attempt to convert a value (None) with an unsupported type (",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.reshape(np.arange(6.), np.array([3, 2]))",
        {
            "returns": {
                "dtype": "float64",
                "shape": [3, 2],
                "values": ["0.0", "1.0", "2.0", "3.0", "4.0", "5.0"],
            }
        },
    ),
    (
        "keras.ops.reshape(np.arange(6.), [np.int64(3), -1])",
        {
            "returns": {
                "dtype": "float64",
                "shape": [3, 2],
                "values": ["0.0", "1.0", "2.0", "3.0", "4.0", "5.0"],
            }
        },
    ),
    (
        "keras.ops.select(np.ones((2, 3), np.float32), 'x')",
        {
            "message": "condlist and choicelist must be lists. Received: type(condli",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.select([], [])",
        {
            "message": "condlist and choicelist must not be empty. Received: condlis",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.select([np.array([True, False])], [np.ones((2, 3), np.float32)])",
        {
            "message": "condition [2], then [2,3], and else [] must be broadcastable",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.select((np.array([True, False]), np.array([False, True])), (np.array([1., 2.]), "
        "np.array([3., 4.])), 9.)",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["1.0", "4.0"]}},
    ),
    (
        "keras.ops.tril(np.ones((3,)))",
        {
            "message": "input must be at least 2-dim, received shape: [3] [Op:Matrix",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.tril(np.ones((2, 3), np.float32), 1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int64", "raises": "TypeError"},
    ),
    (
        "keras.ops.tril(np.ones((3, 2, 2)), 5)",
        {
            "message": "num_upper must be negative or less or equal to number of col",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.triu(np.ones((2, 3), np.float32), -4)",
        {
            "message": "num_lower must be negative or less or equal to number of row",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.triu(np.ones((2, 3), np.float32), 1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.triu(np.ones((2, 3), np.float32), 'x')",
        {"message": "Cannot convert 0 to EagerTensor of dtype string", "raises": "TypeError"},
    ),
    (
        "keras.ops.triu(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "The truth value of an array with more than one element is am",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.tril(np.arange(6.).reshape(2, 3), -1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["0.0", "0.0", "0.0", "3.0", "0.0", "0.0"],
            }
        },
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), np.array([0.5]))",
        {
            "message": "Value for attr 'Tindices' of double is not in the list of al",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), np.array([True]))",
        {"message": "Cannot convert 0 to EagerTensor of dtype bool", "raises": "TypeError"},
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), 'x')",
        {"message": "Cannot convert 0 to EagerTensor of dtype string", "raises": "TypeError"},
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), np.array([0]), axis=5)",
        {
            "message": "slice index 5 of dimension 0 out of bounds. [Op:StridedSlice",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.take(np.ones((2, 3), np.float32), np.array([0, 5]), axis=0)",
        {
            "message": "indices[1] = 5 is not in [0, 2) [Op:GatherV2] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.take(np.arange(6.).reshape(2, 3), np.array([[0, -1], [2, 1]]), axis=1)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 2, 2],
                "values": ["0.0", "2.0", "2.0", "1.0", "3.0", "5.0", "5.0", "4.0"],
            }
        },
    ),
    ("keras.ops.ndim(np.array(['a', 'b']))", {"returns": {"python": 1}}),
]
"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value)"""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
