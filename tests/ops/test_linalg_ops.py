"""Unit tests of ``torchkeras.ops.linalg_ops`` (no TensorFlow needed): values, return types,
errors."""

import numpy as np
import pytest

import torchkeras as tf

A = tf.constant([[4.0, 2.0], [2.0, 3.0]])
M = tf.constant([[1.0, 2.0, 0.5], [3.0, -1.0, 2.0]])


def test_inverse_determinant_solve():
    np.testing.assert_allclose(tf.linalg.inv(A).numpy(), np.linalg.inv(A.numpy()), rtol=1e-6)
    assert tf.linalg.det(A).numpy() == pytest.approx(8.0)
    np.testing.assert_allclose(
        tf.linalg.solve(A, tf.constant([[1.0], [2.0]])).numpy(), [[-0.125], [0.75]], rtol=1e-6
    )
    sign, log_abs = tf.linalg.slogdet(A)
    assert sign.numpy() == 1.0 and log_abs.numpy() == pytest.approx(np.log(8.0))
    with pytest.raises(tf.errors.InvalidArgumentError, match="Input is not invertible."):
        tf.linalg.inv(tf.constant([[1.0, 2.0], [2.0, 4.0]]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="Input matrix must be square."):
        tf.linalg.det(M)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="of int32 is not in the list of allowed values"
    ):
        tf.linalg.inv(tf.constant([[1, 2], [3, 4]]))


def test_decompositions_in_tf_order():
    s, u, v = tf.linalg.svd(M)
    np.testing.assert_allclose((u.numpy() * s.numpy()) @ v.numpy().T, M.numpy(), atol=1e-5)
    q, r = tf.linalg.qr(M)
    assert type(tf.linalg.qr(M)).__name__ == "Qr"
    np.testing.assert_allclose(q.numpy() @ r.numpy(), M.numpy(), atol=1e-5)
    values, vectors = tf.linalg.eigh(A)
    np.testing.assert_allclose(
        (vectors.numpy() * values.numpy()) @ vectors.numpy().T, A.numpy(), atol=1e-5
    )
    chol = tf.linalg.cholesky(A).numpy()
    np.testing.assert_allclose(chol @ chol.T, A.numpy(), atol=1e-5)
    assert np.isnan(tf.linalg.cholesky(tf.constant([[-1.0]])).numpy()).all()


def test_diagonals_and_transposes():
    assert tf.linalg.diag(tf.constant([1, 2]), k=1).numpy().tolist() == [
        [0, 1, 0],
        [0, 0, 2],
        [0, 0, 0],
    ]
    assert tf.linalg.diag_part(M).numpy().tolist() == [1.0, -1.0]
    assert tf.linalg.trace(tf.constant([[1, 2], [3, 4]])).numpy() == 5
    assert tf.linalg.matrix_transpose(M).shape == (3, 2)
    assert tf.linalg.band_part(tf.constant([[1, 2], [3, 4]]), 0, -1).numpy().tolist() == [
        [1, 2],
        [0, 4],
    ]
    with pytest.raises(
        ValueError, match="Argument `a` should be a \\(batch\\) matrix with rank >= 2"
    ):
        tf.linalg.matrix_transpose(tf.constant([1, 2]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="input must be at least 2-dim"):
        tf.linalg.trace(tf.constant([1, 2]))


def test_linalg_namespace_reexports():
    assert (
        tf.linalg.matmul is tf.matmul
        and tf.linalg.norm is tf.norm
        and tf.linalg.einsum is tf.einsum
    )
    assert tf.linalg.eye(2).numpy().tolist() == [[1.0, 0.0], [0.0, 1.0]]
