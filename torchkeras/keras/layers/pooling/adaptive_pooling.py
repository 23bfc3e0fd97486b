"""Keras' adaptive pooling layers: ``AdaptiveAveragePooling1D/2D/3D`` and
``AdaptiveMaxPooling1D/2D/3D``.

Output cell ``i`` of a spatial dim of length ``L`` pooled to ``n`` covers the input cells
``floor(i * L / n)`` to ``ceil((i + 1) * L / n)`` (exclusive): the windows of Keras' TensorFlow
backend and of torch's ``adaptive_{avg,max}_pool{1,2,3}d``, which run here.
"""

import torch

from ....framework.tensor import wrap
from ...backend import config
from ..convolutional import _conv_utils as utils
from ..layer import Layer
from .base_pooling import max_pool_3d_dtype_error
from ....api_export import keras_export

_F = torch.nn.functional
_AVG = {1: _F.adaptive_avg_pool1d, 2: _F.adaptive_avg_pool2d, 3: _F.adaptive_avg_pool3d}
_MAX = {1: _F.adaptive_max_pool1d, 2: _F.adaptive_max_pool2d, 3: _F.adaptive_max_pool3d}
# Keras' description of ``output_size`` in its TypeError, per rank.
_FORMS = {1: "tuple of 1 integer", 2: "(height, width) tuple", 3: "(depth, height, width) tuple"}


def _output_size(value, rank):
    if isinstance(value, int):
        return (value,) * rank
    if isinstance(value, (tuple, list)):
        if rank == 1 and len(value) != 1:
            raise ValueError(
                "For 1D input, `output_size` tuple must have length 1. Received: %s" % (value,)
            )
        if len(value) == rank:
            return tuple(value)
    raise TypeError(
        "`output_size` must be an integer or %s. Received: %s of type %s"
        % (_FORMS[rank], value, type(value))
    )


class _AdaptivePooling(Layer):
    """Pools ``rank`` spatial dims to ``output_size`` whatever the input's size (``rank`` and
    ``functions`` are class attributes)."""

    rank = None
    functions = None

    def __init__(self, output_size, data_format=None, **kwargs):
        output_size = _output_size(output_size, self.rank)
        super().__init__(**kwargs)
        self.output_size = output_size
        self.data_format = data_format or config.image_data_format()
        if self.data_format not in ("channels_first", "channels_last"):
            raise ValueError(
                "Invalid data_format: %s. Expected 'channels_first' or 'channels_last'."
                % (self.data_format,)
            )
        self.built = True

    def call(self, inputs):
        if inputs is None:
            raise AttributeError("'NoneType' object has no attribute 'shape'")
        value = inputs._value
        size = self._size_for(value.ndim - 2)
        x = utils.to_channels_first(value, self.data_format)
        function = self.functions[len(size)]
        if function in _MAX.values() and not x.dtype.is_floating_point:
            if len(size) == 3:
                raise max_pool_3d_dtype_error(x)
            y = function(x.double(), size).to(x.dtype)  # exact for TF's integer max pools
        else:
            y = function(x, size)
        return wrap(utils.from_channels_first(y, self.data_format))

    def _size_for(self, spatial):
        """The output size Keras' backend pools an input of ``spatial`` dims to: it picks the
        1D/2D/3D pool by the input's rank, which unpacks ``output_size`` (1D: its first
        entry)."""
        if spatial == self.rank:
            return self.output_size
        if spatial not in (1, 2, 3):
            raise ValueError(
                "%s supports 1D, 2D, or 3D inputs only."
                % ("adaptive_max_pool" if self.functions is _MAX else "adaptive_average_pool")
            )
        if spatial == 1:
            return self.output_size[:1]
        if len(self.output_size) < spatial:
            raise ValueError(
                "not enough values to unpack (expected %d, got %d)"
                % (spatial, len(self.output_size))
            )
        raise ValueError("too many values to unpack (expected %d)" % spatial)

    def compute_output_shape(self, input_shape):
        if self.data_format == "channels_last":
            return (input_shape[0],) + self.output_size + (input_shape[-1],)
        return (input_shape[0], input_shape[1]) + self.output_size

    def get_config(self):
        config_ = super().get_config()
        config_.update({"output_size": self.output_size, "data_format": self.data_format})
        return config_


@keras_export("keras.layers.AdaptiveAveragePooling1D")
class AdaptiveAveragePooling1D(_AdaptivePooling):
    """Averages ``(batch, steps, channels)`` inputs over adaptive windows to ``output_size``
    steps."""

    rank = 1
    functions = _AVG


@keras_export("keras.layers.AdaptiveAveragePooling2D")
class AdaptiveAveragePooling2D(_AdaptivePooling):
    """Averages images over adaptive windows to ``output_size`` (an int or ``(height, width)``)."""

    rank = 2
    functions = _AVG


@keras_export("keras.layers.AdaptiveAveragePooling3D")
class AdaptiveAveragePooling3D(_AdaptivePooling):
    """Averages volumes over adaptive windows to ``output_size`` (an int or ``(depth, height,
    width)``)."""

    rank = 3
    functions = _AVG


@keras_export("keras.layers.AdaptiveMaxPooling1D")
class AdaptiveMaxPooling1D(_AdaptivePooling):
    """Takes the maximum of ``(batch, steps, channels)`` inputs over adaptive windows to
    ``output_size`` steps."""

    rank = 1
    functions = _MAX


@keras_export("keras.layers.AdaptiveMaxPooling2D")
class AdaptiveMaxPooling2D(_AdaptivePooling):
    """Takes the maximum of images over adaptive windows to ``output_size`` (an int or ``(height,
    width)``)."""

    rank = 2
    functions = _MAX


@keras_export("keras.layers.AdaptiveMaxPooling3D")
class AdaptiveMaxPooling3D(_AdaptivePooling):
    """Takes the maximum of volumes over adaptive windows to ``output_size`` (an int or
    ``(depth, height, width)``)."""

    rank = 3
    functions = _MAX
