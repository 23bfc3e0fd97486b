"""glibc's double ``log1p`` bit for bit, as float64 torch ops (with an exact fused multiply-add).

TF's exponential gamma samples and binomial inversion call the C library's ``log1p``, which is
not correctly rounded (errors up to 0.8 ULP), so only its own algorithm gives its bits: glibc's
``sysdeps/ieee754/dbl-64/s_log1p.c`` (fdlibm's: ``1 + x = 2**k (1 + f)``, ``s = f / (2 + f)``,
a degree-7 polynomial in ``s**2`` evaluated in four parts), with the multiply-adds that x86-64
glibc's FMA build fuses.  ``fma`` emulates a fused multiply-add exactly (Dekker's product, an
exact sum and a round-to-odd step), as torch has none.  Checked against glibc on millions of
values (``tests/ops/test_libm_log1p.py``).
"""

from __future__ import annotations

import math

import torch

__all__ = ["fma", "log1p"]

_H = float.fromhex
_SPLIT = 134217729.0  # 2**27 + 1: Dekker's splitting constant
_LN2_HI = _H("0x1.62e42feep-1")
_LN2_LO = _H("0x1.a39ef35793c76p-33")
_LP = (
    None,
    _H("0x1.5555555555593p-1"),
    _H("0x1.999999997fa04p-2"),
    _H("0x1.2492494229359p-2"),
    _H("0x1.c71c51d8e78afp-3"),
    _H("0x1.7466496cb03dep-3"),
    _H("0x1.39a09d078c69fp-3"),
    _H("0x1.2f112df3e5244p-3"),
)
_TWO_THIRDS = _H("0x1.5555555555555p-1")
_NEG_LIMIT = 0xBFD2BEC3 - (1 << 32)  # the high word of -0.2929 as a signed int


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _two_prod(a, b):
    p = a * b
    ca = _SPLIT * a
    ah = ca - (ca - a)
    al = a - ah
    cb = _SPLIT * b
    bh = cb - (cb - b)
    bl = b - bh
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def fma(a, b, c):
    """``a * b + c`` rounded once, as C's ``fma`` (finite operands whose product does not
    overflow); ``a``, ``b``, ``c``: float64 tensors or floats, broadcast."""
    a, b, c = torch.broadcast_tensors(*(torch.as_tensor(v, dtype=torch.float64) for v in (a, b, c)))
    p, e = _two_prod(a, b)
    s, t = _two_sum(p, c)
    w, err = _two_sum(t, e)
    even = (w.view(torch.int64) & 1) == 0
    toward = torch.where(err > 0, torch.full_like(w, math.inf), torch.full_like(w, -math.inf))
    w = torch.where((err != 0) & even, torch.nextafter(w, toward), w)  # round to odd
    return s + w


def _high(x):
    return x.view(torch.int64) >> 32


def _with_high(x, high):
    return ((x.view(torch.int64) & 0xFFFFFFFF) | (high << 32)).view(torch.float64)


def log1p(x):
    """glibc's ``log1p`` of a float64 tensor."""
    x = x.to(torch.float64)
    hx = _high(x)
    ax = hx & 0x7FFFFFFF
    out = torch.empty_like(x)
    below = hx < 0x3FDA827A  # x < 0.41422
    minus_one = below & (ax >= 0x3FF00000)  # x <= -1
    xm = x[minus_one]
    out[minus_one] = torch.where(
        xm == -1.0, torch.full_like(xm, -math.inf), torch.full_like(xm, math.nan)
    )
    tiny = below & ~minus_one & (ax < 0x3E200000)  # |x| < 2**-29
    xt = x[tiny]
    out[tiny] = torch.where(ax[tiny] < 0x3C900000, xt, xt - xt * xt * 0.5)
    special = ~below & (hx >= 0x7FF00000)  # inf, NaN
    out[special] = x[special] + x[special]
    done = minus_one | tiny | special
    direct = below & ~done & ((hx > 0) | (hx <= _NEG_LIMIT))  # -0.2929 < x < 0.41422: k = 0
    # 1 + x = 2**k (1 + f), with the rounding error of 1 + x in c.
    finite = hx < 0x43400000
    u = torch.where(finite, 1.0 + x, x)
    hu = _high(u)
    k = (hu >> 20) - 1023
    c = torch.where(k > 0, 1.0 - (u - x), x - (u - 1.0)) / u
    c = torch.where(finite, c, torch.zeros_like(c))
    hu = hu & 0x000FFFFF
    low = hu < 0x6A09E
    u = torch.where(low, _with_high(u, hu | 0x3FF00000), _with_high(u, hu | 0x3FE00000))
    k = torch.where(low, k, k + 1)
    hu = torch.where(low, hu, (0x00100000 - hu) >> 2)
    f = torch.where(direct, x, u - 1.0)
    k = torch.where(direct, torch.zeros_like(k), k)
    c = torch.where(direct, torch.zeros_like(c), c)
    hu = torch.where(direct, torch.ones_like(hu), hu)
    kd = k.to(torch.float64)
    hfsq = 0.5 * f * f
    k_lo = fma(kd, _LN2_LO, c)
    r_flat = hfsq * fma(-_TWO_THIRDS, f, 1.0)  # |f| < 2**-20
    flat = torch.where(
        f == 0,
        torch.where(k == 0, torch.zeros_like(f), fma(kd, _LN2_HI, k_lo)),
        torch.where(k == 0, f - r_flat, fma(kd, _LN2_HI, -((r_flat - k_lo) - f))),
    )
    s = f / (2.0 + f)
    z = s * s
    z2 = z * z
    z4 = z2 * z2
    z6 = z4 * z2
    r = fma(z, _LP[1], z2 * fma(z, _LP[3], _LP[2]))
    r = fma(z4, fma(z, _LP[5], _LP[4]), r)
    r = fma(z6, fma(z, _LP[7], _LP[6]), r)
    general = torch.where(
        k == 0,
        f - (hfsq - s * (hfsq + r)),
        fma(kd, _LN2_HI, -((hfsq - (s * (hfsq + r) + k_lo)) - f)),
    )
    rest = ~done
    out[rest] = torch.where(hu == 0, flat, general)[rest]
    return out
