"""``keras.ops`` solve, solve_triangular, svd, lstsq, matrix_rank (and the ``tf.linalg`` solvers
they run) given bad arguments: Keras' TF backend's outcome (Keras' shape checks on the operands as
it converts them, TF's kernel dtype and shape errors); checked against real TensorFlow where it is
installed."""

import pytest

from tests.bad_input.outcome import assert_outcome, assert_same_as_tensorflow

CASES = [
    (
        "keras.ops.solve(np.eye(2, dtype=np.float32), 'x')",
        {
            "raises": "ValueError",
            "message": "Expected input to have rank >= 1. Received scalar input b'x'",
        },
    ),
    (
        "keras.ops.solve(np.eye(2, dtype=np.float32), np.array(['a', 'b']))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute MatrixSolve as input #1(zero-based) was "
            "expec",  # codespell:ignore expec - cut at 60 characters
        },
    ),
    (
        "keras.ops.solve(np.eye(2, dtype=np.float32), np.array([1, 2]))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute MatrixSolve as input #1(zero-based) was "
            "expec",  # codespell:ignore expec - cut at 60 characters
        },
    ),
    (
        "keras.ops.solve(np.eye(2, dtype=np.int32), np.array([1, 2]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of int32 is not in the list of allowed va",
        },
    ),
    (
        "keras.ops.solve(np.eye(2, dtype=np.float32), True)",
        {
            "raises": "ValueError",
            "message": "Expected input to have rank >= 1. Received scalar input True",
        },
    ),
    (
        "keras.ops.solve(np.ones((2, 2, 2), np.float32), np.ones((4, 2, 1), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "All input tensors must have the same outer dimensions. [Op:M",
        },
    ),
    (
        "keras.ops.solve(np.zeros((3, 2, 2), np.float32), np.ones((3, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Input matrix is not invertible. [Op:MatrixSolve] name:",
        },
    ),
    (
        "keras.ops.solve(np.array([[2.0, 0.0], [0.0, 4.0]], np.float32), np.array([2.0, "
        "2.0], np.float32))",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["1.0", "0.5"]}},
    ),
    (
        "keras.ops.solve_triangular(np.eye(2, dtype=np.float32), np.array([1, 2]))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute MatrixTriangularSolve as input #1(zero-based)",
        },
    ),
    (
        "keras.ops.solve_triangular(np.eye(2, dtype=np.int32), np.ones((2,), np.int32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of int32 is not in the list of allowed va",
        },
    ),
    (
        "keras.ops.solve_triangular(np.ones((2, 3, 3), np.float32), np.ones((2, 2), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] mismatch In[1] shape: 3 vs. 2: [2,3,3] [2,2,1] 0 0 [Op",
        },
    ),
    (
        "keras.ops.solve_triangular(np.ones((2, 3, 3), np.float32), np.ones((4, 3, 2), "
        "np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] and In[1] must have compatible batch dimensions: [2,3,",
        },
    ),
    (
        "keras.ops.solve_triangular(np.array([[2.0, 1.0], [0.0, 4.0]], np.float32), "
        "np.array([4.0, 8.0], np.float32))",
        {"returns": {"dtype": "float32", "shape": [2], "values": ["1.0", "2.0"]}},
    ),
    (
        "keras.ops.svd(np.array([['a', 'b']]))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of string is not in the list of allowed v",
        },
    ),
    (
        "keras.ops.svd('x')",
        {
            "raises": "ValueError",
            "message": "Expected input to have rank >= 2. Received input with shape ",
        },
    ),
    (
        "keras.ops.svd(np.ones((2, 3), np.int32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of int32 is not in the list of allowed va",
        },
    ),
    (
        "keras.ops.lstsq('x', np.ones((2,), np.float32))",
        {"raises": "IndexError", "message": "tuple index out of range"},
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.float32), np.array([['a'], ['b']]))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute _MklMatMul as input #1(zero-based) was expect",
        },
    ),
    (
        "keras.ops.lstsq(np.array([['a', 'b'], ['c', 'd']]), np.ones((2,), np.float32))",
        {"raises": "ValueError", "message": "data type <class 'numpy.object_'> not inexact"},
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.int32), np.array([0, 5], np.int32))",
        {"raises": "ValueError", "message": "data type <class 'numpy.int32'> not inexact"},
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.float32), np.array([[1], [2]]))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute _MklMatMul as input #1(zero-based) was expect",
        },
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3)), np.ones((2,), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute MatMul as input #1(zero-based) was expected t",
        },
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3)), np.ones((2,)), rcond=-0.5)",
        {
            "returns": {
                "dtype": "float64",
                "shape": [3],
                "values": ["0.3333333333333332", "0.3333333333333333", "0.3333333333333333"],
            }
        },
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.float32), np.ones((2,), np.float32), rcond=[0.5, 0.1])",
        {
            "raises": "TypeError",
            "message": "'<' not supported between instances of 'list' and 'int'",
        },
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.float32), np.ones((2,), np.float32), rcond=np.ones(3))",
        {
            "raises": "InvalidArgumentError",
            "message": "Incompatible shapes: [2] vs. [3] [Op:GreaterEqual] name:",
        },
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.float32), np.ones((2,), np.float32), "
        "rcond=np.array([0.1, 0.2]))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [3],
                "values": ["0.3333333432674408", "0.3333333134651184", "0.3333333134651184"],
            }
        },
    ),
    (
        "keras.ops.lstsq(np.ones((0, 3), np.float32), np.ones((0,), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "slice index 0 of dimension 0 out of bounds. [Op:StridedSlice",
        },
    ),
    (
        "keras.ops.lstsq(np.ones((2, 3), np.complex64), np.ones((2,), np.complex64))",
        {
            "returns": {
                "dtype": "complex64",
                "shape": [3],
                "values": [
                    "(0.3333333432674408+0j)",
                    "(0.3333333134651184+0j)",
                    "(0.3333333134651184+0j)",
                ],
            }
        },
    ),
    (
        "keras.ops.matrix_rank(np.ones((2, 3), np.float32), np.array([0.5, 5]))",
        {"returns": {"dtype": "int32", "shape": [], "values": ["1.0"]}},
    ),
    (
        "keras.ops.matrix_rank(np.ones((2, 3), np.float32), np.ones((3,)))",
        {
            "raises": "InvalidArgumentError",
            "message": "Incompatible shapes: [2] vs. [3] [Op:Greater] name:",
        },
    ),
    (
        "keras.ops.matrix_rank(np.ones((2, 3), np.float32), [0.0, 1.0])",
        {"returns": {"dtype": "int32", "shape": [], "values": ["1.0"]}},
    ),
    (
        "keras.ops.matrix_rank(np.ones((2, 3), np.float32), tf.constant([0, 5]))",
        {
            "raises": "InvalidArgumentError",
            "message": "cannot compute Greater as input #1(zero-based) was expected ",
        },
    ),
    (
        "tf.linalg.solve(np.ones((2, 3, 3), np.float32), np.ones((4, 3, 1), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "All input tensors must have the same outer dimensions. [Op:M",
        },
    ),
    (
        "tf.linalg.solve(np.ones((3, 2), np.float32), np.ones((3, 1), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "First input (lhs) must be a square matrix. [Op:MatrixSolve] ",
        },
    ),
    (
        "tf.linalg.triangular_solve(np.ones((3, 3), np.float32), np.ones((2, 1), "
        "np.float32), lower=True, adjoint=True)",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] mismatch In[1] shape: 3 vs. 2: [3,3] [2,1] 1 1 [Op:Mat",
        },
    ),
    (
        "tf.linalg.triangular_solve(np.ones((3, 2), np.float32), np.ones((2, 1), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] matrices in the last dimensions must be square (2 =/= ",
        },
    ),
    (
        "tf.linalg.triangular_solve(np.ones((3,), np.float32), np.ones((3, 1), np.float32))",
        {
            "raises": "InvalidArgumentError",
            "message": "In[0] ndims must be >= 2: 1 [Op:MatrixTriangularSolve] name:",
        },
    ),
    (
        "tf.linalg.triangular_solve(np.ones((3, 3), np.int32), np.ones((3, 1), np.int32))",
        {
            "raises": "InvalidArgumentError",
            "message": "Value for attr 'T' of int32 is not in the list of allowed va",
        },
    ),
    (
        "tf.linalg.triangular_solve(np.ones((1, 3, 3), np.float32), np.ones((4, 3, 1), "
        "np.float32))",
        {
            "returns": {
                "dtype": "float32",
                "shape": [4, 3, 1],
                "values": [
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
                ],
            }
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
