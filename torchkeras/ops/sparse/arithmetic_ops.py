"""``tf.sparse.add``, ``minimum``, ``maximum``, ``map_values`` and the SparseTensor
operators TF defines (``sparse * dense``, ``sparse / dense``, ``dense * sparse``).

Sums go through ``index_add``, so gradients reach both operands' values."""

from __future__ import annotations

import torch

from ...api_export import tf_export
from ...framework.convert import convert_to_tensor
from ...framework.composite_tensor import CompositeTensor, conversion_error
from ...framework.dispatch import register
from ...framework.op_errors import input_dtype_error
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators, wrap
from ...framework import tree
from ..debugging import assert_equal
from ._components import components, kernel_error, make, shape_text
from .merge import check_operands, merge_slots, merged_indices

__all__ = ["add", "minimum", "maximum", "map_values", "dense_binary"]


def _sparse_add(a, b, threshold):
    check_operands("SparseAdd", a, b)
    slot_a, slot_b, count = merge_slots(a[0], b[0])
    indices = merged_indices(a[0], b[0], slot_a, slot_b, count)
    values = torch.zeros(count, dtype=a[1].dtype, device=a[1].device)
    values = values.index_add(0, slot_a, a[1]).index_add(0, slot_b, b[1])
    from_a = torch.zeros(count, dtype=torch.bool, device=slot_a.device)
    from_a[slot_a] = True
    matched = torch.zeros_like(from_a)
    matched[slot_b] = from_a[slot_b]
    keep = ~matched | (values.abs() >= threshold)
    return make(indices[keep], values[keep], a[2])


def _dense_add(sparse, dense):
    indices, values, shape = components(sparse)
    storage = convert_to_tensor(dense, dtype_hint=sparse.dtype)._value
    if storage.dtype is not values.dtype:
        raise input_dtype_error("SparseTensorDenseAdd", 3, values, storage)
    if storage.ndim != len(shape):
        raise kernel_error(
            "SparseTensorDenseAdd",
            "Two operands have different ranks; received: %d and %d" % (len(shape), storage.ndim),
            indices,
        )
    for dim, (x, y) in enumerate(zip(shape, storage.shape)):
        if x != y:
            raise kernel_error(
                "SparseTensorDenseAdd",
                "Dimension %d does not equal (no broadcasting is supported): sparse side %d "
                "vs dense side %d" % (dim, x, y),
                indices,
            )
    return wrap(storage.index_put(tuple(indices.T), values, accumulate=True))


@tf_export("sparse.add")
def add(a, b, threshold=0):
    """``tf.sparse.add``: sparse + sparse is a SparseTensor (sums whose magnitude is below
    ``threshold`` are dropped; indices merged as TF's ``SparseAdd`` walks them); sparse +
    dense is a dense Tensor."""
    a_sparse, b_sparse = isinstance(a, SparseTensor), isinstance(b, SparseTensor)
    if not (a_sparse or b_sparse):
        raise TypeError("At least one input should be SparseTensor; do you mean to use tf.add()?")
    if a_sparse and b_sparse:
        return _sparse_add(components(a), components(b), threshold)
    return _dense_add(a, b) if a_sparse else _dense_add(b, a)


def _extremum(opname, fn, sp_a, sp_b):
    a, b = components(sp_a), components(sp_b)
    check_operands(opname, a, b)
    slot_a, slot_b, count = merge_slots(a[0], b[0])
    indices = merged_indices(a[0], b[0], slot_a, slot_b, count)
    left = torch.zeros(count, dtype=a[1].dtype, device=a[1].device).index_put((slot_a,), a[1])
    right = torch.zeros(count, dtype=b[1].dtype, device=b[1].device).index_put((slot_b,), b[1])
    return make(indices, fn(left, right), a[2])


@tf_export("sparse.minimum")
def minimum(sp_a, sp_b, name=None):
    """``tf.sparse.minimum``: elementwise minimum over the union of the indices (missing
    entries count as 0)."""
    return _extremum("SparseSparseMinimum", torch.minimum, sp_a, sp_b)


