"""Reductions over axes (``tf.reduce_*``, ``count_nonzero``, ``argmax``/``argmin``, ``top_k``).

``axis`` is TF's: None (all), an int, a list/tuple or an integer tensor;
negatives count from the end.  Dtypes follow TF (``tf.reduce_mean`` of ints
divides as integers, ``tf.argmax`` gives int64).
"""

from __future__ import annotations

import collections
import math

import numpy as np
import torch

from ..framework import dtypes
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.py_seq import hinted_dtype
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.op_errors import (
    allowed_dtypes,
    attr_error,
    cannot_convert,
    check_dtype,
    dims_text,
    dtype_of,
    input_dtype_error,
    op_error,
)
from ._args import bool_attr, bool_storage, reduction_dims, scalar_int_input, storage_of
from .sort_ops import sort_with_indices
from ..api_export import tf_export

_new = object.__new__

_EUCLIDEAN_ALLOWED = allowed_dtypes("EuclideanNorm")
_SUM_ALLOWED = allowed_dtypes("Sum")
_MAX_ALLOWED = allowed_dtypes("Max")
_FLOAT_ALLOWED = allowed_dtypes("IsFinite")
_ARG_ALLOWED = allowed_dtypes("ArgMax")
_TOPK_ALLOWED = allowed_dtypes("TopKV2")
_FLOATS = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))


def _reduce(a, axis, keepdims, opname, fn, empty=None):
    """``fn(a, dims, keepdim)`` over TF's ``axis`` (``None``: all dims); an empty axis list
    reduces nothing: ``a`` itself, or ``empty(a)`` for reductions that transform each element."""
    if axis is None:
        return fn(a, tuple(range(a.ndim)), bool(keepdims))
    dims = reduction_dims(axis, a, opname)
    if not dims:
        return a if empty is None else empty(a)
    return fn(a, dims, bool(keepdims))


def _sum(a, dims, keepdim):
    return torch.sum(a, dims, keepdim, dtype=a.dtype)


def _mean(a, dims, keepdim):
    if a.dtype in _FLOATS or a.dtype.is_complex:
        return torch.mean(a, dims, keepdim)
    total = torch.sum(a, dims, keepdim, dtype=a.dtype)
    count = a.numel() // max(total.numel(), 1) if a.numel() else 1
    return torch.div(total, count, rounding_mode="trunc")


def _extreme(fn, empty_float, empty_int):
    def reduce(a, dims, keepdim):
        if a.numel() == 0:
            shape = torch.sum(a, dims, keepdim).shape
            fill = empty_float if a.dtype in _FLOATS else empty_int(a.dtype)
            return torch.full(shape, fill, dtype=a.dtype, device=a.device)
        return fn(a, dims, keepdim)

    return reduce


_max = _extreme(torch.amax, -float("inf"), lambda t: torch.iinfo(t).min)
_min = _extreme(torch.amin, float("inf"), lambda t: torch.iinfo(t).max)


def _prod(a, dims, keepdim):
    result = a
    for d in sorted(dims, reverse=True):
        result = torch.prod(result, d, keepdim, dtype=a.dtype)
    return result


def _all(a, dims, keepdim):
    return torch.all(a, dims, keepdim) if dims else a


def _any(a, dims, keepdim):
    return torch.any(a, dims, keepdim) if dims else a


def _logsumexp(a, dims, keepdim):
    return torch.logsumexp(a, dims, keepdim) if dims else a


def _zeros_real(a):
    return torch.zeros_like(a.real if a.is_complex() else a)


def _variance(a, dims, keepdim):
    centered = a - torch.mean(a, dims, keepdim=True)
    squared = torch.square(torch.abs(centered)) if a.is_complex() else torch.square(centered)
    return torch.mean(squared, dims, keepdim)


def _std(a, dims, keepdim):
    return torch.sqrt(_variance(a, dims, keepdim))


