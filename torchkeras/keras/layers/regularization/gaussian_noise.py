"""``keras.layers.GaussianNoise`` and ``GaussianDropout``."""

import math

from ....framework.op_errors import input_dtype_error
from ....framework.tensor import wrap
from ..layer import Layer
from . import _noise
from ....api_export import keras_export


@keras_export("keras.layers.GaussianNoise")
class GaussianNoise(Layer):
    """While ``training``, adds zero-centred normal noise of standard deviation ``stddev``; identity
    at inference.  ``seed`` makes the noise reproducible (torch's generator, not Keras' bits)."""

    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        _noise.init_rate(self, "stddev", stddev, seed)

    def call(self, inputs, training=False):
        if not training or self.stddev == 0:
            return inputs
        value = inputs._value
        if not value.dtype.is_floating_point:  # ``inputs + float noise``: TF's AddV2 refuses
            raise input_dtype_error("AddV2", 1, value, "float")
        noise = _noise.standard_normal_like(self, value)
        return wrap(value + noise * self.stddev)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"stddev": self.stddev, "seed": self.seed})
        return config


@keras_export("keras.layers.GaussianDropout")
class GaussianDropout(Layer):
    """While ``training``, multiplies the inputs by normal noise of mean 1 and standard deviation
    ``sqrt(rate / (1 - rate))`` (``rate=1`` raises ``ZeroDivisionError`` there, as in Keras);
    identity at inference.  ``seed`` as in ``GaussianNoise``."""

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        _noise.init_rate(self, "rate", rate, seed)

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        value = inputs._value
        noise = _noise.standard_normal_like(self, value)
        return wrap(value * (noise * math.sqrt(self.rate / (1.0 - self.rate)) + 1.0))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed})
        return config
