"""``tf.data`` with RaggedTensors: slices and elements of RaggedTensors, ``batch`` of ragged
elements and ``ragged_batch`` / ``tf.data.experimental.dense_to_ragged_batch``.

Inside the pipeline a ragged component is a RaggedTensor leaf (its rows, when ragged rank 1,
plain storage) and its spec a ``tf.RaggedTensorSpec`` leaf (ragged rank 0 for such rows, as
TF); batching a component whose spec is a ``RaggedTensorSpec`` (or, for ``ragged_batch``,
whose shape is not fully known) stacks the rows as a RaggedTensor.
"""

from __future__ import annotations

from ...framework import dtypes
from ...framework.composite_tensor import CompositeTensor
from ...framework.tensor import wrap
from .. import structure
from ..dataset_ops import Dataset, UnaryDataset
from . import _common as c
from .batching import batch_count, groups
from .sources import _TensorDataset

__all__ = [
    "has_ragged",
    "from_ragged_source",
    "RaggedSliceDataset",
    "RaggedTensorDataset",
    "RaggedBatchDataset",
    "RaggedUnbatchDataset",
]


def _ragged():
    from ...ops.ragged import ragged_array_ops, ragged_tensor, ragged_tensor_spec

    return ragged_tensor.RaggedTensor, ragged_tensor_spec.RaggedTensorSpec, ragged_array_ops


def has_ragged(value):
    """True when a leaf of the element structure ``value`` is a RaggedTensor."""
    ragged_type = _ragged()[0]
    return any(isinstance(leaf, ragged_type) for leaf in structure.flatten(value))


def from_ragged_source(dataset):
    """True when a RaggedTensor source feeds ``dataset`` (so its elements may be ragged);
    checked without computing specs, which would run ``map`` functions."""
    pending = [dataset]
    while pending:
        node = pending.pop()
        if isinstance(node, (RaggedSliceDataset, RaggedTensorDataset, RaggedBatchDataset)):
            return True
        pending.extend(node._inputs())
    return False


def has_ragged_spec(dataset):
    """True when a component of ``dataset``'s element spec is a ``RaggedTensorSpec``."""
    return any(_is_ragged_spec(leaf) for leaf in c.spec_leaves(dataset._spec()))


def _row_spec(leaf):
    """The spec of one slice of ``leaf`` (a RaggedTensor or storage)."""
    rt_type, spec_type, _ = _ragged()
    if isinstance(leaf, rt_type):
        shape = leaf.shape[1:]
        return spec_type(shape, leaf.dtype, leaf.ragged_rank - 1, leaf.row_splits_dtype)
    return c.spec_of(leaf, batched=True)


def _element_spec(leaf):
    rt_type, spec_type, _ = _ragged()
    if isinstance(leaf, rt_type):
        return spec_type.from_value(leaf)
    return c.spec_of(leaf)


def _row(leaf, index):
    rt_type, _, _ = _ragged()
    if isinstance(leaf, rt_type):
        row = leaf[index]
        return row if isinstance(row, rt_type) else row._value
    return c.row(leaf, index)


def _rows(leaf):
    rt_type, _, _ = _ragged()
    if isinstance(leaf, rt_type):
        return int(leaf.nrows())
    return c.rows(leaf)


class RaggedSliceDataset(Dataset):
    """``from_tensor_slices`` of a structure holding RaggedTensors."""

    _type_name = "_TensorSliceDataset"

    def __init__(self, tensors):
        self._data = c.on_cpu(tensors)
        sizes = [_rows(leaf) for leaf in structure.flatten(self._data)]
        for size in sizes[1:]:
            if size != sizes[0]:
                raise ValueError("Dimensions %d and %d are not compatible" % (sizes[0], size))
        self._size = sizes[0]

    def _iterate(self):
        for index in range(self._size):
            yield structure.map_structure(lambda s: _row(s, index), self._data)  # noqa: B023

    def _cardinality(self):
        return self._size

    def _spec(self):
        return structure.map_structure(_row_spec, self._data)


class RaggedTensorDataset(_TensorDataset):
    """``from_tensors`` of a structure holding RaggedTensors."""

    def _spec(self):
        return structure.map_structure(_element_spec, self._data)


