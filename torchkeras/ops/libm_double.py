"""glibc's double math functions, bit for bit, for TF's samplers (Box-Muller, gamma, Poisson).

TF's CPU kernels call the C library's ``log``, ``sincos``, ``pow``, ``exp``, ``log1p`` and
``lgamma``.  glibc's results are within about 0.52 ULP of the exact values (not always
correctly rounded), while torch's and NumPy's vectorised float64 functions are off by one ULP
for about 1 value in 700.  ``log``, ``sin``/``cos``, ``pow`` and ``exp`` are computed in
extended precision (NumPy's ``longdouble``: glibc's ``logl``, ``sinl`` ...) and rounded; that
is glibc's double result whenever the exact value is not close to a rounding boundary.  The
values within 0.05 ULP of one (about 1 in 10) are recomputed by glibc itself through Python's
``math`` module, so the results are glibc's bits (on platforms whose ``longdouble`` is plain
double every value takes that path).  ``log1p`` is glibc's algorithm (``libm_log1p.py``);
``lgamma`` is the C library's through ``ctypes`` (Python's ``math.lgamma`` is CPython's own),
once per distinct value; ``sqrt`` is NumPy's (IEEE, correctly rounded; torch's CPU float64
``sqrt`` is not always).  Runs on the host (device tensors are copied there and back).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import math

import numpy as np
import torch

from .libm_log1p import log1p

__all__ = ["exp", "lgamma_of_values", "log", "log1p", "pow", "sincos", "sqrt"]

_EXTENDED = np.finfo(np.longdouble).nmant > 52
_MARGIN = 0.45  # values whose extended result lies this far (in ULPs) from a double are redone


def _glibc(values, wide_fn, exact_fn, *more):
    """``exact_fn`` (a glibc function through ``math``) of float64 arrays, vectorised."""
    if not _EXTENDED:
        rows = zip(values.tolist(), *(m.tolist() for m in more))
        return np.array([exact_fn(*row) for row in rows], dtype=np.float64)
    with np.errstate(all="ignore"):
        wide = wide_fn(values.astype(np.longdouble), *(m.astype(np.longdouble) for m in more))
        out = wide.astype(np.float64)
        spacing = np.spacing(np.abs(out)).astype(np.longdouble)
        offset = np.abs((wide - out.astype(np.longdouble)) / spacing)
    hard = np.flatnonzero(offset > _MARGIN)
    if hard.size:
        rows = zip(values[hard].tolist(), *(m[hard].tolist() for m in more))
        out[hard] = [exact_fn(*row) for row in rows]
    return out


def log(x):
    """glibc's ``log`` of a float64 tensor of positive finite values."""
    values = x.detach().cpu().numpy()
    return torch.from_numpy(_glibc(values, np.log, math.log)).to(x.device)


def sincos(x):
    """glibc's ``sincos`` of a float64 tensor of finite values: ``(sin(x), cos(x))``."""
    values = x.detach().cpu().numpy()
    sin = _glibc(values, np.sin, math.sin)
    cos = _glibc(values, np.cos, math.cos)
    return torch.from_numpy(sin).to(x.device), torch.from_numpy(cos).to(x.device)


def sqrt(x):
    """The correctly rounded square root of a float64 tensor (as C's ``sqrt``)."""
    with np.errstate(invalid="ignore"):
        return torch.from_numpy(np.sqrt(x.detach().cpu().numpy())).to(x.device)


def pow(x, y):  # noqa: A001 - C's name
    """glibc's ``pow`` of float64 tensors of the same shape (``x`` in ``[0, 1)``, finite ``y``)."""
    base, exponent = x.detach().cpu().numpy(), y.detach().cpu().numpy()
    return torch.from_numpy(_glibc(base, np.power, math.pow, exponent)).to(x.device)


def exp(x):
    """glibc's ``exp`` of a float64 tensor of finite values."""
    values = x.detach().cpu().numpy()
    return torch.from_numpy(_glibc(values, np.exp, math.exp)).to(x.device)


def _c_lgamma():
    """The C library's ``lgamma`` (Python's ``math.lgamma`` is CPython's own, not libm's)."""
    name = ctypes.util.find_library("m")
    function = getattr(ctypes.CDLL(name), "lgamma", None) if name else None
    if function is None:
        return math.lgamma
    function.restype, function.argtypes = ctypes.c_double, [ctypes.c_double]
    return function


_LGAMMA = _c_lgamma()


def lgamma_of_values(x):
    """The C library's ``lgamma`` of a float64 tensor, one call per distinct value (for
    tensors with few distinct values, such as the integers a sampler draws)."""
    distinct, inverse = torch.unique(x.detach().cpu(), return_inverse=True)
    table = torch.tensor([_LGAMMA(v) for v in distinct.tolist()], dtype=torch.float64)
    return table[inverse].to(x.device)
