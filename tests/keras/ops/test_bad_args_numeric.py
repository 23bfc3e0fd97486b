"""``keras.ops`` vdot, matmul, nan_to_num, logspace, round, searchsorted, repeat and cumsum
given bad arguments, and string tensors given to nan_to_num, zeros_like, ones_like, nonzero,
rad2deg, signbit and trunc (Keras' TF backend's first step decides): the outcome of Keras 3.15
with TF 2.21; checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.vdot(np.ones((2, 3), np.float32), -4)",
        {
            "raises": "InvalidArgumentError",
            "message": "Matrix size-incompatible: In[0]: [1,6], In[1]: [1,1] [Op:Mat",
        },
    ),
    (
        "keras.ops.vdot(np.ones((2, 3), np.float32), np.ones((0, 3)))",
        {
            "raises": "InvalidArgumentError",
            "message": "Matrix size-incompatible: In[0]: [1,6], In[1]: [0,1] [Op:Mat",
        },
    ),
    (
        "keras.ops.vdot(np.ones((2, 3), np.int32), np.ones((2, 2), np.int8))",
        {
            "raises": "InvalidArgumentError",
            "message": "Matrix size-incompatible: In[0]: [1,6], In[1]: [4,1] [Op:Mat",
        },
    ),
    (
        "keras.ops.vdot(np.ones((0,), np.float32), np.ones((0, 3)))",
        {"returns": {"dtype": "float64", "shape": [], "values": ["0.0"]}},
    ),
    (
        "keras.ops.vdot(np.arange(6.0).reshape(2, 3), np.arange(6.0))",
        {"returns": {"dtype": "float64", "shape": [], "values": ["55.0"]}},
    ),
    (
        "keras.ops.matmul(np.ones((3, 2, 2), np.float32), 5)",
        {
            "raises": "InvalidArgumentError",
            "message": "In[1] ndims must be >= 2: 0 [Op:BatchMatMulV2] name:",
        },
    ),
    (
        "keras.ops.matmul(5, np.ones((3, 2, 2), np.float64))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] ndims must be >= 2: 0 [Op:BatchMatMulV2] name:",
        },
    ),
    (
        "keras.ops.matmul(np.ones((2, 2), np.float32), 5)",
        {"raises": "InvalidArgumentError", "message": "In[1] ndims must be >= 2 [Op:MatMul] name:"},
    ),
    (
        "keras.ops.nan_to_num(np.ones((2, 3), np.float32), 'x')",
        {"raises": "TypeError", "message": "Cannot convert 'x' to EagerTensor of dtype float"},
    ),
    (
        "keras.ops.nan_to_num(np.ones((2, 3), np.float32), None, 7)",
        {
            "raises": "ValueError",
            "message": "Attempt to convert a value (None) with an unsupported type (",
        },
    ),
    (
        "keras.ops.nan_to_num(np.ones((2, 3), np.float32), 0.0, None, 'x')",
        {"raises": "TypeError", "message": "Cannot convert 'x' to EagerTensor of dtype float"},
    ),
    (
        "keras.ops.nan_to_num(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "raises": "InvalidArgumentError",
            "message": "condition [2,3], then [2], and else [2,3] must be broadcasta",
        },
    ),
    (
        "keras.ops.nan_to_num(np.ones((2, 3), np.float32), 0.0, np.ones((2,), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "condition [2,3], then [2], and else [2,3] must be broadcasta",
        },
    ),
    (
        "keras.ops.nan_to_num(np.array([np.nan, np.inf, -np.inf]), [1, 2, 3], [5, 6, 7], -3)",
        {"returns": {"dtype": "float64", "shape": [3], "values": ["1.0", "6.0", "-3.0"]}},
    ),
    (
        "keras.ops.nan_to_num(np.array([np.nan, np.inf, -np.inf], 'f4'), 1e300, -1e300, 1e300)",
        {"returns": {"dtype": "float32", "shape": [3], "values": ["inf", "inf", "inf"]}},
    ),
    (
        "keras.ops.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0], np.float16), 1e300)",
        {
            "returns": {
                "dtype": "float16",
                "shape": [4],
                "values": ["65504.0", "65504.0", "-65504.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.nan_to_num(np.array([np.nan, np.inf, -np.inf], 'f4'), float('inf'))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3],
                "values": [
                    "3.4028234663852886e+38",
                    "3.4028234663852886e+38",
                    "-3.4028234663852886e+38",
                ],
            }
        },
    ),
    (
        "keras.ops.nan_to_num(np.array([np.nan, np.inf, -np.inf], 'f4'), 1.5, 10.0, -10.0)",
        {"returns": {"dtype": "float32", "shape": [3], "values": ["1.5", "10.0", "-10.0"]}},
    ),
    (
        "keras.ops.nan_to_num(np.array([np.nan, 1.0], 'f4'), keras.ops.ones((2,), 'float64'))",
        {
            "raises": "TypeError",
            "message": "Expected tensor [1. 1.] with dtype tf.float32, but got dtype",
        },
    ),
    (
        "keras.ops.nan_to_num(np.array([1 + 1j], np.complex128))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of complex128 is not in the list of allow",
        },
    ),
    (
        "keras.ops.nan_to_num(np.ones((2, 3), np.int32), 'x')",
        {
            "returns": {
                "dtype": "int32",
                "shape": [2, 3],
                "values": ["1.0", "1.0", "1.0", "1.0", "1.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.nan_to_num(np.array(['a', 'b']))",
        {"returns": {"dtype": "string", "shape": [2], "values": ["b'a'", "b'b'"]}},
    ),
    (
        "keras.ops.logspace(0, 1, 3, base='x')",
        {
            "raises": "UnimplementedError",
            "message": "Cast string to float is not supported [Op:Cast] name:",
        },
    ),
    (
        "keras.ops.logspace(0, 1, 3, base=None)",
        {
            "raises": "ValueError",
            "message": "Attempt to convert a value (None) with an unsupported type (",
        },
    ),
    (
        "keras.ops.logspace(0, 1, 3, base=[2, 3])",
        {
            "raises": "InvalidArgumentError",
            "message": "Incompatible shapes: [2] vs. [3] [Op:Pow] name:",
        },
    ),
    (
        "keras.ops.logspace(0, 1, 3, base=[2, 3, 4])",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3],
                "values": ["1.0", "1.7320507764816284", "4.0"],
            }
        },
    ),
    (
        "keras.ops.logspace(0, 1, 3, base=np.array(2))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3],
                "values": ["1.0", "1.4142135381698608", "2.0"],
            }
        },
    ),
    (
        "keras.ops.logspace(0, 1, 3, base=2.5, dtype='int32')",
        {"returns": {"dtype": "int32", "shape": [3], "values": ["1.0", "1.0", "2.0"]}},
    ),
    (
        "keras.ops.round(np.ones((2, 3), np.float32), 'x')",
        {"raises": "TypeError", "message": "must be real number, not str"},
    ),
    (
        "keras.ops.round(np.ones((2, 3), np.float32), None)",
        {"raises": "TypeError", "message": "must be real number, not NoneType"},
    ),
    (
        "keras.ops.round(np.array([1.234567, -2.5, 1234.5678], np.float32), 1.5)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3],
                "values": ["1.233288288116455", "-2.498199462890625", "1234.55322265625"],
            }
        },
    ),
    (
        "keras.ops.round(np.array([1.234567, -2.5, 1234.5678], np.float16), -0.5)",
        {
            "returns": {
                "dtype": "float16",
                "shape": [3],
                "values": ["0.0", "-3.162109375", "1234.0"],
            }
        },
    ),
    (
        "keras.ops.round(np.array([1.234567, -2.5, 1234.5678], np.float32), np.array(2))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3],
                "values": ["1.2300000190734863", "-2.5", "1234.5699462890625"],
            }
        },
    ),
    (
        "keras.ops.round(np.array([1, 15, 1234], np.int32), -1.5)",
        {"returns": {"dtype": "int32", "shape": [3], "values": ["0.0", "0.0", "1233.0"]}},
    ),
    (
        "keras.ops.searchsorted(np.ones((2, 3), np.float32), 'x')",
        {
            "raises": "ValueError",
            "message": "`searchsorted` only supports 1-D sorted sequences. You can u",
        },
    ),
    (
        "keras.ops.searchsorted([[1.0]], [1.0])",
        {
            "raises": "ValueError",
            "message": "`searchsorted` only supports 1-D sorted sequences. You can u",
        },
    ),
    (
        "keras.ops.searchsorted(np.ones((3,), np.float32), 'x')",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index -1 of dimension 0 out of bounds. [Op:StridedSlic",
        },
    ),
    (
        "keras.ops.searchsorted(np.ones((3,), np.float32), 1.5)",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index -1 of dimension 0 out of bounds. [Op:StridedSlic",
        },
    ),
    (
        "keras.ops.searchsorted(np.ones((3,), np.float32), np.ones((3,), np.float32), side='bad')",
        {
            "raises": "ValueError",
            "message": "Argument `side` must be either 'right' or 'left'. Received: ",
        },
    ),
    (
        "keras.ops.searchsorted(np.ones((3,), np.float32), np.ones((3,), np.int32))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute LowerBound as input #1(zero-based) was expect",
        },
    ),
    (
        "keras.ops.searchsorted(np.ones((3,), np.float32), np.ones((2, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Leading dim_size of both tensors must match. [Op:LowerBound]",
        },
    ),
    (
        "keras.ops.searchsorted(np.array(['a', 'b']), np.array(['a']))",
        {
            "raises": "NotFoundError",
            "message": "Could not find device for node: {{node LowerBound}} = LowerB",
        },
    ),
    (
        "keras.ops.searchsorted(np.arange(1.0, 4.0), np.array([[0.5, 2.0, 3.5]]), side='right')",
        {"returns": {"dtype": "int32", "shape": [1, 3], "values": ["0.0", "2.0", "3.0"]}},
    ),
    (
        "keras.ops.searchsorted(np.array([1, 2, 3], np.uint32), np.array([0, 2, 5], np.uint32))",
        {"returns": {"dtype": "int32", "shape": [3], "values": ["0.0", "1.0", "3.0"]}},
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), np.array([1, -2]), axis=0)",
        {"returns": {"dtype": "float32", "shape": [1, 3], "values": ["1.0", "1.0", "1.0"]}},
    ),
    (
        "keras.ops.repeat(np.arange(6.0).reshape(2, 3), np.array([-1, 2]), axis=0)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [2, 3],
                "values": ["3.0", "4.0", "5.0", "3.0", "4.0", "5.0"],
            }
        },
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), -2, axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Expected multiples[2] >= 0, but got -2 [Op:Tile]",
        },
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), [-1, 0, 2], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Input to reshape is a tensor with 4 values, but the requeste",
        },
    ),
    (
        "keras.ops.repeat(np.ones((2, 3), np.float32), [-5, 2, 1], axis=1)",
        {
            "raises": "InvalidArgumentError",
            "message": "Size 1 must be non-negative, not -2 [Op:Reshape] name:",
        },
    ),
    (
        "keras.ops.cumsum(np.ones((2, 3), np.float32), dtype='string')",
        {
            "raises": "ValueError",
            "message": "Failed to convert a NumPy array to a Tensor (Unsupported obj",
        },
    ),
    (
        "keras.ops.cumsum(keras.ops.ones((2, 3)), dtype='string')",
        {
            "raises": "UnimplementedError",
            "message": "Cast float to string is not supported [Op:Cast] name:",
        },
    ),
    (
        "keras.ops.cumsum(np.array(['a']), dtype='string')",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of string is not in the list of allowed v",
        },
    ),
    (
        "keras.ops.zeros_like(np.array(['a', 'b']))",
        {"returns": {"dtype": "string", "shape": [2], "values": ["b''", "b''"]}},
    ),
    (
        "keras.ops.zeros_like(np.array(['a', 'b']), dtype='int32')",
        {"returns": {"dtype": "int32", "shape": [2], "values": ["0.0", "0.0"]}},
    ),
    (
        "keras.ops.zeros_like(np.ones((2,)), dtype='string')",
        {"returns": {"dtype": "string", "shape": [2], "values": ["b''", "b''"]}},
    ),
    (
        "keras.ops.ones_like(np.array(['a', 'b']))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of string is not in the list of allowed v",
        },
    ),
    (
        "keras.ops.ones_like(np.array(['a', 'b']), 'int32')",
        {"returns": {"dtype": "int32", "shape": [2], "values": ["1.0", "1.0"]}},
    ),
    (
        "keras.ops.ones_like(np.ones((2,)), dtype='string')",
        {"raises": "TypeError", "message": "Cannot convert 1 to EagerTensor of dtype string"},
    ),
    (
        "keras.ops.nonzero(np.array(['a', 'b']))",
        {
            "raises": "UnimplementedError",
            "message": "Cast string to bool is not supported [Op:Cast] name:",
        },
    ),
    (
        "keras.ops.rad2deg(np.array(['a', 'b']))",
        {
            "raises": "TypeError",
            "message": "Cannot convert 3.141592653589793 to EagerTensor of dtype str",
        },
    ),
    (
        "keras.ops.signbit(np.array(['a', 'b']))",
        {
            "raises": "UnimplementedError",
            "message": "Cast string to float is not supported [Op:Cast] name:",
        },
    ),
    (
        "keras.ops.trunc(np.array(['a', 'b']))",
        {"raises": "TypeError", "message": "Cannot convert 0 to EagerTensor of dtype string"},
    ),
]
"""(source, TF 2.21 / Keras 3.15's outcome: exception class and message start, or the value)"""


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_tensorflows(source, expected):
    assert_outcome(source, expected)


@pytest.mark.parametrize("source", [source for source, _ in CASES])
def test_same_as_tensorflow(source):
    assert_same_as_tensorflow(source)
