"""``batch``, ``padded_batch`` and ``unbatch``."""

from __future__ import annotations

import itertools
import math

import numpy as np
import torch

from ...framework import dtypes
from ...framework import tree as _tree
from ...framework.convert import convert_to_tensor
from ...framework.errors import DataLossError, InvalidArgumentError
from ...framework.op_errors import dims_text
from ...framework.shape import TensorShape
from .. import structure
from ..dataset_ops import UnaryDataset
from . import _common as c


class _BatchDataset(UnaryDataset):
    _type_name = "_BatchDataset"

    def __init__(self, input_dataset, batch_size, drop_remainder):
        super().__init__(input_dataset)
        c.positive(batch_size, "Batch size", "BatchDatasetV2")
        self._batch_size = batch_size
        self._drop_remainder = drop_remainder

    def _iterate(self):
        from .selection import _ShuffleDataset
        from .sources import _TensorSliceDataset

        source = self._input
        if isinstance(source, _TensorSliceDataset):
            yield from source._slices(self._batch_size, self._drop_remainder)
            return
        if isinstance(source, _ShuffleDataset) and source._is_permutation():
            yield from source._input._slices(
                self._batch_size, self._drop_remainder, source._permutation()
            )
            return
        from .mapping import _MapDataset

        if isinstance(source, _MapDataset) and source._vectorize is not False:
            yield from self._mapped_batches(source)
            return
        yield from batches(source._iterate(), self._batch_size, self._drop_remainder)

    def _mapped_batches(self, mapped):
        """``map(f).batch(n)`` with ``f`` run once per batch under ``torch.func.vmap`` when it
        can be (see ``_MapDataset._apply_batch``), else once per element."""
        inputs = _BatchDataset(mapped._input, self._batch_size, self._drop_remainder)._iterate()
        for batch in inputs:
            out = mapped._apply_batch(batch)
            if out is not None:
                yield out
                continue
            rest = itertools.chain([batch], inputs)
            elements = (element for b in rest for element in unstack(b))
            mapped_elements = mapped._map_elements(elements, mapped._apply_fused)
            for group in groups(mapped_elements, self._batch_size, False):
                yield batch_elements(group, self._fused_shape_error)
            return

    def _fused_shape_error(self, component, first, index, shape):
        """TF's error for ``map(f).batch(n)`` elements of different sizes: TF fuses the two
        into ``MapAndBatch``, which copies each element into a batch shaped as the first
        (elements of the same size but another shape are refused here, where TF copies
        them reshaped)."""
        if math.prod(first) != math.prod(shape):
            raise c.iterator_error(
                InvalidArgumentError,
                self._spec(),
                "Cannot add tensor to the batch: number of elements does not match. Shapes are: "
                "[tensor]: %s, [batch]: %s" % (dims_text(shape), dims_text(first)),
            )
        _raise_shape_error(component, first, index, shape)

    def _cardinality(self):
        return batch_count(self._input._cardinality(), self._batch_size, self._drop_remainder)

    def _spec(self):
        size = self._batch_size if self._drop_remainder else None
        return c.map_spec(
            lambda shape, dtype: ((size,) + shape if shape is not None else None, dtype),
            self._input._spec(),
        )


def batch_count(count, size, drop_remainder):
    """The number of batches of ``size`` from ``count`` elements (infinite and unknown counts,
    which are negative, stay as they are)."""
    if count < 0:
        return count
    return count // size if drop_remainder else -(-count // size)


def groups(elements, size, drop_remainder):
    """Lists of ``size`` consecutive elements of an iterator (the last one shorter, or left
    out with ``drop_remainder``)."""
    batch = []
    for element in elements:
        batch.append(element)
        if len(batch) == size:
            yield batch
            batch = []
    if batch and not drop_remainder:
        yield batch


def batches(elements, size, drop_remainder):
    """Groups an iterator of elements into stacked batches of ``size``."""
    for batch in groups(elements, size, drop_remainder):
        yield batch_elements(batch)


