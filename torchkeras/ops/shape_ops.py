"""``tf.*`` ops that reshape or rearrange tensors: ``reshape``, ``transpose``,
``concat``, ``stack``/``unstack``, ``split``, ``squeeze``, ``expand_dims``, ``tile``,
``pad``, ``broadcast_to``, ``reverse``, ``repeat``, ``roll``, ``reverse_sequence``.

The view ops take their input through ``to_torch_unaliased`` so a result never
aliases a Variable's storage."""

from __future__ import annotations

import math

import numpy as np
import torch

from ..framework import device as _device
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.convert import convert_to_tensor, to_torch, to_torch_unaliased
from ..framework.errors import InvalidArgumentError
from ..framework.tensor import TensorOperators, wrap
from ..framework.variable import Variable
from ..framework import dtypes
from ..framework.op_errors import (
    SIGNATURES,
    attr_error,
    cannot_convert,
    dims_text,
    dtype_of,
    input_dtype_error,
    op_error,
)
from ._args import error_name, host_ints, int_list, py_range, same_device, storages_of
from ..api_export import tf_export

__all__ = [
    "reshape",
    "transpose",
    "concat",
    "stack",
    "unstack",
    "split",
    "squeeze",
    "expand_dims",
    "tile",
    "pad",
    "broadcast_to",
    "reverse",
    "repeat",
    "roll",
    "reverse_sequence",
]


@tf_export("reshape")
def reshape(tensor, shape, name=None):
    """``tf.reshape``: one ``-1`` is inferred; a size mismatch raises TF's
    ``InvalidArgumentError``."""
    storage = to_torch_unaliased(tensor)
    dims = int_list(shape, "Reshape", "Tshape")
    if dims and type(dims[0]) is list:
        raise op_error(
            "Reshape",
            "sizes input must be 1-D, not %s" % dims_text(np.shape(dims)),
            storage,
            name=error_name(shape),
        )
    product = 1
    unknown = None
    for i, d in enumerate(dims):
        if d == -1:
            if unknown is not None:
                raise op_error(
                    "Reshape",
                    "Only one input size may be -1, not both %d and %d" % (unknown, i),
                    storage,
                    name=error_name(shape),
                )
            unknown = i
        elif d < 0:
            raise op_error(
                "Reshape",
                "Size %d must be non-negative, not %d" % (i, d),
                storage,
                name=error_name(shape),
            )
        elif d > 0:
            product *= d
    count = storage.size if isinstance(storage, np.ndarray) else storage.numel()
    if unknown is not None:
        # TF's rule: with a 0 among the requested sizes, the input's 0 dims are left out of the
        # count.
        sizes_have_zero = 0 in dims
        counted = [d for d in storage.shape if d > 0 or not sizes_have_zero]
        elements = math.prod(counted)
        if len(counted) == storage.ndim and elements % product:
            raise op_error(
                "Reshape",
                "Input to reshape is a tensor with %d values, but the requested shape requires a "
                "multiple of %d" % (elements, product),
                storage,
                name=error_name(shape),
            )
        dims[unknown] = elements // product
    requested = math.prod(dims)
    if requested != count:
        raise op_error(
            "Reshape",
            "Input to reshape is a tensor with %d values, but the requested shape has %d"
            % (count, requested),
            storage,
            name=error_name(shape),
        )
    return wrap(storage.reshape(tuple(dims)))


@tf_export("transpose")
def transpose(a, perm=None, conjugate=False, name="transpose"):
    """``tf.transpose``: permutes dims (reverses them by default); ``conjugate`` for complex."""
    storage = to_torch_unaliased(a)
    rank = storage.ndim
    if perm is None:
        order = list(py_range(rank - 1, -1, -1))
    else:
        order = int_list(perm, "Transpose", "Tperm")
        if len(order) != rank:
            raise op_error(
                "Transpose",
                "transpose expects a vector of size %d. But input(1) is a vector of size %d"
                % (rank, len(order)),
                storage,
                name=None,
            )
        for d in order:
            if not 0 <= d < rank:
                raise op_error(
                    "Transpose", "%d is out of range [0 .. %d)" % (d, rank), storage, name=None
                )
        for d in py_range(rank):
            if d not in order:
                raise op_error(
                    "Transpose",
                    "%d is missing from {%s}." % (d, ",".join(str(p) for p in order)),
                    storage,
                    name=None,
                )
    if isinstance(storage, np.ndarray):
        return wrap(storage.transpose(order))
    result = storage.permute(order)
    if conjugate and result.is_complex():
        result = result.conj().resolve_conj()
    return wrap(result)


