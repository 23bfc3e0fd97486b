"""``tf.linalg``: matrix products, norms, inverses, decompositions and diagonal helpers."""
from .ops.linalg_ops import (  # noqa: F401
    adjoint, band_part, cholesky, cholesky_solve, cross, det, diag, diag_part, eigh, eigvalsh,
    expm, global_norm, inv, logdet, lstsq, matrix_rank, matrix_transpose, matvec, normalize, pinv,
    qr, set_diag, slogdet, solve, svd, tensor_diag, tensor_diag_part, trace, triangular_solve,
)
from .ops.array_ops import eye  # noqa: F401
from .ops.math_ops import einsum, l2_normalize, matmul, norm, tensordot  # noqa: F401
