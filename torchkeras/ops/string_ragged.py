"""RaggedTensor plumbing of the ``tf.strings`` ops: elementwise ops on a ragged input apply to
its ``flat_values`` (TF's elementwise dispatch), and ops that split each string build TF's
ragged result (one ragged dimension per input dimension, int64 row splits).
"""

from __future__ import annotations

import functools

import numpy as np
import torch

from ..framework import device as _device
from ..framework.tensor import wrap
from .ragged.ragged_tensor import RaggedTensor

__all__ = ["RaggedTensor", "on_flat_values", "splits_tensor", "split_result"]


def on_flat_values(fn):
    """Decorator for an op whose first argument ``input`` is elementwise: a RaggedTensor input
    gives a RaggedTensor with the same row partitions and ``fn`` applied to its flat values."""

    @functools.wraps(fn)
    def op(*args, **kwargs):
        if args:
            if isinstance(args[0], RaggedTensor):
                rt = args[0]
                return rt.with_flat_values(fn(rt.flat_values, *args[1:], **kwargs))
        elif isinstance(kwargs.get("input"), RaggedTensor):
            rt = kwargs.pop("input")
            return rt.with_flat_values(fn(rt.flat_values, **kwargs))
        return fn(*args, **kwargs)

    return op


def splits_tensor(row_lengths, dtype=torch.int64):
    """Row splits (``[0, cumsum(row_lengths)]``) as a Tensor on the current device."""
    splits = np.zeros(len(row_lengths) + 1, dtype=np.int64)
    np.cumsum(row_lengths, out=splits[1:])
    return wrap(torch.as_tensor(splits, dtype=dtype, device=_device.current()))


def split_result(values, row_lengths, outer_shape, row_splits_dtype=torch.int64):
    """What TF's splitting ops return for an input of shape ``outer_shape``: for a scalar
    input the only row's ``values`` (a dense Tensor); otherwise a RaggedTensor with one row per
    input element and a uniform ragged dimension for each further input dimension."""
    if not outer_shape:
        return values
    result = RaggedTensor.from_row_splits(
        values, splits_tensor(row_lengths, row_splits_dtype), validate=False
    )
    count = int(np.prod(outer_shape, dtype=np.int64))
    for dim in reversed(outer_shape[1:]):
        count = count // dim if dim else int(np.prod(outer_shape[: outer_shape.index(dim)]))
        result = RaggedTensor.from_uniform_row_length(
            result,
            wrap(torch.tensor(dim, dtype=row_splits_dtype)),
            nrows=count,
            validate=False,
        )
    return result
