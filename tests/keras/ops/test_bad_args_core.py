"""``keras.ops`` slice, slice_update, scatter, scatter_update, saturate_cast, switch, map,
vectorized_map, while_loop and fori_loop given bad arguments: Keras' TF backend's outcome (the tf
ops it runs and their errors, XLA's DynamicUpdateSlice clamping); checked against real TensorFlow
where it is installed."""

import numpy as np
import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow
from torchkeras import keras

CASES = [
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (1, 1), np.zeros((2, 2), np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "0.0", "1.0", "0.0", "0.0"],
            }
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (-1, 1), np.zeros((1, 1), "
        "np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (5, 5), np.zeros((1, 1), np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "0.0"],
            }
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (0.5, 1), np.zeros((1, 1), "
        "np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'Tindices' of float is not in the list of all",
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), [tf.constant(0), 1], "
        "np.zeros((1, 1), np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (0,), np.ones((1,), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "index must be a vector with length equal to the number of in",
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), 0, np.ones((1, 1), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "index must be a vector with length equal to the number of in",
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), [[0, 0]], np.zeros((1, 1), "
        "np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "index must be a vector with length equal to the number of in",
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (0, 0), np.ones((1, 5), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Update dim size 5 greater than dynamic slice dimension: 3.\n\t",
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (0, 0), 5.0)",
        {
            "raises": "InvalidArgumentError",
            "message": "input and update must have the same rank, input shape is [2,",
        },
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.int32), (0, 1), [[5.5]])",
        {"raises": "TypeError", "message": "Cannot convert [[5.5]] to EagerTensor of dtype int32"},
    ),
    (
        "keras.ops.slice_update(np.ones((2, 3), np.float32), (0, 1), np.zeros((1, 1)))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.slice(np.ones((2, 3), np.float32), (0, 1.0), (1, 1))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'Index' of float is not in the list of "
            "allowe",  # codespell:ignore allowe - cut at 60 characters
        },
    ),
    (
        "keras.ops.slice(np.ones((2, 3), np.float32), [tf.constant(0), 1], (1, 1))",
        {"returns": {"dtype": "float32", "shape": [1, 1], "values": ["1.0"]}},
    ),
    (
        "keras.ops.scatter(np.array([[0]]), np.ones((1,)), 2)",
        {
            "raises": "InvalidArgumentError",
            "message": "Shape must be a vector [Op:ScatterNd] name:",
        },
    ),
    (
        "keras.ops.scatter([[0], [0]], np.ones((2,), np.float32), [2])",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["2.0", "0.0"]}},
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.int32), np.array([[0, 0]]), [5.5])",
        {"raises": "TypeError", "message": "Cannot convert [5.5] to EagerTensor of dtype int32"},
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.float32), [[5, 0]], [5.0], reduction='add')",
        {
            "raises": "InvalidArgumentError",
            "message": "indices[0] = [5, 0] does not index into shape [2,3] [Op:Tens",
        },
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.float32), [[5, 0]], [5.0], reduction='max')",
        {
            "raises": "InvalidArgumentError",
            "message": "indices[0] = [5, 0] does not index into shape [2,3] [Op:Tens",
        },
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.float32), [[0, 0], [0, 0]], [5.0, "
        "2.0], reduction='mul')",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["10.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.float32), [[5, 0]], [5.0], reduction='mul')",
        {
            "raises": "InvalidArgumentError",
            "message": "indices[0] = [5, 0] does not index into param shape [2,3], n",
        },
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.float32), [[0, 0]], [5.0], reduction='MAX')",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3],
                "values": ["5.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.scatter_update(np.ones((2, 3), np.float32), [[0, 0]], [5.0], reduction='foo')",
        {
            "raises": "ValueError",
            "message": "Invalid reduction: foo. Supported values are: None, 'add', '",
        },
    ),
    (
        "keras.ops.saturate_cast(np.ones((2, 3), np.int32), 'string')",
        {"raises": "ValueError", "message": "data type <class 'numpy.str_'> not inexact"},
    ),
    (
        "keras.ops.saturate_cast(np.ones((2, 3), np.complex64), 'float32')",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of complex64 is not in the list of "
            "allowe",  # codespell:ignore allowe - cut at 60 characters
        },
    ),
    (
        "keras.ops.saturate_cast(np.ones((2, 3), np.float32), 'complex64')",
        {
            "returns": {
                "dtype": "complex64",
                "shape": [2, 3],
                "values": ["(1+0j)", "(1+0j)", "(1+0j)", "(1+0j)", "(1+0j)", "(1+0j)"],
            }
        },
    ),
    (
        "keras.ops.saturate_cast(np.array([-1.0, 0.5, 2.0], np.float32), 'bool')",
        {"returns": {"dtype": "bool", "shape": [3], "values": ["0.0", "1.0", "1.0"]}},
    ),
    (
        "keras.ops.saturate_cast(np.array([-300, 300], np.int32), 'int8')",
        {"returns": {"dtype": "int8", "shape": [2], "values": ["-128.0", "127.0"]}},
    ),
    (
        "keras.ops.saturate_cast(np.array([1e6, -1e6]), 'float16')",
        {"returns": {"dtype": "float16", "shape": [2], "values": ["65504.0", "-65504.0"]}},
    ),
    (
        "keras.ops.saturate_cast([1.5, 300.0], 'uint8')",
        {"raises": "AttributeError", "message": "'list' object has no attribute 'dtype'"},
    ),
    (
        "keras.ops.switch(1.7, [lambda x: x, lambda x: x * 2], np.ones(2))",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["2.0", "2.0"]}},
    ),
    (
        "keras.ops.switch(-5, [lambda x: x, lambda x: x * 2], np.ones(2))",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["1.0", "1.0"]}},
    ),
    (
        "keras.ops.switch(np.array([0, 1]), [lambda x: x, lambda x: x * 2], np.ones(2))",
        {
            "raises": "InvalidArgumentError",
            "message": "'then' must be at least a vector, but saw shape: [] [Op:Sele",
        },
    ),
    (
        "keras.ops.switch(0, [None], np.ones(2))",
        {"raises": "TypeError", "message": "'NoneType' object is not callable"},
    ),
    (
        "keras.ops.map(lambda x: x, np.ones(()))",
        {
            "raises": "InvalidArgumentError",
            "message": "Attempting to slice scalar input. [Op:StridedSlice] name: st",
        },
    ),
    (
        "keras.ops.map(lambda x: x[0], (np.ones((0, 3)), np.ones((0,))))",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index 0 of dimension 0 out of bounds. [Op:StridedSlice",
        },
    ),
    (
        "keras.ops.map(lambda x: x, (np.ones((2, 3)), np.ones((3,))))",
        {"raises": "ValueError", "message": "Dimensions 2 and 3 are not compatible"},
    ),
    (
        "keras.ops.map(lambda x: x * 2, np.arange(6.0).reshape(2, 3))",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["0.0", "2.0", "4.0", "6.0", "8.0", "10.0"],
            }
        },
    ),
    (
        "keras.ops.vectorized_map(lambda x: x, np.ones(()))",
        {"raises": "IndexError", "message": "list index out of range"},
    ),
    (
        "keras.ops.vectorized_map(lambda x: x[0] + x[1], (np.ones((2, 3)), np.ones((2, 3))))",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["2.0", "2.0", "2.0", "2.0", "2.0", "2.0"],
            }
        },
    ),
    (
        "keras.ops.while_loop(lambda x: x < 3, None, (0,))",
        {"raises": "TypeError", "message": "'NoneType' object is not callable"},
    ),
    (
        "keras.ops.while_loop(lambda x: x < 3, lambda x: x + 1, [])",
        {"raises": "ValueError", "message": "'loop_vars' must be provided."},
    ),
    (
        "keras.ops.while_loop(lambda x, y: x < 3, lambda x, y: [x + 1, y * 2], [0, 1.0])",
        {
            "returns": {
                "items": [
                    {"dtype": "int32", "shape": [], "values": ["3.0"]},
                    {"dtype": "float32", "shape": [], "values": ["8.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.while_loop(lambda x: x < 3, lambda x: x + 1, 0, maximum_iterations=2)",
        {"returns": {"dtype": "int32", "shape": [], "values": ["2.0"]}},
    ),
    (
        "keras.ops.while_loop(lambda x: x['a'] < 3, lambda x: {'a': x['a'] + 1}, {'a': 0})",
        {"returns": {"keys": ["a"]}},
    ),
    (
        "keras.ops.fori_loop(0, 3, lambda i, v: v + i, np.ones(2))",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["4.0", "4.0"]}},
    ),
    (
        "keras.ops.switch('a', [lambda x: x, lambda x: x * 2], np.ones(2))",
        {
            "raises": "UnimplementedError",
            "message": "Cast string to int32 is not supported [Op:Cast] name:",
        },
    ),
    (
        "keras.ops.saturate_cast(np.array(['a']), 'int32')",
        {"raises": "ValueError", "message": "Invalid dtype: str32"},
    ),
    (
        "keras.ops.saturate_cast(tf.constant(['a']), 'int32')",
        {"raises": "ValueError", "message": "data type <class 'numpy.str_'> not inexact"},
    ),
    (
        "keras.ops.saturate_cast(np.array([1.5, 300.0]), 'uint8')",
        {"returns": {"dtype": "uint8", "shape": [2], "values": ["1.0", "255.0"]}},
    ),
    (
        "keras.ops.saturate_cast(np.array([True, False]), 'float32')",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["1.0", "0.0"]}},
    ),
    (
        "keras.ops.scatter(np.array([[-1]]), np.ones((1,)), (2,))",
        {
            "raises": "InvalidArgumentError",
            "message": "indices[0] = [-1] does not index into shape [2] [Op:ScatterN",
        },
    ),
    (
        "keras.ops.scatter(np.array([[0, 1], [1, 3]]), np.ones((2,)), (2, 3))",
        {
            "raises": "InvalidArgumentError",
            "message": "indices[1] = [1, 3] does not index into shape [2,3] [Op:Scat",
        },
    ),
    (
        "keras.ops.scatter_update(np.ones((3,), np.float32), np.array([[0], [2], [-2]]), "
        "np.ones((3,), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "indices[2] = [-2] does not index into shape [3] [Op:TensorSc",
        },
    ),
]
"""(case, TF 2.21 / Keras 3.15's recorded outcome) pairs."""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)


@pytest.mark.parametrize(
    "values,dtype,expected",
    [
        ([-1.0, 3e9, 5e9], "uint32", [0, 3000000000, 4294967040]),
        ([-1e20, 1e20], "int64", [-(2**63), 9223371487098961920]),
        ([float("inf"), float("-inf")], "int32", [2147483520, -(2**31)]),
    ],
)
def test_saturate_cast_saturates_past_keras_rounding(values, dtype, expected):
    """float32 into int32/uint32/int64: Keras on TF misses its ``nextafter`` nudge there (NumPy's
    weak int comparison) and TF's cast of the out-of-range bound gives 0 or the int minimum; the
    value saturates here to the largest float32 that fits."""
    result = keras.ops.saturate_cast(np.array(values, np.float32), dtype)
    assert result.dtype == dtype
    assert result.numpy().tolist() == expected
