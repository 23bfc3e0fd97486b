"""``keras.ops`` element-wise ops (math, arithmetic, comparison, logic) with Keras'
dtype rules: binary ops promote by ``keras.backend.result_type`` (Python scalars weak),
transcendental ops turn integer/bool inputs into floatx."""

import math

import numpy as np
import torch

from ...framework.op_errors import allowed_dtypes, attr_error, no_kernel
from ...ops.elementwise_ops import sign as _tf_sign
from ...ops import elementwise_ops as _tf_elementwise
from ._base import float_of, promoted, promoted_scalar, storage, unaliased, wrap
from ...api_export import keras_export, export_value

__all__ = [
    "abs",
    "absolute",
    "add",
    "subtract",
    "multiply",
    "divide",
    "true_divide",
    "floor_divide",
    "mod",
    "power",
    "maximum",
    "minimum",
    "negative",
    "sign",
    "square",
    "sqrt",
    "exp",
    "expm1",
    "log",
    "log1p",
    "log2",
    "log10",
    "sin",
    "cos",
    "tan",
    "tanh",
    "sinh",
    "cosh",
    "arcsin",
    "arccos",
    "arctan",
    "arctan2",
    "arcsinh",
    "arccosh",
    "arctanh",
    "floor",
    "ceil",
    "round",
    "reciprocal",
    "clip",
    "equal",
    "not_equal",
    "greater",
    "greater_equal",
    "less",
    "less_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
    "logical_not",
    "isnan",
    "isinf",
    "isfinite",
    "where",
]

_builtin_abs = abs
_BOOL = torch.bool
_UNSIGNED = (torch.uint8, torch.uint16, torch.uint32, torch.uint64)
_FLOATING = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))


def _no_bool(a, kernel):
    """``a`` unless it is bool, which TF kernel ``kernel`` (Keras' TF backend's op for the
    promoted operands) refuses."""
    if a.dtype is _BOOL:
        raise attr_error(kernel, a)
    return a


@keras_export("keras.ops.absolute", "keras.ops.numpy.absolute")
def absolute(x):
    """``|x|``; unsigned and bool tensors come back unchanged (dtype kept)."""
    x = unaliased(x)
    if x.dtype is torch.bool or x.dtype in (torch.uint8, torch.uint16, torch.uint32, torch.uint64):
        return wrap(x)
    return wrap(torch.abs(x))


@keras_export("keras.ops.abs", "keras.ops.numpy.abs")
def abs(x):  # noqa: A001 - Keras' name
    """Alias of :func:`absolute`."""
    return absolute(x)


@keras_export("keras.ops.add", "keras.ops.numpy.add")
def add(x1, x2):
    """``x1 + x2`` in Keras' promoted dtype (``int32`` tensor + ``1.5`` -> float32)."""
    a, b = promoted_scalar(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "AddV2")
    return wrap(torch.add(a, b))


@keras_export("keras.ops.subtract", "keras.ops.numpy.subtract")
def subtract(x1, x2):
    """``x1 - x2`` in Keras' promoted dtype."""
    a, b = promoted_scalar(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "Sub")
    return wrap(torch.sub(a, b))


@keras_export("keras.ops.multiply", "keras.ops.numpy.multiply")
def multiply(x1, x2):
    """``x1 * x2`` in Keras' promoted dtype."""
    a, b = promoted_scalar(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "Mul")
    return wrap(torch.mul(a, b))


@keras_export("keras.ops.divide", "keras.ops.numpy.divide")
def divide(x1, x2):
    """True division in ``result_type(x1, x2, float)`` (integers give floatx)."""
    a, b = promoted_scalar(x1, x2, float)
    return wrap(torch.div(a, b))


@keras_export("keras.ops.true_divide", "keras.ops.numpy.true_divide")
def true_divide(x1, x2):
    """Alias of :func:`divide`."""
    return divide(x1, x2)


@keras_export("keras.ops.floor_divide", "keras.ops.numpy.floor_divide")
def floor_divide(x1, x2):
    """``x1 // x2`` (rounding toward -inf) in the promoted dtype."""
    a, b = promoted_scalar(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "FloorDiv")
    return wrap(torch.floor_divide(a, b))


