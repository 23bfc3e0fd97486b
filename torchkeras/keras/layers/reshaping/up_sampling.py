"""``keras.layers.UpSampling1D``, ``UpSampling2D`` and ``UpSampling3D``."""

import torch

from ....framework.tensor import wrap
from ..convolutional import _conv_utils as utils
from ..input_spec import InputSpec
from ..layer import Layer
from . import _bicubic
from ....api_export import keras_export

_INTERPOLATIONS = ("nearest", "area", "bilinear", "bicubic")


def _scaled_shape(input_shape, axes, size):
    """``input_shape`` with each of ``axes`` multiplied by its factor in ``size`` (unknown stays
    unknown)."""
    shape = list(input_shape)
    for axis, factor in zip(axes, size):
        if shape[axis] is not None:
            shape[axis] *= factor
    return tuple(shape)


@keras_export("keras.layers.UpSampling1D")
class UpSampling1D(Layer):
    """Repeats each step ``size`` times along the steps of ``(batch, steps, features)`` inputs."""

    def __init__(self, size=2, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(size, int) or isinstance(size, bool):
            raise TypeError("Expected an integer value for `size`, got %s." % (type(size),))
        if size <= 0:
            raise ValueError(
                "Argument `size` should be a positive integer. Received: size=%s" % (size,)
            )
        self.size = size
        self.input_spec = InputSpec(ndim=3)
        self.built = True

    def call(self, inputs):
        return wrap(torch.repeat_interleave(inputs._value, self.size, dim=1))

    def compute_output_shape(self, input_shape):
        length = input_shape[1]
        return (input_shape[0], None if length is None else length * self.size, input_shape[2])

    def get_config(self):
        config = super().get_config()
        config["size"] = self.size
        return config


@keras_export("keras.layers.UpSampling2D")
class UpSampling2D(Layer):
    """Repeats rows and columns ``size`` times (``interpolation="nearest"``; ``"area"`` gives the
    same for integer factors), or resizes with TF's half-pixel centres: ``"bilinear"`` (torch's
    ``interpolate``), ``"bicubic"`` (TF's kernel, as two weight matrices).  Keras' other
    interpolations (``lanczos3``, ``lanczos5``, ``gaussian``, ``mitchellcubic``) are not supported
    here: they raise
    ``ValueError``."""

    def __init__(self, size=(2, 2), data_format=None, interpolation="nearest", **kwargs):
        super().__init__(**kwargs)
        self.size = utils.normalize_tuple(size, 2, "size")
        self.data_format = utils.normalize_data_format(data_format)
        if interpolation not in _INTERPOLATIONS:
            raise ValueError(
                "torchkeras' UpSampling2D supports `interpolation` in %s. Received: "
                "interpolation=%s" % (list(_INTERPOLATIONS), interpolation)
            )
        self.interpolation = interpolation
        self.input_spec = InputSpec(ndim=4)
        self._axes = utils.spatial_axes(4, self.data_format)
        self._matrices = {}
        self.built = True

    def call(self, inputs):
        value = inputs._value
        if self.interpolation in ("nearest", "area"):
            for axis, factor in zip(self._axes, self.size):
                value = torch.repeat_interleave(value, factor, dim=axis)
            return wrap(value)
        if self.interpolation == "bicubic":
            return wrap(self._bicubic(value))
        x = utils.to_channels_first(value, self.data_format)
        y = torch.nn.functional.interpolate(
            x, scale_factor=self.size, mode="bilinear", align_corners=False
        )
        return wrap(utils.from_channels_first(y, self.data_format))

    def _bicubic(self, value):
        height, width = (value.shape[axis] for axis in self._axes)
        key = (height, width, value.dtype, value.device)
        if key not in self._matrices:
            self._matrices[key] = (
                _bicubic.weight_matrix(height, self.size[0], value.dtype, value.device),
                _bicubic.weight_matrix(width, self.size[1], value.dtype, value.device),
            )
        rows, cols = self._matrices[key]
        pattern = "oh,bhwc,pw->bopc" if self.data_format == "channels_last" else "oh,bchw,pw->bcop"
        return torch.einsum(pattern, rows, value, cols)

    def compute_output_shape(self, input_shape):
        return _scaled_shape(input_shape, self._axes, self.size)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "size": self.size,
                "data_format": self.data_format,
                "interpolation": self.interpolation,
            }
        )
        return config


@keras_export("keras.layers.UpSampling3D")
class UpSampling3D(Layer):
    """Repeats each cell of ``(batch, dim1, dim2, dim3, channels)`` volumes ``size`` times along the
    three spatial dims (nearest-neighbour upsampling, Keras' only mode here)."""

    def __init__(self, size=(2, 2, 2), data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = utils.normalize_data_format(data_format)
        self.size = utils.normalize_tuple(size, 3, "size")
        self.input_spec = InputSpec(ndim=5)
        self._axes = utils.spatial_axes(5, self.data_format)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        for axis, factor in zip(self._axes, self.size):
            value = torch.repeat_interleave(value, factor, dim=axis)
        return wrap(value)

    def compute_output_shape(self, input_shape):
        return _scaled_shape(input_shape, self._axes, self.size)

    def get_config(self):
        config = super().get_config()
        config.update({"size": self.size, "data_format": self.data_format})
        return config
