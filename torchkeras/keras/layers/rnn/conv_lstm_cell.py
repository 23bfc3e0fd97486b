"""The convolutional LSTM cell behind ``ConvLSTM1D``/``2D``/``3D`` (Keras' ``ConvLSTMCell``, not
public)."""

import torch

from ....framework import device
from ....framework.tensor import wrap
from ... import activations, constraints, initializers, regularizers
from ..convolutional import _conv_utils as utils
from ..core import _activation_util
from ..input_spec import InputSpec
from ..layer import Layer
from .._weight_args import add_weight_from_args
from .dropout_rnn_cell import set_weight_args
from .lstm_cell import _ForgetBiasInitializer

_CONV = {
    1: torch.nn.functional.conv1d,
    2: torch.nn.functional.conv2d,
    3: torch.nn.functional.conv3d,
}


def _torch_padding(pads):
    """``(torch padding, explicit pads or None)`` for per-dim ``(before, after)`` pads."""
    if all(before == after for before, after in pads):
        return tuple(before for before, _ in pads), None
    return 0, pads


class ConvLSTMCell(Layer):
    """An LSTM cell whose input and recurrent transformations are ``rank``-D convolutions (Keras'
    weights:
    ``kernel (*kernel_size, channels, 4*filters)``, ``recurrent_kernel (*kernel_size, filters,
    4*filters)``, ``bias (4*filters,)``, gate blocks i, f, c, o).  The input convolution uses
    ``strides``, ``padding`` and ``dilation_rate``; the recurrent one is always stride 1, TF's
    ``"same"`` padding.  States are ``[h, c]`` shaped like the output.  ``state_size`` is ``-1`` as
    in Keras (the states' shape depends on the input).

    As in Keras, ``dropout``/``recurrent_dropout`` draw one mask per gate, kept for the whole
    sequence; the bits come from torch's generator (seeded by ``seed``), not Keras'.  Compute runs
    channels-first on torch's convolutions; the layer computes the input projections of all
    timesteps in one convolution.
    """

    def __init__(
        self,
        rank,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
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
        **kwargs,
    ):
        super().__init__(**kwargs)
        if rank > 3:
            raise ValueError(
                "Rank %s convolutions are not currently implemented. Received: rank=%s"
                % (rank, rank)
            )
        self.rank = rank
        self.filters = filters
        self.kernel_size = utils.normalize_tuple(kernel_size, rank, "kernel_size")
        self.strides = utils.normalize_tuple(strides, rank, "strides", allow_zero=True)
        self.padding = utils.normalize_padding(padding)
        self.data_format = utils.normalize_data_format(data_format)
        self.dilation_rate = utils.normalize_tuple(dilation_rate, rank, "dilation_rate")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(
                "Specifying `strides > 1` is not compatible with `dilation_rate > 1`. Please "
                "provide "
                "`strides=1` or `dilation_rate=1`. Received: strides=%s and dilation_rate=%s"
                % (self.strides, self.dilation_rate)
            )
        self.activation, self._act_fn, _ = _activation_util.resolve(activation)
        self.recurrent_activation, self._rec_fn, _ = _activation_util.resolve(recurrent_activation)
        set_weight_args(
            self,
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
        )
        self.unit_forget_bias = unit_forget_bias
        self.state_size = -1
        self.input_spec = InputSpec(ndim=rank + 2)
        self.kernel = self.recurrent_kernel = self.bias = None
        self.__dict__["_pads"] = None

    # ------------------------------------------------------------------- build
    def build(self, inputs_shape, states_shape=None):
        inputs_shape = tuple(inputs_shape)
        channel_axis = -1 if self.data_format == "channels_last" else 1
        self.spatial_dims = inputs_shape[1:-1] if channel_axis == -1 else inputs_shape[2:]
        if None in self.spatial_dims:
            raise ValueError(
                "ConvLSTM layers only support static input shapes for the spatial dimension. "
                "Received invalid input shape: input_shape=%s" % (inputs_shape,)
            )
        if inputs_shape[channel_axis] is None:
            raise ValueError(
                "The channel dimension of the inputs (last axis) should be defined. Found None. "
                "Full input shape received: input_shape=%s" % (inputs_shape,)
            )
        self.input_spec = InputSpec(shape=(None,) + inputs_shape[1:])
        self.input_dim = inputs_shape[channel_axis]
        self.kernel = add_weight_from_args(
            self, "kernel", self.kernel_size + (self.input_dim, self.filters * 4), "kernel"
        )
        self.recurrent_kernel = add_weight_from_args(
            self,
            "recurrent_kernel",
            self.kernel_size + (self.filters, self.filters * 4),
            "recurrent",
        )
        if self.use_bias:
            init = self.bias_initializer
            if self.unit_forget_bias:
                init = _ForgetBiasInitializer(self.bias_initializer, self.filters)
            self.bias = add_weight_from_args(self, "bias", (self.filters * 4,), "bias", init)
        self.__dict__["_pads"] = self._paddings()
        self.built = True

    def _paddings(self):
        """torch paddings for the input and the recurrent convolutions (fixed: spatial dims are
        static)."""
        if self.padding == "valid":
            input_pad = (0, None)
        else:
            input_pad = _torch_padding(
                [
                    utils.same_padding(n, k, s, d)
                    for n, k, s, d in zip(
                        self.spatial_dims, self.kernel_size, self.strides, self.dilation_rate
                    )
                ]
            )
        recurrent_pad = _torch_padding([((k - 1) // 2, k // 2) for k in self.kernel_size])
        return input_pad, recurrent_pad

    # ----------------------------------------------------------------- shapes
    def compute_output_shape(self, inputs_shape, states_shape=None):
        """``(output_shape, [h_shape, c_shape])`` for one step's input shape (all three alike)."""
        inputs_shape = tuple(inputs_shape)
        channels_last = self.data_format == "channels_last"
        spatial = inputs_shape[1:-1] if channels_last else inputs_shape[2:]
        out = tuple(
            utils.conv_output_length(n, k, self.padding, s, d)
            for n, k, s, d in zip(spatial, self.kernel_size, self.strides, self.dilation_rate)
        )
        if any(d is not None and d <= 0 for d in out):
            raise ValueError(
                "Computed output size would be negative. Received `inputs shape=%s`, `kernel "
                "shape=%s`, "
                "`dilation_rate=%s`."
                % (inputs_shape, self.kernel_size + (None, self.filters), list(self.dilation_rate))
            )
        shape = (inputs_shape[0],) + (
            out + (self.filters,) if channels_last else (self.filters,) + out
        )
        return shape, [shape, shape]

    def get_initial_state(self, batch_size=None):
        """Zero ``[h, c]`` for ``batch_size`` samples (the cell must be built)."""
        if self.data_format == "channels_last":
            inputs_shape = (batch_size,) + tuple(self.spatial_dims) + (self.input_dim,)
        else:
            inputs_shape = (batch_size, self.input_dim) + tuple(self.spatial_dims)
        shape = self.compute_output_shape(inputs_shape)[0]
        return [
            wrap(torch.zeros(shape, dtype=self._compute_torch_dtype, device=device.current()))
            for _ in range(2)
        ]

    # ---------------------------------------------------------------- dropout
    def _mask(self, index, like, rate):
        """Four dropout masks for ``like`` (``(batch, channels, *spatial)``), stacked on the channel
        axis and drawn once per sequence (index 0: inputs, 1: recurrent state)."""
        if self._masks[index] is None:
            if self.seed is not None and self._generator is None:
                self.__dict__["_generator"] = torch.Generator(device=like.device).manual_seed(
                    int(self.seed)
                )
            shape = (like.shape[0], 4 * like.shape[1]) + tuple(like.shape[2:])
            keep = torch.rand(shape, device=like.device, generator=self._generator) >= rate
            self._masks[index] = keep.to(like.dtype) / (1.0 - rate)
        return self._masks[index]

    def reset_dropout_mask(self):
        """Forgets the input dropout masks (the next sequence draws new ones)."""
        self._masks[0] = None

    def reset_recurrent_dropout_mask(self):
        """Forgets the recurrent dropout masks."""
        self._masks[1] = None

    # -------------------------------------------------------------------- math
    def _conv(self, x, kernel, padding, strides, dilation, dropping):
        """A convolution of the gates' kernel blocks; with ``dropping``, ``x`` holds the four masked
        copies of the input and each gate's block reads its own copy (a 4-group convolution)."""
        torch_padding, explicit = padding
        if explicit is not None:
            x = utils.pad_spatial(x, explicit)
        return _CONV[self.rank](
            x, kernel, None, strides, torch_padding, dilation, 4 if dropping else 1
        )

    def _torch_weight(self, weight, dtype):
        """Keras' ``(*k, in, 4*filters)`` as torch's ``(4*filters, in, *k)`` in ``dtype``."""
        value = weight._value
        if value.dtype is not dtype:
            value = value.to(dtype)
        return value.permute((self.rank + 1, self.rank) + tuple(range(self.rank)))

    def input_projection(self, x, training):
        """The input convolutions of every timestep at once: ``(batch, time, channels, *spatial)``
        storage to ``(batch, time, 4*filters, *out_spatial)`` (bias included)."""
        batch, steps = x.shape[0], x.shape[1]
        dropping = bool(training) and 0 < self.dropout < 1
        if dropping:
            x = x.repeat((1, 1, 4) + (1,) * self.rank) * self._mask(
                0, x[:, 0], self.dropout
            ).unsqueeze(1)
        z = self._conv(
            x.flatten(0, 1),
            self._torch_weight(self.kernel, x.dtype),
            self._pads[0],
            self.strides,
            self.dilation_rate,
            dropping,
        )
        if self.bias is not None:
            bias = self.bias._value
            z = z + (bias if bias.dtype is z.dtype else bias.to(z.dtype)).view(
                (-1,) + (1,) * self.rank
            )
        return z.unflatten(0, (batch, steps))

    def recurrence(self, z, h, c, training):
        """One step on channels-first storage: ``z`` the step's input projection, ``(h, c)`` the
        states; returns the new ``(h, c)``."""
        dropping = bool(training) and 0 < self.recurrent_dropout < 1
        if dropping:
            h = h.repeat((1, 4) + (1,) * self.rank) * self._mask(1, h, self.recurrent_dropout)
        z = z + self._conv(
            h, self._torch_weight(self.recurrent_kernel, h.dtype), self._pads[1], 1, 1, dropping
        )
        zi, zf, zc, zo = z.chunk(4, dim=1)
        c = self._apply(self._rec_fn, self.recurrent_activation, zf) * c + self._apply(
            self._rec_fn, self.recurrent_activation, zi
        ) * self._apply(self._act_fn, self.activation, zc)
        h = self._apply(self._rec_fn, self.recurrent_activation, zo) * self._apply(
            self._act_fn, self.activation, c
        )
        return h, c

    @staticmethod
    def _apply(torch_fn, activation, value):
        return torch_fn(value) if torch_fn is not None else activation(wrap(value))._value

    def call(self, inputs, states, training=False):
        """One step: ``(h, [h, c])`` for ``inputs`` and ``states = [h, c]`` in the layer's
        ``data_format``."""
        channels_last = self.data_format == "channels_last"
        x = inputs._value
        h, c = (s._value if hasattr(s, "_value") else torch.as_tensor(s) for s in states[:2])
        if channels_last:
            x, h, c = x.movedim(-1, 1), h.movedim(-1, 1), c.movedim(-1, 1)
        h, c = self.recurrence(
            self.input_projection(x.unsqueeze(1), training)[:, 0], h, c, training
        )
        if channels_last:
            h, c = h.movedim(1, -1), c.movedim(1, -1)
        return wrap(h), [wrap(h), wrap(c)]

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "filters": self.filters,
                "kernel_size": self.kernel_size,
                "strides": self.strides,
                "padding": self.padding,
                "data_format": self.data_format,
                "dilation_rate": self.dilation_rate,
                "activation": activations.serialize(self.activation),
                "recurrent_activation": activations.serialize(self.recurrent_activation),
                "use_bias": self.use_bias,
                "kernel_initializer": initializers.serialize(self.kernel_initializer),
                "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
                "bias_initializer": initializers.serialize(self.bias_initializer),
                "unit_forget_bias": self.unit_forget_bias,
                "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
                "recurrent_regularizer": regularizers.serialize(self.recurrent_regularizer),
                "bias_regularizer": regularizers.serialize(self.bias_regularizer),
                "kernel_constraint": constraints.serialize(self.kernel_constraint),
                "recurrent_constraint": constraints.serialize(self.recurrent_constraint),
                "bias_constraint": constraints.serialize(self.bias_constraint),
                "dropout": self.dropout,
                "recurrent_dropout": self.recurrent_dropout,
                "seed": self.seed,
            }
        )
        return config
