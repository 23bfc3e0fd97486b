"""``tf.sparse.reduce_sum``, ``tf.sparse.reduce_max`` (dense or sparse results) and
``tf.sparse.softmax``: reductions over the given values only (implicit zeros are not
values; a group without values reads 0, as TF's kernels)."""

from __future__ import annotations

import torch

from ...api_export import tf_export
from ...framework.op_errors import allowed_dtypes, check_dtype, op_error
from ...framework.tensor import wrap
from ._components import compare_rows, components, kernel_error, make, row_major_order

__all__ = ["reduce_sum", "reduce_max", "softmax"]


def _axes(axis, rank, opname):
    if axis is None:
        return list(range(rank))
    items = [axis] if isinstance(axis, int) else [int(a) for a in axis]
    axes = set()
    for item in items:
        if not -rank <= item < rank:
            raise kernel_error(
                opname,
                "Invalid reduction dimension %d, for input with %d dimensions." % (item, rank),
            )
        axes.add(item % rank)
    return sorted(axes)


def _groups(indices, kept):
    """``(group of each value, kept coordinates of each group)``, groups in row-major
    order of the kept coordinates."""
    coords = indices[:, kept]
    if indices.shape[0] == 0:
        return torch.zeros(0, dtype=torch.int64, device=indices.device), coords
    order = row_major_order(coords)
    ordered = coords[order]
    new = torch.ones(ordered.shape[0], dtype=torch.int64, device=indices.device)
    new[1:] = (compare_rows(ordered[1:], ordered[:-1]) != 0).to(torch.int64)
    group_sorted = torch.cumsum(new, 0) - 1
    group = torch.empty_like(group_sorted)
    group[order] = group_sorted
    return group, ordered[new.bool()]


def _reduce(kind, sp_input, axis, keepdims, output_is_sparse):
    indices, values, shape = components(sp_input)
    opname = "SparseReduce%s%s" % (kind, "Sparse" if output_is_sparse else "")
    check_dtype(values, allowed_dtypes(opname), opname)
    axes = _axes(axis, len(shape), opname)
    kept = [d for d in range(len(shape)) if d not in axes]
    out_shape = (
        [1 if d in axes else shape[d] for d in range(len(shape))]
        if keepdims
        else [shape[d] for d in kept]
    )
    group, coords = _groups(indices, kept)
    count = coords.shape[0]
    zeros = torch.zeros(count, dtype=values.dtype, device=values.device)
    if kind == "Sum":
        reduced = zeros.index_add(0, group, values)
    else:
        reduced = zeros.scatter_reduce(0, group, values, "amax", include_self=False)
    if keepdims:
        full = torch.zeros((count, len(shape)), dtype=torch.int64, device=indices.device)
        full[:, kept] = coords
        coords = full
    if output_is_sparse:
        return make(coords, reduced, out_shape)
    dense = torch.zeros(tuple(out_shape), dtype=values.dtype, device=values.device)
    if coords.shape[1] == 0:
        return wrap(dense + reduced.sum())
    return wrap(dense.index_put(tuple(coords.T), reduced))


@tf_export("sparse.reduce_sum")
def reduce_sum(sp_input, axis=None, keepdims=None, output_is_sparse=False, name=None):
    """``tf.sparse.reduce_sum``: the sum over ``axis`` (all by default), a dense Tensor or,
    with ``output_is_sparse``, a SparseTensor of the non-empty groups."""
    return _reduce("Sum", sp_input, axis, bool(keepdims), output_is_sparse)


@tf_export("sparse.reduce_max")
def reduce_max(sp_input, axis=None, keepdims=None, output_is_sparse=False, name=None):
    """``tf.sparse.reduce_max``: the maximum of the given values over ``axis`` (implicit
    zeros do not count; a group without values is 0 in the dense result)."""
    return _reduce("Max", sp_input, axis, bool(keepdims), output_is_sparse)


@tf_export("sparse.softmax")
def softmax(sp_input, name=None):
    """``tf.sparse.softmax``: softmax over the last dimension among the given values.  As
    TF's kernel, results are computed in row-major order and written in that order over the
    input indices (so unordered inputs get TF's misplaced values)."""
    indices, values, shape = components(sp_input)
    if values.dtype not in (torch.float16, torch.float32, torch.float64):
        raise op_error(
            "SparseSoftmax",
            "Value for attr 'T' of %s is not in the list of allowed values: half, float, "
            "double\n\t; NodeDef: {{node SparseSoftmax}}; Op<name=SparseSoftmax; "
            "signature=sp_indices:int64, sp_values:T, sp_shape:int64 -> output:T; "
            "attr=T:type,allowed=[DT_HALF, DT_FLOAT, DT_DOUBLE]>" % sp_input.dtype.name,
            wrapped=False,
        )
    if len(shape) < 2:
        raise kernel_error(
            "SparseSoftmax",
            "Input should have rank >= 2, but received shape: %s" % " ".join(str(d) for d in shape),
            indices,
        )
    order = row_major_order(indices)
    ordered = values[order]
    group, _ = _groups(indices[order], list(range(len(shape) - 1)))
    count = int(group.max()) + 1 if group.numel() else 0
    zeros = torch.zeros(count, dtype=values.dtype, device=values.device)
    top = zeros.scatter_reduce(0, group, ordered, "amax", include_self=False)
    exp = torch.exp(ordered - top[group])
    total = zeros.index_add(0, group, exp)
    return sp_input.with_values(wrap(exp / total[group]))
