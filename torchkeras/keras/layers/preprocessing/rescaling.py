"""``keras.layers.Rescaling``."""

import numpy as np
import torch

from ....framework.convert import convert_to_tensor
from ....framework.tensor import wrap
from ....ops.cast_ops import cast as _tf_cast
from ...backend import config
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Rescaling")
class Rescaling(Layer):
    """Computes ``inputs * scale + offset`` in the compute dtype (integer inputs are cast first).

    ``scale`` and ``offset`` are numbers or per-channel sequences; with the global
    ``image_data_format()`` set to ``"channels_first"`` a sequence ``scale`` is laid along
    the channel axis of ``(C, H, W)`` images, as Keras does.
    """

    _input_op = "cast_float32"  # the Keras op its call starts with (string input errors)
    _converts_input = True  # its call converts the input first (None's error)
    _allow_non_tensor_positional_args = True  # a Keras data layer: Python values convert

    def __init__(self, scale, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset
        self.supports_masking = True

    def call(self, inputs):
        value = convert_to_tensor(inputs)._value
        dtype = self._compute_torch_dtype
        if isinstance(self.scale, str) or isinstance(value, np.ndarray):  # Keras casts both
            _tf_cast(self.scale if isinstance(self.scale, str) else inputs, self.compute_dtype)
        scale = torch.as_tensor(self.scale, dtype=dtype, device=value.device)
        offset = torch.as_tensor(self.offset, dtype=dtype, device=value.device)
        if scale.ndim and config.image_data_format() == "channels_first":
            scale = scale.reshape(tuple(scale.shape) + (1,) * (3 - scale.ndim))
        return wrap(value.to(dtype) * scale + offset)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config_ = super().get_config()
        config_.update({"scale": self.scale, "offset": self.offset})
        return config_
