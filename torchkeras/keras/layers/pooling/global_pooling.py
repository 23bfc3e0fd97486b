"""``keras.layers.GlobalMaxPooling1D``/``2D``/``3D`` and
``GlobalAveragePooling1D``/``2D``/``3D``."""

import torch

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ..convolutional import _conv_utils as utils
from ..input_spec import InputSpec
from ..layer import Layer
from ....api_export import keras_export


class BaseGlobalPooling(Layer):
    """Max or mean over all spatial dims (``rank`` and ``pool_mode`` are class attributes);
    ``keepdims=True`` keeps them with size 1."""

    rank = None
    pool_mode = None

    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(**kwargs)
        self.data_format = utils.normalize_data_format(data_format)
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self._axes = utils.spatial_axes(self.rank + 2, self.data_format)
        self.built = True

    def call(self, inputs):
        value = inputs._value
        if self.pool_mode == "max":
            if not value.numel():
                from ...ops import _numpy_reduction

                # Keras' max refuses an empty tensor
                return _numpy_reduction.max(inputs, axis=self._axes, keepdims=self.keepdims)
            return wrap(torch.amax(value, dim=self._axes, keepdim=self.keepdims))
        if not value.dtype.is_floating_point and not value.dtype.is_complex:
            value = value.to(torch.float32)  # Keras' mean of integers is float32
        return wrap(torch.mean(value, dim=self._axes, keepdim=self.keepdims))

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if self.keepdims:
            return tuple(1 if i in self._axes else d for i, d in enumerate(input_shape))
        return tuple(d for i, d in enumerate(input_shape) if i not in self._axes)

    def get_config(self):
        config = super().get_config()
        config.update({"data_format": self.data_format, "keepdims": self.keepdims})
        return config


@keras_export("keras.layers.GlobalMaxPooling1D", "keras.layers.GlobalMaxPool1D")
class GlobalMaxPooling1D(BaseGlobalPooling):
    """Max over the steps of ``(batch, steps, channels)`` inputs."""

    rank = 1
    pool_mode = "max"


@keras_export("keras.layers.GlobalMaxPooling2D", "keras.layers.GlobalMaxPool2D")
class GlobalMaxPooling2D(BaseGlobalPooling):
    """Max over height and width."""

    rank = 2
    pool_mode = "max"


@keras_export("keras.layers.GlobalMaxPooling3D", "keras.layers.GlobalMaxPool3D")
class GlobalMaxPooling3D(BaseGlobalPooling):
    """Max over the three spatial dims."""

    rank = 3
    pool_mode = "max"


@keras_export("keras.layers.GlobalAveragePooling1D", "keras.layers.GlobalAvgPool1D")
class GlobalAveragePooling1D(BaseGlobalPooling):
    """Mean over the steps of ``(batch, steps, channels)`` inputs; with a ``mask`` ``(batch,
    steps)``, the mean of the unmasked steps (as Keras).  The output carries no mask."""

    rank = 1
    pool_mode = "average"

    def call(self, inputs, mask=None):
        if mask is None:
            return super().call(inputs)
        value = inputs._value
        weights = (
            to_torch(mask)
            .to(value.dtype)
            .unsqueeze(1 if self.data_format == "channels_first" else 2)
        )
        total = torch.sum(value * weights, dim=self._axes, keepdim=self.keepdims)
        return wrap(total / torch.sum(weights, dim=self._axes, keepdim=self.keepdims))

    def compute_mask(self, inputs, previous_mask):
        return None


@keras_export("keras.layers.GlobalAveragePooling2D", "keras.layers.GlobalAvgPool2D")
class GlobalAveragePooling2D(BaseGlobalPooling):
    """Mean over height and width."""

    rank = 2
    pool_mode = "average"


@keras_export("keras.layers.GlobalAveragePooling3D", "keras.layers.GlobalAvgPool3D")
class GlobalAveragePooling3D(BaseGlobalPooling):
    """Mean over the three spatial dims."""

    rank = 3
    pool_mode = "average"
