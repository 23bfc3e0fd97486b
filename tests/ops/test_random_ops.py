"""tf.random: seeding rules, dtypes, distributions (and TF's errors, against real TF)."""

import numpy as np
import pytest

import torchkeras as tf


@pytest.fixture(autouse=True)
def _clear_seed():
    yield
    tf.random.set_seed(None)


def _np(t):
    return np.asarray(t)


def test_set_seed_replays_the_sequence_and_op_seeds_have_their_own_stream():
    tf.random.set_seed(5)
    a, b, c = tf.random.uniform([3]), tf.random.uniform([3], seed=1), tf.random.uniform([3], seed=1)
    tf.random.set_seed(5)
    a2, b2 = tf.random.uniform([3]), tf.random.uniform([3], seed=1)
    np.testing.assert_array_equal(_np(a), _np(a2))
    np.testing.assert_array_equal(_np(b), _np(b2))
    assert not np.array_equal(_np(b), _np(c))
    tf.random.set_seed(6)
    assert not np.array_equal(_np(tf.random.uniform([3])), _np(a))


def test_op_seed_without_global_seed_is_reproducible_and_no_seed_is_not():
    tf.random.set_seed(None)
    first = tf.random.normal([4], seed=7)
    tf.random.set_seed(None)
    np.testing.assert_array_equal(_np(tf.random.normal([4], seed=7)), _np(first))
    assert not np.array_equal(_np(tf.random.normal([4])), _np(tf.random.normal([4])))


def test_normal_and_truncated_normal_distributions():
    tf.random.set_seed(0)
    x = _np(tf.random.normal([200000], mean=2.0, stddev=3.0))
    assert abs(x.mean() - 2.0) < 0.05 and abs(x.std() - 3.0) < 0.05
    t = _np(tf.random.truncated_normal([200000], mean=1.0, stddev=2.0))
    assert t.min() >= -3.0 and t.max() <= 5.0
    assert abs(t.mean() - 1.0) < 0.05 and abs(t.std() - 2.0 * 0.87962566) < 0.03
    assert tf.random.normal([2], dtype=tf.float64).dtype == tf.float64
    assert tf.random.normal([2], dtype=tf.float16).dtype == tf.float16
    assert tf.random.normal([2], mean=[1.0, 2.0]).shape == (2,)


def test_uniform_floats_and_ints():
    tf.random.set_seed(1)
    u = _np(tf.random.uniform([100000], minval=-1.0, maxval=3.0))
    assert u.min() >= -1.0 and u.max() < 3.0 and abs(u.mean() - 1.0) < 0.03
    k = tf.random.uniform([10000], minval=2, maxval=5, dtype=tf.int64)
    assert k.dtype == tf.int64 and set(np.unique(_np(k))) == {2, 3, 4}
    assert _np(tf.random.uniform([2], minval=5.0, maxval=5.0)).tolist() == [5.0, 5.0]


def test_shuffle_and_categorical():
    tf.random.set_seed(2)
    values = tf.range(10)
    shuffled = tf.random.shuffle(values)
    assert sorted(_np(shuffled).tolist()) == list(range(10)) and shuffled.dtype == tf.int32
    assert tf.random.shuffle(tf.reshape(tf.range(6), [3, 2])).shape == (3, 2)
    draws = tf.random.categorical(tf.math.log([[0.2, 0.8]]), 20000)
    assert draws.dtype == tf.int64 and draws.shape == (1, 20000)
    assert abs(_np(draws).mean() - 0.8) < 0.02
    assert set(_np(tf.random.categorical([[0.0, -np.inf]], 50)).ravel().tolist()) == {0}


def test_stateless_ops_depend_only_on_the_seed():
    a = tf.random.stateless_normal([3], seed=[1, 2])
    np.testing.assert_array_equal(_np(a), _np(tf.random.stateless_normal([3], seed=[1, 2])))
    assert not np.array_equal(_np(a), _np(tf.random.stateless_normal([3], seed=[1, 3])))
    u = _np(tf.random.stateless_uniform([1000], seed=[3, 4], minval=2.0, maxval=4.0))
    assert u.min() >= 2.0 and u.max() < 4.0


ERRORS = [
    "tf.random.normal([2], dtype=tf.int32)",
    "tf.random.normal([2], mean=[1.,2.,3.])",
    "tf.random.normal([2], stddev=tf.constant(1., tf.float64))",
    "tf.random.normal([-1])",
    "tf.random.uniform([2], dtype=tf.int32)",
    "tf.random.uniform([2], minval=5, maxval=5, dtype=tf.int32)",
    "tf.random.uniform([2], maxval=5, dtype=tf.uint8)",
    "tf.random.uniform([2], maxval=5, dtype=tf.bool)",
    "tf.random.truncated_normal([2], dtype=tf.int32)",
    "tf.random.categorical([0.,0.], 3)",
    "tf.random.categorical([[0.,0.]], 3, dtype=tf.float32)",
    "tf.random.shuffle(tf.constant(1))",
    "tf.random.categorical([[0.,0.]], 3, dtype=tf.int32).dtype",
    "tf.random.uniform([], maxval=5).shape",
    "tf.random.uniform([2], maxval=tf.constant(5))",
    "tf.random.uniform([2], minval=tf.constant(0, tf.int64), maxval=3.)",
]


@pytest.mark.parametrize("expression", ERRORS)
def test_random_errors_match_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    from oracle_compare import assert_same, run

    assert_same(expression, run(tf_real, expression), run(tf, expression))


def test_namespace_lists_only_tf_random_names():
    tf_real = pytest.importorskip("tensorflow")
    ours = {n for n in dir(tf.random) if not n.startswith("_")}
    assert ours <= set(dir(tf_real.random))


def test_generator_streams():
    g = tf.random.Generator.from_seed(3)
    first = _np(g.normal([4]))
    assert not np.array_equal(_np(g.normal([4])), first)
    g.reset_from_seed(3)
    np.testing.assert_array_equal(_np(g.normal([4])), first)
    np.testing.assert_array_equal(_np(tf.random.Generator.from_seed(3).normal([4])), first)
    u = _np(g.uniform([1000], minval=1.0, maxval=2.0))
    assert u.min() >= 1.0 and u.max() < 2.0
    assert g.uniform([3], maxval=4, dtype=tf.int32).dtype == tf.int32
    assert abs(_np(g.truncated_normal([1000])).max()) <= 2.0
    a, b = g.split(2)
    assert not np.array_equal(_np(a.normal([4])), _np(b.normal([4])))
    assert g.make_seeds(3).shape == (2, 3)
    assert isinstance(tf.random.get_global_generator(), tf.random.Generator)
    tf.random.set_global_generator(g)
    assert tf.random.get_global_generator() is g
    s = tf.random.stateless_truncated_normal([100], seed=[1, 2])
    np.testing.assert_array_equal(
        _np(s), _np(tf.random.stateless_truncated_normal([100], seed=[1, 2]))
    )