def unstack(batch):
    """The rows of a batch, as elements."""
    leaves = structure.flatten(batch)
    count = c.rows(leaves[0])
    if all(isinstance(leaf, torch.Tensor) for leaf in leaves):
        columns = [leaf.unbind(0) for leaf in leaves]
    else:
        columns = [[c.row(leaf, i) for i in range(count)] for leaf in leaves]
    if leaves[0] is batch:
        return columns[0]
    if type(batch) is tuple and structure.is_flat(batch):
        return list(zip(*columns))
    return [structure.pack_as(batch, list(row)) for row in zip(*columns)]


def batch_elements(elements, shape_error=None):
    """Stacks a list of same-shaped elements into one batch (TF's error for ragged ones, or
    ``shape_error(component, first_shape, index, shape)``'s)."""
    shape_error = shape_error or _raise_shape_error
    first = elements[0]
    if isinstance(first, torch.Tensor):
        shape = first.shape
        for index, element in enumerate(elements):
            if element.shape != shape:
                shape_error(0, shape, index, element.shape)
        return torch.stack(elements)
    leaves = elements if structure.is_flat(first) else [structure.flatten(e) for e in elements]
    stacked = []
    for component, rows in enumerate(zip(*leaves)):
        shape = rows[0].shape
        for index, row in enumerate(rows):
            if row.shape != shape:
                shape_error(component, shape, index, row.shape)
        stacked.append(c.stack(list(rows)))
    return structure.pack_as(first, stacked)


def _raise_shape_error(component, first, index, shape):
    raise InvalidArgumentError(
        None,
        None,
        "Cannot batch tensors with different shapes in component %d. First element "
        "had shape %s and element %d had shape %s." % (component, list(first), index, list(shape)),
    )


class _PaddedBatchDataset(UnaryDataset):
    _type_name = "_PaddedBatchDataset"

    def __init__(self, input_dataset, batch_size, padded_shapes, padding_values, drop_remainder):
        super().__init__(input_dataset)
        c.positive(batch_size, "Batch size", "PaddedBatchDatasetV2")
        self._batch_size = batch_size
        self._drop_remainder = drop_remainder
        spec = input_dataset._spec()
        leaves = c.spec_leaves(spec)
        if padded_shapes is None:
            shapes = [shape for shape, _ in leaves]
            if any(shape is None for shape in shapes):
                raise ValueError(
                    "You must provide `padded_shapes` argument because component 0 has "
                    "unknown rank."
                )
        else:
            shapes = [_dims(s) for s in _per_component(spec, padded_shapes)]
            for padded, (shape, _) in zip(shapes, leaves):
                _check_padded_shape(padded, shape)
        self._shapes = shapes
        self._to_longest = padded_shapes is None
        if padding_values is None:
            self._values = [None] * len(leaves)
        elif c.is_spec_leaf(spec) or _tree.DATA.kind(padding_values):
            self._values = _per_component(spec, padding_values)
        else:
            self._values = [padding_values] * len(leaves)
        for value, (_, dtype) in zip(self._values, leaves):
            if value is not None and isinstance(value, (str, bytes)) != (dtype is dtypes.string):
                raise TypeError(
                    "Invalid `padding_values`. `padding_values` values type %s does not match "
                    "type %s of the corresponding input component."
                    % (convert_to_tensor(value).dtype, dtype)
                )

    def _iterate(self):
        for batch in groups(self._input._iterate(), self._batch_size, self._drop_remainder):
            yield self._pad(batch)

    def _pad(self, elements):
        leaves = [structure.flatten(e) for e in elements]
        out = []
        for component, rows in enumerate(zip(*leaves)):
            wanted = self._shapes[component]
            longest = [max(r.shape[d] for r in rows) for d in range(rows[0].ndim)]
            if not self._to_longest:
                longest = [n if w is None else w for n, w in zip(longest, wanted)]
            if any(r.shape[d] > n for r in rows for d, n in enumerate(longest)):
                raise c.iterator_error(
                    DataLossError,
                    self._spec(),
                    "Attempted to pad to a smaller size than the input element.",
                )
            out.append(_pad_rows(rows, longest, self._values[component]))
        return structure.pack_as(elements[0], out)

    def _cardinality(self):
        return batch_count(self._input._cardinality(), self._batch_size, self._drop_remainder)

    def _spec(self):
        size = self._batch_size if self._drop_remainder else None
        leaves = [
            ((size,) + tuple(shape), dtype)
            for shape, (_, dtype) in zip(self._shapes, c.spec_leaves(self._input._spec()))
        ]
        return c.pack_spec(self._input._spec(), leaves)


