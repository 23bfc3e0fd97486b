"""``keras.layers.Identity``: returns its input unchanged."""

from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Identity")
class Identity(Layer):
    """A placeholder layer that returns its input (any structure) unchanged."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.built = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape
