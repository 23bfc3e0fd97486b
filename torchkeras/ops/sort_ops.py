"""``tf.sort``, ``tf.argsort``, ``tf.unique`` (and ``unique_with_counts``) and
``tf.searchsorted``."""

from __future__ import annotations

import collections

import numpy as np
import torch

from ..framework import dtypes
from ..framework.convert import to_torch
from ..framework.tensor import wrap
from ..framework.op_errors import attr_error, dtype_of, input_dtype_error, no_kernel, op_error
from ..api_export import tf_export
from ._args import error_name
from .shape_ops import reshape
from .shape_query_ops import shape
from .topk_order import descending_order

__all__ = ["sort", "argsort", "unique", "unique_with_counts", "searchsorted"]


def _static_axis(axis):
    """``axis`` as TF's sort reads it: the constant value of its tensor, as a Python int."""
    if type(axis) is int:
        return axis
    value = np.asarray(axis.numpy() if hasattr(axis, "numpy") else axis)
    if value.ndim != 0:
        raise ValueError("Argument `axis` must be a constant scalar. Received: axis=%s." % value)
    if value.dtype.kind == "U":
        value = np.asarray(value.item().encode())
    return int(value.item())


def _sort_axis(storage, axis):
    """``axis`` in ``[0, rank)``; TF reports a bad axis through the shape lookup it does first
    (a negative axis once moved by the rank)."""
    rank = storage.ndim
    axis = _static_axis(axis)
    if axis < 0:
        axis += rank
    if not 0 <= axis < rank:
        raise op_error(
            "StridedSlice",
            "slice index %d of dimension 0 out of bounds." % axis,
            storage,
            "strided_slice/",
        )
    return axis


def sort_with_indices(storage, axis, descending):
    """Values and indices of ``storage`` sorted along ``axis`` in the order TF's ``TopKV2``
    gives (``tf.sort`` sorts ``-x`` descending for the ascending order): strings, bool and
    complex raise TF's dtype errors, rows holding NaN take the CPU TopKV2's order
    (:mod:`topk_order`)."""
    if isinstance(storage, np.ndarray) or storage.dtype is torch.bool:
        if descending and not isinstance(storage, np.ndarray):
            _sort_axis(storage, axis)
            raise attr_error("TopKV2", storage)
        raise attr_error("Neg", dtypes.string if isinstance(storage, np.ndarray) else storage)
    axis = _sort_axis(storage, axis)
    if storage.is_complex():
        raise attr_error("TopKV2", storage)
    values, indices = torch.sort(storage, dim=axis, descending=descending, stable=True)
    # TF's CPU kernel orders NaN rows as std::sort leaves them; its GPU kernel is another
    # sort, and testing for NaN there would cost a device sync per call.
    if (
        storage.is_floating_point()
        and storage.device.type == "cpu"
        and bool(torch.isnan(storage).any())
    ):
        rows = storage.movedim(axis, -1)
        keys = (rows if descending else -rows).reshape(-1, rows.shape[-1]).tolist()
        order = torch.tensor(
            [descending_order(row) for row in keys], dtype=torch.int64, device=storage.device
        ).reshape(rows.shape)
        indices = order.movedim(-1, axis)
        values = torch.gather(storage, axis, indices)
    return values, indices


def _direction(direction):
    if direction not in ("ASCENDING", "DESCENDING"):
        raise ValueError(
            "Argument `direction` should be one of ASCENDING, DESCENDING. Received: direction=%s"
            % direction
        )
    return direction == "DESCENDING"


@tf_export("sort")
def sort(values, axis=-1, direction="ASCENDING", name=None):
    """``tf.sort``: sorted along ``axis`` (NaNs where TF's ``TopKV2`` kernel leaves them)."""
    descending = _direction(direction)
    return wrap(sort_with_indices(to_torch(values), axis, descending)[0])


@tf_export("argsort")
def argsort(values, axis=-1, direction="ASCENDING", stable=False, name=None):
    """``tf.argsort``: int32 indices that sort ``values`` along ``axis``.

    Ties keep their original order whether or not ``stable`` is set (TF's
    sort is stable in practice too).
    """
    descending = _direction(direction)
    return wrap(sort_with_indices(to_torch(values), axis, descending)[1].to(torch.int32))


Unique = collections.namedtuple("Unique", ["y", "idx"])
Unique.__doc__ = (
    "The result of ``tf.unique``: unique values ``y`` and, per input element, its index ``idx`` "
    "in ``y``."
)


@tf_export("unique")
def unique(x, out_idx=dtypes.int32, name=None):
    """``tf.unique``: the distinct values of a 1-D tensor in first-occurrence order, and the
    index of each input element in them, as the namedtuple ``Unique(y, idx)``."""
    return _unique(x, out_idx, "Unique")


