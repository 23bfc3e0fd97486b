"""``keras.layers.Dense``: ``activation(inputs @ kernel + bias)``."""

import torch

from ....framework.sparse_tensor import SparseTensor
from ....framework.tensor import wrap
from ....ops.sparse.matmul_ops import sparse_dense_matmul
from ... import activations, constraints, initializers, regularizers
from ..input_spec import InputSpec
from ..layer import Layer
from . import _activation_util
from .._weight_args import add_weight_from_args
from ....api_export import keras_export


@keras_export("keras.layers.Dense")
class Dense(Layer):
    """A densely connected layer with a ``kernel`` of shape ``(input_dim, units)`` (Keras' layout).

    Inputs of rank > 2 are multiplied along their last axis.  Under a mixed
    policy (``dtype="mixed_float16"``) the float32 weights are cast to the
    compute dtype for the product, as Keras does.  The forward pass
    calls torch directly (``addmm`` for rank-2 inputs) on the weights' storage.  A
    ``tf.SparseTensor`` input is multiplied with ``tf.sparse.sparse_dense_matmul``, as
    Keras on TF does.
    """

    _input_op = "matmul"  # the Keras op its call starts with (string input errors)

    def __init__(
        self,
        units,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        quantization_config=None,
        **kwargs,
    ):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.supports_masking = True
        if quantization_config is not None:
            raise NotImplementedError(
                "torchkeras' Dense does not support quantization (`quantization_config`)."
            )
        if not isinstance(units, int) or units <= 0:
            raise ValueError(
                "Received an invalid value for `units`, expected a positive integer. Received: "
                "units=%s" % (units,)
            )
        self.units = units
        self.activation, self._torch_activation, self._linear_activation = _activation_util.resolve(
            activation
        )
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=2)
        self.kernel = None
        self.bias = None

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.kernel = add_weight_from_args(self, "kernel", (input_dim, self.units), "kernel")
        if self.use_bias:
            self.bias = add_weight_from_args(self, "bias", (self.units,), "bias")
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        self.built = True

    def call(self, inputs):
        kernel = self.kernel._value
        bias = None if self.bias is None else self.bias._value
        if isinstance(inputs, SparseTensor):
            values = inputs.values._value
            if values.is_floating_point() or values.is_complex():
                kernel = kernel.to(values.dtype)
            else:
                inputs = inputs.with_values(wrap(values.to(kernel.dtype)))
            y = sparse_dense_matmul(inputs, wrap(kernel))._value
            return self._finish(y if bias is None else y + bias.to(y.dtype))
        x = inputs._value
        if not (x.is_floating_point() or x.is_complex()):
            x = x.to(
                kernel.dtype
            )  # Keras' matmul promotes integer inputs to the kernel's float type (complex: the
            # kernel is promoted to it instead)
        if kernel.dtype is not x.dtype:
            kernel = kernel.to(x.dtype)
            bias = None if bias is None else bias.to(x.dtype)
        if bias is None:
            y = torch.matmul(x, kernel)
        elif x.ndim == 2:
            y = torch.addmm(bias, x, kernel)
        else:
            y = torch.matmul(x, kernel) + bias
        return self._finish(y)

    def _finish(self, y):
        """The activation applied to the pre-activation storage ``y``."""
        torch_fn = self._torch_activation
        if torch_fn is not None:
            return wrap(torch_fn(y))
        return _activation_util.apply(self, y)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[:-1]) + (self.units,)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "units": self.units,
                "activation": activations.serialize(self.activation),
                "use_bias": self.use_bias,
                "kernel_initializer": initializers.serialize(self.kernel_initializer),
                "bias_initializer": initializers.serialize(self.bias_initializer),
                "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
                "bias_regularizer": regularizers.serialize(self.bias_regularizer),
                "kernel_constraint": constraints.serialize(self.kernel_constraint),
                "bias_constraint": constraints.serialize(self.bias_constraint),
                "quantization_config": None,
            }
        )
        return config