@tf_export("sparse.maximum")
def maximum(sp_a, sp_b, name=None):
    """``tf.sparse.maximum``: elementwise maximum over the union of the indices (missing
    entries count as 0)."""
    return _extremum("SparseSparseMaximum", torch.maximum, sp_a, sp_b)


@tf_export("sparse.map_values")
def map_values(op, *args, **kwargs):
    """``tf.sparse.map_values``: ``op`` applied to the values of the SparseTensor arguments
    (which must share their indices), the result on their indices."""
    found = [v for v in tree.flatten((args, kwargs), tree.NEST) if isinstance(v, SparseTensor)]
    if not found:
        raise ValueError("No SparseTensor in argument list of map_values")
    for other in found[1:]:
        assert_equal(found[0].indices, other.indices, message="Mismatched indices!")

    def values_of(value):
        return value.values if isinstance(value, SparseTensor) else value

    new_args = tree.map_structure(values_of, args, rules=tree.NEST)
    new_kwargs = tree.map_structure(values_of, kwargs, rules=tree.NEST)
    return found[0].with_values(op(*new_args, **new_kwargs))


def _dense_operand(opname, sparse, y):
    """``y`` converted with the sparse dtype (TF's ``y:`` conversion error for a Tensor of
    another dtype) and checked to broadcast to the dense shape."""
    indices, values, shape = components(sparse)
    if isinstance(y, TensorOperators) and y.dtype is not sparse.dtype:
        raise ValueError(
            "y: Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
            % (sparse.dtype.name, y.dtype.name, y)
        )
    if isinstance(y, CompositeTensor):
        raise conversion_error(y)
    dense = convert_to_tensor(y, dtype=sparse.dtype)._value
    fits = dense.ndim <= len(shape) and all(
        d in (1, s) for d, s in zip(reversed(dense.shape), reversed(shape))
    )
    if not fits:
        raise kernel_error(
            opname,
            "SparseDenseBinaryOpShared broadcasts dense to sparse only; got incompatible "
            "shapes: %s vs. %s" % (shape_text(shape), shape_text(dense.shape)),
            indices,
        )
    return indices, values, shape, dense


def _at_indices(dense, indices, shape):
    return dense.expand(tuple(shape))[tuple(indices.T)]


def dense_binary(opname, sparse, y):
    """``sparse * y`` / ``sparse / y`` (TF's ``SparseDenseCwiseMul`` / ``Div``): the dense
    side read at the sparse indices.  Division is true division (integers become floats, as
    TF's ``/``) and refuses any zero in the dense operand, as TF's kernel."""
    indices, values, shape, dense = _dense_operand(opname, sparse, y)
    if opname == "SparseDenseCwiseMul":
        return sparse.with_values(wrap(values * _at_indices(dense, indices, shape)))
    if not (values.is_floating_point() or values.is_complex()):
        wide = values.dtype in (torch.int32, torch.int64, torch.uint32, torch.uint64)
        target = torch.float64 if wide else torch.float32
        values, dense = values.to(target), dense.to(target)
    if bool((dense == 0).any()):
        raise kernel_error(
            opname,
            "SparseDenseCwiseDiv cannot divide by zero,but input dense tensor contains zero ",
            indices,
        )
    return sparse.with_values(wrap(values / _at_indices(dense, indices, shape)))


@register(SparseTensor.__mul__, SparseTensor)
def _mul(sparse, y):
    return dense_binary("SparseDenseCwiseMul", sparse, y)


@register(SparseTensor.__truediv__, SparseTensor)
def _truediv(sparse, y):
    return dense_binary("SparseDenseCwiseDiv", sparse, y)


@register("Mul", SparseTensor)
def _dense_times_sparse(x, y):
    return dense_binary("SparseDenseCwiseMul", y, x)