@keras_export("keras.ops.mod", "keras.ops.numpy.mod")
def mod(x1, x2):
    """Floor modulo (sign of the divisor, as NumPy/TF ``floormod``); bool promotes to int32."""
    a, b = promoted(storage(x1), storage(x2))
    if a.dtype is torch.bool:
        a, b = a.to(torch.int32), b.to(torch.int32)
    return wrap(torch.remainder(a, b))


@keras_export("keras.ops.power", "keras.ops.numpy.power")
def power(x1, x2):
    """``x1 ** x2`` in the promoted dtype."""
    a, b = promoted_scalar(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "Pow")
    return wrap(torch.pow(a, b))


@keras_export("keras.ops.maximum", "keras.ops.numpy.maximum")
def maximum(x1, x2):
    """Element-wise maximum in the promoted dtype."""
    a, b = promoted(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "Maximum")
    return wrap(torch.maximum(a, b))


@keras_export("keras.ops.minimum", "keras.ops.numpy.minimum")
def minimum(x1, x2):
    """Element-wise minimum in the promoted dtype."""
    a, b = promoted(x1, x2)
    if a.dtype is _BOOL:
        _no_bool(a, "Minimum")
    return wrap(torch.minimum(a, b))


@keras_export("keras.ops.negative", "keras.ops.numpy.negative")
def negative(x):
    """``-x`` (dtype kept)."""
    return wrap(torch.neg(storage(x)))


@keras_export("keras.ops.sign", "keras.ops.numpy.sign")
def sign(x):
    """-1, 0 or 1 with ``x``'s dtype (``tf.sign``: NaN stays NaN); unsigned integers, which
    TF's ``Sign`` refuses, go through int32 as in Keras' TF backend."""
    x = storage(x)
    if x.dtype in _UNSIGNED:
        return wrap(torch.sign(x))
    return _tf_sign(x)


@keras_export("keras.ops.square", "keras.ops.numpy.square")
def square(x):
    """``x * x``; bool becomes int32."""
    x = storage(x)
    if x.dtype is torch.bool:
        x = x.to(torch.int32)
    return wrap(torch.square(x))


@keras_export("keras.ops.reciprocal", "keras.ops.numpy.reciprocal")
def reciprocal(x):
    """``1 / x`` (``tf.math.reciprocal``: float, complex and signed integer dtypes kept, the
    last without a CPU kernel; bool and unsigned raise TF's errors)."""
    x = storage(x)
    if x.dtype not in _FLOATING:
        if x.dtype not in _RECIPROCAL:
            raise attr_error("Reciprocal", x)
        if not x.is_complex():
            raise no_kernel("Reciprocal", x)
    return wrap(torch.reciprocal(x))


_RECIPROCAL = allowed_dtypes("Reciprocal")


def _float_unary(name, fn, doc):
    def op(x):
        return wrap(fn(float_of(storage(x))))

    op.__name__ = op.__qualname__ = name
    op.__doc__ = doc + " Integer and bool inputs are cast to floatx first; float dtypes are kept."
    return op


