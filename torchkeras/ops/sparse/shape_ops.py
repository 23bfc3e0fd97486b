"""The SparseTensor ops that move indices: ``tf.sparse.reorder``, ``reshape``, ``transpose``,
``expand_dims`` and ``reset_shape`` (values are reused, so gradients flow through them)."""

from __future__ import annotations

import numpy as np
import torch

from ...api_export import tf_export
from ...framework.op_errors import op_error
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators, wrap
from ...framework.convert import to_torch
from ...framework.shape import TensorShape
from ..cast_ops import cast
from ..gather_ops import gather
from .._args import host_ints
from ._components import (
    components,
    kernel_error,
    make,
    row_major_order,
    shape_text,
    sparse_arg,
    take,
)

__all__ = ["reorder", "reshape", "transpose", "expand_dims", "reset_shape"]


@tf_export("sparse.reorder")
def reorder(sp_input, name=None):
    """``tf.sparse.reorder``: the same SparseTensor with its indices in row-major order
    (a stable sort: repeated indices keep their order)."""
    indices, values, shape = components(sparse_arg(sp_input))
    order = row_major_order(indices)
    return make(indices[order], take(values, order), shape)


def _reshape_target(shape, new_shape):
    """The output shape of ``SparseReshape`` (one ``-1`` inferred), or TF's kernel error."""
    total = int(np.prod(shape, dtype=np.int64))
    unknown = -1
    product = 1
    for dim, size in enumerate(new_shape):
        if size == -1:
            if unknown != -1:
                raise kernel_error(
                    "SparseReshape",
                    "only one output dimension may be -1, not both %d and %d" % (unknown, dim),
                )
            unknown = dim
        elif size < 0:
            raise kernel_error(
                "SparseReshape", "size %d must be non-negative, not %d" % (dim, size)
            )
        else:
            product *= size
    target = list(new_shape)
    if unknown != -1:
        missing = total // product if product > 0 else 0
        target[unknown] = missing
        if product == 0 or total % product:
            raise kernel_error(
                "SparseReshape",
                "Input to reshape is a SparseTensor with %d dense values, but the requested "
                "shape requires a multiple of %d. input_shape=%s output_shape=%s"
                % (total, product, shape_text(shape), shape_text(target)),
            )
    elif product != total:
        raise kernel_error(
            "SparseReshape",
            "Input to reshape is a tensor with %d dense values, but the requested shape has "
            "%d. input_shape=%s output_shape=%s"
            % (total, product, shape_text(shape), shape_text(target)),
        )
    return target


def _strides(shape, device):
    strides = [int(np.prod(shape[d + 1 :], dtype=np.int64)) for d in range(len(shape))]
    return torch.tensor(strides, dtype=torch.int64, device=device)


def _relinearize(indices, shape, target):
    """``indices`` of a tensor of ``shape`` as the indices of its reshape to ``target``."""
    linear = (indices * _strides(shape, indices.device)).sum(dim=1)
    strides = _strides(target, indices.device)
    sizes = torch.tensor(target, dtype=torch.int64, device=indices.device)
    if not target:
        return linear[:, None][:, :0]
    return torch.div(linear[:, None], strides, rounding_mode="floor") % sizes.clamp(min=1)


def _as_int64(shape):
    """``shape`` as TF's ``tf.sparse.reshape`` takes it: cast to int64 first, so a float
    shape is truncated toward zero and a string one fails as the cast does."""
    if isinstance(shape, TensorShape) or (
        isinstance(shape, (list, tuple)) and all(type(v) is int for v in shape)
    ):
        return shape
    storage = to_torch(shape)
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        return cast(shape, "int64")
    return shape


@tf_export("sparse.reshape")
def reshape(sp_input, shape, name=None):
    """``tf.sparse.reshape``: the same values at the indices of the reshaped dense tensor
    (one ``-1`` dimension is inferred); TF's ``SparseReshape`` errors."""
    indices, values, old_shape = components(sp_input)
    target = _reshape_target(old_shape, host_ints(_as_int64(shape), "SparseReshape", "shape"))
    return make(_relinearize(indices, old_shape, target), values, target)


@tf_export("sparse.transpose")
def transpose(sp_input, perm=None, name=None):
    """``tf.sparse.transpose``: indices and dense shape permuted by ``perm`` (reversed by
    default), then reordered.  As in TF, ``perm`` is only gathered, not checked."""
    indices, values, shape = components(sp_input)
    if perm is None:
        perm = list(range(len(shape) - 1, -1, -1))
    new_indices = gather(wrap(indices.T.contiguous()), perm)._value.T
    new_shape = gather(sp_input.dense_shape, perm)._value.tolist()
    return reorder(make(new_indices.contiguous(), values, new_shape))


@tf_export("sparse.expand_dims")
def expand_dims(sp_input, axis=None, name=None):
    """``tf.sparse.expand_dims``: a size-1 dimension inserted at ``axis`` (default -1);
    an axis outside ``[-rank-1, rank]`` raises the ``Slice`` error TF raises."""
    indices, values, shape = components(sp_input)
    rank = len(shape)
    axis = -1 if axis is None else int(axis._value) if isinstance(axis, TensorOperators) else axis
    position = axis if axis >= 0 else axis + rank + 1
    if not 0 <= position <= rank:
        raise op_error(
            "Slice", "Expected size[1] in [0, %d], but got %d" % (rank, position), name=None
        )
    zeros = torch.zeros((indices.shape[0], 1), dtype=torch.int64, device=indices.device)
    new_indices = torch.cat([indices[:, :position], zeros, indices[:, position:]], dim=1)
    return make(new_indices, values, shape[:position] + [1] + shape[position:])


@tf_export("sparse.reset_shape")
def reset_shape(sp_input, new_shape=None):
    """``tf.sparse.reset_shape``: the same entries with dense shape ``new_shape`` (which must
    not be smaller), or the tight shape ``max(indices) + 1`` without it."""
    if not isinstance(sp_input, SparseTensor):
        raise TypeError("Input must be a SparseTensor.")
    indices, values, shape = components(sp_input)
    if new_shape is None:
        tight = (indices.max(dim=0).values + 1).tolist() if indices.shape[0] else shape
        return make(indices, values, tight)
    target = host_ints(new_shape, "SparseReset", "new_shape")
    if len(target) != len(shape):
        raise ValueError("Dimensions %d and %d are not compatible" % (len(target), len(shape)))
    if any(new < old for new, old in zip(target, shape)):
        raise ValueError(
            "Requested new_shape should have dimension sizes >= sp_input.shape.  Found "
            "new_shape (%s), sp_input.shape (%s)." % (np.array(shape), np.array(target))
        )
    return make(indices, values, target)
