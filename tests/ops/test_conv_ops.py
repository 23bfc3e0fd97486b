"""tf.nn convolutions: pinned values, then values, errors and gradients against real TF."""

import itertools

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

RNG = np.random.default_rng(7)
X4 = RNG.standard_normal((2, 7, 6, 3)).astype(np.float32)
W4 = RNG.standard_normal((3, 2, 3, 4)).astype(np.float32)
WG = RNG.standard_normal((3, 3, 1, 6)).astype(np.float32)  # grouped: 3 groups
X3 = RNG.standard_normal((2, 9, 3)).astype(np.float32)
W3 = RNG.standard_normal((3, 3, 5)).astype(np.float32)
X5 = RNG.standard_normal((2, 5, 6, 4, 3)).astype(np.float32)
W5 = RNG.standard_normal((2, 3, 2, 3, 4)).astype(np.float32)
WD = RNG.standard_normal((3, 3, 3, 2)).astype(np.float32)  # depthwise, multiplier 2
WP = RNG.standard_normal((1, 1, 6, 5)).astype(np.float32)  # pointwise
WT = RNG.standard_normal((3, 3, 5, 3)).astype(np.float32)  # transposed: out 5, in 3
ENV = dict(X4=X4, W4=W4, WG=WG, X3=X3, W3=W3, X5=X5, W5=W5, WD=WD, WP=WP, WT=WT)


def test_conv2d_same_pads_extra_cell_after():
    x = tf.reshape(tf.range(16.0), [1, 4, 4, 1])
    out = tf.nn.conv2d(x, tf.ones([2, 2, 1, 1]), 2, "SAME")
    # windows start at 0 and 2 with no padding before (total padding 0)
    assert out.numpy().reshape(2, 2).tolist() == [[10.0, 18.0], [42.0, 50.0]]
    out = tf.nn.conv2d(x, tf.ones([2, 2, 1, 1]), 1, "SAME")
    # one padded row/column after: the last row sums the last input row pairs only
    assert out.numpy()[0, 3, :, 0].tolist() == [25.0, 27.0, 29.0, 15.0]
    assert out.shape == (1, 4, 4, 1)


def test_conv2d_int32_and_errors_without_tf():
    x = tf.ones([1, 3, 3, 1], tf.int32)
    out = tf.nn.conv2d(x, tf.ones([2, 2, 1, 1], tf.int32), 1, "VALID")
    assert out.dtype == tf.int32 and out.numpy().ravel().tolist() == [4, 4, 4, 4]
    with pytest.raises(ValueError, match="strides should be of length 1, 2 or 4"):
        tf.nn.conv2d(X4, W4, [1, 2, 2], "SAME")
    with pytest.raises(tf.errors.InvalidArgumentError, match="Computed output size would be"):
        tf.nn.conv2d(X4, np.ones((9, 1, 3, 1), np.float32), 1, "VALID")


def test_conv_gradient_flows():
    x = tf.Variable(X4)
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.nn.conv2d(x, W4, 2, "SAME"))
    assert tape.gradient(y, x).shape == X4.shape


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


CONV2D = [
    "tf.nn.conv2d(X4, W4, %r, %r, data_format=%r, dilations=%r)" % (s, p, "NHWC", d)
    for s, p, d in itertools.product([1, 2, [2, 3], [1, 3, 2, 1]], ["SAME", "VALID"], [1, [2, 1]])
] + [
    "tf.nn.conv2d(X4, W4, 1, [[0, 0], [1, 2], [0, 3], [0, 0]])",
    "tf.nn.conv2d(X4, W4, 2, [[0, 0], [2, 0], [1, 1], [0, 0]], dilations=2)",
    "tf.nn.conv2d(X4, WG, 2, 'SAME')",
    "tf.nn.conv2d(np.transpose(X4, [0, 3, 1, 2]), W4, 2, 'SAME', data_format='NCHW')",
    "tf.nn.conv2d(np.transpose(X4, [0, 3, 1, 2]), W4, [1, 1, 2, 1], 'VALID', 'NCHW')",
    "tf.nn.conv2d(X4[None], W4, 2, 'SAME')",
    "tf.nn.conv2d(X4.astype(np.float64), W4.astype(np.float64), 3, 'SAME')",
    "tf.nn.conv2d(X4.astype(np.int32), W4.astype(np.int32), 1, 'SAME')",
    "tf.nn.conv1d(X3, W3, 2, 'SAME')",
    "tf.nn.conv1d(X3, W3, [1, 2, 1], 'VALID', dilations=2)",
    "tf.nn.conv1d(np.transpose(X3, [0, 2, 1]), W3, 1, 'SAME', data_format='NCW')",
    "tf.nn.conv3d(X5, W5, [1, 1, 2, 1, 1], 'SAME')",
    "tf.nn.conv3d(X5, W5, [1, 2, 1, 3, 1], 'VALID')",
    "tf.nn.conv3d(X5.astype(np.float64), W5.astype(np.float64), [1, 2, 2, 2, 1], 'SAME')",
    "tf.nn.convolution(X4, W4)",
    "tf.nn.convolution(X4, W4, 2, 'SAME')",
    "tf.nn.convolution(X4, W4, padding='SAME', dilations=2)",
    "tf.nn.convolution(X3, W3, padding='SAME', dilations=[3])",
    "tf.nn.convolution(X5, W5, 2, 'SAME')",
    "tf.nn.atrous_conv2d(X4, W4, 2, 'SAME')",
    "tf.nn.atrous_conv2d(X4, W4, 2, 'VALID')",
    "tf.nn.conv2d(X4.astype(np.float64), np.ones((9, 1, 3, 2)), 2, 'VALID')",
]

