"""``keras.layers.ZeroPadding1D``, ``ZeroPadding2D`` and ``ZeroPadding3D``."""

import torch

from ....framework.tensor import wrap
from ..convolutional import _conv_utils as utils
from ..input_spec import InputSpec
from ..layer import Layer
from ._pairs import normalize_pairs
from ....framework.op_errors import op_error
from ....api_export import keras_export


class _ZeroPadding(Layer):
    """Pads the spatial dims with zeros by ``self.padding`` (``(before, after)`` per dim)."""

    rank = None

    def __init__(self, padding, data_format=None, **kwargs):
        super().__init__(**kwargs)
        self.data_format = utils.normalize_data_format(data_format)
        self._pairs = self._normalize(padding)
        self.input_spec = InputSpec(ndim=self.rank + 2)
        self._axes = utils.spatial_axes(self.rank + 2, self.data_format)
        flat = []
        for axis in range(self.rank + 1, 0, -1):
            before, after = self._pairs[self._axes.index(axis)] if axis in self._axes else (0, 0)
            flat.extend((before, after))
        self._torch_pad = tuple(flat)
        self._negative = next((pair for pair in self._pairs if min(pair) < 0), None)
        self.built = True

    def call(self, inputs):
        if self._negative:
            raise op_error(
                "Pad", "Paddings must be non-negative: %d %d" % self._negative, inputs._value
            )
        return wrap(torch.nn.functional.pad(inputs._value, self._torch_pad))

    def compute_output_shape(self, input_shape):
        shape = list(input_shape)
        for axis, (before, after) in zip(self._axes, self._pairs):
            if shape[axis] is not None:
                shape[axis] += before + after
        return tuple(shape)

    def get_config(self):
        config = super().get_config()
        config.update({"padding": self.padding, "data_format": self.data_format})
        return config


@keras_export("keras.layers.ZeroPadding1D")
class ZeroPadding1D(_ZeroPadding):
    """Adds ``padding`` zeros before/after the steps of ``(batch, steps, channels)`` inputs
    (an int, or a ``(before, after)`` pair)."""

    rank = 1

    def __init__(self, padding=1, data_format=None, **kwargs):
        super().__init__(padding, data_format=data_format, **kwargs)

    def _normalize(self, padding):
        self.padding = utils.normalize_tuple(padding, 2, "padding", allow_zero=True)
        return (self.padding,)


@keras_export("keras.layers.ZeroPadding2D")
class ZeroPadding2D(_ZeroPadding):
    """Adds rows and columns of zeros around images: ``padding`` is an int, ``(rows, cols)`` or
    ``((top, bottom), (left, right))``."""

    rank = 2

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(padding, data_format=data_format, **kwargs)

    def _normalize(self, padding):
        self.padding = normalize_pairs(padding, 2, "padding")
        return self.padding


@keras_export("keras.layers.ZeroPadding3D")
class ZeroPadding3D(_ZeroPadding):
    """Adds zeros around volumes ``(batch, dim1, dim2, dim3, channels)``: ``padding`` is an int, 3
    ints or 3 ``(before, after)`` pairs."""

    rank = 3

    def __init__(self, padding=((1, 1), (1, 1), (1, 1)), data_format=None, **kwargs):
        super().__init__(padding, data_format=data_format, **kwargs)

    def _normalize(self, padding):
        self.padding = normalize_pairs(padding, 3, "padding")
        return self.padding
