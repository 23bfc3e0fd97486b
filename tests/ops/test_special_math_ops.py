"""``tf.math.special``: pinned values, and (with TensorFlow installed) the same expressions on
TF over each function's branches, in float32 and float64."""

import math

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

BESSEL = "i0 i0e i1 i1e j0 j1 k0 k0e k1 k1e y0 y1".split()
OTHERS = "dawsn expint fresnel_cos fresnel_sin spence".split()
NAMES = ["bessel_" + n for n in BESSEL] + OTHERS
# Points on both sides of every branch point of TF's approximations, zeros, signs and
# non-finite values.
POINTS = [
    -1e10, -40.0, -7.0, -3.0, -1.5, -0.3, 0.0, 1e-6, 0.3, 0.5, 0.9, 1.0, 1.2, 1.49, 1.51,
    1.6, 1.9, 2.1, 2.5, 3.0, 3.3, 5.0, 6.3, 7.9, 8.1, 12.0, 17.0, 33.0, 50.0, 63.0, 65.0,
    80.0, 500.0, 4e4, 2e9, math.inf, -math.inf, math.nan,
]  # fmt: skip


def _env(m):
    return {
        "f": m.constant(POINTS, m.float32),
        "d": m.constant(POINTS, m.float64),
        "h": m.constant([0.5, 1.0, 2.0, 3.5], m.float16),
        "bf": m.constant([0.5, 1.0], m.bfloat16),
        "i": m.constant([1, 2]),
    }


EXPRESSIONS = []
for _n in NAMES:
    EXPRESSIONS += [
        "tf.math.special.%s(f)" % _n,
        "tf.math.special.%s(d)" % _n,
        "tf.math.special.%s(h)" % _n,
        "tf.math.special.%s(bf)" % _n,
        "tf.math.special.%s(i)" % _n,
        "tf.math.special.%s([0.5, 2.0])" % _n,
    ]
EXPRESSIONS += ["tf.math.bessel_i0(f)", "tf.math.bessel_i1e(d)"]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_special_function_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    rtol = 2e-3 if "(h)" in expression else 1e-12 if "(d)" in expression else 2e-5
    atol = rtol * 1e-3
    if any("_%s(d)" % n in expression for n in ("j0", "j1", "y0", "y1")):
        rtol, atol = 1e-6, 5e-8  # torch's float64 kernels for these are less accurate than TF's
    if "_j1(f)" in expression:
        rtol = 1e-4  # torch's float32 j1 near x = 500
    assert_same(
        expression,
        run(tf_real, expression, _env(tf_real)),
        run(tf, expression, _env(tf)),
        rtol=rtol,
        atol=atol,
    )


def test_pinned_values():
    x = tf.constant([1.0, 2.0], tf.float64)
    np.testing.assert_allclose(
        tf.math.special.dawsn(x).numpy(), [0.5380795069127684, 0.3013403889237920], rtol=1e-14
    )
    np.testing.assert_allclose(
        tf.math.special.expint(x).numpy(), [1.8951178163559368, 4.9542343560018902], rtol=1e-14
    )
    np.testing.assert_allclose(
        tf.math.special.fresnel_cos(x).numpy(), [0.7798934003768228, 0.4882534060753408], rtol=1e-14
    )
    np.testing.assert_allclose(
        tf.math.special.fresnel_sin(x).numpy(), [0.4382591473903548, 0.3434156783636982], rtol=1e-14
    )
    np.testing.assert_allclose(
        tf.math.special.spence(x).numpy(), [0.0, -(math.pi**2) / 12], rtol=1e-14, atol=1e-16
    )
    np.testing.assert_allclose(
        tf.math.bessel_i0(x).numpy(), [1.2660658777520084, 2.2795853023360673]
    )
    assert tf.math.special.bessel_i0 is tf.math.bessel_i0


def test_dtype_errors():
    with pytest.raises(tf.errors.InvalidArgumentError, match="attr 'T' of int32"):
        tf.math.special.dawsn(tf.constant([1]))
    with pytest.raises(tf.errors.NotFoundError, match="Could not find device for node"):
        tf.math.special.spence(tf.constant([1.0], tf.float16))
