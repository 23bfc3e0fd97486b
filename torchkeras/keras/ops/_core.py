"""``keras.ops`` core ops: conversion, casting, shape and dtype queries, control flow
(``cond``, ``while_loop``, ``fori_loop``, run eagerly) and scatter/slice updates."""

import builtins
import functools
import math

import numpy as np
import torch

from ...framework.custom_gradient import custom_gradient as _tf_custom_gradient
from ...framework.tape import stop_gradient as _tf_stop_gradient
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators
from ...framework import tree as _tree
from ...framework.convert import to_torch
from ...framework.op_errors import (
    attr_error as _attr_error,
    dims_text,
    dtype_of,
    op_error as _op_error,
)
from ...ops.cast_ops import cast as _tf_cast
from ...ops import scatter_ops as _scatter_ops
from ...ops._args import host_ints
from ...ops.control_flow_ops import switch_case as _tf_switch_case, while_loop as _tf_while_loop
from ...ops.functional_ops import vectorized_map as _tf_vectorized_map
from ...ops.gather_ops import gather_nd as _tf_gather_nd, slice as _tf_slice
from ...ops.sparse.conversion_ops import to_dense
from ._base import TORCH, Tensor, storage, unaliased, wrap
from ._dtypes import NAME, standardize_dtype
from ..backend.traceback_utils import inject_call_info as _inject_call_info
from ...api_export import keras_export

__all__ = [
    "convert_to_tensor",
    "convert_to_numpy",
    "cast",
    "shape",
    "dtype",
    "is_tensor",
    "stop_gradient",
    "cond",
    "while_loop",
    "fori_loop",
    "scatter",
    "scatter_update",
    "slice",
    "slice_update",
    "unstack",
    "vectorized_map",
    "map",
    "switch",
    "saturate_cast",
    "custom_gradient",
]


@keras_export("keras.ops.convert_to_tensor")
def convert_to_tensor(x, dtype=None, sparse=None, ragged=None):
    """``x`` as a Tensor: tensors keep their dtype (cast when ``dtype`` differs), other
    values follow TF's conversion and are then cast to ``dtype``.  A ``tf.SparseTensor``
    stays sparse (its values cast) unless ``sparse=False``, which densifies it, as Keras on
    TF does."""
    if dtype is None and type(x) is Tensor:
        return x
    if isinstance(x, SparseTensor):
        if sparse is None or sparse:
            if dtype is None or standardize_dtype(dtype) == x.dtype.name:
                return x
            return x.with_values(wrap(unaliased(x.values, dtype)))
        x = to_dense(x)
    return wrap(unaliased(x, dtype))


@keras_export("keras.ops.convert_to_numpy")
def convert_to_numpy(x):
    """``x`` as a NumPy array: tensors (and sparse ones, densified) give their values, any other
    value is ``np.array(x)`` as in Keras' TF backend (an object array for None or a dict,
    NumPy's error for ragged lists)."""
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, SparseTensor):
        x = to_dense(x)
    if isinstance(x, TensorOperators):
        return x.numpy()
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return np.array(x)


@keras_export("keras.ops.cast")
def cast(x, dtype):
    """``x`` converted to ``dtype`` (float to int truncates toward zero): Keras' TF backend's
    ``tf.cast``, which converts a non-tensor ``x`` on its own first (TF's Cast errors)."""
    dtype = standardize_dtype(dtype)
    if type(x) is Tensor and dtype != "string" and not isinstance(x._value, np.ndarray):
        return wrap(unaliased(x, dtype))
    return _tf_cast(x, dtype)


@keras_export("keras.ops.shape")
def shape(x):
    """The shape of ``x`` as a tuple of Python ints (Keras returns the static shape)."""
    return tuple(storage(x).shape)


@keras_export("keras.ops.dtype")
def dtype(x):
    """Keras' dtype name of ``x`` (``'float32'``); Keras reads ``x.dtype``, so a value without
    one (a list, a Python string, None) raises its ``AttributeError``."""
    x.dtype  # noqa: B018 - Keras reads the attribute
    return NAME[storage(x).dtype]


@keras_export("keras.ops.is_tensor")
def is_tensor(x):
    """True for the backend's tensors (torchkeras Tensors and Variables), False for NumPy/Python."""
    return isinstance(x, TensorOperators)


@keras_export("keras.ops.stop_gradient")
def stop_gradient(variable):
    """``variable`` as a Tensor with no gradient flowing back."""
    return _tf_stop_gradient(convert_to_tensor(variable))


