"""``tf.linalg``: inverses, determinants, decompositions and diagonal helpers.

Each op checks TF's dtypes and shapes (TF's error texts), then calls
``torch.linalg``, so results are differentiable under ``tf.GradientTape``.
None of these is at TF's top level, so ``__all__`` is empty and
``torchkeras.linalg`` imports them by name.
"""

from __future__ import annotations

import collections

import numpy as np
import torch

from ..framework.tensor import wrap
from ..framework.tensor_ops import inputs
from .matmul_ops import matmul
from .norm_ops import norm
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import allowed_dtypes, cannot_convert, check_dtype, dims_text, op_error
from ..framework.op_errors import dtype_of
from ._args import bool_attr, storage_of
from ..api_export import tf_export

__all__ = []

_INV_ALLOWED = allowed_dtypes("MatrixInverse")
_DET_ALLOWED = allowed_dtypes("MatrixDeterminant")
_CHOLESKY_ALLOWED = allowed_dtypes("Cholesky")
_QR_ALLOWED = allowed_dtypes("Qr")
_SVD_ALLOWED = allowed_dtypes("Svd")
_DIAG_ALLOWED = allowed_dtypes("Diag")
_EIGH_ALLOWED = allowed_dtypes("SelfAdjointEigV2")
_SOLVE_ALLOWED = allowed_dtypes("MatrixSolve")
_TRIANGULAR_ALLOWED = allowed_dtypes("MatrixTriangularSolve")


def _square(a, opname):
    if a.ndim < 2:
        raise op_error(opname, "Input tensor 0 must have rank >= 2, got %d" % a.ndim, a)
    if a.shape[-1] != a.shape[-2]:
        raise op_error(opname, "Input matrix must be square.", a)


@tf_export("linalg.inv")
def inv(input, adjoint=False, name=None):  # noqa: A002 - TF's name
    """``tf.linalg.inv``: inverse of each square matrix in ``input`` (of its adjoint with
    ``adjoint=True``); a singular matrix raises TF's ``InvalidArgumentError``."""
    a = storage_of(input)
    check_dtype(a, _INV_ALLOWED, "MatrixInverse")
    _square(a, "MatrixInverse")
    result, info = torch.linalg.inv_ex(a.mH if adjoint else a)
    if a.device.type == "cpu" and bool((info != 0).any()):
        raise op_error("MatrixInverse", "Input is not invertible.", a)
    return wrap(result)


@tf_export("linalg.det")
def det(input, name=None):  # noqa: A002
    """``tf.linalg.det``: determinant of each square matrix in ``input``."""
    a = storage_of(input)
    check_dtype(a, _DET_ALLOWED, "MatrixDeterminant")
    _square(a, "MatrixDeterminant")
    return wrap(torch.linalg.det(a))


LogMatrixDeterminant = collections.namedtuple(
    "LogMatrixDeterminant", ["sign", "log_abs_determinant"]
)
LogMatrixDeterminant.__doc__ = (
    "The ``(sign, log_abs_determinant)`` result of :func:`slogdet`, named as TF names it."
)


@tf_export("linalg.slogdet")
def slogdet(input, name=None):  # noqa: A002
    """``tf.linalg.slogdet``: ``LogMatrixDeterminant(sign, log_abs_determinant)`` of each square
    matrix."""
    a = storage_of(input)
    check_dtype(a, _DET_ALLOWED, "LogMatrixDeterminant")
    _square(a, "LogMatrixDeterminant")
    sign, logabsdet = torch.linalg.slogdet(a)
    if not a.is_complex():  # TF's sign of a NaN determinant is NaN (torch says 0)
        sign = torch.where(torch.isnan(logabsdet), logabsdet, sign)
    return LogMatrixDeterminant(wrap(sign), wrap(logabsdet))


@tf_export("linalg.logdet")
def logdet(matrix, name=None):
    """``tf.linalg.logdet``: ``log(det(matrix))`` of Hermitian positive definite matrices (via
    Cholesky)."""
    chol = storage_of(cholesky(matrix))
    return wrap(2.0 * torch.sum(torch.log(torch.real(torch.diagonal(chol, dim1=-2, dim2=-1))), -1))


@tf_export("linalg.cholesky")
def cholesky(input, name=None):  # noqa: A002
    """``tf.linalg.cholesky``: lower Cholesky factor of each Hermitian positive definite matrix.
    Matrices that are not positive definite give NaN below the diagonal, as TF's CPU kernel does."""
    a = storage_of(input)
    check_dtype(a, _CHOLESKY_ALLOWED, "Cholesky")
    _square(a, "Cholesky")
    factor, info = torch.linalg.cholesky_ex(a)
    failed = (info != 0).reshape(info.shape + (1, 1))
    return wrap(torch.where(failed, torch.full_like(factor, float("nan")).tril(), factor))


