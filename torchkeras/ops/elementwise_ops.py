"""Elementwise math ops (``tf.math``): unary, binary, division and complex-part ops.

Every op takes its inputs' storage (``x._value``), calls torch once and wraps
the result, so all ops are differentiable under ``tf.GradientTape``.  Dtypes
follow TF: each op accepts the dtypes TF's kernel accepts and raises TF's
``InvalidArgumentError`` text otherwise (``tf.sqrt`` of int32 is an error).
``tf.divide``/``truediv`` raise TF's ``TypeError`` for differing dtypes;
the other binary ops convert operands as ``op_inputs`` describes.
"""

from __future__ import annotations

import numpy as np
import torch

from ..framework.convert import convert_to_tensor, to_torch_like
from ..framework.shape import TensorShape
from ..framework.composite_tensor import CompositeTensor
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.tensor_ops import truediv as _truediv
from ..framework.op_errors import (
    allowed_dtypes,
    attr_error,
    cannot_convert,
    check_dtype,
    dims_text,
    dtype_of,
    input_dtype_error,
    no_kernel,
    op_error,
    translate_error,
)
from ._args import converted_like, hinted_inputs, storage_of, strict_inputs
from ..api_export import tf_export, export_value

_new = object.__new__
_SQRT_ALLOWED = allowed_dtypes("Sqrt")


UNARY_OPS = []
"""The ops built by ``_unary`` (ragged dispatch registers a handler for each)."""
BINARY_OPS = []
"""The ops built by ``_binary``."""


def _unary(fn, opname, public, doc):
    allowed = allowed_dtypes(opname)

    def op(x, name=None):
        if type(x) is Tensor:
            a = x._value
        else:
            try:
                a = storage_of(x)
            except CompositeArgumentError as error:
                return dispatch(op, (x,), {"name": name}, error)
        if a.dtype not in allowed:
            raise attr_error(opname, a)
        tensor = _new(Tensor)
        try:
            tensor._value = fn(a)
        except NotImplementedError:
            raise no_kernel(opname, a) from None
        return tensor

    op.__name__ = op.__qualname__ = public
    op.__doc__ = doc
    UNARY_OPS.append(op)
    return op


def _binary(fn, opname, public, doc):
    allowed = allowed_dtypes(opname)

    def op(x, y, name=None):
        if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype:
            a, b = x._value, y._value
        else:
            try:
                a, b = strict_inputs(x, y, opname)
            except CompositeArgumentError as error:
                return dispatch(op, (x, y), {"name": name}, error)
        if a.dtype not in allowed:
            raise attr_error(opname, a)
        try:
            return wrap(fn(a, b))
        except (RuntimeError, TypeError, ValueError) as error:
            raise translate_error(error, opname, a, b) from None

    op.__name__ = op.__qualname__ = public
    op.__doc__ = doc
    BINARY_OPS.append(op)
    return op


_ABS_ALLOWED = allowed_dtypes("Abs") | {torch.complex64, torch.complex128}
_NEG_ALLOWED = allowed_dtypes("Neg")
_SOFTPLUS_ALLOWED = allowed_dtypes("Softplus")
_ADDN_ALLOWED = allowed_dtypes("AddN")
_MULNONAN_ALLOWED = allowed_dtypes("MulNoNan")
_DIV_ALLOWED = frozenset(
    (
        torch.uint8,
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.bfloat16,
        torch.float16,
        torch.float32,
        torch.float64,
        torch.complex64,
        torch.complex128,
    )
) | frozenset(
    t
    for t in (
        getattr(torch, "uint16", None),
        getattr(torch, "uint32", None),
        getattr(torch, "uint64", None),
    )
    if t is not None
)
_ADD_ALLOWED = allowed_dtypes("AddV2")
_MINMAX_ALLOWED = allowed_dtypes("Minimum")


@tf_export("math.abs", "abs")
def abs(x, name=None):  # noqa: A001 - TF's name
    """``tf.abs``: elementwise absolute value; complex inputs give their real magnitude."""
    if type(x) is Tensor:
        a = x._value
    else:
        try:
            a = storage_of(x)
        except CompositeArgumentError as error:
            return dispatch(abs, (x, name), {}, error)
    if a.dtype not in _ABS_ALLOWED:
        raise attr_error("Abs", a)
    return wrap(torch.abs(a))


