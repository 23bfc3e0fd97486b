"""The shared machinery of Keras' N-D convolution layers (``Conv1D``/``2D``/``3D``)."""

import torch

from ... import activations, constraints, initializers, regularizers
from ..core import _activation_util
from ..input_spec import InputSpec
from ..layer import _ALLOWED_KWARGS, Layer
from .._weight_args import add_weight_from_args
from . import _conv_utils as utils
from ....framework import dtypes
from ....framework.errors import InvalidArgumentError
from ....framework.op_errors import input_dtype_error, op_error

CONV_FNS = {
    1: torch.nn.functional.conv1d,
    2: torch.nn.functional.conv2d,
    3: torch.nn.functional.conv3d,
}

_CONV_KERNELS = {
    1: ("Conv2D", "_MklNativeConv2D", ""),
    2: ("Conv2D", "_MklNativeConv2D", None),
    3: ("Conv3D", "_MklNativeConv3D", None),
}


def refuse_kwargs(cls, kwargs, names):
    """Keras' error for arguments ``names`` that layer class ``cls``'s own signature lacks but
    :class:`BaseConv`'s takes (``groups`` for depthwise convolutions), listed with any other
    unknown keyword argument, in the order given."""
    if any(name in kwargs for name in names):
        unknown = {k: v for k, v in kwargs.items() if k in names or k not in _ALLOWED_KWARGS}
        raise ValueError(
            "Unrecognized keyword arguments passed to %s: %s" % (cls.__name__, unknown)
        )


