"""Differential test: every optimizer (with several argument sets), 6 steps at learning rates 0.1
and 1e-3, against real Keras 3 on TF.

Keras computes each step in float32 ops (its scalars too: ``beta ** t``, the bias corrections);
the updated variables must match to rtol 1e-6.  The atol of 1e-7 (about one float32 ulp at 1)
only matters for a value that passes near zero, where one ulp of difference in an intermediate
(torch's CPU float32 ``sqrt`` is not always correctly rounded) is a large relative error."""

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
keras_real = tf_real.keras

import torchkeras as tf  # noqa: E402
from torchkeras.framework import function as function_module  # noqa: E402
from torchkeras.keras import optimizers  # noqa: E402

rng = np.random.default_rng(1)
SHAPES = [(3, 4), (4,), (2, 2, 2)]
START = [rng.normal(size=s).astype("float32") for s in SHAPES]
STEPS = 6
GRADS = [[rng.normal(size=s).astype("float32") * (k + 1) for s in SHAPES] for k in range(STEPS)]
RATES = [0.1, 1e-3]

CASES = [
    ("SGD", {}),
    ("SGD", {"momentum": 0.9}),
    ("SGD", {"momentum": 0.8, "nesterov": True}),
    ("SGD", {"weight_decay": 0.1}),
    ("SGD", {"clipnorm": 0.5}),
    ("SGD", {"clipvalue": 0.3}),
    ("SGD", {"global_clipnorm": 0.7, "momentum": 0.5}),
    ("SGD", {"momentum": 0.9, "gradient_accumulation_steps": 2}),
    ("RMSprop", {}),
    ("RMSprop", {"rho": 0.8, "momentum": 0.5, "centered": True}),
    ("RMSprop", {"centered": True}),
    ("RMSprop", {"momentum": 0.9, "epsilon": 1e-3}),
    ("RMSprop", {"weight_decay": 0.05, "clipnorm": 1.0}),
    ("Adam", {}),
    ("Adam", {"amsgrad": True, "beta_1": 0.8}),
    ("Adam", {"use_ema": True}),
    ("Adam", {"use_ema": True, "ema_momentum": 0.9, "ema_overwrite_frequency": 2}),
    ("Adam", {"loss_scale_factor": 4.0, "weight_decay": 0.01}),
    ("Adam", {"global_clipnorm": 1.5}),
    ("Adam", {"gradient_accumulation_steps": 3, "epsilon": 1e-4}),
    ("AdamW", {}),
    ("AdamW", {"weight_decay": 0.1, "amsgrad": True}),
    ("AdamW", {"clipvalue": 0.5}),
    ("Adagrad", {}),
    ("Adagrad", {"initial_accumulator_value": 0.5}),
    ("Adagrad", {"weight_decay": 0.1}),
    ("Adadelta", {}),
    ("Adadelta", {"rho": 0.9, "epsilon": 1e-4}),
    ("Adamax", {}),
    ("Adamax", {"beta_2": 0.9}),
    ("Adamax", {"beta_1": 0.7, "clipnorm": 0.8}),
    ("Nadam", {}),
    ("Nadam", {"beta_1": 0.5}),
    ("Nadam", {"beta_2": 0.99, "weight_decay": 0.02}),
    ("Lion", {}),
    ("Lion", {"beta_1": 0.5, "beta_2": 0.9, "weight_decay": 0.01}),
]
CAPTURABLE = [
    (n, k)
    for n, k in CASES
    if getattr(optimizers, n)._capturable_update
    and not k.get("use_ema")
    and not k.get("gradient_accumulation_steps")
]


def _ids(cases):
    return ["%s-%s" % (n, k) for n, k in cases]


def _run_keras(name, kwargs, grads_per_step):
    opt = getattr(keras_real.optimizers, name)(**kwargs)
    variables = [keras_real.Variable(v) for v in START]
    out = []
    for grads in grads_per_step:
        opt.apply([None if g is None else tf_real.constant(g) for g in grads], variables)
        out.append([v.numpy() for v in variables])
    return out


def _run_ours(name, kwargs, grads_per_step, jit=False):
    opt = getattr(optimizers, name)(**kwargs)
    opt._set_jit_compile(jit)
    variables = [tf.Variable(v) for v in START]
    out = []
    for grads in grads_per_step:
        opt.apply_gradients(zip([None if g is None else tf.constant(g) for g in grads], variables))
        out.append([v.numpy() for v in variables])
    return out, opt


