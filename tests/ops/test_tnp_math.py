"""``tnp``'s elementwise functions: TF's tnp dtypes and values."""

import numpy as np
import pytest

import torchkeras as tf
import torchkeras.experimental.numpy as tnp

from tnp_oracle import assert_same, oracle, ours

_OPERANDS = (
    "tnp.asarray([1, 2, 3], tnp.int32)",
    "tnp.asarray([1, 2, 3], tnp.int8)",
    "tnp.asarray([0.5, 1.5, 2.5], tnp.float32)",
    "tnp.asarray([0.5, 1.5, 2.5])",
    "[1, 2, 3]",
    "2",
    "1.5",
    "tnp.asarray([True, False, True])",
)
_UNARY = (
    "abs negative positive square sign sqrt exp log log1p sin cos tanh arctan floor ceil "
    "fix isnan isfinite reciprocal"
).split()
_BINARY = (
    "add subtract multiply true_divide divide floor_divide mod power maximum minimum "
    "equal not_equal greater less_equal logical_and logical_or logical_xor"
).split()
CASES = (
    ["tnp.%s(%s)" % (f, x) for f in _UNARY for x in _OPERANDS]
    + ["tnp.%s(%s, %s)" % (f, x, y) for f in _BINARY for x in _OPERANDS[:5] for y in _OPERANDS]
    + [
        "tnp.clip(tnp.asarray([1, 5, 9]), 2, 6)",
        "tnp.clip(tnp.asarray([1., 5., 9.], tnp.float32), 2, 6.5)",
        "tnp.around(tnp.asarray([0.5, 1.5, 2.567]), 1)",
        "tnp.around(tnp.asarray([1, 2]))",
        "tnp.logical_not([0, 1, 2])",
        "tnp.divmod(tnp.asarray([7, -7]), 3)[0]",
        "tnp.divmod(tnp.asarray([7, -7]), 3)[1]",
        "tnp.hypot(3, 4)",
        "tnp.arctan2(tnp.asarray([1.]), tnp.asarray([1.]))",
        "tnp.heaviside(tnp.asarray([-1., 0., 2.]), 0.5)",
        "tnp.exp2([1, 2.5])",
        "tnp.cbrt([-8., 27.])",
        "tnp.deg2rad(180)",
        "tnp.sinc([0., 0.5])",
        "tnp.log2(8)",
        "tnp.log10([100.])",
        "tnp.expm1(1e-5)",
        "tnp.arcsinh(1.)",
        "tnp.arccosh(2.)",
        "tnp.arctanh(0.5)",
        "tnp.signbit([-1., 1.])",
        "tnp.fabs([-1, 2])",
        "tnp.rad2deg(tnp.asarray(tnp.pi))",
        "tnp.logaddexp2(1., 3.)",
        "tnp.logaddexp(1., 2.)",
        "tnp.gcd([12, 18], 8)",
        "tnp.lcm([4, 6], 10)",
        "tnp.bitwise_and([12, 10], 6)",
        "tnp.bitwise_or(tnp.asarray([1], tnp.uint8), 2)",
        "tnp.bitwise_xor([True, False], True)",
        "tnp.bitwise_not(tnp.asarray([1], tnp.int8))",
        "tnp.bitwise_not([True, False])",
        "tnp.nextafter(tnp.asarray([1.], tnp.float32), 2.)",
        "tnp.float_power([2, 3], 2)",
        "tnp.conj([1., 2.])",
        "tnp.positive([1, -1])",
        "tnp.sign([-2.5, 0., 3.])",
    ]
)


def _scope():
    return {"tf": tf, "tnp": tnp, "np": np}


def test_elementwise_dtypes_and_values_match_tf():
    pytest.importorskip("tensorflow")
    assert_same(CASES, oracle(CASES), ours(CASES, _scope()))


def test_functions_reading_dtype_or_python_operators_behave_as_tf():
    # TF's isinf / isneginf / isposinf read ``x.dtype.is_floating`` first; rad2deg is ``x * c``.
    with pytest.raises(AttributeError, match="'list' object has no attribute 'dtype'"):
        tnp.isneginf([-np.inf, 1.0])
    assert tnp.isposinf(tnp.asarray([np.inf, 1.0])).numpy().tolist() == [True, False]
    assert tnp.isinf(tnp.asarray([1])) is False
    assert tnp.rad2deg(np.pi) == pytest.approx(180.0)
    assert tnp.rad2deg(tnp.asarray([1.0], tnp.float32)).dtype == tf.float32


def test_pinned_promotion_results():
    i32 = tnp.asarray([1, 2], tnp.int32)
    assert tnp.add(i32, 1.5).dtype == tf.float64
    assert tnp.add(tnp.asarray([1.0], tnp.float32), 1.5).dtype == tf.float32
    assert tnp.add(tnp.asarray([1], tnp.int8), 1000).numpy().tolist() == [-23]
    assert tnp.true_divide(i32, i32).dtype == tf.float64
    assert tnp.true_divide(tnp.asarray([1], tnp.int8), 2).dtype == tf.float32
    with pytest.raises(AttributeError, match="experimental_enable_numpy_behavior"):
        tnp.sqrt(4)  # TF's _scalar calls x.astype(float), a NumPy-behavior method
    assert tnp.add(True, True).dtype == tf.bool
    assert tnp.equal([1, 2], 2).numpy().tolist() == [False, True]
    with pytest.raises(ValueError, match="Not more than one"):
        tnp.clip(i32, None, None)
