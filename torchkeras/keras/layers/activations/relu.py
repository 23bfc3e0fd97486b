"""``keras.layers.ReLU``."""

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.ReLU")
class ReLU(Layer):
    """Keras' rectified linear unit with options: ``x`` above ``threshold`` (strictly), ``0`` at or
    below it, capped at ``max_value``; ``negative_slope * (x - threshold)`` added below
    ``threshold``.
    Integer inputs stay integer, as in Keras."""

    _input_op = "relu"  # the Keras op its call starts with (string input errors)
    _converts_input = True  # its call converts the input first (None's error)

    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        if max_value is not None and max_value < 0.0:
            raise ValueError(
                "max_value of a ReLU layer cannot be a negative value. Received: max_value=%s"
                % (max_value,)
            )
        if negative_slope is None or negative_slope < 0.0:
            raise ValueError(
                "negative_slope of a ReLU layer cannot be None or a negative value. Received: "
                "negative_slope=%s" % (negative_slope,)
            )
        if threshold is None or threshold < 0.0:
            raise ValueError(
                "threshold of a ReLU layer cannot be None or a negative value. Received: "
                "threshold=%s" % (threshold,)
            )
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold
        self.built = True

    def call(self, inputs):
        x = inputs._value
        if self.threshold != 0:
            y = x * (x > self.threshold).to(x.dtype)
        else:
            y = torch.relu(x)
        if self.max_value is not None:
            y = torch.clamp(y, 0, self.max_value)
        if self.negative_slope != 0:
            y = y - self.negative_slope * torch.relu(self.threshold - x)
        return wrap(y)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "max_value": self.max_value,
                "negative_slope": self.negative_slope,
                "threshold": self.threshold,
            }
        )
        return config
