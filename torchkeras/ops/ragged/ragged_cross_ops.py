"""``tf.ragged.cross`` and ``tf.ragged.cross_hashed``: the feature crosses of each row of
ragged, sparse and dense inputs, as a RaggedTensor of joined strings or of their 64-bit
fingerprints (TF's ``RaggedCross``)."""

from __future__ import annotations

import itertools

import numpy as np
import torch

from ...api_export import tf_export
from ...framework.op_errors import op_error
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import wrap
from ..sparse.cross_ops import _DEFAULT_HASH_KEY, _MASK, _feature_hash, _fingerprint_cat64
from ..sparse.cross_ops import _rows as _sparse_or_dense_rows
from ..sparse.cross_ops import _text
from .ragged_tensor import RaggedTensor

__all__ = ["cross", "cross_hashed"]


def _rows(value, item):
    """``(row count, values of each row, each mapped by item)`` of one input."""
    if not isinstance(value, RaggedTensor):
        return _sparse_or_dense_rows(value, item)
    splits = value.row_splits._value.tolist()
    values = value.flat_values._value
    values = values if isinstance(values, np.ndarray) else values.cpu().numpy()
    values = values.tolist()
    rows = [[item(v) for v in values[a:b]] for a, b in zip(splits[:-1], splits[1:])]
    return len(rows), rows


def _kernel(inputs):
    ragged = sum(isinstance(v, RaggedTensor) for v in inputs)
    sparse = sum(isinstance(v, SparseTensor) for v in inputs)
    dense = len(inputs) - ragged - sparse
    return (
        "RaggedCross_Nsparse_%d_dense_types_%d_ragged_splits_types_%d_ragged_values_types_%d"
        "_sparse_values_types_%d" % (sparse, dense, ragged, ragged, sparse)
    )


def _cross(inputs, item, combine):
    """The RaggedTensor of every row's crosses, the first input varying slowest (TF keeps
    the inputs' order); TF's error where the row counts differ."""
    if not isinstance(inputs, (list, tuple)):
        raise TypeError("Inputs must be a list")
    inputs = list(inputs)
    parts = [_rows(value, item) for value in inputs]
    if len({count for count, _ in parts}) > 1:
        raise op_error(
            "RaggedCross",
            "inputs must all have the same batch dimension size.",
            kernel=_kernel(inputs),
        )
    values, splits = [], [0]
    for row in range(parts[0][0] if parts else 0):
        values += [combine(c) for c in itertools.product(*(p[1][row] for p in parts))]
        splits.append(len(values))
    return values, torch.tensor(splits, dtype=torch.int64)


@tf_export("ragged.cross")
def cross(inputs, name=None):
    """``tf.ragged.cross``: for each row, every combination of one value from each input
    (RaggedTensors, SparseTensors or dense 2-D Tensors), joined with ``"_X_"``; numbers are
    written as integers."""
    values, splits = _cross(inputs, _text, b"_X_".join)
    flat = np.array(values, dtype=object).reshape(-1)
    return RaggedTensor.from_row_splits(wrap(flat), wrap(splits), validate=False)


@tf_export("ragged.cross_hashed")
def cross_hashed(inputs, num_buckets=0, hash_key=None, name=None):
    """``tf.ragged.cross_hashed``: the crosses of ``tf.ragged.cross`` as int64 hashes, as
    ``tf.sparse.cross_hashed`` computes them (modulo ``num_buckets`` when positive)."""
    key = (hash_key or _DEFAULT_HASH_KEY) & _MASK
    modulus = num_buckets if num_buckets > 0 else (1 << 63) - 1

    def combine(hashes):
        out = key
        for value in hashes:
            out = _fingerprint_cat64(out, value)
        return out % modulus

    values, splits = _cross(inputs, _feature_hash, combine)
    flat = torch.tensor(values, dtype=torch.int64)
    return RaggedTensor.from_row_splits(wrap(flat), wrap(splits), validate=False)
