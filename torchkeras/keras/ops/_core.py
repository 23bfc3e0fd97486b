"""``keras.ops`` core ops: conversion, casting, shape and dtype queries, control flow
(``cond``, ``while_loop``, ``fori_loop``, run eagerly) and scatter/slice updates."""

import builtins
import math

import numpy as np
import torch

from ...framework.custom_gradient import custom_gradient as _tf_custom_gradient
from ...framework.tape import stop_gradient as _tf_stop_gradient
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators
from ...framework import tree as _tree
from ...ops.gather_ops import slice as _tf_slice
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
    """``x`` converted to ``dtype`` (float to int truncates toward zero)."""
    return wrap(unaliased(x, dtype))


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


def _as_tensors(structure):
    return _tree.map_structure(convert_to_tensor, structure, rules=_tree.KERAS)


@keras_export("keras.ops.while_loop")
def while_loop(cond, body, loop_vars, maximum_iterations=None):  # noqa: A002 - Keras' names
    """Runs ``body`` while ``cond`` holds (at most ``maximum_iterations`` times), eagerly.

    ``loop_vars`` is a tuple/list (unpacked into the calls) or a single value; as eager
    ``tf.while_loop`` does, the calls see the values as they are and the final values are
    converted to Tensors (a tuple/list comes back as a tuple).
    """
    is_tuple = isinstance(loop_vars, (tuple, list))
    state = tuple(loop_vars) if is_tuple else (loop_vars,)
    steps = 0
    while (maximum_iterations is None or steps < maximum_iterations) and _truth(cond(*state)):
        out = body(*state)
        state = tuple(out) if is_tuple else (out,)
        steps += 1
    state = _as_tensors(state)
    return state if is_tuple else state[0]


@keras_export("keras.ops.fori_loop")
def fori_loop(lower, upper, body_fun, init_val):
    """``init_val`` updated by ``body_fun(i, val)`` for ``i`` in ``[lower, upper)``; the
    result is a Tensor (Keras runs it as a ``while_loop``)."""
    return while_loop(
        lambda i, value: i < upper, lambda i, value: (i + 1, body_fun(i, value)), (lower, init_val)
    )[1]


def _index_tuple(indices):
    idx = storage(indices).to(torch.int64)
    return tuple(idx[..., i] for i in range(idx.shape[-1]))


@keras_export("keras.ops.scatter")
def scatter(indices, values, shape):
    """A zero tensor of ``shape`` with ``values`` added at ``indices`` (duplicates accumulate)."""
    vals = storage(values)
    out = torch.zeros(tuple(int(d) for d in shape), dtype=vals.dtype, device=vals.device)
    return wrap(out.index_put(_index_tuple(indices), vals, accumulate=True))


_REDUCE = {"add": "sum", "max": "amax", "min": "amin", "mul": "prod"}


@keras_export("keras.ops.scatter_update")
def scatter_update(inputs, indices, updates, reduction=None):
    """``inputs`` with the entries at ``indices`` replaced by ``updates`` (``reduction``
    ``'add'``/``'max'``/``'min'``/``'mul'`` combines them with the current entries instead)."""
    x = storage(inputs)
    values = storage(updates, NAME[x.dtype])
    index = _index_tuple(indices)
    if reduction is None:
        return wrap(x.index_put(index, values))
    if reduction not in _REDUCE:
        raise ValueError(f"Unsupported reduction: {reduction}")
    if reduction == "add":
        return wrap(x.index_put(index, values, accumulate=True))
    depth = len(index)
    flat = x.reshape((-1,) + x.shape[depth:])
    strides = torch.tensor(
        [math.prod(x.shape[i + 1 : depth]) for i in range(depth)], device=x.device
    )
    position = sum(i * s for i, s in zip(index, strides)).reshape(-1)
    values = values.reshape((-1,) + x.shape[depth:])
    target = position.reshape((-1,) + (1,) * (flat.dim() - 1)).expand_as(values)
    return wrap(flat.scatter_reduce(0, target, values, reduce=_REDUCE[reduction]).reshape(x.shape))


def _starts(start_indices):
    if isinstance(start_indices, (tuple, list)):
        return [int(storage(s)) if not isinstance(s, int) else s for s in start_indices]
    return [int(s) for s in storage(start_indices).tolist()]


@keras_export("keras.ops.slice")
def slice(inputs, start_indices, shape):  # noqa: A001 - Keras' name
    """The block of ``inputs`` of size ``shape`` starting at ``start_indices`` (``tf.slice``: a
    block reaching past the end is TF's ``InvalidArgumentError``, not truncated)."""
    return _tf_slice(inputs, list(_starts(start_indices)), list(shape))


@keras_export("keras.ops.slice_update")
def slice_update(inputs, start_indices, updates):
    """``inputs`` with the block at ``start_indices`` replaced by ``updates``."""
    x = storage(inputs)
    up = storage(updates, NAME[x.dtype])
    index = tuple(builtins.slice(s, s + n) for s, n in zip(_starts(start_indices), up.shape))
    out = x.clone()
    out[index] = up
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
    """``f`` applied to each slice of ``xs`` along axis 0, results stacked (structures too)."""
    leaves = _tree.flatten(xs, _tree.KERAS)
    count = storage(leaves[0]).shape[0]
    outputs = []
    for i in range(count):
        sliced = [wrap(storage(leaf)[i]) for leaf in leaves]
        outputs.append(f(_tree.pack_sequence_as(xs, sliced, _tree.KERAS)))
    return _stack_outputs(outputs)


@keras_export("keras.ops.vectorized_map")
def vectorized_map(function, elements):
    """``function`` mapped over axis 0 of ``elements`` (a loop here; TF vectorizes)."""
    return map(function, elements)


@keras_export("keras.ops.switch")
def switch(index, branches, *operands):
    """``branches[index](*operands)``, ``index`` clamped into range."""
    i = int(storage(index)) if not isinstance(index, int) else index
    i = max(0, min(i, len(branches) - 1))
    return branches[i](*operands)


@keras_export("keras.ops.saturate_cast")
def saturate_cast(x, dtype):
    """Cast that clamps values into the range of ``dtype`` first."""
    x = storage(x)
    target = TORCH[standardize_dtype(dtype)]
    if target.is_floating_point:
        info = torch.finfo(target)
    elif target is torch.bool:
        return wrap(x.to(target))
    else:
        info = torch.iinfo(target)
    if x.is_floating_point() or x.dtype is torch.bool:
        return wrap(
            x.clamp(info.min, info.max).to(target) if x.dtype is not torch.bool else x.to(target)
        )
    return wrap(
        x.clamp(
            max(info.min, torch.iinfo(x.dtype).min), min(info.max, torch.iinfo(x.dtype).max)
        ).to(target)
    )


@keras_export("keras.ops.custom_gradient")
def custom_gradient(f):
    """Decorator: ``f`` returns ``(output, grad_fn)`` and ``grad_fn(upstream)`` gives the input
    gradients (``tf.custom_gradient``, which Keras' TF backend uses)."""
    return _tf_custom_gradient(f)
