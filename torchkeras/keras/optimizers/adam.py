"""``keras.optimizers.Adam``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import move_toward_, roots, squares, subtract_quotient_
from ...api_export import keras_export

__all__ = ["Adam"]


@keras_export("keras.optimizers.Adam")
class Adam(Optimizer):
    """Adam, Keras' formulas: ``m += (g - m) * (1 - beta_1)``,
    ``v += (g**2 - v) * (1 - beta_2)`` (``amsgrad``: ``v_hat = max(v_hat, v)``
    used instead of ``v``), ``alpha = lr * sqrt(1 - beta_2**t) / (1 - beta_1**t)``,
    ``w -= alpha * m / (sqrt(v) + epsilon)``.  Defaults: ``learning_rate=0.001``,
    ``beta_1=0.9``, ``beta_2=0.999``, ``epsilon=1e-7``, ``amsgrad=False``."""

    _gradient_shape_op = ("Sub", True)  # its first op on a gradient: grad - m

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
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
        self.amsgrad = amsgrad

    def build(self, var_list):
        """Creates ``momentum`` and ``velocity`` slots (and ``velocity_hat`` with ``amsgrad``)."""
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(
            var_list, ["momentum", "velocity"]
        )
        self._m = self._slot_storages(self._momentums)
        self._v = self._slot_storages(self._velocities)
        if self.amsgrad:
            self._velocity_hats = self.add_optimizer_variables(var_list, "velocity_hat")
            self._v_hat = self._slot_storages(self._velocity_hats)

    def _update(self, grads, indices, lr, t):
        s = self._scalars
        beta_1_power = s.power(s.cast(self.beta_1, like=t), t)
        beta_2_power = s.power(s.cast(self.beta_2, like=t), t)
        alpha = s.div(s.mul(lr, s.sqrt(s.sub(1, beta_2_power))), s.sub(1, beta_1_power))
        params = self._select(self._params, indices)
        m = self._select(self._m, indices)
        v = self._select(self._v, indices)
        scratch = self._scratch(indices)
        move_toward_(m, grads, 1 - self.beta_1, out=scratch)
        move_toward_(v, squares(grads, scratch), 1 - self.beta_2, scratch=True)
        if self.amsgrad:
            v_hat = self._select(self._v_hat, indices)
            torch._foreach_maximum_(v_hat, v)
            v = v_hat
        denominators = roots(v, scratch)
        torch._foreach_add_(denominators, self.epsilon)
        subtract_quotient_(params, m, denominators, alpha)

    def get_config(self):
        """Base config plus ``beta_1``, ``beta_2``, ``epsilon``, ``amsgrad``."""
        config = super().get_config()
        config.update(
            beta_1=self.beta_1, beta_2=self.beta_2, epsilon=self.epsilon, amsgrad=self.amsgrad
        )
        return config