def _concat_axis(axis, first, name, kernel):
    """``tf.concat``'s axis as TF reads it: a Python value converts to an int32 tensor (bools are
    ints, floats a ``TypeError``), a tensor must be int32/int64; either must hold one value."""
    if isinstance(axis, (bool, np.bool_)):
        return int(axis)
    if isinstance(axis, (float, np.floating)):
        raise cannot_convert(axis, dtypes.int32)
    shown = name if isinstance(axis, TensorOperators) else None  # TF's fallback prints none
    if isinstance(axis, (list, tuple)):
        axis = to_torch(axis, dtypes.int32)
    value = host_ints(axis, "ConcatV2", "Tidx", shown)
    if np.size(value) != 1:
        raise op_error(
            "ConcatV2",
            "axis tensor should be a scalar integer, but got shape %s" % dims_text(np.shape(value)),
            first,
            shown,
            kernel,
        )
    return int(np.ravel(value)[0])


@tf_export("concat")
def concat(values, axis, name="concat"):
    """``tf.concat``: joins tensors along ``axis``; dtypes, ranks and other dims must match.
    One tensor or array (alone or as a one-item list) is returned as it is, after TF's check
    that ``axis`` converts to an int32 scalar."""
    if isinstance(values, (TensorOperators, np.ndarray, torch.Tensor)):
        values = [values]
    values = list(values)
    if not values:
        raise InvalidArgumentError(
            None,
            None,
            "OpKernel 'ConcatV2' has constraint on attr 'T' not in NodeDef '[N=0, Tidx=DT_INT32]' "
            "[Op:ConcatV2] name: " + str(name),
        )
    try:
        storages = storages_of(values, "ConcatV2", name)
    except CompositeArgumentError as error:
        return dispatch(concat, (values, axis, name), {}, error)
    if len(storages) == 1:
        if type(axis) is not int:
            axis_shape = tuple(convert_to_tensor(axis, dtype=dtypes.int32).shape)
            if axis_shape:
                raise ValueError("Shape %s must have rank 0" % (axis_shape,))
        return wrap(storages[0])
    kernel = "ConcatV2_N_%d" % len(storages)
    first = storages[0]
    rank = first.ndim
    axis_value = axis if type(axis) is int else _concat_axis(axis, first, name, kernel)
    if rank == 0:
        raise op_error(
            "ConcatV2",
            "ConcatOp : Can't concatenate scalars (use tf.stack instead)",
            first,
            name,
            kernel,
        )
    if not -rank <= axis_value < rank:
        raise op_error(
            "ConcatV2",
            "ConcatOp : Expected concatenating dimensions in the range [%d, %d), but got %d"
            % (-rank, rank, axis_value),
            first,
            name,
            kernel,
        )
    axis_value %= rank
    for i, s in enumerate(storages[1:], 1):
        if s.ndim != rank:
            raise op_error(
                "ConcatV2",
                "ConcatOp : Ranks of all input tensors should match: shape[0] = %s vs. shape[%d] "
                "= %s" % (dims_text(first.shape), i, dims_text(s.shape)),
                first,
                name,
                kernel,
            )
        for d in py_range(rank):
            if d != axis_value and s.shape[d] != first.shape[d]:
                raise op_error(
                    "ConcatV2",
                    "ConcatOp : Dimension %d in both shapes must be equal: shape[0] = %s vs. "
                    "shape[%d] = %s" % (d, dims_text(first.shape), i, dims_text(s.shape)),
                    first,
                    name,
                    kernel,
                )
    if isinstance(first, np.ndarray):
        return wrap(np.concatenate(storages, axis_value))
    return wrap(torch.cat(same_device(storages), axis_value))


def _python_axis(axis, indexes=False):
    """TF's errors for an ``axis`` that stack/unstack compare in Python: ``TypeError`` for a
    string or a list; with ``indexes`` (unstack indexes a shape list with it) NumPy's
    ``AttributeError`` for a float tensor."""
    if isinstance(axis, (str, list, tuple)):
        raise TypeError(
            "'<' not supported between instances of '%s' and 'int'" % type(axis).__name__
        )
    if indexes and isinstance(axis, TensorOperators) and not axis.dtype.is_integer:
        raise AttributeError(
            "'numpy.%s' object has no attribute '__index__'" % axis.dtype.as_numpy_dtype.__name__
        )


