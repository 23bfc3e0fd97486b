"""``keras.layers.EinsumDense``: ``activation(einsum(equation, inputs, kernel) + bias)``."""

import math
import re

import torch

from ... import activations, constraints, initializers, regularizers
from ...initializers.random_initializers import VarianceScaling
from ..input_spec import InputSpec
from ..layer import Layer
from . import _activation_util
from .._weight_args import add_weight_from_args
from ....api_export import keras_export

__all__ = ["EinsumDense", "analyze_einsum_string"]


@keras_export("keras.layers.EinsumDense")
class EinsumDense(Layer):
    """A dense layer whose product is an arbitrary ``einsum`` (Keras' ``EinsumDense``).

    ``equation`` is ``"ab,bc->ac"``, ``"...ab,bc->...ac"`` or ``"ab...,bc->ac..."``;
    ``output_shape`` gives the output's dims after the batch (``None`` where
    inferred from the input); ``bias_axes`` names the output letters that carry
    a bias.  The kernel's shape, the bias' shape (with Keras' broadcast ones)
    and the fans given to a variance-scaling initializer are Keras'.  The
    product runs on ``torch.matmul`` when the kernel contracts the input's
    trailing axes and the output appends the kernel's remaining axes (every
    ``MultiHeadAttention`` projection), else on ``torch.einsum``.  LoRA and
    quantization are not supported.

    >>> layer = keras.layers.EinsumDense("...x,xy->...y", output_shape=64, bias_axes="y")
    >>> layer(keras.Input(shape=[32, 128])).shape
    (None, 32, 64)
    """

    _input_op = "matmul"  # Keras' einsum promotes dtypes first (string input errors)

    def __init__(
        self,
        equation,
        output_shape,
        activation=None,
        bias_axes=None,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        lora_rank=None,
        lora_alpha=None,
        gptq_unpacked_column_size=None,
        quantization_config=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if lora_rank or quantization_config is not None or gptq_unpacked_column_size:
            raise NotImplementedError(
                "torchkeras' EinsumDense supports neither LoRA (`lora_rank`) nor quantization."
            )
        self.equation = equation
        self.partial_output_shape = (
            (output_shape,) if isinstance(output_shape, int) else tuple(output_shape)
        )
        self.bias_axes = bias_axes
        self.activation, self._torch_activation, self._linear_activation = _activation_util.resolve(
            activation
        )
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.kernel = None
        self.bias = None
        self._contracted_dims = _trailing_contraction(equation) if isinstance(equation, str) else 0

    def build(self, input_shape):
        if input_shape is None:
            raise TypeError("object of type 'NoneType' has no len()")
        kernel_shape, bias_shape, _, input_axes, output_axes = analyze_einsum_string(
            self.equation, self.bias_axes, input_shape, self.partial_output_shape
        )
        self.input_spec = InputSpec(ndim=len(input_shape))
        kernel_initializer = self.kernel_initializer
        if isinstance(kernel_initializer, VarianceScaling) and (
            kernel_initializer.input_axes is None or kernel_initializer.output_axes is None
        ):
            config = dict(
                kernel_initializer.get_config(), input_axes=input_axes, output_axes=output_axes
            )
            kernel_initializer = type(kernel_initializer).from_config(config)
        self.kernel = add_weight_from_args(
            self, "kernel", tuple(kernel_shape), "kernel", kernel_initializer
        )
        if bias_shape is not None:
            self.bias = add_weight_from_args(self, "bias", tuple(bias_shape), "bias")
        self.built = True

    def call(self, inputs, training=None):
        x = inputs._value
        kernel = self.kernel._value
        if not x.dtype.is_floating_point:
            x = x.to(kernel.dtype)  # Keras' einsum promotes integers to the kernel's dtype
        if kernel.dtype is not x.dtype:
            kernel = kernel.to(x.dtype)
        n = self._contracted_dims
        if n:
            lead = x.shape[: x.ndim - n]
            contracted = math.prod(kernel.shape[:n])
            y = torch.matmul(x.reshape(lead + (contracted,)), kernel.reshape(contracted, -1))
            y = y.reshape(lead + kernel.shape[n:])
        else:
            y = torch.einsum(self.equation, x, kernel)
        if self.bias is not None:
            y = y + self.bias._value.to(y.dtype)
        return _activation_util.apply(self, y)

    def compute_output_shape(self, input_shape):
        return tuple(
            analyze_einsum_string(
                self.equation, self.bias_axes, input_shape, self.partial_output_shape
            )[2]
        )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "output_shape": self.partial_output_shape,
                "equation": self.equation,
                "activation": activations.serialize(self.activation),
                "bias_axes": self.bias_axes,
                "kernel_initializer": initializers.serialize(self.kernel_initializer),
                "bias_initializer": initializers.serialize(self.bias_initializer),
                "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
                "bias_regularizer": regularizers.serialize(self.bias_regularizer),
                "activity_regularizer": regularizers.serialize(self.activity_regularizer),
                "kernel_constraint": constraints.serialize(self.kernel_constraint),
                "bias_constraint": constraints.serialize(self.bias_constraint),
                "quantization_config": None,
            }
        )
        return config


