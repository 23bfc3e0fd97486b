"""``tf.sparse.sparse_dense_matmul``: a rank-2 SparseTensor times a dense matrix (or the
reverse), differentiable in the sparse values and the dense operand.

Float and complex products go through ``torch.sparse.mm`` on an (uncoalesced) COO tensor:
repeated indices add up, as in TF's kernel, and autograd reaches the values and ``b``.  On
the CPU (2 threads, 4000x4000 with 200k values times 4000x64) it took about 80 ms forward
where a gather of ``b``'s rows and an ``index_add`` took about 600 ms (forward+backward:
both about 1.6 s); other dtypes (integers, half floats) take the ``index_add`` path."""

from __future__ import annotations

import torch

from ...api_export import tf_export
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import input_dtype_error
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import wrap
from ._components import components, kernel_error

__all__ = ["sparse_dense_matmul"]

_OP = "SparseTensorDenseMatMul"
# Dtypes with torch sparse-dense kernels (others take the gather + index_add path).
_SPARSE_MM_DTYPES = (torch.float32, torch.float64, torch.complex64, torch.complex128)


def _adjoint(storage):
    storage = storage.transpose(-1, -2)
    return storage.conj() if storage.is_complex() else storage


def _bounds(indices, position, size, label, storage):
    coords = indices[:, position]
    bad = (coords < 0) | (coords >= size)
    if bool(bad.any()):
        row = int(torch.argmax(bad.to(torch.int8)))
        value = int(coords[row]) % (1 << 64)
        raise kernel_error(
            _OP,
            "%s (%d) from index[%d,%d] out of bounds (>=%d)" % (label, value, row, position, size),
            storage,
        )


def _matmul(sp_a, b, adjoint_a, adjoint_b):
    indices, values, shape = components(sp_a)
    dense = convert_to_tensor(b)._value
    if len(shape) != 2:
        raise kernel_error(_OP, "Tensor 'a_shape' must have 2 elements", indices)
    if dense.ndim != 2:
        raise kernel_error(_OP, "Tensor 'b' is not a matrix", indices)
    if dense.dtype is not values.dtype:
        raise input_dtype_error(_OP, 3, values, dense)
    if adjoint_b:
        dense = _adjoint(dense)
    rows_at, cols_at = (1, 0) if adjoint_a else (0, 1)
    out_rows, inner = shape[rows_at], shape[cols_at]
    if dense.shape[0] != inner:
        b_shape = list(dense.shape[::-1]) if adjoint_b else list(dense.shape)
        raise kernel_error(
            _OP,
            "Cannot multiply A and B because inner dimension does not match: %d vs. %d.  Did "
            "you forget a transpose?  Dimensions of A: [%d, %d).  Dimensions of B: [%s]"
            % (inner, dense.shape[0], shape[0], shape[1], ",".join(map(str, b_shape))),
            indices,
        )
    _bounds(indices, cols_at, inner, "k", indices)
    _bounds(indices, rows_at, out_rows, "m", indices)
    if adjoint_a and values.is_complex():
        values = values.conj()
    rows, cols = indices[:, rows_at], indices[:, cols_at]
    if values.dtype in _SPARSE_MM_DTYPES:
        coo = torch.sparse_coo_tensor(
            torch.stack([rows, cols]), values, (out_rows, inner), check_invariants=False
        )
        return torch.sparse.mm(coo, dense)
    out = torch.zeros((out_rows, dense.shape[1]), dtype=dense.dtype, device=dense.device)
    return out.index_add(0, rows, values[:, None] * dense[cols])


@tf_export("sparse.sparse_dense_matmul")
def sparse_dense_matmul(sp_a, b, adjoint_a=False, adjoint_b=False, name=None):
    """``tf.sparse.sparse_dense_matmul``: ``op(sp_a) @ op(b)`` as a dense Tensor (``op`` is
    the adjoint where asked); with a dense ``sp_a`` and a sparse ``b``, TF's transposed
    product.  TF's ``SparseTensorDenseMatMul`` errors (dtype, inner size, bounds)."""
    if isinstance(b, SparseTensor) and not isinstance(sp_a, SparseTensor):
        dense = convert_to_tensor(sp_a)._value
        product = _matmul(b, wrap(dense), not adjoint_b, not adjoint_a)
        return wrap(_adjoint(product) if product.is_complex() else product.T)
    return wrap(_matmul(sp_a, b, adjoint_a, adjoint_b))
