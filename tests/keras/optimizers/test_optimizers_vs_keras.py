"""Differential test: 3 steps of every optimizer (with several argument sets) against real Keras 3."""
import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
keras_real = tf_real.keras

import torchkeras as tf  # noqa: E402
from torchkeras.keras import optimizers  # noqa: E402

rng = np.random.default_rng(1)
SHAPES = [(3, 4), (4,), (2, 2, 2)]
START = [rng.normal(size=s).astype("float32") for s in SHAPES]
GRADS = [[rng.normal(size=s).astype("float32") * (k + 1) for s in SHAPES] for k in range(3)]

CASES = [
    ("SGD", {}), ("SGD", {"momentum": 0.9}), ("SGD", {"momentum": 0.8, "nesterov": True}),
    ("SGD", {"weight_decay": 0.1, "learning_rate": 0.1}), ("SGD", {"clipnorm": 0.5}), ("SGD", {"clipvalue": 0.3}),
    ("SGD", {"global_clipnorm": 0.7, "momentum": 0.5}),
    ("SGD", {"momentum": 0.9, "gradient_accumulation_steps": 2}),
    ("RMSprop", {}), ("RMSprop", {"rho": 0.8, "momentum": 0.5, "centered": True}), ("RMSprop", {"centered": True}),
    ("RMSprop", {"momentum": 0.9, "epsilon": 1e-3}),
    ("Adam", {}), ("Adam", {"amsgrad": True, "beta_1": 0.8}), ("Adam", {"use_ema": True}),
    ("Adam", {"use_ema": True, "ema_momentum": 0.9, "ema_overwrite_frequency": 2}),
    ("Adam", {"loss_scale_factor": 4.0, "weight_decay": 0.01}),
    ("AdamW", {}), ("AdamW", {"weight_decay": 0.1, "amsgrad": True}),
    ("Adagrad", {}), ("Adagrad", {"initial_accumulator_value": 0.5, "learning_rate": 0.1}),
    ("Adadelta", {}), ("Adadelta", {"learning_rate": 1.0, "rho": 0.9}),
    ("Adamax", {}), ("Adamax", {"beta_2": 0.9, "learning_rate": 0.01}),
    ("Nadam", {}), ("Nadam", {"beta_1": 0.5, "learning_rate": 0.01}),
    ("Lion", {}), ("Lion", {"beta_1": 0.5, "beta_2": 0.9, "weight_decay": 0.01}),
]


def _run_keras(name, kwargs, grads_per_step):
    opt = getattr(keras_real.optimizers, name)(**kwargs)
    variables = [keras_real.Variable(v) for v in START]
    out = []
    for grads in grads_per_step:
        opt.apply([None if g is None else tf_real.constant(g) for g in grads], variables)
        out.append([v.numpy() for v in variables])
    return out


def _run_ours(name, kwargs, grads_per_step):
    opt = getattr(optimizers, name)(**kwargs)
    variables = [tf.Variable(v) for v in START]
    out = []
    for grads in grads_per_step:
        opt.apply_gradients(zip([None if g is None else tf.constant(g) for g in grads], variables))
        out.append([v.numpy() for v in variables])
    return out, opt


def _compare(got, expected):
    for step_got, step_expected in zip(got, expected):
        for a, b in zip(step_got, step_expected):
            np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name,kwargs", CASES, ids=["%s-%s" % (n, k) for n, k in CASES])
