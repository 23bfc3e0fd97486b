"""tf.nn pooling: pinned values, then values, errors and gradients against real TF."""

import itertools

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

RNG = np.random.default_rng(3)
X4 = RNG.standard_normal((2, 7, 6, 3)).astype(np.float32)
X3 = RNG.standard_normal((2, 9, 3)).astype(np.float32)
X5 = RNG.standard_normal((2, 5, 6, 4, 3)).astype(np.float32)
XI = RNG.integers(-50, 50, (2, 7, 6, 3)).astype(np.int32)
TIES = np.zeros((1, 4, 4, 2), np.float32)
X6 = RNG.standard_normal((2, 3, 4, 6)).astype(np.float32)
ENV = dict(X6=X6, X4=X4, X3=X3, X5=X5, XI=XI, TIES=TIES)


def test_avg_pool_same_leaves_padding_out():
    x = tf.reshape(tf.range(1.0, 10.0), [1, 3, 3, 1])
    out = tf.nn.avg_pool2d(x, 2, 2, "SAME")
    assert out.numpy().reshape(2, 2).tolist() == [[3.0, 4.5], [7.5, 9.0]]
    out = tf.nn.max_pool2d(-x, 2, 2, "SAME")
    assert out.numpy().reshape(2, 2).tolist() == [[-1.0, -3.0], [-7.0, -9.0]]


def test_max_pool_with_argmax_pinned():
    x = tf.reshape(tf.range(16.0), [1, 4, 2, 2])
    out, argmax = tf.nn.max_pool_with_argmax(x, 2, 2, "VALID")
    assert out.numpy().ravel().tolist() == [6.0, 7.0, 14.0, 15.0]
    assert argmax.dtype == tf.int64 and argmax.numpy().ravel().tolist() == [6, 7, 14, 15]
    with pytest.raises(ValueError, match="other  than 'NHWC'"):
        tf.nn.max_pool_with_argmax(x, 2, 2, "VALID", data_format="NCHW")


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


POOLS = [
    "tf.nn.%s(X4, %r, %r, %r)" % (op, k, s, p)
    for op, k, s, p in itertools.product(
        ["max_pool2d", "avg_pool2d"], [2, [3, 2]], [1, 2, [2, 3]], ["SAME", "VALID"]
    )
] + [
    "tf.nn.max_pool2d(X4, 3, 2, [[0, 0], [1, 1], [2, 0], [0, 0]])",
    "tf.nn.max_pool2d(np.transpose(X4, [0, 3, 1, 2]), 3, 2, 'SAME', 'NCHW')",
    "tf.nn.avg_pool2d(np.transpose(X4, [0, 3, 1, 2]), 3, 2, 'SAME', 'NCHW')",
    "tf.nn.max_pool2d(XI, 3, 2, 'SAME')",
    "tf.nn.max_pool2d(tf.constant(XI), 3, 2, 'SAME')",
    "tf.nn.max_pool2d(tf.constant(XI, tf.int64), 2, 1, 'SAME')",
    "tf.nn.max_pool2d(tf.constant(XI.astype(np.uint8)), 2, 1, 'VALID')",
    "tf.nn.max_pool2d(tf.constant(X4, tf.float64), 3, 1, 'SAME')",
    "tf.nn.max_pool2d(X6, [1, 1, 1, 3], [1, 1, 1, 3], 'VALID')",
    "tf.nn.max_pool2d(X4.astype(np.float64), 3, 1, 'SAME')",
    "tf.nn.avg_pool2d(X4.astype(np.float64), 3, 1, 'SAME')",
    "tf.nn.max_pool1d(X3, 2, 2, 'SAME')",
    "tf.nn.max_pool1d(X3, 3, 2, [[0, 0], [1, 2], [0, 0]])",
    "tf.nn.avg_pool1d(X3, 4, 3, 'SAME')",
    "tf.nn.avg_pool1d(np.transpose(X3, [0, 2, 1]), 2, 1, 'VALID', 'NCW')",
    "tf.nn.max_pool3d(X5, 2, [1, 2, 3], 'SAME')",
    "tf.nn.avg_pool3d(X5, [2, 3, 2], 2, 'SAME')",
    "tf.nn.avg_pool3d(X5, 2, 1, 'VALID', data_format='NCDHW')",
    "tf.nn.max_pool3d(X5, 2, 1, 'VALID', data_format='NCDHW')",
    "tf.nn.max_pool(X4, 2, 1, 'VALID')",
    "tf.nn.max_pool(X3, 3, 2, 'SAME')",
    "tf.nn.max_pool(X5, 2, 2, 'SAME')",
    "tf.nn.avg_pool(X3, 3, 2, 'SAME')",
    "tf.nn.avg_pool(X5, 2, 2, 'SAME')",
    "tf.nn.pool(X4, [2, 2], 'MAX', [2, 2], 'SAME')",
    "tf.nn.pool(X4, [3, 2], 'AVG', [2, 1], 'SAME')",
    "tf.nn.pool(X4, [2, 2], 'AVG', padding='VALID', dilations=[2, 2])",
    "tf.nn.pool(X4, [2, 2], 'MAX', padding='VALID', dilations=[3, 2])",
    "tf.nn.pool(X3, [3], 'MAX', padding='VALID', dilations=[2])",
    "tf.nn.pool(X3, [3], 'AVG', [2], 'SAME')",
    "tf.nn.pool(X5, [2, 2, 2], 'AVG', [1, 2, 2], 'SAME')",
    "tf.nn.max_pool_with_argmax(X4, 2, 2, 'SAME')",
    "tf.nn.max_pool_with_argmax(X4, 3, [2, 1], 'SAME', include_batch_in_index=True)",
    "tf.nn.max_pool_with_argmax(X4, 3, 2, 'VALID', output_dtype=tf.int32)",
    "tf.nn.max_pool_with_argmax(XI, 2, 2, 'SAME')",
    "tf.nn.max_pool_with_argmax(X4.astype(np.float64), 2, 1, 'VALID')",
    "tf.nn.max_pool_with_argmax(TIES, 2, 2, 'SAME', include_batch_in_index=True)",
]

