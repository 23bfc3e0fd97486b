"""glibc's ``logf``/``sincosf`` reproduced bit for bit (checked against the C library via
ctypes)."""

import ctypes
import ctypes.util
import math

import numpy as np
import pytest
import torch

from torchkeras.ops import libm_float


def _libm():
    name = ctypes.util.find_library("m")
    if name is None or "libm.so" not in name:
        pytest.skip("needs glibc's libm")
    libm = ctypes.CDLL(name)
    libm.logf.restype, libm.logf.argtypes = ctypes.c_float, [ctypes.c_float]
    pointer = ctypes.POINTER(ctypes.c_float)
    libm.sincosf.argtypes = [ctypes.c_float, pointer, pointer]
    return libm


def _unit_floats(step):
    """The float32 values TF's Box-Muller feeds them: k / 2**23 in [0, 1)."""
    k = torch.arange(0, 2**23, step, dtype=torch.int64)
    return (k | 0x3F800000).to(torch.int32).view(torch.float32) - 1.0


def test_logf_matches_glibc():
    libm = _libm()
    x = torch.clamp_min(_unit_floats(211), 1.0e-7)
    expected = np.array([libm.logf(float(v)) for v in x.numpy()], np.float32)
    np.testing.assert_array_equal(libm_float.logf(x).numpy(), expected)


def test_sincosf_matches_glibc():
    libm = _libm()
    x = (_unit_floats(211).double() * (2 * math.pi)).float()
    sin, cos = ctypes.c_float(), ctypes.c_float()
    expected = []
    for value in x.numpy():
        libm.sincosf(float(value), ctypes.byref(sin), ctypes.byref(cos))
        expected.append((sin.value, cos.value))
    expected = np.array(expected, np.float32)
    mine = torch.stack(libm_float.sincosf(x), dim=1).numpy()
    np.testing.assert_array_equal(mine, expected)
