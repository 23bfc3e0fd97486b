"""``tf.tensor_scatter_nd_*`` and ``tf.scatter_nd``: functional writes of ``updates``
at N-d ``indices``, with TF's shape and index checks."""

from __future__ import annotations

import torch

from ..framework.convert import to_torch
from ..framework.tensor import TensorOperators, wrap
from ..framework.op_errors import dims_text, dtype_of, index_text, input_dtype_error, op_error
from ._args import index_storage, py_range, shape_arg
from ..api_export import tf_export

__all__ = [
    "tensor_scatter_nd_update",
    "tensor_scatter_nd_add",
    "tensor_scatter_nd_sub",
    "tensor_scatter_nd_max",
    "tensor_scatter_nd_min",
    "scatter_nd",
]


def _scatter_inputs(tensor_storage, indices, updates, op, updates_position):
    index = index_storage(indices, op)
    if isinstance(updates, TensorOperators):
        update = updates._value
        if update.dtype != tensor_storage.dtype:
            raise input_dtype_error(op, updates_position, tensor_storage, update, None)
    else:
        update = to_torch(updates, dtype_of(tensor_storage))
    return index, update


def _inner_dims_error(op, depth, out_shape, outer, update, storage):
    """ScatterNd's error for updates whose inner dimensions are not the output's."""
    return op_error(
        op,
        "Dimensions [%d,%d) of input[shape=%s] must match dimensions [%d,%d) of updates[shape=%s]"
        % (
            depth,
            len(out_shape),
            dims_text(out_shape),
            len(outer),
            update.ndim,
            dims_text(update.shape),
        ),
        storage,
        name=None,
    )


def _scatter_check(index, update, out_shape, op, storage):
    depth = index.shape[-1] if index.ndim else 0
    outer = tuple(index.shape[:-1])
    if update.ndim == 0:
        raise op_error(
            op, "Updates shape must have rank at least one. Found:[]", storage, name=None
        )
    if depth > len(out_shape) and op == "ScatterNd":
        raise _inner_dims_error(op, depth, out_shape, outer, update, storage)
    if depth > len(out_shape):
        raise op_error(
            op,
            "Inner dimensions of output shape must match inner dimensions of updates shape. "
            "Output: %s updates: %s" % (dims_text(out_shape), dims_text(update.shape)),
            storage,
            name=None,
        )
    if tuple(update.shape[: len(outer)]) != outer:
        if op == "ScatterNd":
            raise op_error(
                op,
                "Dimensions [0,%d) of indices[shape=%s] must match dimensions [0,%d) of "
                "updates[shape=%s]"
                % (len(outer), dims_text(index.shape), len(outer), dims_text(update.shape)),
                storage,
                name=None,
            )
        raise op_error(
            op,
            "Outer dimensions of indices and update must match. Indices shape: %s, updates shape:%s"
            % (dims_text(index.shape), dims_text(update.shape)),
            storage,
            name=None,
        )
    inner = tuple(out_shape[depth:])
    if tuple(update.shape[len(outer) :]) != inner:
        if op == "ScatterNd":
            raise _inner_dims_error(op, depth, out_shape, outer, update, storage)
        raise op_error(
            op,
            "The inner %d dimensions of output.shape=%s must match the inner %d dimensions of "
            "updates.shape=%s"
            % (len(inner), dims_text(out_shape), update.ndim - len(outer), dims_text(update.shape)),
            storage,
            name=None,
        )
    index = index.to(storage.device).long()
    if depth and index.numel() and _out_of_range(index.reshape(-1, depth), out_shape):
        limits = torch.tensor(out_shape[:depth], device=index.device, dtype=torch.long)
        bad = ((index < 0) | (index >= limits)).any(-1)
        position = int(bad.reshape(-1).nonzero()[0])
        values = index.reshape(-1, depth)[position].tolist()
        raise op_error(
            op,
            "indices%s = [%s] does not index into shape %s"
            % (
                index_text(position, outer),
                ", ".join(str(v) for v in values),
                dims_text(out_shape),
            ),
            storage,
            name=None,
        )
    return tuple(index[..., k] for k in py_range(depth)), update.to(storage.device)


