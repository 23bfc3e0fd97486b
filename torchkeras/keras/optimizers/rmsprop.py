"""``keras.optimizers.RMSprop``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import decay_add_, plus, squares, subtract_quotient_
from ...api_export import keras_export

__all__ = ["RMSprop"]


@keras_export("keras.optimizers.RMSprop")
class RMSprop(Optimizer):
    """RMSprop, Keras' formulas: ``v = rho * v + (1 - rho) * g**2``;
    ``increment = lr * g / sqrt(v + epsilon)`` (epsilon inside the root, as
    Keras; ``centered`` subtracts the squared mean gradient ``a**2`` inside
    it); with ``momentum``: ``m = momentum * m + increment; w -= m``, else
    ``w -= increment``.  Defaults: ``learning_rate=0.001``, ``rho=0.9``,
    ``momentum=0.0``, ``epsilon=1e-7``, ``centered=False``."""

    _gradient_shape_op = ("AddV2", False)  # its first op on a gradient: var_slot + grad

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.9,
        momentum=0.0,
        epsilon=1e-7,
        centered=False,
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
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered

    def build(self, var_list):
        """Creates ``velocity`` slots, plus ``momentum`` and ``average_gradient`` slots when
        used."""
        if self.built:
            return
        super().build(var_list)
        self._velocities = self.add_optimizer_variables(var_list, "velocity")
        self._momentums = (
            self.add_optimizer_variables(var_list, "momentum") if self.momentum > 0 else []
        )
        self._average_gradients = (
            self.add_optimizer_variables(var_list, "average_gradient") if self.centered else []
        )
        self._v = self._slot_storages(self._velocities)
        self._m = self._slot_storages(self._momentums)
        self._a = self._slot_storages(self._average_gradients)

    def _update(self, grads, indices, lr, step):
        rho = self.rho
        params = self._select(self._params, indices)
        v = self._select(self._v, indices)
        scratch = self._scratch(indices)
        decay_add_(v, rho, squares(grads, scratch), 1 - rho, scratch=True)
        if self.centered:
            a = self._select(self._a, indices)
            decay_add_(a, rho, grads, 1 - rho)
            denominators = torch._foreach_sub(v, squares(a, scratch))
            torch._foreach_add_(denominators, self.epsilon)
        else:
            denominators = plus(v, self.epsilon, scratch)
        torch._foreach_sqrt_(denominators)
        if self.momentum > 0:
            increments = torch._foreach_mul(grads, lr)
            torch._foreach_div_(increments, denominators)
            m = self._select(self._m, indices)
            torch._foreach_mul_(m, self.momentum)
            torch._foreach_add_(m, increments)
            torch._foreach_sub_(params, m)
        else:
            subtract_quotient_(params, grads, denominators, lr)

    def get_config(self):
        """Base config plus ``rho``, ``momentum``, ``epsilon``, ``centered``."""
        config = super().get_config()
        config.update(
            rho=self.rho, momentum=self.momentum, epsilon=self.epsilon, centered=self.centered
        )
        return config