def _compare(got, expected):
    for step_got, step_expected in zip(got, expected):
        for a, b in zip(step_got, step_expected):
            np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("learning_rate", RATES)
@pytest.mark.parametrize("name,kwargs", CASES, ids=_ids(CASES))
def test_steps_match_keras(name, kwargs, learning_rate):
    kwargs = dict(kwargs, learning_rate=learning_rate)
    expected = _run_keras(name, kwargs, GRADS)
    got, opt = _run_ours(name, kwargs, GRADS)
    _compare(got, expected)
    assert int(opt.iterations.numpy()) == (STEPS // kwargs.get("gradient_accumulation_steps", 1))


@pytest.mark.parametrize("name,kwargs", CAPTURABLE, ids=_ids(CAPTURABLE))
def test_compiled_steps_match_keras(name, kwargs, monkeypatch):
    """The update compiled for ``jit_compile=True`` (rate and step as device tensors) computes
    Keras' float32 steps too (torch's "aot_eager" backend: the ops the graph runs)."""
    monkeypatch.setitem(function_module.JIT_OPTIONS, "backend", "aot_eager")
    kwargs = dict(kwargs, learning_rate=0.1)
    got, opt = _run_ours(name, kwargs, GRADS, jit=True)
    assert opt._jit_update is not None and opt._jit_update.compiled
    _compare(got, _run_keras(name, kwargs, GRADS))


FLOAT64_CASES = [
    ("Adam", {}),
    ("Nadam", {}),
    ("Lion", {}),
    ("Adamax", {}),
    ("Adam", {"use_ema": True, "weight_decay": 0.1}),
    ("SGD", {"momentum": 0.9}),
    ("RMSprop", {"centered": True, "momentum": 0.5}),
]


@pytest.mark.parametrize("name,kwargs", FLOAT64_CASES, ids=_ids(FLOAT64_CASES))
def test_float64_variables_match_keras(name, kwargs):
    """Keras computes a float64 variable's step (its scalars too) in float64."""
    kwargs = dict(kwargs, learning_rate=0.1)
    k_opt = getattr(keras_real.optimizers, name)(**kwargs)
    o_opt = getattr(optimizers, name)(**kwargs)
    k_vars = [keras_real.Variable(v.astype("float64")) for v in START]
    o_vars = [tf.Variable(v.astype("float64")) for v in START]
    for grads in GRADS:
        k_opt.apply([tf_real.constant(g.astype("float64")) for g in grads], k_vars)
        o_opt.apply([tf.constant(g.astype("float64")) for g in grads], o_vars)
        for a, b in zip(o_vars, k_vars):
            assert a.dtype == "float64"
            np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("learning_rate", RATES)
def test_loss_scale_optimizer_matches_keras(learning_rate):
    theirs = keras_real.optimizers.LossScaleOptimizer(keras_real.optimizers.Adam(learning_rate))
    ours = optimizers.LossScaleOptimizer(optimizers.Adam(learning_rate))
    k_vars = [keras_real.Variable(v) for v in START]
    o_vars = [tf.Variable(v) for v in START]
    for grads in GRADS:
        scale = float(theirs.dynamic_scale.numpy()) if theirs.built else 2.0**15
        theirs.apply([tf_real.constant(g * scale) for g in grads], k_vars)
        ours.apply([tf.constant(g * scale) for g in grads], o_vars)
        _compare([[v.numpy() for v in o_vars]], [[v.numpy() for v in k_vars]])
    assert float(ours.dynamic_scale.numpy()) == float(theirs.dynamic_scale.numpy())


def test_finalize_with_ema_matches_keras():
    k_opt = keras_real.optimizers.Adam(use_ema=True)
    k_vars = [keras_real.Variable(v) for v in START]
    o_opt = optimizers.Adam(use_ema=True)
    o_vars = [tf.Variable(v) for v in START]
    for grads in GRADS:
        k_opt.apply([tf_real.constant(g) for g in grads], k_vars)
        o_opt.apply([tf.constant(g) for g in grads], o_vars)
    assert not np.allclose(o_vars[0].numpy(), o_opt._model_variables_moving_average[0].numpy())
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
    (
        "ExponentialDecay",
        dict(initial_learning_rate=0.1, decay_steps=3, decay_rate=0.5, staircase=True),
    ),
    ("PiecewiseConstantDecay", dict(boundaries=[2, 5, 9], values=[1.0, 0.5, 0.1, 0.01])),
    ("PolynomialDecay", dict(initial_learning_rate=0.1, decay_steps=6, power=2.0)),
    (
        "PolynomialDecay",
        dict(initial_learning_rate=0.1, decay_steps=6, cycle=True, end_learning_rate=0.01),
    ),
    ("InverseTimeDecay", dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5)),
    (
        "InverseTimeDecay",
        dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5, staircase=True),
    ),
    ("CosineDecay", dict(initial_learning_rate=0.1, decay_steps=10, alpha=0.1)),
    (
        "CosineDecay",
        dict(initial_learning_rate=0.0, decay_steps=10, warmup_target=0.2, warmup_steps=4),
    ),
    ("CosineDecayRestarts", dict(initial_learning_rate=0.1, first_decay_steps=3)),
    (
        "CosineDecayRestarts",
        dict(initial_learning_rate=0.1, first_decay_steps=3, t_mul=1.0, m_mul=0.5, alpha=0.1),
    ),
]


