"""Shared plumbing of the sparse ops: SparseTensor arguments, component storages, results,
row-major order and TF's kernel error texts.

Values storages are torch tensors, or NumPy object arrays of ``bytes`` for string tensors
(``take`` / ``full_like_values`` serve both).
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework.op_errors import op_error
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import wrap

__all__ = [
    "sparse_arg",
    "components",
    "make",
    "take",
    "cat_values",
    "row_major_order",
    "compare_rows",
    "kernel_error",
    "shape_text",
    "index_text",
]


def sparse_arg(sp_input, message="Input must be a SparseTensor."):
    """``sp_input`` when it is a SparseTensor; TF's ``TypeError`` otherwise."""
    if not isinstance(sp_input, SparseTensor):
        raise TypeError(message)
    return sp_input


def components(sp):
    """``(indices, values, shape)``: the index and value storages and the dense shape as a
    Python list of ints."""
    return sp.indices._value, sp.values._value, sp.dense_shape._value.tolist()


def make(indices, values, shape):
    """A SparseTensor from an int64 index storage, a values storage and a list of ints."""
    dense_shape = torch.tensor(list(shape), dtype=torch.int64, device=indices.device)
    return SparseTensor(wrap(indices), wrap(values), wrap(dense_shape))


def take(values, positions):
    """``values[positions]`` for a torch or a NumPy (string) storage; positions is a torch
    index or bool mask."""
    if isinstance(values, np.ndarray):
        return values[positions.cpu().numpy()]
    return values[positions]


def cat_values(storages):
    """The concatenation of values storages (torch or NumPy string arrays)."""
    if isinstance(storages[0], np.ndarray):
        return np.concatenate(storages)
    return torch.cat(storages)


def row_major_order(indices):
    """The stable permutation putting the rows of ``indices`` ``[N, rank]`` in row-major
    (lexicographic) order, as ``tf.sparse.reorder``."""
    order = torch.arange(indices.shape[0], device=indices.device)
    for dim in range(indices.shape[1] - 1, -1, -1):
        order = order[torch.argsort(indices[order, dim], stable=True)]
    return order


def compare_rows(a, b):
    """Row-wise lexicographic comparison of two ``[N, rank]`` index storages: -1, 0 or 1."""
    diff = torch.sign(a - b)
    if diff.shape[1] == 0:
        return torch.zeros(diff.shape[0], dtype=torch.int64, device=diff.device)
    first = torch.argmax((diff != 0).to(torch.int8), dim=1)
    return diff.gather(1, first[:, None])[:, 0]


def shape_text(shape):
    """TF's kernel spelling of a shape: ``[2,3]``."""
    return "[%s]" % ",".join(str(int(d)) for d in shape)


def index_text(row):
    """TF's spelling of one index row: ``[0,1]``."""
    return shape_text(row.tolist())


def kernel_error(opname, text, storage=None, kernel=None):
    """TF's eager ``InvalidArgumentError`` of sparse kernel ``opname``."""
    return op_error(opname, text, storage, kernel=kernel)
