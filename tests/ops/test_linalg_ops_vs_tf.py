"""torchkeras' ``tf.linalg`` ops against real TensorFlow: values, dtypes, shapes, errors.

Decompositions are compared through sign-free quantities (reconstructions,
``|q|``) because their signs are not unique.
"""

import pytest

import torchkeras
from oracle_compare import assert_same, run

tf_real = pytest.importorskip("tensorflow")


def _env(tf):
    return {
        "a": tf.constant([[4.0, 2.0], [2.0, 3.0]]),
        "s": tf.constant([[1.0, 2.0], [2.0, 4.0]]),
        "i": tf.constant([[1, 2], [3, 4]]),
        "m": tf.constant([[1.0, 2.0, 0.5], [3.0, -1.0, 2.0]]),
        "batch": tf.constant(
            [[[2.0, 1.0], [1.0, 3.0]], [[5.0, 1.0], [1.0, 2.0]]], dtype=tf.float64
        ),
        "rhs": tf.constant([[1.0], [2.0]]),
    }


EXPRESSIONS = [
    "tf.linalg.inv(a)",
    "tf.linalg.inv(batch)",
    "tf.linalg.inv(s)",
    "tf.linalg.inv(i)",
    "tf.linalg.inv(m)",
    "tf.linalg.inv(a, adjoint=True)",
    "tf.linalg.det(a)",
    "tf.linalg.det(batch)",
    "tf.linalg.det(i)",
    "tf.linalg.det(m)",
    "tf.linalg.slogdet(batch)",
    "tf.linalg.logdet(batch)",
    "tf.linalg.cholesky(a)",
    "tf.linalg.cholesky(batch)",
    "tf.linalg.cholesky(s)",
    "tf.linalg.cholesky(i)",
    "tf.linalg.solve(a, rhs)",
    "tf.linalg.solve(a, tf.constant([1., 2.]))",
    "tf.linalg.solve(s, rhs)",
    "tf.linalg.solve(a, tf.constant([[1.], [2.], [3.]]))",
    "tf.linalg.solve(a, rhs, adjoint=True)",
    "tf.linalg.solve(a, [[1.], [2.]])",
    "tf.linalg.diag(tf.constant([1, 2]))",
    "tf.linalg.diag(tf.constant([1, 2]), k=1)",
    "tf.linalg.diag(m)",
    "tf.linalg.diag(m, k=-1, num_rows=4, padding_value=9.)",
    "tf.linalg.diag(tf.constant([1, 2]), num_rows=3, num_cols=3)",
    "tf.linalg.diag(tf.constant([1, 2]), num_cols=4)",
    "tf.linalg.diag(tf.constant([1, 2, 3]), k=1, num_rows=2, num_cols=3)",
    "tf.linalg.diag(tf.constant([1, 2]), num_rows=1)",
    "tf.linalg.diag(tf.constant([1, 2]), k=-2, num_cols=5)",
    "tf.linalg.diag_part(i)",
    "tf.linalg.diag_part(m)",
    "tf.linalg.diag_part(m, k=1)",
    "tf.linalg.diag_part(tf.constant([1, 2]))",
    "tf.linalg.trace(i)",
    "tf.linalg.trace(batch)",
    "tf.linalg.trace(m)",
    "tf.linalg.trace(tf.constant([1, 2]))",
    "tf.linalg.matrix_transpose(m)",
    "tf.linalg.matrix_transpose(batch)",
    "tf.linalg.matrix_transpose(tf.constant([1, 2]))",
    "tf.linalg.adjoint(m)",
    "tf.linalg.band_part(i, 0, -1)",
    "tf.linalg.band_part(batch, 0, 0)",
    "tf.linalg.band_part(m, -1, 0)",
    "tf.linalg.matvec(a, tf.constant([1., 2.]))",
    "tf.linalg.matmul(a, a)",
    "tf.linalg.norm(a)",
    "tf.linalg.einsum('ij->ji', m)",
    "tf.linalg.tensordot(a, a, 1)",
    "tf.linalg.pinv(m)",
    "tf.linalg.l2_normalize(a)",
    "tf.linalg.svd(a, compute_uv=False)",
    "tf.linalg.svd(m)[0]",
    "tf.linalg.eigh(a)[0]",
    "tf.linalg.eigvalsh(batch)",
    "tf.linalg.eigh(i)",
    "tf.linalg.svd(i)",
    "tf.linalg.qr(i)",
    "type(tf.linalg.qr(a)).__name__",
    "tf.linalg.qr(a)._fields",
    "tf.linalg.cross(tf.constant([1., 0., 0.]), tf.constant([0., 1., 0.]))",
    "tf.linalg.cross(tf.ones((2, 3)), tf.constant([[1., 2., 3.]] * 2))",
    "tf.linalg.triangular_solve(a, rhs)",
    "tf.linalg.triangular_solve(a, rhs, lower=False)",
    "tf.linalg.triangular_solve(a, rhs, adjoint=True)",
    "tf.linalg.cholesky_solve(tf.linalg.cholesky(a), rhs)",
    "tf.linalg.lstsq(tf.transpose(m), tf.constant([[1.], [2.], [0.]]))",
    "tf.linalg.lstsq(m, rhs)",
    "tf.linalg.lstsq(tf.transpose(m), tf.constant([[1.], [2.], [0.]]), l2_regularizer=0.5)",
    "tf.linalg.lstsq(tf.transpose(m), tf.constant([[1.], [2.], [0.]]), fast=False)",
    "tf.linalg.matrix_rank(s)",
    "tf.linalg.matrix_rank(batch)",
    "tf.linalg.matrix_rank(m, tol=2.)",
    "tf.linalg.expm(a / 4.)",
    "tf.linalg.expm(batch / 4.)",
    "tf.linalg.global_norm([a, tf.constant([1., 2.]), None])",
    "tf.linalg.normalize(tf.constant([3., 4.]))",
    "tf.linalg.normalize(a, axis=1)",
    "tf.linalg.normalize(a, ord=1, axis=[0, 1])",
    "tf.linalg.set_diag(m, tf.constant([7., 8.]))",
    "tf.linalg.set_diag(m, tf.constant([7., 8.]), k=1)",
    "tf.linalg.set_diag(batch, tf.constant([[7., 8.], [9., 10.]], tf.float64))",
    "tf.linalg.tensor_diag(tf.constant([1, 2]))",
    "tf.linalg.tensor_diag(a)",
    "tf.linalg.tensor_diag_part(tf.linalg.tensor_diag(a))",
    "tf.linalg.tensor_diag_part(a)",
    "tf.abs(tf.linalg.qr(m).q)",
    "tf.abs(tf.linalg.qr(m, full_matrices=True).r)",
    "tf.matmul(tf.linalg.qr(m).q, tf.linalg.qr(m).r)",
    "(lambda s, u, v: tf.matmul(u * s, v, adjoint_b=True))(*tf.linalg.svd(m))",
    "(lambda s, u, v: (u.shape, v.shape))(*tf.linalg.svd(m, full_matrices=True))",
    "(lambda e, v: tf.matmul(v * e, v, adjoint_b=True))(*tf.linalg.eigh(batch))",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_linalg_op_matches_tf(expression):
    tf_outcome = run(tf_real, expression, _env(tf_real))
    tk_outcome = run(torchkeras, expression, _env(torchkeras))
    assert_same(expression, tf_outcome, tk_outcome, rtol=1e-4, atol=1e-5)
