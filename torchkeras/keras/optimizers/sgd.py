"""``keras.optimizers.SGD``: gradient descent with optional (Nesterov) momentum."""

from __future__ import annotations

import torch

from .optimizer import Optimizer
from .updates import scaled, subtract_scaled_
from ...api_export import keras_export

__all__ = ["SGD"]


@keras_export("keras.optimizers.SGD")
class SGD(Optimizer):
    """Gradient descent, Keras' formulas: without momentum ``w -= lr * g``; with
    momentum ``m = momentum * m - lr * g`` then ``w += m`` (Nesterov:
    ``w += momentum * m - lr * g``).  Defaults: ``learning_rate=0.01``,
    ``momentum=0.0``, ``nesterov=False``."""

    _capturable_update = True

    def __init__(
        self,
        learning_rate=0.01,
        momentum=0.0,
        nesterov=False,
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
        if not isinstance(momentum, float) or momentum < 0 or momentum > 1:
            raise ValueError("`momentum` must be a float between [0, 1].")
        self.momentum = momentum
        self.nesterov = nesterov

    def build(self, variables):
        """Creates a ``momentum`` slot per variable when ``momentum != 0``."""
        if self.built:
            return
        super().build(variables)
        self.momentums = (
            self.add_optimizer_variables(variables, "momentum") if self.momentum != 0 else []
        )
        self._m = self._slot_storages(self.momentums)

    def _update(self, grads, indices, lr, step):
        params = self._select(self._params, indices)
        scratch = self._scratch(indices)
        if self.momentum == 0:
            subtract_scaled_(params, grads, lr, out=scratch)
            return
        m = self._select(self._m, indices)
        momentum = self._scalars.cast(self.momentum, like=lr)
        scaled_grads = scaled(grads, lr, scratch)
        torch._foreach_mul_(m, momentum)
        torch._foreach_sub_(m, scaled_grads)
        if self.nesterov:
            steps = torch._foreach_mul(m, momentum)
            torch._foreach_sub_(steps, scaled_grads)
            torch._foreach_add_(params, steps)
        else:
            torch._foreach_add_(params, m)

    def get_config(self):
        """Base config plus ``momentum`` and ``nesterov``."""
        config = super().get_config()
        config.update(momentum=self.momentum, nesterov=self.nesterov)
        return config
