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
        for dim in self.target_shape:
            if isinstance(dim, int) and dim < -1:
                raise ValueError(
                    "Each dimension in `target_shape` must be a non-negative integer, or `-1` "
                    "for a single unknown dimension. Received: target_shape=%s."
                    % (self.target_shape,)
                )
        if self.target_shape.count(-1) > 1:
            raise ValueError(
                "There must be at most one unknown dimension (-1) in `target_shape`. "
                "Received: target_shape=%s." % (self.target_shape,)
            )
        self.built = True

    def call(self, inputs):
        value = inputs._value
        target = _resolve(tuple(value.shape[1:]), self.target_shape)
        return wrap(value.reshape((value.shape[0],) + target))

    def compute_output_shape(self, input_shape):
        return (input_shape[0],) + _resolve(tuple(input_shape[1:]), self.target_shape)

    def get_config(self):
        config = super().get_config()
        config["target_shape"] = self.target_shape
        return config


def _resolve(sample_shape, target):
    """``target`` with its ``-1`` inferred from one sample's shape (None where unknown);
    Keras' ``ValueError`` when the sample's size does not fit, even for an empty batch."""
    if None in sample_shape:
        return tuple(None if d == -1 else d for d in target)
    size = math.prod(sample_shape)
    if -1 not in target:
        if size != math.prod(target):
            raise ValueError(
                "The total size of the tensor must be unchanged. Received: input_shape=%s, "
                "target_shape=%s" % (sample_shape, target)
            )
        return target
    known = math.prod(d for d in target if d != -1)
    if known == 0 or size % known:
        raise ValueError(
            "The total size of the tensor must be unchanged, however, the input size cannot by "
            "divided by the specified dimensions in target_shape. Received: input_shape=%s, "
            "target_shape=%s" % (sample_shape, target)
        )
    return tuple(size // known if d == -1 else d for d in target)
