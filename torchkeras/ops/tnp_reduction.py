"""``tf.experimental.numpy``'s reductions, with TF's tnp result dtypes.

``sum`` / ``prod`` / ``cumsum`` / ``cumprod`` widen bools and small integers to
``int64`` (``uint64`` for unsigned), ``mean`` / ``std`` / ``var`` give integers tnp's
default float, ``max`` / ``min`` keep the dtype; an explicit ``dtype`` casts first.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework import np_promotion as _promotion
from ..framework.op_errors import attr_error
from ..framework.tensor import wrap
from . import reduction_ops

__all__ = [
    "sum_",
    "prod",
    "mean",
    "amax",
    "amin",
    "max_",
    "min_",
    "argmax",
    "argmin",
    "all_",
    "any_",
    "std",
    "var",
    "cumsum",
    "cumprod",
    "count_nonzero",
    "ptp",
    "average",
    "nansum",
    "nanprod",
    "nanmean",
]

_UNSIGNED = (torch.uint8, torch.uint16, torch.uint32, torch.uint64)


def _to_int(storage):
    if storage.dtype is torch.bool or not (
        storage.dtype.is_floating_point or storage.dtype.is_complex
    ):
        return storage.to(torch.int64)
    return storage


def _numeric(a, opname):
    """``a``'s tnp storage; a string one raises TF's attr error of op ``opname`` (its kernel's)."""
    storage = _promotion.asarray_storage(a)
    if isinstance(storage, np.ndarray):
        raise attr_error(opname, dtypes.string)
    return storage


def _widened(fn, a, dtype, opname, *args):
    """``fn`` on ``a`` widened as NumPy's ``sum``: unsigned inputs give ``uint64`` (torch
    accumulates them in ``int64``)."""
    storage = _numeric(a, opname)
    result = fn(_input(storage, dtype, _to_int), *args)
    if dtype is None and storage.dtype in _UNSIGNED:
        return wrap(result._value.to(torch.uint64))
    return result


def _to_float(storage):
    if not (storage.dtype.is_floating_point or storage.dtype.is_complex):
        return storage.to(_promotion.default_float().torch_dtype)
    return storage


def _input(a, dtype, promote):
    storage = _promotion.asarray_storage(a)
    if dtype is not None:
        return storage.to(_promotion.to_dtype(dtype).torch_dtype)
    return promote(storage) if promote else storage


def _dims(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (list, tuple)):
        return tuple(int(a) for a in axis)
    return (int(axis),)


def _reduce_in(storage, fn, axis, keepdims):
    return _reduce(fn, storage, axis, keepdims)


def _reduce(fn, storage, axis, keepdims):
    dims = _dims(axis, storage.ndim)
    if storage.ndim == 0:
        return wrap(fn(storage, ()) if dims else storage)
    return wrap(fn(storage, dims, bool(keepdims)))


def _sum(s, dims, keep=False):
    return torch.sum(s, dims, keepdim=keep) if dims else s


def _prod(s, dims, keep=False):
    for dim in sorted((d % s.ndim for d in dims), reverse=True):
        s = torch.prod(s, dim, keepdim=keep)
    return s


def _extreme(reduce_fn, storage, axis, keepdims):
    """TF's ``reduce_max`` / ``reduce_min`` (an empty axis gives the reduction's identity:
    -inf / +inf or the dtype's limits); bools reduced as ``uint8``."""
    if isinstance(axis, list):
        axis = tuple(axis)
    if storage.dtype is torch.bool:
        result = reduce_fn(wrap(storage.to(torch.uint8)), axis, bool(keepdims))
        return wrap(result._value.bool())
    return reduce_fn(wrap(storage), axis, bool(keepdims))


def _mean(s, dims, keep=False):
    return torch.mean(s, dims, keepdim=keep) if dims else s


@tf_export("experimental.numpy.sum")
def sum_(a, axis=None, dtype=None, keepdims=None):
    """NumPy's ``sum`` (bools and integers summed as ``int64``)."""
    return _widened(_reduce_in, a, dtype, "Sum", _sum, axis, keepdims)


@tf_export("experimental.numpy.prod")
def prod(a, axis=None, dtype=None, keepdims=None):
    """NumPy's ``prod`` (bools and integers multiplied as ``int64``)."""
    return _widened(_reduce_in, a, dtype, "Prod", _prod, axis, keepdims)


@tf_export("experimental.numpy.mean")
def mean(a, axis=None, dtype=None, out=None, keepdims=None):
    """NumPy's ``mean`` (integers averaged in tnp's default float)."""
    return _reduce(_mean, _input(_numeric(a, "Mean"), dtype, _to_float), axis, keepdims)


@tf_export("experimental.numpy.amax")
def amax(a, axis=None, keepdims=None):
    """NumPy's ``amax``: the dtype is kept."""
    return _extreme(reduction_ops.reduce_max, _numeric(a, "Max"), axis, keepdims)


@tf_export("experimental.numpy.amin")
def amin(a, axis=None, keepdims=None):
    """NumPy's ``amin``: the dtype is kept."""
    return _extreme(reduction_ops.reduce_min, _numeric(a, "Min"), axis, keepdims)


@tf_export("experimental.numpy.max")
def max_(a, axis=None, keepdims=None):
    """Same as :func:`amax` (TF keeps both names, as two functions)."""
    return amax(a, axis, keepdims)


@tf_export("experimental.numpy.min")
def min_(a, axis=None, keepdims=None):
    """Same as :func:`amin` (TF keeps both names, as two functions)."""
    return amin(a, axis, keepdims)


def _arg(fn, a, axis, opname):
    """TF's ``_argminmax``: ``tf.math.argmax`` / ``argmin`` (its kernel's errors and NaN rule)
    over the flattened array, or ``axis`` of the array made at least 1-D."""
    storage = _numeric(a, opname)
    if axis is None:
        return fn(wrap(storage.reshape(-1)), 0)
    return fn(wrap(torch.atleast_1d(storage)), axis)


@tf_export("experimental.numpy.argmax")
def argmax(a, axis=None):
    """NumPy's ``argmax`` over the flattened array or ``axis`` (``int64``)."""
    return _arg(reduction_ops.argmax, a, axis, "ArgMax")


@tf_export("experimental.numpy.argmin")
def argmin(a, axis=None):
    """NumPy's ``argmin`` over the flattened array or ``axis`` (``int64``)."""
    return _arg(reduction_ops.argmin, a, axis, "ArgMin")


def _logical(fn, a, axis, keepdims):
    storage = _promotion.asarray_storage(a, dtypes.bool)
    dims = _dims(axis, storage.ndim)
    for dim in sorted((d % max(storage.ndim, 1) for d in dims), reverse=True):
        storage = fn(storage, dim, keepdim=bool(keepdims))
    return wrap(storage)


@tf_export("experimental.numpy.all")
def all_(a, axis=None, keepdims=None):
    """NumPy's ``all`` (a ``bool`` tensor)."""
    return _logical(torch.all, a, axis, keepdims)


@tf_export("experimental.numpy.any")
def any_(a, axis=None, keepdims=None):
    """NumPy's ``any`` (a ``bool`` tensor)."""
    return _logical(torch.any, a, axis, keepdims)


def _moment(a, axis, dtype, ddof, keepdims, fn):
    storage = _input(_numeric(a, "Mean"), dtype, _to_float)
    dims = _dims(axis, storage.ndim)
    return wrap(fn(storage, dims, correction=ddof, keepdim=bool(keepdims)))


@tf_export("experimental.numpy.std")
def std(a, axis=None, keepdims=None):
    """NumPy's ``std`` (population: ``ddof=0``)."""
    return _moment(a, axis, None, 0, keepdims, torch.std)


@tf_export("experimental.numpy.var")
def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=None):
    """NumPy's ``var`` with ``ddof``."""
    return _moment(a, axis, dtype, ddof, keepdims, torch.var)


