"""``tf.linalg.lu`` (TF's packed LU factors and row permutation) and the ops that use them:
``lu_reconstruct``, ``lu_solve`` and ``lu_matrix_inverse``.

torch's LAPACK ``getrf`` and TF's Eigen ``PartialPivLU`` both pivot on the first largest
magnitude in the column, so factors and permutations agree with TF's (values to rounding).
"""

from __future__ import annotations

import collections

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import NotFoundError
from ..framework.op_errors import allowed_dtypes, attr_error, op_error
from ..framework.tensor import wrap

Lu = collections.namedtuple("Lu", ["lu", "p"])
_DECLARED = allowed_dtypes("Lu")
_INDEX = (torch.int32, torch.int64)
_KERNELS = ("COMPLEX128", "COMPLEX64", "DOUBLE", "FLOAT")


def _no_half_kernel(index_dtype):
    lines = [
        "  device='CPU'; T in [DT_%s]; output_idx_type in [DT_%s]" % (t, i)
        for i in ("INT64", "INT32")
        for t in _KERNELS
    ]
    return NotFoundError(
        None,
        None,
        "Could not find device for node: {{node Lu}} = Lu[T=DT_HALF, output_idx_type=DT_%s]\n"
        "All kernels registered for op Lu:\n%s\n [Op:Lu] name: "
        % (index_dtype.name.upper(), "\n".join(lines)),
    )


@tf_export("linalg.lu")
def lu(input, output_idx_type=dtypes.int32, name=None):  # noqa: A002 - TF's argument name
    """``tf.linalg.lu``: ``Lu(lu, p)`` of square matrices (batched): ``lu`` packs the unit lower
    factor ``L`` (below the diagonal) and ``U`` (on and above it), and ``p`` the row
    permutation with ``input[..., p, :] == L @ U``.  A zero (or NaN) pivot raises TF's ``Input
    is not invertible.``"""
    tensor = convert_to_tensor(input)
    a = tensor._value
    index_dtype = dtypes.as_dtype(output_idx_type)
    if a.dtype not in _DECLARED:
        raise attr_error("Lu", tensor.dtype)
    if index_dtype.torch_dtype not in _INDEX:
        raise attr_error("Lu", index_dtype, attr="output_idx_type")
    if a.dtype == torch.float16:
        raise _no_half_kernel(index_dtype)
    if a.ndim < 2:
        raise op_error("Lu", "Input tensor must have rank >= 2, got %d" % a.ndim, a)
    if a.shape[-1] != a.shape[-2]:
        raise op_error("Lu", "Input matrix must be square.", a)
    n = a.shape[-1]
    if a.numel() == 0:
        perm = torch.zeros(a.shape[:-1], dtype=index_dtype.torch_dtype, device=a.device)
        return Lu(wrap(a.clone()), wrap(perm))
    factors, pivots, _ = torch.linalg.lu_factor_ex(a)
    if not bool((torch.abs(torch.diagonal(factors, dim1=-2, dim2=-1)) > 0).all()):
        raise op_error("Lu", "Input is not invertible.", a)
    perm = torch.arange(n, device=a.device).expand(a.shape[:-1]).clone()
    swaps = pivots.long() - 1
    for i in range(n):
        j = swaps[..., i : i + 1]
        row_i = perm[..., i : i + 1].clone()
        perm[..., i : i + 1] = torch.gather(perm, -1, j)
        perm.scatter_(-1, j, row_i)
    return Lu(wrap(factors), wrap(perm.to(index_dtype.torch_dtype)))


def _check_factors(lower_upper, perm):
    """TF's static checks of ``lu_reconstruct_assertions``."""
    if lower_upper.ndim < 2:
        raise ValueError("Input `lower_upper` must have at least 2 dimensions.")
    if lower_upper.ndim != perm.ndim + 1:
        raise ValueError("`rank(lower_upper)` must equal `rank(perm) + 1`")
    if lower_upper.shape[-2] != lower_upper.shape[-1]:
        raise ValueError("`lower_upper` must be square.")


def _unit_lower(lower_upper):
    lower = torch.tril(lower_upper, -1)
    return lower + torch.eye(lower_upper.shape[-1], dtype=lower.dtype, device=lower.device)


def _inputs(lower_upper, perm):
    lu_t = convert_to_tensor(lower_upper, dtype_hint=dtypes.float32)
    perm_t = convert_to_tensor(perm, dtype_hint=dtypes.int32)
    return lu_t._value, perm_t._value


@tf_export("linalg.lu_reconstruct")
def lu_reconstruct(lower_upper, perm, validate_args=False, name=None):
    """``tf.linalg.lu_reconstruct``: the matrix ``tf.linalg.lu`` factored, ``(L @ U)`` with its
    rows put back by ``invert_permutation(perm)``."""
    lu_s, perm_s = _inputs(lower_upper, perm)
    _check_factors(lu_s, perm_s)
    product = torch.matmul(_unit_lower(lu_s), torch.triu(lu_s))
    inverse = torch.argsort(perm_s.long(), dim=-1)
    index = inverse.unsqueeze(-1).expand(product.shape)
    return wrap(torch.gather(product, -2, index))


def _solve(lu_s, perm_s, rhs_s):
    batch = torch.broadcast_shapes(lu_s.shape[:-2], rhs_s.shape[:-2], perm_s.shape[:-1])
    lu_b = lu_s.expand(batch + lu_s.shape[-2:])
    rhs_b = rhs_s.expand(batch + rhs_s.shape[-2:])
    perm_b = perm_s.long().expand(batch + perm_s.shape[-1:])
    permuted = torch.gather(rhs_b, -2, perm_b.unsqueeze(-1).expand(rhs_b.shape))
    y = torch.linalg.solve_triangular(_unit_lower(lu_b), permuted, upper=False, unitriangular=True)
    return torch.linalg.solve_triangular(torch.triu(lu_b), y, upper=True)


@tf_export("linalg.lu_solve")
def lu_solve(lower_upper, perm, rhs, validate_args=False, name=None):
    """``tf.linalg.lu_solve``: ``X`` with ``A @ X == rhs`` from ``tf.linalg.lu``'s factors of
    ``A`` (batch dimensions broadcast)."""
    lu_s, perm_s = _inputs(lower_upper, perm)
    rhs_s = convert_to_tensor(rhs, dtype_hint=dtypes.from_torch(lu_s.dtype))._value
    _check_factors(lu_s, perm_s)
    if rhs_s.ndim < 2:
        raise ValueError("Input `rhs` must have at least 2 dimensions.")
    if lu_s.shape[-1] != rhs_s.shape[-2]:
        raise ValueError("`lower_upper.shape[-1]` must equal `rhs.shape[-1]`.")
    return wrap(_solve(lu_s, perm_s, rhs_s))


@tf_export("linalg.lu_matrix_inverse")
def lu_matrix_inverse(lower_upper, perm, validate_args=False, name=None):
    """``tf.linalg.lu_matrix_inverse``: the inverse of the matrix ``tf.linalg.lu`` factored."""
    lu_s, perm_s = _inputs(lower_upper, perm)
    _check_factors(lu_s, perm_s)
    eye = torch.eye(lu_s.shape[-1], dtype=lu_s.dtype, device=lu_s.device)
    return wrap(_solve(lu_s, perm_s, eye.expand(lu_s.shape)))
