"""glibc's single-precision ``logf`` and ``sincosf``, bit for bit, as float64 torch ops.

TF's CPU kernels call the C library's ``logf``/``sincosf`` (Box-Muller in its random ops).
Their results are not correctly rounded, so rounding the float64 functions differs from them
in about 1 value in 100.  These follow glibc's algorithms (``sysdeps/ieee754/flt-32``:
``e_logf.c``, ``s_sincosf.c``, shared with ARM's optimized-routines): a 16-entry table and a
polynomial for ``logf``; a reduction by multiples of pi/2 and two polynomials for ``sincosf``.
Inputs: positive normal float32 values for ``logf``, finite values below 120 for ``sincosf``
(the range Box-Muller uses).
"""

from __future__ import annotations

import torch

__all__ = ["logf", "sincosf"]

_H = float.fromhex
_LOGF_TABLE = (  # (1/c, log(c)) per subinterval
    ("0x1.661ec79f8f3bep+0", "-0x1.57bf7808caadep-2"),
    ("0x1.571ed4aaf883dp+0", "-0x1.2bef0a7c06ddbp-2"),
    ("0x1.49539f0f010bp+0", "-0x1.01eae7f513a67p-2"),
    ("0x1.3c995b0b80385p+0", "-0x1.b31d8a68224e9p-3"),
    ("0x1.30d190c8864a5p+0", "-0x1.6574f0ac07758p-3"),
    ("0x1.25e227b0b8eap+0", "-0x1.1aa2bc79c81p-3"),
    ("0x1.1bb4a4a1a343fp+0", "-0x1.a4e76ce8c0e5ep-4"),
    ("0x1.12358f08ae5bap+0", "-0x1.1973c5a611cccp-4"),
    ("0x1.0953f419900a7p+0", "-0x1.252f438e10c1ep-5"),
    ("0x1p+0", "0x0p+0"),
    ("0x1.e608cfd9a47acp-1", "0x1.aa5aa5df25984p-5"),
    ("0x1.ca4b31f026aap-1", "0x1.c5e53aa362eb4p-4"),
    ("0x1.b2036576afce6p-1", "0x1.526e57720db08p-3"),
    ("0x1.9c2d163a1aa2dp-1", "0x1.bc2860d22477p-3"),
    ("0x1.886e6037841edp-1", "0x1.1058bc8a07ee1p-2"),
    ("0x1.767dcf5534862p-1", "0x1.4043057b6ee09p-2"),
)
_LN2 = _H("0x1.62e42fefa39efp-1")
_LOGF_POLY = (_H("-0x1.00ea348b88334p-2"), _H("0x1.5575b0be00b6ap-2"), _H("-0x1.ffffef20a4123p-2"))
_HPI_INV = _H("0x1.45F306DC9C883p+23")  # 2/pi * 2**24
_HPI = _H("0x1.921FB54442D18p0")
_COS = tuple(
    _H(v)
    for v in (
        "0x1p0",
        "-0x1.ffffffd0c621cp-2",
        "0x1.55553e1068f19p-5",
        "-0x1.6c087e89a359dp-10",
        "0x1.99343027bf8c3p-16",
    )
)
_SIN = tuple(
    _H(v) for v in ("-0x1.555545995a603p-3", "0x1.1107605230bc4p-7", "-0x1.994eb3774cf24p-13")
)
_TOP12_PIO4 = 0x3F4  # top 12 bits of (float)(pi/4), sign cleared
_TOP12_TINY = 0x398  # top 12 bits of 2**-12
_tables = {}


def _table(device):
    table = _tables.get(device)
    if table is None:
        values = [
            [_H(a) for a, _ in _LOGF_TABLE],
            [_H(b) for _, b in _LOGF_TABLE],
            [1.0, -1.0, -1.0, 1.0] + [0.0] * 12,
        ]
        table = _tables[device] = torch.tensor(values, dtype=torch.float64, device=device)
    return table


def _bits(x):
    return x.view(torch.int32).to(torch.int64) & 0xFFFFFFFF


def logf(x):
    """glibc's ``logf`` of a float32 tensor of positive normal values (float32 result)."""
    table = _table(x.device)
    ix = _bits(x)
    tmp = (ix - 0x3F330000) & 0xFFFFFFFF
    index = (tmp >> 19) % 16
    k = ((tmp ^ 0x80000000) - 0x80000000) >> 23  # (int32) tmp >> 23, arithmetic
    iz = ix - (tmp & (0x1FF << 23))
    z = iz.to(torch.int32).view(torch.float32).double()
    r = z * table[0][index] - 1
    y0 = table[1][index] + k.double() * _LN2
    r2 = r * r
    y = _LOGF_POLY[1] * r + _LOGF_POLY[2]
    y = _LOGF_POLY[0] * r2 + y
    return (y * r2 + (y0 + r)).float()


def sincosf(y):
    """glibc's ``sincosf`` of a float32 tensor with ``|y| < 120``: ``(sin, cos)`` in float32."""
    x = y.double()
    top = (_bits(y) >> 20) & 0x7FF
    small = top < _TOP12_PIO4
    quadrant = ((x * _HPI_INV).trunc().to(torch.int64) + 0x800000) >> 24
    reduced = x - quadrant.double() * _HPI
    quadrant = torch.where(small, torch.zeros_like(quadrant), quadrant)
    reduced = torch.where(small, x, reduced)
    sign = _table(y.device)[2][quadrant & 3]
    flip = 1.0 - 2.0 * ((quadrant & 2) != 0).double()  # glibc's 2nd table negates cos' terms
    xs = reduced * sign
    x2 = reduced * reduced
    x4 = x2 * x2
    x3 = x2 * xs
    c2 = _COS[3] * flip + x2 * (_COS[4] * flip)
    s1 = _SIN[1] + x2 * _SIN[2]
    c1 = _COS[0] * flip + x2 * (_COS[1] * flip)
    sin_value = ((xs + x3 * _SIN[0]) + (x3 * x2) * s1).float()
    cos_value = ((c1 + x4 * (_COS[2] * flip)) + (x4 * x2) * c2).float()
    odd = (quadrant & 1) == 1
    sin_out = torch.where(odd, cos_value, sin_value)
    cos_out = torch.where(odd, sin_value, cos_value)
    tiny = top < _TOP12_TINY
    return torch.where(tiny, y, sin_out), torch.where(tiny, torch.ones_like(y), cos_out)
