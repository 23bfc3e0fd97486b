"""The dense ``tf.*`` ops that accept a SparseTensor in TF, registered with
``framework.dispatch``: the zero-preserving unary ops TF lists (``tf.math.abs``,
``negative``, ``sign``, ``square``, ``sqrt``, ``sin``, ``tan``, ``asin``, ``atan``,
``asinh``, ``atanh``, ``erf``, ``tanh``, ``bessel_i0e``, ``bessel_i1e``) map the values;
``tf.cast`` casts them; ``tf.identity`` copies; ``tf.shape`` / ``tf.size`` / ``tf.rank``
read the dense shape.  Every other op refuses a SparseTensor with TF's conversion error."""

from __future__ import annotations

import numpy as np
import torch

from ...framework import device as _device
from ...framework import dtypes
from ...framework.dispatch import register
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import wrap
from .. import cast_ops, creation_ops, elementwise_ops, shape_query_ops, special_math_ops

__all__ = []

_UNARY = (
    elementwise_ops.abs,
    elementwise_ops.negative,
    elementwise_ops.asinh,
    elementwise_ops.sin,
    elementwise_ops.tan,
    elementwise_ops.atan,
    elementwise_ops.asin,
    elementwise_ops.atanh,
    elementwise_ops.sign,
    elementwise_ops.square,
    elementwise_ops.sqrt,
    elementwise_ops.erf,
    elementwise_ops.tanh,
    special_math_ops.bessel_i0e,
    special_math_ops.bessel_i1e,
)


def _map_values(op):
    def handler(x, name=None):
        return x.with_values(op(x.values))

    return handler


for _op in _UNARY:
    register(_op, SparseTensor)(_map_values(_op))


@register(cast_ops.cast, SparseTensor)
def _cast(x, dtype, name=None):
    return x.with_values(cast_ops.cast(x.values, dtype))


@register(creation_ops.identity, SparseTensor)
def _identity(input, name=None):
    return SparseTensor(
        creation_ops.identity(input.indices),
        creation_ops.identity(input.values),
        creation_ops.identity(input.dense_shape),
    )


def _scalar(value, dtype):
    return wrap(torch.tensor(value, dtype=dtype, device=_device.current()))


@register(shape_query_ops.shape, SparseTensor)
def _shape(input, out_type=None, name=None):
    dtype = dtypes.as_dtype(out_type or dtypes.int32).torch_dtype
    return _scalar(input.dense_shape._value.tolist(), dtype)


@register(shape_query_ops.size, SparseTensor)
def _size(input, out_type=None, name=None):
    dtype = dtypes.as_dtype(out_type or dtypes.int32).torch_dtype
    return _scalar(int(np.prod(input.dense_shape._value.tolist(), dtype=np.int64)), dtype)


@register(shape_query_ops.rank, SparseTensor)
def _rank(input, name=None):
    return _scalar(int(input.dense_shape._value.shape[0]), torch.int32)
