"""TF's bicubic upsampling (``resize_bicubic`` with half-pixel centres) as one weight matrix per
axis.

TF uses Keys' cubic kernel with ``a = -0.5``, reads the kernel from a 1024-entry table (so the
fractional offset is rounded to a multiple of 1/1024), drops taps outside the image and renormalises
the remaining weights.  The matrices reproduce exactly that.
"""

import torch

_TABLE_SIZE = 1024
_A = -0.5


def _keys(distance):
    t = distance.abs()
    near = ((_A + 2) * t - (_A + 3)) * t * t + 1
    far = ((_A * t - 5 * _A) * t + 8 * _A) * t - 4 * _A
    return torch.where(t <= 1, near, torch.where(t < 2, far, torch.zeros_like(t)))


def weight_matrix(length, factor, dtype, device):
    """The ``(length * factor, length)`` matrix mapping one axis of the input to the upsampled
    axis."""
    out = torch.arange(length * factor, dtype=torch.float64)
    source = (out + 0.5) / factor - 0.5
    base = torch.floor(source)
    source = base + torch.round((source - base) * _TABLE_SIZE) / _TABLE_SIZE
    taps = base[:, None] + torch.arange(-1, 3, dtype=torch.float64)[None]
    weights = _keys(source[:, None] - taps)
    weights = torch.where((taps >= 0) & (taps < length), weights, torch.zeros_like(weights))
    weights = weights / weights.sum(dim=1, keepdim=True)
    matrix = torch.zeros(length * factor, length, dtype=torch.float64)
    matrix.scatter_add_(1, taps.clamp(0, length - 1).long(), weights)
    return matrix.to(dtype=dtype, device=device)
