"""``tf.linalg``: matrix products, norms, inverses, decompositions and diagonal helpers."""
from .ops.linalg_ops import (  # noqa: F401
    adjoint, band_part, cholesky, det, diag, diag_part, eigh, eigvalsh, inv, logdet,
    matrix_transpose, matvec, pinv, qr, slogdet, solve, svd, trace,
)
from .ops.math_ops import einsum, l2_normalize, matmul, norm, tensordot  # noqa: F401

try:
    from .ops.array_ops import eye  # noqa: F401
except ImportError:  # array_ops (a sibling module) defines eye; absent only mid-development
    pass
