import math

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

init = keras.initializers


def test_constant_initializers():
    assert init.Zeros()((2, 3)).numpy().tolist() == [[0.0] * 3] * 2
    assert init.Ones()((2,)).numpy().tolist() == [1.0, 1.0]
    assert init.Constant(3.0)((2,), dtype="float64").dtype == tf.float64
    assert init.Identity(gain=2.0)((2, 3)).numpy().tolist() == [[2.0, 0.0, 0.0], [0.0, 2.0, 0.0]]
    with pytest.raises(
        ValueError, match="Identity matrix initializer can only be used for 2D matrices"
    ):
        init.Identity()((2, 2, 2))


def test_compute_fans_follows_keras():
    assert init.compute_fans(()) == (1, 1)
    assert init.compute_fans((5,)) == (5, 5)
    assert init.compute_fans((3, 4)) == (3, 4)
    assert init.compute_fans((3, 3, 16, 32)) == (144, 288)


@pytest.mark.parametrize(
    "cls,scale,fan,uniform",
    [
        (init.GlorotUniform, 1.0, "avg", True),
        (init.GlorotNormal, 1.0, "avg", False),
        (init.HeUniform, 2.0, "in", True),
        (init.HeNormal, 2.0, "in", False),
        (init.LecunUniform, 1.0, "in", True),
        (init.LecunNormal, 1.0, "in", False),
    ],
)
def test_variance_scaling_presets_have_keras_spread(cls, scale, fan, uniform):
    shape = (400, 200)
    values = cls(seed=1)(shape).numpy()
    n = {"avg": 300.0, "in": 400.0}[fan]
    if uniform:
        limit = math.sqrt(3.0 * scale / n)
        assert values.max() <= limit and values.min() >= -limit
        assert abs(values.std() - limit / math.sqrt(3)) < 0.02 * limit
    else:
        stddev = math.sqrt(scale / n) / 0.87962566103423978
        assert np.abs(values).max() <= 2 * stddev + 1e-6
        assert abs(values.std() - math.sqrt(scale / n)) < 0.05 * math.sqrt(scale / n)


def test_random_initializers_and_seed():
    a = init.RandomNormal(mean=1.0, stddev=0.5, seed=3)((1000,)).numpy()
    b = init.RandomNormal(mean=1.0, stddev=0.5, seed=3)((1000,)).numpy()
    np.testing.assert_array_equal(a, b)
    assert abs(a.mean() - 1.0) < 0.1 and abs(a.std() - 0.5) < 0.05
    u = init.RandomUniform(minval=2, maxval=3)((1000,)).numpy()
    assert u.min() >= 2 and u.max() < 3
    t = init.TruncatedNormal(stddev=1.0)((1000,)).numpy()
    assert np.abs(t).max() <= 2.0
    seeded = init.GlorotUniform(seed=7)
    np.testing.assert_array_equal(seeded((4, 4)).numpy(), seeded((4, 4)).numpy())


def test_orthogonal():
    q = init.Orthogonal(seed=0)((6, 4)).numpy()
    np.testing.assert_allclose(q.T @ q, np.eye(4), atol=1e-5)
    q = init.Orthogonal(gain=2.0, seed=0)((3, 5)).numpy()
    np.testing.assert_allclose(q @ q.T, 4 * np.eye(3), atol=1e-4)


def test_get_by_name_and_config_roundtrip():
    for name in (
        "zeros",
        "ones",
        "constant",
        "random_normal",
        "random_uniform",
        "truncated_normal",
        "glorot_uniform",
        "glorot_normal",
        "he_uniform",
        "he_normal",
        "lecun_uniform",
        "lecun_normal",
        "orthogonal",
        "identity",
        "variance_scaling",
    ):
        obj = init.get(name)
        assert isinstance(obj, init.Initializer)
        clone = init.deserialize(init.serialize(obj))
        assert type(clone) is type(obj) and clone.get_config() == obj.get_config()
    assert init.GlorotUniform().get_config() == {
        "seed": None,
        "input_axes": None,
        "output_axes": None,
    }
    assert (
        init.VarianceScaling(scale=2.0, mode="fan_out", distribution="uniform").get_config()["mode"]
        == "fan_out"
    )
    assert init.glorot_uniform is init.GlorotUniform
    with pytest.raises(ValueError, match="Invalid `mode` argument"):
        init.VarianceScaling(mode="bad")
    with pytest.raises(ValueError, match="Could not interpret initializer identifier"):
        init.get("bad")