def _no_gradient(fn):
    """``fn`` with its result cut from autograd: TF registers no gradient for rounding ops,
    so a tape gives ``None`` through them."""

    def op(*args):
        return fn(*args).detach()

    return op


def _sign(a):
    """TF's sign: NaN stays NaN (torch gives 0); ``x / |x|`` for complex."""
    if a.is_complex():
        return torch.sgn(a)
    if a.is_floating_point():
        return torch.where(torch.isnan(a), a, torch.sign(a))
    return torch.sign(a)


class _Sqrt(torch.autograd.Function):
    """``sqrt`` with TF's gradient: ``0.5 * dy / y``, and exactly 0 where ``dy`` is 0 (TF's
    ``SqrtGrad``), so a branch ``tf.where`` did not select adds no NaN (``tf.where(x > 0,
    tf.sqrt(x), 0.)`` at ``x < 0`` has gradient 0, as in TF)."""

    @staticmethod
    def forward(ctx, a):
        y = torch.sqrt(a)
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, dy):
        (y,) = ctx.saved_tensors
        return torch.where(dy == 0, torch.zeros_like(dy), 0.5 * dy / y.conj())


def _sqrt(a):
    if a.requires_grad and torch.is_grad_enabled():
        return _Sqrt.apply(a)
    return torch.sqrt(a)


@tf_export("math.reciprocal")
def reciprocal(x, name=None):
    """``tf.math.reciprocal``: ``1 / x`` for float and complex tensors (TF has no integer
    kernel)."""
    a = storage_of(x)
    if isinstance(a, np.ndarray) or not (a.dtype.is_floating_point or a.dtype.is_complex):
        if isinstance(a, torch.Tensor) and a.dtype in (
            torch.int8,
            torch.int16,
            torch.int32,
            torch.int64,
        ):
            raise no_kernel("Reciprocal", a)
        raise attr_error("Reciprocal", a)
    return wrap(torch.reciprocal(a))


