"""``keras.layers.GRUCell``: the gated recurrent unit, gates in Keras' order z, r, h."""

import torch

from ....framework.tensor import wrap
from ... import activations
from ..core import _activation_util
from .dropout_rnn_cell import DropoutRNNCell
from ....api_export import keras_export


def _zrh_to_rzn(weight):
    """Reorders the last axis' three blocks from Keras' z, r, h to torch's r, z, n."""
    z, r, h = weight.chunk(3, dim=-1)
    return torch.cat([r, z, h], dim=-1)


@keras_export("keras.layers.GRUCell")
class GRUCell(DropoutRNNCell):
    """The GRU cell with Keras' weights: ``kernel (input_dim, 3*units)``, ``recurrent_kernel
    (units, 3*units)``, ``bias (2, 3*units)`` (input and recurrent biases) when ``reset_after``
    (the default, torch's formulation) else ``(3*units,)``.  ``implementation`` is accepted."""

    def __init__(
        self,
        units,
        activation="tanh",
        recurrent_activation="sigmoid",
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
        reset_after=True,
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
        self.reset_after = reset_after
        self.implementation = implementation
        self.state_size = units

    def build(self, input_shape):
        self._add_kernels(input_shape[-1], 3)
        if self.use_bias:
            self._add_bias((2, 3 * self.units) if self.reset_after else (3 * self.units,))
        self.built = True

    def _recurrent(self, value):
        fn = self._rec_fn
        return fn(value) if fn is not None else self.recurrent_activation(wrap(value))._value

    def _keras_step(self, matmul, inputs, states):
        h_prev = states[0] if isinstance(states, (list, tuple)) else states
        input_bias = recurrent_bias = None
        if self.bias is not None:
            input_bias, recurrent_bias = (
                (self.bias[0], self.bias[1]) if self.reset_after else (self.bias, None)
            )
        matrix_x = matmul(inputs, self.kernel)
        if input_bias is not None:
            matrix_x = matrix_x + input_bias
        if self.reset_after:
            matrix_inner = matmul(h_prev, self.recurrent_kernel)
            if recurrent_bias is not None:
                matrix_inner = matrix_inner + recurrent_bias
        else:
            matrix_inner = matmul(h_prev, self.recurrent_kernel[:, : 2 * self.units])
        return matrix_x[..., : self.units] + matrix_inner[:, : self.units]

    def _step(self, x, states, training):
        kernel, recurrent, bias = self._weights_like(x)
        n = self.units
        x = self._drop_input(x, training)
        h_prev = self._drop_state(states[0], training)
        input_bias, recurrent_bias = (
            (None, None)
            if bias is None
            else ((bias[0], bias[1]) if self.reset_after else (bias, None))
        )
        matrix_x = (
            torch.matmul(x, kernel) if input_bias is None else torch.addmm(input_bias, x, kernel)
        )
        x_z, x_r, x_h = matrix_x.split(n, dim=-1)
        if self.reset_after:
            inner = torch.matmul(h_prev, recurrent)
            if recurrent_bias is not None:
                inner = inner + recurrent_bias
            rec_z, rec_r, rec_h = inner.split(n, dim=-1)
        else:
            rec_z, rec_r = torch.matmul(h_prev, recurrent[:, : 2 * n]).split(n, dim=-1)
        z = self._recurrent(x_z + rec_z)
        r = self._recurrent(x_r + rec_r)
        rec_h = r * rec_h if self.reset_after else torch.matmul(r * h_prev, recurrent[:, 2 * n :])
        hh = self._activate(x_h + rec_h)
        h = z * h_prev + (1 - z) * hh
        return h, [h]

    def _fused_fits(self, training):
        return (
            super()._fused_fits(training)
            and self.reset_after
            and self._act_fn is torch.tanh
            and self._rec_fn is torch.sigmoid
        )

    def _fused_params(self, x):
        """``('gru', [w_ih, w_hh, b_ih, b_hh], has_biases)``: blocks reordered z, r, h -> r, z,
        n."""
        kernel, recurrent, bias = self._weights_like(x)
        weights = [_zrh_to_rzn(kernel).t(), _zrh_to_rzn(recurrent).t()]
        if bias is None:
            return "gru", weights, False
        bias = _zrh_to_rzn(bias)
        return "gru", weights + [bias[0], bias[1]], True

    def get_config(self):
        config = super().get_config()
        base = self._base_config()
        config.update(
            {
                "units": self.units,
                "activation": base["activation"],
                "recurrent_activation": activations.serialize(self.recurrent_activation),
            }
        )
        config.update(base)
        config["reset_after"] = self.reset_after
        config["seed"] = config.pop("seed")
        return config