@pytest.mark.parametrize("name,kwargs", SCHEDULES)
def test_schedule_values_match_keras(name, kwargs):
    theirs = getattr(keras_real.optimizers.schedules, name)(**kwargs)
    ours = getattr(optimizers.schedules, name)(**kwargs)
    for step in range(20):
        np.testing.assert_allclose(ours(step).numpy(), theirs(step).numpy(), rtol=1e-5, atol=1e-7)
    assert ours.get_config() == theirs.get_config()
    assert optimizers.schedules.serialize(ours) == keras_real.optimizers.schedules.serialize(theirs)


NAMES = ["SGD", "RMSprop", "Adam", "AdamW", "Adagrad", "Adadelta", "Adamax", "Nadam", "Lion"]
RATE_SCHEDULES = [SCHEDULES[0], SCHEDULES[2], SCHEDULES[3], SCHEDULES[8]]


@pytest.mark.parametrize("schedule,args", RATE_SCHEDULES, ids=[n for n, _ in RATE_SCHEDULES])
@pytest.mark.parametrize("name", NAMES)
def test_optimizer_with_schedule_matches_keras(name, schedule, args):
    """A schedule's rate is a float32 tensor each step (with weight decay, which reads it too)."""
    expected_opt = getattr(keras_real.optimizers, name)(
        learning_rate=getattr(keras_real.optimizers.schedules, schedule)(**args), weight_decay=0.1
    )
    ours_opt = getattr(optimizers, name)(
        learning_rate=getattr(optimizers.schedules, schedule)(**args), weight_decay=0.1
    )
    k_vars = [keras_real.Variable(v) for v in START]
    o_vars = [tf.Variable(v) for v in START]
    for grads in GRADS:
        expected_opt.apply([tf_real.constant(g) for g in grads], k_vars)
        ours_opt.apply([tf.constant(g) for g in grads], o_vars)
        _compare([[v.numpy() for v in o_vars]], [[v.numpy() for v in k_vars]])


@pytest.mark.parametrize("name", NAMES)
def test_config_and_serialize_match_keras(name):
    theirs = getattr(keras_real.optimizers, name)(name="opt")
    ours = getattr(optimizers, name)(name="opt")
    assert ours.get_config() == theirs.get_config()
    assert optimizers.serialize(ours) == keras_real.optimizers.serialize(theirs)
    assert (
        type(optimizers.get(name.lower())).__name__
        == type(keras_real.optimizers.get(name.lower())).__name__
    )


def test_variables_count_matches_keras():
    for name, kwargs in CASES:
        k_opt = getattr(keras_real.optimizers, name)(**kwargs)
        k_opt.build([keras_real.Variable(v) for v in START])
        o_opt = getattr(optimizers, name)(**kwargs)
        o_opt.build([tf.Variable(v) for v in START])
        assert len(o_opt.variables) == len(k_opt.variables), (name, kwargs)
        assert [tuple(v.shape) for v in o_opt.variables] == [
            tuple(v.shape) for v in k_opt.variables
        ]
