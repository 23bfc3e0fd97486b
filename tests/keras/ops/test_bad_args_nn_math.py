"""``keras.ops`` one_hot, multi_hot, top_k, svd, segment reductions, swish and binary ops given bad
arguments: Keras' TF backend's outcome (TF's kernel and attr errors, Keras' validation);
checked against real TensorFlow where it is installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.one_hot(np.array([0, 5]), -1)",
        {
            "message": "depth must be non-negative, got: -1 [Op:OneHot] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.one_hot(np.array([0, 5]), 1.5)",
        {"message": "Cannot convert 1.5 to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.one_hot(np.array([0, 5]), 'x')",
        {"message": "Cannot convert 'x' to EagerTensor of dtype int32", "raises": "TypeError"},
    ),
    (
        "keras.ops.one_hot(np.array([0, 5]), None)",
        {
            "message": "Attempt to convert a value (None) with an unsupported type (",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.one_hot(np.array([0, 5]), np.array([0, 5]))",
        {
            "message": "depth must be a scalar, but got: [2] [Op:OneHot] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.one_hot(np.array([0, 5]), 3, axis=5)",
        {
            "message": "Expected axis to be -1 or between [0, 2).  But received: 5 [",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.one_hot(np.ones((2, 3), np.float32), 3)",
        {
            "returns": {
                "dtype": "float32",
                "shape": [2, 3, 3],
                "values": [
                    "0.0",
                    "1.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "0.0",
                    "0.0",
                    "1.0",
                    "0.0",
                ],
            }
        },
    ),
    (
        "keras.ops.one_hot(np.array([0, 2]), 3, dtype='bool')",
        {
            "returns": {
                "dtype": "bool",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "0.0", "0.0", "0.0", "1.0"],
            }
        },
    ),
    (
        "keras.ops.multi_hot(np.array([0, 5]), 0)",
        {"returns": {"dtype": "float32", "shape": [0], "values": []}},
    ),
    (
        "keras.ops.multi_hot(np.array([[0, 2], [1, 1]]), 3, axis=1)",
        {"returns": {"dtype": "float32", "shape": [2, 2], "values": ["1.0", "1.0", "1.0", "1.0"]}},
    ),
    (
        "keras.ops.multi_hot(np.array([[0, 2], [1, 1]]), 3, dtype='int8')",
        {
            "returns": {
                "dtype": "int8",
                "shape": [2, 3],
                "values": ["1.0", "0.0", "1.0", "0.0", "1.0", "0.0"],
            }
        },
    ),
    (
        "keras.ops.top_k(np.ones((2, 3), np.float32), -4)",
        {"message": "Need k >= 0, got -4 [Op:TopKV2] name:", "raises": "InvalidArgumentError"},
    ),
    (
        "keras.ops.top_k(np.ones((2, 3), np.float32), 'x')",
        {
            "message": "Value for attr 'Tk' of string is not in the list of allowed ",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.top_k(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "k must be scalar, got shape [2] [Op:TopKV2] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.top_k(np.ones((2, 3), np.float32), None, 7)",
        {"message": "Expected bool for argument 'sorted' not 7.", "raises": "TypeError"},
    ),
    (
        "keras.ops.top_k(np.ones((2, 3), np.float32), None)",
        {
            "message": "Attempt to convert a value (None) with an unsupported type (",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.top_k(np.array([[1., 3., 2.]]), np.array(2))",
        {
            "returns": {
                "items": [
                    {"dtype": "float64", "shape": [1, 2], "values": ["3.0", "2.0"]},
                    {"dtype": "int32", "shape": [1, 2], "values": ["1.0", "2.0"]},
                ]
            }
        },
    ),
    (
        "keras.ops.svd(np.ones((2, 3), np.float32), 5)",
        {"message": "Expected bool for argument 'full_matrices' not 5.", "raises": "TypeError"},
    ),
    (
        "keras.ops.svd(np.ones((2, 3), np.float32), None, 7)",
        {"message": "Expected bool for argument 'compute_uv' not 7.", "raises": "TypeError"},
    ),
    (
        "keras.ops.svd(np.array([[3., 0.], [0., 2.]]), compute_uv=False)",
        {"returns": {"dtype": "float64", "shape": [2], "values": ["3.0", "2.0"]}},
    ),
    (
        "keras.ops.segment_sum(np.ones((3,)), np.array([0, 1]))",
        {
            "message": "Argument `segment_ids` and `data` should have same leading d",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.segment_sum(np.ones((3,)), np.array([0, -1, 1]))",
        {"returns": {"dtype": "float64", "shape": [3], "values": ["1.0", "1.0", "0.0"]}},
    ),
    (
        "keras.ops.segment_max(np.ones((2, 3), np.float32), -4)",
        {"message": "'int' object has no attribute 'shape'", "raises": "AttributeError"},
    ),
    (
        "keras.ops.segment_max(np.ones((3,)), np.array([0, 1, 1]), num_segments=-1)",
        {
            "message": "Input num_segments == -1 must not be negative. [Op:UnsortedS",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.segment_min(np.ones((3,)), np.array([1, 0, 0]), sorted=True)",
        {
            "message": "segment ids are not increasing [Op:SegmentMin] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.segment_prod(np.ones((3,)), np.array([0.5, 1, 1]))",
        {
            "message": "Value for attr 'Tindices' of double is not in the list of al",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.segment_prod(np.ones((3,)), np.array([0, 1, 1]), num_segments=2, sorted=True)",
        {
            "message": "Argument `num_segments` cannot be set when sorted is True wh",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.segment_max(np.array([1., 5., 3.]), np.array([0, 2, 2]))",
        {
            "returns": {
                "dtype": "float64",
                "shape": [3],
                "values": ["1.0", "-1.7976931348623157e+308", "5.0"],
            }
        },
    ),
    (
        "keras.ops.swish(np.ones((2, 3), np.float32), 5)",
        {"message": "silu() takes 1 positional argument but 2 were given", "raises": "TypeError"},
    ),
    (
        "keras.ops.logdet(np.ones((2, 3), np.float32))",
        {
            "message": "Input matrix must be square. [Op:Cholesky] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.logdet(np.ones((3,)))",
        {
            "message": "Input tensor 0 must have rank >= 2, got 1 [Op:Cholesky] name",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.logdet(np.array(['a', 'b']))",
        {
            "message": "Value for attr 'T' of string is not in the list of allowed v",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.slogdet(np.ones((2, 3), np.float32))",
        {
            "message": "Input matrix must be square. [Op:LogMatrixDeterminant] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.qr(np.ones((3,)))",
        {
            "message": "Input tensor 0 must have rank >= 2, got 1 [Op:Qr] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.qr(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {"message": "unhashable type: 'numpy.ndarray'", "raises": "TypeError"},
    ),
    (
        "keras.ops.pinv(np.ones((3,)))",
        {"message": "Input `a` must have at least 2 dimensions (saw: 1).", "raises": "ValueError"},
    ),
    (
        "keras.ops.pinv(np.ones((2, 3), np.float32), 'x')",
        {"message": "Cannot convert 'x' to EagerTensor of dtype float", "raises": "TypeError"},
    ),
    (
        "keras.ops.pinv(np.ones((2, 3), np.float32), np.array([0, 5]))",
        {
            "message": "Tensor's shape (2, 3, 2) is not compatible with supplied sha",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.pinv(np.array(['a', 'b']))",
        {
            "message": "Input `a` must have `float`-like `dtype` (saw string).",
            "raises": "TypeError",
        },
    ),
    (
        "keras.ops.matrix_rank(np.ones((3,)))",
        {"message": "Input `a` must have at least 2 dimensions (saw: 1).", "raises": "ValueError"},
    ),
    (
        "keras.ops.matrix_rank(np.ones((2, 3), np.float32), 'x')",
        {"message": "Cannot convert 'x' to EagerTensor of dtype float", "raises": "TypeError"},
    ),
    (
        "keras.ops.maximum(np.ones((2, 3), np.float32), 'x')",
        {
            "message": "dtype='string' is not a valid dtype for Keras type promotion",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.not_equal(np.ones((2, 3), np.float32), np.array(['a']))",
        {
            "message": "dtype='string' is not a valid dtype for Keras type promotion",
            "raises": "ValueError",
        },
    ),
    (
        "keras.ops.not_equal(np.array(['a']), 'x')",
        {"returns": {"dtype": "bool", "shape": [1], "values": ["1.0"]}},
    ),
    (
        "keras.ops.outer(np.array(['a']), np.array(['b']))",
        {
            "message": "Value for attr 'T' of string is not in the list of allowed v",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.logaddexp(np.ones((2, 3), np.float32), np.ones((3, 2)))",
        {
            "message": "Incompatible shapes: [2,3] vs. [3,2] [Op:Sub] name:",
            "raises": "InvalidArgumentError",
        },
    ),
    (
        "keras.ops.logical_xor(np.ones((2, 3), np.float32), np.ones((2, 2)))",
        {
            "message": "Incompatible shapes: [2,3] vs. [2,2] [Op:LogicalOr] name:",
            "raises": "InvalidArgumentError",
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