Qr = collections.namedtuple("Qr", ["q", "r"])
Qr.__doc__ = "The ``(q, r)`` result of :func:`qr`, named as TF names it."


@tf_export("linalg.qr")
def qr(input, full_matrices=False, name=None):  # noqa: A002
    """``tf.linalg.qr``: ``Qr(q, r)`` with ``q`` orthonormal columns and ``r`` upper triangular."""
    a = storage_of(input)
    check_dtype(a, _QR_ALLOWED, "Qr")
    q, r = torch.linalg.qr(a, mode="complete" if full_matrices else "reduced")
    return Qr(wrap(q), wrap(r))


@tf_export("linalg.svd")
def svd(tensor, full_matrices=False, compute_uv=True, name=None):
    """``tf.linalg.svd``: ``(s, u, v)`` in TF's order, with ``v`` (not ``v^H``) so that
    ``tensor == u @ diag(s) @ adjoint(v)``; only ``s`` when ``compute_uv=False``."""
    compute_uv = bool_attr(compute_uv, "compute_uv", True)
    full_matrices = bool_attr(full_matrices, "full_matrices", False)
    a = storage_of(tensor)
    check_dtype(a, _SVD_ALLOWED, "Svd")
    if not compute_uv:
        return wrap(torch.linalg.svdvals(a))
    u, s, vh = torch.linalg.svd(a, full_matrices=full_matrices)
    return wrap(s), wrap(u), wrap(vh.mH)


@tf_export("linalg.eigh")
def eigh(tensor, name=None):
    """``tf.linalg.eigh``: ``(eigenvalues, eigenvectors)`` of self-adjoint matrices, ascending
    (the lower triangle is read, as TF)."""
    a = storage_of(tensor)
    check_dtype(a, _EIGH_ALLOWED, "SelfAdjointEigV2")
    _square(a, "SelfAdjointEigV2")
    values, vectors = torch.linalg.eigh(a)
    return wrap(values), wrap(vectors)


@tf_export("linalg.eigvalsh")
def eigvalsh(tensor, name=None):
    """``tf.linalg.eigvalsh``: eigenvalues of self-adjoint matrices, ascending."""
    a = storage_of(tensor)
    check_dtype(a, _EIGH_ALLOWED, "SelfAdjointEigV2")
    _square(a, "SelfAdjointEigV2")
    return wrap(torch.linalg.eigvalsh(a))


@tf_export("linalg.solve")
def solve(matrix, rhs, adjoint=False, name=None):
    """``tf.linalg.solve``: ``X`` with ``matrix @ X == rhs`` (batched; ``rhs`` has the same rank);
    a singular matrix raises TF's ``InvalidArgumentError``."""
    a = storage_of(matrix)
    check_dtype(a, _SOLVE_ALLOWED, "MatrixSolve")  # T is read from ``matrix`` before ``rhs``
    a, b = inputs(wrap(a), rhs, "MatrixSolve")
    if a.ndim != b.ndim:
        raise op_error("MatrixSolve", "All input tensors must have the same rank.", a)
    if a.ndim < 2:
        raise op_error("MatrixSolve", "Input tensor 0 must have rank >= 2, got %d" % a.ndim, a)
    if a.shape[:-2] != b.shape[:-2]:
        raise op_error("MatrixSolve", "All input tensors must have the same outer dimensions.", a)
    if a.shape[-1] != a.shape[-2]:
        raise op_error("MatrixSolve", "First input (lhs) must be a square matrix.", a)
    if a.shape[-1] != b.shape[-2]:
        raise op_error("MatrixSolve", "Input matrix and rhs are incompatible.", a)
    result, info = torch.linalg.solve_ex(a.mH if adjoint else a, b)
    if a.device.type == "cpu" and bool((info != 0).any()):
        raise op_error("MatrixSolve", "Input matrix is not invertible.", a)
    return wrap(result)


@tf_export("linalg.matrix_transpose")
def matrix_transpose(a, name="matrix_transpose", conjugate=False):
    """``tf.linalg.matrix_transpose``: swaps the last two dims (conjugating with
    ``conjugate=True``)."""
    x = storage_of(a)
    if x.ndim < 2:
        raise ValueError(
            "Argument `a` should be a (batch) matrix with rank >= 2.  Received `a` = %s with "
            "shape: %s" % (np.asarray(wrap(x)), tuple(x.shape))
        )
    return wrap(x.mH if conjugate else x.mT)