def _truth(pred):
    return bool(storage(pred)) if not isinstance(pred, bool) else pred


@keras_export("keras.ops.cond")
def cond(pred, true_fn, false_fn):
    """``true_fn()`` if ``pred`` else ``false_fn()`` (eager: only the taken branch runs).
    Keras runs it as the ``Cond`` operation with TF's ``smart_cond``: its errors (and those of
    the branch) carry ``Cond.call()``'s context."""
    try:
        return _smart_cond(pred, true_fn, false_fn)
    except Exception as error:  # noqa: BLE001 - Keras' Operation call wraps every error
        raise _inject_call_info(
            error, _cond_signature, (pred, true_fn, false_fn), {}, "Cond.call()"
        ) from None


def _cond_signature(*args, **kwargs):
    """The signature of Keras' ``Cond.call`` (whose arguments its errors list)."""


def _smart_cond(pred, true_fn, false_fn):
    """TF's ``smart_cond`` run eagerly: callables checked, ``pred`` a tensor, a bool or 0/1."""
    if not callable(true_fn):
        raise TypeError(f"Argument `true_fn` must be callable. Received {true_fn}")
    if not callable(false_fn):
        raise TypeError(f"Argument `false_fn` must be callable. Received {false_fn}")
    if isinstance(pred, (TensorOperators, torch.Tensor)):
        value = _truth(pred)
    elif pred in {0, 1} or isinstance(pred, bool):
        value = bool(pred)
    else:
        raise TypeError(
            "Argument `pred` must be a Tensor, or a Python bool, or 1 or 0. "
            f"Received: pred={pred} of type {type(pred).__name__}"
        )
    return true_fn() if value else false_fn()


@keras_export("keras.ops.while_loop")
def while_loop(cond, body, loop_vars, maximum_iterations=None):  # noqa: A002 - Keras' names
    """Runs ``body`` while ``cond`` holds (at most ``maximum_iterations`` times), eagerly, as
    ``tf.while_loop`` (its checks and errors).

    ``loop_vars`` is a tuple/list (unpacked into the calls) or a single value; as eager
    ``tf.while_loop`` does, the calls see the values as they are and the final values are
    converted to Tensors (a tuple/list comes back as a tuple).
    """
    is_tuple = isinstance(loop_vars, (tuple, list))
    state = tuple(loop_vars) if is_tuple else (loop_vars,)

    def step(*args):
        out = body(*args)
        return tuple(out) if is_tuple else (out,)

    state = _tf_while_loop(cond, step, state, maximum_iterations=maximum_iterations)
    return tuple(state) if is_tuple else state[0]


@keras_export("keras.ops.fori_loop")
def fori_loop(lower, upper, body_fun, init_val):
    """``init_val`` updated by ``body_fun(i, val)`` for ``i`` in ``[lower, upper)``; the
    result is a Tensor (Keras runs it as a ``while_loop``)."""
    return while_loop(
        lambda i, value: i < upper, lambda i, value: (i + 1, body_fun(i, value)), (lower, init_val)
    )[1]


@keras_export("keras.ops.scatter")
def scatter(indices, values, shape):
    """A zero tensor of ``shape`` with ``values`` added at ``indices`` (duplicates accumulate):
    ``tf.scatter_nd``, with its checks."""
    return _scatter_ops.scatter_nd(indices, values, shape)


_SCATTERS = {
    None: _scatter_ops.tensor_scatter_nd_update,
    "add": _scatter_ops.tensor_scatter_nd_add,
    "max": _scatter_ops.tensor_scatter_nd_max,
    "min": _scatter_ops.tensor_scatter_nd_min,
}


@keras_export("keras.ops.scatter_update")
def scatter_update(inputs, indices, updates, reduction=None):
    """``inputs`` with the entries at ``indices`` replaced by ``updates`` (``reduction``
    ``'add'``/``'max'``/``'min'``/``'mul'`` combines them with the current entries instead):
    TF's ``tensor_scatter_nd_*`` ops with their checks.  ``'mul'`` (which Keras builds from
    ``gather_nd`` and updates) multiplies in one scatter here, after ``gather_nd``'s checks."""
    if reduction is not None:
        reduction = reduction.lower()
        if reduction not in ("add", "max", "min", "mul"):
            raise ValueError(
                f"Invalid reduction: {reduction}. "
                "Supported values are: None, 'add', 'max', 'min', 'mul'."
            )
    if reduction != "mul":
        return _SCATTERS[reduction](inputs, indices, updates)
    x = storage(inputs)
    storage(_tf_gather_nd(wrap(x), indices))  # Keras reads the entries first: its index checks
    index = storage(indices).to(torch.int64)
    values = storage(updates, NAME[x.dtype])
    depth = index.shape[-1]
    flat = x.reshape((-1,) + x.shape[depth:])
    strides = torch.tensor(
        [math.prod(x.shape[i + 1 : depth]) for i in range(depth)], device=x.device
    )
    position = (index * strides).sum(-1).reshape(-1)
    values = values.reshape((-1,) + x.shape[depth:])
    target = position.reshape((-1,) + (1,) * (flat.dim() - 1)).expand_as(values)
    return wrap(flat.scatter_reduce(0, target, values, reduce="prod").reshape(x.shape))


