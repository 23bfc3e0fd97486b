"""``keras.layers.ELU``."""

import torch

from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.ELU")
class ELU(Layer):
    """``x`` for ``x > 0``, ``alpha * (exp(x) - 1)`` otherwise.  Its config lists ``name`` and
    ``alpha`` first, as Keras' automatic config does."""

    _input_op = "elu"  # the Keras op its call starts with (string input errors)
    _converts_input = True  # its call converts the input first (None's error)

    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.alpha = alpha
        self.built = True

    def call(self, inputs):
        x = inputs._value
        if not x.dtype.is_floating_point:
            from ...ops import nn

            return nn.elu(inputs, self.alpha)  # TF's Elu kernel refuses it
        return wrap(torch.nn.functional.elu(x, self.alpha))

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        base = super().get_config()
        config = {"name": base.pop("name"), "alpha": self.alpha}
        config.update(base)
        return config