def _stack_array(values, axis):
    """``tf.stack`` of one NumPy array: converted whole along axis 0; along another axis, TF
    checks ``axis`` against ``values[0]`` and its ``Pack`` op refuses an array for its list
    argument (a ``ValueError`` for an int axis, a ``TypeError`` for another)."""
    if axis == 0:
        return convert_to_tensor(values)
    rank = np.ndim(values[0]) + 1
    if axis < -rank or axis >= rank:
        raise ValueError("Argument `axis` = %s not in range [%d, %d)" % (axis, -rank, rank))
    if isinstance(axis, (int, np.integer)):
        raise ValueError(
            "expected a sequence for attr N, got an ndarray with rank %d instead" % values.ndim
        )
    raise TypeError("Expected list for 'values' argument to 'pack' Op, not %r." % (values,))


@tf_export("stack")
def stack(values, axis=0, name="stack"):
    """``tf.stack``: stacks same-shaped tensors along a new ``axis``.  TF compares ``axis`` with
    0 in Python first (NumPy's truth error for an array axis), and converts a NumPy array
    ``values`` whole along axis 0 (refusing it along another, see :func:`_stack_array`)."""
    if isinstance(axis, np.ndarray):
        bool(axis == 0)  # TF's test of ``axis == 0``, with NumPy's own error
    if isinstance(values, np.ndarray):
        return _stack_array(values, axis)
    values = list(values)
    if not values:
        return wrap(torch.zeros((0,), dtype=torch.float32, device=_device.current()))
    try:
        storages = storages_of(values, "Pack", name)
    except CompositeArgumentError as error:
        return dispatch(stack, (values, axis, name), {}, error)
    first = storages[0]
    rank = first.ndim + 1
    _python_axis(axis)
    axis = int(axis)
    if not -rank <= axis < rank:
        raise ValueError("Argument `axis` = %d not in range [%d, %d)" % (axis, -rank, rank))
    for i, s in enumerate(storages[1:], 1):
        if tuple(s.shape) != tuple(first.shape):
            raise op_error(
                "Pack",
                "Shapes of all inputs must match: values[0].shape = %s != values[%d].shape = %s"
                % (dims_text(first.shape), i, dims_text(s.shape)),
                first,
                name,
                "Pack_N_%d" % len(storages),
            )
    if isinstance(first, np.ndarray):
        return wrap(np.stack(storages, axis))
    return wrap(torch.stack(same_device(storages), axis))


@tf_export("unstack")
def unstack(value, num=None, axis=0, name="unstack"):
    """``tf.unstack``: splits ``value`` along ``axis`` into a list of tensors of one rank less."""
    storage = to_torch_unaliased(value)
    rank = storage.ndim
    if isinstance(axis, float):  # TF indexes its shape list with it
        raise TypeError("list indices must be integers or slices, not float")
    _python_axis(axis, indexes=True)
    axis = int(axis)
    if not -rank <= axis < rank or rank == 0:
        raise ValueError("Argument `axis` = %d not in range [%d, %d)" % (axis, -rank, rank))
    axis %= rank
    size = storage.shape[axis]
    num = _unpack_num(num)
    if num is not None and num != size:
        raise op_error(
            "Unpack",
            "Input shape axis %d must equal %d, got shape %s"
            % (axis, num, dims_text(storage.shape)),
            storage,
            name,
            "Unpack_num_%d" % num,
        )
    if isinstance(storage, np.ndarray):
        return [wrap(np.asarray(np.take(storage, i, axis), dtype=object)) for i in py_range(size)]
    return [wrap(part) for part in storage.unbind(axis)]


def _unpack_num(num):
    """``tf.unstack``'s ``num`` read as TF reads the ``Unpack`` attr: an int (a float truncated),
    at least 0; anything else is TF's ``TypeError``."""
    if num is None:
        return None
    if not isinstance(num, (int, float, np.integer, np.floating)):
        raise TypeError("Expected int for argument 'num' not %r." % (num,))
    num = int(num)
    if num < 0:
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'num' of %d must be at least minimum 0\n\t; NodeDef: {{node Unpack}}; "
            "Op<name=Unpack; signature=value:T -> output:num*T; attr=num:int,min=0; attr=T:type; "
            "attr=axis:int,default=0> [Op:Unpack]" % num,
        )
    return num