sqrt = _float_unary("sqrt", torch.sqrt, "Square root.")
export_value(sqrt, "keras.ops.sqrt", "keras.ops.numpy.sqrt")
exp = _float_unary("exp", torch.exp, "``e ** x``.")
export_value(exp, "keras.ops.exp", "keras.ops.numpy.exp")
expm1 = _float_unary("expm1", torch.expm1, "``exp(x) - 1``.")
export_value(expm1, "keras.ops.expm1", "keras.ops.numpy.expm1")
log = _float_unary("log", torch.log, "Natural logarithm.")
export_value(log, "keras.ops.log", "keras.ops.numpy.log")
log1p = _float_unary("log1p", torch.log1p, "``log(1 + x)``.")
export_value(log1p, "keras.ops.log1p", "keras.ops.numpy.log1p")
log2 = _float_unary("log2", torch.log2, "Base-2 logarithm.")
export_value(log2, "keras.ops.log2", "keras.ops.numpy.log2")
log10 = _float_unary("log10", torch.log10, "Base-10 logarithm.")
export_value(log10, "keras.ops.log10", "keras.ops.numpy.log10")
sin = _float_unary("sin", torch.sin, "Sine.")
export_value(sin, "keras.ops.sin", "keras.ops.numpy.sin")
cos = _float_unary("cos", torch.cos, "Cosine.")
export_value(cos, "keras.ops.cos", "keras.ops.numpy.cos")
tan = _float_unary("tan", torch.tan, "Tangent.")
export_value(tan, "keras.ops.tan", "keras.ops.numpy.tan")
tanh = _float_unary("tanh", torch.tanh, "Hyperbolic tangent.")
export_value(tanh, "keras.ops.tanh", "keras.ops.numpy.tanh")
sinh = _float_unary("sinh", torch.sinh, "Hyperbolic sine.")
export_value(sinh, "keras.ops.sinh", "keras.ops.numpy.sinh")
cosh = _float_unary("cosh", torch.cosh, "Hyperbolic cosine.")
export_value(cosh, "keras.ops.cosh", "keras.ops.numpy.cosh")
arcsin = _float_unary("arcsin", torch.asin, "Inverse sine.")
export_value(arcsin, "keras.ops.arcsin", "keras.ops.numpy.arcsin")
arccos = _float_unary("arccos", torch.acos, "Inverse cosine.")
export_value(arccos, "keras.ops.arccos", "keras.ops.numpy.arccos")
arctan = _float_unary("arctan", torch.atan, "Inverse tangent.")
export_value(arctan, "keras.ops.arctan", "keras.ops.numpy.arctan")
arcsinh = _float_unary("arcsinh", torch.asinh, "Inverse hyperbolic sine.")
export_value(arcsinh, "keras.ops.arcsinh", "keras.ops.numpy.arcsinh")
arccosh = _float_unary("arccosh", torch.acosh, "Inverse hyperbolic cosine.")
export_value(arccosh, "keras.ops.arccosh", "keras.ops.numpy.arccosh")
arctanh = _float_unary("arctanh", torch.atanh, "Inverse hyperbolic tangent.")
export_value(arctanh, "keras.ops.arctanh", "keras.ops.numpy.arctanh")
floor = _float_unary("floor", torch.floor, "Round toward -inf.")
export_value(floor, "keras.ops.floor", "keras.ops.numpy.floor")
ceil = _float_unary("ceil", torch.ceil, "Round toward +inf.")
export_value(ceil, "keras.ops.ceil", "keras.ops.numpy.ceil")


@keras_export("keras.ops.arctan2", "keras.ops.numpy.arctan2")
def arctan2(x1, x2):
    """Quadrant-aware ``arctan(x1 / x2)`` in ``result_type(x1, x2, float)``."""
    a, b = promoted(x1, x2, float)
    return wrap(torch.atan2(a, b))


@keras_export("keras.ops.round", "keras.ops.numpy.round")
def round(x, decimals=0):  # noqa: A001 - Keras' name
    """Round half to even to ``decimals`` places, dtype kept (integers with ``decimals >= 0``
    unchanged).  As Keras' TF backend, ``decimals`` goes through ``math.pow(10, decimals)``
    (its ``TypeError`` for text; fractional places scale by that power)."""
    x = unaliased(x)
    if x.dtype is _BOOL or x.is_complex():
        raise (attr_error if x.dtype is _BOOL else no_kernel)("Round", x)
    if decimals == 0:
        return wrap(x if not x.is_floating_point() else torch.round(x))
    if not x.is_floating_point():
        if decimals > 0:
            return wrap(x)
        factor = math.pow(10, decimals)
        return wrap((torch.round(float_of(x) * factor) / factor).to(x.dtype))
    if type(decimals) is not int:  # the power in x's dtype, as Keras casts it
        factor = torch.tensor(math.pow(10, decimals), dtype=x.dtype, device=x.device)
        return wrap(torch.round(x * factor) / factor)
    return wrap(torch.round(x, decimals=decimals))


@keras_export("keras.ops.clip", "keras.ops.numpy.clip")
def clip(x, x_min, x_max):
    """``tf.clip_by_value(x, x_min, x_max)`` (bool becomes int32 first): the bounds convert to
    ``x``'s dtype with TF's rules (a float bound on an integer tensor is a ``TypeError``).  Keras
    reads ``x.dtype`` first: a value without one (a list, None) raises its ``AttributeError``."""
    if isinstance(x, np.ndarray) and x.dtype.kind in "SU":
        raise ValueError("Invalid dtype: %s" % x.dtype.name)  # Keras' standardize_dtype
    x.dtype  # noqa: B018 - Keras reads the attribute
    x = storage(x)
    if x.dtype is torch.bool:
        x = x.to(torch.int32)
    return _tf_elementwise.clip_by_value(x, x_min, x_max)


