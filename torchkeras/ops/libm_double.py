"""glibc's double ``log``, ``sincos`` and ``sqrt`` for Box-Muller, as TF's CPU kernels compute them.

TF's ``BoxMullerDouble`` calls the C library's ``log`` and ``sincos``.  glibc's results are
within about 0.52 ULP of the exact values (not always correctly rounded), while torch's and
NumPy's vectorised float64 ``log``/``sin``/``cos`` are off by one ULP for about 1 value in 700.
Here each value is computed in extended precision (NumPy's ``longdouble``: glibc's ``logl``,
``sinl``, ``cosl``) and rounded; that is glibc's double result whenever the exact value is not
close to a rounding boundary.  The few values within 0.05 ULP of one (about 1 in 10) are
recomputed by glibc itself through Python's ``math`` module, so the results are glibc's bits.
``sqrt`` is NumPy's (IEEE, correctly rounded; torch's CPU float64 ``sqrt`` is not always).
On platforms whose ``longdouble`` is plain double every value takes that path.  Runs on the
host (device tensors are copied there and back).
"""

from __future__ import annotations

import math

import numpy as np
import torch

__all__ = ["log", "sincos", "sqrt"]

_EXTENDED = np.finfo(np.longdouble).nmant > 52
_MARGIN = 0.45  # values whose extended result lies this far (in ULPs) from a double are redone


def _glibc(values, wide_fn, exact_fn):
    """``exact_fn`` (a glibc function through ``math``) of a float64 array, vectorised."""
    if not _EXTENDED:
        return np.array([exact_fn(v) for v in values.tolist()], dtype=np.float64)
    wide = wide_fn(values.astype(np.longdouble))
    out = wide.astype(np.float64)
    spacing = np.spacing(np.abs(out)).astype(np.longdouble)
    offset = np.abs((wide - out.astype(np.longdouble)) / spacing)
    hard = np.flatnonzero(offset > _MARGIN)
    if hard.size:
        out[hard] = [exact_fn(v) for v in values[hard].tolist()]
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
    return torch.from_numpy(np.sqrt(x.detach().cpu().numpy())).to(x.device)