sign = _unary(
    _sign, "Sign", "sign", "``tf.math.sign``: -1, 0 or 1 elementwise (``x / |x|`` for complex)."
)
export_value(sign, "tf.math.sign", "tf.sign")
square = _unary(
    torch.square,
    "Square",
    "square",
    "``tf.math.square``: ``x * x`` elementwise (any numeric dtype).",
)
export_value(square, "tf.math.square", "tf.square")
sqrt = _unary(
    _sqrt,
    "Sqrt",
    "sqrt",
    "``tf.math.sqrt``: elementwise square root (float and complex only, as TF).",
)
export_value(sqrt, "tf.math.sqrt", "tf.sqrt")
rsqrt = _unary(
    torch.rsqrt,
    "Rsqrt",
    "rsqrt",
    "``tf.math.rsqrt``: ``1 / sqrt(x)`` elementwise (float and complex).",
)
export_value(rsqrt, "tf.math.rsqrt")
exp = _unary(
    torch.exp, "Exp", "exp", "``tf.math.exp``: elementwise ``e ** x`` (float and complex)."
)
export_value(exp, "tf.math.exp", "tf.exp")
log = _unary(
    torch.log, "Log", "log", "``tf.math.log``: elementwise natural logarithm (float and complex)."
)
export_value(log, "tf.math.log")
log1p = _unary(
    torch.log1p, "Log1p", "log1p", "``tf.math.log1p``: ``log(1 + x)`` elementwise, accurate near 0."
)
export_value(log1p, "tf.math.log1p")
expm1 = _unary(
    torch.expm1, "Expm1", "expm1", "``tf.math.expm1``: ``exp(x) - 1`` elementwise, accurate near 0."
)
export_value(expm1, "tf.math.expm1")
sin = _unary(torch.sin, "Sin", "sin", "``tf.math.sin``: elementwise sine.")
export_value(sin, "tf.math.sin", "tf.sin")
cos = _unary(torch.cos, "Cos", "cos", "``tf.math.cos``: elementwise cosine.")
export_value(cos, "tf.math.cos", "tf.cos")
tan = _unary(torch.tan, "Tan", "tan", "``tf.math.tan``: elementwise tangent.")
export_value(tan, "tf.math.tan", "tf.tan")
asin = _unary(torch.asin, "Asin", "asin", "``tf.math.asin``: elementwise arcsine.")
export_value(asin, "tf.math.asin", "tf.asin")
acos = _unary(torch.acos, "Acos", "acos", "``tf.math.acos``: elementwise arccosine.")
export_value(acos, "tf.math.acos", "tf.acos")
atan = _unary(torch.atan, "Atan", "atan", "``tf.math.atan``: elementwise arctangent.")
export_value(atan, "tf.math.atan", "tf.atan")
sinh = _unary(torch.sinh, "Sinh", "sinh", "``tf.math.sinh``: elementwise hyperbolic sine.")
export_value(sinh, "tf.math.sinh", "tf.sinh")
cosh = _unary(torch.cosh, "Cosh", "cosh", "``tf.math.cosh``: elementwise hyperbolic cosine.")
export_value(cosh, "tf.math.cosh", "tf.cosh")
tanh = _unary(
    torch.tanh,
    "Tanh",
    "tanh",
    "``tf.math.tanh``: elementwise hyperbolic tangent (float and complex).",
)
export_value(tanh, "tf.math.tanh", "tf.nn.tanh", "tf.tanh")
asinh = _unary(
    torch.asinh, "Asinh", "asinh", "``tf.math.asinh``: elementwise inverse hyperbolic sine."
)
export_value(asinh, "tf.math.asinh", "tf.asinh")
acosh = _unary(
    torch.acosh, "Acosh", "acosh", "``tf.math.acosh``: elementwise inverse hyperbolic cosine."
)
export_value(acosh, "tf.math.acosh", "tf.acosh")
atanh = _unary(
    torch.atanh, "Atanh", "atanh", "``tf.math.atanh``: elementwise inverse hyperbolic tangent."
)
export_value(atanh, "tf.math.atanh", "tf.atanh")
sigmoid = _unary(
    torch.sigmoid,
    "Sigmoid",
    "sigmoid",
    "``tf.math.sigmoid``: ``1 / (1 + exp(-x))`` elementwise (float and complex).",
)
export_value(sigmoid, "tf.math.sigmoid", "tf.nn.sigmoid", "tf.sigmoid")
negative = _unary(torch.neg, "Neg", "negative", "``tf.math.negative``: ``-x`` elementwise.")
export_value(negative, "tf.math.negative", "tf.negative")
_round = _unary(
    _no_gradient(torch.round),
    "Round",
    "round",
    "``tf.math.round``'s kernel (the integer dtypes it lists are returned unchanged).",
)


@tf_export("math.round", "round")
def round(x, name=None):  # noqa: A001 - TF's name
    """``tf.math.round``: rounds half to even (banker's rounding), as TF; an integer tensor of
    any width (unsigned too) is returned unchanged, as TF's Python wrapper does before the
    kernel's dtype check."""
    if isinstance(x, TensorOperators) and x.dtype.is_integer:
        return x if type(x) is Tensor else wrap(x._value.clone())
    return _round(x)


