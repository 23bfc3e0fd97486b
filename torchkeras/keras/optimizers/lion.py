"""``keras.optimizers.Lion``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import decay_add_, subtract_scaled_
from ...api_export import keras_export

__all__ = ["Lion"]


@keras_export("keras.optimizers.Lion")
class Lion(Optimizer):
    """Lion, Keras' formulas: ``w -= lr * sign(beta_1 * m + (1 - beta_1) * g)``;
    then ``m = beta_2 * m + (1 - beta_2) * g``.  Defaults: ``learning_rate=0.001``,
    ``beta_1=0.9``, ``beta_2=0.99``."""

    _gradient_shape_op = ("AddV2", False)  # its first op on a gradient: var_slot + grad

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.99,
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
        if beta_1 <= 0 or beta_1 > 1:
            raise ValueError(
                "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer "
                "degenerates to "
                "SignSGD. Received: beta_1=%s." % (beta_1,)
            )

    def build(self, var_list):
        """Creates ``momentum`` slots."""
        if self.built:
            return
        super().build(var_list)
        self._momentums = self.add_optimizer_variables(var_list, "momentum")
        self._m = self._slot_storages(self._momentums)

    def _update(self, grads, indices, lr, step):
        params = self._select(self._params, indices)
        m = self._select(self._m, indices)
        s = self._scalars
        beta_1, beta_2 = s.cast(self.beta_1, like=lr), s.cast(self.beta_2, like=lr)
        directions = torch._foreach_mul(m, beta_1)
        torch._foreach_add_(directions, torch._foreach_mul(grads, s.sub(1, beta_1)))
        directions = [torch.where(torch.isnan(d), d, torch.sign(d)) for d in directions]  # TF: nan
        subtract_scaled_(params, directions, lr)
        decay_add_(m, beta_2, grads, s.sub(1, beta_2))

    def get_config(self):
        """Base config plus ``beta_1`` and ``beta_2``."""
        config = super().get_config()
        config.update(beta_1=self.beta_1, beta_2=self.beta_2)
        return config
