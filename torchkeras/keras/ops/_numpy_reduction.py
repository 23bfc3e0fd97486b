"""``keras.ops`` reductions and scans (sum, mean, max, argmax, cumsum, ...) with Keras'
result dtypes (``sum`` of int8/bool gives int32, ``mean`` of ints gives float32, ...)."""

import math

import torch

from ...framework import errors
from ...framework.op_errors import broadcast_shapes as _broadcast_shapes
from ...framework.op_errors import dims_text as _dims_text, op_error as _op_error
from ...ops._args import axis_arg, checked_axis_arg
from ...ops.reduction_ops import arg_axis, single_axis
from ._base import TORCH, float_of, storage, wrap
from ._dtypes import NAME, result_type
from ...api_export import keras_export

__all__ = [
    "sum",
    "mean",
    "max",
    "min",
    "amax",
    "amin",
    "prod",
    "all",
    "any",
    "std",
    "var",
    "average",
    "argmax",
    "argmin",
    "cumsum",
    "cumprod",
    "count_nonzero",
]

_WIDEN = {
    torch.bool: torch.int32,
    torch.int8: torch.int32,
    torch.int16: torch.int32,
    torch.uint8: torch.uint32,
    torch.uint16: torch.uint32,
}


_REDUCTION_OPS = {
    torch.sum: "Sum",
    torch.mean: "Mean",
    torch.prod: "Prod",
    torch.amax: "Max",
    torch.amin: "Min",
    torch.any: "Any",
    torch.all: "All",
}
"""TF's op for each torch reduction, named in the error for a float in an axis tuple."""


def _reduce(fn, x, axis, keepdims, **kwargs):
    """``fn`` over ``axis``, checked as TF's reduction checks it."""
    dims = checked_axis_arg(axis, x, _REDUCTION_OPS.get(fn, "Sum"))
    return _reduce_dims(fn, x, dims, keepdims, **kwargs)


def _reduce_dims(fn, x, dims, keepdims, **kwargs):
    """``fn`` over ``dims`` already checked (``None``: all, ``()``: none)."""
    if dims is None:
        out = fn(x, **kwargs)
        if keepdims:
            out = out.reshape((1,) * x.dim())
        return out
    if dims == ():
        return x.to(kwargs.get("dtype", x.dtype), copy=True)
    return fn(x, dim=dims, keepdim=keepdims, **kwargs)


