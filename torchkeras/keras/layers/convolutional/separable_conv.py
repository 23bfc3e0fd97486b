"""``keras.layers.SeparableConv1D`` and ``SeparableConv2D``: a depthwise then a pointwise
convolution."""

from ... import constraints, initializers, regularizers
from ..core import _activation_util
from ..input_spec import InputSpec
from . import _conv_utils as utils
from .base_conv import CONV_FNS, BaseConv, refuse_kwargs
from .depthwise_conv import checked_depth_multiplier, depthwise_torch_kernel
from .._weight_args import add_weight_from_args
from ....api_export import keras_export


class BaseSeparableConv(BaseConv):
    """A depthwise convolution (``depthwise_kernel``, ``(*k, in, depth_multiplier)``) followed by a
    pointwise one (``pointwise_kernel``, ``(1, ..., in * depth_multiplier, filters)``) and the bias,
    as Keras computes it; both steps run torch's ``conv{rank}d``."""

    allows_strided_dilation = True

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
        depth_multiplier=1,
        activation=None,
        use_bias=True,
        depthwise_initializer="glorot_uniform",
        pointwise_initializer="glorot_uniform",
        bias_initializer="zeros",
        depthwise_regularizer=None,
        pointwise_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        depthwise_constraint=None,
        pointwise_constraint=None,
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
        self.pointwise_initializer = initializers.get(pointwise_initializer)
        self.pointwise_regularizer = regularizers.get(pointwise_regularizer)
        self.pointwise_constraint = constraints.get(pointwise_constraint)
        self.depthwise_kernel = None
        self.pointwise_kernel = None

    _kernel_op = ("DepthwiseConv2dNative", "_MklNativeDepthwiseConv2dNative", "")

    def build(self, input_shape):
        channels = self._input_channels(input_shape)
        self._check_input(tuple(input_shape))  # Keras validates the shape first (unwrapped)
        self.depthwise_kernel = add_weight_from_args(
            self, "depthwise_kernel", self.kernel_size + (channels, self.depth_multiplier), "kernel"
        )
        self.pointwise_kernel = add_weight_from_args(
            self,
            "pointwise_kernel",
            (1,) * self.rank + (channels * self.depth_multiplier, self.filters),
            "pointwise",
        )
        if self.use_bias:
            self.bias = add_weight_from_args(self, "bias", (self.filters,), "bias")
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis: channels})
        self.built = True

    def call(self, inputs):
        value = inputs._value
        self._check_call_input(value.shape)
        dtype = value.dtype
        conv = CONV_FNS[self.rank]
        x, padding = self._padded(utils.to_channels_first(value, self.data_format))
        y = conv(
            x,
            depthwise_torch_kernel(self.depthwise_kernel._value, self.rank, dtype),
            None,
            self.strides,
            padding,
            self.dilation_rate,
            x.shape[1],
        )
        pointwise = self.pointwise_kernel._value
        if pointwise.dtype is not dtype:
            pointwise = pointwise.to(dtype)
        y = conv(
            y,
            pointwise.permute((self.rank + 1, self.rank) + tuple(range(self.rank))),
            self._torch_bias(dtype),
        )
        return _activation_util.apply(self, utils.from_channels_first(y, self.data_format))

    def get_config(self):
        config = super().get_config()
        for key in ("groups", "kernel_initializer", "kernel_regularizer", "kernel_constraint"):
            del config[key]
        config.update(
            {
                "depth_multiplier": self.depth_multiplier,
                "depthwise_initializer": initializers.serialize(self.kernel_initializer),
                "pointwise_initializer": initializers.serialize(self.pointwise_initializer),
                "depthwise_regularizer": regularizers.serialize(self.kernel_regularizer),
                "pointwise_regularizer": regularizers.serialize(self.pointwise_regularizer),
                "depthwise_constraint": constraints.serialize(self.kernel_constraint),
                "pointwise_constraint": constraints.serialize(self.pointwise_constraint),
            }
        )
        return config


@keras_export("keras.layers.SeparableConv1D", "keras.layers.SeparableConvolution1D")
@utils.own_init
class SeparableConv1D(BaseSeparableConv):
    """Separable 1D convolution (``(batch, steps, channels)`` inputs)."""

    rank = 1


@keras_export("keras.layers.SeparableConv2D", "keras.layers.SeparableConvolution2D")
@utils.own_init
class SeparableConv2D(BaseSeparableConv):
    """Separable 2D convolution (``(batch, height, width, channels)`` inputs)."""

    rank = 2
