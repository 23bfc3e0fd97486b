"""``keras.optimizers.LossScaleOptimizer``: dynamic loss scaling around another optimizer.

Keras 3's rules: the loss is multiplied by ``dynamic_scale`` before
differentiation (``scale_loss``); on ``apply``, if every gradient is finite
they are divided by the scale and handed to the inner optimizer, and after
``dynamic_growth_steps`` finite steps in a row the scale doubles; if any
gradient is inf/NaN the step is skipped (the inner optimizer's
``iterations`` does not advance) and the scale halves.  ``compile()`` wraps
the optimizer in one automatically under the ``"mixed_float16"`` policy.

The finiteness check reads one boolean from the device per step (as torch's
``GradScaler`` does); the scale and the step counter stay on the device.
"""

from __future__ import annotations

import torch

from ...framework.tensor import TensorOperators, wrap
from .optimizer import Optimizer, _grad_storage
from ...api_export import keras_export

__all__ = ["LossScaleOptimizer"]

_BASE_DEFAULTS = {
    "weight_decay": None,
    "clipnorm": None,
    "global_clipnorm": None,
    "clipvalue": None,
    "use_ema": False,
    "ema_momentum": 0.99,
    "ema_overwrite_frequency": None,
    "loss_scale_factor": None,
    "gradient_accumulation_steps": None,
}


@keras_export("keras.optimizers.LossScaleOptimizer", "keras.mixed_precision.LossScaleOptimizer")
class LossScaleOptimizer(Optimizer):
    """Wraps ``inner_optimizer`` with dynamic loss scaling (see the module docstring).

    ``initial_scale`` (default ``2**15``) is the first scale;
    ``dynamic_growth_steps`` (default 2000) finite steps double it.  The other
    optimizer arguments belong on the inner optimizer (``ValueError`` here, as
    Keras).  ``learning_rate`` and ``iterations`` are the inner optimizer's.
    """

    def __init__(
        self, inner_optimizer, initial_scale=2.0**15, dynamic_growth_steps=2000, name=None, **kwargs
    ):
        if not kwargs.pop("dynamic", True):
            raise ValueError(
                "LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
                "`loss_scale_factor` directly on the `inner_optimizer`."
            )
        for arg_name, default in _BASE_DEFAULTS.items():
            if arg_name in kwargs:
                value = kwargs.pop(arg_name)
                if (default is None and value is not None) or value != default:
                    raise ValueError(
                        "LossScaleOptimizer does not support `%s`. Instead, set `%s` on the "
                        "`inner_optimizer`." % (arg_name, arg_name)
                    )
        if kwargs:
            raise ValueError(
                "LossScaleOptimizer does not support arguments: `%s`." % "`, `".join(kwargs)
            )
        super().__init__(learning_rate=0.0, name=name)
        self.inner_optimizer = inner_optimizer
        self.initial_scale = initial_scale
        self.dynamic_growth_steps = dynamic_growth_steps
        self.inner_optimizer.loss_scale_factor = None

    def build(self, var_list):
        """Creates ``step_counter`` and ``dynamic_scale``, then builds the inner optimizer."""
        if self.built:
            return
        self.step_counter = self.add_variable(
            (), initializer="zeros", dtype="int64", name="step_counter"
        )
        self.dynamic_scale = self.add_variable(
            (), initializer=float(self.initial_scale), dtype="float32", name="dynamic_scale"
        )
        self.inner_optimizer.build(var_list)
        super().build(var_list)

    @property
    def variables(self):
        """This optimizer's variables, then the inner optimizer's."""
        return self._variables[:] + self.inner_optimizer.variables

    def check_finite(self, grads):
        """A boolean Tensor: whether every (non-``None``) gradient is finite."""
        return wrap(_all_finite([_as_storage(g) for g in grads if g is not None]))

    def apply(self, grads, trainable_variables=None):
        """Unscales finite gradients and applies them with the inner optimizer, or skips the step
        (halving the scale) when any gradient is inf/NaN."""
        grads = list(grads)
        if not self.built:
            self.build(trainable_variables if trainable_variables is not None else [])
        present = [k for k, g in enumerate(grads) if g is not None]
        storages = [_as_storage(grads[k]) for k in present]
        counter, scale = self.step_counter._param, self.dynamic_scale._param
        with torch.no_grad():
            if not bool(_all_finite(storages)):
                counter.zero_()
                scale.mul_(0.5)
                return
            unscaled = torch._foreach_div(storages, scale) if storages else []
            for k, grad in zip(present, unscaled):
                grads[k] = grad
        self.inner_optimizer.apply(grads, trainable_variables)
        with torch.no_grad():
            grow = counter == self.dynamic_growth_steps - 1
            scale.mul_(torch.where(grow, 2.0, 1.0))
            counter.add_(1).masked_fill_(grow, 0)

    def _set_jit_compile(self, enabled):
        self.inner_optimizer._set_jit_compile(enabled)

    @property
    def learning_rate(self):
        """The inner optimizer's learning rate (settable)."""
        return self.inner_optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        self.inner_optimizer.learning_rate = learning_rate

    @property
    def iterations(self):
        """The inner optimizer's step count (skipped steps are not counted)."""
        return self.inner_optimizer.iterations

    def scale_loss(self, loss):
        """``loss * dynamic_scale`` (``initial_scale`` before the optimizer is built)."""
        scale = self.dynamic_scale._param if self.built else self.initial_scale
        if isinstance(loss, TensorOperators):
            return wrap(loss._value * scale)
        if isinstance(loss, torch.Tensor):
            return loss * scale
        return wrap(torch.as_tensor(loss, dtype=torch.float32) * scale)

    def finalize_variable_values(self, var_list):
        """The inner optimizer's (EMA overwrite)."""
        self.inner_optimizer.finalize_variable_values(var_list)

    def get_config(self):
        """``name``, the serialized ``inner_optimizer``, ``initial_scale``,
        ``dynamic_growth_steps``."""
        from ..saving.serialization_lib import serialize_keras_object

        return {
            "name": self.name,
            "inner_optimizer": serialize_keras_object(self.inner_optimizer),
            "initial_scale": self.initial_scale,
            "dynamic_growth_steps": self.dynamic_growth_steps,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """A LossScaleOptimizer from ``get_config()``'s dict (the inner optimizer deserialized)."""
        from . import deserialize

        config = dict(config)
        inner = config.pop("inner_optimizer")
        inner = (
            deserialize(inner, custom_objects=custom_objects) if isinstance(inner, dict) else inner
        )
        return cls(inner, **config)

    def save_own_variables(self, store):
        """Writes every variable (own, then the inner optimizer's) to ``store``, as Keras does."""
        for i, variable in enumerate(self.variables):
            store[str(i)] = variable.numpy()

    def load_own_variables(self, store):
        """Restores what :meth:`save_own_variables` wrote."""
        variables = self.variables
        if len(store.keys()) != len(variables):
            super().load_own_variables(store)
            return
        for i, variable in enumerate(variables):
            variable.assign(store[str(i)])


def _as_storage(grad):
    if isinstance(grad, TensorOperators):
        return grad._value
    return grad if isinstance(grad, torch.Tensor) else _grad_storage(grad, torch.float32)


def _all_finite(storages):
    if not storages:
        return torch.tensor(True)
    return torch.stack([torch.isfinite(s).all() for s in storages]).all()
