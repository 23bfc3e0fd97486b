"""Element-wise merge layers: ``Add``, ``Subtract``, ``Multiply``, ``Average``, ``Maximum``,
``Minimum``."""

import torch

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from .base_merge import Merge
from ....api_export import keras_export


def _input_masks(inputs):
    """Each input's attached mask broadcast to the input's shape (``None`` where unmasked)."""
    masks = []
    for x in inputs:
        mask = getattr(x, "_keras_mask", None)
        masks.append(
            None if mask is None else to_torch(mask).bool().unsqueeze(-1).expand(x._value.shape)
        )
    return masks


def _with_mask(output, mask):
    result = wrap(output)
    if mask is not None:
        result._keras_mask = wrap(mask.any(-1))
    return result


class _MaskedExtremum(Merge):
    """``Maximum``/``Minimum`` over masked inputs as Keras: a masked position takes the other
    operand's value, and the output mask (the OR of the masks) is kept only while every input is
    masked."""

    _op = None

    def call(self, inputs):
        masks = _input_masks(inputs)
        if all(m is None for m in masks):
            return super().call(inputs)
        output, output_mask = inputs[0]._value, masks[0]
        for x, mask in zip(inputs[1:], masks[1:]):
            value = x._value
            if mask is not None:
                value = torch.where(mask, value, output)
            if output_mask is not None:
                output = torch.where(output_mask, output, value)
            output_mask = (
                output_mask | mask if mask is not None and output_mask is not None else None
            )
            output = type(self)._op(output, value)
        return _with_mask(output, output_mask)

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = type(self)._op(out, value)
        return out


@keras_export("keras.layers.Add")
class Add(Merge):
    """The sum of the inputs."""

    _keras_op = "add"

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = out + value
        return out


@keras_export("keras.layers.Subtract")
class Subtract(Merge):
    """``inputs[0] - inputs[1]`` (exactly two inputs)."""

    _keras_op = "subtract"

    def build(self, input_shape):
        super().build(input_shape)
        if len(input_shape) != 2:
            raise ValueError(
                "A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=%s"
                % (input_shape,)
            )

    def _merge_function(self, values):
        if len(values) != 2:
            raise ValueError(
                "A `Subtract` layer should be called on exactly 2 inputs. Received: inputs=%s"
                % (values,)
            )
        return values[0] - values[1]


@keras_export("keras.layers.Multiply")
class Multiply(Merge):
    """The element-wise product of the inputs.  Masked positions count as 1; when every input is
    masked the output is zeroed outside the OR of the masks and carries that mask (Keras)."""

    _keras_op = "multiply"

    def call(self, inputs):
        masks = _input_masks(inputs)
        if all(m is None for m in masks):
            return super().call(inputs)
        output = output_mask = None
        every = all(m is not None for m in masks)
        for x, mask in zip(inputs, masks):
            value = x._value
            if mask is not None:
                value = torch.where(
                    mask, value, torch.ones((), dtype=value.dtype, device=value.device)
                )
                if every:
                    output_mask = mask if output_mask is None else output_mask | mask
            output = value if output is None else output * value
        if every:
            output = torch.where(
                output_mask, output, torch.zeros((), dtype=output.dtype, device=output.device)
            )
        return _with_mask(output, output_mask)

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = out * value
        return out


@keras_export("keras.layers.Average")
class Average(Merge):
    """The element-wise mean of the inputs."""

    _keras_op = "add"

    def _merge_function(self, values):
        out = values[0]
        for value in values[1:]:
            out = out + value
        return out / len(values)


@keras_export("keras.layers.Maximum")
class Maximum(_MaskedExtremum):
    """The element-wise maximum of the inputs."""

    _keras_op = "maximum"

    _op = torch.maximum


@keras_export("keras.layers.Minimum")
class Minimum(_MaskedExtremum):
    """The element-wise minimum of the inputs."""

    _keras_op = "minimum"

    _op = torch.minimum
