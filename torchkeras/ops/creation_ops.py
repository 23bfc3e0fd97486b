"""``tf.*`` ops that create tensors: ``zeros``/``ones`` (and ``*_like``), ``fill``,
``eye``, ``range``, ``linspace``, ``identity``/``identity_n``, ``meshgrid``,
``sequence_mask``.  New tensors go on the current device."""

from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework import device as _device
from ..framework import errors
from ..framework.convert import convert_to_tensor, to_torch, to_torch_like
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.op_errors import (
    attr_error,
    cannot_convert,
    device_of,
    dims_text,
    dtype_of,
    input_dtype_error,
    op_error,
)
from ._args import error_name, fill_shape, host_ints, new_storage, shape_arg
from ..api_export import tf_export

__all__ = [
    "zeros",
    "ones",
    "zeros_like",
    "ones_like",
    "fill",
    "eye",
    "range",
    "linspace",
    "identity",
    "meshgrid",
    "sequence_mask",
    "identity_n",
]


@tf_export("zeros")
def zeros(shape, dtype=dtypes.float32, name=None, layout=None):
    """``tf.zeros``: a tensor of ``shape`` filled with zeros (``b''`` for strings), on the
    current device."""
    dtype = dtypes.as_dtype(dtype)
    dims = fill_shape(shape, "Fill")
    return wrap(new_storage(dims, dtype, b"" if dtype is dtypes.string else 0))


@tf_export("ones")
def ones(shape, dtype=dtypes.float32, name=None, layout=None):
    """``tf.ones``: a tensor of ``shape`` filled with ones, on the current device."""
    dtype = dtypes.as_dtype(dtype)
    if dtype is dtypes.string:
        raise TypeError("Cannot convert 1 to EagerTensor of dtype string")
    dims = fill_shape(shape, "Fill")
    return wrap(new_storage(dims, dtype, 1))


def _like(input, dtype, value, op):
    storage = to_torch(input)
    target = dtypes.as_dtype(dtype) if dtype is not None else dtype_of(storage)
    if target is dtypes.string:
        if value and isinstance(storage, np.ndarray):
            raise attr_error(op, storage)
        if value:  # TF fills a tensor of the new dtype: its conversion of ``value`` fails
            raise cannot_convert(value, target)
        return wrap(new_storage(tuple(storage.shape), target, b""))
    device = device_of(storage)
    return wrap(torch.full(tuple(storage.shape), value, dtype=target.torch_dtype, device=device))


@tf_export("zeros_like")
def zeros_like(input, dtype=None, name=None, layout=None):
    """``tf.zeros_like``: zeros with ``input``'s shape (and dtype unless ``dtype`` is given)."""
    try:
        return _like(input, dtype, 0, "ZerosLike")
    except CompositeArgumentError as error:
        return dispatch(zeros_like, (input, dtype, name, layout), {}, error)


@tf_export("ones_like")
def ones_like(input, dtype=None, name=None, layout=None):
    """``tf.ones_like``: ones with ``input``'s shape (and dtype unless ``dtype`` is given)."""
    try:
        return _like(input, dtype, 1, "OnesLike")
    except CompositeArgumentError as error:
        return dispatch(ones_like, (input, dtype, name, layout), {}, error)


@tf_export("fill")
def fill(dims, value, name=None, layout=None):
    """``tf.fill``: a tensor of shape ``dims`` filled with the scalar ``value`` (its dtype)."""
    shape_dims = shape_arg(dims, "Fill", name=error_name(dims))
    storage = to_torch(value)
    if storage.ndim != 0:
        raise op_error(
            "Fill",
            "value must represent a scalar, got shape %s" % dims_text(storage.shape),
            storage,
            name=None,
        )
    if isinstance(storage, np.ndarray):
        return wrap(new_storage(shape_dims, dtypes.string, storage.item()))
    return wrap(storage.to(_device.current()).expand(shape_dims).clone())


@tf_export("eye", "linalg.eye")
def eye(num_rows, num_columns=None, batch_shape=None, dtype=dtypes.float32, name=None):
    """``tf.eye``: an identity matrix (``num_rows x num_columns``), optionally batched."""
    dtype = dtypes.as_dtype(dtype)
    columns = num_rows if num_columns is None else num_columns
    if not all(isinstance(n, (int, np.integer)) for n in (num_rows, columns)):
        raise TypeError(
            "Arguments `num_rows` and `num_columns` must be positive integer values. Received: "
            "num_rows=%s, num_columns=%s" % (num_rows, columns)
        )
    if dtype is dtypes.string:
        raise cannot_convert(1, dtype)
    rows, cols = int(num_rows), int(columns)
    for dim in (rows, cols):
        if dim < 0:
            raise op_error("Fill", "Dimension %d must be >= 0" % dim, None, "")
    matrix = torch.eye(rows, cols, dtype=dtype.torch_dtype, device=_device.current())
    if batch_shape is not None:
        if isinstance(batch_shape, int):  # TF concatenates it as a list
            raise TypeError("'int' object is not iterable")
        if isinstance(batch_shape, TensorOperators):
            _check_batch_tensor(batch_shape)
            batch = shape_arg(batch_shape, "Fill", "", bool_dims=True)
        else:
            try:
                batch = shape_arg(batch_shape, "Fill", "", bool_dims=True)
            except (TypeError, ValueError, errors.InvalidArgumentError):
                # TF converts the list with the diagonal's size appended: its error first
                convert_to_tensor(list(batch_shape) + [np.int64(min(rows, cols))], dtypes.int32)
                raise
        matrix = matrix.expand(batch + (rows, cols)).clone()
    return wrap(matrix)


