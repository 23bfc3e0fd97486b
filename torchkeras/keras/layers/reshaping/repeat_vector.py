"""``keras.layers.RepeatVector``: ``(batch, features)`` -> ``(batch, n, features)``."""

import numpy as np

from ....framework.tensor import wrap
from ..input_spec import InputSpec
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.RepeatVector")
class RepeatVector(Layer):
    """Repeats a 2-D input ``n`` times along a new axis 1."""

    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(n, int) or isinstance(n, bool):
            raise TypeError("Expected an integer value for `n`, got %s." % type(n))
        if n <= 0:
            raise ValueError("Argument `n` should be a positive integer. Received: n=%s" % n)
        self.n = n
        self.input_spec = InputSpec(ndim=2)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        if isinstance(value, np.ndarray):  # a string tensor's storage
            return wrap(np.repeat(value[:, None], self.n, axis=1))
        return wrap(value.unsqueeze(1).expand(value.shape[0], self.n, value.shape[1]))

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def get_config(self):
        config = super().get_config()
        config["n"] = self.n
        return config
