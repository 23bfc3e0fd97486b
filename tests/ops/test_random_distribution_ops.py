"""Gamma, Poisson, binomial, categorical and parameterized truncated-normal sampling:
distribution statistics and determinism (TF-independent), and (with TensorFlow installed)
TF's dtypes, shapes and errors for the same calls (values are torch's, not TF's)."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

EXPRESSIONS = [
    "tf.random.gamma([3], [0.5, 1.5])",
    "tf.random.gamma([2,2], 2.0, beta=[1.,2.,3.])",
    "tf.random.gamma([3], 2.0, dtype=tf.float16)",
    "tf.random.gamma([3], 2.0, dtype=tf.int32)",
    "tf.random.gamma([3], 2.0, dtype=tf.bfloat16)",
    "tf.random.gamma([3], -1.0)",
    "tf.random.gamma([3], [[1.],[2.]], beta=[1.,2.])",
    "tf.random.gamma([3], [1.,2.], beta=[1.,2.,3.])",
    "tf.random.gamma([], 1.0)",
    "tf.random.gamma([3], tf.constant(2.0, tf.float64))",
    "tf.random.gamma([-1], 2.0)",
    "tf.random.poisson([3], [0.5, 1.5])",
    "tf.random.poisson([3], 3.0, dtype=tf.float16)",
    "tf.random.poisson([3], 3.0, dtype=tf.bool)",
    "tf.random.poisson([3], tf.constant([3,4]))",
    "tf.random.poisson([3], -1.0)",
    "tf.random.poisson([3], tf.constant(2.0, tf.float64))",
    "tf.random.poisson([3], tf.constant([2], tf.int8))",
    "tf.random.poisson([2], tf.constant(2.0, tf.bfloat16))",
    "tf.random.stateless_gamma([3,2], [1,2], [1.,2.])",
    "tf.random.stateless_gamma([3], [1,2], [1.,2.])",
    "tf.random.stateless_gamma([2,3], [1,2], [1.,2.,3.], beta=[[1.],[2.]])",
    "tf.random.stateless_gamma([3], [1,2], 2., dtype=tf.int32)",
    "tf.random.stateless_gamma([3], [1,2], 2., dtype=tf.float16)",
    "tf.random.stateless_poisson([3,2], [1,2], [1.,2.])",
    "tf.random.stateless_poisson([3], [1,2], [1.,2.])",
    "tf.random.stateless_poisson([3], [1,2], 3.0, dtype=tf.float32)",
    "tf.random.stateless_poisson([3], [1,2], tf.constant(3), dtype=tf.float64)",
    "tf.random.stateless_poisson([3], [1,2], 3.0, dtype=tf.int8)",
    "tf.random.stateless_binomial([3,2], [1,2], [5., 10.], [0.5, 0.1])",
    "tf.random.stateless_binomial([3], [1,2], [5., 10.], 0.5)",
    "tf.random.stateless_binomial([3], [1,2], 5, 0.5)",
    "tf.random.stateless_binomial([3], [1,2], 5., 0.5, output_dtype=tf.float32)",
    "tf.random.stateless_binomial([3], [1,2], 5., 1.5)",
    "tf.random.stateless_binomial([3], [1,2], tf.constant(5, tf.int32), tf.constant(0.5))",
    "tf.random.stateless_categorical(tf.math.log([[0.5, 0.5], [0.1, 0.9]]), 5, [1,2])",
    "tf.random.stateless_categorical([1.,2.], 5, [1,2])",
    "tf.random.stateless_categorical([[1.,2.]], 5, [1,2], dtype=tf.float32)",
    "tf.random.stateless_categorical([[1,2]], 5, [1,2])",
    "tf.random.stateless_categorical([[1.,2.]], -1, [1,2])",
    "tf.random.stateless_categorical(tf.zeros((2,0)), 3, [1,2])",
    "ptn([3, 2], [1,2], means=[0., 5.], minvals=[-1., 4.], maxvals=[1., 6.])",
    "ptn([3], [1,2], means=d(0.0), stddevs=d(1.0), minvals=d(-1.0), maxvals=d(1.0))",
    "ptn([3], [1,2], means=0., minvals=1., maxvals=0.)",
    "ptn([3], [1,2], means=0., minvals=5., maxvals=6.)",
    "ptn([3], [1,2], stddevs=-1.)",
    "ptn([3], [1,2], means=d(0.0))",
    "tf.random.stateless_poisson([3], [1,2], tf.constant(3, tf.int8))",
    "tf.random.stateless_binomial([3], [1,2], 5., 0.5, output_dtype=tf.int8)",
    "tf.random.stateless_gamma([3], [1,2], 2., dtype=tf.bfloat16)",
    "ptn([3], [1,2], means=1)",
    "tf.random.stateless_gamma([3], [1,2], tf.constant(2.0, tf.float64))",
]


def _env(m):
    return {
        "ptn": m.random.stateless_parameterized_truncated_normal,
        "d": lambda v: m.constant(v, m.float64),
    }


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_sampler_dtype_shape_and_errors_match_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    want, got = run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf))
    if want[0] == "error" or got[0] == "error":
        assert_same(expression, want, got)
        return
    assert got[1].dtype.name == want[1].dtype.name, expression
    assert tuple(got[1].shape) == tuple(want[1].shape), expression


def _moments(sample):
    values = sample.numpy().astype(np.float64)
    return values.mean(), values.var()


N = 40000


@pytest.mark.parametrize("alpha, beta", [(0.3, 1.0), (2.0, 1.0), (5.0, 2.0)])
def test_gamma_moments(alpha, beta):
    tf.random.set_seed(1)
    mean, var = _moments(tf.random.gamma([N], alpha, beta=beta, dtype=tf.float64))
    np.testing.assert_allclose(mean, alpha / beta, rtol=0.05)
    np.testing.assert_allclose(var, alpha / beta**2, rtol=0.1)
    mean, var = _moments(tf.random.stateless_gamma([N], [3, 4], alpha, beta=beta))
    np.testing.assert_allclose(mean, alpha / beta, rtol=0.05)
    np.testing.assert_allclose(var, alpha / beta**2, rtol=0.1)


def test_poisson_and_binomial_moments():
    tf.random.set_seed(2)
    mean, var = _moments(tf.random.poisson([N], 3.5))
    np.testing.assert_allclose([mean, var], [3.5, 3.5], rtol=0.05)
    mean, var = _moments(tf.random.stateless_poisson([N], [1, 2], 3.5))
    np.testing.assert_allclose([mean, var], [3.5, 3.5], rtol=0.05)
    mean, var = _moments(tf.random.stateless_binomial([N], [1, 2], 10.0, 0.3))
    np.testing.assert_allclose([mean, var], [3.0, 2.1], rtol=0.05)


def test_categorical_frequencies():
    logits = tf.math.log([[0.2, 0.3, 0.5]])
    sample = tf.random.stateless_categorical(logits, N, [5, 6]).numpy()[0]
    np.testing.assert_allclose(np.bincount(sample, minlength=3) / N, [0.2, 0.3, 0.5], atol=0.01)


def test_parameterized_truncated_normal_bounds_and_mean():
    sample = tf.random.stateless_parameterized_truncated_normal(
        [N], [1, 2], means=1.0, stddevs=2.0, minvals=0.0, maxvals=1.0
    ).numpy()
    assert sample.min() >= 0.0 and sample.max() <= 1.0
    tail = tf.random.stateless_parameterized_truncated_normal([N], [1, 2], minvals=5.0, maxvals=6.0)
    values = tail.numpy().astype(np.float64)
    assert values.min() >= 5.0 and values.max() <= 6.0
    np.testing.assert_allclose(values.mean(), 5.18, atol=0.02)


def test_stateless_samplers_are_deterministic():
    for draw in (
        lambda s: tf.random.stateless_gamma([5], s, 2.0),
        lambda s: tf.random.stateless_poisson([5], s, 2.0),
        lambda s: tf.random.stateless_binomial([5], s, 9.0, 0.5),
        lambda s: tf.random.stateless_categorical([[0.0, 1.0, 2.0]], 5, s),
        lambda s: tf.random.stateless_parameterized_truncated_normal([5], s),
    ):
        np.testing.assert_array_equal(draw([7, 8]).numpy(), draw([7, 8]).numpy())
        assert not np.array_equal(draw([7, 8]).numpy(), draw([8, 7]).numpy())


def test_global_seed_replays_gamma_and_poisson():
    tf.random.set_seed(11)
    first = (tf.random.gamma([4], 2.0).numpy(), tf.random.poisson([4], 2.0).numpy())
    tf.random.set_seed(11)
    again = (tf.random.gamma([4], 2.0).numpy(), tf.random.poisson([4], 2.0).numpy())
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])


def test_gamma_edges():
    got = tf.random.stateless_gamma([3], [1, 2], [-1.0, 0.0, 1e-30]).numpy()
    tiny = np.finfo(np.float32).tiny
    assert np.isnan(got[0]) and got[1] == tiny and got[2] == tiny  # TF's values


@pytest.mark.parametrize(
    "call, text",
    [
        (
            lambda m: m.random.stateless_parameterized_truncated_normal(
                [2, 3], [1, 2], means=[0.0, 0.0], stddevs=[1.0, 1.0, 1.0]
            ),
            "means, stddevs, minvals, maxvals must have compatible batch dimensions: "
            "[2] vs. [3] vs. [] vs. [] [Op:StatelessParameterizedTruncatedNormal]",
        ),
        (
            lambda m: m.random.stateless_parameterized_truncated_normal(
                [2, 3], [1, 2], means=[0.0]
            ),
            "Shape passed in must end with broadcasted shape. "
            "[Op:StatelessParameterizedTruncatedNormal]",
        ),
        (
            lambda m: m.random.stateless_binomial(
                [2], [1, 2], counts=[1.0, 2.0], probs=[0.5, 0.5, 0.5]
            ),
            "counts and probs must have compatible batch dimensions: [2] vs. [3] "
            "[Op:StatelessRandomBinomial]",
        ),
    ],
)
def test_stateless_batch_shape_errors(call, text):
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        call(tf)
    assert str(info.value).endswith(text)
