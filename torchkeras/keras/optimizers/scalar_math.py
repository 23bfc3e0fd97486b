"""The optimizers' per-step scalars, computed in the variables' float dtype as Keras does on TF.

Keras casts an optimizer's scalars to the variable's dtype and evaluates ``beta ** t``, the
bias corrections, ``lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)`` and ``1 - beta`` (once
``beta`` was cast) as tensors of that dtype, each operation rounded to it: for float32
variables, computing them in Python's float64 and rounding once differs by ~1e-5 relative after
a few Adam steps.

An eager update holds the rate and the step as Python numbers: a :class:`ScalarMath` then
computes on the host with Python floats rounded to the dtype after every operation (for
``+ - * /`` and ``sqrt``, rounding the float64 result gives exactly the float32 result), so
nothing is read from the device and a compiled trace sees only constants.  A compiled update's
rate and step, and a schedule's rate, are 0-d device tensors: the same methods then compute
with torch ops in the dtype.  Torch takes a Python number beside a tensor in the tensor's dtype.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math

import torch

__all__ = ["ScalarMath", "FLOAT32", "FLOAT64", "for_dtype"]


def _round_float32(value):
    """The float32 nearest to the Python float ``value`` (ties to even), as a Python float."""
    if not math.isfinite(value):
        return value
    mantissa, exponent = math.frexp(value)
    return math.ldexp(round(mantissa * 16777216.0), exponent - 24)


def _c_powf():
    """The C library's ``powf`` (what TF's and torch's float32 ``pow`` call on the CPU; rounding
    the float64 power differs in the last place now and then), or None where it is missing."""
    try:
        function = ctypes.CDLL(ctypes.util.find_library("m") or ctypes.util.find_library("c")).powf
    except (OSError, AttributeError, TypeError):
        return None
    function.restype = ctypes.c_float
    function.argtypes = [ctypes.c_float, ctypes.c_float]
    return function


_POWF = _c_powf()


def _power_float32(base, exponent):
    if _POWF is not None:
        return float(_POWF(base, exponent))
    return _round_float32(math.pow(base, exponent))


def _is_tensor(*values):
    return any(isinstance(value, torch.Tensor) for value in values)


class ScalarMath:
    """Scalar arithmetic in one float dtype: Python floats on the host, or 0-d tensors of that
    dtype as soon as an operand is a tensor.

    Two ways a Python number enters, as on Keras' TF backend: :meth:`scalar` is a number beside
    a tensor (``1 - beta``, ``rho * v``: taken in the dtype), :meth:`cast` is ``ops.cast(number,
    dtype)``, which makes a float32 tensor first (float64 variables see float32-rounded betas).
    """

    def __init__(self, dtype, round_function, power_function):
        self.dtype = dtype
        self._round = round_function
        self._power = power_function

    def _operand(self, value):
        """A tensor in the dtype, or a number as it is (torch uses it in the tensor's dtype: no
        Python-level rounding, which a compiled trace could not fold)."""
        if isinstance(value, torch.Tensor):
            return value if value.dtype == self.dtype else value.to(self.dtype)
        return value

    def scalar(self, value):
        """A Python number as the dtype takes it beside a tensor (rounded to it)."""
        if isinstance(value, torch.Tensor):
            return self._operand(value)
        return self._round(float(value))

    def cast(self, value, like=None):
        """Keras' ``ops.cast(value, dtype)`` on TF: a number goes through float32 first.  A 0-d
        tensor beside ``like`` when ``like`` is a tensor (or ``value`` is one), else a float."""
        if isinstance(value, torch.Tensor):
            return self._operand(value)
        if isinstance(like, torch.Tensor):
            return self._operand(torch.full_like(like, value, dtype=torch.float32))
        return self._round(_round_float32(float(value)))

    def _host(self, operation, a, b):
        return self._round(operation(self.scalar(a), self.scalar(b)))

    def sub(self, a, b):
        """``a - b``."""
        if _is_tensor(a, b):
            return self._operand(a) - self._operand(b)
        return self._host(float.__sub__, a, b)

    def mul(self, a, b):
        """``a * b``."""
        if _is_tensor(a, b):
            return self._operand(a) * self._operand(b)
        return self._host(float.__mul__, a, b)

    def div(self, a, b):
        """``a / b``."""
        if _is_tensor(a, b):
            return self._operand(a) / self._operand(b)
        return self._host(float.__truediv__, a, b)

    def sqrt(self, value):
        """The square root."""
        if _is_tensor(value):
            return torch.sqrt(self._operand(value))
        return self._round(math.sqrt(self.scalar(value)))

    def power(self, base, exponent):
        """``base ** exponent`` (Keras' ``ops.power``)."""
        if _is_tensor(base, exponent):
            return torch.pow(self._operand(base), self._operand(exponent))
        return self._power(self.scalar(base), self.scalar(exponent))


FLOAT32 = ScalarMath(torch.float32, _round_float32, _power_float32)
FLOAT64 = ScalarMath(torch.float64, float, math.pow)


def for_dtype(dtype):
    """The arithmetic for variables of torch ``dtype``: float64's for float64, else float32's
    (Keras' float16 and bfloat16 scalars are not emulated)."""
    return FLOAT64 if dtype == torch.float64 else FLOAT32
