"""Conversions shared by the ``keras.ops`` modules: Keras' ``convert_to_tensor`` on
torch storage and the binary-operand promotion every numpy-like op uses."""

import numpy as np
import torch

from ...framework import device as _device
from ...framework.convert import to_torch
from ...framework.dtypes import from_torch as dtypes_from_torch
from ...framework.op_errors import attr_error, cannot_convert
from ...framework.tensor import Tensor, TensorOperators, wrap
from ..backend import config
from ._strings import StringInputError, string_tensor
from ._dtypes import NAME, TORCH, result_type, standardize_dtype

__all__ = [
    "FLOATING",
    "storage",
    "unaliased",
    "promoted",
    "promoted_scalar",
    "promoted_all",
    "floatx_torch",
    "float_of",
    "wrap",
    "Tensor",
    "NAME",
    "TORCH",
]

_WEAK = (int, float)

FLOATING = frozenset((torch.float16, torch.bfloat16, torch.float32, torch.float64))
"""The torch dtypes of TF's floating (non-complex) dtypes."""


def storage(x, dtype=None):
    """The torch storage of Keras' ``convert_to_tensor(x, dtype)``: tensors keep their
    dtype unless ``dtype`` asks for another (then cast); other values follow TF's
    conversion, then are cast to ``dtype``.  Strings (or ``dtype="string"``) raise
    :class:`StringInputError` (the op wrapper answers it)."""
    if type(x) is Tensor or isinstance(x, TensorOperators):
        value = x._value
    elif isinstance(x, torch.Tensor):
        value = x
    else:
        value = to_torch(x)
    if isinstance(value, np.ndarray):
        raise StringInputError(x)
    if dtype is not None:
        target = TORCH.get(standardize_dtype(dtype))
        if target is None:  # "string": Keras converts or casts first (TF's errors for numbers)
            raise StringInputError(string_tensor(x))
        if value.dtype is not target:
            value = value.to(target)
    return value


def unaliased(x, dtype=None):
    """Like :func:`storage`, but a Variable's storage is copied: for ops whose result may
    be the input itself or a view of it (a later ``assign`` must not show through)."""
    if type(x) is Tensor or not isinstance(x, TensorOperators):
        return storage(x, dtype)
    value = x._value
    target = value.dtype if dtype is None else TORCH[standardize_dtype(dtype)]
    return value.clone() if value.dtype is target else value.to(target)


def _key(v):
    t = type(v)
    if t is int or t is float:
        return t
    if isinstance(v, np.ndarray):  # a string Tensor's storage
        raise StringInputError(v)
    return NAME[v.dtype]


def _materialize(v, target, like):
    if type(v) is int or type(v) is float:
        device = like.device if isinstance(like, torch.Tensor) else _device.current()
        return torch.tensor(v, dtype=target, device=device)
    return v if v.dtype is target else v.to(target)


def promoted(x1, x2, *extra):
    """Storages of ``x1`` and ``x2`` cast to ``result_type(x1, x2, *extra)`` (Python
    scalars are weak), and that dtype's torch dtype."""
    if type(x1) is Tensor and type(x2) is Tensor and not extra:
        a, b = x1._value, x2._value
        if a.dtype is b.dtype and isinstance(a, torch.Tensor):
            return a, b
    else:
        a = x1 if type(x1) in _WEAK else storage(x1)
        b = x2 if type(x2) in _WEAK else storage(x2)
    target = TORCH[result_type(_key(a), _key(b), *extra)]
    return _materialize(a, target, b), _materialize(b, target, a)


def promoted_scalar(x1, x2, *extra):
    """Like :func:`promoted`, but a Python ``int``/``float`` ``x2`` stays a Python scalar
    (torch then keeps the tensor's dtype, which is already Keras' result type), saving a
    tensor allocation in ops such as ``x * 2.0``."""
    t2 = type(x2)
    if t2 is int or t2 is float:
        a = x1._value if type(x1) is Tensor else (x1 if type(x1) in _WEAK else storage(x1))
        if isinstance(a, np.ndarray):  # a string Tensor
            raise StringInputError(x1)
        if type(a) in _WEAK:
            return promoted(a, x2, *extra)
        target = TORCH[result_type(NAME[a.dtype], t2, *extra)]
        return (a if a.dtype is target else a.to(target)), x2
    return promoted(x1, x2, *extra)


def promoted_all(values):
    """Storages of every value cast to their common Keras result type (for concatenate, stack)."""
    values = [v if type(v) in _WEAK else storage(v) for v in values]
    keys = {_key(v) for v in values}
    if len(keys) == 1 and not isinstance(next(iter(keys)), type):
        return values
    target = TORCH[result_type(*keys)]
    like = next((v for v in values if isinstance(v, torch.Tensor)), None)
    return [_materialize(v, target, like) for v in values]


def floatx_torch():
    """The torch dtype of ``keras.config.floatx()``."""
    return TORCH[config.floatx()]


def float_of(value):
    """``value`` as a float tensor: float and complex dtypes kept, everything else cast to
    floatx (Keras' rule for exp, log, sqrt, tanh, ...)."""
    if value.is_floating_point() or value.is_complex():
        return value
    return value.to(TORCH[config.floatx()])


def float_kernel_input(x, kernel):
    """The storage of ``x`` for an op whose Keras TF backend runs TF kernel ``kernel`` on it
    unconverted: a non-floating (integer, bool) ``x`` raises that kernel's attr error."""
    value = storage(x)
    if value.is_floating_point() or value.is_complex():
        return value
    raise attr_error(kernel, dtypes_from_torch(value.dtype))


def constant_input(x, constant):
    """The storage of ``x`` for an op whose Keras TF backend first converts the Python float
    ``constant`` to ``x``'s dtype: a non-floating ``x`` raises TF's conversion ``TypeError``."""
    value = storage(x)
    if value.is_floating_point() or value.is_complex():
        return value
    raise cannot_convert(constant, dtypes_from_torch(value.dtype))
