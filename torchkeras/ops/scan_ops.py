"""Scans along one axis: ``tf.math.cumsum``, ``cumprod`` and ``cumulative_logsumexp``."""

from __future__ import annotations

import numpy as np
import torch

from ..framework.tensor import wrap
from .reduction_ops import single_axis
from ..framework.op_errors import allowed_dtypes, check_dtype, op_error
from ._args import storage_of
from ..api_export import tf_export

_SUM_ALLOWED = allowed_dtypes("Sum")
_FLOAT_ALLOWED = allowed_dtypes("IsFinite")


def _scan(fn, opname, x, axis, exclusive, reverse, identity):
    for argument, value in (("exclusive", exclusive), ("reverse", reverse)):
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError("Expected bool for argument '%s' not %r." % (argument, value))
    a = storage_of(x)
    check_dtype(a, _SUM_ALLOWED, opname)
    dim = single_axis(axis, opname)
    ndim = a.ndim
    if not -ndim <= dim < ndim:
        # TF's kernel moves a negative axis by the rank once before it reports it
        shown = dim + ndim if dim < 0 else dim
        raise op_error(
            opname,
            "ScanOp: Expected scan axis in the range [%d, %d), but got %d" % (-ndim, ndim, shown),
            a,
        )
    if reverse:
        a = a.flip(dim)
    result = fn(a, dim, dtype=a.dtype)
    size = a.shape[dim]
    if exclusive and size:
        first = torch.full_like(result.narrow(dim, 0, 1), identity)
        result = torch.cat([first, result.narrow(dim, 0, size - 1)], dim)
    if reverse:
        result = result.flip(dim)
    return wrap(result)


@tf_export("math.cumsum", "cumsum")
def cumsum(x, axis=0, exclusive=False, reverse=False, name=None):
    """``tf.math.cumsum``: running sum along ``axis``; ``exclusive`` starts from 0, ``reverse``
    runs backwards."""
    return _scan(torch.cumsum, "Cumsum", x, axis, exclusive, reverse, 0)


@tf_export("math.cumprod")
def cumprod(x, axis=0, exclusive=False, reverse=False, name=None):
    """``tf.math.cumprod``: running product along ``axis``; ``exclusive`` starts from 1."""
    return _scan(torch.cumprod, "Cumprod", x, axis, exclusive, reverse, 1)


@tf_export("math.cumulative_logsumexp")
def cumulative_logsumexp(x, axis=0, exclusive=False, reverse=False, name=None):
    """``tf.math.cumulative_logsumexp``: running ``log(sum(exp(x)))`` along ``axis`` (floats);
    ``exclusive`` starts from ``-inf``."""
    a = storage_of(x)
    check_dtype(a, _FLOAT_ALLOWED, "CumulativeLogsumexp")
    return _scan(
        lambda v, d, dtype: torch.logcumsumexp(v, d),
        "CumulativeLogsumexp",
        x,
        axis,
        exclusive,
        reverse,
        -float("inf"),
    )
