"""``keras.layers.Flatten``: keeps the batch dim, flattens the rest."""

import math

from ....framework.tensor import wrap
from ..input_spec import InputSpec
from ..layer import Layer
from ....api_export import keras_export
from ..convolutional._conv_utils import normalize_data_format


@keras_export("keras.layers.Flatten")
class Flatten(Layer):
    """``(batch, d1, d2, ...)`` -> ``(batch, d1*d2*...)``; ``channels_first`` moves channels last
    first."""

    def __init__(self, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = normalize_data_format(data_format)
        self.input_spec = InputSpec(min_ndim=1)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        if self.data_format == "channels_first" and value.ndim > 2:
            value = value.movedim(1, -1)
        if value.ndim == 1:
            return wrap(value.reshape(-1, 1))
        return wrap(value.reshape(value.shape[0], math.prod(value.shape[1:])))  # empty too

    def compute_output_shape(self, input_shape):
        rest = input_shape[1:]
        if not rest:
            return (input_shape[0], 1)
        return (input_shape[0], None if None in rest else math.prod(rest))

    def get_config(self):
        config_ = super().get_config()
        config_["data_format"] = self.data_format
        return config_
