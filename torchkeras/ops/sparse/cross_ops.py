"""``tf.sparse.cross``: the string feature crosses of each row of dense and sparse inputs
(TF's ``SparseCrossV2``), as a SparseTensor of strings."""

from __future__ import annotations

import itertools

import numpy as np
import torch

from ...api_export import tf_export
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import op_error
from ...framework.sparse_tensor import SparseTensor
from ._components import make

__all__ = ["cross"]


def _text(value):
    if isinstance(value, bytes):
        return value
    return str(int(value)).encode()


def _rows(value):
    """``(row count, values of each row as bytes)`` of one input."""
    if isinstance(value, SparseTensor):
        count = int(value.dense_shape._value[0])
        rows = [[] for _ in range(count)]
        values = value.values._value
        values = values if isinstance(values, np.ndarray) else values.cpu().numpy()
        for row, item in zip(value.indices._value[:, 0].tolist(), values.tolist()):
            rows[row].append(_text(item))
        return count, rows
    storage = convert_to_tensor(value)._value
    array = storage if isinstance(storage, np.ndarray) else storage.cpu().numpy()
    return array.shape[0], [[_text(item) for item in row] for row in array.tolist()]


@tf_export("sparse.cross")
def cross(inputs, name=None, separator=None):
    """``tf.sparse.cross``: for each row, every combination of one value from each input
    (the first input varying slowest), joined with ``separator`` (``"_X_"``); numbers are
    written as integers.  Rows where an input has no value have no crosses."""
    joiner = (separator if separator is not None else "_X_").encode()
    parts = [_rows(value) for value in inputs]
    sparse_count = sum(isinstance(value, SparseTensor) for value in inputs)
    batch = parts[0][0]
    dense_seen = 0
    for value, (count, _) in zip(inputs, parts):
        if isinstance(value, SparseTensor):
            continue
        if count != batch:
            kernel = "SparseCrossV2_N_%d_dense_types_%d_sparse_types_%d" % (
                sparse_count,
                len(inputs) - sparse_count,
                sparse_count,
            )
            raise op_error(
                "SparseCrossV2",
                "Expected batch size %d got %d at dense tensor %d" % (batch, count, dense_seen),
                kernel=kernel,
            )
        dense_seen += 1
    coords, values = [], []
    for row in range(batch):
        combos = [joiner.join(c) for c in itertools.product(*(p[1][row] for p in parts))]
        coords += [[row, column] for column in range(len(combos))]
        values += combos
    width = max((c[1] + 1 for c in coords), default=0)
    indices = torch.tensor(coords, dtype=torch.int64).reshape(-1, 2)
    return make(indices, np.array(values, dtype=object).reshape(-1), [batch, width])
