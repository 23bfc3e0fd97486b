"""Keras' TF-backend convolution and pooling, run on torchkeras' ``tf.nn`` ops, for the
arguments the fast torch paths of ``keras.ops.conv`` / ``average_pool`` /
``depthwise_conv`` / ``conv_transpose`` do not take: it checks what Keras checks (data format,
input rank, channel counts) in Keras' order, and hands the rest to the ``tf.nn`` op, whose
validation is TF's (window and stride sizes, padding names), so a bad argument gets TF's
error and an odd but valid one (a window larger than the input) TF's result.
"""

from ...framework.convert import convert_to_tensor
from ...framework.op_errors import op_error
from ...ops import conv_ops, pooling_ops, shape_ops
from ..backend import config

__all__ = [
    "standardize_data_format",
    "check_input_channels",
    "data_format_code",
    "average_pool",
    "conv",
    "check_strides",
]


def standardize_data_format(data_format):
    """Keras' ``standardize_data_format``: ``None`` is the configured image data format,
    anything but ``channels_first`` / ``channels_last`` a ``ValueError``."""
    if data_format is None:
        return config.image_data_format()
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format}"
        )
    return data_format


def check_input_channels(inputs, kernel, data_format, kernel_axis=-2):
    """Keras' check that ``inputs`` has as many channels as the kernel's input-channel axis
    (``kernel_axis``: -2 for conv and depthwise conv, -1 for transposed conv)."""
    channels = inputs.shape[-1] if data_format == "channels_last" else inputs.shape[1]
    kernel_channels = kernel.shape[kernel_axis]
    if channels != kernel_channels:
        raise ValueError(
            "The number of input channels must match the kernel's input channels. Received: "
            f"input channels={channels}, kernel input channels={kernel_channels}, "
            f"data_format='{data_format}'."
        )


def data_format_code(data_format, ndim):
    """Keras' ``_convert_data_format``: TF's layout name for a rank-``ndim`` input."""
    codes = {3: "W", 4: "HW", 5: "DHW"}
    if ndim not in codes:
        raise ValueError(f"Input rank not supported: {ndim}. Expected values are [3, 4, 5]")
    spatial = codes[ndim]
    return "N" + spatial + "C" if data_format == "channels_last" else "NC" + spatial


def _channels_last(x, data_format):
    if data_format != "channels_first":
        return x
    rank = len(x.shape)
    return shape_ops.transpose(x, [0] + list(range(2, rank)) + [1])


def _channels_first(x, data_format):
    if data_format != "channels_first":
        return x
    rank = len(x.shape)
    return shape_ops.transpose(x, [0, rank - 1] + list(range(1, rank - 1)))


def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Keras' TF ``average_pool``: ``tf.nn.avg_pool`` in the channels-last layout."""
    data_format = standardize_data_format(data_format)
    strides = pool_size if strides is None else strides
    padding = padding.upper()
    code = data_format_code("channels_last", len(inputs.shape))
    x = _channels_last(convert_to_tensor(inputs), data_format)
    out = pooling_ops.avg_pool(x, pool_size, strides, padding, code)
    return _channels_first(out, data_format)


def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """Keras' TF ``conv``: ``tf.nn.convolution`` (Keras reads the kernel's channel count
    before converting anything)."""
    kernel.shape[-2]  # noqa: B018 - Keras reads it first (an AttributeError for None)
    code = data_format_code(standardize_data_format(data_format), len(inputs.shape))
    return conv_ops.convolution(
        inputs, kernel, strides, padding.upper(), data_format=code, dilations=dilation_rate
    )


def check_strides(strides, kernel, name=""):
    """TF's kernel error for a stride below 1 (``kernel``: the TF op that reports it;
    ``name`` as ``op_error``'s)."""
    values = (strides,) if isinstance(strides, int) else tuple(strides)
    for value in values:
        if value < 1:
            raise op_error(kernel, "Stride must be > 0, but got %d" % value, name=name)
