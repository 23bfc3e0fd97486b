"""TF's bicubic upsampling (``resize_bicubic`` with half-pixel centres) as one weight matrix per
axis, built by ``tf.image.resize``'s (``ops/image_resample.bicubic_weights``: Keys' cubic kernel
with ``a = -0.5`` read from a 1024-entry table, taps outside the image dropped and the remaining
weights renormalised).
"""

import torch

from ....ops.image_resample import bicubic_weights


def weight_matrix(length, factor, dtype, device):
    """The ``(length * factor, length)`` matrix mapping one axis of the input to the upsampled
    axis."""
    out = torch.arange(length * factor, dtype=torch.float64)
    source = (out + 0.5) / factor - 0.5
    return bicubic_weights(source, length).to(dtype=dtype, device=device)
