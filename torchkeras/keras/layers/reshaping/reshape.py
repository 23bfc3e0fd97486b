"""``keras.layers.Reshape``: reshapes everything but the batch dim."""

import math

from ....framework.tensor import wrap
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Reshape")
class Reshape(Layer):
    """Reshapes inputs to ``(batch,) + target_shape``; one ``-1`` dim is inferred."""

    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        self.target_shape = tuple(target_shape)
        if self.target_shape.count(-1) > 1:
            raise ValueError(
                "The `target_shape` argument can only contain one unknown dimension (-1). "
                "Received: target_shape=%s" % (self.target_shape,)
            )
        self.built = True

    def call(self, inputs):
        value = inputs._value
        try:
            return wrap(value.reshape((value.shape[0],) + self.target_shape))
        except RuntimeError:
            raise ValueError(
                "The total size of the tensor must be unchanged. Received: input_shape=%s, "
                "target_shape=%s" % (tuple(value.shape[1:]), self.target_shape)
            ) from None

    def compute_output_shape(self, input_shape):
        target = list(self.target_shape)
        if -1 in target:
            known = math.prod(d for d in target if d != -1)
            rest = input_shape[1:]
            target[target.index(-1)] = None if None in rest else math.prod(rest) // known
        return (input_shape[0],) + tuple(target)

    def get_config(self):
        config = super().get_config()
        config["target_shape"] = self.target_shape
        return config