@keras_export("keras.ops.slice")
def slice(inputs, start_indices, shape):  # noqa: A001 - Keras' name
    """The block of ``inputs`` of size ``shape`` starting at ``start_indices`` (``tf.slice``: a
    block reaching past the end is TF's ``InvalidArgumentError``, not truncated)."""
    return _tf_slice(inputs, start_indices, shape)


_UPDATE_SLICE = "XlaDynamicUpdateSlice"
_STACK_TRACE = "\n\nStack trace for op definition: \ndummy_file_name:10:dummy_function_name\n"


def _update_slice_error(text, x, stack=True):
    """An error of XLA's ``DynamicUpdateSlice`` (which Keras' TF backend runs) as TF words it."""
    text += (_STACK_TRACE if stack else "") + "\n\t [[{{node %s}}]]" % _UPDATE_SLICE
    return _op_error(_UPDATE_SLICE, text, x, name=None)


@keras_export("keras.ops.slice_update")
def slice_update(inputs, start_indices, updates):
    """``inputs`` with the block at ``start_indices`` replaced by ``updates``, as XLA's
    ``DynamicUpdateSlice`` (Keras' TF backend): the same rank, one start per axis, each start
    clamped so that the block fits; ``updates`` converts to ``inputs``' dtype (a tensor of
    another dtype is cast; TF returns it reinterpreted)."""
    x = storage(inputs)
    if isinstance(updates, TensorOperators):
        up = updates._value.to(x.dtype)
    else:
        up = to_torch(updates, dtype_of(x))
    starts = host_ints(start_indices, _UPDATE_SLICE, "Tindices")
    if (
        not isinstance(starts, list)
        or len(starts) != x.dim()
        or any(isinstance(s, list) for s in starts)
    ):
        raise _update_slice_error(
            "index must be a vector with length equal to the number of input dimensions", x
        )
    if up.dim() != x.dim():
        raise _update_slice_error(
            "input and update must have the same rank, input shape is %s; update shape is %s"
            % (dims_text(x.shape), dims_text(up.shape)),
            x,
        )
    for size, dim in zip(up.shape, x.shape):
        if size > dim:
            raise _update_slice_error(
                "Update dim size %d greater than dynamic slice dimension: %d." % (size, dim),
                x,
                stack=False,
            )
    index = tuple(
        builtins.slice(b, b + n)
        for b, n in ((min(max(s, 0), d - n), n) for s, n, d in zip(starts, up.shape, x.shape))
    )
    out = x.clone()
    out[index] = up.to(x.device)
    return wrap(out)


@keras_export("keras.ops.unstack")
def unstack(x, num=None, axis=0):
    """The slices of ``x`` along ``axis``, as a list: ``tf.unstack``, as Keras' TF backend
    calls it (its errors)."""
    from ...ops.shape_ops import unstack as _tf_unstack

    return _tf_unstack(unaliased(x), num=num, axis=axis)


def _stack_leaves(*leaves):
    return wrap(torch.stack([storage(o) for o in leaves]))


def _stack_outputs(outputs):
    return _tree.map_structure(_stack_leaves, *outputs, rules=_tree.KERAS)


