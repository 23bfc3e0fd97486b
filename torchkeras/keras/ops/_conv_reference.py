"""Keras' TF-backend convolution and pooling, run on torchkeras' ``tf.nn`` ops, for the
arguments the fast torch paths of ``keras.ops.conv`` / ``average_pool`` / ``max_pool`` /
``depthwise_conv`` / ``separable_conv`` / ``conv_transpose`` do not take: it checks what Keras
checks (data format, input rank, channel counts) in Keras' order, and hands the rest to the
``tf.nn`` op, whose validation is TF's (window and stride sizes, padding names), so a bad
argument gets TF's error and an odd but valid one (a window larger than the input) TF's result.
"""

from ...framework import device
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import op_error
from ...ops import conv_ops, depthwise_conv_ops, pooling_ops, shape_ops
from ..backend import config

__all__ = [
    "standardize_data_format",
    "check_input_channels",
    "data_format_code",
    "average_pool",
    "max_pool",
    "conv",
    "separable_conv",
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


def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Keras' TF ``max_pool``: ``tf.nn.max_pool`` in the channels-last layout (channels-last
    inputs as given: ``MaxPool`` converts a NumPy array to float32)."""
    data_format = standardize_data_format(data_format)
    strides = pool_size if strides is None else strides
    padding = padding.upper()
    code = data_format_code("channels_last", len(inputs.shape))
    x = _channels_last(inputs, data_format)
    out = pooling_ops.max_pool(x, pool_size, strides, padding, code)
    return _channels_first(out, data_format)


def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """Keras' TF ``conv``: ``tf.nn.convolution`` (Keras reads the kernel's channel count
    before converting anything)."""
    kernel.shape[-2]  # noqa: B018 - Keras reads it first (an AttributeError for None)
    code = data_format_code(standardize_data_format(data_format), len(inputs.shape))
    return conv_ops.convolution(
        inputs, kernel, strides, padding.upper(), data_format=code, dilations=dilation_rate
    )


def separable_conv(
    inputs,
    depthwise_kernel,
    pointwise_kernel,
    strides=1,
    padding="valid",
    data_format=None,
    dilation_rate=1,
):
    """Keras' TF ``separable_conv``: ``tf.nn.separable_conv2d`` (1-D inputs get a unit height
    axis; channels-first inputs run channels-last when no GPU is used, as Keras does on a
    CPU-only TF); strides and dilations both above 1 run as Keras decomposes them."""
    data_format = standardize_data_format(data_format)
    inputs = convert_to_tensor(inputs)
    depthwise_kernel = convert_to_tensor(depthwise_kernel)
    pointwise_kernel = convert_to_tensor(pointwise_kernel)
    n = len(inputs.shape) - 2
    if n > 2:
        raise ValueError(f"`num_spatial_dims` must be 1 or 2. Received: num_spatial_dims={n}.")
    check_input_channels(inputs, depthwise_kernel, data_format)
    padding = padding.upper()
    if isinstance(strides, int):
        strides = (strides,) * n
    if isinstance(dilation_rate, int):
        dilation_rate = (dilation_rate,) * n
    kernels = (depthwise_kernel, pointwise_kernel)
    if _decomposes(strides, dilation_rate):
        return _separable_decomposed(inputs, kernels, strides, padding, data_format, dilation_rate)
    transpose = data_format == "channels_first" and device.default().type == "cpu"
    inputs = _channels_last(inputs, data_format) if transpose else inputs
    last = transpose or data_format == "channels_last"
    if n == 1:
        strides = (1,) + strides * 2 + (1,) if last else (1, 1) + strides * 2
        axis = 1 if last else 2
        inputs = shape_ops.expand_dims(inputs, axis)
        kernels = [shape_ops.expand_dims(k, axis=0) for k in kernels]
        dilation_rate = None if dilation_rate is None else (1,) + dilation_rate
    else:
        strides = (1,) + strides + (1,) if last else (1, 1) + strides
    out = depthwise_conv_ops.separable_conv2d(
        inputs, *kernels, strides, padding, "NHWC" if last else "NCHW", dilation_rate
    )
    if n == 1:
        out = shape_ops.squeeze(out, [axis])
    return _channels_first(out, data_format) if transpose else out


def _decomposes(strides, dilation_rate):
    """Whether Keras decomposes a depthwise convolution: strides and dilations both above 1
    (which ``tf.nn.depthwise_conv2d`` refuses together)."""
    if dilation_rate is None:
        return False
    return any(s > 1 for s in strides) and any(d > 1 for d in dilation_rate)


def _separable_decomposed(inputs, kernels, strides, padding, data_format, dilation_rate):
    """Keras' TF separable convolution with strides and dilations both above 1: the dilated
    depthwise convolution at stride 1 (``'same'`` padded by hand), every ``stride``-th output
    kept, then the pointwise ``tf.nn.conv2d``, all channels-last."""
    n = len(inputs.shape) - 2
    inputs = _channels_last(inputs, data_format)
    if n == 1:
        inputs = shape_ops.expand_dims(inputs, axis=1)
        kernels = [shape_ops.expand_dims(k, axis=0) for k in kernels]
        strides, dilation_rate = (1, strides[0]), (1, dilation_rate[0])
    if padding == "SAME":
        pads = [[0, 0]]
        for size, k, s, d in zip(inputs.shape[1:-1], kernels[0].shape[:2], strides, dilation_rate):
            total = max((-(-size // s) - 1) * s + (k - 1) * d + 1 - size, 0)
            pads.append([total // 2, total - total // 2])
        inputs = shape_ops.pad(inputs, pads + [[0, 0]])
    elif padding != "VALID":
        raise ValueError(f"`padding` must be 'valid' or 'same'. Received: padding={padding}")
    out = depthwise_conv_ops.depthwise_conv2d(
        inputs, kernels[0], (1, 1, 1, 1), "VALID", "NHWC", dilation_rate
    )
    out = out[:, :: strides[0], :: strides[1], :]
    out = conv_ops.conv2d(out, kernels[1], (1, 1, 1, 1), "VALID", "NHWC")
    if n == 1:
        out = shape_ops.squeeze(out, [1])
    return _channels_first(out, data_format)


def check_strides(strides, kernel, name=""):
    """TF's kernel error for a stride below 1 (``kernel``: the TF op that reports it;
    ``name`` as ``op_error``'s)."""
    values = (strides,) if isinstance(strides, int) else tuple(strides)
    for value in values:
        if value < 1:
            raise op_error(kernel, "Stride must be > 0, but got %d" % value, name=name)