def _check_padded_shape(padded, shape):
    """TF's ``_is_padded_shape_compatible_with``: same rank, no known padded dim below the
    component's."""
    if padded is None or shape is None:
        return
    if len(padded) != len(shape) or any(
        p is not None and s is not None and p < s for p, s in zip(padded, shape)
    ):
        raise ValueError(
            "The padded shape %s is not compatible with the shape %s of the corresponding input "
            "component." % (TensorShape(list(padded)), TensorShape(list(shape)))
        )


def _per_component(spec, values):
    """``values`` (a structure matching the element's, shapes or scalars at its leaves) as a
    list, one entry per component."""
    collected = []
    _tree.map_structure_up_to(
        spec,
        lambda _, value: collected.append(value),
        spec,
        values,
        rules=_tree.DATA,
        is_leaf=c.is_spec_leaf,
    )
    return collected


def _dims(shape):
    if hasattr(shape, "as_list"):
        shape = shape.as_list()
    return tuple(None if d is None or int(d) == -1 else int(d) for d in shape)


def _pad_rows(rows, target, value):
    if isinstance(rows[0], np.ndarray):
        fill = b"" if value is None else structure.to_numpy(c.on_cpu(value))
        out = np.full([len(rows)] + target, fill, dtype=object)
        for index, row in enumerate(rows):
            out[(index,) + tuple(slice(0, n) for n in row.shape)] = row
        return out
    fill = 0 if value is None else c.on_cpu(value).item()
    out = torch.full([len(rows)] + target, fill, dtype=rows[0].dtype)
    for index, row in enumerate(rows):
        out[(index,) + tuple(slice(0, n) for n in row.shape)] = row
    return out


class _UnbatchDataset(UnaryDataset):
    _type_name = "_UnbatchDataset"

    def __init__(self, input_dataset):
        super().__init__(input_dataset)
        leaves = c.spec_leaves(input_dataset._spec())
        if any(isinstance(leaf, tuple) and leaf[0] == () for leaf in leaves):
            raise ValueError("Cannot unbatch an input with scalar components.")

    def _iterate(self):
        for element in self._input._iterate():
            leaves = structure.flatten(element)
            for leaf in leaves:
                if len(leaf.shape) == 0:
                    raise InvalidArgumentError(
                        None, None, "Input element must have a non-scalar value in each component."
                    )
            count = c.rows(leaves[0])
            for leaf in leaves[1:]:
                if c.rows(leaf) != count:
                    raise InvalidArgumentError(
                        None,
                        None,
                        "Input element must have the same batch size in each component. Component "
                        "0 had size %d but component had size %d." % (count, c.rows(leaf)),
                    )
            for index in range(count):
                yield structure.map_structure(lambda s: c.row(s, index), element)  # noqa: B023

    def _cardinality(self):
        count = self._input._cardinality()
        return c.INFINITE_CARDINALITY if count == c.INFINITE_CARDINALITY else c.UNKNOWN_CARDINALITY

    def _spec(self):
        def unbatched(shape, dtype):
            if shape is not None and len(shape) == 0:
                raise ValueError("Unbatching a dataset is only supported for rank >= 1")
            return (None if shape is None else shape[1:]), dtype

        return c.map_spec(unbatched, self._input._spec())
