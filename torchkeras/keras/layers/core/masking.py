"""``keras.layers.Masking``: flags timesteps whose features all equal ``mask_value``."""

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Masking")
class Masking(Layer):
    """Zeroes every timestep whose features all equal ``mask_value`` and reports the others in
    ``compute_mask`` (``any(inputs != mask_value, axis=-1)``), which is attached to the output for
    the mask-aware layers downstream."""

    _input_op = "divide"  # its not_equal promotes dtypes first: Keras' promotion error
    _converts_input = True  # its call converts the input first (None's error)

    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        self.mask_value = mask_value
        self.built = True

    def call(self, inputs):
        x = inputs._value
        keep = (x != self.mask_value).any(-1, keepdim=True)
        return wrap(x * keep.to(x.dtype))

    def compute_mask(self, inputs, mask=None):
        return wrap((to_torch(inputs) != self.mask_value).any(-1))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["mask_value"] = self.mask_value
        return config
