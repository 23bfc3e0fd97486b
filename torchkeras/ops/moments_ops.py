"""``tf.nn.weighted_moments``: the frequency-weighted mean and variance (``tf.nn.moments`` is in
``nn_ops``)."""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework.op_errors import broadcast_shapes
from ..framework.tensor import wrap
from ._args import reduction_dims, storage_of

__all__ = []


@tf_export("nn.weighted_moments")
def weighted_moments(x, axes, frequency_weights, keepdims=False, name=None):
    """``tf.nn.weighted_moments``: ``(mean, variance)`` of ``x`` over ``axes`` with each element
    counted ``frequency_weights`` times (broadcast to ``x``); a zero total weight gives 0 (TF's
    ``div_no_nan``).  float16 is computed in float32 and cast back, as TF."""
    a = storage_of(x)
    work = torch.float32 if a.dtype == torch.float16 else a.dtype
    a = a.to(work)
    w = storage_of(frequency_weights).to(work)
    broadcast_shapes("Mul", w.shape, a.shape, a)
    dims = reduction_dims(axes, a, "Sum")
    weight_sum = torch.sum(w + torch.zeros_like(a), dims, keepdim=True)
    safe = torch.where(weight_sum == 0, torch.ones_like(weight_sum), weight_sum)
    zero = torch.zeros_like(weight_sum)
    mean = torch.where(weight_sum == 0, zero, torch.sum(w * a, dims, keepdim=True) / safe)
    spread = torch.sum(w * torch.square(a - mean), dims, keepdim=True)
    variance = torch.where(weight_sum == 0, zero, spread / safe)
    if not keepdims and dims:
        mean, variance = mean.squeeze(dims), variance.squeeze(dims)
    dtype = storage_of(x).dtype
    return wrap(mean.to(dtype)), wrap(variance.to(dtype))
