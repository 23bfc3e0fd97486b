"""keras.optimizers.LossScaleOptimizer: Keras 3's dynamic loss scaling rules (sequence checked
against
real Keras in tests/keras/mixed_precision/test_mixed_precision_vs_keras.py)."""

import numpy as np
import pytest

from torchkeras import keras

LossScaleOptimizer = keras.optimizers.LossScaleOptimizer


def test_scale_grows_after_finite_steps_and_halves_skipping_non_finite_steps():
    optimizer = LossScaleOptimizer(
        keras.optimizers.SGD(0.1), initial_scale=4.0, dynamic_growth_steps=2
    )
    variable = keras.Variable(np.ones(2, np.float32))
    trace = []
    for g in [1.0, 1.0, 1.0, np.inf, 1.0, np.nan, 1.0]:
        optimizer.apply([np.full(2, g, np.float32)], [variable])
        trace.append(
            (
                float(optimizer.dynamic_scale.numpy()),
                int(optimizer.step_counter.numpy()),
                int(optimizer.iterations.numpy()),
            )
        )
    assert trace == [
        (4.0, 1, 1),
        (8.0, 0, 2),
        (8.0, 1, 3),
        (4.0, 0, 3),
        (4.0, 1, 4),
        (2.0, 0, 4),
        (2.0, 1, 5),
    ]
    # the unscaled gradients 1/4, 1/4, 1/8, (skipped), 1/4, (skipped), 1/2 times lr 0.1
    np.testing.assert_allclose(
        variable.numpy(), 1 - 0.1 * (0.25 + 0.25 + 0.125 + 0.25 + 0.5), rtol=1e-6
    )
    assert [v.name.split(":")[0] for v in optimizer.variables] == [
        "iteration",
        "learning_rate",
        "step_counter",
        "dynamic_scale",
        "iteration",
        "learning_rate",
    ]
    assert float(optimizer.scale_loss(3.0)) == 6.0


def test_learning_rate_is_the_inner_optimizers_and_config_round_trips():
    inner = keras.optimizers.Adam(0.01, loss_scale_factor=8.0)
    optimizer = LossScaleOptimizer(inner, initial_scale=128.0)
    assert inner.loss_scale_factor is None and optimizer.name.startswith("loss_scale_optimizer")
    assert float(optimizer.scale_loss(1.0)) == 128.0
    optimizer.learning_rate = 0.5
    assert float(inner.learning_rate.numpy()) == 0.5
    config = optimizer.get_config()
    assert config["initial_scale"] == 128.0 and config["dynamic_growth_steps"] == 2000
    clone = keras.optimizers.deserialize(keras.optimizers.serialize(optimizer))
    assert isinstance(clone, LossScaleOptimizer) and isinstance(
        clone.inner_optimizer, keras.optimizers.Adam
    )
    assert clone.initial_scale == 128.0


def test_rejects_base_optimizer_arguments():
    with pytest.raises(
        ValueError,
        match="^LossScaleOptimizer does not support `clipnorm`. Instead, set `clipnorm` on "
        "the `inner_optimizer`.$",
    ):
        LossScaleOptimizer(keras.optimizers.SGD(), clipnorm=1.0)
    with pytest.raises(ValueError, match="^LossScaleOptimizer no longer supports `dynamic=False`"):
        LossScaleOptimizer(keras.optimizers.SGD(), dynamic=False)
    with pytest.raises(ValueError, match="^LossScaleOptimizer does not support arguments: `foo`.$"):
        LossScaleOptimizer(keras.optimizers.SGD(), foo=1)
