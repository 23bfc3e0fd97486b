"""Argument normalisation for the ops: one place for turning TF's argument forms into
torch's (as ``jax._src.numpy.util`` is for ``jax.numpy``).

- operands: ``storage_of`` (any tensor-like input), ``converted_like`` / ``strict_inputs`` /
  ``hinted_inputs`` (TF's binary-op conversion rules), ``storages_of`` (same-dtype input lists),
  ``same_device``;
- host ints: ``host_ints`` / ``int_list`` (shapes, perms, axes given as lists or int
  tensors), ``shape_arg`` (shape arguments), ``index_storage`` (index tensors);
- axes: ``axis_items`` and ``reduction_dims`` (TF's reduction ``axis``), ``axis_arg``
  (Keras' ``axis``: None, an int or a sequence);
- ``new_storage``: a filled storage on the current device.

The errors come from ``framework.op_errors``.
"""

from __future__ import annotations

import numbers
import operator

import numpy as np
import torch

from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import infer_dtype, to_torch, to_torch_like
from ..framework.py_seq import convert_sequence
from ..framework.op_errors import (
    attr_error,
    cannot_convert,
    device_of,
    dims_text,
    dtype_of,
    input_dtype_error,
    op_error,
)
from ..framework.shape import TensorShape
from ..framework.tensor import TensorOperators, wrap
from ..framework.composite_tensor import CompositeTensor
from ..framework.dispatch import CompositeArgumentError
from ..framework.tensor_ops import inputs, operand_like

# The builtins, under names that stay usable in modules defining TF's ``range``/``slice``.
py_range = range
py_slice = slice

INDEX_TYPES = (torch.int16, torch.int32, torch.int64)


def storage_of(x):
    """The storage of any tensor-like op input (Tensor, Variable, NumPy, Python)."""
    return x._value if isinstance(x, TensorOperators) else to_torch(x)


def converted_like(value, like):
    """``value`` converted to the dtype of storage ``like`` (TF's eager op rule), or
    ``TypeError``."""
    if isinstance(value, TensorOperators):
        return value._value
    try:
        return operand_like(value, like)
    except TypeError:
        if isinstance(value, CompositeTensor):  # a RaggedTensor operand: the op dispatches
            raise CompositeArgumentError(value) from None
        raise


def hinted_inputs(x, y, opname):
    """Inputs of ``tf.add`` / ``tf.matmul``: ``x`` converts on its own, ``y`` with ``x``'s dtype as
    hint (``tensor_ops.inputs``); so ``tf.add(1, float_tensor)`` fails, as in TF."""
    if not isinstance(x, TensorOperators):
        x = wrap(to_torch(x))
    return inputs(x, y, opname)


def strict_inputs(x, y, opname):
    """Both inputs of a binary TF op: a non-tensor operand is converted *to* the tensor's
    dtype (``TypeError`` when lossy); two tensors must share their dtype."""
    if isinstance(x, TensorOperators):
        if isinstance(y, TensorOperators):
            return inputs(x, y, opname)
        a = x._value
        return a, converted_like(y, a)
    if isinstance(y, TensorOperators):
        b = y._value
        return converted_like(x, b), b
    a = to_torch(x)
    return a, converted_like(y, a)


def error_name(*values):
    """The name part of TF's eager error for an op called on ``values``: ``""`` (it prints
    `` name: ``) when each is a tensor, a NumPy array or a Python number, which TF's fast path
    executes; None when one is a list or a string, which sends TF to its fallback, whose errors
    print none."""
    for value in values:
        if not isinstance(value, _FAST_PATH):
            return None
    return ""


_FAST_PATH = (TensorOperators, np.ndarray, bool, int, float, complex)


def bool_storage(x):
    """The storage of a bool op input: a tensor as it is (the op checks its dtype), anything
    else converted with ``dtype=tf.bool`` (TF's ``TypeError`` for numbers and strings)."""
    if isinstance(x, TensorOperators):
        return x._value
    return to_torch(x, dtypes.bool)


def host_ints(value, op, attr, name=None):
    """A Python int or list of ints from an int tensor-like argument (shape, perm, axis ...);
    TF's attr error for op ``op``'s attr ``attr`` when it is not int32/int64."""
    if isinstance(value, TensorShape):
        return [int(d) for d in value.as_list()]
    if isinstance(value, (list, tuple)) and all(type(v) is int for v in value):
        return list(value)
    if type(value) is int:
        return value
    storage = to_torch(value)
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        raise attr_error(op, storage, attr, name=name)
    return storage.tolist()