def _scan(fn, a, axis, dtype, opname):
    storage = _numeric(a, opname)
    if storage.dtype is torch.bool and dtype is None:
        raise attr_error(opname, storage)
    storage = _input(storage, dtype, _to_int)
    if axis is None:
        storage, axis = storage.reshape(-1), 0
    return wrap(fn(storage, int(axis)))


@tf_export("experimental.numpy.cumsum")
def cumsum(a, axis=None, dtype=None):
    """NumPy's ``cumsum`` (flattened when ``axis`` is ``None``)."""
    return _scan(torch.cumsum, a, axis, dtype, "Cumsum")


@tf_export("experimental.numpy.cumprod")
def cumprod(a, axis=None, dtype=None):
    """NumPy's ``cumprod`` (flattened when ``axis`` is ``None``)."""
    return _scan(torch.cumprod, a, axis, dtype, "Cumprod")


@tf_export("experimental.numpy.count_nonzero")
def count_nonzero(a, axis=None):
    """NumPy's ``count_nonzero`` (``int64``)."""
    storage = _promotion.asarray_storage(a)
    return wrap(torch.count_nonzero(storage, _dims(axis, storage.ndim)))


@tf_export("experimental.numpy.ptp")
def ptp(a, axis=None, keepdims=None):
    """NumPy's ``ptp``: ``amax - amin``."""
    high = amax(a, axis, keepdims)._value
    low = amin(a, axis, keepdims)._value
    return wrap(high - low)


@tf_export("experimental.numpy.average")
def average(a, axis=None, weights=None, returned=False):
    """NumPy's ``average``, weighted when ``weights`` is given (``returned``: and the
    sum of weights)."""
    if weights is None:
        result = mean(a, axis)
        count = _promotion.asarray_storage(a).numel() / max(result._value.numel(), 1)
        total = wrap(torch.full_like(result._value, count))
    else:
        dtype = _promotion.result_type(a, weights, float)
        x = _promotion.asarray_storage(a, dtype)
        w = _promotion.asarray_storage(weights, dtype)
        if w.ndim == 1 and x.ndim > 1 and axis is not None:
            shape = [1] * x.ndim
            shape[int(axis)] = -1
            w = w.reshape(shape)
        w = w.expand_as(x)
        dims = _dims(axis, x.ndim)
        total = wrap(torch.sum(w, dims))
        result = wrap(torch.sum(x * w, dims) / total._value)
    return (result, total) if returned else result


def _nan_filled(a, value):
    storage = _promotion.asarray_storage(a)
    if storage.dtype.is_floating_point:
        storage = torch.where(torch.isnan(storage), value, storage)
    return storage


@tf_export("experimental.numpy.nansum")
def nansum(a, axis=None, dtype=None, keepdims=False):
    """NumPy's ``nansum``: NaNs count as zero."""
    return sum_(wrap(_nan_filled(a, 0.0)), axis, dtype, keepdims)


@tf_export("experimental.numpy.nanprod")
def nanprod(a, axis=None, dtype=None, keepdims=False):
    """NumPy's ``nanprod``: NaNs count as one."""
    return prod(wrap(_nan_filled(a, 1.0)), axis, dtype, keepdims)


@tf_export("experimental.numpy.nanmean")
def nanmean(a, axis=None, dtype=None, keepdims=None):
    """NumPy's ``nanmean``: the mean of the non-NaN values."""
    storage = _input(a, dtype, _to_float)
    return wrap(torch.nanmean(storage, _dims(axis, storage.ndim), keepdim=bool(keepdims)))