def _split_dim(op, axis_value, storage, name, kernel):
    """``(axis, size)`` of the split dimension, or ``op``'s error for an axis out of range."""
    rank = storage.ndim
    if not -rank <= axis_value < rank:
        raise op_error(
            op,
            "-input rank(-%d) <= split_dim < input rank (%d), but got %d"
            % (rank, rank, axis_value),
            storage,
            name,
            kernel,
        )
    axis_value %= rank
    return axis_value, storage.shape[axis_value]


def _determined_shape_error(known, storage, name, kernel):
    """``SplitV``'s error for sizes that do not add up to the split dimension."""
    return op_error(
        "SplitV",
        "Determined shape must either match input shape along split_dim exactly if fully "
        "specified, or be less "
        "than the size of the input along split_dim if not fully specified.  Got: %d" % known,
        storage,
        name,
        kernel,
    )


def _split_dim_value(axis):
    """``tf.split``'s ``axis`` (TF's ``split_dim`` input) as an int, with TF's errors: a scalar
    int32/int64 (a bool is its int), not a float or string (``TypeError``), not a list or a
    tensor of rank > 0 or of another dtype (``InvalidArgumentError``)."""
    if isinstance(axis, (bool, int, np.integer)):
        return int(axis)
    if isinstance(axis, (float, str, bytes)):
        raise cannot_convert(axis, dtypes.int32)
    if isinstance(axis, (list, tuple)):
        raise op_error("Split", "split_dim must be a scalar but has rank 1", None, name=None)
    storage = axis._value if isinstance(axis, TensorOperators) else to_torch(axis)
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        raise input_dtype_error("Split", 0, dtypes.int32, storage)
    if storage.ndim:
        raise op_error(
            "Split", "split_dim must be a scalar but has rank %d" % storage.ndim, None, name=None
        )
    return int(storage)