def int_list(value, op, attr, name=None):
    """``host_ints`` as a list (a scalar becomes a one-element list)."""
    values = host_ints(value, op, attr, name)
    return [values] if isinstance(values, int) else values


def _not_a_vector(op, dims, name):
    """TF's error for a shape argument that is not a vector (``Fill`` words it its own way)."""
    if op == "Fill":
        return op_error(
            op, "dims must represent a vector, got shape %s" % dims_text(dims), None, name
        )
    return op_error(
        op, "shape must be a vector of {int32,int64}, got shape %s" % dims_text(dims), None, name
    )


def _index_dims(values):
    """``values`` read as ``TensorShape`` reads dims (each through ``__index__``), or None
    where one is no index."""
    try:
        return [operator.index(v) for v in values]
    except TypeError:
        return None


def _shape_storage_dims(shape, op, name, bool_dims, attr):
    """The dims of a shape given as a tensor (or converted to one: for ``bool_dims`` ops, what
    ``TensorShape`` cannot read TF converts to int32, with that conversion's errors)."""
    if bool_dims and not isinstance(shape, (TensorOperators, torch.Tensor, np.ndarray)):
        storage = to_torch(shape, dtypes.int32)
    else:
        storage = to_torch(shape) if not isinstance(shape, TensorOperators) else shape._value
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        raise attr_error(op, storage, attr, name=name)
    if storage.ndim > 1 or (storage.ndim == 0 and op != "Fill"):
        raise _not_a_vector(op, storage.shape, name)
    return storage.reshape(-1).tolist()


def shape_arg(shape, op, name=None, kernel=None, bool_dims=False, attr="index_type"):
    """A shape argument (list/tuple/TensorShape/int Tensor) as a tuple of non-negative ints; a
    scalar is a one-dim shape for ``Fill`` (``tf.zeros(3)``) and TF's error for the others, as
    is a shape tensor that is not a vector.  ``bool_dims`` (``tf.zeros``/``tf.ones``/``tf.eye``):
    a list's dims are read as ``TensorShape`` reads them (bools and NumPy ints included), and one
    it cannot read is converted to int32 (TF's conversion errors, e.g. a ``TypeError`` for float
    dims); ``tf.fill`` and the random ops give the op's ``attr`` error for those."""
    if isinstance(shape, TensorShape):
        dims = shape.as_list()
        if None in dims:
            raise ValueError("Cannot convert a partially known TensorShape %s to a Tensor." % shape)
    elif isinstance(shape, (list, tuple)) and all(
        type(d) is int or bool_dims and type(d) is bool for d in shape
    ):
        dims = [int(d) for d in shape]
    elif type(shape) is int:
        if op != "Fill":
            raise _not_a_vector(op, (), name)
        dims = [shape]
    else:
        dims = _index_dims(shape) if bool_dims and isinstance(shape, (list, tuple)) else None
        if dims is None:
            dims = _shape_storage_dims(shape, op, name, bool_dims, attr)
    for d in dims:
        if d < 0:
            raise op_error(op, "Dimension %d must be >= 0" % d, None, name, kernel)
    return tuple(int(d) for d in dims)


def fill_shape(shape, op, name=None):
    """The ``shape`` of ``tf.zeros``/``tf.ones`` as a tuple of ints (:func:`shape_arg`), where
    a numeric NumPy array is read as TF reads it, through ``TensorShape``: a 0-d or 1-d array's
    numbers are the dims (truncated), an array with no rows is a scalar shape, any other is
    converted to int32 (not a vector: the kernel's error); a 0-d or 1-d array of strings too,
    each string read by ``int()`` (its ``ValueError`` where one is no number)."""
    if isinstance(shape, np.ndarray) and shape.dtype.kind in "SU" and shape.ndim <= 1:
        return shape_arg([int(d) for d in shape.reshape(-1)], op, "", bool_dims=True)
    if not isinstance(shape, np.ndarray) or shape.dtype.kind not in "biuf":
        return shape_arg(shape, op, "", bool_dims=True)
    if shape.ndim <= 1:
        return shape_arg([int(d) for d in shape.reshape(-1)], op, "", bool_dims=True)
    if len(shape) == 0:
        return ()
    raise _not_a_vector(op, shape.shape, "")