@keras_export("keras.ops.map")
def map(f, xs):  # noqa: A001 - Keras' name
    """``f`` applied to each slice of ``xs`` along axis 0, results stacked (structures too).
    As Keras' TF backend, the first slices are read first (``xs[0]``: TF's ``StridedSlice``
    error for a scalar or an empty axis)."""
    leaves = [convert_to_tensor(leaf) for leaf in _tree.flatten(xs, _tree.KERAS)]
    first = [leaf[0] for leaf in leaves]
    count = leaves[0].shape[0]
    outputs = [f(_tree.pack_sequence_as(xs, first, _tree.KERAS))]
    for leaf in leaves[1:]:
        if leaf.shape[0] != count:  # tf.map_fn's static check of the leading dims
            raise ValueError("Dimensions %d and %d are not compatible" % (count, leaf.shape[0]))
    for i in range(1, count):
        sliced = [wrap(leaf._value[i]) for leaf in leaves]
        outputs.append(f(_tree.pack_sequence_as(xs, sliced, _tree.KERAS)))
    return _stack_outputs(outputs)


@keras_export("keras.ops.vectorized_map")
def vectorized_map(function, elements):
    """``function`` mapped over axis 0 of ``elements``: ``tf.vectorized_map`` (vectorized with
    ``torch.vmap`` where it can be)."""
    return _tf_vectorized_map(function, elements)


@keras_export("keras.ops.switch")
def switch(index, branches, *operands):
    """``branches[index](*operands)``, ``index`` clamped into range: ``tf.switch_case`` on the
    int32 index, as Keras' TF backend runs it (its checks of the index and the branches)."""
    if type(index) is int and branches:  # the common case, without building an index tensor
        return branches[builtins.min(builtins.max(index, 0), len(branches) - 1)](*operands)
    index = storage(index, "int32").clamp(0, len(branches) - 1)

    def branch(i):
        return lambda: branches[i](*operands)

    return _tf_switch_case(wrap(index), [branch(i) for i in range(len(branches))])


def _dtype_range(name):
    """Keras' ``(min, max)`` of dtype ``name`` (``ml_dtypes``' ``iinfo``/``finfo``; a complex
    dtype has its real part's; NumPy's ``finfo`` error for one that has neither)."""
    if name == "bool":
        return 0, 1
    if "int" in name:
        info = torch.iinfo(TORCH[name])
    elif name in TORCH:
        info = torch.finfo(TORCH[name])
    else:
        info = np.finfo(np.str_ if name == "string" else np.dtype(name).type)
    return info.min, info.max


def _limit(value, bound, dtype):
    """``value`` (a Python number) in ``dtype``, nudged toward zero where rounding took it past
    ``bound`` (Keras' ``nextafter`` step).  Keras compares the rounded bound with NumPy's weak
    Python-int rule, which misses the nudge where the bound rounds up (float32 into int32,
    uint32, int64): TF then casts an out-of-range float (inf into int32 gives its minimum, 5e9
    into uint32 gives 0); here such values saturate to the largest float that fits."""
    limit = torch.tensor(value, dtype=dtype)
    if limit.is_floating_point() and abs(limit.item()) > abs(bound):
        limit = torch.nextafter(limit, torch.zeros((), dtype=dtype))
    return limit.item()


@keras_export("keras.ops.saturate_cast")
def saturate_cast(x, dtype):
    """Cast that clamps values into the range of ``dtype`` first, as Keras does: the range of
    ``dtype`` within ``x``'s dtype's, each bound nudged toward zero where ``x``'s dtype rounds
    it past the target's (then clipped as ``keras.ops.clip``: complex ``x`` is TF's
    ``Minimum`` error)."""
    dtype = standardize_dtype(dtype)
    low, high = _saturation_bounds(standardize_dtype(x.dtype), dtype)  # a list has no dtype
    x = storage(x)
    target = TORCH[dtype]
    if x.dtype is torch.bool:
        return wrap(x.to(target))
    if x.is_complex():
        raise _attr_error("Minimum", x)
    return wrap(x.clamp(low, high).to(target))


@functools.lru_cache(maxsize=None)
def _saturation_bounds(source, target):
    """The ``(low, high)`` clip bounds of a saturating cast from dtype ``source`` to ``target``
    (names): the target's range within the source's, in the source's dtype (see ``_limit``)."""
    in_min, in_max = _dtype_range(source)
    out_min, out_max = _dtype_range(target)
    if source == "bool" or source not in TORCH or TORCH[source].is_complex:
        return None, None
    low = _limit(builtins.max(in_min, out_min), out_min, TORCH[source])
    high = _limit(builtins.min(in_max, out_max), out_max, TORCH[source])
    return low, high


@keras_export("keras.ops.custom_gradient")
def custom_gradient(f):
    """Decorator: ``f`` returns ``(output, grad_fn)`` and ``grad_fn(upstream)`` gives the input
    gradients (``tf.custom_gradient``, which Keras' TF backend uses)."""
    return _tf_custom_gradient(f)