POOL_ERRORS = [
    "tf.nn.max_pool2d(X4, 2, 1, [[0, 0], [-1, 0], [0, 0], [0, 0]])",
    "tf.nn.max_pool2d(X4, 2, 1, [[1, 0], [1, 0], [0, 0], [0, 0]])",
    "tf.nn.max_pool2d(X4, 2, 1, [[0, 0], [2, 0], [0, 0], [0, 0]])",
    "tf.nn.max_pool2d(X4, [2, 3], 1, [[0, 0], [0, 1], [0, 3], [0, 0]])",
    "tf.nn.max_pool2d(X4[0], 2, 1, 'VALID')",
    "tf.nn.avg_pool2d(X4[0], 2, 1, 'VALID')",
    "tf.nn.avg_pool3d(X5, 9, 1, 'VALID')",
    "tf.nn.avg_pool3d(X5, 2, 1, 'valid')",
    "tf.nn.avg_pool2d(X4, 3, 2, [[0, 0], [1, 1], [1, 1], [0, 0]])",
    "tf.nn.max_pool2d(X4, [1, 2, 2, 2], 2, 'SAME')",
    "tf.nn.max_pool2d(X4, 9, 1, 'VALID')",
    "tf.nn.avg_pool2d(X4, 9, 1, 'VALID')",
    "tf.nn.avg_pool2d(X4.astype(np.float64), 9, 1, 'VALID')",
    "tf.nn.max_pool2d(X4, 0, 1, 'VALID')",
    "tf.nn.max_pool2d(X4, 2, 0, 'VALID')",
    "tf.nn.max_pool2d(X4, 2, 1, 'valid')",
    "tf.nn.avg_pool2d(X4, 2, 1, 'valid')",
    "tf.nn.avg_pool2d(X4.astype(np.float64), 2, 1, 'valid')",
    "tf.nn.max_pool2d(X4, 2, [1, 2, 2], 'VALID')",
    "tf.nn.avg_pool2d(XI, 2, 1, 'VALID')",
    "tf.nn.max_pool2d(X4.astype(np.complex64), 2, 1, 'VALID')",
    "tf.nn.max_pool2d(X6, [1, 1, 1, 2], [1, 1, 1, 1], 'VALID')",
    "tf.nn.max_pool2d(X4, [1, 1, 1, 2], [1, 1, 1, 2], 'VALID')",
    "tf.nn.max_pool3d(X5.astype(np.int32), 2, 1, 'VALID')",
    "tf.nn.max_pool3d(X5.astype(np.float64), 2, 1, 'VALID')",
    "tf.nn.avg_pool3d(X5.astype(np.int32), 2, 1, 'VALID')",
    "tf.nn.max_pool3d(X5, 2, 1, 'valid')",
    "tf.nn.max_pool3d(X5, 9, 1, 'VALID')",
    "tf.nn.max_pool3d(X5, [1, 2, 2, 2, 2], 1, 'VALID')",
    "tf.nn.max_pool(X4[0, 0], 2, 1, 'VALID')",
    "tf.nn.max_pool(X5, 2, 1, [[0, 0]] * 5)",
    "tf.nn.pool(X4, [2, 2], 'MAX', padding='SAME', dilations=[2, 2])",
    "tf.nn.pool(X4, [2, 2], 'MAX', padding='VALID', dilations=[2, 2], strides=[2, 2])",
    "tf.nn.pool(X4, [2, 2], 'MIN', padding='VALID')",
    "tf.nn.pool(X4, [2], 'MAX', padding='VALID')",
    "tf.nn.pool(X4, [2, 2], 'MAX', strides=[3, 3], padding='VALID')",
    "tf.nn.pool(X4, [2, 2], 'MAX', padding='VALID', dilations=[0, 1])",
    "tf.nn.max_pool_with_argmax(X4, 2, 2, [[0, 0], [1, 1], [1, 1], [0, 0]])",
    "tf.nn.max_pool_with_argmax(X4, 2, 2, 'SAME', output_dtype=tf.float32)",
    "tf.nn.max_pool_with_argmax(X4, 2, 2, 'same')",
    "tf.nn.max_pool2d(tf.zeros((1, 4, 4, 1)), 5, 5, 'VALID')",
    "tf.nn.max_pool2d(tf.zeros((1, 4, 4, 1), tf.bfloat16), (1, 5), 5, 'VALID')",
    "tf.nn.max_pool1d(tf.zeros((1, 4, 1), tf.float16), 5, 5, 'VALID')",
    "tf.nn.max_pool3d(tf.zeros((1, 4, 4, 4, 1)), 5, 5, 'VALID')",
    "tf.nn.max_pool3d(tf.zeros((1, 4, 4, 4, 1), tf.float16), 2, 2, 'VALID')",
    "tf.nn.max_pool3d(tf.zeros((1, 1, 4, 4, 4), tf.float16), 2, 2, 'SAME', 'NCDHW')",
]

