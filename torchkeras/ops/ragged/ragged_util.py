"""Storage helpers of the ragged ops: indexing and filling that work alike on torch storage
and on the NumPy object arrays that hold string tensors."""

from __future__ import annotations

import numpy as np
import torch

from ...framework import device as _device

__all__ = ["take", "full_like", "coordinates", "is_string"]


def is_string(storage):
    """True for a string tensor's storage (a NumPy object array)."""
    return isinstance(storage, np.ndarray)


def take(storage, index):
    """``storage[index]`` along the first axis for an int64 torch ``index``."""
    if is_string(storage):
        return storage[index.cpu().numpy()]
    return storage[index.to(storage.device)]


def full_like(storage, shape, fill):
    """A new storage of ``shape`` and ``storage``'s dtype filled with ``fill`` (a storage that
    broadcasts to ``shape``, or a Python scalar)."""
    if is_string(storage):
        out = np.empty(shape, dtype=object)
        out[...] = fill
        return out
    device = storage.device if isinstance(storage, torch.Tensor) else _device.current()
    if isinstance(fill, torch.Tensor):
        return fill.to(device).expand(shape).clone()
    return torch.full(shape, fill, dtype=storage.dtype, device=device)


def coordinates(rt):
    """The dense coordinates of the flat values of ``rt``: a list of int64 vectors, one per
    ragged dimension plus the outer one (``[row, position, position, ...]``)."""
    coords = []
    index = None
    for splits in reversed(rt.nested_row_splits):
        a = splits._value.to(torch.int64)
        lengths = a[1:] - a[:-1]
        rows = torch.repeat_interleave(torch.arange(lengths.numel(), device=a.device), lengths)
        positions = torch.arange(rows.numel(), device=a.device) - a[:-1][rows]
        if index is None:
            coords.insert(0, positions)
            index = rows
        else:
            coords.insert(0, positions[index])
            index = rows[index]
    coords.insert(0, index)
    return coords
