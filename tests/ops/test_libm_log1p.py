"""glibc's ``log1p`` algorithm and the exact fused multiply-add it needs."""

import math
import platform
from fractions import Fraction

import numpy as np
import pytest
import torch

from torchkeras.ops.libm_log1p import fma, log1p


def test_fma_rounds_once():
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(3000), rng.standard_normal(3000)
    scale = rng.choice([1e-20, 1e-8, 1.0, 1e8], 3000)
    for c in (rng.standard_normal(3000) * scale, -(a * b)):  # ordinary and cancelling sums
        got = fma(torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)).numpy()
        exact = [float(Fraction(x) * Fraction(y) + Fraction(z)) for x, y, z in zip(a, b, c)]
        np.testing.assert_array_equal(got, exact)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="compares with glibc's log1p")
def test_log1p_is_glibcs():
    rng = np.random.default_rng(1)
    values = np.concatenate(
        [
            -rng.random(20000),
            -rng.random(2000) * 1e-3,
            rng.random(5000) * 10,
            -rng.random(1000) * 1e-8,
            -0.99 - rng.random(1000) * 0.01,
            [0.0, -0.0, 2.0**60, 1e-320],
        ]
    )
    got = log1p(torch.from_numpy(values)).numpy()
    np.testing.assert_array_equal(got, [math.log1p(v) for v in values.tolist()])


def test_log1p_special_values():
    got = log1p(torch.tensor([-1.0, -2.0, math.inf, math.nan], dtype=torch.float64)).tolist()
    assert got[0] == -math.inf and math.isnan(got[1]) and got[2] == math.inf
    assert math.isnan(got[3])
