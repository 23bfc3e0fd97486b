"""``keras.layers.GroupNormalization``."""

import torch

from ....framework.tensor import wrap
from ..input_spec import InputSpec
from ..layer import Layer
from .affine_args import add_affine_weights, affine_config, set_affine_args
from ....api_export import keras_export


@keras_export("keras.layers.GroupNormalization")
class GroupNormalization(Layer):
    """Splits the channels (``axis``) into ``groups`` consecutive groups and normalises each group
    of each example over its channels and all other non-batch dims, then scales by ``gamma`` and
    shifts by ``beta`` (one per channel).  Runs torch's ``group_norm`` on a view with the channels
    at dim 1."""

    def __init__(
        self,
        groups=32,
        axis=-1,
        epsilon=1e-3,
        center=True,
        scale=True,
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
        self.groups = groups
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
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
        channels = input_shape[self.axis]
        if channels is None:
            raise ValueError(
                "Axis %s of input tensor should have a defined dimension but the layer received an "
                "input with shape %s." % (self.axis, tuple(input_shape))
            )
        if self.groups == -1:
            self.groups = channels
        if channels < self.groups:
            raise ValueError(
                "Number of groups (%s) cannot be more than the number of channels (%s)."
                % (self.groups, channels)
            )
        if channels % self.groups != 0:
            raise ValueError(
                "Number of groups (%s) must be a multiple of the number of channels (%s)."
                % (self.groups, channels)
            )
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: channels})
        add_affine_weights(self, (channels,), self.center)
        self._channel_dim = self.axis % len(input_shape)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        compute = value.float() if value.dtype in (torch.float16, torch.bfloat16) else value
        x = compute.movedim(self._channel_dim, 1) if self._channel_dim != 1 else compute
        gamma = None if self.gamma is None else self.gamma._value.to(x.dtype)
        beta = None if self.beta is None else self.beta._value.to(x.dtype)
        y = torch.nn.functional.group_norm(x, self.groups, gamma, beta, self.epsilon)
        if self._channel_dim != 1:
            y = y.movedim(1, self._channel_dim)
        return wrap(y.to(value.dtype))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "groups": self.groups,
                "axis": self.axis,
                "epsilon": self.epsilon,
                "center": self.center,
                "scale": self.scale,
            }
        )
        config.update(affine_config(self))
        return config