floor = _unary(
    _no_gradient(torch.floor),
    "Floor",
    "floor",
    "``tf.math.floor``: largest integer not above ``x`` (floats only).",
)
export_value(floor, "tf.math.floor", "tf.floor")
ceil = _unary(
    _no_gradient(torch.ceil),
    "Ceil",
    "ceil",
    "``tf.math.ceil``: smallest integer not below ``x`` (floats only).",
)
export_value(ceil, "tf.math.ceil")
rint = _unary(
    _no_gradient(torch.round),
    "Rint",
    "rint",
    "``tf.math.rint``: nearest integer, half to even (floats only).",
)
export_value(rint, "tf.math.rint")
erf = _unary(torch.erf, "Erf", "erf", "``tf.math.erf``: the Gauss error function (floats only).")
export_value(erf, "tf.math.erf")
erfc = _unary(torch.erfc, "Erfc", "erfc", "``tf.math.erfc``: ``1 - erf(x)`` (floats only).")
export_value(erfc, "tf.math.erfc")
lgamma = _unary(
    torch.lgamma, "Lgamma", "lgamma", "``tf.math.lgamma``: log of the absolute Gamma function."
)
export_value(lgamma, "tf.math.lgamma")
digamma = _unary(
    torch.digamma, "Digamma", "digamma", "``tf.math.digamma``: derivative of ``lgamma``."
)
export_value(digamma, "tf.math.digamma")
softplus = _unary(
    torch.nn.functional.softplus,
    "Softplus",
    "softplus",
    "``tf.math.softplus``: ``log(exp(x) + 1)`` (floats only).",
)
export_value(softplus, "tf.math.softplus")
_softsign = _unary(
    torch.nn.functional.softsign,
    "Softsign",
    "softsign",
    "``tf.math.softsign``: ``x / (|x| + 1)`` (floats only).",
)


@tf_export("math.softsign")
def softsign(features, name=None):
    """``tf.math.softsign``: ``features / (|features| + 1)`` (floats only)."""
    return _softsign(features, name)


is_nan = _unary(
    torch.isnan, "IsNan", "is_nan", "``tf.math.is_nan``: bool mask of NaN elements (floats only)."
)
export_value(is_nan, "tf.math.is_nan")
is_inf = _unary(
    torch.isinf, "IsInf", "is_inf", "``tf.math.is_inf``: bool mask of +-inf elements (floats only)."
)
export_value(is_inf, "tf.math.is_inf")
is_finite = _unary(
    torch.isfinite,
    "IsFinite",
    "is_finite",
    "``tf.math.is_finite``: bool mask of finite elements (floats only).",
)
export_value(is_finite, "tf.math.is_finite")


@tf_export("math.log_sigmoid")
def log_sigmoid(x, name=None):
    """``tf.math.log_sigmoid``: ``-softplus(-x)``, computed stably; dtype errors name the ``Neg``
    or ``Softplus`` kernel, as TF's do."""
    a = storage_of(x)
    check_dtype(a, _NEG_ALLOWED, "Neg")
    check_dtype(a, _SOFTPLUS_ALLOWED, "Softplus")
    return wrap(torch.nn.functional.logsigmoid(a))


def _pow(a, b):
    if not (a.dtype.is_floating_point or a.dtype.is_complex) and bool((b < 0).any()):
        raise op_error("Pow", "Integers to negative integer powers are not allowed", a)
    return torch.pow(a, b)


def _squared_difference(a, b):
    return torch.square(torch.sub(a, b))


def _xlogy(a, b):
    return torch.xlogy(a, b)


def _xdivy(a, b):
    return torch.where(a == 0, torch.zeros_like(a), a / b)


def _add(a, b):
    if isinstance(a, np.ndarray):
        return np.add(a, b).astype(object)
    return torch.add(a, b)


@tf_export("math.add", "add")
def add(x, y, name=None):
    """``tf.math.add``: ``x + y`` with broadcasting (strings concatenate); ``y`` converts with
    ``x``'s dtype as hint, as TF's ``add`` does."""
    if type(x) is Tensor and type(y) is Tensor and x._value.dtype is y._value.dtype:
        a, b = x._value, y._value
    else:
        try:
            a, b = hinted_inputs(x, y, "AddV2")
        except CompositeArgumentError as error:
            return dispatch(add, (x, y, name), {}, error)
    if a.dtype not in _ADD_ALLOWED and not isinstance(a, np.ndarray):
        raise attr_error("AddV2", a)
    try:
        return wrap(_add(a, b))
    except (RuntimeError, TypeError, ValueError) as error:
        raise translate_error(error, "AddV2", a, b) from None


