"""Norms: ``tf.norm`` (vector and matrix) and ``tf.math.l2_normalize``."""

from __future__ import annotations

import numpy as np
import torch

from ..framework.tensor import TensorOperators, wrap
from .reduction_ops import _reduce, _sum
from ..framework.op_errors import allowed_dtypes, cannot_convert, check_dtype, dtype_of
from ._args import converted_like, reduction_dims, storage_of
from ..api_export import tf_export

_SQRT_ALLOWED = allowed_dtypes("Sqrt")
_SQUARE_ALLOWED = allowed_dtypes("Square")

_INTEGER_NORM_ALLOWED = frozenset((torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8))
_MATRIX_NORMS = ("euclidean", "fro", 1, 2, np.inf)


def _norm_axis(axis):
    if axis is None or isinstance(axis, (int, np.integer)):
        return int(axis) if isinstance(axis, bool) else axis  # TF takes a bool as the int
    if (
        isinstance(axis, (list, tuple))
        and len(axis) == 2
        and all(isinstance(v, (int, np.integer)) for v in axis)
        and axis[0] != axis[1]
    ):
        return tuple(int(v) for v in axis)
    shown = np.asarray(axis) if isinstance(axis, TensorOperators) else axis
    raise ValueError(
        "'axis' must be None, an integer, or a tuple of 2 unique integers, got %s" % (shown,)
    )


def _integer_norm(a, ord, dims, keepdim, matrix):
    """TF's norms of integer tensors: only the sums and maxima of ``|x|`` (ord 1 and inf) have
    kernels."""
    magnitude = torch.abs(a)
    if not matrix:
        return (
            torch.sum(magnitude, dims, keepdim, dtype=a.dtype)
            if ord == 1
            else torch.amax(magnitude, dims, keepdim)
        )
    inner, outer = (dims[0], dims[1]) if ord == 1 else (dims[1], dims[0])
    result = torch.amax(torch.sum(magnitude, inner, True, dtype=a.dtype), outer, True)
    return result if keepdim else result.squeeze(dims)


@tf_export("norm", "linalg.norm")
def norm(tensor, ord="euclidean", axis=None, keepdims=None, name=None):  # noqa: A002 - TF's name
    """``tf.norm``: vector norm (``axis`` None or an int; ``ord`` 'euclidean' or a positive p,
    including ``np.inf``) or matrix norm (``axis`` a pair; ``ord`` 'fro'/'euclidean', 1, 2,
    ``np.inf``).  Float and complex input; the result has the input's dtype, as in TF."""
    a = storage_of(tensor)
    if isinstance(a, np.ndarray) or a.dtype is torch.bool:
        raise TypeError("Expected numeric or variant tensor, got dtype %r." % dtype_of(a))
    axis = _norm_axis(axis)
    keepdim = bool(keepdims)
    if isinstance(axis, tuple):
        if isinstance(ord, bool) or ord not in _MATRIX_NORMS:
            raise ValueError(
                "'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got %s"
                % (ord,)
            )
        dims = reduction_dims(list(axis), a, "Sum")
        if a.dtype in _INTEGER_NORM_ALLOWED and ord in (1, np.inf):
            return wrap(_integer_norm(a, ord, dims, keepdim, True))
        check_dtype(a, _SQRT_ALLOWED, "Svd" if ord == 2 else "Sqrt")
        return wrap(
            _same_kind(
                torch.linalg.matrix_norm(
                    a, "fro" if ord in ("euclidean", "fro") else ord, dims, keepdim
                ),
                a,
            )
        )
    if not (
        ord == "euclidean"
        or isinstance(ord, (int, float, np.number))
        and not isinstance(ord, bool)
        and ord > 0
    ):
        raise ValueError("'ord' must be a supported vector norm, got %s" % (ord,))
    dims = tuple(range(a.ndim)) if axis is None else reduction_dims(axis, a, "Sum")
    if a.dtype in _INTEGER_NORM_ALLOWED and ord in (1, np.inf):
        return wrap(_integer_norm(a, ord, dims, keepdim, False))
    if a.dtype in _INTEGER_NORM_ALLOWED and ord != "euclidean" and ord != 2:
        raise cannot_convert(1.0 / ord, a)
    check_dtype(a, _SQRT_ALLOWED, "Sqrt")
    p = 2 if ord == "euclidean" else float(ord)
    return wrap(_same_kind(torch.linalg.vector_norm(a, p, dims, keepdim), a))


def _same_kind(result, a):
    """TF's norms of complex tensors keep the complex dtype (with a zero imaginary part)."""
    return result.to(a.dtype) if a.is_complex() else result


@tf_export("math.l2_normalize", "linalg.l2_normalize", "nn.l2_normalize")
def l2_normalize(x, axis=None, epsilon=1e-12, name=None, dim=None):
    """``tf.math.l2_normalize``: ``x / sqrt(max(sum(x ** 2, axis), epsilon))`` over ``axis``
    (all axes when None; ``dim`` is its deprecated alias); ``epsilon`` converts to ``x``'s dtype."""
    a = storage_of(x)
    axis = dim if axis is None else axis
    check_dtype(a, _SQUARE_ALLOWED, "Square")
    floor_ = converted_like(epsilon, a)
    check_dtype(a, _SQRT_ALLOWED, "Rsqrt")
    magnitude = torch.square(torch.abs(a)) if a.is_complex() else torch.square(a)
    total = _reduce(magnitude, axis, True, "Sum", _sum)
    return wrap(a * torch.rsqrt(torch.maximum(total, floor_.to(total.dtype))))
