"""``keras.layers.LayerNormalization``."""

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from .affine_args import add_affine_weights, affine_config, set_affine_args
from ....api_export import keras_export


@keras_export("keras.layers.LayerNormalization")
class LayerNormalization(Layer):
    """Normalizes each example over ``axis`` (an int or a list), then scales by ``gamma`` and shifts
    by ``beta``; ``rms_scaling=True`` reproduces Keras' deprecated option: it divides by the
    standard deviation without centering and skips ``beta``."""

    _input_op = "mean"  # the Keras op its call starts with (string input errors)

    def __init__(
        self,
        axis=-1,
        epsilon=1e-3,
        center=True,
        scale=True,
        rms_scaling=False,
        beta_initializer="zeros",
        gamma_initializer="ones",
        beta_regularizer=None,
        gamma_regularizer=None,
        beta_constraint=None,
        gamma_constraint=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.rms_scaling = rms_scaling
        set_affine_args(
            self,
            beta_initializer=beta_initializer,
            gamma_initializer=gamma_initializer,
            beta_regularizer=beta_regularizer,
            gamma_regularizer=gamma_regularizer,
            beta_constraint=beta_constraint,
            gamma_constraint=gamma_constraint,
        )

    def build(self, input_shape):
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        for a in axes:  # Keras indexes the shape with them first (its errors for bad axes)
            input_shape[a]
        ndim = len(input_shape)
        self._axes = tuple(sorted(a % ndim for a in axes))
        shape = tuple(input_shape[a] for a in self._axes)
        add_affine_weights(self, shape, self.center and not self.rms_scaling)
        self._broadcast = tuple(input_shape[i] if i in self._axes else 1 for i in range(ndim))
        self.built = True

    def call(self, inputs):
        value = inputs._value
        if not value.is_floating_point():  # Keras normalises integers in the compute dtype
            value = value.to(self._compute_torch_dtype)
        compute = value.float() if value.dtype in (torch.float16, torch.bfloat16) else value
        if self.rms_scaling:
            out = compute * torch.rsqrt(
                torch.var(compute, dim=self._axes, correction=0, keepdim=True) + self.epsilon
            )
        else:
            variance, mean = torch.var_mean(compute, dim=self._axes, correction=0, keepdim=True)
            out = (compute - mean) * torch.rsqrt(variance + self.epsilon)
        if self.gamma is not None:
            out = out * self.gamma._value.reshape(self._broadcast)
        if self.beta is not None:
            out = out + self.beta._value.reshape(self._broadcast)
        return wrap(out.to(value.dtype))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "axis": self.axis,
                "epsilon": self.epsilon,
                "center": self.center,
                "scale": self.scale,
                "rms_scaling": self.rms_scaling,
            }
        )
        config.update(affine_config(self))
        return config