subtract = _binary(
    torch.sub, "Sub", "subtract", "``tf.math.subtract``: ``x - y`` with broadcasting."
)
export_value(subtract, "tf.math.subtract", "tf.subtract")
multiply = _binary(
    torch.mul, "Mul", "multiply", "``tf.math.multiply``: ``x * y`` elementwise with broadcasting."
)
export_value(multiply, "tf.math.multiply", "tf.multiply")
floordiv = _binary(
    _no_gradient(torch.floor_divide),
    "FloorDiv",
    "floordiv",
    "``tf.math.floordiv``: ``x // y`` rounding toward -inf; integer division by 0 raises.",
)
export_value(floordiv, "tf.math.floordiv")
floormod = _binary(
    torch.remainder,
    "FloorMod",
    "floormod",
    "``tf.math.floormod``: remainder with the divisor's sign (Python's ``%``).",
)
mod = floormod
export_value(mod, "tf.math.floormod", "tf.math.mod")
pow = _binary(
    _pow,
    "Pow",
    "pow",
    "``tf.math.pow``: ``x ** y``; integers to negative integer powers raise, as TF.",
)  # noqa: A001
export_value(pow, "tf.math.pow", "tf.pow")


def _maximum(a, b):
    return torch.where((a >= b) | (a != a), a, b)


def _minimum(a, b):
    return torch.where((a <= b) | (a != a), a, b)


maximum = _binary(
    _maximum,
    "Maximum",
    "maximum",
    "``tf.math.maximum``: elementwise max with broadcasting (not for bool); NaN "
    "propagates and ties send the whole gradient to ``x``, as TF.",
)
export_value(maximum, "tf.math.maximum", "tf.maximum")
minimum = _binary(
    _minimum,
    "Minimum",
    "minimum",
    "``tf.math.minimum``: elementwise min with broadcasting; ties send the gradient to ``x``.",
)
export_value(minimum, "tf.math.minimum", "tf.minimum")
squared_difference = _binary(
    _squared_difference,
    "SquaredDifference",
    "squared_difference",
    "``tf.math.squared_difference``: ``(x - y) ** 2``.",
)
export_value(squared_difference, "tf.math.squared_difference")
_atan2 = _binary(
    torch.atan2,
    "Atan2",
    "atan2",
    "``tf.math.atan2``: elementwise ``atan(y / x)`` with the quadrant (arguments ``y, x``).",
)


@tf_export("math.atan2", "atan2")
def atan2(y, x, name=None):
    """``tf.math.atan2``: elementwise ``atan(y / x)`` with the quadrant of ``(x, y)``."""
    return _atan2(y, x, name)


xlogy = _binary(_xlogy, "Xlogy", "xlogy", "``tf.math.xlogy``: ``x * log(y)``, 0 where ``x == 0``.")
export_value(xlogy, "tf.math.xlogy")
xdivy = _binary(_xdivy, "Xdivy", "xdivy", "``tf.math.xdivy``: ``x / y``, 0 where ``x == 0``.")
export_value(xdivy, "tf.math.xdivy")
realdiv = _binary(
    torch.div, "RealDiv", "realdiv", "``tf.realdiv``: ``x / y`` for float and complex tensors."
)
export_value(realdiv, "tf.realdiv")
_DIV_NAMES = (
    "tf.uint8, tf.int8, tf.uint16, tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64, "
    "tf.bfloat16, "
    "tf.float16, tf.float32, tf.float64, tf.complex64, tf.complex128"
)


def _same_dtype_pair(x, y, where="__truediv__"):
    """TF's ``truediv`` conversion: ``y`` takes ``x``'s dtype as hint; a mismatch is a
    ``TypeError``."""
    a = storage_of(x)
    b = y._value if isinstance(y, TensorOperators) else to_torch_like(y, a)
    if a.dtype != b.dtype:
        raise TypeError(
            "`x` and `y` must have the same dtype, got %r != %r." % (dtype_of(a), dtype_of(b))
        )
    if a.dtype not in _DIV_ALLOWED:
        raise TypeError(
            "Invalid dtype %r in %s. Expected one of {%s}." % (dtype_of(a), where, _DIV_NAMES)
        )
    return a, b


