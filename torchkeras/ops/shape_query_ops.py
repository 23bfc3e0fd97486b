"""``tf.*`` ops that report on shapes: ``shape``, ``shape_n``, ``rank``, ``size``,
``broadcast_static_shape``, ``broadcast_dynamic_shape``, ``ensure_shape``, and
``get_static_value``."""

from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework import device as _device
from ..framework.convert import to_torch
from ..framework.shape import TensorShape
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.op_errors import attr_error, broadcast_shapes, dims_text, op_error
from ._args import storages_of
from ..api_export import tf_export

__all__ = [
    "shape",
    "shape_n",
    "rank",
    "size",
    "ensure_shape",
    "broadcast_static_shape",
    "broadcast_dynamic_shape",
    "get_static_value",
]


@tf_export("shape")
def shape(input, out_type=None, name=None):
    """``tf.shape``: the dynamic shape as a 1-D int32 (or ``out_type``) Tensor."""
    out = _out_type(out_type, "Shape")
    try:
        storage = to_torch(input)
    except CompositeArgumentError as error:
        return dispatch(shape, (input, out_type, name), {}, error)
    return wrap(torch.tensor(tuple(storage.shape), dtype=out, device=_device.current()))


def _out_type(out_type, op):
    if out_type is None:
        return torch.int32
    out = dtypes.as_dtype(out_type)
    if out not in (dtypes.int32, dtypes.int64):
        raise attr_error(op, out, "out_type")
    return out.torch_dtype


@tf_export("shape_n")
def shape_n(input, out_type=dtypes.int32, name=None):
    """``tf.shape_n``: the shapes of a list of same-dtype tensors (TF's ``TypeError`` for an
    ``input`` that is not a list or tuple)."""
    if not isinstance(input, (list, tuple)):
        raise TypeError("Expected list for 'input' argument to 'shape_n' Op, not %r." % (input,))
    storages = storages_of(list(input), "ShapeN", "")
    out = _out_type(out_type, "ShapeN")
    return [
        wrap(torch.tensor(tuple(s.shape), dtype=out, device=_device.current())) for s in storages
    ]


@tf_export("rank")
def rank(input, name=None):
    """``tf.rank``: the number of dims as a scalar int32 Tensor."""
    try:
        return wrap(torch.tensor(to_torch(input).ndim, dtype=torch.int32, device=_device.current()))
    except CompositeArgumentError as error:
        return dispatch(rank, (input, name), {}, error)


@tf_export("size")
def size(input, out_type=None, name=None):
    """``tf.size``: the number of elements as a scalar int32 (or ``out_type``) Tensor."""
    out = dtypes.as_dtype(out_type).torch_dtype if out_type is not None else torch.int32
    try:
        storage = to_torch(input)
    except CompositeArgumentError as error:
        return dispatch(size, (input, out_type, name), {}, error)
    count = storage.size if isinstance(storage, np.ndarray) else storage.numel()
    return wrap(torch.tensor(count, dtype=out, device=_device.current()))


@tf_export("ensure_shape")
def ensure_shape(x, shape, name=None):
    """``tf.ensure_shape``: ``x`` itself after checking its shape fits ``shape`` (``None`` dims
    match anything)."""
    tensor = x if isinstance(x, TensorOperators) else wrap(to_torch(x))
    expected = TensorShape(shape)
    if not expected.is_compatible_with(tensor.shape):
        dims = (
            "?" if expected.rank is None else dims_text(["?" if d is None else d for d in expected])
        )
        raise op_error(
            "EnsureShape",
            "Shape of tensor input %s is not compatible with expected shape %s."
            % (dims_text(tensor.shape), dims),
            tensor._value,
            "",
        )
    return tensor


@tf_export("broadcast_static_shape")
def broadcast_static_shape(shape_x, shape_y):
    """``tf.broadcast_static_shape``: the broadcast of two ``TensorShape``s (``None`` dims
    allowed)."""
    x, y = TensorShape(shape_x), TensorShape(shape_y)
    if x.rank is None or y.rank is None:
        return TensorShape(None)
    a, b = list(x), list(y)
    width = max(len(a), len(b))
    a, b = [1] * (width - len(a)) + a, [1] * (width - len(b)) + b
    dims = []
    for p, q in zip(a, b):
        if p is None or q is None:
            known = q if p is None else p
            dims.append(known if known is not None and known > 1 else None)
        elif p == q or q == 1:
            dims.append(p)
        elif p == 1:
            dims.append(q)
        else:
            raise ValueError(
                "Incompatible shapes for broadcasting. Two shapes are compatible if for each "
                "dimension pair they "
                "are either equal or one of them is 1. Received: %s and %s." % (x, y)
            )
    return TensorShape(dims)


@tf_export("broadcast_dynamic_shape")
def broadcast_dynamic_shape(shape_x, shape_y):
    """``tf.broadcast_dynamic_shape``: the broadcast of two 1-D int shape tensors, as a tensor."""
    x, y = to_torch(shape_x), to_torch(shape_y)
    dims = broadcast_shapes("BroadcastArgs", tuple(x.tolist()), tuple(y.tolist()), x, None)
    return wrap(torch.tensor(dims, dtype=x.dtype, device=x.device))


@tf_export("get_static_value")
def get_static_value(tensor, partial=False):
    """``tf.get_static_value``: a Tensor's value as NumPy (eager tensors are always known);
    ``None`` for a Variable (its value may change, as TF says); non-tensors are returned
    unchanged."""
    if isinstance(tensor, Tensor):
        return tensor.numpy()
    if isinstance(tensor, TensorOperators):
        return None
    return tensor