class BaseConv(Layer):
    """An N-D convolution (``rank`` is a class attribute of the concrete layer) with Keras'
    arguments.

    The kernel keeps Keras' layout ``(*kernel_size, in_channels // groups, filters)`` so weights
    from real Keras load with ``set_weights``; the forward pass runs torch's ``conv{rank}d`` on a
    channels-first view of the input.  ``"same"`` padding is TF's (the odd cell goes after),
    ``"causal"`` (``Conv1D`` only) pads on the left.
    """

    rank = None
    allows_causal = False
    allows_strided_dilation = False

    def __init__(
        self,
        filters,
        kernel_size,
        strides=1,
        padding="valid",
        data_format=None,
        dilation_rate=1,
        groups=1,
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
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        rank = self.rank
        self.filters = filters
        self.groups = groups or 1
        self.kernel_size = utils.normalize_tuple(kernel_size, rank, "kernel_size")
        self.strides = utils.normalize_tuple(strides, rank, "strides")
        self.dilation_rate = utils.normalize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = utils.normalize_padding(padding, allow_causal=self.allows_causal)
        self.data_format = utils.normalize_data_format(data_format)
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
        self.input_spec = InputSpec(min_ndim=rank + 2)
        self.kernel = None
        self.bias = None
        self._check_arguments()
        self._static_padding = self._input_independent_padding()

    def _input_independent_padding(self):
        """torch's ``padding`` when it does not depend on the input size (else ``None``)."""
        if self.padding == "valid":
            return 0
        effective = [(k - 1) * d + 1 for k, d in zip(self.kernel_size, self.dilation_rate)]
        if self.padding == "same" and max(self.strides) == 1 and all(e % 2 for e in effective):
            return tuple((e - 1) // 2 for e in effective)
        return None

    def _check_arguments(self):
        if self.filters is not None and (not isinstance(self.filters, int) or self.filters <= 0):
            raise ValueError(
                "Invalid value for argument `filters`. Expected a strictly positive value. "
                "Received filters=%s." % (self.filters,)
            )
        if self.filters is not None and self.filters % self.groups != 0:
            raise ValueError(
                "The number of filters must be evenly divisible by the number of groups. "
                "Received: groups=%s, filters=%s." % (self.groups, self.filters)
            )
        if (
            not self.allows_strided_dilation
            and max(self.strides) > 1
            and max(self.dilation_rate) > 1
        ):
            raise ValueError(
                "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
                "Received: strides=%s and dilation_rate=%s" % (self.strides, self.dilation_rate)
            )

    @property
    def _channel_axis(self):
        return -1 if self.data_format == "channels_last" else 1

    def _input_channels(self, input_shape):
        channels = input_shape[self._channel_axis]
        if channels is None:
            raise ValueError(
                "The channel dimension of the inputs should be defined. Found `None`. "
                "Full input shape received: input_shape=%s" % (tuple(input_shape),)
            )
        return channels

    def build(self, input_shape):
        channels = self._input_channels(input_shape)
        if channels % self.groups != 0:
            raise ValueError(
                "The number of input channels must be evenly divisible by the number of groups. "
                "Received groups=%s, but the input has %s channels (full input shape is %s)."
                % (self.groups, channels, tuple(input_shape))
            )
        self._check_input(tuple(input_shape))  # Keras validates the shape first (unwrapped)
        self.kernel = add_weight_from_args(
            self, "kernel", self.kernel_size + (channels // self.groups, self.filters), "kernel"
        )
        if self.use_bias:
            self.bias = add_weight_from_args(self, "bias", (self.filters,), "bias")
        self.input_spec = InputSpec(min_ndim=self.rank + 2, axes={self._channel_axis: channels})
        self.built = True

    def _torch_kernel(self, dtype):
        """Keras' ``(*k, in, out)`` kernel as torch's ``(out, in, *k)`` (a permuted view)."""
        kernel = self.kernel._value
        if kernel.dtype is not dtype:
            kernel = kernel.to(dtype)
        return kernel.permute((self.rank + 1, self.rank) + tuple(range(self.rank)))

    def _torch_bias(self, dtype):
        if self.bias is None:
            return None
        bias = self.bias._value
        return bias if bias.dtype is dtype else bias.to(dtype)

    def _padded(self, x):
        """``(channels-first input, torch padding)``: explicit padding applied where torch's
        cannot express it."""
        if self._static_padding is not None:
            return x, self._static_padding
        if self.padding == "causal":
            return utils.pad_spatial(x, [((self.kernel_size[0] - 1) * self.dilation_rate[0], 0)]), 0
        pads = [
            utils.same_padding(length, k, s, d)
            for length, k, s, d in zip(
                x.shape[2:], self.kernel_size, self.strides, self.dilation_rate
            )
        ]
        if all(before == after for before, after in pads):
            return x, tuple(before for before, _ in pads)
        return utils.pad_spatial(x, pads), 0

    def _message_kernel_shape(self, input_shape):
        """The kernel shape Keras' ``compute_conv_output_shape`` reports: the window, the
        input's channels (its last dim) and the output channels."""
        return tuple(self.kernel_size) + (
            input_shape[-1],
            self._output_channels(input_shape) if len(input_shape) > self.rank else None,
        )

    def _nonpositive_output(self, input_shape):
        kernel_shape = self._message_kernel_shape(input_shape)
        return ValueError(
            "Computed output size would be zero or negative. Received `inputs shape=%s`, "
            "`kernel shape=%s`, `dilation_rate=%s`, `strides=%s`, `padding=%s`."
            % (
                tuple(input_shape),
                kernel_shape,
                "[%s]" % " ".join(map(str, self.dilation_rate)),  # Keras prints a NumPy array
                self.strides,
                self.padding,
            )
        )

    def _check_rank(self, shape):
        """Keras' error for an input shape with extra leading dims."""
        if len(shape) != self.rank + 2:
            raise ValueError(
                "Kernel shape must have the same length as input, but received kernel of shape %s "
                "and "
                "input of shape %s." % (self._message_kernel_shape(shape), tuple(shape))
            )

    def _check_input(self, shape):
        """Keras' errors for an input shape of the wrong rank or too small for a ``"valid"``
        window (unknown dims pass)."""
        self._check_rank(shape)
        if self.padding != "valid":
            return
        spatial = shape[1:-1] if self.data_format == "channels_last" else shape[2:]
        for length, k, d in zip(spatial, self.kernel_size, self.dilation_rate):
            if length is not None and length < (k - 1) * d + 1:
                raise self._nonpositive_output(shape)

    @property
    def _kernel_op(self):
        """TF's op, oneDNN kernel and name part of this layer's convolution (its errors)."""
        return _CONV_KERNELS[self.rank]

    def _check_call_input(self, shape):
        """A built layer's input checks: TF's kernel error where a ``"valid"`` window leaves a
        negative output size; Keras' build-time error where it leaves none (TF's oneDNN kernel
        returns uninitialised memory there: a TF bug this does not copy)."""
        if self.padding == "valid":
            spatial = shape[1:-1] if self.data_format == "channels_last" else shape[2:]
            for length, k, s, d in zip(spatial, self.kernel_size, self.strides, self.dilation_rate):
                window = (k - 1) * d + 1
                if int((length - window + s) / s) < 0:
                    opname, kernel, name = self._kernel_op
                    raise op_error(
                        opname,
                        "Computed output size would be negative: %d [input_size: %d, "
                        "effective_filter_size: %d, stride: %d]"
                        % (int((length - window + s) / s), length, window, s),
                        kernel=kernel,
                        name=name,
                    )
        self._check_input(shape)

    def call(self, inputs):
        value = inputs._value
        if not (value.is_floating_point() or value.is_complex()):
            raise self._integer_input_error(value)
        self._check_call_input(value.shape)
        x, padding = self._padded(utils.to_channels_first(value, self.data_format))
        y = CONV_FNS[self.rank](
            x,
            self._torch_kernel(value.dtype),
            self._torch_bias(value.dtype),
            self.strides,
            padding,
            self.dilation_rate,
            self.groups,
        )
        return _activation_util.apply(self, utils.from_channels_first(y, self.data_format))

    def _integer_input_error(self, value):
        """TF's error for integer or bool inputs, which Keras does not cast (no silent integer
        convolution): Conv2D's dtype checks for 1-D (its input #1, the float kernel, for int32;
        the ``T`` attr otherwise), the kernel Variable's conversion to the input's dtype for
        2-D and 3-D."""
        got = dtypes.from_torch(value.dtype)
        kernel = self.kernel._value
        if self.rank != 1:
            kernel_dtype = dtypes.from_torch(kernel.dtype).name
            variable = "<tf.Variable '%s:0' shape=%s dtype=%s, numpy=\n%r>" % (
                self.kernel.path,
                tuple(kernel.shape),
                kernel_dtype,
                self.kernel.numpy(),
            )
            return ValueError(
                "Incompatible type conversion requested to type %s for `tf.Variable of type %s. "
                "(Variable: %s)" % (got.name, kernel_dtype, variable)
            )
        if value.dtype is torch.int32:
            return input_dtype_error("Conv2D", 1, value, kernel)
        return InvalidArgumentError(
            None,
            None,
            "Value for attr 'T' of %s is not in the list of allowed values: half, bfloat16, "
            "float, double, int32 [Op:Conv2D] name: " % got.name,
        )

    def _spatial_output_shape(self, spatial):
        padding = "same" if self.padding == "causal" else self.padding
        return [
            utils.conv_output_length(length, k, padding, s, d)
            for length, k, s, d in zip(spatial, self.kernel_size, self.strides, self.dilation_rate)
        ]

    def _output_channels(self, input_shape):
        return self.filters

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if self.data_format == "channels_last":
            spatial = self._spatial_output_shape(input_shape[1:-1])
            shape = (input_shape[0],) + tuple(spatial) + (self._output_channels(input_shape),)
        else:
            spatial = self._spatial_output_shape(input_shape[2:])
            shape = (input_shape[0], self._output_channels(input_shape)) + tuple(spatial)
        if any(d is not None and d <= 0 for d in spatial):
            raise self._nonpositive_output(input_shape)
        return shape

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
                "groups": self.groups,
                "activation": activations.serialize(self.activation),
                "use_bias": self.use_bias,
                "kernel_initializer": initializers.serialize(self.kernel_initializer),
                "bias_initializer": initializers.serialize(self.bias_initializer),
                "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
                "bias_regularizer": regularizers.serialize(self.bias_regularizer),
                "activity_regularizer": regularizers.serialize(self._activity_regularizer),
                "kernel_constraint": constraints.serialize(self.kernel_constraint),
                "bias_constraint": constraints.serialize(self.bias_constraint),
            }
        )
        return config
