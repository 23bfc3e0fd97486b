"""Array ops on ragged tensors: the ``tf.*`` ops TF dispatches for RaggedTensors
(``cast``, ``identity``, ``ones_like``/``zeros_like``, ``size``, ``rank``, ``where``,
``expand_dims``, ``concat``, ``stack``) and ``tf.ragged.stack``,
``tf.ragged.boolean_mask``, ``tf.ragged.map_flat_values``."""

from __future__ import annotations

import numpy as np
import torch

from ...api_export import tf_export
from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.dispatch import register
from ...framework.tensor import TensorOperators, wrap
from .. import cast_ops, comparison_ops, creation_ops, shape_ops, shape_query_ops
from ..debugging import Assert, assert_equal
from .ragged_elementwise_ops import _check_same_partitions
from .ragged_gather_ops import gather_rows
from .ragged_tensor import RaggedTensor, _normalize_axis
from .ragged_util import is_string
from .row_partition import rowids_from_splits, splits_from_lengths

__all__ = ["ragged_expand_dims", "stack", "boolean_mask", "map_flat_values"]


@register(cast_ops.cast, RaggedTensor)
def ragged_cast(x, dtype, name=None):
    """``tf.cast`` of a RaggedTensor: its flat values cast."""
    return x.with_flat_values(cast_ops.cast(x.flat_values, dtype))


@register(creation_ops.identity, RaggedTensor)
def ragged_identity(input, name=None):
    """``tf.identity`` of a RaggedTensor: the same partitions over a copy of the values."""
    return input.with_flat_values(creation_ops.identity(input.flat_values))


@register(creation_ops.ones_like, RaggedTensor)
def ragged_ones_like(input, dtype=None, name=None, layout=None):
    """``tf.ones_like`` of a RaggedTensor."""
    return input.with_flat_values(creation_ops.ones_like(input.flat_values, dtype))


@register(creation_ops.zeros_like, RaggedTensor)
def ragged_zeros_like(input, dtype=None, name=None, layout=None):
    """``tf.zeros_like`` of a RaggedTensor."""
    return input.with_flat_values(creation_ops.zeros_like(input.flat_values, dtype))


@register(shape_query_ops.size, RaggedTensor)
def ragged_size(input, out_type=None, name=None):
    """``tf.size`` of a RaggedTensor: the number of flat values (int32 by default)."""
    return shape_query_ops.size(input.flat_values, out_type)


@register(shape_query_ops.rank, RaggedTensor)
def ragged_rank_op(input, name=None):
    """``tf.rank`` of a RaggedTensor: its static rank as an int32 scalar."""
    return convert_to_tensor(input.shape.rank, dtype=dtypes.int32)


@register(comparison_ops.where, RaggedTensor)
def ragged_where(condition, x=None, y=None, name=None):
    """``tf.where`` with a ragged condition: the coordinates of the true values (one
    argument), or ``x`` where true else ``y`` on the condition's partitions."""
    if x is None and y is None:
        if not isinstance(condition, RaggedTensor):
            return comparison_ops.where(condition)
        return comparison_ops.where(condition.to_tensor())
    ragged = [v for v in (condition, x, y) if isinstance(v, RaggedTensor)][0]
    if all(isinstance(v, RaggedTensor) for v in (condition, x, y)):
        _check_broadcast(x, y)
        _check_broadcast(condition, x)
    for v in (condition, x, y):
        if isinstance(v, RaggedTensor):
            _check_same_partitions(ragged, v)
    flats = []
    for v in (condition, x, y):
        if isinstance(v, RaggedTensor):
            flats.append(v.flat_values)
        else:
            flats.append(_dense_like(ragged, v))
    return ragged.with_flat_values(comparison_ops.where(*flats))


def _check_broadcast(rt, other):
    """TF's ``Assert`` failure where ragged ``rt`` and ``other`` (same row counts) differ in
    their row lengths at some ragged dimension, as its ragged shape broadcasting words it."""
    if rt.ragged_rank != other.ragged_rank:
        return
    for axis, (a, b) in enumerate(zip(rt.nested_row_splits, other.nested_row_splits), 1):
        a, b = a._value.to(torch.int64), b._value.to(torch.int64).to(a._value.device)
        if a.numel() != b.numel():
            return
        if not torch.equal(a, b):
            Assert(
                convert_to_tensor(False),
                [
                    "Unable to broadcast: dimension size mismatch in dimension",
                    axis,
                    "lengths=",
                    wrap(b[1:] - b[:-1]),
                    "dim_size=",
                    wrap(a[1:] - a[:-1]),
                ],
            )


