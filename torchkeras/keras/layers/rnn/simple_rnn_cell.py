"""``keras.layers.SimpleRNNCell``: ``h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel +
bias)``."""

import torch

from .dropout_rnn_cell import DropoutRNNCell
from ....api_export import keras_export


@keras_export("keras.layers.SimpleRNNCell")
class SimpleRNNCell(DropoutRNNCell):
    """The fully connected recurrent cell; weights in Keras' layout (``kernel (input_dim, units)``,
    ``recurrent_kernel (units, units)``, ``bias (units,)``)."""

    def __init__(
        self,
        units,
        activation="tanh",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        seed=None,
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
        self.state_size = units

    def build(self, input_shape):
        self._add_kernels(input_shape[-1], 1)
        if self.use_bias:
            self._add_bias((self.units,))
        self.built = True

    def _step(self, x, states, training):
        kernel, recurrent, bias = self._weights_like(x)
        x = self._drop_input(x, training)
        h = torch.matmul(x, kernel) if bias is None else torch.addmm(bias, x, kernel)
        prev = self._drop_state(states[0], training)
        output = self._activate(h + torch.matmul(prev, recurrent))
        return output, [output]

    def _fused_fits(self, training):
        return super()._fused_fits(training) and self._act_fn in (torch.tanh, torch.relu)

    def _fused_params(self, x):
        """``(torch mode, [w_ih, w_hh, b_ih, b_hh], has_biases)`` for torch's fused kernels."""
        kernel, recurrent, bias = self._weights_like(x)
        mode = "rnn_tanh" if self._act_fn is torch.tanh else "rnn_relu"
        if bias is None:
            return mode, [kernel.t(), recurrent.t()], False
        return mode, [kernel.t(), recurrent.t(), bias, torch.zeros_like(bias)], True

    def get_config(self):
        config = super().get_config()
        config.update(self._base_config())
        return config
