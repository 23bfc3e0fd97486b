"""``keras.random`` without TensorFlow: seeding, shapes, value ranges."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import random


def test_int_seed_replays_and_none_varies():
    a = np.asarray(random.normal((5,), seed=7))
    np.testing.assert_array_equal(a, np.asarray(random.normal((5,), seed=7)))
    assert not np.array_equal(np.asarray(random.normal((5,))), np.asarray(random.normal((5,))))


def test_seed_generator_advances_and_replays():
    g1, g2 = random.SeedGenerator(1), random.SeedGenerator(1)
    first, second = (
        np.asarray(random.uniform((4,), seed=g1)),
        np.asarray(random.uniform((4,), seed=g1)),
    )
    assert not np.array_equal(first, second)
    np.testing.assert_array_equal(first, np.asarray(random.uniform((4,), seed=g2)))
    np.testing.assert_array_equal(np.asarray(g1.state), [1, 2])
    assert random.SeedGenerator.from_config(g1.get_config()).get_config()["seed"] == 1


def test_ranges_and_dtypes():
    u = np.asarray(random.uniform((1000,), minval=2.0, maxval=3.0, seed=1))
    assert u.dtype == np.float32 and u.min() >= 2.0 and u.max() < 3.0
    t = np.asarray(random.truncated_normal((1000,), stddev=2.0, seed=1))
    assert np.abs(t).max() <= 4.0
    r = np.asarray(random.randint((1000,), 3, 6, seed=1))
    assert r.dtype == np.int32 and set(r.tolist()) == {3, 4, 5}
    assert sorted(np.asarray(random.shuffle(np.arange(6), seed=2)).tolist()) == list(range(6))
    d = np.asarray(random.dropout(np.ones((100,), "float32"), 0.25, seed=3))
    assert set(np.unique(d).tolist()) <= {0.0, float(np.float32(4.0) / np.float32(3.0))}
    c = np.asarray(random.categorical(np.array([[0.0, -1e9]], "float32"), 5, seed=1))
    assert c.tolist() == [[0, 0, 0, 0, 0]]
    assert keras.random is random


def test_bad_seed_and_dtype():
    with pytest.raises(ValueError, match="Argument `seed`"):
        random.normal((2,), seed=1.5)
    with pytest.raises(ValueError, match="requires a floating point"):
        random.uniform((2,), dtype="int32")


def test_set_random_seed_makes_unseeded_draws_reproducible():
    keras.utils.set_random_seed(4)
    first = np.asarray(random.normal((3,)))
    keras.utils.set_random_seed(4)
    np.testing.assert_array_equal(first, np.asarray(random.normal((3,))))
