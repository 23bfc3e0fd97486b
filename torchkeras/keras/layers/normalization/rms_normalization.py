"""``keras.layers.RMSNormalization``."""

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.RMSNormalization")
class RMSNormalization(Layer):
    """``x * rsqrt(mean(x**2 over axis) + epsilon) * scale`` with a learned ``scale`` (initialised
    to ones) of the shape of the normalised axes.  As in Keras, ``axis`` becomes a sorted list once
    built."""

    _input_op = "mean"  # the Keras op promotes dtypes first (string input errors)

    def __init__(self, axis=-1, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.axis = axis
        self.epsilon = epsilon
        self.scale = None

    def build(self, input_shape):
        if isinstance(self.axis, (list, tuple)):
            self.axis = sorted(self.axis)
            shape = tuple(input_shape[dim] for dim in self.axis)
        else:
            shape = (input_shape[self.axis],)
            self.axis = [self.axis]
        self.scale = self.add_weight(name="scale", shape=shape, initializer="ones")
        self.built = True

    def call(self, inputs):
        x = inputs._value
        compute = x if x.dtype in (torch.float32, torch.float64) else x.float()
        mean_square = torch.mean(torch.square(compute), dim=tuple(self.axis), keepdim=True)
        y = compute * torch.rsqrt(mean_square + self.epsilon) * self.scale._value.to(compute.dtype)
        return wrap(y.to(x.dtype))

    def compute_output_shape(self, input_shape):
        axes = [self.axis] if isinstance(self.axis, int) else self.axis
        for axis in axes:
            if axis >= len(input_shape) or axis < -len(input_shape):
                raise ValueError(
                    "Axis %s is out of bounds for input shape %s. Received: axis=%s"
                    % (axis, tuple(input_shape), self.axis)
                )
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"axis": self.axis, "epsilon": self.epsilon})
        return config