def _unique(x, out_idx, opname):
    """``tf.unique``'s result, with ``opname``'s errors (``Unique``, ``UniqueWithCounts``)."""
    storage = to_torch(x)
    out = dtypes.as_dtype(out_idx).torch_dtype
    if storage.ndim != 1:
        raise op_error(opname, "unique expects a 1D vector.", storage, error_name(x))
    if isinstance(storage, np.ndarray):
        seen = {}
        idx = [seen.setdefault(v, len(seen)) for v in storage.tolist()]
        return Unique(wrap(np.array(list(seen), dtype=object)), wrap(torch.tensor(idx, dtype=out)))
    try:
        values, inverse = torch.unique(storage, sorted=True, return_inverse=True)
    except NotImplementedError:
        raise no_kernel(opname, storage) from None
    positions = torch.arange(storage.shape[0], device=storage.device)
    first = torch.full(
        (values.shape[0],), storage.shape[0], dtype=torch.long, device=storage.device
    )
    first = first.scatter_reduce(0, inverse, positions, reduce="amin")
    order = torch.argsort(first)
    rank_of = torch.empty_like(order)
    rank_of[order] = torch.arange(order.shape[0], device=order.device)
    return Unique(wrap(values[order]), wrap(rank_of[inverse].to(out)))


UniqueWithCounts = collections.namedtuple("UniqueWithCounts", ["y", "idx", "count"])
UniqueWithCounts.__doc__ = (
    "The result of ``tf.unique_with_counts``: ``y``, ``idx`` and the ``count`` of each value."
)


@tf_export("unique_with_counts")
def unique_with_counts(x, out_idx=dtypes.int32, name=None):
    """``tf.unique_with_counts``: ``tf.unique`` plus how often each unique value occurs."""
    y, idx = _unique(x, out_idx, "UniqueWithCounts")
    counts = torch.bincount(idx._value.long(), minlength=y.shape[0]).to(idx._value.dtype)
    return UniqueWithCounts(y, idx, wrap(counts))


@tf_export("searchsorted")
def searchsorted(sorted_sequence, values, side="left", out_type=dtypes.int32, name=None):
    """``tf.searchsorted``: insertion indices of ``values`` in the innermost dim of
    ``sorted_sequence``.  TF's steps and errors: both are reshaped to ``[-1, last dim]`` (a
    scalar fails the shape lookup, ``StridedSlice``'s error), then ``LowerBound`` /
    ``UpperBound`` checks ``out_type``, the dtypes (real, equal) and the leading sizes."""
    boundaries = to_torch(sorted_sequence)
    points = to_torch(values)
    sequence_size = shape(wrap(boundaries))[-1]
    values_size = shape(wrap(points))[-1]
    boundaries = reshape(wrap(boundaries), [-1, int(sequence_size)])._value
    rows = reshape(wrap(points), [-1, int(values_size)])._value
    if side not in ("left", "right"):
        raise ValueError(
            "Argument `side` must be either 'right' or 'left'. Received: `side` = '%s'." % side
        )
    op = "UpperBound" if side == "right" else "LowerBound"
    out = dtypes.as_dtype(out_type)
    name = "" if isinstance(out_type, dtypes.DType) else None  # a type name: TF's slow path
    if out not in (dtypes.int32, dtypes.int64):
        raise attr_error(op, out, attr="out_type", name=name)
    if isinstance(boundaries, np.ndarray) or boundaries.dtype in _NO_BOUND_KERNEL:
        raise no_kernel(op, boundaries)
    if dtype_of(points) is not dtype_of(boundaries):
        raise input_dtype_error(op, 1, boundaries, points, name=name)
    if boundaries.shape[0] != rows.shape[0]:
        text = "Leading dim_size of both tensors must match."
        raise op_error(op, text, boundaries, name=name)
    if boundaries.dtype in _WIDENED:
        boundaries, rows = boundaries.to(torch.int64), rows.to(torch.int64)
    result = torch.searchsorted(
        boundaries.contiguous(),
        rows.contiguous(),
        right=side == "right",
        out_int32=out is dtypes.int32,
    )
    return wrap(result.reshape(points.shape))


_NO_BOUND_KERNEL = frozenset((torch.bool, torch.complex64, torch.complex128))
"""Dtypes ``LowerBound``/``UpperBound`` declare but have no kernel for (TF's real types do)."""

_WIDENED = frozenset((torch.uint16, torch.uint32, torch.uint64))
"""Unsigned dtypes TF searches but torch cannot: searched as int64 (uint64 past 2**63 wraps)."""