def _dense_like(ragged, value):
    from .ragged_elementwise_ops import _broadcast_dense

    if not isinstance(value, TensorOperators):
        value = convert_to_tensor(value, dtype_hint=ragged.dtype)
    return _broadcast_dense(ragged, value)


def ragged_expand_dims(input, axis):
    """``input`` (a RaggedTensor) with a size-1 dimension inserted at ``axis``."""
    axis = _normalize_axis(axis, input.shape.rank + 1)
    if axis == 0:
        nrows = input._row_splits._value.numel() - 1
        return RaggedTensor.from_uniform_row_length(input, nrows, nrows=1, validate=False)
    if axis == 1:
        nrows = input._row_splits._value.numel() - 1
        return RaggedTensor.from_uniform_row_length(input, 1, nrows=nrows, validate=False)
    values = input._values
    if isinstance(values, RaggedTensor):
        return input.with_values(ragged_expand_dims(values, axis - 1))
    return input.with_values(wrap(values._value.unsqueeze(axis - 1)))


@register(shape_ops.expand_dims, RaggedTensor)
def _expand_dims(input, axis, name=None):
    """``tf.expand_dims`` of a RaggedTensor."""
    return ragged_expand_dims(input, axis)


def _as_ragged(value, ragged_rank, splits_dtype):
    """``value`` as a RaggedTensor of ``ragged_rank`` (dense tensors via ``from_tensor``)."""
    if isinstance(value, RaggedTensor):
        return value.with_row_splits_dtype(splits_dtype)
    tensor = convert_to_tensor(value)
    return RaggedTensor.from_tensor(tensor, ragged_rank=ragged_rank, row_splits_dtype=splits_dtype)


def _check_inputs(values, axis):
    ragged = [v for v in values if isinstance(v, RaggedTensor)]
    rank = ragged[0].shape.rank
    for v in values:
        shape = v.shape if isinstance(v, (RaggedTensor, TensorOperators)) else None
        if shape is not None and shape.rank != rank:
            raise ValueError("Shape %s must have rank %d" % (shape, rank))
    dtype = ragged[0].dtype
    for index, v in enumerate(values):
        if isinstance(v, (RaggedTensor, TensorOperators)) and v.dtype is not dtype:
            from ...framework.op_errors import input_dtype_error

            raise input_dtype_error("ConcatV2", index, dtype, v.dtype, name="concat")
    ragged_rank = max(v.ragged_rank for v in ragged)
    splits_dtype = ragged[0].row_splits_dtype
    return [_as_ragged(v, ragged_rank, splits_dtype) for v in values], rank


def _concat_rows(rts):
    """The RaggedTensors ``rts`` (same ragged rank) joined along axis 0."""
    values = [rt._values for rt in rts]
    if isinstance(values[0], RaggedTensor):
        inner = _concat_rows(values)
    else:
        storages = [v._value for v in values]
        if is_string(storages[0]):
            inner = wrap(np.concatenate(storages, 0))
        else:
            inner = wrap(torch.cat(storages, 0))
    dtype = rts[0]._row_splits._value.dtype
    lengths = [rt._row_splits._value[1:] - rt._row_splits._value[:-1] for rt in rts]
    splits = splits_from_lengths(wrap(torch.cat(lengths).to(dtype)))
    return RaggedTensor(inner, splits, internal=True)


def _concat_columns(rts):
    """The RaggedTensors ``rts`` (same number of rows) joined along axis 1: row ``i`` is the
    concatenation of the rows ``i``."""
    nrows = [rt._row_splits._value.numel() - 1 for rt in rts]
    for index, count in enumerate(nrows[1:], 1):
        if count != nrows[0]:
            from ...framework.errors import InvalidArgumentError

            raise InvalidArgumentError(
                None,
                None,
                "Input tensors at index 0 (=x) and %d (=y) have incompatible shapes.\n"
                "Condition x == y did not hold.\nFirst 1 elements of x:\n[%d]\n"
                "First 1 elements of y:\n[%d]" % (index, nrows[0], count),
            )
    interleaved = _concat_rows(rts)
    n, k = nrows[0], len(rts)
    order = torch.arange(n * k).reshape(k, n).t().reshape(-1)
    grouped = gather_rows(interleaved, order)
    return _merge_pairs(grouped, k)


def _merge_pairs(grouped, count):
    """Rows ``[r0 of input 0, r0 of input 1, ..., r1 of input 0, ...]`` merged per output
    row."""
    splits = grouped._row_splits._value
    new_splits = splits[::count]
    return RaggedTensor(grouped._values, wrap(new_splits.contiguous()), internal=True)