@tf_export("math.reduce_sum", "reduce_sum")
def reduce_sum(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_sum``: sum over ``axis`` (None: all; int, list, tuple or tensor; negatives
    count from the end); integer sums keep their dtype; bool is an error, as TF."""
    if type(input_tensor) is Tensor:
        a = input_tensor._value
    else:
        try:
            a = storage_of(input_tensor)
        except CompositeArgumentError as error:
            return dispatch(reduce_sum, (input_tensor, axis, keepdims, name), {}, error)
    if a.dtype not in _SUM_ALLOWED:
        raise attr_error("Sum", a)
    return wrap(_reduce(a, axis, keepdims, "Sum", _sum))


@tf_export("math.reduce_mean", "reduce_mean")
def reduce_mean(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_mean``: mean over ``axis``; integer means divide as integers (truncating), as
    TF."""
    if type(input_tensor) is Tensor:
        a = input_tensor._value
    else:
        try:
            a = storage_of(input_tensor)
        except CompositeArgumentError as error:
            return dispatch(reduce_mean, (input_tensor, axis, keepdims, name), {}, error)
    if axis is None and not keepdims and a.dtype in _FLOATS:
        tensor = _new(Tensor)
        tensor._value = torch.mean(a)
        return tensor
    if a.dtype not in _SUM_ALLOWED:
        raise attr_error("Mean", a)
    return wrap(_reduce(a, axis, keepdims, "Mean", _mean))


@tf_export("math.reduce_max", "reduce_max")
def reduce_max(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_max``: maximum over ``axis`` (NaN propagates; an empty axis gives -inf / the
    dtype's min)."""
    try:
        a = storage_of(input_tensor)
    except CompositeArgumentError as error:
        return dispatch(reduce_max, (input_tensor, axis, keepdims, name), {}, error)
    check_dtype(a, _MAX_ALLOWED, "Max")
    return wrap(_reduce(a, axis, keepdims, "Max", _max))


@tf_export("math.reduce_min", "reduce_min")
def reduce_min(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_min``: minimum over ``axis`` (an empty axis gives +inf / the dtype's max)."""
    try:
        a = storage_of(input_tensor)
    except CompositeArgumentError as error:
        return dispatch(reduce_min, (input_tensor, axis, keepdims, name), {}, error)
    check_dtype(a, _MAX_ALLOWED, "Min")
    return wrap(_reduce(a, axis, keepdims, "Min", _min))


@tf_export("math.reduce_prod", "reduce_prod")
def reduce_prod(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_prod``: product over ``axis`` (integers keep their dtype)."""
    try:
        a = storage_of(input_tensor)
    except CompositeArgumentError as error:
        return dispatch(reduce_prod, (input_tensor, axis, keepdims, name), {}, error)
    check_dtype(a, _SUM_ALLOWED, "Prod")
    return wrap(_reduce(a, axis, keepdims, "Prod", _prod))


def _bool_reduce(input_tensor, axis, keepdims, op, fn):
    """``op`` (``All``/``Any``) of a bool tensor over ``axis``; other dtypes raise TF's error."""
    a = bool_storage(input_tensor)
    if a.dtype is not torch.bool:
        raise input_dtype_error(op, 0, "bool", a)
    return wrap(_reduce(a, axis, keepdims, op, fn))


@tf_export("math.reduce_all", "reduce_all")
def reduce_all(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_all``: logical AND over ``axis`` of a bool tensor."""
    try:
        return _bool_reduce(input_tensor, axis, keepdims, "All", _all)
    except CompositeArgumentError as error:
        return dispatch(reduce_all, (input_tensor, axis, keepdims, name), {}, error)


@tf_export("math.reduce_any", "reduce_any")
def reduce_any(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_any``: logical OR over ``axis`` of a bool tensor."""
    try:
        return _bool_reduce(input_tensor, axis, keepdims, "Any", _any)
    except CompositeArgumentError as error:
        return dispatch(reduce_any, (input_tensor, axis, keepdims, name), {}, error)


@tf_export("math.reduce_logsumexp", "reduce_logsumexp")
def reduce_logsumexp(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.reduce_logsumexp``: ``log(sum(exp(x)))`` over ``axis``, computed stably (floats
    only)."""
    try:
        a = storage_of(input_tensor)
    except CompositeArgumentError as error:
        return dispatch(reduce_logsumexp, (input_tensor, axis, keepdims, name), {}, error)
    check_dtype(a, _MAX_ALLOWED, "Max")
    check_dtype(a, _FLOAT_ALLOWED, "IsFinite")
    return wrap(_reduce(a, axis, keepdims, "Max", _logsumexp))


def _moments_input(input_tensor):
    a = storage_of(input_tensor)
    if a.dtype in _SUM_ALLOWED and not (a.dtype in _FLOATS or a.dtype.is_complex):
        raise TypeError(
            "Input must be either real or complex. Received integer type %s." % dtype_of(a)
        )
    check_dtype(a, _SUM_ALLOWED, "Mean")
    return a


@tf_export("math.reduce_variance")
def reduce_variance(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_variance``: population variance (``ddof=0``) over ``axis``; float or complex
    input only (integers raise ``TypeError``, as TF); complex input gives a real result."""
    try:
        a = _moments_input(input_tensor)
    except CompositeArgumentError as error:
        return dispatch(reduce_variance, (input_tensor, axis, keepdims, name), {}, error)
    return wrap(_reduce(a, axis, keepdims, "Mean", _variance, _zeros_real))


@tf_export("math.reduce_std")
def reduce_std(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_std``: population standard deviation (``ddof=0``) over ``axis``."""
    try:
        a = _moments_input(input_tensor)
    except CompositeArgumentError as error:
        return dispatch(reduce_std, (input_tensor, axis, keepdims, name), {}, error)
    return wrap(_reduce(a, axis, keepdims, "Mean", _std, _zeros_real))


def _euclidean(a, dims, keepdim):
    if a.dtype in _FLOATS:
        return torch.linalg.vector_norm(a, 2, dims, keepdim)
    if a.is_complex():
        return torch.linalg.vector_norm(a, 2, dims, keepdim).to(a.dtype)
    total = torch.sum(a * a, dims, keepdim, dtype=a.dtype)
    return torch.sqrt(total.to(torch.float64)).to(a.dtype)


@tf_export("math.reduce_euclidean_norm")
def reduce_euclidean_norm(input_tensor, axis=None, keepdims=False, name=None):
    """``tf.math.reduce_euclidean_norm``: ``sqrt(sum(|x| ** 2))`` over ``axis``; the result keeps
    the input's dtype (integers square and sum in their own dtype, then truncate, as TF)."""
    a = storage_of(input_tensor)
    check_dtype(a, _EUCLIDEAN_ALLOWED, "EuclideanNorm")
    return wrap(
        _reduce(
            a,
            axis,
            keepdims,
            "EuclideanNorm",
            _euclidean,
            torch.abs if not a.is_complex() else lambda v: torch.abs(v).to(v.dtype),
        )
    )


@tf_export("math.count_nonzero")
def count_nonzero(input, axis=None, keepdims=None, dtype=dtypes.int64, name=None):  # noqa: A002 - TF's name
    """``tf.math.count_nonzero``: the number of non-zero elements over ``axis`` (int64 by
    default)."""
    a = storage_of(input)
    if isinstance(a, np.ndarray):
        mask = torch.from_numpy(np.asarray(a != b"", dtype=bool))
    else:
        mask = (a != 0) if a.dtype is not torch.bool else a
    counts = _reduce(mask.to(torch.int64), axis, keepdims, "Sum", _sum)
    return wrap(counts.to(dtypes.as_dtype(dtype).torch_dtype))


_INDEX_TYPES = {"ArgMax": ("INT16", "UINT16", "INT32", "INT64"), "ArgMin": ("INT32", "INT64")}


def single_axis(axis, scan=None):
    """TF's scalar ``axis`` argument (int, bool, or integer scalar tensor) as an int.  ``scan``:
    the scan op (``Cumsum`` ...) whose errors a float (conversion ``TypeError``), string, list or
    float tensor gets, as TF reports them."""
    if isinstance(axis, (int, np.integer, np.bool_)):
        return int(axis)
    if isinstance(axis, float) and scan is not None:
        raise cannot_convert(axis, dtypes.int32)
    if scan is not None:
        if isinstance(axis, np.floating):  # NumPy values are cast to the int32 input
            return int(np.int32(axis))
        if isinstance(axis, str):
            raise attr_error(scan, dtypes.string, "Tidx")
        if isinstance(axis, (list, tuple)):
            converted = hinted_dtype(list(axis), dtypes.int32) if axis else dtypes.int32
            if not converted.is_integer:
                raise attr_error(scan, converted, "Tidx")
            raise op_error(
                scan, "ScanOp: axis must be a scalar, not [%d]" % len(axis), None, name=None
            )
        if isinstance(axis, TensorOperators) and axis._value.dtype not in (
            torch.int32,
            torch.int64,
        ):
            raise attr_error(scan, axis._value, "Tidx")
        if isinstance(axis, np.ndarray) and axis.ndim and axis.dtype.kind in "biuf":
            # NumPy values are cast to the int32 input, then the kernel wants a scalar
            text = "ScanOp: axis must be a scalar, not %s" % dims_text(axis.shape)
            raise op_error(scan, text, None, name="")
    if (
        isinstance(axis, TensorOperators)
        and axis._value.dtype in (torch.int32, torch.int64)
        and axis._value.ndim == 0
    ):
        return int(axis._value)
    raise TypeError("axis must be int or Tensor with integer datatype")


_ARGMAX_AXIS_DTYPES = frozenset(
    (dtypes.int8, dtypes.uint8, dtypes.int16, dtypes.uint16, dtypes.int32, dtypes.int64)
)


def arg_axis(opname, axis):
    """TF's reading of an arg-reduction's ``axis`` before its kernel: ``tf.math.argmax`` checks
    it in Python (a value with a ``dtype`` must have a TF integer one, so NumPy values never
    pass; other than an int is a ``TypeError``); ``tf.math.argmin`` converts it to its int32
    ``Tidx`` input (NumPy values are cast, a Python float or text is the attr error)."""
    if axis is None or type(axis) is int:
        return axis
    if opname == "ArgMax":
        if hasattr(axis, "dtype"):
            if not isinstance(axis, TensorOperators) or axis.dtype not in _ARGMAX_AXIS_DTYPES:
                raise TypeError("axis tensor dtypes %s is not supported" % (axis.dtype,))
            if axis.dtype not in (dtypes.int32, dtypes.int64):
                return wrap(axis._value.to(torch.int32))
        elif not isinstance(axis, int):
            raise TypeError("axis must be int or Tensor with integer datatype")
        return axis
    if isinstance(axis, float):
        raise attr_error(opname, dtypes.float32, "Tidx")
    if isinstance(axis, (str, bytes)):
        raise attr_error(opname, dtypes.string, "Tidx")
    if isinstance(axis, (list, tuple)) and axis:
        converted = hinted_dtype(list(axis), dtypes.int32)
        if not converted.is_integer:
            raise attr_error(opname, converted, "Tidx")
    if isinstance(axis, (np.ndarray, np.generic)) and axis.dtype.kind in "biuf" and not axis.ndim:
        return int(np.asarray(axis).astype(np.int32))
    if isinstance(axis, np.ndarray) and axis.dtype.kind in "biuf":
        text = "dim must be a scalar, but received tensor of shape: %s" % dims_text(axis.shape)
        raise op_error(opname, text, None, name="")
    return axis


def _arg_reduce(fn, opname, input, axis, output_type):
    a = storage_of(input)
    axis = arg_axis(opname, axis)
    check_dtype(a, _ARG_ALLOWED, opname)
    out = dtypes.as_dtype(output_type)
    if out.name.upper() not in _INDEX_TYPES[opname]:
        raise attr_error(opname, out, attr="output_type", allowed=_INDEX_TYPES[opname])
    if opname == "ArgMin" and isinstance(axis, (list, tuple)):
        raise op_error(
            opname, "dim must be a scalar, but received tensor of shape: [%d]" % len(axis), a
        )
    if (
        isinstance(axis, TensorOperators)
        and axis._value.dtype not in (torch.int32, torch.int64)
        and not isinstance(axis._value, np.ndarray)
    ):
        if opname == "ArgMax":  # tf.math.argmax checks the axis dtype in Python first
            raise TypeError("axis tensor dtypes %s is not supported" % (axis.dtype,))
        raise attr_error(opname, axis._value, "Tidx")
    dim = 0 if axis is None else single_axis(axis)
    ndim = a.ndim
    if not -ndim <= dim < ndim:
        raise op_error(
            opname, "Expected dimension in the range [%d, %d), but got %d" % (-ndim, ndim, dim), a
        )
    if a.shape[dim] == 0:
        raise op_error(
            opname, "Reduction axis %d is empty in shape %s" % (dim % ndim, dims_text(a.shape)), a
        )
    if a.dtype is torch.bool:
        a = a.to(torch.uint8)
    elif a.is_floating_point():  # TF's kernel compares with > / <: a NaN is never chosen
        a = torch.where(torch.isnan(a), -math.inf if opname == "ArgMax" else math.inf, a)
    result = fn(a, dim)
    return wrap(result if out is dtypes.int64 else result.to(out.torch_dtype))


@tf_export("math.argmax", "argmax")
def argmax(input, axis=None, output_type=dtypes.int64, name=None):  # noqa: A002
    """``tf.math.argmax``: index of the largest value along ``axis`` (default 0), int64 unless
    ``output_type`` says otherwise; ties give the first index."""
    return _arg_reduce(torch.argmax, "ArgMax", input, axis, output_type)


@tf_export("math.argmin", "argmin")
def argmin(input, axis=None, output_type=dtypes.int64, name=None):  # noqa: A002
    """``tf.math.argmin``: index of the smallest value along ``axis`` (default 0), int64 by
    default."""
    return _arg_reduce(torch.argmin, "ArgMin", input, axis, output_type)


TopKV2 = collections.namedtuple("TopKV2", ["values", "indices"])
TopKV2.__doc__ = "The ``(values, indices)`` result of :func:`top_k`, named as TF names it."


@tf_export("math.top_k", "nn.top_k")
def top_k(input, k=1, sorted=True, index_type=dtypes.int32, name=None):  # noqa: A002
    """``tf.math.top_k``: the ``k`` largest entries along the last axis and their int32 indices;
    equal values keep their index order.  Results are always sorted (TF's unsorted order is
    unspecified)."""
    a = storage_of(input)
    check_dtype(a, _TOPK_ALLOWED, "TopKV2")
    bool_attr(sorted, "sorted", True)
    k = scalar_int_input(k, "TopKV2", "Tk", "k")
    if a.ndim == 0:
        raise op_error("TopKV2", "input must be >= 1-D, got shape []", a)
    if k < 0:
        raise op_error("TopKV2", "Need k >= 0, got %d" % k, a)
    if k > a.shape[-1]:
        raise op_error(
            "TopKV2", "input must have at least k columns. Had %d, needed %d" % (a.shape[-1], k), a
        )
    if k == 1 and a.is_floating_point():  # TF's k=1 kernel scans with >: a NaN never wins
        indices = torch.sort(
            torch.where(torch.isnan(a), -math.inf, a), dim=-1, descending=True, stable=True
        ).indices
        values = torch.gather(a, -1, indices)
    elif k == a.shape[-1] and a.is_floating_point():  # the whole row: TF's std::sort order
        values, indices = sort_with_indices(a, -1, True)
    else:
        values, indices = torch.sort(a, dim=-1, descending=True, stable=True)
    return TopKV2(
        wrap(values[..., :k]), wrap(indices[..., :k].to(dtypes.as_dtype(index_type).torch_dtype))
    )


@tf_export("math.zero_fraction", "nn.zero_fraction")
def zero_fraction(value, name=None):
    """``tf.math.zero_fraction``: the fraction of zero elements (of empty strings for a string
    tensor), as float32."""
    a = storage_of(value)
    if isinstance(a, np.ndarray):
        empty = sum(item == b"" for item in a.flat)
        return wrap(torch.tensor(empty / a.size if a.size else math.nan, dtype=torch.float32))
    return wrap(torch.mean((a == 0).to(torch.float32)))
