"""``tf.sparse.cross`` and ``tf.sparse.cross_hashed``: the feature crosses of each row of
dense and sparse inputs, as a SparseTensor of joined strings (TF's ``SparseCrossV2``) or of
their 64-bit fingerprints (TF's ``SparseCross`` with ``hashed_output``)."""

from __future__ import annotations

import itertools

import numpy as np
import torch

from ...api_export import tf_export
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import op_error
from ...framework.sparse_tensor import SparseTensor
from ..string_hash import fingerprint64
from ._components import make

__all__ = ["cross", "cross_hashed"]

_MASK = (1 << 64) - 1
_MUL = 0xC6A4A7935BD1E995
_DEFAULT_HASH_KEY = 0xDECAFCAFFE


def _text(value):
    if isinstance(value, bytes):
        return value
    return str(int(value)).encode()


def _rows(value, item=_text):
    """``(row count, values of each row, each mapped by item)`` of one input."""
    if isinstance(value, SparseTensor):
        count = int(value.dense_shape._value[0])
        rows = [[] for _ in range(count)]
        values = value.values._value
        values = values if isinstance(values, np.ndarray) else values.cpu().numpy()
        for row, value_ in zip(value.indices._value[:, 0].tolist(), values.tolist()):
            rows[row].append(item(value_))
        return count, rows
    storage = convert_to_tensor(value)._value
    array = storage if isinstance(storage, np.ndarray) else storage.cpu().numpy()
    return array.shape[0], [[item(x) for x in row] for row in array.tolist()]


def _feature_hash(value):
    """TF's per-feature hash: ``Fingerprint64`` of a string, the integer itself otherwise
    (non-string inputs are cast to int64 first)."""
    if isinstance(value, bytes):
        return fingerprint64(value)
    return int(value) & _MASK


def _shift_mix(value):
    return value ^ (value >> 47)


def _fingerprint_cat64(fp1, fp2):
    """TF's ``FingerprintCat64``: the combination of two 64-bit fingerprints."""
    result = fp1 ^ _MUL
    result ^= (_shift_mix((fp2 * _MUL) & _MASK) * _MUL) & _MASK
    result = (result * _MUL) & _MASK
    result = (_shift_mix(result) * _MUL) & _MASK
    return _shift_mix(result)


def _check_batch(opname, kernel_prefix, inputs, parts):
    """The batch size (the first sparse input's row count, else the first dense input's) and
    TF's error where another input's row count differs (sparse inputs checked first)."""
    is_sparse = [isinstance(value, SparseTensor) for value in inputs]
    sparse_counts = [count for (count, _), s in zip(parts, is_sparse) if s]
    dense_counts = [count for (count, _), s in zip(parts, is_sparse) if not s]
    batch = (sparse_counts or dense_counts)[0]
    kernel = "%s_N_%d_dense_types_%d_sparse_types_%d" % (
        kernel_prefix,
        len(sparse_counts),
        len(dense_counts),
        len(sparse_counts),
    )
    for where, counts in (("position", sparse_counts), ("dense tensor", dense_counts)):
        for position, count in enumerate(counts):
            if count != batch:
                raise op_error(
                    opname,
                    "Expected batch size %d got %d at %s %d" % (batch, count, where, position),
                    kernel=kernel,
                )
    return batch


def _crosses(inputs, batch, parts, combine):
    """``(indices, values, shape)`` of every row's crosses.  As TF's op takes the sparse
    inputs before the dense ones, the sparse inputs (in order) vary slowest, then the dense."""
    is_sparse = [isinstance(value, SparseTensor) for value in inputs]
    parts = [p for p, s in zip(parts, is_sparse) if s] + [
        p for p, s in zip(parts, is_sparse) if not s
    ]
    coords, values = [], []
    for row in range(batch):
        combos = [combine(c) for c in itertools.product(*(p[1][row] for p in parts))]
        coords += [[row, column] for column in range(len(combos))]
        values += combos
    width = max((c[1] + 1 for c in coords), default=0)
    return torch.tensor(coords, dtype=torch.int64).reshape(-1, 2), values, [batch, width]


@tf_export("sparse.cross")
def cross(inputs, name=None, separator=None):
    """``tf.sparse.cross``: for each row, every combination of one value from each input
    (the sparse inputs varying slowest, then the dense ones, as in TF), joined with
    ``separator`` (``"_X_"``); numbers are written as integers.
    Rows where an input has no value have no crosses."""
    joiner = (separator if separator is not None else "_X_").encode()
    parts = [_rows(value) for value in inputs]
    batch = _check_batch("SparseCrossV2", "SparseCrossV2", inputs, parts)
    indices, values, shape = _crosses(inputs, batch, parts, joiner.join)
    return make(indices, np.array(values, dtype=object).reshape(-1), shape)


@tf_export("sparse.cross_hashed")
def cross_hashed(inputs, num_buckets=0, hash_key=None, name=None):
    """``tf.sparse.cross_hashed``: the crosses of ``tf.sparse.cross`` as int64 hashes, bit for
    bit as TF: starting from ``hash_key`` (``0xDECAFCAFFE`` when 0 or None), each feature's
    hash (``Fingerprint64`` of a string, the int64 value of a number) is folded in with
    ``FingerprintCat64``; the result is taken modulo ``num_buckets`` (or ``2**63 - 1``)."""
    key = (hash_key or _DEFAULT_HASH_KEY) & _MASK
    modulus = num_buckets if num_buckets > 0 else (1 << 63) - 1
    parts = [_rows(value, _feature_hash) for value in inputs]
    batch = _check_batch("SparseCross", "SparseCross", inputs, parts)

    def combine(hashes):
        out = key
        for value in hashes:
            out = _fingerprint_cat64(out, value)
        return out % modulus

    indices, values, shape = _crosses(inputs, batch, parts, combine)
    return make(indices, torch.tensor(values, dtype=torch.int64), shape)
