"""The index merge of TF's two-operand sparse kernels (``SparseAdd``,
``SparseSparseMinimum`` / ``Maximum``): a two-pointer walk over both index lists, as the
kernels do, so unordered inputs give TF's output too."""

from __future__ import annotations

import torch

from ...framework.op_errors import dtype_of, input_dtype_error
from ._components import compare_rows, kernel_error, row_major_order

__all__ = ["check_operands", "merge_slots", "merged_indices"]


def check_operands(opname, a, b):
    """TF's checks of two SparseTensor operands: values dtypes, index ranks, dense shapes."""
    if dtype_of(b[1]) is not dtype_of(a[1]):
        raise input_dtype_error(opname, 4, a[1], b[1])
    if a[0].shape[1] != b[0].shape[1]:
        raise kernel_error(
            opname,
            "Input indices must have the same dimension, got %d and %d"
            % (a[0].shape[1], b[0].shape[1]),
            a[0],
        )
    for dim, (x, y) in enumerate(zip(a[2], b[2])):
        if x != y:
            raise kernel_error(
                opname,
                "Operands' shapes do not match: got %d and %d for dimension %d" % (x, y, dim),
                a[0],
            )


def _strictly_increasing(indices):
    if indices.shape[0] < 2:
        return True
    return bool((compare_rows(indices[1:], indices[:-1]) > 0).all())


def _walk(a, b):
    """The two-pointer merge on the host: output slot of each row of ``a`` and ``b``."""
    rows_a, rows_b = a.tolist(), b.tolist()
    slot_a, slot_b = [0] * len(rows_a), [0] * len(rows_b)
    i = j = slot = 0
    while i < len(rows_a) and j < len(rows_b):
        if rows_a[i] < rows_b[j]:
            slot_a[i] = slot
            i += 1
        elif rows_a[i] > rows_b[j]:
            slot_b[j] = slot
            j += 1
        else:
            slot_a[i] = slot_b[j] = slot
            i += 1
            j += 1
        slot += 1
    for k in range(i, len(rows_a)):
        slot_a[k], slot = slot, slot + 1
    for k in range(j, len(rows_b)):
        slot_b[k], slot = slot, slot + 1
    device = a.device
    return (
        torch.tensor(slot_a, dtype=torch.int64, device=device),
        torch.tensor(slot_b, dtype=torch.int64, device=device),
        slot,
    )


def merge_slots(a, b):
    """``(slot_a, slot_b, count)``: the output position of each index row of ``a`` and ``b``
    in the merged output of ``count`` rows (equal rows met together share a slot)."""
    if not (_strictly_increasing(a) and _strictly_increasing(b)):
        return _walk(a, b)
    both = torch.cat([a, b])
    order = row_major_order(both)
    ordered = both[order]
    new = torch.ones(ordered.shape[0], dtype=torch.int64, device=a.device)
    if ordered.shape[0] > 1:
        new[1:] = (compare_rows(ordered[1:], ordered[:-1]) != 0).to(torch.int64)
    slots_sorted = torch.cumsum(new, 0) - 1
    slots = torch.empty_like(slots_sorted)
    slots[order] = slots_sorted
    count = int(slots_sorted[-1]) + 1 if ordered.shape[0] else 0
    return slots[: a.shape[0]], slots[a.shape[0] :], count


def merged_indices(a, b, slot_a, slot_b, count):
    """The index rows of the merged output."""
    out = torch.zeros((count, a.shape[1]), dtype=torch.int64, device=a.device)
    out[slot_a] = a
    out[slot_b] = b
    return out
