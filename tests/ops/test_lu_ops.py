"""``tf.linalg.lu`` and its helpers: pinned values, and (with TensorFlow installed) the same
expressions on TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "A": m.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]]),
        "B": m.reshape(m.range(8.0), (2, 2, 2)) + m.eye(2),
        "D": m.constant([[1.0, 2.0], [3.0, 4.0]], m.float64),
        "C": m.constant([[1.0 + 1j, 2.0], [3.0, 4.0]]),
        "S": m.constant([[1.0, 2.0], [2.0, 4.0]]),
        "T": m.constant([[2.0, 1.0], [-2.0, 4.0]]),
    }


EXPRESSIONS = [
    "tf.linalg.lu(A)",
    "tf.linalg.lu(A, output_idx_type=tf.int64)",
    "tf.linalg.lu(A, output_idx_type=tf.float32)",
    "tf.linalg.lu(B)",
    "tf.linalg.lu(D)",
    "tf.linalg.lu(C)",
    "tf.linalg.lu(T)",
    "tf.linalg.lu(S)",
    "tf.linalg.lu(tf.zeros((2, 2)))",
    "tf.linalg.lu(tf.constant([[float('nan'), 2.0], [3.0, 4.0]]))",
    "tf.linalg.lu(tf.ones((2, 3)))",
    "tf.linalg.lu(tf.ones((3,)))",
    "tf.linalg.lu(tf.constant([[1, 2], [3, 4]]))",
    "tf.linalg.lu(tf.constant([[1.0, 2.0], [3.0, 4.0]], tf.float16))",
    "tf.linalg.lu(tf.zeros((0, 0)))",
    "tf.linalg.lu([[4.0, 3.0], [6.0, 3.0]])",
    "tf.linalg.lu_reconstruct(*tf.linalg.lu(A))",
    "tf.linalg.lu_reconstruct(*tf.linalg.lu(B))",
    "tf.linalg.lu_reconstruct(*tf.linalg.lu(C))",
    "tf.linalg.lu_reconstruct(*tf.linalg.lu(A), validate_args=True)",
    "tf.linalg.lu_reconstruct(tf.constant([[1.0, 2.0], [3.0, 4.0]]), tf.constant([1, 0]))",
    "tf.linalg.lu_reconstruct(tf.ones((2, 3)), tf.constant([0, 1]))",
    "tf.linalg.lu_reconstruct(tf.ones((2, 2)), tf.constant([[0, 1]]))",
    "tf.linalg.lu_reconstruct(tf.ones((2,)), tf.constant([0, 1]))",
    "tf.linalg.lu_solve(*tf.linalg.lu(A), rhs=tf.constant([[1.0], [2.0], [3.0]]))",
    "tf.linalg.lu_solve(*tf.linalg.lu(B), rhs=tf.ones((2, 1)))",
    "tf.linalg.lu_solve(*tf.linalg.lu(B), rhs=tf.ones((2, 2, 3)))",
    "tf.linalg.lu_solve(*tf.linalg.lu(D), rhs=[[1.0], [2.0]])",
    "tf.linalg.lu_solve(*tf.linalg.lu(A), rhs=tf.constant([1.0, 2.0, 3.0]))",
    "tf.linalg.lu_solve(*tf.linalg.lu(A), rhs=tf.constant([[1.0], [2.0]]))",
    "tf.linalg.lu_matrix_inverse(*tf.linalg.lu(A))",
    "tf.linalg.lu_matrix_inverse(*tf.linalg.lu(B))",
    "tf.linalg.lu_matrix_inverse(*tf.linalg.lu(C))",
    "tf.linalg.lu_matrix_inverse(tf.constant([[1.0, 2.0], [3.0, 4.0]]), tf.constant([1, 0]))",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_lu_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(
        expression,
        run(tf_real, expression, _env(tf_real)),
        run(tf, expression, _env(tf)),
        rtol=1e-5,
        atol=1e-5,
    )


def test_lu_pinned():
    lu, p = tf.linalg.lu(tf.constant([[1.0, 2.0], [3.0, 4.0]], tf.float64))
    np.testing.assert_allclose(lu.numpy(), [[3.0, 4.0], [1 / 3, 2 / 3]], rtol=1e-12)
    assert p.dtype == tf.int32 and p.numpy().tolist() == [1, 0]
    a = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]], tf.float64)
    factors = tf.linalg.lu(a)
    np.testing.assert_allclose(tf.linalg.lu_reconstruct(*factors).numpy(), a.numpy())
    inverse = tf.linalg.lu_matrix_inverse(*factors)
    np.testing.assert_allclose(inverse.numpy() @ a.numpy(), np.eye(3), atol=1e-12)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Input is not invertible"):
        tf.linalg.lu(tf.zeros((2, 2)))
