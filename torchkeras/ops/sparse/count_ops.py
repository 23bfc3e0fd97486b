"""``tf.sparse.bincount``: counts of the non-negative integers of a dense or sparse input,
as a SparseTensor (TF's ``DenseCountSparseOutput`` / ``SparseCountSparseOutput``)."""

from __future__ import annotations

import torch

from ...api_export import tf_export
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import op_error, type_name
from ...framework.sparse_tensor import SparseTensor
from ._components import compare_rows, make, row_major_order, shape_text

__all__ = ["bincount"]


def _attr_error(opname, values):
    return op_error(
        opname,
        "Value for attr 'T' of %s is not in the list of allowed values: int32, int64\n\t; "
        "NodeDef: {{node %s}}; Op<name=%s; signature=values:T, weights:output_type -> "
        "output_indices:int64, output_values:output_type, output_dense_shape:int64; "
        "attr=T:type,allowed=[DT_INT32, DT_INT64]; attr=minlength:int,default=-1,min=-1; "
        "attr=maxlength:int,default=-1,min=-1; attr=binary_output:bool; "
        "attr=output_type:type,allowed=[DT_INT32, DT_INT64, DT_FLOAT, DT_DOUBLE]>"
        % (type_name(values.dtype), opname, opname),
        wrapped=False,
    )


def _inputs(values, weights, axis):
    """``(rows, ids, weights, row count, opname)`` with ids flattened (axis 0) or per row."""
    if isinstance(values, SparseTensor):
        opname = "DenseCountSparseOutput" if axis == 0 else "SparseCountSparseOutput"
        ids = values.values
        rows = values.indices._value[:, 0] if axis != 0 else None
        count = int(values.dense_shape._value[0]) if axis != 0 else 1
    else:
        ids = convert_to_tensor(values)
        opname = "DenseCountSparseOutput"
        storage = ids._value
        rows, count = None, 1
        if axis != 0:
            if storage.ndim not in (1, 2):
                raise op_error(
                    opname,
                    "Input must be a 1 or 2-dimensional tensor. Got: %s"
                    % shape_text(storage.shape),
                    storage,
                )
            count = storage.shape[0] if storage.ndim == 2 else 1
            width = storage.shape[-1]
            rows = torch.arange(count, device=storage.device).repeat_interleave(width)
    if ids.dtype.name not in ("int32", "int64"):
        raise _attr_error(opname, ids)
    flat = ids._value.reshape(-1)
    if weights is not None:
        weights = convert_to_tensor(weights)._value
        if tuple(weights.shape) != tuple(ids._value.shape):
            raise op_error(
                opname,
                "Weights and data must have the same shape. Weight shape: %s; data shape: %s"
                % (shape_text(weights.shape), shape_text(ids._value.shape)),
                flat,
            )
        weights = weights.reshape(-1)
    if rows is None:
        rows = torch.zeros_like(flat, dtype=torch.int64)
    return rows.to(torch.int64), flat.to(torch.int64), weights, count, opname, flat.dtype


@tf_export("sparse.bincount")
def bincount(
    values,
    weights=None,
    axis=0,
    minlength=None,
    maxlength=None,
    binary_output=False,
    name=None,
):
    """``tf.sparse.bincount``: how often each value occurs (the sum of its ``weights``; 1
    with ``binary_output``), over all values (``axis=0``) or per row (``axis=-1``), as a
    SparseTensor of the non-zero counts; values ``>= maxlength`` are dropped and the last
    dimension is ``max(largest kept value + 1, minlength)``."""
    if axis is None:
        axis = 0
    if axis not in (0, -1):
        raise ValueError(
            "Unsupported value for argument axis=%s. Only 0 and -1 are currently supported."
            % (axis,)
        )
    rows, ids, weights, count, opname, dtype = _inputs(values, weights, axis)
    if ids.numel() and bool((ids < 0).any()):
        raise op_error(opname, "Input values must all be non-negative", ids)
    if maxlength is not None and maxlength >= 0:
        kept = ids < maxlength
        rows, ids = rows[kept], ids[kept]
        weights = weights[kept] if weights is not None else None
    size = int(ids.max()) + 1 if ids.numel() else 1
    if minlength is not None:
        size = max(size, int(minlength))
    pairs = torch.stack([rows, ids], dim=1)
    order = row_major_order(pairs)
    ordered = pairs[order]
    new = torch.ones(ordered.shape[0], dtype=torch.bool, device=ordered.device)
    if ordered.shape[0] > 1:
        new[1:] = compare_rows(ordered[1:], ordered[:-1]) != 0
    group = torch.cumsum(new.to(torch.int64), 0) - 1
    slots = int(group[-1]) + 1 if group.numel() else 0
    out_dtype = weights.dtype if weights is not None else dtype
    if binary_output:
        counts = torch.ones(slots, dtype=out_dtype, device=ordered.device)
    else:
        amount = weights[order] if weights is not None else torch.ones_like(group, dtype=dtype)
        counts = torch.zeros(slots, dtype=out_dtype, device=ordered.device)
        counts = counts.index_add(0, group, amount.to(out_dtype))
    unique = ordered[new]
    if axis == 0:
        return make(unique[:, 1:], counts, [size])
    return make(unique, counts, [count, size])
