"""``keras.layers.Dropout``: zeroes a fraction of the inputs while training."""

import torch

from ....framework.op_errors import dims_text, op_error
from ....framework.tensor import wrap
from ..layer import Layer
from . import _noise
from ....api_export import keras_export


@keras_export("keras.layers.Dropout")
class Dropout(Layer):
    """While ``training``, sets each input to 0 with probability ``rate`` and scales the rest by
    ``1 / (1 - rate)``; identity at inference.  ``noise_shape`` shares the mask along dims of size
    1.
    ``seed`` makes the masks reproducible (torch's generator, not Keras' bits)."""

    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        _noise.init_rate(self, "rate", rate, seed)
        self.noise_shape = noise_shape

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        value = inputs._value
        if self.noise_shape is None and self.seed is None:
            return wrap(torch.nn.functional.dropout(value, self.rate, True))
        shape = _noise.resolved_noise_shape(value, self.noise_shape)
        try:
            torch.broadcast_shapes(tuple(shape), value.shape)
        except RuntimeError:  # Keras selects with the mask: TF's SelectV2 error
            raise op_error(
                "SelectV2",
                "condition %s, then %s, and else [] must be broadcastable"
                % (dims_text(tuple(shape)), dims_text(value.shape)),
                value,
            ) from None
        if self.seed is not None and self._generator is None:
            self._generator = torch.Generator(device=value.device).manual_seed(int(self.seed))
        keep = torch.rand(shape, device=value.device, generator=self._generator) >= self.rate
        return wrap(value * keep.to(value.dtype) / (1.0 - self.rate))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update({"rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape})
        return config