XT = X4[:, :4, :4]
TRANSPOSED = [
    "tf.nn.conv2d_transpose(XT, WT, [2, 8, 8, 5], 2)",
    "tf.nn.conv2d_transpose(XT, WT, [2, 7, 7, 5], 2)",
    "tf.nn.conv2d_transpose(XT, WT, [2, 9, 9, 5], 2, 'VALID')",
    "tf.nn.conv2d_transpose(XT, WT, [2, 10, 9, 5], 2, 'VALID')",
    "tf.nn.conv2d_transpose(XT, WT, [2, 6, 6, 5], 1, 'VALID')",
    "tf.nn.conv2d_transpose(XT, WT, [2, 8, 7, 5], [2, 2], [[0, 0], [1, 0], [0, 1], [0, 0]])",
    "tf.nn.conv2d_transpose(XT, WT, tf.constant([2, 8, 8, 5]), 2)",
    "tf.nn.conv2d_transpose(XT.astype(np.int32), WT.astype(np.int32), [2, 8, 8, 5], 2)",
    "tf.nn.conv1d_transpose(XT[0], WT[0], [4, 8, 5], 2)",
    "tf.nn.conv1d_transpose(XT[0], WT[0], [4, 9, 5], 2, 'VALID')",
    "tf.nn.conv3d_transpose(XT[None], WT[None], [1, 4, 8, 8, 5], 2)",
    "tf.nn.conv3d_transpose(XT[None], WT[None], [1, 2, 8, 7, 5], [1, 1, 2, 2, 1])",
    "tf.nn.conv_transpose(XT, WT, [2, 8, 8, 5], 2)",
    "tf.nn.conv_transpose(XT[0], WT[0], [4, 7, 5], 2)",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 1, 1, 1], 'SAME')",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 2, 3, 1], 'SAME')",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 2, 2, 1], 'VALID')",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 1, 1, 1], 'SAME', dilations=[2, 3])",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 1, 1, 1], 'VALID', dilations=[2, 2])",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 1, 1, 1], [[0, 0], [1, 1], [0, 2], [0, 0]])",
    "tf.nn.depthwise_conv2d(X4.astype(np.float64), WD.astype(np.float64), [1, 1, 1, 1], 'SAME')",
    "tf.nn.separable_conv2d(X4, WD, WP, [1, 1, 1, 1], 'SAME')",
    "tf.nn.separable_conv2d(X4, WD, WP, [1, 2, 2, 1], 'VALID')",
    "tf.nn.separable_conv2d(X4, WD, WP, [1, 1, 1, 1], 'SAME', dilations=[2, 2])",
    "tf.nn.separable_conv2d(X4, WD, WP, [1, 1, 1, 1], 'VALID', dilations=[2, 2])",
]

