"""``tf.clip_by_norm`` / ``tf.clip_by_global_norm``: pinned values, and (with TensorFlow
installed) the same expressions on TF, NaN and Inf included."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def _env(m):
    return {
        "x": m.constant([[3.0, 4.0], [6.0, 8.0]]),
        "z": m.zeros((2, 2)),
        "n": m.constant([1.0, float("nan")]),
        "inf": m.constant([1.0, float("inf")]),
        "d": m.constant([3.0, 4.0], m.float64),
        "i": m.constant([3, 4]),
        "s": m.IndexedSlices(m.constant([[3.0, 4.0]]), m.constant([1]), m.constant([3, 2])),
    }


EXPRESSIONS = [
    "tf.clip_by_norm(x, 5.0)",
    "tf.clip_by_norm(x, 5.0, axes=[1])",
    "tf.clip_by_norm(x, 5.0, axes=0)",
    "tf.clip_by_norm(x, 100.0)",
    "tf.clip_by_norm(x, -1.0)",
    "tf.clip_by_norm(x, 0.0)",
    "tf.clip_by_norm(x, tf.constant(2.0))",
    "tf.clip_by_norm(x, tf.constant(-2.0))",
    "tf.clip_by_norm(x, tf.constant([1.0, 2.0]))",
    "tf.clip_by_norm(z, 1.0)",
    "tf.clip_by_norm(n, 1.0)",
    "tf.clip_by_norm(inf, 1.0)",
    "tf.clip_by_norm(d, 1.0)",
    "tf.clip_by_norm(d, tf.constant(1.0))",
    "tf.clip_by_norm(i, 1)",
    "tf.clip_by_norm([3.0, 4.0], 1.0)",
    "tf.clip_by_norm(s, 1.0).values",
    "tf.clip_by_global_norm([x, d], 1.0)",
    "tf.clip_by_global_norm([x, None, x * 2], 5.0)",
    "tf.clip_by_global_norm([x], 1000.0)",
    "tf.clip_by_global_norm([n, x], 1.0)",
    "tf.clip_by_global_norm([inf, x], 1.0)",
    "tf.clip_by_global_norm([z], 1.0)",
    "tf.clip_by_global_norm([x], 1.0, use_norm=tf.constant(2.0))",
    "tf.clip_by_global_norm([x], 0.0)",
    "tf.linalg.global_norm([x, None, d])",
    "tf.linalg.global_norm([x, x])",
    "tf.linalg.global_norm([i])",
    "tf.linalg.global_norm([s])",
    "tf.clip_by_global_norm([s], 1.0)[0][0].values",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_clip_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf)))


def test_clip_by_norm_pinned():
    got = tf.clip_by_norm(tf.constant([3.0, 4.0]), 1.0)
    np.testing.assert_allclose(got.numpy(), [0.6, 0.8], rtol=1e-6)
    got = tf.clip_by_norm(tf.constant([1.0, float("inf")]), 1.0)
    assert got.numpy()[0] == 0 and np.isnan(got.numpy()[1])
    assert np.isnan(tf.clip_by_norm(tf.constant([1.0, float("nan")]), 1.0).numpy()).all()
    with pytest.raises(TypeError, match="`t_list` should be a sequence of tensors"):
        tf.clip_by_global_norm(tf.constant([1.0]), 1.0)


def test_clip_by_global_norm_pinned():
    clipped, norm = tf.clip_by_global_norm([tf.constant([3.0]), None, tf.constant([4.0])], 1.0)
    assert clipped[1] is None
    np.testing.assert_allclose(float(norm), 5.0)
    np.testing.assert_allclose(clipped[2].numpy(), [0.8], rtol=1e-6)