def _out_of_range(rows, out_shape):
    """Whether an index row (of ``rows``, one per update) falls outside ``out_shape``: each
    column's least and largest index (one reduction over all of them for one column), read in
    one transfer from an accelerator."""
    if rows.shape[1] == 1:
        low, high = torch.aminmax(rows)
        if rows.device.type == "cpu":
            return low.item() < 0 or high.item() >= out_shape[0]
        low, high = torch.stack((low, high)).tolist()
        return low < 0 or high >= out_shape[0]
    low, high = torch.aminmax(rows, dim=0)
    bounds = torch.stack((low, high)).tolist()
    return any(lo < 0 or hi >= size for lo, hi, size in zip(*bounds, out_shape))


def _scatter(tensor, indices, updates, op, mode):
    storage = to_torch(tensor)
    index, update = _scatter_inputs(storage, indices, updates, op, 2)
    key, update = _scatter_check(index, update, tuple(storage.shape), op, storage)
    if mode == "update":
        return wrap(storage.index_put(key, update))
    if mode == "add":
        return wrap(storage.index_put(key, update, accumulate=True))
    if mode == "sub":
        return wrap(storage.index_put(key, -update, accumulate=True))
    depth = len(key)
    inner = tuple(storage.shape[depth:])
    flat_index = torch.zeros(
        update.shape[: update.ndim - len(inner)], dtype=torch.long, device=storage.device
    )
    for k, size in zip(key, storage.shape[:depth]):
        flat_index = flat_index * size + k
    flat = storage.reshape((-1,) + inner)
    rows = flat_index.reshape(-1)
    source = update.reshape((-1,) + inner)
    expanded = rows.reshape((-1,) + (1,) * len(inner)).expand(source.shape)
    result = flat.scatter_reduce(
        0, expanded, source, reduce="amax" if mode == "max" else "amin", include_self=True
    )
    return wrap(result.reshape(storage.shape))


@tf_export("tensor_scatter_nd_update")
def tensor_scatter_nd_update(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_update``: a copy of ``tensor`` with ``updates`` written at ``indices``
    (the functional form of item assignment, which immutable Tensors refuse)."""
    return _scatter(tensor, indices, updates, "TensorScatterUpdate", "update")


@tf_export("tensor_scatter_nd_add")
def tensor_scatter_nd_add(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_add``: a copy of ``tensor`` with ``updates`` added at ``indices``
    (duplicates sum)."""
    return _scatter(tensor, indices, updates, "TensorScatterAdd", "add")


@tf_export("tensor_scatter_nd_sub")
def tensor_scatter_nd_sub(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_sub``: a copy of ``tensor`` with ``updates`` subtracted at
    ``indices``."""
    return _scatter(tensor, indices, updates, "TensorScatterSub", "sub")


@tf_export("tensor_scatter_nd_max")
def tensor_scatter_nd_max(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_max``: elementwise maximum of ``tensor`` and ``updates`` at
    ``indices``."""
    return _scatter(tensor, indices, updates, "TensorScatterMax", "max")


@tf_export("tensor_scatter_nd_min")
def tensor_scatter_nd_min(tensor, indices, updates, name=None):
    """``tf.tensor_scatter_nd_min``: elementwise minimum of ``tensor`` and ``updates`` at
    ``indices``."""
    return _scatter(tensor, indices, updates, "TensorScatterMin", "min")


@tf_export("scatter_nd")
def scatter_nd(indices, updates, shape, name=None):
    """``tf.scatter_nd``: zeros of ``shape`` with ``updates`` summed in at ``indices``."""
    update_storage = to_torch(updates)
    if type(shape) is int or getattr(shape, "ndim", None) == 0:
        raise op_error("ScatterNd", "Shape must be a vector", update_storage)
    dims = shape_arg(shape, "ScatterNd", None)
    index = index_storage(indices, "ScatterNd")
    base = torch.zeros(dims, dtype=update_storage.dtype, device=update_storage.device)
    key, update = _scatter_check(index, update_storage, dims, "ScatterNd", base)
    return wrap(base.index_put(key, update, accumulate=True))