def storages_of(values, op, name):
    """Storage of a list of op inputs with TF's rule: Python values take the first tensor's
    dtype; two tensors of different dtypes are TF's ``InvalidArgumentError``."""
    first = next((v._value for v in values if isinstance(v, TensorOperators)), None)
    if first is None:
        first = next((v for v in values if isinstance(v, torch.Tensor)), None)
    if first is None:
        storages = [to_torch(v) for v in values]
        if storages:
            kinds = {dtype_of(s) for s in storages}
            if len(kinds) > 1:
                target = infer_dtype(list(values))
                storages = [
                    to_torch(v, target) if dtype_of(s) is not target else s
                    for v, s in zip(values, storages)
                ]
    else:
        storages = [to_torch_like(v, first) for v in values]
    for index, storage in enumerate(storages[1:], 1):
        if dtype_of(storage) is not dtype_of(storages[0]):
            raise input_dtype_error(op, index, storages[0], storage, name=name)
    return storages


def same_device(storages):
    """``storages`` on one device: moved to the current device when they are on several."""
    devices = {device_of(s) for s in storages}
    if len(devices) > 1:
        target = _device.current()
        return [s.to(target) if isinstance(s, torch.Tensor) else s for s in storages]
    return storages


def new_storage(dims, dtype, value):
    """A storage of shape ``dims`` and ``DType`` ``dtype`` filled with ``value``, on the current
    device (a NumPy object array for strings)."""
    if dtype is dtypes.string:
        array = np.empty(dims, dtype=object)
        array.fill(value)
        return array
    return torch.full(dims, value, dtype=dtype.torch_dtype, device=_device.current())


def index_storage(value, op, name=None, attr="Tindices"):
    """The storage of an index argument: int16/int32/int64, or TF's attr error."""
    storage = to_torch(value)
    if isinstance(storage, np.ndarray) or storage.dtype not in INDEX_TYPES:
        raise attr_error(op, storage, attr, name=name)
    return storage


def axis_items(axis, opname=None):
    """The items of TF's ``axis`` argument (an int, a list/tuple, an int tensor or array); with
    ``opname``, a tensor of another dtype is that op's ``Tidx`` attr error, as in TF."""
    if isinstance(axis, (list, tuple)):
        return list(axis)
    if isinstance(axis, TensorOperators):
        value = axis._value
        if value.dtype not in (torch.int32, torch.int64):
            if opname is not None:
                raise attr_error(opname, value, "Tidx")
            raise cannot_convert(axis, dtypes.int32)
        return value.reshape(-1).tolist()
    if isinstance(axis, np.ndarray):
        return axis.reshape(-1).tolist()
    return [axis]


def reduction_dims(axis, a, opname):
    """TF's ``axis`` argument of a reduction (int, list, tuple, negative, tensor) as a tuple of
    non-negative dims, checked as TF checks it (range, duplicates; a bool is the int it equals,
    a string or float tensor the op's ``Tidx`` attr error)."""
    ndim = a.ndim
    if type(axis) is int:
        if not -ndim <= axis < ndim:
            raise op_error(
                opname,
                "Invalid reduction dimension (%d for input with %d dimension(s)" % (axis, ndim),
                a,
            )
        return (axis % ndim,)
    dims = []
    for item in axis_items(axis, opname):
        if isinstance(item, (str, bytes)):
            raise attr_error(opname, dtypes.string, "Tidx")
        if not isinstance(item, (int, np.integer, np.bool_)):
            raise cannot_convert(axis, dtypes.int32)
        d = int(item)
        if not -ndim <= d < ndim:
            raise op_error(
                opname,
                "Invalid reduction dimension (%d for input with %d dimension(s)" % (d, ndim),
                a,
            )
        d %= ndim
        if d in dims:
            raise op_error(
                opname, "Invalid reduction arguments: Axes contains duplicate dimension: %d" % d, a
            )
        dims.append(d)
    return tuple(dims)