F64 = "XT.astype(np.float64), WT.astype(np.float64), "
TRANSPOSED_ERRORS = [
    "tf.nn.conv2d_transpose(" + F64 + "[2, 9, 9, 5], 2)",
    "tf.nn.conv2d_transpose(" + F64 + "[2, 8, 8, 4], 2)",
    "tf.nn.conv2d_transpose(" + F64 + "[3, 8, 8, 5], 2)",
    "tf.nn.conv2d_transpose(" + F64.replace("WT.", "WT[..., :2].") + "[2, 8, 8, 5], 2)",
    "tf.nn.conv2d_transpose(" + F64 + "[2, 8, 8, 5], 2, 'same')",
    "tf.nn.conv2d_transpose(XT.astype(np.int64), WT.astype(np.int64), [2, 8, 8, 5], 2)",
    "tf.nn.conv_transpose(XT, WT, [8, 5], 2)",
    "tf.nn.depthwise_conv2d(X4, WD, 2, 'SAME')",
    "tf.nn.depthwise_conv2d(X4, WD, [2, 2], 'SAME')",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 1, 1, 1], 'VALID', dilations=2)",
    "tf.nn.depthwise_conv2d(X4, WD[:, :, :2], [1, 1, 1, 1], 'SAME')",
    "tf.nn.depthwise_conv2d(X4, WD, [1, 1, 1, 1], 'same')",
    "tf.nn.depthwise_conv2d(X4.astype(np.int32), WD.astype(np.int32), [1, 1, 1, 1], 'SAME')",
    "tf.nn.depthwise_conv2d(X4.astype(np.float64), WD, [1, 1, 1, 1], 'SAME')",
    "tf.nn.separable_conv2d(X4, WD, WP[:, :, :5], [1, 1, 1, 1], 'VALID')",
    "tf.nn.separable_conv2d(X4, WD, WP.astype(np.float64), [1, 1, 1, 1], 'VALID')",
    "tf.nn.separable_conv2d(X4, WD, np.ones((2, 1, 6, 5), np.float32), [1, 1, 1, 1], 'VALID')",
    "tf.nn.separable_conv2d(X4, WD, WP, 1, 'VALID')",
]
ENV["XT"] = XT

D4 = "X4.astype(np.float64), W4.astype(np.float64), "
D5 = "X5.astype(np.float64), W5.astype(np.float64), "
CONV_ERRORS = [
    "tf.nn.conv2d(" + D4 + "1, [[0, 0], [-1, 0], [0, 0], [0, 0]])",
    "tf.nn.conv2d(" + D4 + "1, [[1, 0], [1, 0], [0, 0], [0, 0]])",
    "tf.nn.conv2d(" + D4 + "1, [[0, 0], [1, 0], [0, 0], [0, 1]])",
    "tf.nn.conv2d(X4[0].astype(np.float64), W4.astype(np.float64), 1, 'VALID')",
    "tf.nn.conv2d(X4.astype(np.float64), W4[0].astype(np.float64), 1, 'VALID')",
    "tf.nn.conv3d(X4.astype(np.float64), W5.astype(np.float64), [1] * 5, 'VALID')",
    "tf.nn.conv3d(X5.astype(np.float64), W4.astype(np.float64), [1] * 5, 'VALID')",
    "tf.nn.conv2d(X4, W4, [2, 2, 2, 2], 'SAME')",
    "tf.nn.conv2d(X4, W4, [1, 2, 2], 'SAME')",
    "tf.nn.conv2d(X4, W4, 1, 'same')",
    "tf.nn.conv2d(X4.astype(np.float64), W4.astype(np.float64), 1, 'same')",
    "tf.nn.conv2d(X4, W4, 1, [[1, 2], [0, 1]])",
    "tf.nn.conv2d(X4, W4, 1, 'EXPLICIT')",
    "tf.nn.conv2d(X4, W4, 1, 'VALID', data_format='NHCW')",
    "tf.nn.conv2d(X4, W4[:, :, :2], 1, 'VALID')",
    "tf.nn.conv2d(X4.astype(np.float64), W4[:, :, :2].astype(np.float64), 1, 'VALID')",
    "tf.nn.conv2d(X4.astype(np.int64), W4.astype(np.int64), 1, 'VALID')",
    "tf.nn.conv2d(X4, W4, 1, 'VALID', dilations=[1, 1, 1, 2])",
    "tf.nn.conv2d(X4.astype(np.float64), W4.astype(np.float64), 1, 'VALID', dilations=[2,1,1,1])",
    "tf.nn.conv2d(X4, np.ones((9, 3, 3, 4), np.float32), 1, 'VALID')",
    "tf.nn.conv2d(X4, W4, 0, 'VALID')",
    "tf.nn.conv2d(X4, W4, 1, 'VALID', dilations=0)",
    "tf.nn.conv1d(X3, W3, [2, 1], 'SAME')",
    "tf.nn.conv1d(X3, W3, 1, 'SAME', data_format='NHWC')",
    "tf.nn.conv1d(X3, W3, 1, [[0, 0], [1, 1], [0, 0]])",
    "tf.nn.conv3d(X5, W5, 1, 'SAME')",
    "tf.nn.conv3d(X5, W5, [1, 1, 1], 'VALID')",
    "tf.nn.conv3d(X5.astype(np.float64), W5.astype(np.float64), [1, 1, 1], 'VALID')",
    "tf.nn.conv3d(" + D5 + "[1] * 5, 'VALID', dilations=[1] * 3)",
    "tf.nn.conv3d(X5[None].astype(np.float64), W5.astype(np.float64), [1] * 5, 'VALID')",
    "tf.nn.conv3d(X5, W5, [1, 1, 1, 1, 1], 'VALID', dilations=2)",
    "tf.nn.conv3d(X5, W5, [1, 1, 1, 1, 1], 'valid')",
    "tf.nn.conv3d(X5, W5[:, :, :, :1], [1, 1, 1, 1, 1], 'VALID')",
    "tf.nn.conv3d(X5.astype(np.int64), W5.astype(np.int64), [1, 1, 1, 1, 1], 'VALID')",
    "tf.nn.convolution(X4, W4, strides=2, padding='SAME', dilations=2)",
    "tf.nn.convolution(X4, W4, 1, [[0, 0], [1, 1], [1, 1], [0, 0]])",
    "tf.nn.convolution(X4[0, 0], W4[0, 0], 1, 'SAME')",
]


