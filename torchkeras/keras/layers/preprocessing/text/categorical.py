"""Keras' ``encode_categorical_inputs`` on NumPy index arrays: the ``one_hot`` /
``multi_hot`` / ``count`` outputs shared by ``Hashing`` and the lookup layers.

Indices outside ``[0, depth)`` (a dropped mask token) contribute nothing, as
TF's ``bincount`` and ``one_hot`` do.
"""

import numpy as np
import torch

from .....framework.device import current
from .....framework.tensor import wrap

__all__ = ["encode", "to_tensor"]


def _one_hot(indices, depth):
    valid = (indices >= 0) & (indices < depth)
    out = np.zeros(indices.shape + (depth,), dtype=np.int64)
    flat = out.reshape(-1, depth)
    rows = np.nonzero(valid.reshape(-1))[0]
    flat[rows, indices.reshape(-1)[rows]] = 1
    return out


def encode(indices, output_mode, depth):
    """``indices`` (int64 array) encoded as ``output_mode`` with ``depth`` classes (an int64 array).

    A scalar is one sample; ``one_hot`` drops a trailing dim of 1; ``multi_hot``
    and ``count`` reduce the last axis (a 1-D input is one sample).
    """
    if indices.ndim == 0:
        indices = indices.reshape(1)
    if output_mode == "one_hot":
        if indices.ndim > 1 and indices.shape[-1] == 1:
            indices = indices.reshape(indices.shape[:-1])
        return _one_hot(indices, depth)
    counts = _one_hot(indices, depth).sum(axis=-2)
    if output_mode == "multi_hot":
        return np.minimum(counts, 1)
    return counts


def to_tensor(array, dtype=None):
    """A Tensor on the current device holding the NumPy ``array`` (cast to the torch ``dtype``
    when given)."""
    if not (array.flags.c_contiguous and array.flags.writeable):
        array = array.copy()
    value = torch.from_numpy(array)
    return wrap(value.to(device=current(), dtype=dtype or value.dtype))
