"""``keras.layers.Conv1D``, ``Conv2D`` and ``Conv3D``."""

from .base_conv import BaseConv
from ._conv_utils import own_init
from ....api_export import keras_export


@keras_export("keras.layers.Conv1D", "keras.layers.Convolution1D")
@own_init
class Conv1D(BaseConv):
    """1D convolution over ``(batch, steps, channels)`` (or ``channels_first``); also
    ``padding="causal"``."""

    rank = 1
    allows_causal = True


@keras_export("keras.layers.Conv2D", "keras.layers.Convolution2D")
@own_init
class Conv2D(BaseConv):
    """2D convolution over ``(batch, height, width, channels)`` (or ``channels_first``)."""

    rank = 2


@keras_export("keras.layers.Conv3D", "keras.layers.Convolution3D")
@own_init
class Conv3D(BaseConv):
    """3D convolution over ``(batch, d1, d2, d3, channels)`` (or ``channels_first``)."""

    rank = 3
