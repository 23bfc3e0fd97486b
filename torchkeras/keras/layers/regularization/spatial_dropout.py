"""``keras.layers.SpatialDropout1D``/``2D``/``3D``: drops whole feature maps while training."""

import torch

from ....framework.tensor import wrap
from ..convolutional import _conv_utils as utils
from ..input_spec import InputSpec
from ..layer import Layer
from . import _noise
from ....api_export import keras_export


class BaseSpatialDropout(Layer):
    """While ``training``, zeroes each (example, channel) feature map with probability ``rate`` and
    scales the rest by ``1 / (1 - rate)``; identity at inference.  ``seed`` makes the masks
    reproducible (torch's generator, not Keras' bits).  ``get_config`` has Keras' keys (no
    ``trainable``, ``dtype``
    as the policy name)."""

    rank = None

    def __init__(self, rate, data_format=None, seed=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        _noise.init_rate(self, "rate", rate, seed)
        self.data_format = utils.normalize_data_format(data_format)
        self.input_spec = InputSpec(ndim=self.rank + 2)

    def _noise_shape(self, shape):
        if self.data_format == "channels_last":
            return (shape[0],) + (1,) * self.rank + (shape[-1],)
        return (shape[0], shape[1]) + (1,) * self.rank

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        value = inputs._value
        if self.rate == 1:
            return wrap(torch.zeros_like(value))
        gen = _noise.generator(self, value.device)
        keep = (
            torch.rand(self._noise_shape(value.shape), device=value.device, generator=gen)
            >= self.rate
        )
        return wrap(value * keep.to(value.dtype) / (1.0 - self.rate))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        return {
            "rate": self.rate,
            "seed": self.seed,
            "name": self.name,
            "dtype": self._policy_name,
            "data_format": self.data_format,
        }


@keras_export("keras.layers.SpatialDropout1D")
class SpatialDropout1D(BaseSpatialDropout):
    """Spatial dropout for ``(batch, steps, channels)`` inputs (whole channels dropped)."""

    rank = 1

    def __init__(self, rate, seed=None, name=None, dtype=None):
        super().__init__(rate, data_format="channels_last", seed=seed, name=name, dtype=dtype)

    def get_config(self):
        config = super().get_config()
        del config["data_format"]
        return config


@keras_export("keras.layers.SpatialDropout2D")
class SpatialDropout2D(BaseSpatialDropout):
    """Spatial dropout for images (``data_format`` picks the channel axis)."""

    rank = 2


@keras_export("keras.layers.SpatialDropout3D")
class SpatialDropout3D(BaseSpatialDropout):
    """Spatial dropout for volumes (``data_format`` picks the channel axis)."""

    rank = 3