def _concat(values, axis):
    values, rank = _check_inputs(list(values), axis)
    axis = _normalize_axis(axis, rank)
    if axis == 0:
        return _concat_rows(values)
    if axis == 1:
        return _concat_columns(values)
    return values[0].with_values(
        _concat([v._values for v in values], axis - 1)
        if isinstance(values[0]._values, RaggedTensor)
        else shape_ops.concat([v._values for v in values], axis - 1)
    )


@register(shape_ops.concat, RaggedTensor)
def ragged_concat(values, axis, name=None):
    """``tf.concat`` with RaggedTensor inputs (dense inputs join as ragged ones).  Like TF, a
    single input comes back as it is, whatever ``axis``."""
    if len(values) == 1:
        return values[0]
    return _concat(values, axis)


@register(shape_ops.stack, RaggedTensor)
def ragged_stack(values, axis=0, name=None):
    """``tf.stack`` with RaggedTensor inputs."""
    return stack(values, axis)


@tf_export("ragged.stack")
def stack(values, axis=0, name=None):
    """``tf.ragged.stack``: the inputs (ragged or dense, same rank) stacked along a new
    ``axis``; the result is ragged along the stacked rows."""
    values = list(values)
    if not any(isinstance(v, RaggedTensor) for v in values):
        values = [convert_to_tensor(v) for v in values]
        rank = values[0].shape.rank
        if rank == 1 and int(axis) == 0:
            lengths = torch.tensor([v._value.shape[0] for v in values], dtype=torch.int64)
            flat = wrap(torch.cat([v._value for v in values]))
            return RaggedTensor.from_row_splits(flat, splits_from_lengths(wrap(lengths)))
        values = [RaggedTensor.from_tensor(v) if v.shape.rank > 1 else v for v in values]
    rank = max(v.shape.rank for v in values)
    axis = _normalize_axis(axis, rank + 1)
    expanded = [
        ragged_expand_dims(v, axis)
        if isinstance(v, RaggedTensor)
        else RaggedTensor.from_tensor(shape_ops.expand_dims(v, axis))
        for v in values
    ]
    if axis == 0:
        return _concat_rows([_plain(v) for v in expanded])
    if axis == 1:
        return _concat_columns([_plain(v) for v in expanded])
    first = values[0]
    for v in values[1:]:
        _check_stack_splits(first, v)
    return _concat([_plain(v) for v in expanded], axis)


def _check_stack_splits(a, b):
    from ..debugging import assert_equal

    for x, y in zip(a.nested_row_splits, b.nested_row_splits):
        if not torch.equal(x._value, y._value):
            assert_equal(x, y, message="Inputs must have identical ragged splits")


def _plain(rt):
    """``rt`` without the uniform-row-length marker (concatenation results are ragged)."""
    if rt._uniform_row_length is None:
        return rt
    return RaggedTensor(rt._values, rt._row_splits, internal=True)


@tf_export("ragged.boolean_mask")
def boolean_mask(data, mask, name=None):
    """``tf.ragged.boolean_mask``: the items of ``data`` where ``mask`` is true, kept in their
    rows (a mask of ``data``'s outer dimensions; the result is ragged in the masked
    dimension)."""
    if not isinstance(mask, RaggedTensor):
        mask = convert_to_tensor(mask, dtype=dtypes.bool)
    if not isinstance(data, RaggedTensor):
        data = convert_to_tensor(data)
    mask_rank = mask.shape.rank
    if mask_rank == 1:
        keep = mask._value.reshape(-1)
        nrows = _outer_rows(data)
        if keep.numel() != nrows:
            raise ValueError("Shapes (%d,) and (%d,) are incompatible" % (nrows, keep.numel()))
        index = keep.nonzero().reshape(-1)
        if isinstance(data, RaggedTensor):
            return gather_rows(data, index)
        return wrap(data._value[index.to(data._value.device)])
    if isinstance(mask, RaggedTensor):
        if not isinstance(data, RaggedTensor):
            data = RaggedTensor.from_tensor(data, ragged_rank=mask.ragged_rank)
        _check_same_partitions(mask, data, "Inputs must have identical ragged splits")
        return _mask_values(data, mask.flat_values._value)
    if isinstance(data, RaggedTensor):
        mask = RaggedTensor.from_tensor(mask, ragged_rank=data.ragged_rank)
        return boolean_mask(data, mask)
    data = RaggedTensor.from_tensor(data, ragged_rank=mask_rank - 1)
    return boolean_mask(data, RaggedTensor.from_tensor(mask, ragged_rank=mask_rank - 1))


def _outer_rows(value):
    if isinstance(value, RaggedTensor):
        return value._row_splits._value.numel() - 1
    return value._value.shape[0]


