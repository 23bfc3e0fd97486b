"""``tf.ragged.constant``: a RaggedTensor from a nested Python list, with TF's rules for the
ragged rank, the inner (uniform) shape and its errors."""

from __future__ import annotations

import numpy as np

from ...api_export import tf_export
from ...framework import dtypes
from ...framework.convert import constant as _constant
from .ragged_tensor import RaggedTensor, is_ragged

__all__ = ["constant"]


def _is_nested(item):
    return isinstance(item, (list, tuple)) or np.ndim(item) != 0


def _scalar_and_max_depth(pylist):
    """The nesting depth of the scalars in ``pylist`` (None without scalars) and the
    greatest depth counting empty lists; TF's error for mixed scalar depths."""
    if not _is_nested(pylist):
        return 0, 0
    scalar_depth, max_depth = None, 1
    for child in pylist:
        child_scalar, child_max = _scalar_and_max_depth(child)
        if child_scalar is not None:
            if scalar_depth is not None and scalar_depth != child_scalar + 1:
                raise ValueError("all scalar values must have the same nesting depth")
            scalar_depth = child_scalar + 1
        max_depth = max(max_depth, child_max + 1)
    return scalar_depth, max_depth


def _uniform_shape(item):
    if not _is_nested(item):
        return ()
    if len(item):
        return (len(item),) + _uniform_shape(item[0])
    return (0,)


def _check_uniform(item, shape):
    if _is_nested(item) != bool(shape):
        raise ValueError("inner values have inconsistent shape")
    if shape:
        if shape[0] != len(item):
            raise ValueError("inner values have inconsistent shape")
        for child in item:
            _check_uniform(child, shape[1:])


def _default_inner_shape(pylist, ragged_rank):
    """The uniform shape below ``ragged_rank`` ragged dimensions of ``pylist``."""
    flat = pylist
    for dim in range(ragged_rank):
        if not all(_is_nested(v) for v in flat):
            raise ValueError(
                "pylist has scalar values depth %d, but ragged_rank=%d requires scalar "
                "value depth greater than %d" % (dim + 1, ragged_rank, ragged_rank)
            )
        flat = [item for v in flat for item in v]
    shape = _uniform_shape(flat)
    _check_uniform(flat, shape)
    return shape[1:]


def _check_arguments(pylist, ragged_rank, inner_shape, scalar_depth, max_depth):
    if ragged_rank is not None and ragged_rank < 0:
        raise ValueError("Invalid ragged_rank=%r: must be nonnegative" % ragged_rank)
    if scalar_depth is not None:
        if max_depth > scalar_depth:
            raise ValueError(
                "Invalid pylist=%r: empty list nesting is greater than scalar value nesting"
                % pylist
            )
        if ragged_rank is not None and max_depth < ragged_rank:
            raise ValueError(
                "Invalid pylist=%s, max depth smaller than ragged_rank=%d" % (pylist, ragged_rank)
            )
    if inner_shape is not None and ragged_rank is not None:
        expected = ragged_rank + len(inner_shape) + 1
        if (scalar_depth is not None and expected != scalar_depth) or (
            scalar_depth is None and expected < max_depth
        ):
            raise ValueError(
                "Invalid pylist=%r: incompatible with ragged_rank=%d and dim(inner_shape)=%d"
                % (pylist, ragged_rank, len(inner_shape))
            )


@tf_export("ragged.constant")
def constant(
    pylist, dtype=None, ragged_rank=None, inner_shape=None, name=None, row_splits_dtype=None
):
    """``tf.ragged.constant``: the RaggedTensor of a nested list (a dense Tensor when the
    ragged rank comes out 0, as TF).

    ``ragged_rank`` defaults to the scalar depth minus one (minus ``len(inner_shape)``);
    ``row_splits_dtype`` is int64 unless int32 is given."""
    splits_dtype = dtypes.as_dtype(row_splits_dtype or dtypes.int64)
    if is_ragged(pylist):
        raise TypeError("pylist may not be a RaggedTensor or RaggedTensorValue.")
    if not isinstance(pylist, (list, tuple)) and np.ndim(pylist) == 0:
        if ragged_rank is not None and ragged_rank != 0:
            raise ValueError(
                "Invalid pylist=%r: incompatible with ragged_rank=%d" % (pylist, ragged_rank)
            )
        if inner_shape:
            raise ValueError(
                "Invalid pylist=%r: incompatible with dim(inner_shape)=%d"
                % (pylist, len(inner_shape))
            )
        return _constant(pylist, dtype=dtype, shape=())
    scalar_depth, max_depth = _scalar_and_max_depth(pylist)
    _check_arguments(pylist, ragged_rank, inner_shape, scalar_depth, max_depth)
    if ragged_rank == 0 or (
        ragged_rank is None
        and (max_depth < 2 or (inner_shape is not None and max_depth - len(inner_shape) < 2))
    ):
        return _constant(pylist, dtype=dtype, shape=inner_shape)
    if inner_shape is None:
        inner_shape = () if ragged_rank is None else _default_inner_shape(pylist, ragged_rank)
    inner_shape = tuple(inner_shape)
    if ragged_rank is None:
        if scalar_depth is None:
            ragged_rank = max(1, max_depth - 1)
        else:
            ragged_rank = max(1, scalar_depth - 1 - len(inner_shape))
    nested_splits = []
    values = pylist
    for _ in range(ragged_rank):
        splits = [0]
        flat = []
        for row in values:
            splits.append(splits[-1] + len(row))
            flat.extend(row)
        nested_splits.append(splits)
        values = flat
    result = _constant(values, dtype=dtype, shape=(len(values),) + inner_shape)
    for splits in reversed(nested_splits):
        result = RaggedTensor.from_row_splits(
            result, _constant(splits, dtype=splits_dtype), validate=False
        )
    return result
