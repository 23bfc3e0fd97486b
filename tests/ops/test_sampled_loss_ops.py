"""tf.nn.nce_loss / sampled_softmax_loss: pinned values, the sampler, then against real TF
with fixed ``sampled_values`` (TF's random stream is not reproduced)."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run
from torchkeras.ops.sampled_loss_ops import expected_count

RNG = np.random.default_rng(2)
W = RNG.standard_normal((10, 4)).astype(np.float32)
B = RNG.standard_normal(10).astype(np.float32)
X = RNG.standard_normal((3, 4)).astype(np.float32)
Y = np.array([[1], [2], [7]])
Y2 = np.array([[1, 4], [2, 2], [7, 0]])
SAMPLED = (
    np.array([4, 0, 7, 9], np.int64),
    np.array([[0.5], [0.3], [0.2]], np.float32),
    np.array([0.25, 0.6, 0.2, 0.1], np.float32),
)
SAMPLED2 = (SAMPLED[0], np.full((3, 2), 0.4, np.float32), SAMPLED[2])
ENV = dict(YF=Y.astype(np.float32), W=W, B=B, X=X, Y=Y, Y2=Y2, S=SAMPLED, S2=SAMPLED2)


def test_sampled_softmax_pinned():
    weights = tf.constant([[1.0], [0.0], [2.0]])
    sampled = ([2], [[1.0]], [1.0])
    loss = tf.nn.sampled_softmax_loss(
        weights, tf.zeros([3]), [[0]], [[1.0]], 1, 3, sampled_values=sampled
    )
    # logits [1, 2] (log expected counts are 0): -log softmax(1 | [1, 2])
    assert float(loss[0]) == pytest.approx(np.log1p(np.e), rel=1e-6)


def test_sampler_draws_distinct_classes():
    tf.random.set_seed(3)
    loss = tf.nn.sampled_softmax_loss(W, B, Y, X, 5, 10, seed=1)
    assert loss.shape == (3,) and np.all(np.isfinite(loss.numpy()))
    with pytest.raises(tf.errors.InvalidArgumentError, match="Sampler's range is too small"):
        tf.nn.nce_loss(W, B, Y, X, 12, 10)


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


CASES = [
    "tf.nn.nce_loss(W, B, Y, X, 4, 10, sampled_values=S)",
    "tf.nn.nce_loss(W, B, Y, X, 4, 10, sampled_values=S, remove_accidental_hits=True)",
    "tf.nn.nce_loss(W, B, Y2, X, 4, 10, num_true=2, sampled_values=S2)",
    "tf.nn.nce_loss([W[:5], W[5:]], [B[:5], B[5:]], Y, X, 4, 10, sampled_values=S)",
    "tf.nn.sampled_softmax_loss(W, B, Y, X, 4, 10, sampled_values=S)",
    "tf.nn.sampled_softmax_loss(W, B, Y, X, 4, 10, sampled_values=S, remove_accidental_hits=False)",
    "tf.nn.sampled_softmax_loss(W, B, Y2, X, 4, 10, num_true=2, sampled_values=S2)",
    "tf.nn.sampled_softmax_loss([W[:5], W[5:]], B, YF, X, 4, 10, sampled_values=S)",
    "tf.nn.sampled_softmax_loss(W, B, Y, X, 12, 10)",
]


@pytest.mark.parametrize("expression", CASES)
def test_sampled_losses_match_tf(tf_real, expression):
    assert_same(expression, run(tf_real, expression, ENV), run(tf, expression, ENV), rtol=1e-5)


@pytest.mark.parametrize("op", ["nce_loss", "sampled_softmax_loss"])
def test_sampled_loss_gradients_match_tf(tf_real, op):
    def grads(module):
        w, b, x = module.Variable(W), module.Variable(B), module.Variable(X)
        with module.GradientTape() as tape:
            loss = getattr(module.nn, op)(w, b, Y2, x, 4, 10, num_true=2, sampled_values=SAMPLED2)
            total = module.reduce_sum(loss)
        return [np.asarray(module.convert_to_tensor(g)) for g in tape.gradient(total, [w, b, x])]

    for got, want in zip(grads(tf), grads(tf_real)):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


def test_expected_counts_match_tf_sampler(tf_real):
    import torch

    labels = tf_real.constant([[1], [3]], tf_real.int64)
    sampled, true_count, sampled_count = tf_real.random.log_uniform_candidate_sampler(
        labels, 1, 6, True, 50, seed=4
    )
    sampled, true_count, sampled_count = (
        np.asarray(v) for v in (sampled, true_count, sampled_count)
    )
    p = np.log((sampled + 2.0) / (sampled + 1.0)) / np.log(51.0)
    tries = int(round(np.log1p(-sampled_count[0]) / np.log1p(-p[0])))
    got = expected_count(torch.tensor(sampled), tries, 6, 50).numpy()
    np.testing.assert_allclose(got, sampled_count, rtol=1e-5)
    got = expected_count(torch.tensor([[1], [3]]), tries, 6, 50).numpy()
    np.testing.assert_allclose(got, true_count, rtol=1e-5)
