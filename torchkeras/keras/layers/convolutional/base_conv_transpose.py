"""The shared machinery of Keras' transposed convolutions (``Conv1DTranspose``/``2D``/``3D``)."""

import torch

from ..core import _activation_util
from ..input_spec import InputSpec
from . import _conv_utils as utils
from .base_conv import BaseConv, refuse_kwargs
from .._weight_args import add_weight_from_args
from ....api_export import keras_export

TRANSPOSE_FNS = {
    1: torch.nn.functional.conv_transpose1d,
    2: torch.nn.functional.conv_transpose2d,
    3: torch.nn.functional.conv_transpose3d,
}


class BaseConvTranspose(BaseConv):
    """A transposed N-D convolution (the gradient of a convolution with respect to its input).

    The kernel keeps Keras' layout ``(*kernel_size, filters, in_channels)``; output sizes follow
    Keras (``output_padding=None``: ``in * stride`` for ``"same"``).  Runs torch's
    ``conv_transpose{rank}d``; where torch's ``output_padding`` cannot express TF's cropping, the
    full result is cropped / padded.
    """

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        output_padding=None,
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        refuse_kwargs(type(self), kwargs, ("groups",))
        super().__init__(
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=1,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )
        self.output_padding = (
            None
            if output_padding is None
            else utils.normalize_tuple(output_padding, self.rank, "output_padding", allow_zero=True)
        )
        if self.output_padding is not None:
            for dim, (stride, out_pad) in enumerate(zip(self.strides, self.output_padding)):
                if out_pad >= stride:
                    raise ValueError(
                        "`output_padding` must be strictly less than `strides` for all dimensions. "
                        "At dimension %d, `output_padding` is %d but `strides` is %d. Received: "
                        "output_padding=%s, strides=%s"
                        % (dim, out_pad, stride, self.output_padding, self.strides)
                    )

    def build(self, input_shape):
        channels = self._input_channels(input_shape)
        self.kernel = add_weight_from_args(
            self, "kernel", self.kernel_size + (self.filters, channels), "kernel"
        )
        if self.use_bias:
            self.bias = add_weight_from_args(self, "bias", (self.filters,), "bias")
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis: channels})
        self.built = True

    def _spatial_output_shape(self, spatial):
        output_padding = self.output_padding or (None,) * self.rank
        return [
            utils.conv_transpose_output_length(length, k, self.padding, op, s, d)
            for length, k, op, s, d in zip(
                spatial, self.kernel_size, output_padding, self.strides, self.dilation_rate
            )
        ]

    def _plan(self, spatial):
        """Per dim ``(output length, crop before, torch output_padding)``, and whether torch can
        do it all."""
        plan = []
        direct = True
        for length, out, k, s, d in zip(
            spatial,
            self._spatial_output_shape(spatial),
            self.kernel_size,
            self.strides,
            self.dilation_rate,
        ):
            full = (length - 1) * s + (k - 1) * d + 1
            before = max(full - out, 0) // 2 if self.padding == "same" else 0
            out_pad = out - (full - 2 * before)
            direct = direct and 0 <= out_pad < max(s, d)
            plan.append((out, before, out_pad))
        return plan, direct

    def call(self, inputs):
        value = inputs._value
        if value.ndim != self.rank + 2:  # Keras indexes the input's shape by the kernel's rank
            raise IndexError("tuple index out of range")
        x = utils.to_channels_first(value, self.data_format)
        plan, direct = self._plan(x.shape[2:])
        kernel = self._torch_kernel(value.dtype)
        bias = self._torch_bias(value.dtype)
        if 0 in x.shape[2:]:  # nothing reaches the output: the bias alone (torch refuses it)
            y = x.new_zeros((x.shape[0], self.filters) + tuple(p[0] for p in plan))
            if bias is not None:
                y = y + bias.reshape((-1,) + (1,) * self.rank)
            return _activation_util.apply(self, utils.from_channels_first(y, self.data_format))
        fn = TRANSPOSE_FNS[self.rank]
        if direct:
            y = fn(
                x,
                kernel,
                bias,
                self.strides,
                tuple(p[1] for p in plan),
                tuple(p[2] for p in plan),
                1,
                self.dilation_rate,
            )
        else:
            y = fn(x, kernel, None, self.strides, 0, 0, 1, self.dilation_rate)
            for axis, (out, before, _) in enumerate(plan, start=2):
                y = y.narrow(axis, before, min(out, y.shape[axis] - before))
            y = utils.pad_spatial(
                y, [(0, out - y.shape[axis]) for axis, (out, _, _) in enumerate(plan, start=2)]
            )
            if bias is not None:
                y = y + bias.reshape((-1,) + (1,) * self.rank)
        return _activation_util.apply(self, utils.from_channels_first(y, self.data_format))

    def get_config(self):
        config = super().get_config()
        del config["groups"]
        config["output_padding"] = self.output_padding
        return config


@keras_export("keras.layers.Conv1DTranspose", "keras.layers.Convolution1DTranspose")
@utils.own_init
class Conv1DTranspose(BaseConvTranspose):
    """Transposed 1D convolution (``(batch, steps, channels)`` inputs)."""

    rank = 1


@keras_export("keras.layers.Conv2DTranspose", "keras.layers.Convolution2DTranspose")
@utils.own_init
class Conv2DTranspose(BaseConvTranspose):
    """Transposed 2D convolution (``(batch, height, width, channels)`` inputs)."""

    rank = 2


@keras_export("keras.layers.Conv3DTranspose", "keras.layers.Convolution3DTranspose")
@utils.own_init
class Conv3DTranspose(BaseConvTranspose):
    """Transposed 3D convolution (``(batch, d1, d2, d3, channels)`` inputs)."""

    rank = 3