@tf_export("linalg.adjoint")
def adjoint(matrix, name=None):
    """``tf.linalg.adjoint``: the conjugate transpose of the last two dims."""
    return matrix_transpose(matrix, conjugate=True)


@tf_export("linalg.diag")
def diag(diagonal, name="diag", k=0, num_rows=-1, num_cols=-1, padding_value=0, align="RIGHT_LEFT"):
    """``tf.linalg.diag``: matrices with ``diagonal`` (last dim) on their ``k``-th diagonal, the
    rest ``padding_value``; ``num_rows``/``num_cols`` default as in TF (the smallest square that
    fits, or the smallest size when the other is given)."""
    d = storage_of(diagonal)
    if (isinstance(d, np.ndarray) or d.dtype is torch.bool) and type(padding_value) is int:
        raise cannot_convert(padding_value, d)
    k = int(k)
    length = d.shape[-1]
    min_rows, min_cols = length + max(-k, 0), length + max(k, 0)
    rows = -1 if num_rows is None else int(num_rows)
    cols = -1 if num_cols is None else int(num_cols)
    if rows == -1 and cols == -1:
        rows = cols = max(min_rows, min_cols)
    rows = min_rows if rows == -1 else rows
    cols = min_cols if cols == -1 else cols
    for size, least, what in ((rows, min_rows, "rows"), (cols, min_cols, "columns")):
        if size < least:
            raise op_error("MatrixDiagV3", "The number of %s is too small." % what, d)
    if rows != min_rows and cols != min_cols:
        raise op_error(
            "MatrixDiagV3",
            "The number of rows or columns is not consistent with the specified d_lower, d_upper, "
            "and diagonal.",
            d,
        )
    out = torch.full(
        tuple(d.shape[:-1]) + (rows, cols), padding_value, dtype=d.dtype, device=d.device
    )
    index = torch.arange(length, device=d.device)
    r, c = index + max(-k, 0), index + max(k, 0)
    fits = (r < rows) & (c < cols)
    return wrap(_place_diagonal(out, d[..., fits], r[fits], c[fits]))


def _place_diagonal(out, values, rows, cols):
    mask = torch.zeros(out.shape[-2:], dtype=torch.bool, device=out.device)
    mask[rows, cols] = True
    spread = torch.zeros_like(out)
    spread[..., rows, cols] = values
    return torch.where(mask, spread, out)


@tf_export("linalg.diag_part")
def diag_part(input, name="diag_part", k=0, padding_value=0, align="RIGHT_LEFT"):  # noqa: A002
    """``tf.linalg.diag_part``: the ``k``-th diagonal of each matrix in ``input``."""
    a = storage_of(input)
    if a.ndim < 2:
        raise op_error(
            "MatrixDiagPartV3",
            "input must be at least 2-dim, received shape: %s" % dims_text(a.shape),
            a,
        )
    return wrap(torch.diagonal(a, offset=int(k), dim1=-2, dim2=-1))


@tf_export("linalg.trace")
def trace(x, name=None):
    """``tf.linalg.trace``: sum of each matrix's main diagonal (integers keep their dtype)."""
    a = storage_of(x)
    if a.ndim < 2:
        raise op_error(
            "MatrixDiagPartV3",
            "input must be at least 2-dim, received shape: %s" % dims_text(a.shape),
            a,
        )
    return wrap(torch.sum(torch.diagonal(a, dim1=-2, dim2=-1), -1, dtype=a.dtype))


@tf_export("linalg.band_part")
def band_part(input, num_lower, num_upper, name=None):  # noqa: A002
    """``tf.linalg.band_part``: keeps ``num_lower`` sub- and ``num_upper`` super-diagonals
    (negative: all of them), zeroing the rest; the bounds are int64 inputs (a float is TF's
    conversion error)."""
    a = storage_of(input)
    for bound in (num_lower, num_upper):
        if type(bound) is float:  # NumPy floats convert
            raise cannot_convert(bound, dtypes.int64)
    rows, cols = a.shape[-2], a.shape[-1]
    i = torch.arange(rows, device=a.device).unsqueeze(-1)
    j = torch.arange(cols, device=a.device)
    lower, upper = int(num_lower), int(num_upper)
    keep = ((lower < 0) | (i - j <= lower)) & ((upper < 0) | (j - i <= upper))
    return wrap(torch.where(keep, a, torch.zeros((), dtype=a.dtype, device=a.device)))