def _divide_pair(x, y, where="__truediv__"):
    if not isinstance(x, TensorOperators) and isinstance(y, TensorOperators):
        x = wrap(converted_like(x, y._value))
    return _same_dtype_pair(x, y, where)


def _real_div(x, y, convert):
    """``x / y`` as TF's ``RealDiv``; ``convert`` makes the storage pair unless both are
    tensors of one allowed dtype already."""
    if (
        type(x) is Tensor
        and type(y) is Tensor
        and x._value.dtype is y._value.dtype
        and x._value.dtype in _DIV_ALLOWED
    ):
        a, b = x._value, y._value
    else:
        a, b = convert(x, y)
    try:
        return wrap(_truediv(a, b))
    except RuntimeError as error:
        raise translate_error(error, "RealDiv", a, b) from None


@tf_export("math.truediv", "truediv")
def truediv(x, y, name=None):
    """``tf.math.truediv``: ``x / y``; integers are divided as float64 (float32 for 8/16-bit)."""
    try:
        return _real_div(x, y, _same_dtype_pair)
    except CompositeArgumentError as error:
        return dispatch(truediv, (x, y, name), {}, error)


@tf_export("math.divide", "divide")
def divide(x, y, name=None):
    """``tf.math.divide``: ``x / y`` as :func:`truediv`; a non-tensor ``x`` converts to ``y``'s
    dtype."""
    try:
        return _real_div(x, y, _divide_pair)
    except CompositeArgumentError as error:
        return dispatch(divide, (x, y, name), {}, error)


@tf_export("math.divide_no_nan")
def divide_no_nan(x, y, name=None):
    """``tf.math.divide_no_nan``: ``x / y``, but 0 wherever ``y == 0`` (gradients stay finite)."""
    a, b = _divide_pair(x, y, "tf.math.divide_no_nan")
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        target = (
            torch.float32 if a.dtype in (torch.int8, torch.int16, torch.uint8) else torch.float64
        )
        a, b = a.to(target), b.to(target)
    zero = b == 0
    safe = torch.where(zero, torch.ones_like(b), b)
    try:
        return wrap(torch.where(zero, torch.zeros_like(a / safe), a / safe))
    except RuntimeError as error:
        raise translate_error(error, "DivNoNan", a, b) from None


@tf_export("math.scalar_mul", "scalar_mul")
def scalar_mul(scalar, x, name=None):
    """``tf.math.scalar_mul``: ``scalar * x`` (the scalar converts to ``x``'s dtype)."""
    return multiply(scalar, x)


@tf_export("math.add_n", "add_n")
def add_n(inputs, name=None):
    """``tf.math.add_n``: the elementwise sum of a list of same-shape, same-dtype tensors.

    As TF's dispatcher, another iterable is read as ``list(inputs)`` (a tensor's rows, a
    string's characters); one input is returned as it is."""
    if not isinstance(inputs, (list, tuple, CompositeTensor)):
        inputs = list(inputs)
    if not isinstance(inputs, (list, tuple)) or not inputs:
        raise ValueError(
            "Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype "
            "and shape."
        )
    try:
        storages = [
            storage_of(v) if isinstance(v, TensorOperators) or k == 0 else None
            for k, v in enumerate(inputs)
        ]
        first = storages[0]
        for k, value in enumerate(inputs):
            if storages[k] is None:
                storages[k] = to_torch_like(value, first)
    except CompositeArgumentError as error:
        return dispatch(add_n, (inputs, name), {}, error)
    for k in range(len(inputs)):
        if storages[k].dtype != first.dtype:
            raise input_dtype_error("AddN", k, first, storages[k])
        if storages[k].shape != first.shape:
            raise op_error(
                "AddN",
                "Inputs to operation AddN of type AddN must have the same size "
                "and shape.  Input 0: %s != input %d: %s"
                % (dims_text(first.shape), k, dims_text(storages[k].shape)),
                first,
                kernel="AddN_N_%d" % len(inputs),
            )
    if len(storages) == 1:
        return wrap(first)
    check_dtype(first, _ADDN_ALLOWED, "AddN")
    total = storages[0]
    for storage in storages[1:]:
        total = torch.add(total, storage)
    return wrap(total)


