"""``torchkeras.keras.random`` against real Keras 3: signatures, dtypes, shapes, errors
and distribution moments (the random streams themselves differ by design)."""

import inspect
import os

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras as keras_real  # noqa: E402

from torchkeras.keras import random  # noqa: E402

CASES = [
    ("normal", ((2, 3),), {}),
    ("normal", ((4,),), {"dtype": "float64", "mean": 1.0}),
    ("uniform", ((3,),), {"minval": -1.0, "maxval": 2.0}),
    ("uniform", ((2, 2),), {"dtype": "float16"}),
    ("truncated_normal", ((5,),), {}),
    ("randint", ((4,), 0, 5), {}),
    ("randint", ((2,), -3, 3), {"dtype": "int64"}),
    ("dropout", (np.ones((3, 4), "float32"), 0.5), {}),
    ("dropout", (np.ones((3, 4), "float32"), 0.0), {}),
    ("dropout", (np.ones((3, 4), "float32"), 1.0), {}),
    ("shuffle", (np.arange(6),), {}),
    ("categorical", (np.zeros((2, 3), "float32"), 4), {}),
    ("categorical", (np.zeros((2, 3), "float32"), 1), {"dtype": "int64"}),
    ("gamma", ((3,), 2.0), {}),
    ("beta", ((3,), 1.0, 2.0), {"dtype": "float16"}),
    ("binomial", ((3,), 5, 0.5), {}),
]


@pytest.mark.parametrize("case", CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(CASES)])
def test_shapes_and_dtypes_match_keras(case):
    name, args, kwargs = case
    theirs = getattr(keras_real.random, name)(*args, seed=3, **kwargs)
    ours = getattr(random, name)(*args, seed=3, **kwargs)
    assert tuple(ours.shape) == tuple(theirs.shape)
    assert ours.dtype.name == keras_real.backend.standardize_dtype(theirs.dtype)


def test_signatures_match_keras():
    for name in random.__all__:
        ours, theirs = getattr(random, name), getattr(keras_real.random, name)
        if inspect.isclass(ours):
            ours, theirs = ours.__init__, theirs.__init__
        assert [(p.name, p.default) for p in inspect.signature(ours).parameters.values()] == [
            (p.name, p.default) for p in inspect.signature(theirs).parameters.values()
        ], name


def _moments(value):
    value = np.asarray(value, "float64")
    return value.mean(), value.std()


@pytest.mark.parametrize(
    "name,args",
    [
        ("normal", ((20000,),)),
        ("uniform", ((20000,),)),
        ("truncated_normal", ((20000,),)),
        ("gamma", ((20000,), 3.0)),
        ("beta", ((20000,), 2.0, 5.0)),
        ("binomial", ((20000,), 10, 0.3)),
        ("randint", ((20000,), 0, 10)),
    ],
)
def test_distributions_match_keras(name, args):
    mean, std = _moments(getattr(random, name)(*args, seed=11))
    ref_mean, ref_std = _moments(getattr(keras_real.random, name)(*args, seed=11))
    assert abs(mean - ref_mean) < 0.05 * max(1.0, abs(ref_mean))
    assert abs(std - ref_std) < 0.05 * max(1.0, ref_std)


ERRORS = [
    ("uniform", ((2,),), {"dtype": "int32"}),
    ("normal", ((2,),), {"dtype": "int32"}),
    ("randint", ((2,), 0, 5), {"dtype": "float32"}),
    ("normal", ((2,),), {"seed": "a"}),
    ("categorical", ([1.0, 2.0], 2), {}),
]


@pytest.mark.parametrize("case", ERRORS, ids=[c[0] for c in ERRORS])
def test_errors_match_keras(case):
    name, args, kwargs = case
    with pytest.raises(Exception) as theirs:
        getattr(keras_real.random, name)(*args, **kwargs)
    with pytest.raises(type(theirs.value)) as ours:
        getattr(random, name)(*args, **kwargs)
    assert str(ours.value) == str(theirs.value)


def test_seed_generator_state_matches_keras():
    ours, theirs = random.SeedGenerator(5), keras_real.random.SeedGenerator(5)
    for _ in range(2):
        np.testing.assert_array_equal(np.asarray(ours.next()), np.asarray(theirs.next()))
    np.testing.assert_array_equal(np.asarray(ours.state), np.asarray(theirs.state))
    assert ours.state.dtype.name == keras_real.backend.standardize_dtype(theirs.state.dtype)
    assert ours.get_config()["seed"] == theirs.get_config()["seed"] == 5
    with pytest.raises(ValueError, match="must be an integer"):
        random.SeedGenerator("x")
