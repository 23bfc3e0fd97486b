"""``keras.layers.LSTMCell``: the long short-term memory cell, gates in Keras' order i, f, c, o."""

import torch

from ....framework import dtypes
from ....framework.tensor import wrap
from ... import activations, initializers
from ..core import _activation_util
from .dropout_rnn_cell import DropoutRNNCell
from ....api_export import keras_export


class _ForgetBiasInitializer(initializers.Initializer):
    """``bias_initializer`` for the i, c, o blocks and ones for the forget gate
    (``unit_forget_bias``)."""

    def __init__(self, base, units):
        self.base, self.units = base, units

    def _generate(self, shape, torch_dtype, device):
        n = self.units
        dtype = dtypes.from_torch(torch_dtype).name
        blocks = [
            self.base((n,), dtype=dtype)._value,
            torch.ones((n,), dtype=torch_dtype, device=device),
            self.base((2 * n,), dtype=dtype)._value,
        ]
        return torch.cat([b.to(device) for b in blocks])


@keras_export("keras.layers.LSTMCell")
class LSTMCell(DropoutRNNCell):
    """The LSTM cell with Keras' weights: ``kernel (input_dim, 4*units)``, ``recurrent_kernel
    (units, 4*units)``, ``bias (4*units,)``, gate blocks i, f, c, o (torch's i, f, g, o).
    States are ``[h, c]``.  Keras' ``implementation`` argument is accepted (both compute the
    same)."""

    def __init__(
        self,
        units,
        activation="tanh",
        recurrent_activation="sigmoid",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        unit_forget_bias=True,
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        seed=None,
        implementation=2,
        **kwargs,
    ):
        super().__init__(
            units,
            activation,
            use_bias,
            kernel_initializer,
            recurrent_initializer,
            bias_initializer,
            kernel_regularizer,
            recurrent_regularizer,
            bias_regularizer,
            kernel_constraint,
            recurrent_constraint,
            bias_constraint,
            dropout,
            recurrent_dropout,
            seed,
            **kwargs,
        )
        self.recurrent_activation, self._rec_fn, _ = _activation_util.resolve(recurrent_activation)
        self.unit_forget_bias = unit_forget_bias
        self.implementation = implementation
        self.state_size = [units, units]

    def build(self, input_shape):
        self._add_kernels(input_shape[-1], 4)
        if self.use_bias:
            init = (
                _ForgetBiasInitializer(self.bias_initializer, self.units)
                if self.unit_forget_bias
                else None
            )
            self._add_bias((4 * self.units,), init)
        self.built = True

    def _recurrent(self, value):
        fn = self._rec_fn
        return fn(value) if fn is not None else self.recurrent_activation(wrap(value))._value

    def _step(self, x, states, training):
        kernel, recurrent, bias = self._weights_like(x)
        h_prev, c_prev = states
        x = self._drop_input(x, training)
        h_prev = self._drop_state(h_prev, training)
        z = torch.matmul(x, kernel) if bias is None else torch.addmm(bias, x, kernel)
        z = z + torch.matmul(h_prev, recurrent)
        zi, zf, zc, zo = z.chunk(4, dim=-1)
        c = self._recurrent(zf) * c_prev + self._recurrent(zi) * self._activate(zc)
        h = self._recurrent(zo) * self._activate(c)
        return h, [h, c]

    def _keras_step(self, matmul, inputs, states):
        h_prev, _ = states[0], states[1]
        z = matmul(inputs, self.kernel) + matmul(h_prev, self.recurrent_kernel)
        return z if self.bias is None else z + self.bias

    def _fused_fits(self, training):
        return (
            super()._fused_fits(training)
            and self._act_fn is torch.tanh
            and self._rec_fn is torch.sigmoid
        )

    def _fused_params(self, x):
        """``('lstm', [w_ih, w_hh, b_ih, b_hh], has_biases)``: Keras' blocks transposed (same
        gate order)."""
        kernel, recurrent, bias = self._weights_like(x)
        if bias is None:
            return "lstm", [kernel.t(), recurrent.t()], False
        return "lstm", [kernel.t(), recurrent.t(), bias, torch.zeros_like(bias)], True

    def get_config(self):
        config = super().get_config()
        base = self._base_config()
        config.update(
            {
                "units": self.units,
                "activation": base["activation"],
                "recurrent_activation": activations.serialize(self.recurrent_activation),
                "use_bias": self.use_bias,
                "unit_forget_bias": self.unit_forget_bias,
            }
        )
        config.update(base)
        return config
