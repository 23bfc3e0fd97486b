"""``keras.layers.AlphaDropout``."""

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from . import _noise
from ....api_export import keras_export

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


@keras_export("keras.layers.AlphaDropout")
class AlphaDropout(Layer):
    """While ``training``, sets each input to SELU's negative saturation value ``-alpha * scale``
    with probability ``rate``, then applies the affine map ``a * x + b`` that keeps the inputs' mean
    and variance (Keras' formula); identity at inference.  ``noise_shape`` shares the mask along
    dims given as 1 (``None`` entries take the input's size).  ``seed`` makes the masks reproducible
    (torch's generator, not Keras' bits)."""

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        _noise.init_rate(self, "rate", rate, seed)
        self.noise_shape = noise_shape

    def call(self, inputs, training=False):
        if not training or self.rate <= 0:
            return inputs
        value = inputs._value
        alpha_p = -_SELU_ALPHA * _SELU_SCALE
        if not value.dtype.is_floating_point:  # Keras builds its constants in the input's dtype
            raise TypeError(
                "Cannot convert %r to EagerTensor of dtype %s" % (alpha_p, inputs.dtype.name)
            )
        uniform = torch.rand(
            _noise.resolved_noise_shape(value, self.noise_shape),
            dtype=value.dtype,
            device=value.device,
            generator=_noise.generator(self, value.device),
        )
        kept = (uniform >= self.rate).to(value.dtype)
        a = ((1 - self.rate) * (1 + self.rate * alpha_p**2)) ** -0.5
        b = -a * alpha_p * self.rate
        return wrap(a * (value * kept + alpha_p * (1 - kept)) + b)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape})
        return config
