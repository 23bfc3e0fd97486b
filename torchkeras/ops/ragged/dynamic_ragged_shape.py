"""``tf.experimental.DynamicRaggedShape``: what ``tf.shape`` returns for a RaggedTensor.

The documented subset: TF's repr (``lengths`` with a tuple of row lengths for each ragged
dimension), ``rank``, ``dtype``, ``num_row_partitions``, ``inner_shape``,
``static_lengths()``, and indexing (uniform dimensions only, as TF).
"""

from __future__ import annotations

import torch

from ...framework import dtypes
from ...framework.dispatch import register
from ...framework.tensor import wrap
from .. import shape_query_ops
from .ragged_tensor import RaggedTensor

__all__ = ["DynamicRaggedShape"]


class DynamicRaggedShape:
    """The shape of a RaggedTensor: its row partitions and the shape of its flat values."""

    __slots__ = ("_lengths", "_num_row_partitions", "_inner_shape", "_dtype")

    def __init__(self, rt, dtype=dtypes.int32):
        self._dtype = dtypes.as_dtype(dtype)
        lengths = [int(rt._row_splits._value.numel() - 1)]
        node = rt
        while isinstance(node, RaggedTensor):
            if node._uniform_row_length is not None:
                lengths.append(int(node._uniform_row_length._value))
            else:
                splits = node._row_splits._value
                lengths.append(tuple((splits[1:] - splits[:-1]).tolist()))
            node = node._values
        self._inner_shape = tuple(node._value.shape)
        lengths.extend(int(d) for d in self._inner_shape[1:])
        self._lengths = lengths
        self._num_row_partitions = rt.ragged_rank

    @property
    def rank(self):
        """The number of dimensions."""
        return len(self._lengths)

    @property
    def dtype(self):
        """The dtype of the lengths (int32 unless ``tf.shape``'s ``out_type`` says int64)."""
        return self._dtype

    @property
    def num_row_partitions(self):
        """The number of row partitions (the ragged rank)."""
        return self._num_row_partitions

    @property
    def inner_shape(self):
        """The shape of the flat values, as a Tensor."""
        return self._tensor(self._inner_shape)

    def static_lengths(self, ragged_lengths=True):
        """The lengths as a Python list: a tuple of row lengths for a ragged dimension (None
        when ``ragged_lengths`` is False)."""
        if ragged_lengths:
            return list(self._lengths)
        return [None if isinstance(d, tuple) else d for d in self._lengths]

    def _tensor(self, values):
        return wrap(torch.tensor(list(values), dtype=self._dtype.torch_dtype))

    def __getitem__(self, index):
        if isinstance(index, slice):
            picked = self._lengths[index]
            if any(isinstance(d, tuple) for d in picked):
                raise ValueError("All relevant dimensions must be uniform")
            return self._tensor(picked)
        length = self._lengths[index]
        if isinstance(length, tuple):
            raise ValueError("Index %d is not uniform" % index)
        return wrap(torch.tensor(length, dtype=self._dtype.torch_dtype))

    def __repr__(self):
        return "<DynamicRaggedShape lengths=%s num_row_partitions=%d>" % (
            "[%s]" % ", ".join(str(d) for d in self._lengths),
            self._num_row_partitions,
        )


@register(shape_query_ops.shape, RaggedTensor)
def ragged_shape(input, out_type=None, name=None):
    """``tf.shape`` of a RaggedTensor: a :class:`DynamicRaggedShape`."""
    return DynamicRaggedShape(input, out_type or dtypes.int32)
