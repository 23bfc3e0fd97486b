"""``keras.layers.BatchNormalization`` with Keras' conventions."""

import torch

from ....framework.tensor import wrap
from ... import constraints, initializers, regularizers
from ..input_spec import InputSpec
from ..layer import Layer
from .affine_args import add_affine_weights, set_affine_args
from ....api_export import keras_export


@keras_export("keras.layers.BatchNormalization")
class BatchNormalization(Layer):
    """Normalizes over every axis but ``axis``.

    Training (``training=True`` and the layer trainable): uses the batch's mean
    and (biased) variance and updates ``moving_mean``/``moving_variance`` as
    ``moving = moving * momentum + batch * (1 - momentum)`` (Keras' momentum
    convention, default 0.99).  Inference: uses the moving statistics.
    Weights, in Keras' order: ``gamma``, ``beta`` (trainable), ``moving_mean``,
    ``moving_variance`` (non-trainable).
    """

    _input_op = "mean"  # the Keras op its call starts with (string input errors)

    def __init__(
        self,
        axis=-1,
        momentum=0.99,
        epsilon=1e-3,
        center=True,
        scale=True,
        beta_initializer="zeros",
        gamma_initializer="ones",
        moving_mean_initializer="zeros",
        moving_variance_initializer="ones",
        beta_regularizer=None,
        gamma_regularizer=None,
        beta_constraint=None,
        gamma_constraint=None,
        synchronized=False,
        renorm=False,
        renorm_clipping=None,
        renorm_momentum=0.99,
        **kwargs,
    ):
        if renorm:
            raise NotImplementedError(
                "torchkeras' BatchNormalization does not support `renorm=True`."
            )
        super().__init__(**kwargs)
        self.renorm, self.renorm_clipping, self.renorm_momentum = (
            False,
            renorm_clipping,
            renorm_momentum,
        )
        self.supports_masking = True
        self.axis = int(axis)
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.synchronized = synchronized
        set_affine_args(
            self,
            beta_initializer=beta_initializer,
            gamma_initializer=gamma_initializer,
            beta_regularizer=beta_regularizer,
            gamma_regularizer=gamma_regularizer,
            beta_constraint=beta_constraint,
            gamma_constraint=gamma_constraint,
        )
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)

    def build(self, input_shape):
        shape = (input_shape[self.axis],)  # Keras' error for a bad axis (or a None input)
        ndim = len(input_shape)
        axis = self.axis % ndim
        add_affine_weights(self, shape, self.center)
        self.moving_mean = self.add_weight(
            shape=shape,
            name="moving_mean",
            initializer=self.moving_mean_initializer,
            trainable=False,
            autocast=False,
        )
        self.moving_variance = self.add_weight(
            shape=shape,
            name="moving_variance",
            initializer=self.moving_variance_initializer,
            trainable=False,
            autocast=False,
        )
        self.input_spec = InputSpec(ndim=ndim, axes={self.axis: input_shape[self.axis]})
        self._reduce = tuple(i for i in range(ndim) if i != axis)
        self._broadcast = tuple(input_shape[axis] if i == axis else 1 for i in range(ndim))
        self.built = True

    def call(self, inputs, training=None, mask=None):
        value = inputs._value
        if not value.is_floating_point():  # Keras normalises integers in the compute dtype
            value = value.to(self._compute_torch_dtype)
        compute = value.float() if value.dtype in (torch.float16, torch.bfloat16) else value
        shape = self._broadcast
        if training and self.trainable:
            variance, mean = torch.var_mean(compute, dim=self._reduce, correction=0)
            with torch.no_grad():
                momentum = self.momentum
                self.moving_mean._param.mul_(momentum).add_(
                    mean.detach().to(self.moving_mean._param.dtype), alpha=1 - momentum
                )
                self.moving_variance._param.mul_(momentum).add_(
                    variance.detach().to(self.moving_variance._param.dtype), alpha=1 - momentum
                )
        else:
            mean = self.moving_mean._value
            variance = self.moving_variance._value
        inv = torch.rsqrt(variance + self.epsilon)
        if self.gamma is not None:
            inv = inv * self.gamma._value
        out = (compute - mean.reshape(shape)) * inv.reshape(shape)
        if self.beta is not None:
            out = out + self.beta._value.reshape(shape)
        return wrap(out.to(value.dtype))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "axis": self.axis,
                "momentum": self.momentum,
                "epsilon": self.epsilon,
                "center": self.center,
                "scale": self.scale,
                "beta_initializer": initializers.serialize(self.beta_initializer),
                "gamma_initializer": initializers.serialize(self.gamma_initializer),
                "moving_mean_initializer": initializers.serialize(self.moving_mean_initializer),
                "moving_variance_initializer": initializers.serialize(
                    self.moving_variance_initializer
                ),
                "beta_regularizer": regularizers.serialize(self.beta_regularizer),
                "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
                "beta_constraint": constraints.serialize(self.beta_constraint),
                "gamma_constraint": constraints.serialize(self.gamma_constraint),
                "synchronized": self.synchronized,
                "renorm": self.renorm,
                "renorm_clipping": self.renorm_clipping,
                "renorm_momentum": self.renorm_momentum,
            }
        )
        return config
