"""``tnp``'s reductions: TF's tnp result dtypes and values."""

import numpy as np
import pytest
from tnp_oracle import assert_same, oracle, ours

import torchkeras as tf
import torchkeras.experimental.numpy as tnp

_INPUTS = (
    "tnp.asarray([[1, 2], [3, 4]], tnp.int32)",
    "tnp.asarray([[1, 2], [3, 4]], tnp.uint8)",
    "tnp.asarray([[0.5, 2.], [3., 4.]], tnp.float32)",
    "[[True, False], [True, True]]",
)
_FUNCTIONS = "sum prod mean amax amin argmax argmin all any std var cumsum cumprod".split()
CASES = (
    ["tnp.%s(%s)" % (f, x) for f in _FUNCTIONS for x in _INPUTS]
    + ["tnp.%s(%s, axis=0)" % (f, x) for f in _FUNCTIONS for x in _INPUTS]
    + [
        "tnp.sum(tnp.ones([2, 3]), axis=1, keepdims=True)",
        "tnp.mean([1, 2], dtype=tnp.float32)",
        "tnp.count_nonzero([[0, 1], [2, 0]], axis=1)",
        "tnp.ptp([3, 1, 7])",
        "tnp.average([1., 2.], weights=[1., 3.])",
        "tnp.nansum([1., np.nan, 2.])",
        "tnp.nanmean([1., np.nan, 2.])",
        "tnp.max(tnp.asarray([1, 5], tnp.int16))",
    ]
)


def test_reductions_match_tf():
    pytest.importorskip("tensorflow")
    scope = {"tf": tf, "tnp": tnp, "np": np}
    assert_same(CASES, oracle(CASES), ours(CASES, scope))


def test_pinned_reduction_dtypes():
    i32 = tnp.asarray([[1, 2], [3, 4]], tnp.int32)
    assert tnp.sum(i32).dtype == tf.int64 and int(tnp.sum(i32)) == 10
    assert tnp.mean(i32).dtype == tf.float64 and float(tnp.mean(i32)) == 2.5
    assert tnp.amax(i32, axis=0).numpy().tolist() == [3, 4]
    assert tnp.argmax(i32).dtype == tf.int64
    assert tnp.sum([True, True]).dtype == tf.int64