def _trailing_contraction(equation):
    """How many trailing input axes the kernel contracts when the equation is a reshaped matmul
    (``[...]<free><bound>,<bound><out>->[...]<free><out>``, no repeated letters), else 0."""
    match = re.fullmatch(
        r"(\.\.\.)?([a-zA-Z]+),([a-zA-Z]+)->(\.\.\.)?([a-zA-Z]+)", equation.replace(" ", "")
    )
    if match is None or bool(match.group(1)) != bool(match.group(4)):
        return 0
    inputs, kernel, output = match.group(2), match.group(3), match.group(5)
    if (
        len(set(inputs)) != len(inputs)
        or len(set(kernel)) != len(kernel)
        or len(set(output)) != len(output)
    ):
        return 0
    bound = 0
    while bound < len(kernel) and kernel[bound] in inputs:
        bound += 1
    out = kernel[bound:]
    if (
        bound == 0
        or not out
        or any(c in inputs for c in out)
        or not inputs.endswith(kernel[:bound])
    ):
        return 0
    return bound if output == inputs[: len(inputs) - bound] + out else 0


def analyze_einsum_string(equation, bias_axes, input_shape, output_shape):
    """``(kernel_shape, bias_shape, full_output_shape, input_axes, output_axes)`` for an
    ``EinsumDense``
    equation, with Keras' validation and messages."""
    dotless = re.sub(r"\.\.\.", "0", equation)
    match = re.match("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)", dotless)
    if match:
        return _analyze_split(match, bias_axes, input_shape, output_shape, left_elided=False)
    match = re.match("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)", dotless)
    if match:
        return _analyze_split(match, bias_axes, input_shape, output_shape, left_elided=True)
    match = re.match("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0", dotless)
    if match:
        return _analyze_split(match, bias_axes, input_shape, output_shape, left_elided=False)
    raise ValueError(
        "Invalid einsum equation '%s'. Equations must be in the form [X],[Y]->[Z], "
        "...[X],[Y]->...[Z], "
        "or [X]...,[Y]->[Z]...." % equation
    )


def _analyze_split(match, bias_axes, input_shape, output_shape, left_elided):
    input_spec, weight_spec, output_spec = match.group(1), match.group(2), match.group(3)
    input_shape = tuple(input_shape)
    elided = len(input_shape) - len(input_spec)
    output_shape = [output_shape] if isinstance(output_shape, int) else list(output_shape)
    output_shape.insert(0, input_shape[0])
    if elided > 0 and left_elided:
        for i in range(1, elided):
            output_shape.insert(1, input_shape[i])
    elif elided > 0:
        output_shape.extend(input_shape[len(input_shape) - elided :])
    if left_elided:
        input_dim_map = {dim: i + elided - len(input_shape) for i, dim in enumerate(input_spec)}
        output_dim_map = {dim: i + elided for i, dim in enumerate(output_spec)}
    else:
        input_dim_map = {dim: i for i, dim in enumerate(input_spec)}
        output_dim_map = {dim: i for i, dim in enumerate(output_spec)}
    for dim in input_spec:
        if dim in output_dim_map:
            expected = output_shape[output_dim_map[dim]]
            if expected is not None and expected != input_shape[input_dim_map[dim]]:
                raise ValueError(
                    "Input shape and output shape do not match at shared dimension '%s'. Input "
                    "shape is "
                    "%s, and output shape is %s." % (dim, input_shape[input_dim_map[dim]], expected)
                )
    for dim in output_spec:
        if dim not in input_spec and dim not in weight_spec:
            raise ValueError(
                "Dimension '%s' was specified in the output '%s' but has no corresponding dim in "
                "the "
                "input spec '%s' or weight spec '%s'" % (dim, output_spec, input_spec, output_spec)
            )
    weight_shape, input_axes, output_axes = [], [], []
    for i, dim in enumerate(weight_spec):
        if dim in output_dim_map:
            weight_shape.append(output_shape[output_dim_map[dim]])
            output_axes.append(i)
        elif dim in input_dim_map:
            weight_shape.append(input_shape[input_dim_map[dim]])
            input_axes.append(i)
        else:
            raise ValueError(
                "Weight dimension '%s' did not have a match in either the input spec '%s' or the "
                "output spec '%s'. For this layer, the weight must be fully specified."
                % (dim, input_spec, output_spec)
            )
    bias_shape = None
    if bias_axes is not None:
        offset = elided if left_elided else 0
        sizes = {char: output_shape[i + offset] for i, char in enumerate(output_spec)}
        for char in bias_axes:
            if char not in output_spec:
                raise ValueError(
                    "Bias dimension '%s' was requested, but is not part of the output spec '%s'"
                    % (char, output_spec)
                )
        first = min(output_spec.find(char) for char in bias_axes)
        bias_shape = [sizes[char] if char in bias_axes else 1 for char in output_spec[first:]]
        if not left_elided:
            bias_shape.extend([1] * max(elided, 0))
    return weight_shape, bias_shape, output_shape, input_axes, output_axes
