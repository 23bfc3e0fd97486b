"""``tf.clip_by_norm`` and ``tf.clip_by_global_norm``, written as TF writes them (in terms of
other ops), so dtypes, NaN/Inf propagation and gradients follow TF's."""

from __future__ import annotations

import numpy as np

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.indexed_slices import IndexedSlices
from . import cast_ops, comparison_ops, creation_ops, elementwise_ops
from .nn_ops import l2_loss
from .reduction_ops import reduce_sum
from .shape_ops import stack


def _values(t):
    return convert_to_tensor(t.values if isinstance(t, IndexedSlices) else t)


def _check_list(t_list):
    if not isinstance(t_list, (list, tuple)):
        raise TypeError("`t_list` should be a sequence of tensors. Received %s." % type(t_list))
    return list(t_list)


@tf_export("linalg.global_norm")
def global_norm(t_list, name=None):
    """``tf.linalg.global_norm``: ``sqrt(2 * sum(l2_loss(t)))`` over ``t_list`` (``None``
    entries skipped, ``IndexedSlices`` by their values); mixed dtypes raise ``Pack``'s error
    and integers ``L2Loss``'s, as in TF."""
    values = [_values(t) for t in _check_list(t_list) if t is not None]
    half_squared_norm = reduce_sum(stack([l2_loss(v) for v in values]))
    return elementwise_ops.sqrt(
        half_squared_norm * convert_to_tensor(2.0, dtype=half_squared_norm.dtype)
    )


@tf_export("clip_by_norm")
def clip_by_norm(t, clip_norm, axes=None, name=None):
    """``tf.clip_by_norm``: ``t * clip_norm / max(l2norm(t, axes), clip_norm)`` (a negative
    ``clip_norm`` counts as 0; an all-zero ``t`` stays 0; a NaN in ``t`` makes every clipped
    value NaN, an Inf gives NaN there and 0 elsewhere, as in TF).  ``IndexedSlices`` clip
    their values."""
    values = _values(t)
    if np.isscalar(clip_norm):
        clip_norm = 0 if clip_norm < 0 else clip_norm
    else:
        clip_norm = cast_ops.cast(elementwise_ops.maximum(clip_norm, 0), values.dtype)
    l2sum = reduce_sum(values * values, axes, keepdims=True)
    pred = l2sum > 0
    l2sum_safe = comparison_ops.where(pred, l2sum, creation_ops.ones_like(l2sum))
    l2norm = comparison_ops.where(pred, elementwise_ops.sqrt(l2sum_safe), l2sum)
    clipped = values * clip_norm / elementwise_ops.maximum(l2norm, clip_norm)
    if isinstance(t, IndexedSlices):
        return IndexedSlices(clipped, t.indices, t.dense_shape)
    return clipped


@tf_export("clip_by_global_norm")
def clip_by_global_norm(t_list, clip_norm, use_norm=None, name=None):
    """``tf.clip_by_global_norm``: ``(clipped list, global norm)``; every tensor scaled by
    ``clip_norm / max(global_norm, clip_norm)``.  ``None`` entries stay ``None``; a NaN or Inf
    global norm makes every value NaN, as in TF."""
    t_list = _check_list(t_list)
    if use_norm is None:
        use_norm = global_norm(t_list)
    use_norm = convert_to_tensor(use_norm)
    one = convert_to_tensor(1.0, dtype=use_norm.dtype)
    scale = clip_norm * elementwise_ops.minimum(1.0 / use_norm, one / clip_norm)
    scale = scale + (use_norm - use_norm)
    clipped = []
    for t in t_list:
        if t is None:
            clipped.append(None)
            continue
        v = _values(t)
        c = v * cast_ops.cast(scale, v.dtype)
        clipped.append(
            IndexedSlices(c, t.indices, t.dense_shape) if isinstance(t, IndexedSlices) else c
        )
    return clipped, use_norm