@tf_export("math.accumulate_n")
def accumulate_n(inputs, shape=None, tensor_dtype=None, name=None):
    """``tf.math.accumulate_n`` (deprecated in TF for ``add_n``, whose sum it returns): the
    tensors of ``inputs`` must share one dtype (``tensor_dtype`` when given) and shapes
    compatible with each other and with ``shape``; one input is returned as it is.  TF's
    deprecation log line is not printed."""
    if not inputs or not isinstance(inputs, (list, tuple)):
        raise _accumulate_error()
    if any(x is None for x in inputs):  # TF's conversion keeps None, then finds no tensor
        raise _accumulate_error()
    tensors = [convert_to_tensor(x) for x in inputs]
    if not all(x.dtype == tensors[0].dtype for x in tensors):
        raise _accumulate_error()
    merged = TensorShape(shape)
    for x in tensors:
        merged = merged.merge_with(x.shape)
    if tensor_dtype is not None and tensor_dtype != tensors[0].dtype:
        raise TypeError(
            "The `tensor_dtype` argument is %s, but `input` is of type %s. These must be equal. "
            "Try casting the input to the desired type." % (tensor_dtype, tensors[0].dtype)
        )
    return tensors[0] if len(tensors) == 1 else add_n(tensors)


def _accumulate_error():
    """``tf.math.accumulate_n``'s error for inputs that are not same-dtype tensors."""
    return ValueError("inputs must be a list of at least one Tensor with the same dtype and shape")


@tf_export("clip_by_value")
def clip_by_value(t, clip_value_min, clip_value_max, name=None):
    """``tf.clip_by_value``: ``minimum(maximum(...))`` clipping; the bounds convert to ``t``'s dtype
    (``TypeError`` when lossy) and broadcast to it."""
    a = storage_of(t)
    high = converted_like(clip_value_max, a)
    low = converted_like(clip_value_min, a)
    check_dtype(a, _MINMAX_ALLOWED, "Minimum")
    for bound, opname in ((high, "Minimum"), (low, "Maximum")):
        if bound.dtype != a.dtype:
            strict_inputs(
                wrap(a), wrap(bound), opname
            )  # raises TF's InvalidArgumentError for the bound's dtype
    try:
        capped = _minimum(a, high)
    except RuntimeError as error:
        raise translate_error(error, "Minimum", a, high) from None
    try:
        result = _maximum(capped, low)
    except RuntimeError as error:
        raise translate_error(error, "Maximum", capped, low) from None
    if result.shape != a.shape:
        raise ValueError(
            "Shapes %s and %s are incompatible" % (tuple(a.shape), tuple(result.shape))
        )
    return wrap(result)


def _truncatediv(a, b):
    if a.dtype.is_floating_point:
        return torch.trunc(a / b)
    return torch.div(a, b, rounding_mode="trunc")


def _xlog1py(a, b):
    return torch.where(a == 0, torch.zeros_like(a), a * torch.log1p(b))


truncatediv = _binary(
    _no_gradient(_truncatediv),
    "TruncateDiv",
    "truncatediv",
    "``tf.truncatediv``: division rounding toward zero (C's ``/`` for integers).",
)
export_value(truncatediv, "tf.truncatediv")
truncatemod = _binary(
    torch.fmod,
    "TruncateMod",
    "truncatemod",
    "``tf.truncatemod``: remainder with the dividend's sign (C's ``%``).",
)
export_value(truncatemod, "tf.truncatemod")
xlog1py = _binary(
    _xlog1py, "Xlog1py", "xlog1py", "``tf.math.xlog1py``: ``x * log1p(y)``, 0 where ``x == 0``."
)
export_value(xlog1py, "tf.math.xlog1py")
erfinv = _unary(
    torch.erfinv, "Erfinv", "erfinv", "``tf.math.erfinv``: inverse of ``erf`` (floats only)."
)
export_value(erfinv, "tf.math.erfinv")


