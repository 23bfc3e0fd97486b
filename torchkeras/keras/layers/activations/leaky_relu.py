"""``keras.layers.LeakyReLU``."""

import warnings

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.LeakyReLU")
class LeakyReLU(Layer):
    """``x`` for ``x >= 0``, ``negative_slope * x`` otherwise (integer inputs give float32, as in
    Keras).  The Keras 2 name ``alpha`` is accepted with Keras' ``UserWarning``."""

    _input_op = "leaky_relu"  # the Keras op its call starts with (string input errors)
    _converts_input = True  # its call converts the input first (None's error)

    def __init__(self, negative_slope=0.3, **kwargs):
        if "alpha" in kwargs:
            negative_slope = kwargs.pop("alpha")
            warnings.warn(
                "Argument `alpha` is deprecated. Use `negative_slope` instead.",
                UserWarning,
                stacklevel=2,
            )
        super().__init__(**kwargs)
        self.supports_masking = True
        if negative_slope is None or negative_slope < 0:
            raise ValueError(
                "The negative_slope value of a Leaky ReLU layer cannot be None or negative value. "
                "Expected a float. Received: negative_slope=%s" % (negative_slope,)
            )
        self.negative_slope = negative_slope
        self.built = True

    def call(self, inputs):
        x = inputs._value
        if not x.dtype.is_floating_point:
            x = x.float()
        return wrap(torch.nn.functional.leaky_relu(x, self.negative_slope))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["negative_slope"] = self.negative_slope
        return config
