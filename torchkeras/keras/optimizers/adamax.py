"""``keras.optimizers.Adamax``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import move_toward_, subtract_quotient_
from ...api_export import keras_export

__all__ = ["Adamax"]


@keras_export("keras.optimizers.Adamax")
class Adamax(Optimizer):
    """Adamax, Keras' formulas: ``m += (g - m) * (1 - beta_1)``;
    ``u = max(beta_2 * u, |g|)``; ``w -= lr * m / ((1 - beta_1**t) * (u + epsilon))``.
    Defaults: ``learning_rate=0.001``, ``beta_1=0.9``, ``beta_2=0.999``, ``epsilon=1e-7``."""

    _gradient_shape_op = ("Sub", True)  # its first op on a gradient: grad - m

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon

    def build(self, var_list):
        """Creates ``momentum`` and ``norm`` slots."""
        if self.built:
            return
        super().build(var_list)
        self._m, self._u = self.add_optimizer_variables(var_list, ["momentum", "norm"])
        self._m_storage = self._slot_storages(self._m)
        self._u_storage = self._slot_storages(self._u)

    def _update(self, grads, indices, lr, step):
        s = self._scalars
        correction = s.sub(1, s.power(s.cast(self.beta_1, like=step), step))
        params = self._select(self._params, indices)
        m = self._select(self._m_storage, indices)
        u = self._select(self._u_storage, indices)
        move_toward_(m, grads, 1 - self.beta_1)
        torch._foreach_mul_(u, self.beta_2)
        torch._foreach_maximum_(u, torch._foreach_abs(grads))
        denominators = torch._foreach_add(u, self.epsilon)
        torch._foreach_mul_(denominators, correction)
        subtract_quotient_(params, m, denominators, lr)

    def get_config(self):
        """Base config plus ``beta_1``, ``beta_2``, ``epsilon``."""
        config = super().get_config()
        config.update(beta_1=self.beta_1, beta_2=self.beta_2, epsilon=self.epsilon)
        return config