@pytest.mark.parametrize("expression", CONV2D + CONV_ERRORS + TRANSPOSED + TRANSPOSED_ERRORS)
def test_conv_matches_tf(tf_real, expression):
    assert_same(
        expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-4, atol=1e-4
    )


LOW_PRECISION = [
    "tf.nn.conv2d(X4.astype(np.float16), W4.astype(np.float16), 2, 'SAME')",
    "tf.nn.conv2d(tf.constant(X4, tf.bfloat16), tf.constant(W4, tf.bfloat16), 2, 'SAME')",
    "tf.nn.conv3d(tf.constant(X5, tf.float16), tf.constant(W5, tf.float16), [1] * 5, 'SAME')",
    "tf.nn.depthwise_conv2d(tf.constant(X4, tf.float16), WD.astype(np.float16), [1] * 4, 'SAME')",
]


@pytest.mark.parametrize("expression", LOW_PRECISION)
def test_low_precision_conv_matches_tf(tf_real, expression):
    assert_same(
        expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=3e-2, atol=3e-2
    )


def _grads(module, fn, *arrays):
    values = [module.Variable(a) for a in arrays]
    with module.GradientTape() as tape:
        out = fn(module, *values)
        loss = module.reduce_sum(out * out)
    return [np.asarray(g) for g in tape.gradient(loss, values)]


GRADIENT_CASES = {
    "conv2d_same_stride": (lambda m, x, w: m.nn.conv2d(x, w, 2, "SAME"), X4, W4),
    "conv2d_dilated": (lambda m, x, w: m.nn.conv2d(x, w, 1, "SAME", dilations=2), X4, W4),
    "conv2d_explicit": (
        lambda m, x, w: m.nn.conv2d(x, w, [1, 2], [[0, 0], [1, 2], [0, 1], [0, 0]]),
        X4,
        W4,
    ),
    "conv2d_grouped": (lambda m, x, w: m.nn.conv2d(x, w, 1, "VALID"), X4, WG),
    "conv1d": (lambda m, x, w: m.nn.conv1d(x, w, 2, "SAME"), X3, W3),
    "conv3d": (lambda m, x, w: m.nn.conv3d(x, w, [1, 2, 1, 2, 1], "SAME"), X5, W5),
    "conv2d_transpose": (
        lambda m, x, w: m.nn.conv2d_transpose(x, w, [2, 7, 8, 5], 2),
        X4[:, :4, :4],
        WT,
    ),
    "conv3d_transpose": (
        lambda m, x, w: m.nn.conv3d_transpose(x, w, [1, 2, 8, 7, 5], [1, 1, 2, 2, 1]),
        X4[None, :, :4, :4],
        WT[None],
    ),
    "depthwise_dilated": (
        lambda m, x, w: m.nn.depthwise_conv2d(x, w, [1, 1, 1, 1], "SAME", dilations=[2, 3]),
        X4,
        WD,
    ),
    "separable": (
        lambda m, x, w, p: m.nn.separable_conv2d(x, w, p, [1, 2, 2, 1], "SAME"),
        X4,
        WD,
        WP,
    ),
}


@pytest.mark.parametrize("case", sorted(GRADIENT_CASES))
def test_conv_gradients_match_tf(tf_real, case):
    fn, *arrays = GRADIENT_CASES[case]
    for want, got in zip(_grads(tf_real, fn, *arrays), _grads(tf, fn, *arrays)):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-3)
