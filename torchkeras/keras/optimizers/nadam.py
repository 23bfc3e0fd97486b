"""``keras.optimizers.Nadam``."""

from __future__ import annotations

import torch

from .optimizer import Optimizer, _HostMirror
from .updates import move_toward_, subtract_quotient_
from ...api_export import keras_export

__all__ = ["Nadam"]


@keras_export("keras.optimizers.Nadam")
class Nadam(Optimizer):
    """Nadam (Adam with Nesterov momentum), Keras' formulas with the momentum
    schedule ``u_t = beta_1 * (1 - 0.5 * 0.96**t)`` and its running product.
    Defaults: ``learning_rate=0.001``, ``beta_1=0.9``, ``beta_2=0.999``, ``epsilon=1e-7``."""

    _gradient_shape_op = ("Sub", True)  # its first op on a gradient: grad - m

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
        """Creates ``momentum`` and ``velocity`` slots and the running momentum product."""
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(
            var_list, ["momentum", "velocity"]
        )
        self._m = self._slot_storages(self._momentums)
        self._v = self._slot_storages(self._velocities)
        device = var_list[0]._param.device if var_list else None
        dtype = var_list[0].dtype if var_list else "float32"
        self._u_product = self._make_variable(
            1.0, "Variable", dtype, device or self._iterations._param.device
        )
        self._u_mirror = _HostMirror(self._u_product, 1.0)

    def _advance_step_state(self, t):
        s = self._scalars
        schedule_t = s.sub(1.0, s.mul(0.5, s.power(0.96, t)))  # Keras' u_product update: no cast
        u_product_t = s.mul(s.mul(self._u_mirror.get(), self.beta_1), schedule_t)
        self._u_product._param.fill_(u_product_t)
        self._u_mirror.set_after_own_write(u_product_t)

    def _update(self, grads, indices, lr, t):
        s = self._scalars
        beta_1, beta_2, decay = s.cast(self.beta_1), s.cast(self.beta_2), s.cast(0.96)
        u_t = s.mul(beta_1, s.sub(1.0, s.mul(0.5, s.power(decay, t))))
        u_t_1 = s.mul(beta_1, s.sub(1.0, s.mul(0.5, s.power(decay, t + 1))))
        u_product_t = self._u_mirror.get()
        u_product_t_1 = s.mul(u_product_t, u_t_1)
        params = self._select(self._params, indices)
        m = self._select(self._m, indices)
        v = self._select(self._v, indices)
        move_toward_(m, grads, s.sub(1, beta_1))
        move_toward_(v, torch._foreach_mul(grads, grads), s.sub(1, beta_2), scratch=True)
        m_hat = torch._foreach_mul(m, u_t_1)
        torch._foreach_div_(m_hat, s.sub(1, u_product_t_1))
        gradient_part = torch._foreach_mul(grads, s.sub(1, u_t))
        torch._foreach_div_(gradient_part, s.sub(1, u_product_t))
        torch._foreach_add_(m_hat, gradient_part)
        denominators = torch._foreach_div(v, s.sub(1, s.power(beta_2, t)))
        torch._foreach_sqrt_(denominators)
        torch._foreach_add_(denominators, self.epsilon)
        subtract_quotient_(params, m_hat, denominators, lr)

    def get_config(self):
        """Base config plus ``beta_1``, ``beta_2``, ``epsilon``."""
        config = super().get_config()
        config.update(beta_1=self.beta_1, beta_2=self.beta_2, epsilon=self.epsilon)
        return config
