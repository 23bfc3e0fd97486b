"""``keras.layers.UnitNormalization``."""

import numpy as np
import torch

from ....framework.op_errors import attr_error
from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.UnitNormalization")
class UnitNormalization(Layer):
    """Divides each example by its L2 norm over ``axis`` (an int or a list), the norm floored at
    1e-12."""

    _converts_input = True  # its call converts the input first (None's error)

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.axis = list(axis) if isinstance(axis, (list, tuple)) else axis
        self._dims = tuple(self.axis) if isinstance(self.axis, list) else (self.axis,)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        if not (
            isinstance(value, torch.Tensor) and (value.is_floating_point() or value.is_complex())
        ):
            # Keras squares, sums, then takes rsqrt: text and bool fail the first, integers the last
            text = isinstance(value, np.ndarray) or value.dtype is torch.bool
            raise attr_error("Square" if text else "Rsqrt", value)
        norm = torch.linalg.vector_norm(value, ord=2, dim=self._dims, keepdim=True)
        return wrap(value / torch.clamp_min(norm, 1e-12))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config