def _mask_values(rt, keep):
    """``rt`` keeping the flat values where ``keep`` (one bool per flat value) is true."""
    innermost_splits = rt.nested_row_splits[-1]
    kept_rows = rowids_from_splits(innermost_splits)._value[keep.to(innermost_splits._value.device)]
    flat = wrap(rt.flat_values._value[keep.to(rt.flat_values._value.device)])
    inner_rows = innermost_splits._value.numel() - 1
    lengths = torch.bincount(kept_rows, minlength=inner_rows)
    dtype = innermost_splits._value.dtype
    innermost = RaggedTensor(flat, splits_from_lengths(wrap(lengths.to(dtype))), internal=True)
    result = innermost
    for splits in reversed(rt.nested_row_splits[:-1]):
        result = RaggedTensor(result, splits, internal=True)
    return result


@tf_export("ragged.map_flat_values")
def map_flat_values(op, *args, **kwargs):
    """``tf.ragged.map_flat_values``: ``op`` applied to the flat values of the ragged
    arguments (which must share their partitions); the result keeps those partitions."""
    ragged = []

    def replace(value):
        if isinstance(value, RaggedTensor):
            ragged.append(value)
            return value.flat_values
        if isinstance(value, (list, tuple)):
            return type(value)(replace(v) for v in value)
        if isinstance(value, dict):
            return {k: replace(v) for k, v in value.items()}
        return value

    new_args = replace(list(args))
    new_kwargs = replace(kwargs)
    if not ragged:
        return op(*args, **kwargs)
    sizes = {int(rt.flat_values._value.shape[0]) for rt in ragged}
    if len(sizes) > 1:
        raise ValueError(
            "Input RaggedTensors' flat_values must all have the same outer-dimension size.  "
            "Got sizes: %s" % (sizes,)
        )
    result = op(*new_args, **new_kwargs)
    size = sizes.pop()
    if result.shape.rank == 0 or result.shape[0] != size:
        raise ValueError(
            "tf.ragged.map_flat_values requires that the output of `op` have the same "
            "outer-dimension size as flat_values of any ragged inputs. (output shape: %s; "
            "expected outer dimension size: %d)" % (result.shape, size)
        )
    _check_merged_partitions(ragged)
    return ragged[0].with_flat_values(result)


def _check_merged_partitions(ragged):
    """TF's checks as ``map_flat_values`` merges the row partitions of its ragged inputs: the
    same ragged rank, and equal row splits at each level."""
    message = "RowPartition._merge_precomputed_encodings: partitions have incompatible row_splits"
    first = ragged[0].nested_row_splits
    for other in ragged[1:]:
        splits = other.nested_row_splits
        if len(splits) != len(first):
            raise ValueError("All ragged inputs must have the same ragged_rank.")
        for a, b in zip(first, splits):
            if a is b:
                continue
            if a.shape != b.shape:
                raise ValueError(message)
            assert_equal(a, b, message=message)


@tf_export("ragged.stack_dynamic_partitions")
def stack_dynamic_partitions(data, partitions, num_partitions, name=None):
    """``tf.ragged.stack_dynamic_partitions``: row ``i`` holds the items of ``data`` (in
    order) whose partition is ``i``; ``partitions`` must lie in ``[0, num_partitions)``."""
    from ...framework.errors import InvalidArgumentError
    from .row_partition import summarized

    if not isinstance(data, RaggedTensor):
        data = convert_to_tensor(data)
    parts = convert_to_tensor(partitions)
    ids = parts._value.to(torch.int64).reshape(-1)
    nrows = _outer_rows(data)
    if ids.numel() != nrows:
        raise ValueError("Shapes (%d,) and (%d,) are incompatible" % (ids.numel(), nrows))
    if bool((ids < 0).any()):
        raise InvalidArgumentError(
            None,
            None,
            "partitions must be non-negative..  \nCondition x >= 0 did not hold element-wise:"
            "\nx (shape=(%d,) dtype=%s) = \n%s"
            % (ids.numel(), parts.dtype.name, summarized(ids.tolist())),
        )
    if ids.numel() and int(ids.max()) >= num_partitions:
        raise InvalidArgumentError(
            None,
            None,
            "partitions must be less than num_partitions\nCondition x < y did not hold.\n"
            "First 1 elements of x:\n[%d]\nFirst 1 elements of y:\n[%d]"
            % (int(ids.max()), num_partitions),
        )
    order = torch.sort(ids, stable=True).indices
    lengths = torch.bincount(ids, minlength=int(num_partitions))
    rows = gather_rows(data, order)
    return RaggedTensor.from_row_splits(rows, splits_from_lengths(wrap(lengths)), validate=False)