def axis_arg(axis, op=None):
    """Keras' ``axis`` argument as torch's ``dim``: None, an int, or a tuple of ints, read as
    Keras' TF backend hands it to the int32 ``Tidx`` input of reduction ``op`` (``"Mean"``):
    a Python float is TF's ``TypeError``, NumPy values are cast to int32 (truncating), a
    sequence of other than ints (or text) is TF's ``Tidx`` attr error."""
    if axis is None:
        return None
    if isinstance(axis, int):
        return int(axis)
    if isinstance(axis, float):  # Keras' TF backend converts a scalar axis to int32
        raise TypeError("Cannot convert %r to EagerTensor of dtype int32" % axis)
    if isinstance(axis, (np.ndarray, np.generic)) and axis.dtype.kind in "biuf":
        ints = np.asarray(axis).astype(np.int32)
        return int(ints) if ints.ndim == 0 else tuple(int(a) for a in ints.reshape(-1))
    if isinstance(axis, (str, bytes, np.ndarray, np.generic)):
        raise attr_error(op, dtypes.string, attr="Tidx", name=None)
    axes = tuple(axis)
    if all(isinstance(a, (int, np.integer)) for a in axes):
        return tuple(int(a) for a in axes)
    raise attr_error(op, convert_sequence(list(axes))[1], attr="Tidx", name=None)


def checked_axis_arg(axis, x, op):
    """:func:`axis_arg` checked as TF's reduction ``op`` checks it on the storage ``x``: an axis
    out of range or given twice is the op's ``InvalidArgumentError`` (:func:`reduction_dims`),
    before torch sees it."""
    dims = axis_arg(axis, op)
    if dims is not None:
        reduction_dims(dims, x, op)
    return dims


def bool_attr(value, argument, default):
    """TF's reading of the bool attr ``argument``: None is its ``default``, anything but a bool is
    TF's ``TypeError``."""
    if value is None:
        return default
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError("Expected bool for argument '%s' not %r." % (argument, value))
    return bool(value)


def int_attr(value, argument, default=None):
    """TF's reading of the int attr ``argument`` (``execute.make_int``): None is its ``default``
    where it has one; what ``int()`` refuses, and text, is TF's ``TypeError``."""
    if value is None and default is not None:
        return default
    if not isinstance(value, str):
        try:
            return int(value)
        except (ValueError, TypeError):
            pass
    raise TypeError("Expected int for argument '%s' not %r." % (argument, value))


def float_attr(value, argument, default=None):
    """TF's reading of the float attr ``argument`` (``execute.make_float``): None is its
    ``default`` where it has one; anything but a real number is TF's ``TypeError``."""
    if value is None and default is not None:
        return default
    if not isinstance(value, (numbers.Real, np.integer, np.floating)):
        raise TypeError("Expected float for argument '%s' not %r." % (argument, value))
    return float(value)


def scalar_int_input(value, op, attr, argument):
    """A scalar int32 input ``argument`` of ``op`` (``k`` of ``TopKV2``) as a Python int, refused
    as TF refuses it: a float is not convertible, text is the op's ``attr`` error, None cannot
    be converted, a non-scalar array is the kernel's ``must be scalar``."""
    if value is None:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    if type(value) is float:  # NumPy floats convert
        raise cannot_convert(value, dtypes.int32)
    if isinstance(value, (str, bytes)):
        raise attr_error(op, dtypes.string, attr)
    if isinstance(value, (np.ndarray, TensorOperators)) and tuple(value.shape) != ():
        raise op_error(op, "%s must be scalar, got shape %s" % (argument, dims_text(value.shape)))
    return int(value)


def canonicalize_axis(axis, ndim):
    """Keras' ``canonicalize_axis``: ``axis`` read with ``operator.index`` (a ``TypeError`` for
    floats and text), in ``[-ndim, ndim)`` (else Keras' ``ValueError``), made non-negative."""
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise ValueError("axis %d is out of bounds for an array with dimension %d." % (axis, ndim))
    return axis + ndim if axis < 0 else axis


def axis_list(axis, index=True):
    """Keras' ``to_tuple_or_list``: None stays, an int becomes a 1-tuple, a tuple or list is
    kept, anything else (NumPy scalars too) is its ``ValueError``; each axis is then read with
    ``operator.index`` as Keras' ``canonicalize_axis`` does (``index=False``: left as given)."""
    if axis is None:
        return None
    if isinstance(axis, int):
        return (axis,)
    if not isinstance(axis, (tuple, list)):
        raise ValueError("`value` must be an integer, tuple or list. Received: value=%s" % (axis,))
    return tuple(operator.index(a) for a in axis) if index else tuple(axis)