def _spec_leaves(spec):
    return c.spec_leaves(spec)


def _is_ragged_spec(leaf):
    _, spec_type, _ = _ragged()
    return isinstance(leaf, spec_type)


_STATIC_SOURCES = frozenset(("_TensorSliceDataset", "_TensorDataset", "_RangeDataset"))
"""Sources whose element shapes are static.  Other datasets (``map`` ...) find their spec
from their first element, so ``ragged_batch`` treats their non-scalar components as of
unknown shape (TF traces the function and knows)."""


def _fully_known(leaf, static):
    shape = leaf[0]
    if shape is None or any(d is None for d in shape):
        return False
    return static or not shape


class RaggedBatchDataset(UnaryDataset):
    """``batch`` of elements with ragged components (``ragged=True``: ``ragged_batch``, which
    also makes ragged every dense component of not fully known shape)."""

    _type_name = "_BatchDataset"

    def __init__(self, input_dataset, batch_size, drop_remainder, ragged, splits_dtype):
        super().__init__(input_dataset)
        self._batch_size = batch_size
        self._drop_remainder = drop_remainder
        self._splits_dtype = dtypes.as_dtype(splits_dtype)
        spec = input_dataset._spec()
        static = type(input_dataset).__name__ in _STATIC_SOURCES
        self._static = static
        self._ragged_leaves = [
            _is_ragged_spec(leaf) or (ragged and not _fully_known(leaf, static))
            for leaf in _spec_leaves(spec)
        ]

    def _iterate(self):
        for batch in groups(self._input._iterate(), self._batch_size, self._drop_remainder):
            yield self._stack(batch)

    def _stack(self, elements):
        _, _, array_ops = _ragged()
        first = elements[0]
        columns = zip(*[structure.flatten(e) for e in elements])
        stacked = []
        for is_ragged, rows in zip(self._ragged_leaves, columns):
            if is_ragged:
                values = [wrap(r) if not isinstance(r, CompositeTensor) else r for r in rows]
                result = array_ops.stack(values)
                stacked.append(result.with_row_splits_dtype(self._splits_dtype))
            else:
                stacked.append(c.stack(list(rows)))
        return structure.pack_as(first, stacked)

    def _cardinality(self):
        return batch_count(self._input._cardinality(), self._batch_size, self._drop_remainder)

    def _spec(self):
        _, spec_type, _ = _ragged()
        size = self._batch_size if self._drop_remainder else None
        leaves = []
        for is_ragged, leaf in zip(self._ragged_leaves, _spec_leaves(self._input._spec())):
            if isinstance(leaf, spec_type):
                shape = [size] + leaf.shape.as_list()
                leaves.append(
                    spec_type(shape, leaf.dtype, leaf.ragged_rank + 1, self._splits_dtype)
                )
            elif is_ragged:
                inner = list(leaf[0])[1:] if self._static else [None] * (len(leaf[0]) - 1)
                shape = [size, None] + inner
                leaves.append(spec_type(shape, leaf[1], 1, self._splits_dtype))
            else:
                shape = None if leaf[0] is None else (size,) + tuple(leaf[0])
                leaves.append((shape, leaf[1]))
        return c.pack_spec(self._input._spec(), leaves)


class RaggedUnbatchDataset(UnaryDataset):
    """``unbatch`` of elements with ragged components: the rows, one element each."""

    _type_name = "_UnbatchDataset"

    def _iterate(self):
        for element in self._input._iterate():
            leaves = structure.flatten(element)
            for index in range(_rows(leaves[0])):
                yield structure.map_structure(lambda s: _row(s, index), element)  # noqa: B023

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        _, spec_type, _ = _ragged()
        leaves = []
        for leaf in _spec_leaves(self._input._spec()):
            if isinstance(leaf, spec_type):
                shape = leaf.shape[1:]
                leaves.append(
                    spec_type(shape, leaf.dtype, leaf.ragged_rank - 1, leaf.row_splits_dtype)
                )
            else:
                leaves.append((None if leaf[0] is None else tuple(leaf[0][1:]), leaf[1]))
        return c.pack_spec(self._input._spec(), leaves)