@keras_export("keras.ops.sum", "keras.ops.numpy.sum")
def sum(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    """Sum over ``axis``; bool/int8/int16 accumulate in int32, uint8/uint16 in uint32."""
    x = storage(x)
    target = _WIDEN.get(x.dtype, x.dtype)
    if target is torch.uint32 or target is torch.uint64:
        return wrap(_reduce(torch.sum, x, axis, keepdims, dtype=torch.int64).to(target))
    return wrap(_reduce(torch.sum, x, axis, keepdims, dtype=target))


@keras_export("keras.ops.prod", "keras.ops.numpy.prod")
def prod(x, axis=None, keepdims=False, dtype=None):
    """Product over ``axis``; without ``dtype`` bool/int8/int16 become int32 and
    uint8/uint16 uint32.  Keras' TF backend ignores a given ``dtype`` (the input's is
    kept), and so does this."""
    x = storage(x)
    if dtype is None:
        x = x.to(_WIDEN.get(x.dtype, x.dtype))
    if x.dtype in (torch.uint32, torch.uint64):
        return wrap(prod(x.to(torch.int64), axis, keepdims)._value.to(x.dtype))
    axis = checked_axis_arg(axis, x, "Prod")
    if axis is None or isinstance(axis, int):
        return wrap(_reduce_dims(torch.prod, x, axis, keepdims, dtype=x.dtype))
    out = x
    for a in sorted((a % x.dim() for a in axis), reverse=True):
        out = torch.prod(out, dim=a, keepdim=keepdims)
    return wrap(out)


@keras_export("keras.ops.mean", "keras.ops.numpy.mean")
def mean(x, axis=None, keepdims=False):
    """Mean over ``axis``; integers/bool give ``result_type(x, float32)``, float16 is
    accumulated in float32 and cast back."""
    x = storage(x)
    if x.dtype is torch.float32 or x.dtype is torch.float64:
        return wrap(_reduce(torch.mean, x, axis, keepdims))
    compute = TORCH[result_type(NAME[x.dtype], "float32")]
    out = _reduce(torch.mean, x.to(compute), axis, keepdims)
    return wrap(out if not x.is_floating_point() else out.to(x.dtype))


def _extreme(x, axis, keepdims, initial, reducer, pick, logical, what):
    x = storage(x)
    axis = checked_axis_arg(axis, x, what.capitalize())
    if initial is None and x.numel() == 0:
        raise errors.InvalidArgumentError(
            None,
            None,
            "Cannot compute the %s of an empty tensor.\nCondition x > y did not hold.\n"
            "First 1 elements of x:\n[0]\nFirst 1 elements of y:\n[0]" % what,
        )
    if x.dtype is torch.bool:
        out = _reduce_dims(logical, x, axis, keepdims)
        if initial is not None:
            out = pick(
                out.to(torch.int32), torch.tensor(int(initial), dtype=torch.int32, device=x.device)
            )
            out = out.to(torch.bool)
        return wrap(out)
    out = _reduce_dims(reducer, x, axis, keepdims)
    if initial is not None:
        out = pick(out, torch.as_tensor(initial, dtype=out.dtype, device=out.device))
    return wrap(out)


@keras_export("keras.ops.max", "keras.ops.numpy.max")
def max(x, axis=None, keepdims=False, initial=None):  # noqa: A001 - Keras' name
    """Maximum over ``axis`` (bool: any), at least ``initial``; an empty input without
    ``initial`` raises ``InvalidArgumentError``."""
    return _extreme(x, axis, keepdims, initial, torch.amax, torch.maximum, torch.any, "max")


@keras_export("keras.ops.min", "keras.ops.numpy.min")
def min(x, axis=None, keepdims=False, initial=None):  # noqa: A001 - Keras' name
    """Minimum over ``axis`` (bool: all), at most ``initial``."""
    return _extreme(x, axis, keepdims, initial, torch.amin, torch.minimum, torch.all, "min")


@keras_export("keras.ops.amax", "keras.ops.numpy.amax")
def amax(x, axis=None, keepdims=False):
    """Alias of :func:`max` without ``initial``."""
    return max(x, axis=axis, keepdims=keepdims)


@keras_export("keras.ops.amin", "keras.ops.numpy.amin")
def amin(x, axis=None, keepdims=False):
    """Alias of :func:`min` without ``initial``."""
    return min(x, axis=axis, keepdims=keepdims)


def _truth(x):
    x = storage(x)
    return x if x.dtype is torch.bool else x.to(torch.bool)


@keras_export("keras.ops.all", "keras.ops.numpy.all")
def all(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    """True where every element along ``axis`` is truthy."""
    return wrap(_reduce(torch.all, _truth(x), axis, keepdims))


@keras_export("keras.ops.any", "keras.ops.numpy.any")
def any(x, axis=None, keepdims=False):  # noqa: A001 - Keras' name
    """True where some element along ``axis`` is truthy."""
    return wrap(_reduce(torch.any, _truth(x), axis, keepdims))


@keras_export("keras.ops.var", "keras.ops.numpy.var")
def var(x, axis=None, keepdims=False):
    """Population variance (``ddof=0``), computed in ``result_type(x, float32)``, returned
    in ``result_type(x, float)``."""
    x = storage(x)
    name = NAME[x.dtype]
    compute = TORCH[result_type(name, "float32")]
    dims = checked_axis_arg(axis, x, "Mean")
    out = (
        _reduce_dims(torch.var, x.to(compute), dims, keepdims, correction=0)
        if dims != ()
        else torch.zeros_like(x, dtype=compute)
    )
    return wrap(out.to(TORCH[result_type(name, float)]))


@keras_export("keras.ops.std", "keras.ops.numpy.std")
def std(x, axis=None, keepdims=False):
    """Population standard deviation; integer/bool inputs become floatx."""
    x = float_of(storage(x))
    dims = checked_axis_arg(axis, x, "Mean")
    if dims == ():
        return wrap(torch.zeros_like(x))
    return wrap(_reduce_dims(torch.std, x, dims, keepdims, correction=0))


@keras_export("keras.ops.average", "keras.ops.numpy.average")
def average(x, axis=None, weights=None):
    """Weighted mean along ``axis``; ``weights`` has ``x``'s shape or is 1-D along ``axis``.
    Computed in ``result_type(x, weights, float)``; weights that do not fit get the errors of
    Keras' TF backend (``Mul``'s broadcast error, ``MatMul``'s for 1-D weights)."""
    x = storage(x)
    if weights is None:
        return wrap(
            _reduce(torch.mean, x.to(TORCH[result_type(NAME[x.dtype], float)]), axis, False)
        )
    w = storage(weights)
    target = TORCH[result_type(NAME[x.dtype], NAME[w.dtype], float)]
    x, w = x.to(target), w.to(target)
    if axis is None or w.dim() == x.dim():
        _broadcast_shapes("Mul", x.shape, w.shape, x)
    elif w.dim() == 1 and w.shape[0] != x.shape[axis]:
        # Keras' TF backend contracts with tf.tensordot: MatMul of the reshaped operands
        text = "Matrix size-incompatible: In[0]: [%d,%d], In[1]: [%d,1]" % (
            x.numel() // x.shape[axis] if x.shape[axis] else 0,
            x.shape[axis],
            w.shape[0],
        )
        raise _op_error("MatMul", text, x, kernel="_MklMatMul")
    if axis is None:
        return wrap(torch.sum(x * w) / torch.sum(w))
    if w.dim() == x.dim():
        return wrap(torch.sum(x * w, dim=axis) / torch.sum(w, dim=axis))
    return wrap(torch.tensordot(x, w, dims=([axis], [0])) / torch.sum(w))


def _empty_arg(x, axis, opname):
    """TF's error for an arg-reduction over an empty axis (Keras flattens for ``axis=None``)."""
    shape = (x.numel(),) if axis is None else tuple(x.shape)
    dim = 0 if axis is None else axis % (len(shape) or 1)
    if shape and shape[dim] == 0:
        text = "Reduction axis %d is empty in shape %s" % (dim, _dims_text(shape))
        raise _op_error(opname, text, name=None)


def _arg(fn, x, axis, keepdims, opname):
    x = storage(x)
    axis = arg_axis(opname, axis)
    if isinstance(axis, (list, tuple)):
        raise _op_error(
            opname, "dim must be a scalar, but received tensor of shape: [%d]" % len(axis), x
        )
    if axis is not None:
        axis = int(axis)
    if x.dtype is torch.bool:
        x = x.to(torch.uint8)
    elif x.is_floating_point() and x.dim():
        x = x.to(TORCH[result_type(NAME[x.dtype], "float32")])
        x = torch.where((x == 0) & torch.signbit(x), -torch.finfo(x.dtype).tiny, x)
        # TF's kernel never picks a NaN over a number: rank NaN last
        x = torch.where(torch.isnan(x), -math.inf if opname == "ArgMax" else math.inf, x)
    if x.numel() == 0:
        _empty_arg(x, axis, opname)
    if axis is None:
        out = fn(x.reshape(-1))
        if keepdims:
            out = out.reshape((1,) * x.dim())
    else:
        out = fn(x, dim=axis, keepdim=keepdims)
    return wrap(out.to(torch.int32))


@keras_export("keras.ops.argmax", "keras.ops.numpy.argmax")
def argmax(x, axis=None, keepdims=False):
    """Index (int32) of the first maximum along ``axis`` (flattened when ``None``); like
    Keras, ``-0.0`` ranks below ``0.0``."""
    return _arg(torch.argmax, x, axis, keepdims, "ArgMax")


@keras_export("keras.ops.argmin", "keras.ops.numpy.argmin")
def argmin(x, axis=None, keepdims=False):
    """Index (int32) of the first minimum along ``axis`` (flattened when ``None``); like
    Keras, ``-0.0`` ranks below ``0.0``."""
    return _arg(torch.argmin, x, axis, keepdims, "ArgMin")


_SCANS = {torch.cumsum: "Cumsum", torch.cumprod: "Cumprod"}


def _scan(fn, x, axis, dtype):
    x = storage(x, dtype)
    if x.dtype is torch.bool:
        x = x.to(torch.int32)
    if axis is None:
        x = x.reshape(-1)
        axis = 0
    else:
        axis = single_axis(axis, _SCANS[fn])
    return wrap(fn(x, dim=axis, dtype=x.dtype))


@keras_export("keras.ops.cumsum", "keras.ops.numpy.cumsum")
def cumsum(x, axis=None, dtype=None):
    """Running sum along ``axis`` (flattened when ``None``); dtype kept (bool -> int32)."""
    return _scan(torch.cumsum, x, axis, dtype)


@keras_export("keras.ops.cumprod", "keras.ops.numpy.cumprod")
def cumprod(x, axis=None, dtype=None):
    """Running product along ``axis`` (flattened when ``None``); dtype kept (bool -> int32)."""
    return _scan(torch.cumprod, x, axis, dtype)


@keras_export("keras.ops.count_nonzero", "keras.ops.numpy.count_nonzero")
def count_nonzero(x, axis=None):
    """Number of non-zero elements along ``axis`` (int32)."""
    x = storage(x)
    if axis is None:
        return wrap(torch.count_nonzero(x).to(torch.int32))
    return wrap(torch.count_nonzero(x, dim=axis_arg(axis, "Sum")).to(torch.int32))
