"""``RaggedTensor.__getitem__``: TF's ragged indexing rules.

The outer dimension takes integers, slices and ``tf.newaxis``; a ragged inner dimension
takes slices (applied to every row, with Python's rules) and ``tf.newaxis``, but an integer
there is TF's ``ValueError`` unless the dimension is uniform.  Uniform inner dimensions of
the flat values are indexed as a dense tensor's.
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework.op_errors import op_error
from ...framework.tensor import TensorOperators, wrap
from .ragged_gather_ops import gather_rows
from .ragged_tensor import RaggedTensor

__all__ = ["ragged_getitem"]

_KEY_ERROR = (
    "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar "
    "tf.int32/tf.int64 tensors are valid indices, got %r"
)


def _check_key(key):
    """An int for scalar integer tensors; TF's ``TypeError`` for other invalid keys."""
    if key is None or key is Ellipsis or isinstance(key, slice):
        return key
    if isinstance(key, TensorOperators):
        if key.dtype.is_integer and key.shape.rank == 0:
            return int(key)
        raise TypeError(_KEY_ERROR % key)
    if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
        return int(key)
    raise TypeError(_KEY_ERROR % key)


def ragged_getitem(rt, key):
    """``rt[key]``: see the module docstring."""
    keys = list(key) if isinstance(key, (list, tuple)) else [key]
    keys = [_check_key(k) for k in keys]
    return _getitem(rt, keys)


def _rank(value):
    return value.shape.rank


def _expand_ellipsis(keys, rank):
    index = keys.index(Ellipsis)
    used = sum(1 for k in keys if k is not None and k is not Ellipsis)
    return keys[:index] + [slice(None)] * (rank - used) + keys[index + 1 :]


def _getitem(rt, keys):
    if not keys:
        return rt
    row_key, inner = keys[0], keys[1:]
    if row_key is Ellipsis:
        return _getitem(rt, _expand_ellipsis(keys, _rank(rt)))
    if row_key is None:
        inner_rt = _getitem(rt, inner)
        nrows = inner_rt._row_splits._value.numel() - 1
        return RaggedTensor.from_uniform_row_length(inner_rt, nrows, nrows=1, validate=False)
    if isinstance(row_key, slice):
        sliced = _slice_rows(rt, row_key)
        if rt._uniform_row_length is not None:
            sliced = RaggedTensor.from_uniform_row_length(
                sliced._values, rt._uniform_row_length, nrows=sliced.nrows(), validate=False
            )
        return _inner(sliced, inner)
    splits = rt._row_splits._value
    nrows = splits.numel() - 1
    if row_key < -nrows:
        raise op_error(
            "StridedSlice",
            "slice index %d of dimension 0 out of bounds." % (row_key + nrows),
            splits,
            name="strided_slice/",
        )
    if row_key >= nrows:
        raise IndexError("Row key %d out of bounds" % row_key)
    row_key %= nrows
    start, stop = int(splits[row_key]), int(splits[row_key + 1])
    row = gather_rows(rt._values, torch.arange(start, stop, device=splits.device))
    return row[tuple(inner)] if inner else row


def _slice_rows(rt, key):
    """The rows ``key`` (a slice) of ``rt``."""
    if key.start is None and key.stop is None and key.step is None:
        return rt
    splits = rt._row_splits._value
    rows = torch.tensor(range(splits.numel() - 1)[key], dtype=torch.int64)
    result = gather_rows(rt, rows.to(splits.device))
    return result


def _inner(value, keys):
    """``value[:, keys...]``: ``keys`` index the dimensions below the outer one."""
    if not keys:
        return value
    if not isinstance(value, RaggedTensor):
        return value[(slice(None),) + tuple(keys)]
    key, rest = keys[0], keys[1:]
    if key is Ellipsis:
        return _inner(value, _expand_ellipsis(keys, _rank(value) - 1))
    if key is None:
        inner_rt = _inner(value, rest)
        nrows = inner_rt._row_splits._value.numel() - 1
        return RaggedTensor.from_uniform_row_length(inner_rt, 1, nrows=nrows, validate=False)
    if isinstance(key, slice):
        if key.start is None and key.stop is None and key.step is None:
            return value.with_values(_inner(value._values, rest))
        sliced = _slice_columns(value, key)
        return sliced.with_values(_inner(sliced._values, rest))
    if value._uniform_row_length is not None:
        length = int(value._uniform_row_length._value)
        if not -length <= key < length:
            raise IndexError("Index %d out of bounds for uniform row length %d" % (key, length))
        starts = value._row_splits._value[:-1].to(torch.int64) + key % length
        return _inner(gather_rows(value._values, starts), rest)
    raise ValueError("Cannot index into an inner ragged dimension.")


def _python_slice_bounds(lengths, key):
    """Per-row ``(first, count, step)`` of ``slice`` ``key`` on rows of ``lengths`` (Python's
    ``slice.indices`` rules, vectorised)."""
    step = 1 if key.step is None else int(key.step)
    if step == 0:
        raise ValueError("slice step cannot be zero")
    zero = torch.zeros_like(lengths)

    def bound(value, default, low, high):
        if value is None:
            return default
        value = torch.full_like(lengths, int(value))
        value = torch.where(value < 0, value + lengths, value)
        return torch.minimum(torch.maximum(value, low), high)

    if step > 0:
        first = bound(key.start, zero, zero, lengths)
        last = bound(key.stop, lengths, zero, lengths)
        count = torch.clamp(torch.div(last - first + step - 1, step, rounding_mode="floor"), min=0)
    else:
        first = bound(key.start, lengths - 1, zero - 1, lengths - 1)
        last = bound(key.stop, zero - 1, zero - 1, lengths - 1)
        count = torch.clamp(torch.div(first - last - step - 1, -step, rounding_mode="floor"), min=0)
    return first, count, step


def _slice_columns(rt, key):
    """Every row of ``rt`` sliced with ``key``."""
    splits = rt._row_splits._value.to(torch.int64)
    lengths = splits[1:] - splits[:-1]
    first, count, step = _python_slice_bounds(lengths, key)
    total = int(count.sum()) if count.numel() else 0
    offsets = torch.cumsum(count, 0) - count
    within = torch.arange(total, device=splits.device) - torch.repeat_interleave(offsets, count)
    index = torch.repeat_interleave(splits[:-1] + first, count) + within * step
    new_splits = torch.cat([torch.zeros(1, dtype=torch.int64), torch.cumsum(count, 0)])
    dtype = rt._row_splits._value.dtype
    values = gather_rows(rt._values, index)
    result = RaggedTensor(values, wrap(new_splits.to(dtype)), internal=True)
    if rt._uniform_row_length is not None and count.numel():
        length = wrap(count[:1].reshape(()).to(dtype))
        result = RaggedTensor(values, result._row_splits, internal=True, uniform_row_length=length)
    return result