def _check_batch_tensor(batch_shape):
    """TF's errors for a ``tf.eye`` batch shape tensor that is not an int32 vector (TF converts
    it to int32 and concatenates the diagonal's size to it)."""
    if batch_shape.dtype is not dtypes.int32:
        raise ValueError(
            "shape: Tensor conversion requested dtype int32 for Tensor with dtype %s: %r"
            % (batch_shape.dtype.name, batch_shape)
        )
    rank = batch_shape.shape.rank
    if rank != 1:
        text = (
            "ConcatOp : Can't concatenate scalars (use tf.stack instead)"
            if rank == 0
            else "ConcatOp : Ranks of all input tensors should match: shape[0] = %s vs. "
            "shape[1] = [1]" % dims_text(batch_shape.shape)
        )
        raise op_error("ConcatV2", text, batch_shape._value, name=None, kernel="ConcatV2_N_2")


_RANGE_ORDER = {"int32": 0, "int64": 1, "float32": 2, "float64": 3}


@tf_export("range")
def range(start, limit=None, delta=1, dtype=None, name="range"):  # noqa: A001 - TF's name
    """``tf.range(start, limit, delta, dtype)``: TF infers int32 for Python ints, the widest
    of the arguments' dtypes otherwise (int32 < int64 < float32 < float64)."""
    if limit is None:
        start, limit = 0, start
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
        values = [
            to_torch(v, dtype)
            if not isinstance(v, TensorOperators)
            else v._value.to(dtype.torch_dtype)
            for v in (start, limit, delta)
        ]
    else:
        values = [to_torch(v) for v in (start, limit, delta)]
        inferred = max((dtype_of(v) for v in values), key=lambda d: _RANGE_ORDER.get(d.name, -1))
        dtype = inferred
    for label, value in zip(("start", "limit", "delta"), values):
        if isinstance(value, torch.Tensor) and value.dim() != 0:
            text = "%s must be a scalar, not shape %s" % (label, dims_text(value.shape))
            raise op_error("Range", text, value, "")
    first, last, step = (v.item() if isinstance(v, torch.Tensor) else v for v in values)
    if dtype.is_integer:
        first, last, step = int(first), int(last), int(step)
    if step == 0:
        raise op_error("Range", "Requires delta != 0: %s" % _num_text(step), values[0], "")
    if step > 0 and first > last:
        raise op_error(
            "Range",
            "Requires start <= limit when delta > 0: %s/%s" % (_num_text(first), _num_text(last)),
            values[0],
            "",
        )
    if step < 0 and first < last:
        raise op_error(
            "Range",
            "Requires start >= limit when delta < 0: %s/%s" % (_num_text(first), _num_text(last)),
            values[0],
            "",
        )
    if dtype.is_integer:
        count = (abs(last - first) + abs(step) - 1) // abs(step)
    else:
        count = int(np.ceil(abs((last - first) / step)))
    device = _device.current()
    if dtype.is_integer:
        result = torch.arange(count, dtype=dtype.torch_dtype, device=device) * step + first
    else:
        steps = torch.arange(count, dtype=dtype.torch_dtype, device=device)
        result = steps * torch.tensor(step, dtype=dtype.torch_dtype) + torch.tensor(
            first, dtype=dtype.torch_dtype
        )
    return wrap(result)


def _num_text(value):
    return "%g" % value if isinstance(value, float) else str(value)


def _check_count(num):
    """``tf.linspace`` checks ``num`` in Python: a float is its ``TypeError``."""
    value = num if isinstance(num, TensorOperators) else None
    if isinstance(num, float) or (value is not None and value.dtype.is_floating):
        shown = float(num)
        dtype = value.dtype if value is not None else dtypes.float32
        raise TypeError(
            "Argument `tensor` (name: num) must be of type integer. Received `tensor` = %s of "
            "dtype: %s" % (shown, dtype)
        )


