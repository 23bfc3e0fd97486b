"""Element-wise merge layers: ``Add``, ``Subtract``, ``Multiply``, ``Average``, ``Maximum``, ``Minimum``."""
import torch

from .base_merge import Merge


class Add(Merge):
    """The sum of the inputs."""

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = out + value
        return out


class Subtract(Merge):
    """``inputs[0] - inputs[1]`` (exactly two inputs)."""

    def build(self, input_shape):
        super().build(input_shape)
        if len(input_shape) != 2:
            raise ValueError("A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=%s" % (input_shape,))

    def _merge_function(self, values):
        if len(values) != 2:
            raise ValueError("A `Subtract` layer should be called on exactly 2 inputs. Received: inputs=%s" % (values,))
        return values[0] - values[1]


class Multiply(Merge):
    """The element-wise product of the inputs."""

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = out * value
        return out


class Average(Merge):
    """The element-wise mean of the inputs."""

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = out + value
        return out / len(values)


class Maximum(Merge):
    """The element-wise maximum of the inputs."""

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = torch.maximum(out, value)
        return out


class Minimum(Merge):
    """The element-wise minimum of the inputs."""

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = torch.minimum(out, value)
        return out
