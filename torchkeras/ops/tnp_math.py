"""``tf.experimental.numpy``'s elementwise functions, with TF's tnp dtype rules.

Binary functions promote both operands to their NumPy result type (``np_promotion``);
transcendental unary functions first cast non-float inputs to tnp's default float
(``float64``, or ``float32`` with ``prefer_float32``), as TF's ``_scalar(..., True)``.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework import np_promotion as _promotion
from ..framework.op_errors import attr_error, dtype_of, no_kernel, translate_error
from ..framework.tensor import wrap

__all__ = []


def _float_storage(x):
    """TF's ``_scalar(..., promote_to_float=True)``: a non-inexact input goes through
    ``x.astype(result_type(float))`` (an ``AttributeError`` until NumPy behavior is enabled)."""
    storage = _promotion.asarray_storage(x)
    if not _promotion.is_inexact(storage):
        storage = _promotion.astype(storage, _promotion.default_float())
    return storage


def _pair(x1, x2):
    dtype = _promotion.result_type(x1, x2)
    return _promotion.asarray_storage(x1, dtype), _promotion.asarray_storage(x2, dtype)


# TF's ops behind the unary functions whose kernels refuse ``bool``.
_NO_BOOL = {
    "abs": "Abs",
    "absolute": "Abs",
    "negative": "Neg",
    "square": "Square",
    "sign": "Sign",
    "reciprocal": "Reciprocal",
}
# TF's ops behind the unary functions that take strings to their kernel (which refuses them).
_KERNEL_OPS = dict(_NO_BOOL, fabs="Abs", bitwise_not="Invert")


def _string_error(name):
    """TF's error for a string tensor given to unary function ``name`` (its op's, or the
    conversion of its constant to ``string``)."""
    if name in ("conj", "conjugate"):
        return TypeError("Expected numeric or variant tensor, got dtype tf.string.")
    if name == "signbit":
        return TypeError("Cannot convert 0 to EagerTensor of dtype string")
    return attr_error(_KERNEL_OPS[name], dtypes.string)


# TF's ops behind the binary functions, for torch's failures reported as TF's errors.
_BINARY_OPS = {"floor_divide": "FloorDiv", "mod": "FloorMod", "remainder": "FloorMod"}


def _export_unary(name, torch_fn, to_float):
    opname = _NO_BOOL.get(name)

    def fn(x):
        storage = _float_storage(x) if to_float else _promotion.asarray_storage(x)
        if isinstance(storage, np.ndarray) and name != "positive":
            raise _string_error(name)
        if opname is not None and storage.dtype is torch.bool:
            raise attr_error(opname, storage)
        if name == "reciprocal" and not (storage.is_floating_point() or storage.is_complex()):
            raise no_kernel(opname, storage)
        return wrap(torch_fn(storage))

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "NumPy's ``%s`` on a tensor-like (tnp: a ``tf.Tensor``)%s." % (
        name,
        "; integers and bools are first cast to the default float" if to_float else "",
    )
    tf_export("experimental.numpy." + name)(fn)
    globals()[name] = fn
    __all__.append(name)


def _export_binary(name, torch_fn):
    opname = _BINARY_OPS.get(name, name)

    def fn(x1, x2):
        a, b = _pair(x1, x2)
        try:
            return wrap(torch_fn(a, b))
        except RuntimeError as error:
            raise translate_error(error, opname, a, b) from None

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "NumPy's ``%s``: both operands promoted to their NumPy result type." % name
    tf_export("experimental.numpy." + name)(fn)
    globals()[name] = fn
    __all__.append(name)


def _bool_as(op_bool, op):
    return lambda a, b: op_bool(a, b) if a.dtype is torch.bool else op(a, b)


def _bool_int8(op):
    def fn(a, b):
        if a.dtype is torch.bool:
            return op(a.to(torch.int8), b.to(torch.int8))
        return op(a, b)

    return fn


def _true_divide(a, b):
    if not (a.dtype.is_floating_point or a.dtype.is_complex):
        small = (torch.int8, torch.int16, torch.uint8, torch.uint16)
        wide = torch.float32 if a.dtype in small else None
        if a.dtype is torch.bool:
            wide = _promotion.default_float().torch_dtype
        wide = wide or torch.float64
        a, b = a.to(wide), b.to(wide)
    return torch.true_divide(a, b)


def _floor_divide(a, b):
    if a.dtype.is_floating_point:
        return torch.floor(a / b)
    return torch.floor_divide(a, b)


def _where_sign(x):
    return torch.sign(x) if x.dtype is not torch.bool else x


def _sinc(x):
    return torch.sinc(x)


def _cbrt(x):
    return torch.sign(x) * torch.abs(x).pow(1.0 / 3.0)


def _exp2(x):
    return torch.exp2(x)


def _fix(x):
    return torch.trunc(x)


def _signbit(x):
    return torch.signbit(x) if x.dtype is not torch.bool else torch.zeros_like(x)


def _positive(x):
    return x


def _bitwise_not(x):
    return torch.logical_not(x) if x.dtype is torch.bool else torch.bitwise_not(x)


for _name, _fn, _to_float in (
    ("abs", torch.abs, False),
    ("absolute", torch.abs, False),
    ("fabs", torch.abs, False),
    ("negative", torch.neg, False),
    ("positive", _positive, False),
    ("square", torch.square, False),
    ("sign", _where_sign, False),
    ("reciprocal", torch.reciprocal, False),
    ("conj", torch.conj_physical, False),
    ("conjugate", torch.conj_physical, False),
    ("bitwise_not", _bitwise_not, False),
    ("signbit", _signbit, False),
    ("sqrt", torch.sqrt, True),
    ("exp", torch.exp, True),
    ("exp2", _exp2, True),
    ("expm1", torch.expm1, True),
    ("log", torch.log, True),
    ("log2", torch.log2, True),
    ("log10", torch.log10, True),
    ("log1p", torch.log1p, True),
    ("sin", torch.sin, True),
    ("cos", torch.cos, True),
    ("tan", torch.tan, True),
    ("arcsin", torch.asin, True),
    ("arccos", torch.acos, True),
    ("arctan", torch.atan, True),
    ("sinh", torch.sinh, True),
    ("cosh", torch.cosh, True),
    ("tanh", torch.tanh, True),
    ("arcsinh", torch.asinh, True),
    ("arccosh", torch.acosh, True),
    ("arctanh", torch.atanh, True),
    ("ceil", torch.ceil, True),
    ("floor", torch.floor, True),
    ("fix", _fix, True),
    ("cbrt", _cbrt, True),
    ("deg2rad", torch.deg2rad, True),
    ("sinc", _sinc, True),
    ("isnan", torch.isnan, True),
    ("isfinite", torch.isfinite, True),
):
    _export_unary(_name, _fn, _to_float)


def _logaddexp2(a, b):
    return torch.logaddexp2(a, b)


def _heaviside(a, b):
    zero = torch.zeros((), dtype=b.dtype, device=b.device)
    one = torch.ones((), dtype=b.dtype, device=b.device)
    return torch.where(a < 0, zero, torch.where(a > 0, one, b))


def _hypot(a, b):
    return torch.sqrt(a * a + b * b)


def _float_pair(fn):
    def run(a, b):
        if not (a.dtype.is_floating_point or a.dtype.is_complex):
            dtype = _promotion.default_float().torch_dtype
            a, b = a.to(dtype), b.to(dtype)
        return fn(a, b)

    return run


for _name, _fn in (
    ("add", _bool_as(torch.logical_or, torch.add)),
    ("subtract", torch.sub),
    ("multiply", _bool_as(torch.logical_and, torch.mul)),
    ("true_divide", _true_divide),
    ("divide", _true_divide),
    ("floor_divide", _bool_int8(_floor_divide)),
    ("mod", _bool_int8(torch.remainder)),
    ("remainder", _bool_int8(torch.remainder)),
    ("power", torch.pow),
    ("float_power", torch.pow),
    ("maximum", _bool_as(torch.logical_or, torch.maximum)),
    ("minimum", _bool_as(torch.logical_and, torch.minimum)),
    ("arctan2", torch.atan2),
    ("hypot", _float_pair(_hypot)),
    ("logaddexp", _float_pair(torch.logaddexp)),
    ("logaddexp2", _float_pair(_logaddexp2)),
    ("heaviside", _heaviside),
    ("nextafter", torch.nextafter),
    ("gcd", torch.gcd),
    ("lcm", torch.lcm),
    ("bitwise_and", torch.bitwise_and),
    ("bitwise_or", torch.bitwise_or),
    ("bitwise_xor", torch.bitwise_xor),
    ("equal", torch.eq),
    ("not_equal", torch.ne),
    ("greater", torch.gt),
    ("greater_equal", torch.ge),
    ("less", torch.lt),
    ("less_equal", torch.le),
):
    _export_binary(_name, _fn)


def _export_logical(name, torch_fn):
    def fn(x1, x2):
        a = _promotion.asarray_storage(x1, dtypes.bool)
        b = _promotion.asarray_storage(x2, dtypes.bool)
        return wrap(torch_fn(a, b))

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "NumPy's ``%s``: both operands cast to ``bool`` first." % name
    tf_export("experimental.numpy." + name)(fn)
    globals()[name] = fn
    __all__.append(name)


for _name, _fn in (
    ("logical_and", torch.logical_and),
    ("logical_or", torch.logical_or),
    ("logical_xor", torch.logical_xor),
):
    _export_logical(_name, _fn)


@tf_export("experimental.numpy.logical_not")
def logical_not(x):
    """NumPy's ``logical_not``: the input cast to ``bool`` first."""
    return wrap(torch.logical_not(_promotion.asarray_storage(x, dtypes.bool)))