@tf_export("linspace")
def linspace(start, stop, num, name=None, axis=0):
    """``tf.linspace``: ``num`` evenly spaced values from ``start`` to ``stop`` (both included).

    Integer inputs give float64, as TF; array ``start``/``stop`` give one
    sequence per element, stacked along ``axis`` (TF's ``ExpandDims`` error past the rank).
    """
    a = to_torch(start)
    b = to_torch_like(stop, a)
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        a, b = a.to(torch.float64), b.to(torch.float64)
    elif b.dtype != a.dtype:
        b = b.to(a.dtype)
    if not isinstance(num, int):
        _check_count(num)
    count = int(host_ints(num, "LinSpace", "Tidx") if not isinstance(num, int) else num)
    a, b = torch.broadcast_tensors(a, b)
    if count < 0:
        raise op_error("Range", "Requires start <= limit when delta > 0: 1/%d" % count, a, "")
    if not -a.ndim - 1 <= int(axis) <= a.ndim:
        text = "Tried to expand dim index %d for tensor with %d dimensions." % (axis, a.ndim)
        raise op_error("ExpandDims", text, a, "")
    if count == 0:
        result = torch.zeros((0,) + tuple(a.shape), dtype=a.dtype, device=a.device)
    elif count == 1:
        result = a.unsqueeze(0)
    else:
        steps = torch.arange(1, count - 1, dtype=a.dtype, device=a.device).reshape(
            (-1,) + (1,) * a.ndim
        )
        delta = (b - a) / (count - 1)
        result = torch.cat(
            [a.unsqueeze(0), a.unsqueeze(0) + steps * delta.unsqueeze(0), b.unsqueeze(0)]
        )
    rank = result.ndim
    axis = int(axis) % rank
    return wrap(result.movedim(0, axis) if axis else result)


@tf_export("identity")
def identity(input, name=None):
    """``tf.identity``: the same values, as a Tensor on the current device (a snapshot of a
    Variable)."""
    if type(input) is Tensor:
        storage = input._value
    else:
        try:
            storage = to_torch(input)
        except CompositeArgumentError as error:
            return dispatch(identity, (input, name), {}, error)
        if isinstance(input, TensorOperators):
            storage = storage.clone() if isinstance(storage, torch.Tensor) else storage.copy()
    if isinstance(storage, torch.Tensor) and storage.device != _device.current():
        storage = storage.to(_device.current())
    return wrap(storage)


@tf_export("meshgrid")
def meshgrid(*args, **kwargs):
    """``tf.meshgrid``: coordinate grids from 1-D inputs (``indexing='xy'`` (default) or
    ``'ij'``)."""
    indexing = kwargs.pop("indexing", "xy")
    kwargs.pop("name", None)
    if kwargs:
        raise TypeError("Invalid keyword arguments: %s" % list(kwargs))
    if indexing not in ("xy", "ij"):
        raise ValueError(
            "Argument `indexing` parameter must be either 'xy' or 'ij', got '%s'" % indexing
        )
    if not args:
        return []
    storages = [_grid_input(a) for a in args]
    for s in storages:
        # TF multiplies each flattened input by ones of the first input's dtype, in order
        if isinstance(s, np.ndarray):
            if s is storages[0]:
                raise cannot_convert(1, dtypes.string)
            raise attr_error("Mul", dtypes.string)
        if s.dtype != storages[0].dtype:
            raise input_dtype_error("Mul", 1, s, storages[0], "")
    return [wrap(g) for g in torch.meshgrid(*storages, indexing=indexing)]


def _grid_input(value):
    """One ``tf.meshgrid`` input, flattened; TF stacks it, so a value it cannot convert is
    indexed (``TypeError`` where it has no items)."""
    try:
        return to_torch(value).reshape(-1)
    except (TypeError, ValueError):
        if not hasattr(value, "__getitem__"):
            raise TypeError("'%s' object is not subscriptable" % type(value).__name__) from None
        raise


@tf_export("sequence_mask")
def sequence_mask(lengths, maxlen=None, dtype=dtypes.bool, name=None):
    """``tf.sequence_mask``: ``mask[..., j] = j < lengths[...]`` over ``maxlen`` (default
    ``max(lengths)``) columns."""
    storage = to_torch(lengths).long()
    limit = int(storage.max()) if maxlen is None and storage.numel() else int(maxlen or 0)
    mask = torch.arange(limit, device=storage.device) < storage.unsqueeze(-1)
    dtype = dtypes.as_dtype(dtype)
    return wrap(mask if dtype is dtypes.bool else mask.to(dtype.torch_dtype))


@tf_export("identity_n")
def identity_n(input, name=None):
    """``tf.identity_n``: ``tf.identity`` of each tensor in a list (or of the rows of one
    tensor); an empty list raises TF's ``InvalidArgumentError``."""
    values = [identity(t) for t in input]
    if not values:
        raise op_error(
            "IdentityN",
            "Length for attr 'T' of 0 must be at least minimum 1\n\t; NodeDef: "
            "{{node IdentityN}}; Op<name=IdentityN; signature=input: -> output:; "
            "attr=T:list(type),min=1>",
            wrapped=False,
        )
    return values
