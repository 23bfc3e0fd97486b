"""``tf.cast``: dtype conversion with TF's rules (truncation toward zero, complex ->
real part, ``!= 0`` for bool, no string casts)."""

from __future__ import annotations

import torch

from ..framework import dtypes
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.convert import to_torch
from ..framework.device import tf_device_string
from ..framework.errors import UnimplementedError
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.op_errors import device_of, dtype_of, type_name
from ..api_export import tf_export

__all__ = ["cast"]


@tf_export("cast")
def cast(x, dtype, name=None):
    """``tf.cast``: float -> int truncates toward zero, complex -> real keeps the real part,
    anything -> bool is ``!= 0``; casts from or to strings raise ``UnimplementedError``."""
    dtype = dtypes.as_dtype(dtype)
    try:
        storage = to_torch(x)
    except CompositeArgumentError as error:
        return dispatch(cast, (x, dtype, name), {}, error)
    source = dtype_of(storage)
    if source is dtype:
        if type(x) is Tensor:
            return x
        return wrap(storage.clone() if isinstance(x, TensorOperators) else storage)  # a read
    if source is dtypes.string or dtype is dtypes.string:
        device = tf_device_string(device_of(storage))
        raise UnimplementedError(
            None,
            None,
            "{{function_node __wrapped__Cast_device_%s}} Cast %s to %s is not supported [Op:Cast] "
            "name: " % (device, type_name(source), type_name(dtype)),
        )
    if storage.is_complex() and not dtype.is_complex:
        storage = storage.real
    target = dtype.torch_dtype
    if storage.is_floating_point() and dtype.is_integer and dtype.is_unsigned:
        return wrap(storage.to(torch.int64).to(target))
    return wrap(storage.to(target))