@tf_export("experimental.numpy.divmod")
def divmod_(x1, x2):
    """NumPy's ``divmod``: ``(floor_divide(x1, x2), mod(x1, x2))``."""
    return floor_divide(x1, x2), mod(x1, x2)  # noqa: F821 - defined by the table above


divmod_.__name__ = divmod_.__qualname__ = "divmod"  # TF's name (a builtin's in Python)


@tf_export("experimental.numpy.clip")
def clip(a, a_min, a_max):
    """NumPy's ``clip``: ``a``, ``a_min`` and ``a_max`` promoted together; one bound may be
    ``None`` (not both: ``ValueError``, TF's text)."""
    if a_min is None and a_max is None:
        raise ValueError("Not more than one of `a_min` and `a_max` may be `None`.")
    if a_min is None:
        return minimum(a, a_max)  # noqa: F821
    if a_max is None:
        return maximum(a, a_min)  # noqa: F821
    dtype = _promotion.result_type(a, a_min, a_max)
    x, low, high = (_promotion.asarray_storage(v, dtype) for v in (a, a_min, a_max))
    return wrap(torch.minimum(torch.maximum(x, low), high))


@tf_export("experimental.numpy.around")
def around(a, decimals=0):
    """NumPy's ``around`` as TF computes it: ``round(a * 10**decimals) / 10**decimals`` (half to
    even) in ``a``'s dtype, or in the default float for exact dtypes, then ``astype`` back to
    ``a``'s dtype (as TF's, an ``AttributeError`` until NumPy behavior is enabled)."""
    storage = _promotion.asarray_storage(a)
    dtype = dtype_of(storage)
    if not _promotion.is_inexact(storage):
        storage = _promotion.astype(storage, _promotion.default_float())
    factor = torch.tensor(10.0**decimals, dtype=torch.float64).to(storage.dtype)
    rounded = torch.round(storage * factor) / factor
    return wrap(_promotion.astype(rounded, dtype))


__all__ += ["logical_not", "divmod_", "clip", "around"]


@tf_export("experimental.numpy.round")
def round_(a, decimals=0):
    """Same as :func:`around` (TF keeps both names, as two functions)."""
    return around(a, decimals)


__all__ += ["round_"]


@tf_export("experimental.numpy.rad2deg")
def rad2deg(x):
    """TF's ``rad2deg``: ``x * (180 / pi)`` with Python's ``*`` (so a list or a NumPy array is
    not converted: TF's and NumPy's own errors and results)."""
    return x * (180.0 / np.pi)


def _export_inf_test(name, test):
    def fn(x):
        if x.dtype.is_floating:
            return wrap(test(_float_storage(x)))
        return False

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = (
        "TF's ``%s``: reads ``x.dtype.is_floating`` first (so ``x`` must be a tensor; other "
        "values raise ``AttributeError``, as TF's); ``False`` for a non-float tensor." % name
    )
    tf_export("experimental.numpy." + name)(fn)
    globals()[name] = fn
    __all__.append(name)


for _name, _fn in (
    ("isinf", torch.isinf),
    ("isneginf", torch.isneginf),
    ("isposinf", torch.isposinf),
):
    _export_inf_test(_name, _fn)

__all__ += ["rad2deg"]
