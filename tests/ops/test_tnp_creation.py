"""``tnp``'s array creation: NumPy's inference (int64 / float64), TF's values."""

import numpy as np
import pytest
from tnp_oracle import assert_same, oracle, ours

import torchkeras as tf
import torchkeras.experimental.numpy as tnp

CASES = (
    "tnp.asarray(1)",
    "tnp.asarray(1.)",
    "tnp.asarray([1, 2.5])",
    "tnp.asarray(True)",
    "tnp.asarray(np.ones(2, np.float32))",
    "tnp.asarray(tf.constant([1, 2]))",
    "tnp.asarray([1, 2], dtype=tnp.int8)",
    "tnp.asarray(1000, tnp.int8)",
    "tnp.array([[1, 2]], ndmin=3)",
    "tnp.array(1.5, dtype=float)",
    "tnp.ones([2, 1])",
    "tnp.zeros(3, dtype=tnp.int32)",
    "tnp.empty([2])",
    "tnp.full([2, 2], 7)",
    "tnp.full([2], 1.5, dtype=tnp.float32)",
    "tnp.ones_like(tnp.asarray([1, 2], tnp.int16))",
    "tnp.zeros_like([1., 2.], dtype=tnp.int32)",
    "tnp.full_like([1, 2], 2.7)",
    "tnp.eye(3, 4, k=1)",
    "tnp.identity(2, dtype=tnp.int32)",
    "tnp.tri(3, k=-1)",
    "tnp.arange(5)",
    "tnp.arange(1., 3.)",
    "tnp.arange(0, 1, 0.25)",
    "tnp.arange(2, 10, 3, dtype=tnp.float32)",
    "tnp.linspace(0, 1, 5)",
    "tnp.linspace(0, 1, 4, endpoint=False, dtype=tnp.float32)",
    "tnp.logspace(0, 2, 3)",
    "tnp.geomspace(1, 8, 4)",
    "tnp.copy([1, 2])",
)


def test_creation_matches_tf():
    pytest.importorskip("tensorflow")
    scope = {"tf": tf, "tnp": tnp, "np": np}
    assert_same(CASES, oracle(CASES), ours(CASES, scope))


def test_creation_matches_tf_with_prefer_float32():
    pytest.importorskip("tensorflow")
    from torchkeras.ops.tnp_behavior import _reset_numpy_behavior

    tnp.experimental_enable_numpy_behavior(prefer_float32=True)
    try:
        got = ours(CASES, {"tf": tf, "tnp": tnp, "np": np})
    finally:
        _reset_numpy_behavior()
    assert_same(CASES, oracle(CASES, prefer_float32=True), got)


def test_pinned_inference():
    assert tnp.asarray(1).dtype == tf.int64
    assert tnp.asarray(1.0).dtype == tf.float64
    assert tnp.ones([2]).dtype == tf.float64
    assert tnp.arange(3).numpy().tolist() == [0, 1, 2]
    x = tf.constant([1, 2])
    assert tnp.asarray(x) is x
    assert tnp.linspace(0, 1, 3).numpy().tolist() == [0.0, 0.5, 1.0]