@tf_export("linalg.matvec")
def matvec(a, b, transpose_a=False, adjoint_a=False, name=None):
    """``tf.linalg.matvec``: ``a @ b[..., None]`` squeezed: matrix times vector, batched."""
    result = matmul(
        a, wrap(storage_of(b).unsqueeze(-1)), transpose_a=transpose_a, adjoint_a=adjoint_a
    )
    return wrap(storage_of(result).squeeze(-1))


def _float_matrix(a, hint=None):
    """The storage of ``pinv``/``matrix_rank``'s input as TF validates it: converted (with
    ``matrix_rank``'s float32 ``hint``), TF's ``TypeError`` unless floating, its ``ValueError``
    below rank 2."""
    x = convert_to_tensor(a, dtype_hint=hint)._value
    if isinstance(x, np.ndarray) or not x.is_floating_point():
        raise TypeError("Input `a` must have `float`-like `dtype` (saw %s)." % dtype_of(x).name)
    if x.ndim < 2:
        raise ValueError("Input `a` must have at least 2 dimensions (saw: %d)." % x.ndim)
    return x


@tf_export("linalg.pinv")
def pinv(a, rcond=None, validate_args=False, name=None):
    """``tf.linalg.pinv``: Moore-Penrose pseudo-inverse (singular values below ``rcond`` times the
    largest are dropped; TF's default ``rcond`` is ``10 * max(rows, cols) * eps``)."""
    x = _float_matrix(a)
    check_dtype(x, _SVD_ALLOWED, "Svd")
    if rcond is None:
        rcond = 10.0 * max(x.shape[-2], x.shape[-1]) * torch.finfo(x.dtype).eps
    return wrap(torch.linalg.pinv(x, rtol=float(rcond)))


@tf_export("linalg.cross")
def cross(a, b, name=None):
    """``tf.linalg.cross``: pairwise cross product of 3-vectors along the last dim."""
    x, y = inputs(a, b, "Cross")
    return wrap(torch.linalg.cross(x, y, dim=-1))


@tf_export("linalg.triangular_solve")
def triangular_solve(matrix, rhs, lower=True, adjoint=False, name=None):
    """``tf.linalg.triangular_solve``: ``X`` with ``matrix @ X == rhs`` for triangular ``matrix``
    (only its ``lower`` or upper triangle is read); ``adjoint`` solves with ``matrix^H``."""
    a = storage_of(matrix)
    check_dtype(a, _TRIANGULAR_ALLOWED, "MatrixTriangularSolve")  # T read before ``rhs``
    a, b = inputs(wrap(a), rhs, "MatrixTriangularSolve")
    _triangular_system(a, b, lower, adjoint)
    a = a.tril() if lower else a.triu()
    if adjoint:
        a, lower = a.mH, not lower
    return wrap(torch.linalg.solve_triangular(a, b, upper=not lower))


def _triangular_system(a, b, lower, adjoint):
    """TF's ``MatrixTriangularSolve`` kernel checks: ranks, square matrices, batch dims that
    broadcast, and matching rows (its text ends with the ``lower``/``adjoint`` flags)."""
    for index, x in enumerate((a, b)):
        if x.ndim < 2:
            raise op_error(
                "MatrixTriangularSolve", "In[%d] ndims must be >= 2: %d" % (index, x.ndim), a
            )
    try:
        torch.broadcast_shapes(a.shape[:-2], b.shape[:-2])
    except RuntimeError:
        raise op_error(
            "MatrixTriangularSolve",
            "In[0] and In[1] must have compatible batch dimensions: %s vs. %s"
            % (dims_text(a.shape), dims_text(b.shape)),
            a,
        ) from None
    rows, cols = a.shape[-2:]
    if rows != cols:
        raise op_error(
            "MatrixTriangularSolve",
            "In[0] matrices in the last dimensions must be square (%d =/= %d)" % (cols, rows),
            a,
        )
    if rows != b.shape[-2]:
        raise op_error(
            "MatrixTriangularSolve",
            "In[0] mismatch In[1] shape: %d vs. %d: %s %s %d %d"
            % (rows, b.shape[-2], dims_text(a.shape), dims_text(b.shape), lower, adjoint),
            a,
        )


@tf_export("linalg.cholesky_solve")
def cholesky_solve(chol, rhs, name=None):
    """``tf.linalg.cholesky_solve``: ``X`` with ``A @ X == rhs`` given ``chol``, the lower
    Cholesky factor of ``A``."""
    factor, b = inputs(chol, rhs, "MatrixTriangularSolve")
    return wrap(torch.cholesky_solve(b, factor))


