"""``tf.matmul`` with RaggedTensor arguments, as TF's ragged ``matmul``: rank-2 operands
multiply densely (their innermost dimension must be uniform), rank-3 operands per batch
item (a ragged ``[B, (I), J]`` ``a`` and dense ``b`` fold the batch into one product),
higher ranks over the shared outer partition."""

from __future__ import annotations

import torch

from ...framework.convert import convert_to_tensor
from ...framework.dispatch import register
from ...framework.tensor import wrap
from .. import shape_ops
from ..matmul_ops import matmul
from ..debugging import assert_equal
from .ragged_tensor import RaggedTensor, _condition_error

__all__ = ["ragged_matmul"]

_RAGGED_ERROR = "The matrices in `a` and `b` may not be ragged in their innermost dimension."


def _dense(x):
    """Rank-2 ``x`` as a Tensor; TF's error when its innermost dimension is ragged."""
    if not isinstance(x, RaggedTensor):
        return x
    size = int(x.flat_values._value.numel())
    dense = x.to_tensor()
    if int(dense._value.numel()) != size:
        raise _condition_error(_RAGGED_ERROR, size, int(dense._value.numel()))
    return dense


def _matmul_2d(a, b, options):
    return matmul(_dense(a), _dense(b), **options)


def _fold_batch(a, b, options):
    """``[B, (I), J] @ [B, J, K]`` with ``a`` of ragged rank 1: one batched product."""
    values = shape_ops.expand_dims(a.values, 1)
    repeated = shape_ops.repeat(b, a.row_lengths(), axis=0)
    flat = matmul(values, repeated, **options)
    return a.with_values(shape_ops.squeeze(flat, axis=1))


def _per_batch(a, b, options):
    """``[B, (I), (J)] @ [B, (J), (K)]`` one batch item at a time."""
    ragged_out = isinstance(b, RaggedTensor) and (
        b.ragged_rank == 2 or options.get("transpose_b") or options.get("adjoint_b")
    )
    outs = [_matmul_2d(a[i], b[i], options) for i in range(int(a.shape[0] or 0))]
    rows = torch.tensor([int(o._value.shape[0]) for o in outs], dtype=torch.int64)
    if not outs:
        return RaggedTensor.from_row_lengths(convert_to_tensor([]), rows)
    if ragged_out:
        flat = wrap(torch.cat([o._value.reshape(-1) for o in outs]))
        widths = torch.cat(
            [torch.full((o._value.shape[0],), o._value.shape[1], dtype=torch.int64) for o in outs]
        )
        return RaggedTensor.from_nested_row_lengths(flat, [wrap(rows), wrap(widths)])
    values = shape_ops.concat(outs, 0)
    return RaggedTensor.from_row_lengths(values, wrap(rows))


@register(matmul, RaggedTensor)
def ragged_matmul(
    a,
    b,
    transpose_a=False,
    transpose_b=False,
    adjoint_a=False,
    adjoint_b=False,
    a_is_sparse=False,
    b_is_sparse=False,
    output_type=None,
    grad_a=False,
    grad_b=False,
    name=None,
):
    """``tf.matmul`` of RaggedTensors (see the module docstring); the results and errors are
    TF's ragged ones."""
    if transpose_a and adjoint_a:
        raise ValueError("Only one of transpose_a and adjoint_a can be True.")
    if transpose_b and adjoint_b:
        raise ValueError("Only one of transpose_b and adjoint_b can be True.")
    options = dict(transpose_a=transpose_a, transpose_b=transpose_b, adjoint_a=adjoint_a)
    options.update(adjoint_b=adjoint_b, output_type=output_type)
    a = a if isinstance(a, RaggedTensor) else convert_to_tensor(a)
    b = b if isinstance(b, RaggedTensor) else convert_to_tensor(b)
    if not (isinstance(a, RaggedTensor) or isinstance(b, RaggedTensor)):
        return matmul(a, b, **options)
    if a.dtype != b.dtype:
        raise ValueError("`a` and `b` must have the same dtype.")
    rank = a.shape.rank
    if rank != b.shape.rank or rank < 2:
        raise ValueError("`a` and `b` must have the same rank.")
    if rank > 3:
        if not isinstance(a, RaggedTensor):
            a = RaggedTensor.from_tensor(a, ragged_rank=1)
        if not isinstance(b, RaggedTensor):
            b = RaggedTensor.from_tensor(b, ragged_rank=1)
        splits_a, splits_b = a.row_splits, b.row_splits
        if splits_a._value.shape != splits_b._value.shape or not bool(
            torch.equal(splits_a._value, splits_b._value)
        ):
            message = "Batch dimensions of `a` and `b` do not have the same size."
            assert_equal(splits_a, splits_b, message=message)
        return a.with_values(ragged_matmul(a.values, b.values, **options))
    if rank == 2:
        return _matmul_2d(a, b, options)
    a_ragged_rank = a.ragged_rank if isinstance(a, RaggedTensor) else 0
    if a_ragged_rank == 1 and not (isinstance(b, RaggedTensor) or transpose_a or adjoint_a):
        return _fold_batch(a, b, options)
    return _per_batch(a, b, options)
