"""``keras.layers.DepthwiseConv1D`` and ``DepthwiseConv2D``: one filter bank per input channel."""

from ... import constraints, initializers, regularizers
from ..core import _activation_util
from ..input_spec import InputSpec
from . import _conv_utils as utils
from .base_conv import CONV_FNS, BaseConv, refuse_kwargs
from .._weight_args import add_weight_from_args
from ....api_export import keras_export


def checked_depth_multiplier(depth_multiplier):
    """``depth_multiplier``, once Keras' check that it is a strictly positive int passes."""
    if not isinstance(depth_multiplier, int) or depth_multiplier <= 0:
        raise ValueError(
            "Invalid value for argument `depth_multiplier`. Expected a strictly positive value. "
            "Received depth_multiplier=%s." % (depth_multiplier,)
        )
    return depth_multiplier


def depthwise_torch_kernel(kernel, rank, dtype):
    """Keras' ``(*k, in, depth_multiplier)`` kernel as torch's grouped ``(in * depth_multiplier,
    1, *k)``."""
    if kernel.dtype is not dtype:
        kernel = kernel.to(dtype)
    return kernel.reshape(kernel.shape[:rank] + (-1,)).movedim(-1, 0).unsqueeze(1)


class BaseDepthwiseConv(BaseConv):
    """A depthwise convolution: each input channel is convolved with its own ``depth_multiplier``
    filters.

    The kernel (named ``kernel``, as in Keras 3) has Keras' layout ``(*kernel_size, in,
    depth_multiplier)``;
    output channel ``c * depth_multiplier + m`` comes from input channel ``c`` (TF's order).  Runs
    torch's grouped ``conv{rank}d`` with ``groups=in``.
    """

    allows_strided_dilation = True

    def __init__(
        self,
        kernel_size,
        strides=1,
        padding="valid",
        depth_multiplier=1,
        data_format=None,
        dilation_rate=1,
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        depthwise_constraint=None,
        bias_constraint=None,
        **kwargs,
    ):
        refuse_kwargs(type(self), kwargs, ("filters", "groups"))
        super().__init__(
            None,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=depthwise_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=depthwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )
        self.depth_multiplier = checked_depth_multiplier(depth_multiplier)

    _kernel_op = ("DepthwiseConv2dNative", "_MklNativeDepthwiseConv2dNative", "")

    def build(self, input_shape):
        channels = self._input_channels(input_shape)
        self._check_input(tuple(input_shape))  # Keras validates the shape first (unwrapped)
        self.kernel = add_weight_from_args(
            self, "kernel", self.kernel_size + (channels, self.depth_multiplier), "kernel"
        )
        if self.use_bias:
            self.bias = add_weight_from_args(
                self, "bias", (channels * self.depth_multiplier,), "bias"
            )
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis: channels})
        self.built = True

    def call(self, inputs):
        value = inputs._value
        self._check_call_input(value.shape)
        x, padding = self._padded(utils.to_channels_first(value, self.data_format))
        y = CONV_FNS[self.rank](
            x,
            depthwise_torch_kernel(self.kernel._value, self.rank, value.dtype),
            self._torch_bias(value.dtype),
            self.strides,
            padding,
            self.dilation_rate,
            x.shape[1],
        )
        return _activation_util.apply(self, utils.from_channels_first(y, self.data_format))

    def _output_channels(self, input_shape):
        channels = input_shape[self._channel_axis]
        return None if channels is None else channels * self.depth_multiplier

    def get_config(self):
        config = super().get_config()
        for key in (
            "filters",
            "groups",
            "kernel_initializer",
            "kernel_regularizer",
            "kernel_constraint",
        ):
            del config[key]
        config.update(
            {
                "depth_multiplier": self.depth_multiplier,
                "depthwise_initializer": initializers.serialize(self.kernel_initializer),
                "depthwise_regularizer": regularizers.serialize(self.kernel_regularizer),
                "depthwise_constraint": constraints.serialize(self.kernel_constraint),
            }
        )
        return config


@keras_export("keras.layers.DepthwiseConv1D")
@utils.own_init
class DepthwiseConv1D(BaseDepthwiseConv):
    """Depthwise 1D convolution (``(batch, steps, channels)`` inputs)."""

    rank = 1


@keras_export("keras.layers.DepthwiseConv2D")
@utils.own_init
class DepthwiseConv2D(BaseDepthwiseConv):
    """Depthwise 2D convolution (``(batch, height, width, channels)`` inputs)."""

    rank = 2