@tf_export("split")
def split(value, num_or_size_splits, axis=0, num=None, name="split"):
    """``tf.split``: into ``n`` equal parts, or parts of the given sizes (one ``-1`` inferred)."""
    storage = to_torch_unaliased(value)
    axis_value = _split_dim_value(axis)
    sizes_arg = num_or_size_splits
    is_count = (isinstance(sizes_arg, (int, np.integer)) and not isinstance(sizes_arg, bool)) or (
        isinstance(sizes_arg, TensorOperators) and sizes_arg.ndim == 0
    )
    if is_count:
        count = int(sizes_arg)
        kernel = "Split_num_split_%d" % count
        if count < 1:
            raise InvalidArgumentError(
                None,
                None,
                "Value for attr 'num_split' of %d must be at least minimum 1\n\t; NodeDef: {{node "
                "Split}}; "
                "Op<name=Split; %s> [Op:Split] name: %s" % (count, SIGNATURES["Split"], name),
            )
        axis_value, size = _split_dim("Split", axis_value, storage, name, kernel)
        if size % count:
            raise op_error(
                "Split",
                "Number of ways to split should evenly divide the split dimension, but got "
                "split_dim %d (size = %d) and num_split %d" % (axis_value, size, count),
                storage,
                name,
                kernel,
            )
        sizes = [size // count] * count
    else:
        sizes = int_list(sizes_arg, "SplitV", "Tlen", name)
        kernel = "SplitV_num_split_%d" % len(sizes)
        axis_value, size = _split_dim("SplitV", axis_value, storage, name, kernel)
        if sizes.count(-1) > 1:
            raise op_error(
                "SplitV", "There can only be one -1 in the input.", storage, name, kernel
            )
        known = sum(s for s in sizes if s != -1)
        if -1 in sizes:
            if known > size:
                raise _determined_shape_error(known, storage, name, kernel)
            sizes[sizes.index(-1)] = size - known
        elif known != size:
            raise _determined_shape_error(known, storage, name, kernel)
        for index, part in enumerate(sizes):
            if part < 0:
                raise op_error(
                    "SplitV",
                    "Split size at index %d must be >= 0. Got: %d" % (index, part),
                    storage,
                    name,
                    kernel,
                )
    if isinstance(storage, np.ndarray):
        bounds = np.cumsum(sizes)[:-1]
        return [wrap(part) for part in np.split(storage, bounds, axis_value)]
    return [wrap(part) for part in torch.split(storage, sizes, axis_value)]


def _squeeze_axes(axis):
    """``squeeze``'s ``axis`` attribute as TF's eager op reads it: a scalar becomes a
    one-item list; a list, tuple, range or empty array is the list itself. A 0-d array or
    tensor, or any variable, makes TF's list conversion ask for ``len()`` of an unsized
    object and fail with ``MemoryError('std::bad_alloc')`` — a TF bug, matched as the
    call fails either way; other objects are refused with TF's ``TypeError``."""
    if axis is None:
        return []
    if np.isscalar(axis):
        return [axis]
    if isinstance(axis, (list, tuple, range)):
        return list(axis)
    if isinstance(axis, Variable) or (
        isinstance(axis, (np.ndarray, TensorOperators)) and axis.ndim == 0
    ):
        raise MemoryError("std::bad_alloc")
    if isinstance(axis, (np.ndarray, TensorOperators)) and len(axis) == 0:
        return []
    raise TypeError("Expected list for 'axis' argument to 'squeeze' Op, not %r." % (axis,))


@tf_export("squeeze")
def squeeze(input, axis=None, name=None):
    """``tf.squeeze``: removes size-1 dims (all of them, or those in ``axis``; an empty
    ``axis`` list means all, as in TF)."""
    try:
        storage = to_torch_unaliased(input)
    except CompositeArgumentError as error:
        return dispatch(squeeze, (input, axis, name), {}, error)
    rank = storage.ndim
    if isinstance(axis, str):
        raise TypeError("Expected int for argument 'axis' not %r." % (axis,))
    axes = _squeeze_axes(axis)
    if not axes:
        dims = [d for d in py_range(rank) if storage.shape[d] == 1]
    else:
        dims = []
        for d in axes:
            d = int(d)
            if not -rank <= d < rank:
                raise op_error(
                    "Squeeze",
                    "Tried to squeeze dim index %d for tensor with %d dimensions." % (d, rank),
                    storage,
                    "",
                )
            d %= rank
            if storage.shape[d] != 1:
                raise op_error(
                    "Squeeze",
                    "Can not squeeze dim[%d], expected a dimension of 1, got %d"
                    % (d, storage.shape[d]),
                    storage,
                    "",
                )
            dims.append(d)
    shape = tuple(s for i, s in enumerate(storage.shape) if i not in dims)
    return wrap(storage.reshape(shape))


@tf_export("expand_dims")
def expand_dims(input, axis, name=None):
    """``tf.expand_dims``: inserts a size-1 dim at ``axis`` (``-1`` appends)."""
    try:
        storage = to_torch_unaliased(input)
    except CompositeArgumentError as error:
        return dispatch(expand_dims, (input, axis, name), {}, error)
    if isinstance(axis, (list, tuple)) or (isinstance(axis, TensorOperators) and axis.ndim):
        values = int_list(axis, "ExpandDims", "Tdim")
        if len(values) != 1:
            raise op_error(
                "ExpandDims", "'dim' must be a tensor with a single value", storage, name=None
            )
        axis = values[0]
    elif type(axis) is not int:
        if isinstance(axis, float):
            raise cannot_convert(axis, dtypes.int32)
        if isinstance(axis, str):
            raise attr_error("ExpandDims", dtypes.string, "Tdim", name=None)
        if isinstance(axis, TensorOperators) and not axis.dtype.is_integer:
            raise attr_error("ExpandDims", axis._value, "Tdim")
        axis = int(axis)
    rank = storage.ndim
    if not -rank - 1 <= axis <= rank:
        raise op_error(
            "ExpandDims",
            "Tried to expand dim index %d for tensor with %d dimensions." % (axis, rank),
            storage,
            "",
        )
    axis = axis if axis >= 0 else axis + rank + 1
    if isinstance(storage, np.ndarray):
        return wrap(np.expand_dims(storage, axis))
    return wrap(storage.unsqueeze(axis))


@tf_export("tile")
def tile(input, multiples, name=None):
    """``tf.tile``: repeats ``input`` ``multiples[i]`` times along dim ``i``."""
    try:
        storage = to_torch(input)
    except CompositeArgumentError as error:
        return dispatch(tile, (input, multiples, name), {}, error)
    reps = int_list(multiples, "Tile", "Tmultiples")
    if len(reps) != storage.ndim:
        raise op_error(
            "Tile",
            "Expected multiples argument to be a vector of length %d but got length %d"
            % (storage.ndim, len(reps)),
            storage,
            name=None,
        )
    for i, r in enumerate(reps):
        if r < 0:
            raise op_error(
                "Tile", "Expected multiples[%d] >= 0, but got %d" % (i, r), storage, name=None
            )
    if isinstance(storage, np.ndarray):
        return wrap(np.tile(storage, reps))
    return wrap(storage.repeat(*reps) if reps else storage)


def _mirror_index(size, before, after, reflect, device):
    positions = torch.arange(-before, size + after, device=device)
    if reflect:
        period = 2 * (size - 1)
        if period == 0:
            return torch.zeros_like(positions)
        positions = positions.remainder(period)
        return torch.where(positions >= size, period - positions, positions)
    period = 2 * size
    positions = positions.remainder(period)
    return torch.where(positions >= size, period - 1 - positions, positions)


def _paddings_error(op, pads, storage, from_tensor):
    """TF's error of ``op`` for paddings that are not a ``[rank, 2]`` matrix (TF prints an empty
    op name after paddings given as a tensor)."""
    if pads.ndim != 2 or pads.shape[1] != 2:
        text = "paddings must be a matrix with 2 columns: %s" % dims_text(pads.shape)
    else:
        text = "The first dimension of paddings must be the rank of inputs%s%s %s" % (
            dims_text(pads.shape),
            "," if op == "MirrorPad" else "",
            dims_text(storage.shape),
        )
    return op_error(op, text, storage, name="" if from_tensor else None)


@tf_export("pad")
def pad(tensor, paddings, mode="CONSTANT", constant_values=0, name=None):
    """``tf.pad``: ``CONSTANT`` (with ``constant_values``), ``REFLECT`` or ``SYMMETRIC`` padding."""
    storage = to_torch(tensor)
    mode_text = str(mode).upper()
    if mode_text not in ("CONSTANT", "REFLECT", "SYMMETRIC"):
        raise ValueError(
            'Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", or '
            '"SYMMETRIC". Received `mode` = %s' % mode_text
        )
    op = "Pad" if mode_text == "CONSTANT" else "MirrorPad"
    if op == "Pad" and not (type(constant_values) is int and constant_values == 0):
        op = "PadV2"
    pads_storage = to_torch(paddings)
    if isinstance(pads_storage, np.ndarray) or pads_storage.dtype not in (torch.int32, torch.int64):
        raise attr_error(op, pads_storage, "Tpaddings", name=None)
    rank = storage.ndim
    if pads_storage.ndim != 2 or pads_storage.shape[0] != rank or pads_storage.shape[1] != 2:
        raise _paddings_error(op, pads_storage, storage, isinstance(paddings, TensorOperators))
    pads = pads_storage.tolist()
    for before, after in pads:
        if before < 0 or after < 0:
            raise op_error(
                op,
                "Paddings must be non-negative: %d %d" % (before, after),
                storage,
                name="" if isinstance(paddings, TensorOperators) else None,
            )
    if mode_text == "CONSTANT":
        if isinstance(storage, np.ndarray):
            fill_value = to_torch(constant_values)
            return wrap(
                np.pad(
                    storage,
                    pads,
                    constant_values=fill_value.item()
                    if isinstance(fill_value, np.ndarray)
                    else b"",
                )
            )
        flat = [p for pair in reversed(pads) for p in pair]
        if not any(flat):
            return wrap(storage)
        if type(constant_values) is int and constant_values == 0:
            return wrap(torch.nn.functional.pad(storage, flat))
        if isinstance(constant_values, TensorOperators):
            fill_value = constant_values._value
            if fill_value.dtype != storage.dtype:
                raise input_dtype_error("PadV2", 2, storage, fill_value, None)
        else:
            fill_value = to_torch(constant_values, dtype_of(storage))
        return wrap(torch.nn.functional.pad(storage, flat, value=fill_value.item()))
    reflect = mode_text == "REFLECT"
    result = storage
    for d, (before, after) in enumerate(pads):
        size = storage.shape[d]
        if reflect and (before >= size or after >= size):
            raise op_error(
                op,
                "paddings must be less than the dimension size: %d, %d not less than %d"
                % (before, after, size),
                storage,
                name=None,
            )
        if not reflect and (before > size or after > size):
            raise op_error(
                op,
                "paddings must be no greater than the dimension size: %d, %d greater than %d"
                % (before, after, size),
                storage,
                name=None,
            )
        if before or after:
            result = result.index_select(
                d, _mirror_index(size, before, after, reflect, result.device)
            )
    return wrap(result)


@tf_export("broadcast_to")
def broadcast_to(input, shape, name=None):
    """``tf.broadcast_to``: ``input`` broadcast to ``shape`` (NumPy's rules)."""
    storage = to_torch_unaliased(input)
    if type(shape) is int or (isinstance(shape, TensorOperators) and shape.ndim != 1):
        raise op_error(
            "BroadcastTo",
            "shape must be a vector of {int32,int64}, got shape %s"
            % dims_text(() if type(shape) is int else shape.shape),
            storage,
            name=None,
        )
    dims = tuple(int_list(shape, "BroadcastTo", "Tidx"))
    for dim in dims:
        if dim < 0:
            raise op_error("BroadcastTo", "Dimension %d must be >= 0" % dim, storage, name=None)
    if storage.ndim > len(dims):
        raise op_error(
            "BroadcastTo",
            "Rank of input (%d) must be no greater than rank of output shape (%d)."
            % (storage.ndim, len(dims)),
            storage,
            name=None,
        )
    for have, want in zip(reversed(tuple(storage.shape)), reversed(dims)):
        if have != want and have != 1:
            raise op_error(
                "BroadcastTo",
                "Incompatible shapes: %s vs. %s" % (dims_text(storage.shape), dims_text(dims)),
                storage,
                name=None,
            )
    if isinstance(storage, np.ndarray):
        return wrap(np.broadcast_to(storage, dims).copy())
    return wrap(storage.broadcast_to(dims))


def _reverse_axis(axis):
    """``tf.reverse``'s axis as TF converts it: bools are ints, floats do not convert to int32,
    a tensor's dtype is checked before its rank."""
    if isinstance(axis, (bool, np.bool_)):
        return int(axis)
    if isinstance(axis, (float, np.floating)):
        raise cannot_convert(axis, dtypes.int32)
    if isinstance(axis, TensorOperators) and axis.dtype not in (dtypes.int32, dtypes.int64):
        raise attr_error("ReverseV2", axis._value, "Tidx", name="")
    return axis


@tf_export("reverse")
def reverse(tensor, axis, name=None):
    """``tf.reverse``: flips ``tensor`` along each dim in the 1-D ``axis``."""
    try:
        storage = to_torch(tensor)
    except CompositeArgumentError as error:
        return dispatch(reverse, (tensor, axis, name), {}, error)
    if type(axis) is not int and not isinstance(axis, (list, tuple)):
        axis = _reverse_axis(axis)
    if type(axis) is int or (isinstance(axis, TensorOperators) and axis.ndim == 0):
        raise op_error("ReverseV2", "'dims' must be 1-dimension, not 0", storage, "")
    dims = int_list(axis, "ReverseV2", "Tidx")
    rank = storage.ndim
    seen = set()
    for i, d in enumerate(dims):
        if not -rank <= d < rank:
            raise op_error(
                "ReverseV2",
                "'axis'[%d] = %d is out of valid range [0, %d" % (i, d, rank - 1),
                storage,
                name=None,
            )
        d %= rank
        if d in seen:
            raise op_error("ReverseV2", "axis %d specified more than once." % d, storage, name=None)
        seen.add(d)
    if isinstance(storage, np.ndarray):
        return wrap(np.flip(storage, tuple(seen)).copy())
    return wrap(storage.flip(tuple(seen)) if seen else storage)


@tf_export("repeat")
def repeat(input, repeats, axis=None, name=None):
    """``tf.repeat``: each element (or slice along ``axis``) repeated ``repeats`` times;
    without ``axis`` the input is flattened first."""
    storage = to_torch(input)
    if axis is None:
        storage = storage.reshape(-1)
        axis = 0
    if not isinstance(axis, int):
        raise TypeError(
            "Argument `axis` must be an int. Received `axis` = %s of type %s"
            % (axis, type(axis).__name__)
        )
    counts = int_list(_repeat_counts_type(repeats), "Tile", "Tmultiples")
    rank = max(storage.ndim, 1)
    if not -rank <= axis < rank:
        raise ValueError("axis=%d out of bounds: expected %d<=axis<%d" % (axis, -rank, rank))
    axis %= rank
    if len(counts) != 1 and len(counts) != storage.shape[axis]:
        raise ValueError(
            "Dimensions %d and %d are not compatible" % (storage.shape[axis], len(counts))
        )
    if len(counts) == 1 and counts[0] < 0:  # TF tiles a new axis after ``axis``
        raise op_error(
            "Tile",
            "Expected multiples[%d] >= 0, but got %d" % (axis + 1, counts[0]),
            storage,
            name=None,
        )
    negative = len(counts) > 1 and min(counts) < 0
    if negative:  # TF's sequence mask keeps none of a negative count's copies
        kept = [max(c, 0) for c in counts]
    else:
        kept = counts
    if isinstance(storage, np.ndarray):
        result = wrap(np.repeat(storage, kept if len(kept) > 1 else kept[0], axis))
    else:
        amount = kept[0] if len(kept) == 1 else torch.tensor(kept, device=storage.device)
        result = wrap(torch.repeat_interleave(storage, amount, dim=axis))
    if negative and axis:  # TF reshapes to the sum of the counts, negative ones included
        shape = list(storage.shape)
        shape[axis] = sum(counts)
        return reshape(result, wrap(torch.tensor(shape)))  # a tensor, as TF's (its error names)
    return result


def _repeat_counts_type(repeats):
    """``tf.repeat``'s ``repeats`` as TF's ``convert_to_int_tensor`` reads it (preferring int32:
    a NumPy float array of whole numbers converts, text and Python floats are its
    ``TypeError``), checked to have rank at most 1."""
    if isinstance(repeats, (str, bytes)):
        value, dtype = repr(repeats.encode() if isinstance(repeats, str) else repeats), "string"
    elif type(repeats) is float:
        value, dtype = str(repeats), "float32"
    elif isinstance(repeats, np.ndarray) and repeats.dtype.kind == "f":
        if not np.all(np.mod(repeats, 1) == 0):
            value, dtype = str(repeats), repeats.dtype.name.replace("float64", "double")
        else:
            repeats = repeats.astype(np.int32)
            value = None
    else:
        value = None
    if value is not None:
        raise TypeError(
            "Argument `tensor` (name: repeats) must be of type integer. Received `tensor` = %s "
            "of dtype: <dtype: '%s'>" % (value, dtype)
        )
    if np.ndim(repeats) > 1:
        raise ValueError("Shape %s must have rank at most 1" % (tuple(np.shape(repeats)),))
    return repeats


@tf_export("roll")
def roll(input, shift, axis, name=None):
    """``tf.roll``: elements shifted (with wrap-around) by ``shift`` along each ``axis``."""
    storage = to_torch(input)
    shifts = int_list(shift, "Roll", "Tshift")
    axes = int_list(axis, "Roll", "Taxis")
    # TF's eager fast path (the `` name: `` part) gives up on Python shift/axis sequences of
    # different sizes (arrays and tensors stay on it)
    sequences = isinstance(shift, (list, tuple)) or isinstance(axis, (list, tuple))
    name = "" if len(shifts) == len(axes) or not sequences else None
    rank = storage.ndim
    if not rank:
        raise op_error("Roll", "input must be 1-D or higher", storage, name)
    if len(shifts) != len(axes):
        raise op_error("Roll", "shift and axis must have the same size", storage, name)
    for a in axes:
        if not -rank <= a < rank:
            raise op_error("Roll", "axis %d is out of range" % a, storage, "")
    if isinstance(storage, np.ndarray):  # strings: TF's Roll takes any dtype
        return wrap(np.roll(storage, shifts, [a % rank for a in axes]))
    return wrap(torch.roll(storage, shifts, [a % rank for a in axes]))


@tf_export("reverse_sequence")
def reverse_sequence(input, seq_lengths, seq_axis=None, batch_axis=None, name=None):
    """``tf.reverse_sequence``: reverses the first ``seq_lengths[b]`` entries along ``seq_axis``
    of each batch entry ``b`` (along ``batch_axis``)."""
    storage = to_torch(input)
    lengths = to_torch(seq_lengths).to(storage.device).long()
    rank = storage.ndim
    seq_axis, batch_axis = int(seq_axis) % rank, int(batch_axis or 0) % rank
    steps = torch.arange(storage.shape[seq_axis], device=storage.device)
    index = torch.where(steps < lengths.unsqueeze(1), lengths.unsqueeze(1) - 1 - steps, steps)
    if batch_axis > seq_axis:
        index = index.t()
    view = [1] * rank
    view[batch_axis], view[seq_axis] = storage.shape[batch_axis], storage.shape[seq_axis]
    index = index.reshape(view).expand(storage.shape)
    return wrap(torch.gather(storage, seq_axis, index))
