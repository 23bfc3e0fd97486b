"""``keras.layers.Conv1D``, ``Conv2D`` and ``Conv3D``."""
from .base_conv import BaseConv


class Conv1D(BaseConv):
    """1D convolution over ``(batch, steps, channels)`` (or ``channels_first``); also ``padding="causal"``."""

    rank = 1
    allows_causal = True


class Conv2D(BaseConv):
    """2D convolution over ``(batch, height, width, channels)`` (or ``channels_first``)."""

    rank = 2


class Conv3D(BaseConv):
    """3D convolution over ``(batch, d1, d2, d3, channels)`` (or ``channels_first``)."""

    rank = 3
