"""``keras.optimizers.Adadelta``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import decay_add_, subtract_scaled_
from ...api_export import keras_export

__all__ = ["Adadelta"]


@keras_export("keras.optimizers.Adadelta")
class Adadelta(Optimizer):
    """Adadelta, Keras' formulas: ``ag = rho * ag + (1 - rho) * g**2``;
    ``delta = -sqrt(ad + eps) * g / sqrt(ag + eps)``;
    ``ad = rho * ad + (1 - rho) * delta**2``; ``w += lr * delta``.
    Defaults: ``learning_rate=0.001``, ``rho=0.95``, ``epsilon=1e-7``."""

    _gradient_shape_op = ("AddV2", False)  # its first op on a gradient: var_slot + grad

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.001,
        rho=0.95,
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
        self.rho = rho
        self.epsilon = epsilon

    def build(self, var_list):
        """Creates ``accumulated_grad`` and ``accumulated_delta_var`` slots."""
        if self.built:
            return
        super().build(var_list)
        self._accumulated_grads, self._accumulated_delta_vars = self.add_optimizer_variables(
            var_list, ["accumulated_grad", "accumulated_delta_var"]
        )
        self._ag = self._slot_storages(self._accumulated_grads)
        self._ad = self._slot_storages(self._accumulated_delta_vars)

    def _update(self, grads, indices, lr, step):
        rho, eps = self.rho, self.epsilon
        params = self._select(self._params, indices)
        ag = self._select(self._ag, indices)
        ad = self._select(self._ad, indices)
        decay_add_(ag, rho, torch._foreach_mul(grads, grads), 1 - rho, scratch=True)
        numerators = torch._foreach_add(ad, eps)
        torch._foreach_sqrt_(numerators)
        denominators = torch._foreach_add(ag, eps)
        torch._foreach_sqrt_(denominators)
        deltas = torch._foreach_mul(numerators, grads)
        torch._foreach_div_(deltas, denominators)
        decay_add_(ad, rho, torch._foreach_mul(deltas, deltas), 1 - rho, scratch=True)
        subtract_scaled_(params, deltas, lr)

    def get_config(self):
        """Base config plus ``rho`` and ``epsilon``."""
        config = super().get_config()
        config.update(rho=self.rho, epsilon=self.epsilon)
        return config