@tf_export("linalg.lstsq")
def lstsq(matrix, rhs, l2_regularizer=0.0, fast=True, name=None):
    """``tf.linalg.lstsq``: least-squares ``X`` minimising ``||matrix @ X - rhs||^2 + l2 ||X||^2``
    (normal equations with Cholesky when ``fast``, as TF; an SVD-based solve otherwise)."""
    a, b = inputs(matrix, rhs, "MatrixSolveLs")
    reg = float(l2_regularizer)
    if not fast and reg == 0.0:
        return wrap(torch.linalg.pinv(a) @ b)
    rows, cols = a.shape[-2], a.shape[-1]
    if rows >= cols:
        gram = a.mH @ a + reg * torch.eye(cols, dtype=a.dtype, device=a.device)
        return wrap(torch.cholesky_solve(a.mH @ b, torch.linalg.cholesky(gram)))
    gram = a @ a.mH + reg * torch.eye(rows, dtype=a.dtype, device=a.device)
    return wrap(a.mH @ torch.cholesky_solve(b, torch.linalg.cholesky(gram)))


@tf_export("linalg.matrix_rank")
def matrix_rank(a, tol=None, validate_args=False, name=None):
    """``tf.linalg.matrix_rank``: number of singular values above ``tol`` (default
    ``eps * max(rows, cols) * largest singular value``), as int32."""
    x = _float_matrix(a, dtypes.float32)
    check_dtype(x, _SVD_ALLOWED, "Svd")
    singular = torch.linalg.svdvals(x)
    if singular.shape[-1] == 0:
        return wrap(torch.zeros(singular.shape[:-1], dtype=torch.int32, device=x.device))
    if tol is None:
        eps = torch.finfo(x.real.dtype if x.is_complex() else x.dtype).eps
        tol = eps * max(x.shape[-2], x.shape[-1]) * singular.amax(-1, keepdim=True)
    return wrap(torch.sum(singular > tol, -1).to(torch.int32))


@tf_export("linalg.expm")
def expm(input, name=None):  # noqa: A002
    """``tf.linalg.expm``: the matrix exponential of each square matrix."""
    a = storage_of(input)
    _square(a, "MatrixExponential")
    return wrap(torch.linalg.matrix_exp(a))


@tf_export("linalg.normalize")
def normalize(tensor, ord="euclidean", axis=None, name=None):  # noqa: A002 - TF's name
    """``tf.linalg.normalize``: ``(tensor / norm, norm)`` with ``tf.norm``'s ``ord``/``axis``
    (keepdims)."""
    magnitude = norm(tensor, ord=ord, axis=axis, keepdims=True)
    return wrap(storage_of(tensor) / storage_of(magnitude)), magnitude


@tf_export("linalg.set_diag")
def set_diag(input, diagonal, name="set_diag", k=0, align="RIGHT_LEFT"):  # noqa: A002
    """``tf.linalg.set_diag``: ``input`` with its ``k``-th diagonal replaced by ``diagonal``."""
    a = storage_of(input)
    d = storage_of(diagonal)
    rows, cols = a.shape[-2], a.shape[-1]
    k = int(k)
    length = min(rows + min(k, 0), cols - max(k, 0))
    index = torch.arange(length, device=a.device)
    r, c = index + max(-k, 0), index + max(k, 0)
    return wrap(_place_diagonal(a, d, r, c))


@tf_export("linalg.tensor_diag")
def tensor_diag(diagonal, name=None):
    """``tf.linalg.tensor_diag``: the rank-2k tensor with ``diagonal`` (rank k) on its diagonal."""
    d = storage_of(diagonal)
    check_dtype(d, _DIAG_ALLOWED, "Diag")
    flat = torch.diag(d.reshape(-1))
    return wrap(flat.reshape(tuple(d.shape) * 2))


@tf_export("linalg.tensor_diag_part")
def tensor_diag_part(input, name=None):  # noqa: A002
    """``tf.linalg.tensor_diag_part``: the inverse of :func:`tensor_diag` (rank 2k -> rank k)."""
    a = storage_of(input)
    check_dtype(a, _DIAG_ALLOWED, "DiagPart")
    half = a.ndim // 2
    if a.ndim % 2:
        raise op_error(
            "DiagPart",
            # TF's text has the indentation of its C++ string literal in it.
            "The rank of the tensor should be%seven and positive, got shape %s"
            % (" " * 42, dims_text(a.shape)),
            a,
        )
    for i in range(half):
        if a.shape[i] != a.shape[i + half]:
            raise op_error(
                "DiagPart",
                "Invalid shape %s: dimensions %d and %d do not match."
                % (dims_text(a.shape), i, i + half),
                a,
            )
    shape = tuple(a.shape[:half])
    size = int(np.prod(shape)) if shape else 1
    return wrap(torch.diagonal(a.reshape(size, size)).reshape(shape))