EMPTY_POOLS = [
    "tf.nn.max_pool2d(tf.zeros((1, 4, 4, 1), tf.int32), 5, 5, 'VALID')",
    "tf.nn.max_pool2d(tf.zeros((1, 4, 4, 1), tf.float64), 5, 5, 'VALID')",
    "tf.nn.max_pool2d(tf.zeros((0, 4, 4, 1)), 5, 5, 'VALID')",
    "tf.nn.max_pool2d(tf.zeros((1, 0, 4, 1)), 1, 1, 'VALID')",
    "tf.nn.avg_pool2d(tf.zeros((1, 4, 4, 1)), 5, 5, 'VALID')",
    "tf.nn.avg_pool3d(tf.zeros((1, 4, 4, 4, 1)), 5, 5, 'VALID')",
]


def test_empty_pool_outputs_and_onednn_failures():
    """An empty output: TF's oneDNN max pooling (float32/bfloat16/half on the CPU) fails, Eigen's
    kernels and average pooling return it; TF has no CPU half ``MaxPool3D`` at all."""
    for expression in EMPTY_POOLS:
        assert 0 in tuple(eval(expression, dict(ENV, tf=tf)).shape), expression  # noqa: S307
    with pytest.raises(tf.errors.AbortedError, match="could not create a descriptor"):
        tf.nn.max_pool2d(tf.zeros((1, 4, 4, 1)), 5, 5, "VALID")
    with pytest.raises(tf.errors.NotFoundError, match="MaxPool3D.T=DT_HALF"):
        tf.nn.max_pool3d(tf.zeros((1, 4, 4, 4, 1), tf.float16), 2, 2, "VALID")


@pytest.mark.parametrize("expression", POOLS + POOL_ERRORS + EMPTY_POOLS)
def test_pool_matches_tf(tf_real, expression):
    assert_same(
        expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-5, atol=1e-5
    )


LOW_PRECISION = [
    "tf.nn.max_pool2d(X4.astype(np.float16), 2, 1, 'SAME')",
    "tf.nn.avg_pool2d(X4.astype(np.float16), 2, 1, 'SAME')",
    "tf.nn.avg_pool2d(tf.constant(X4, tf.bfloat16), 3, 2, 'SAME')",
    "tf.nn.max_pool2d(tf.constant(X4, tf.bfloat16), 3, 2, 'SAME')",
]


@pytest.mark.parametrize("expression", LOW_PRECISION)
def test_low_precision_pool_matches_tf(tf_real, expression):
    assert_same(
        expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-2, atol=1e-2
    )


def _grad(module, fn, x):
    v = module.Variable(x)
    with module.GradientTape() as tape:
        out = fn(module, v)
        loss = module.reduce_sum(out * out)
    return np.asarray(tape.gradient(loss, v))


GRADIENT_CASES = {
    "max_same": (lambda m, x: m.nn.max_pool2d(x, 3, 2, "SAME"), X4),
    "max_ties": (lambda m, x: m.nn.max_pool2d(x + 1.0, 2, 1, "SAME"), TIES),
    "avg_same": (lambda m, x: m.nn.avg_pool2d(x, 3, 2, "SAME"), X4),
    "max3d": (lambda m, x: m.nn.max_pool3d(x, 2, [1, 2, 2], "SAME"), X5),
    "avg3d": (lambda m, x: m.nn.avg_pool3d(x, 2, 2, "SAME"), X5),
    "avg1d": (lambda m, x: m.nn.avg_pool1d(x, 3, 2, "SAME"), X3),
    "pool_dilated": (lambda m, x: m.nn.pool(x, [2, 2], "AVG", dilations=[2, 2]), X4),
    "argmax": (lambda m, x: m.nn.max_pool_with_argmax(x, 2, 2, "SAME").output, X4),
}


@pytest.mark.parametrize("case", sorted(GRADIENT_CASES))
def test_pool_gradients_match_tf(tf_real, case):
    fn, x = GRADIENT_CASES[case]
    np.testing.assert_allclose(_grad(tf, fn, x), _grad(tf_real, fn, x), rtol=1e-5, atol=1e-5)
