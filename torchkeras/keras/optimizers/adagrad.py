"""``keras.optimizers.Adagrad``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import add_scaled_, plus, squares, subtract_quotient_
from ...api_export import keras_export

__all__ = ["Adagrad"]


@keras_export("keras.optimizers.Adagrad")
class Adagrad(Optimizer):
    """Adagrad, Keras' formulas: ``acc += g**2``; ``w -= lr * g / sqrt(acc + epsilon)``.
    Defaults: ``learning_rate=0.001``, ``initial_accumulator_value=0.1``, ``epsilon=1e-7``."""

    _gradient_shape_op = ("AssignAddVariableOp", None)  # TF's Adagrad adds to the variable

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.001,
        initial_accumulator_value=0.1,
        epsilon=1e-7,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = epsilon

    def build(self, var_list):
        """Creates ``accumulator`` slots filled with ``initial_accumulator_value``."""
        if self.built:
            return
        super().build(var_list)
        self._accumulators = self.add_optimizer_variables(
            var_list, "accumulator", initializer=float(self.initial_accumulator_value)
        )
        self._acc = self._slot_storages(self._accumulators)

    def _update(self, grads, indices, lr, step):
        params = self._select(self._params, indices)
        acc = self._select(self._acc, indices)
        scratch = self._scratch(indices)
        add_scaled_(acc, squares(grads, scratch), 1.0, scratch=True)
        denominators = plus(acc, self.epsilon, scratch)
        torch._foreach_sqrt_(denominators)
        subtract_quotient_(params, grads, denominators, lr)

    def get_config(self):
        """Base config plus ``initial_accumulator_value`` and ``epsilon``."""
        config = super().get_config()
        config.update(
            initial_accumulator_value=self.initial_accumulator_value, epsilon=self.epsilon
        )
        return config
