"""TF's CPU softmax answer on rows holding NaN or +inf (``torchkeras/ops/softmax_kernel.py``):
TF's values where they do not depend on the CPU, the lane replay at AVX-512's width, and a
differential run against real TensorFlow (with TF installed)."""

import math

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras
from torchkeras.ops import softmax_kernel

NAN = math.nan
INF = math.inf

# (row, TF 2.21's float32 softmax of it); short rows give the same answer at every SIMD width
ROWS = [
    ([INF, 1.0], [NAN, 0.0]),
    ([NAN, 1.0, -INF, INF, -1.0, 0.0], [NAN, 0.0, 0.0, NAN, 0.0, 0.0]),
    ([-INF, -INF], [NAN, NAN]),
    ([INF, INF, 1.0], [NAN, NAN, 0.0]),
    ([INF, -INF], [NAN, 0.0]),
    ([-INF, NAN], [0.0, NAN]),
    ([-INF, 1.0], [0.0, 1.0]),
    ([INF], [NAN]),
    ([1e30, 1.0], [1.0, 0.0]),
]


@pytest.mark.parametrize("dtype", [tf.float32, tf.float16, tf.bfloat16])
@pytest.mark.parametrize("row,expected", ROWS)
def test_rows_with_nan_or_inf_as_tf(row, expected, dtype):
    if dtype == tf.float16 and row[0] == 1e30:
        pytest.skip("1e30 is out of float16's range")
    got = tf.nn.softmax(tf.constant(row, dtype)).numpy().astype(np.float64)
    np.testing.assert_allclose(got, expected, atol=1e-3)


def test_float64_keeps_eigens_all_nan_rows():
    got = tf.nn.softmax(tf.constant([INF, 1.0], tf.float64)).numpy()
    assert np.isnan(got).all()


def test_axis_not_last_and_finite_rows_untouched():
    x = tf.constant([[INF, 1.0], [1.0, NAN], [2.0, 3.0]])
    np.testing.assert_allclose(
        tf.nn.softmax(x, axis=0).numpy(), [[NAN, 0.0], [0.0, NAN], [0.0, 0.0]], atol=1e-7
    )
    np.testing.assert_allclose(
        tf.nn.softmax(x).numpy(), [[NAN, 0.0], [0.0, NAN], [0.26894143, 0.73105854]], atol=1e-6
    )


def test_keras_entry_points_share_the_kernel():
    row = np.array([[NAN, 1.0, -INF, INF, -1.0, 0.0]], np.float32)
    expected = [[NAN, 0.0, 0.0, NAN, 0.0, 0.0]]
    for result in (
        keras.ops.softmax(row),
        keras.ops.softmax(row, axis=(0, 1)),
        keras.ops.softmax(row, axis=None),
        keras.activations.softmax(row),
        keras.layers.Softmax()(row),
        keras.layers.Activation("softmax")(row),
    ):
        np.testing.assert_allclose(np.asarray(result), expected, atol=1e-7)


def test_keras_softmax_axis_none_is_over_everything():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    expected = np.exp(x) / np.exp(x).sum()
    np.testing.assert_allclose(np.asarray(keras.ops.softmax(x, axis=None)), expected)
    np.testing.assert_allclose(
        np.asarray(keras.ops.log_softmax(x, axis=None)), np.log(expected), rtol=1e-6
    )


@pytest.mark.parametrize(
    "n,specials,nan_at",
    [
        # TF 2.21 on an AVX-512 CPU: NaN lanes of the maximum spread NaN to other positions
        (15, {12: NAN, 14: NAN}, [1, 3, 12, 14]),
        (47, {5: NAN, 30: NAN, 27: INF}, [1, 5, 17, 27, 30, 33]),
    ],
)
def test_lane_replay_at_avx512_width(monkeypatch, n, specials, nan_at):
    monkeypatch.setattr(softmax_kernel, "_WIDTH", 16)
    row = torch.arange(n, dtype=torch.float32)
    for index, value in specials.items():
        row[index] = value
    got = softmax_kernel.softmax(row, 0)
    assert torch.isnan(got).nonzero().flatten().tolist() == nan_at
    assert (got[~torch.isnan(got)] == 0).all()


def test_gradient_still_flows_through_finite_rows():
    x = tf.Variable([[1.0, 2.0], [INF, 1.0]])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.nn.softmax(x)[0] * tf.constant([1.0, 0.0]))
    grad = tape.gradient(y, x).numpy()
    assert np.isfinite(grad[0]).all() and grad[0, 0] != 0


def test_matches_tensorflow_on_random_rows():
    tf_real = pytest.importorskip("tensorflow")
    rng = np.random.default_rng(3)
    widths = {"AVX512": 16, "AVX2": 8}
    if widths.get(torch.backends.cpu.get_cpu_capability()) is None:
        pytest.skip("the replay's width is checked on AVX2/AVX-512 CPUs")
    for dtype in ("float32", "float16", "bfloat16", "float64"):
        for n in (1, 2, 9, 15, 17, 33, 47, 64, 65, 100, 300):
            values = rng.normal(size=(3, n)) * 30
            for _ in range(rng.integers(1, 6)):
                values[rng.integers(0, 3), rng.integers(0, n)] = rng.choice([NAN, INF, -INF])
            axis = int(rng.integers(0, 2)) - 1
            theirs = tf_real.nn.softmax(tf_real.constant(values, dtype), axis=axis)
            ours = tf.nn.softmax(tf.constant(values, dtype), axis=axis)
            np.testing.assert_allclose(
                ours.numpy().astype(np.float64),
                theirs.numpy().astype(np.float64),
                atol=1e-2,
                err_msg="%s n=%d axis=%d" % (dtype, n, axis),
            )