def test_three_steps_match_keras(name, kwargs):
    expected = _run_keras(name, kwargs, GRADS)
    got, opt = _run_ours(name, kwargs, GRADS)
    _compare(got, expected)
    assert int(opt.iterations.numpy()) == (3 // kwargs.get("gradient_accumulation_steps", 1))


def test_finalize_with_ema_matches_keras():
    k_opt = keras_real.optimizers.Adam(use_ema=True)
    k_vars = [keras_real.Variable(v) for v in START]
    o_opt = optimizers.Adam(use_ema=True)
    o_vars = [tf.Variable(v) for v in START]
    for grads in GRADS:
        k_opt.apply([tf_real.constant(g) for g in grads], k_vars)
        o_opt.apply([tf.constant(g) for g in grads], o_vars)
    k_opt.finalize_variable_values(k_vars)
    o_opt.finalize_variable_values(o_vars)
    _compare([[v.numpy() for v in o_vars]], [[v.numpy() for v in k_vars]])


def test_none_gradient_is_skipped_like_keras():
    grads = [[g[0], None, g[2]] for g in GRADS]
    with pytest.warns(UserWarning, match="Gradients do not exist for variables"):
        expected = _run_keras("Adam", {}, grads)
    with pytest.warns(UserWarning, match="Gradients do not exist for variables"):
        got, _ = _run_ours("Adam", {}, grads)
    _compare(got, expected)


SCHEDULES = [
    ("ExponentialDecay", dict(initial_learning_rate=0.1, decay_steps=3, decay_rate=0.5)),
    ("ExponentialDecay", dict(initial_learning_rate=0.1, decay_steps=3, decay_rate=0.5, staircase=True)),
    ("PiecewiseConstantDecay", dict(boundaries=[2, 5, 9], values=[1.0, 0.5, 0.1, 0.01])),
    ("PolynomialDecay", dict(initial_learning_rate=0.1, decay_steps=6, power=2.0)),
    ("PolynomialDecay", dict(initial_learning_rate=0.1, decay_steps=6, cycle=True, end_learning_rate=0.01)),
    ("InverseTimeDecay", dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5)),
    ("InverseTimeDecay", dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5, staircase=True)),
    ("CosineDecay", dict(initial_learning_rate=0.1, decay_steps=10, alpha=0.1)),
    ("CosineDecay", dict(initial_learning_rate=0.0, decay_steps=10, warmup_target=0.2, warmup_steps=4)),
    ("CosineDecayRestarts", dict(initial_learning_rate=0.1, first_decay_steps=3)),
    ("CosineDecayRestarts", dict(initial_learning_rate=0.1, first_decay_steps=3, t_mul=1.0, m_mul=0.5, alpha=0.1)),
]


@pytest.mark.parametrize("name,kwargs", SCHEDULES)
def test_schedule_values_match_keras(name, kwargs):
    theirs = getattr(keras_real.optimizers.schedules, name)(**kwargs)
    ours = getattr(optimizers.schedules, name)(**kwargs)
    for step in range(20):
        np.testing.assert_allclose(ours(step).numpy(), theirs(step).numpy(), rtol=1e-5, atol=1e-7)
    assert ours.get_config() == theirs.get_config()
    assert optimizers.schedules.serialize(ours) == keras_real.optimizers.schedules.serialize(theirs)


@pytest.mark.parametrize("name", ["SGD", "Adam"])
def test_optimizer_with_schedule_matches_keras(name):
    kwargs = {"learning_rate": None}
    expected_opt = getattr(keras_real.optimizers, name)(
        learning_rate=keras_real.optimizers.schedules.ExponentialDecay(0.1, 1, 0.5), weight_decay=0.1)
    ours_opt = getattr(optimizers, name)(
        learning_rate=optimizers.schedules.ExponentialDecay(0.1, 1, 0.5), weight_decay=0.1)
    k_vars = [keras_real.Variable(v) for v in START]
    o_vars = [tf.Variable(v) for v in START]
    for grads in GRADS:
        expected_opt.apply([tf_real.constant(g) for g in grads], k_vars)
        ours_opt.apply([tf.constant(g) for g in grads], o_vars)
        _compare([[v.numpy() for v in o_vars]], [[v.numpy() for v in k_vars]])
    assert kwargs


@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adam", "AdamW", "Adagrad", "Adadelta", "Adamax", "Nadam", "Lion"])
def test_config_and_serialize_match_keras(name):
    theirs = getattr(keras_real.optimizers, name)(name="opt")
    ours = getattr(optimizers, name)(name="opt")
    assert ours.get_config() == theirs.get_config()
    assert optimizers.serialize(ours) == keras_real.optimizers.serialize(theirs)
    assert type(optimizers.get(name.lower())).__name__ == type(keras_real.optimizers.get(name.lower())).__name__


def test_variables_count_matches_keras():
    for name, kwargs in CASES:
        k_opt = getattr(keras_real.optimizers, name)(**kwargs)
        k_opt.build([keras_real.Variable(v) for v in START])
        o_opt = getattr(optimizers, name)(**kwargs)
        o_opt.build([tf.Variable(v) for v in START])
        assert len(o_opt.variables) == len(k_opt.variables), (name, kwargs)
        assert [tuple(v.shape) for v in o_opt.variables] == [tuple(v.shape) for v in k_opt.variables]