@tf_export("math.multiply_no_nan")
def multiply_no_nan(x, y, name=None):
    """``tf.math.multiply_no_nan``: ``x * y``, but 0 wherever ``y == 0`` (even if ``x`` is
    inf/NaN)."""
    a, b = strict_inputs(x, y, "MulNoNan")
    check_dtype(a, _MULNONAN_ALLOWED, "MulNoNan")
    zero = b == 0
    finite = torch.where(zero & ~torch.isfinite(a), torch.zeros_like(a), a)
    return wrap(torch.where(zero, finite * b, a * b))


@tf_export("math.reciprocal_no_nan")
def reciprocal_no_nan(x, name=None):
    """``tf.math.reciprocal_no_nan``: ``1 / x``, 0 where ``x == 0`` (float and complex); TF's
    ``TypeError`` for the ``1`` of a bool or string ``x``."""
    a = storage_of(x)
    if _not_numeric(a):
        raise cannot_convert(1, a)
    check_dtype(a, _SQRT_ALLOWED, "DivNoNan")
    zero = a == 0
    return wrap(
        torch.where(zero, torch.zeros_like(a), 1 / torch.where(zero, torch.ones_like(a), a))
    )


@tf_export("math.real")
def real(input, name=None):  # noqa: A002 - TF's name
    """``tf.math.real``: real part (the input itself for real tensors; TF's ``TypeError`` for
    bool and string ones)."""
    a = storage_of(input)
    if _not_numeric(a):
        raise TypeError(
            "input must be a numeric tensor, but got tensor with dtype %s" % dtype_of(a)
        )
    return wrap(torch.real(a) if a.is_complex() else a)


@tf_export("complex")
def complex(real, imag, name=None):  # noqa: A001 - TF's name
    """``tf.complex``: ``real + imag * 1j``, broadcast; float32 parts give complex64, float64
    parts complex128, anything else TF's ``TypeError``."""
    a = storage_of(real)
    b = storage_of(imag)
    if a.dtype is not b.dtype or a.dtype not in (torch.float32, torch.float64):
        raise TypeError(
            "The `real` and `imag` components have incorrect types: %s %s. They must be "
            "consistent, and one of [tf.float32, tf.float64]" % (dtype_of(a).name, dtype_of(b).name)
        )
    try:
        return wrap(torch.complex(*torch.broadcast_tensors(a, b)))
    except RuntimeError as error:
        raise translate_error(error, "Complex", a, b) from None


@tf_export("math.imag")
def imag(input, name=None):  # noqa: A002
    """``tf.math.imag``: imaginary part (zeros of the input's dtype for real tensors, empty
    strings for strings)."""
    a = storage_of(input)
    if isinstance(a, np.ndarray):
        return wrap(np.full(a.shape, b"", dtype=object))
    return wrap(torch.imag(a) if a.is_complex() else torch.zeros_like(a))


@tf_export("math.conj")
def conj(x, name=None):
    """``tf.math.conj``: complex conjugate (the input itself for real tensors; TF's
    ``TypeError`` for bool and string ones)."""
    a = storage_of(x)
    if _not_numeric(a):
        raise TypeError("Expected numeric or variant tensor, got dtype %r." % dtype_of(a))
    return wrap(torch.conj_physical(a) if a.is_complex() else a)


@tf_export("math.angle")
def angle(input, name=None):  # noqa: A002
    """``tf.math.angle``: the argument of each element; for real tensors TF's
    ``where(input < 0, pi, 0)`` in the input's dtype (so TF's ``TypeError`` for the ``0`` of a
    bool or string input and the ``pi`` of an integer one)."""
    a = storage_of(input)
    if not isinstance(a, np.ndarray) and a.is_complex():
        return wrap(torch.angle(a))
    if _not_numeric(a):
        raise cannot_convert(0, a)
    if not a.is_floating_point():
        raise cannot_convert(np.pi, a)
    return wrap(torch.where(a < 0, torch.full_like(a, np.pi), torch.zeros_like(a)))


def _not_numeric(storage):
    """Whether a storage is bool or string (TF's ``DType.is_numeric`` is false)."""
    return isinstance(storage, np.ndarray) or storage.dtype is torch.bool
