"""Optimizers without TensorFlow: update formulas by hand, lookup, learning rate, state, errors."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.keras import optimizers


def _var(values):
    return tf.Variable(np.array(values, dtype="float32"))


def test_sgd_step_by_hand():
    w = _var([1.0, 2.0])
    opt = optimizers.SGD(learning_rate=0.1)
    opt.apply_gradients([(tf.constant([1.0, -1.0]), w)])
    np.testing.assert_allclose(w.numpy(), [0.9, 2.1], rtol=1e-6)
    assert int(opt.iterations.numpy()) == 1


def test_sgd_momentum_by_hand():
    w = _var([1.0])
    opt = optimizers.SGD(learning_rate=0.1, momentum=0.9)
    for _ in range(2):
        opt.apply_gradients([(tf.constant([1.0]), w)])
    # m1 = -0.1, w1 = 0.9; m2 = 0.9 * -0.1 - 0.1 = -0.19, w2 = 0.71
    np.testing.assert_allclose(w.numpy(), [0.71], rtol=1e-6)


def test_rmsprop_puts_epsilon_inside_the_root():
    w = _var([1.0])
    opt = optimizers.RMSprop(learning_rate=0.01, epsilon=0.5)
    opt.apply_gradients([(tf.constant([2.0]), w)])
    v = 0.1 * 4.0
    np.testing.assert_allclose(w.numpy(), [1.0 - 0.01 * 2.0 / np.sqrt(v + 0.5)], rtol=1e-6)


def test_adam_step_by_hand():
    w = _var([1.0])
    opt = optimizers.Adam(learning_rate=0.1)
    opt.apply_gradients([(tf.constant([3.0]), w)])
    m, v = 0.1 * 3.0, 0.001 * 9.0
    alpha = 0.1 * np.sqrt(1 - 0.999) / (1 - 0.9)
    np.testing.assert_allclose(w.numpy(), [1.0 - alpha * m / (np.sqrt(v) + 1e-7)], rtol=1e-5)


def test_get_is_case_insensitive_and_rejects_unknown_names():
    assert isinstance(optimizers.get("rmsprop"), optimizers.RMSprop)
    assert isinstance(optimizers.get("RMSprop"), optimizers.RMSprop)
    assert isinstance(optimizers.get("ADAM"), optimizers.Adam)
    opt = optimizers.SGD()
    assert optimizers.get(opt) is opt
    with pytest.raises(ValueError, match="Could not interpret optimizer identifier: nope"):
        optimizers.get("nope")


def test_learning_rate_is_a_settable_variable():
    w = _var([1.0])
    opt = optimizers.SGD(learning_rate=0.1)
    assert isinstance(opt.learning_rate, tf.Variable)
    opt.learning_rate = 0.5
    assert float(opt.learning_rate.numpy()) == 0.5
    opt.apply_gradients([(tf.constant([1.0]), w)])
    np.testing.assert_allclose(w.numpy(), [0.5])
    opt.learning_rate.assign(0.25)
    opt.apply_gradients([(tf.constant([1.0]), w)])
    np.testing.assert_allclose(w.numpy(), [0.25])


def test_learning_rate_must_be_a_float():
    with pytest.raises(ValueError, match="Argument `learning_rate` should be float"):
        optimizers.SGD(learning_rate=1)


def test_schedule_learning_rate_is_not_settable():
    opt = optimizers.SGD(learning_rate=optimizers.schedules.ExponentialDecay(0.1, 10, 0.5))
    assert float(opt.learning_rate.numpy()) == pytest.approx(0.1)
    with pytest.raises(TypeError, match="not settable"):
        opt.learning_rate = 0.2


def test_none_gradients_are_skipped_and_all_none_raises():
    a, b = _var([1.0]), _var([2.0])
    opt = optimizers.SGD(learning_rate=0.1)
    with pytest.warns(UserWarning, match="Gradients do not exist"):
        opt.apply_gradients([(tf.constant([1.0]), a), (None, b)])
    np.testing.assert_allclose([a.numpy()[0], b.numpy()[0]], [0.9, 2.0], rtol=1e-6)
    with pytest.raises(ValueError, match="No gradients provided for any variable."):
        opt.apply_gradients([(None, a), (None, b)])


def test_unknown_variable_raises():
    opt = optimizers.Adam()
    opt.apply_gradients([(tf.constant([1.0]), _var([1.0]))])
    with pytest.raises(ValueError, match="Unknown variable"):
        opt.apply_gradients([(tf.constant([1.0]), _var([1.0]))])


def test_only_one_clipping_argument():
    with pytest.raises(
        ValueError, match="Only one of `clipnorm`, `clipvalue` and `global_clipnorm`"
    ):
        optimizers.SGD(clipnorm=1.0, clipvalue=1.0)


def test_apply_without_variables_after_build():
    w = _var([1.0, 1.0])
    opt = optimizers.SGD(learning_rate=1.0)
    opt.build([w])
    opt.apply([tf.constant([0.5, 0.25])])
    np.testing.assert_allclose(w.numpy(), [0.5, 0.75])


def test_state_variables_and_config_round_trip():
    w = _var(np.zeros((2, 3)))
    opt = optimizers.Adam(learning_rate=0.01, amsgrad=True)
    opt.build([w])
    assert [tuple(v.shape) for v in opt.variables] == [(), (), (2, 3), (2, 3), (2, 3)]
    clone = optimizers.deserialize(optimizers.serialize(opt))
    assert isinstance(clone, optimizers.Adam) and clone.amsgrad
    assert clone.get_config()["learning_rate"] == pytest.approx(0.01)


def test_updates_parameter_in_place():
    w = _var([1.0, 2.0])
    param = w._param
    optimizers.RMSprop().apply_gradients([(tf.constant([1.0, 1.0]), w)])
    assert w._param is param


def test_torch_and_numpy_gradients_are_accepted():
    import torch

    w = _var([1.0])
    opt = optimizers.SGD(learning_rate=0.5)
    opt.apply([torch.tensor([1.0])], [w])
    opt.apply([np.array([1.0], dtype="float32")], [w])
    np.testing.assert_allclose(w.numpy(), [0.0])


def test_custom_optimizer_with_update_step():
    class Halving(optimizers.Optimizer):
        def __init__(self):
            super().__init__(learning_rate=0.5)

        def update_step(self, gradient, variable, learning_rate):
            self.assign_sub(variable, gradient * learning_rate)

    w = _var([1.0])
    Halving().apply_gradients([(tf.constant([1.0]), w)])
    np.testing.assert_allclose(w.numpy(), [0.5])


@pytest.mark.parametrize("name", ["PiecewiseConstantDecay", "ExponentialDecay"])
def test_schedules_by_hand(name):
    if name == "PiecewiseConstantDecay":
        schedule = optimizers.schedules.PiecewiseConstantDecay([2, 4], [1.0, 0.5, 0.1])
        values = [1.0, 1.0, 1.0, 0.5, 0.5, 0.1]
    else:
        schedule = optimizers.schedules.ExponentialDecay(1.0, 2, 0.5, staircase=True)
        values = [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
    np.testing.assert_allclose([float(schedule(s).numpy()) for s in range(6)], values, rtol=1e-6)


def test_save_and_load_own_variables():
    w = _var([1.0, 2.0])
    opt = optimizers.Adam()
    opt.apply_gradients([(tf.constant([1.0, 1.0]), w)])
    store = {}
    opt.save_own_variables(store)
    fresh = optimizers.Adam()
    fresh.build([w])
    fresh.load_own_variables(store)
    assert int(fresh.iterations.numpy()) == 1
    for a, b in zip(fresh.variables, opt.variables):
        np.testing.assert_allclose(a.numpy(), b.numpy())
    with pytest.warns(UserWarning, match="Skipping variable loading"):
        optimizers.Adam().load_own_variables(store)