def _compare(name, fn, doc, kernel=None):
    def op(x1, x2):
        a, b = promoted_scalar(x1, x2)
        if a.dtype is _BOOL and kernel is not None:
            _no_bool(a, kernel)
        return wrap(fn(a, b))

    op.__name__ = op.__qualname__ = name
    op.__doc__ = doc + " Operands are promoted to a common dtype first; the result is bool."
    return op


equal = _compare("equal", torch.eq, "``x1 == x2``.")
export_value(equal, "keras.ops.equal", "keras.ops.numpy.equal")
not_equal = _compare("not_equal", torch.ne, "``x1 != x2``.")
export_value(not_equal, "keras.ops.not_equal", "keras.ops.numpy.not_equal")
greater = _compare("greater", torch.gt, "``x1 > x2``.", "Greater")
export_value(greater, "keras.ops.greater", "keras.ops.numpy.greater")
greater_equal = _compare("greater_equal", torch.ge, "``x1 >= x2``.", "GreaterEqual")
export_value(greater_equal, "keras.ops.greater_equal", "keras.ops.numpy.greater_equal")
less = _compare("less", torch.lt, "``x1 < x2``.", "Less")
export_value(less, "keras.ops.less", "keras.ops.numpy.less")
less_equal = _compare("less_equal", torch.le, "``x1 <= x2``.", "LessEqual")
export_value(less_equal, "keras.ops.less_equal", "keras.ops.numpy.less_equal")


def _bool(x):
    x = storage(x)
    return x if x.dtype is torch.bool else x.to(torch.bool)


@keras_export("keras.ops.logical_and", "keras.ops.numpy.logical_and")
def logical_and(x1, x2):
    """Element-wise AND of the inputs' truth values."""
    return wrap(torch.logical_and(_bool(x1), _bool(x2)))


@keras_export("keras.ops.logical_or", "keras.ops.numpy.logical_or")
def logical_or(x1, x2):
    """Element-wise OR of the inputs' truth values."""
    return wrap(torch.logical_or(_bool(x1), _bool(x2)))


@keras_export("keras.ops.logical_xor", "keras.ops.numpy.logical_xor")
def logical_xor(x1, x2):
    """Element-wise XOR of the inputs' truth values."""
    return wrap(torch.logical_xor(_bool(x1), _bool(x2)))


@keras_export("keras.ops.logical_not", "keras.ops.numpy.logical_not")
def logical_not(x):
    """Element-wise NOT of ``x``'s truth value."""
    return wrap(torch.logical_not(_bool(x)))


@keras_export("keras.ops.isnan", "keras.ops.numpy.isnan")
def isnan(x):
    """True where ``x`` is NaN (always False for integers; complex raises TF's error)."""
    x = storage(x)
    if x.is_complex():
        raise attr_error("IsNan", x)
    return wrap(torch.isnan(x))


@keras_export("keras.ops.isinf", "keras.ops.numpy.isinf")
def isinf(x):
    """True where ``x`` is +-inf (always False for integers; complex raises TF's error)."""
    x = storage(x)
    if x.is_complex():
        raise attr_error("IsInf", x)
    return wrap(torch.isinf(x))


@keras_export("keras.ops.isfinite", "keras.ops.numpy.isfinite")
def isfinite(x):
    """True where ``x`` is neither inf nor NaN (always True for integers)."""
    return wrap(torch.isfinite(storage(x)))


@keras_export("keras.ops.where", "keras.ops.numpy.where")
def where(condition, x1=None, x2=None):
    """``x1`` where ``condition`` else ``x2`` (promoted dtype); with neither, the indices
    of the true elements, one int32 tensor per dimension (a list, like Keras' TF backend).
    Exactly one of ``x1``/``x2`` is a ``ValueError``."""
    cond = _bool(condition)
    if x1 is not None and x2 is not None:
        a, b = promoted(x1, x2)
        return wrap(torch.where(cond, a, b))
    if x1 is None and x2 is None:
        return [wrap(i.to(torch.int32)) for i in torch.nonzero(cond, as_tuple=True)]
    raise ValueError(
        "`x1` and `x2` either both should be `None` or both should have non-None value."
    )
