"""``tf.sparse.from_dense``, ``tf.sparse.to_dense`` and ``tf.sparse.to_indicator``: between
SparseTensors and dense Tensors (differentiable in the values, through torch autograd)."""

from __future__ import annotations

import numpy as np
import torch

from ...api_export import tf_export
from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import dtype_of, op_error
from ...framework.tensor import wrap
from ..cast_ops import cast
from ._components import (
    compare_rows,
    components,
    index_text,
    kernel_error,
    make,
    shape_text,
    sparse_arg,
)

__all__ = ["from_dense", "to_dense", "to_indicator", "scatter_dense", "first_invalid"]

_ORDER_HINT = (
    " is out of order. Many sparse ops require sorted indices.\n"
    "    Use `tf.sparse.reorder` to create a correctly ordered copy.\n\n"
)


@tf_export("sparse.from_dense")
def from_dense(tensor, name=None):
    """``tf.sparse.from_dense``: the non-zero (non-empty for strings) entries of ``tensor``,
    in row-major order; a scalar raises the ``Where`` kernel's error, as in TF."""
    tensor = convert_to_tensor(tensor)
    storage = tensor._value
    if len(storage.shape) == 0:
        raise op_error("Where", "WhereOp : Unhandled input dimensions: 0", storage)
    if isinstance(storage, np.ndarray):
        positions = np.argwhere(storage != b"")
        indices = torch.as_tensor(positions, dtype=torch.int64).reshape(-1, storage.ndim)
        values = storage[tuple(positions.T)] if len(positions) else storage.reshape(-1)[:0]
        return make(indices, values, storage.shape)
    indices = torch.nonzero(storage != 0)
    values = storage[tuple(indices.T)]
    return make(indices, values, storage.shape)


def first_invalid(indices, shape):
    """TF's ``SparseTensor::IndicesValid``: the error text for the first index row that is
    out of bounds, out of order or repeated, or None."""
    if indices.shape[0] == 0:
        return None
    bounds = torch.tensor(shape, dtype=torch.int64, device=indices.device)
    out_of_bounds = ((indices < 0) | (indices >= bounds)).any(dim=1)
    order = torch.ones_like(out_of_bounds, dtype=torch.int64)
    order[1:] = compare_rows(indices[1:], indices[:-1])
    bad = out_of_bounds | (order <= 0)
    if not bool(bad.any()):
        return None
    row = int(torch.argmax(bad.to(torch.int8)))
    where = "indices[%d] = %s" % (row, index_text(indices[row]))
    if bool(out_of_bounds[row]):
        return "%s is out of bounds: need 0 <= index < %s" % (where, shape_text(shape))
    if int(order[row]) < 0:
        return where + _ORDER_HINT
    return where + " is repeated"


def scatter_dense(indices, values, shape, default, opname="SparseToDense"):
    """The dense storage of ``shape`` filled with ``default`` and ``values`` at ``indices``
    (the last of repeated indices wins, as TF's kernel); TF's error for out-of-bounds
    indices.  Differentiable in ``values``."""
    if indices.shape[0]:
        bounds = torch.tensor(shape, dtype=torch.int64, device=indices.device)
        if bool(((indices < 0) | (indices >= bounds)).any()):
            raise kernel_error(
                opname,
                "Indices are not valid (out of bounds).  Shape: %s" % shape_text(shape),
                indices,
            )
    if isinstance(values, np.ndarray):
        dense = np.full(tuple(shape), default, dtype=object)
        dense[tuple(indices.cpu().numpy().T)] = values
        return dense
    strides = torch.tensor(
        [int(np.prod(shape[d + 1 :], dtype=np.int64)) for d in range(len(shape))],
        dtype=torch.int64,
        device=indices.device,
    )
    linear = (indices * strides).sum(dim=1)
    count = int(np.prod(shape, dtype=np.int64))
    position = torch.arange(linear.shape[0], device=linear.device)
    last = torch.full((count,), -1, dtype=torch.int64, device=linear.device)
    last = last.scatter_reduce(0, linear, position, "amax")
    keep = last[linear] == position
    flat = torch.full((count,), default, dtype=values.dtype, device=values.device)
    flat = flat.index_put((linear[keep],), values[keep])
    return flat.reshape(tuple(shape))


def _default(default_value, values):
    if default_value is None:
        return b"" if isinstance(values, np.ndarray) else 0
    storage = convert_to_tensor(default_value, dtype=dtype_of(values))._value
    if storage.ndim:
        raise op_error("SparseToDense", "default_value should be a scalar.", storage, name=None)
    return storage.item()


@tf_export("sparse.to_dense")
def to_dense(sp_input, default_value=None, validate_indices=True, name=None):
    """``tf.sparse.to_dense``: the dense Tensor, ``default_value`` (0 / empty) where no value
    is given.  With ``validate_indices`` the indices must be in bounds, in row-major order
    and unique (TF's ``SparseToDense`` errors); without, repeated indices keep the last."""
    sp_input = sparse_arg(sp_input)
    indices, values, shape = components(sp_input)
    if validate_indices:
        text = first_invalid(indices, shape)
        if text is not None:
            raise kernel_error("SparseToDense", text, indices)
    default = _default(default_value, values)
    return wrap(scatter_dense(indices, values, shape, default))


@tf_export("sparse.to_indicator")
def to_indicator(sp_input, vocab_size, name=None):
    """``tf.sparse.to_indicator``: a bool Tensor ``dense_shape[:-1] + [vocab_size]``, True at
    each ``(index[:-1], value)``; values outside ``[0, vocab_size)`` raise TF's error."""
    sp_input = sparse_arg(sp_input)
    indices, values, shape = components(sp_input)
    ids = cast(sp_input.values, dtypes.int64)._value
    new_indices = torch.cat([indices[:, :-1], ids[:, None]], dim=1)
    new_shape = shape[:-1] + [int(vocab_size)]
    flags = torch.ones(ids.shape[0], dtype=torch.bool, device=ids.device)
    return wrap(scatter_dense(new_indices, flags, new_shape, False))
