"""Datasets made from data: ``from_tensor_slices``, ``from_tensors``, ``range``,
``from_generator``, ``zip`` and the in-memory ``_VariantDataset`` (``window``'s elements)."""

from __future__ import annotations

import numpy as np
import torch

from ...framework import dtypes
from ...framework import tree as _tree
from ...framework.convert import convert_to_tensor
from ...framework.device import device as _device_scope
from ...framework.errors import InvalidArgumentError
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators
from .. import structure
from ..dataset_ops import Dataset
from . import _common as c
from . import sparse_elements


# Rows cut from the source tensors at a time (one ``unbind`` per component).
_UNBIND_ROWS = 1024


class _TensorSliceDataset(Dataset):
    _type_name = "_TensorSliceDataset"

    def __init__(self, tensors):
        self._data = c.on_cpu(tensors)
        leaves = structure.flatten(self._data)
        for leaf in leaves:
            if len(leaf.shape) == 0:
                raise ValueError("Unbatching a tensor is only supported for rank >= 1")
            if isinstance(leaf, SparseTensor):
                sparse_elements.check_sliceable(leaf)
        sizes = [c.rows(leaf) for leaf in leaves]
        for size in sizes[1:]:
            if size != sizes[0]:
                raise ValueError("Dimensions %d and %d are not compatible" % (sizes[0], size))
        self._size = sizes[0]

    def _iterate(self):
        data = self._data
        leaves = structure.flatten(data)
        if any(not isinstance(leaf, torch.Tensor) for leaf in leaves):
            for index in range(self._size):
                yield structure.map_structure(lambda s: c.row(s, index), data)  # noqa: B023
            return
        single, flat = leaves[0] is data, type(data) is tuple
        for start in range(0, self._size, _UNBIND_ROWS):
            columns = [leaf[start : start + _UNBIND_ROWS].unbind(0) for leaf in leaves]
            if single:
                yield from columns[0]
            elif flat:
                yield from zip(*columns)
            else:
                for row in zip(*columns):
                    yield structure.pack_as(data, row)

    def _slices(self, batch_size, drop_remainder, order=None):
        """Batches cut straight from the source tensors (``order``: a permutation)."""
        data = self._data
        stop = self._size - self._size % batch_size if drop_remainder else self._size
        if order is None:
            for start in range(0, stop, batch_size):
                yield structure.map_structure(
                    lambda s: _rows_of(s, start, min(start + batch_size, self._size)),  # noqa: B023
                    data,
                )
            return
        for start in range(0, stop, batch_size):
            rows = order[start : start + batch_size]
            numpy_rows = rows.numpy()
            yield structure.map_structure(lambda s: _picked(s, rows, numpy_rows), data)  # noqa: B023

    def _cardinality(self):
        return self._size

    def _spec(self):
        return structure.map_structure(lambda s: c.spec_of(s, batched=True), self._data)


def _rows_of(storage, start, stop):
    if isinstance(storage, SparseTensor):
        return sparse_elements.take_rows(storage, list(range(start, stop)))
    return storage[start:stop]


def _picked(storage, rows, numpy_rows):
    if isinstance(storage, np.ndarray):
        return storage[numpy_rows]
    if isinstance(storage, SparseTensor):
        return sparse_elements.take_rows(storage, numpy_rows.tolist())
    return storage.index_select(0, rows)


class _TensorDataset(Dataset):
    _type_name = "_TensorDataset"

    def __init__(self, tensors):
        self._data = c.on_cpu(tensors)

    def _iterate(self):
        yield self._data

    def _cardinality(self):
        return 1

    def _spec(self):
        return structure.map_structure(c.spec_of, self._data)


class _VariantDataset(Dataset):
    """A finite dataset of elements already in memory (``window``'s and
    ``group_by_window``'s inner datasets)."""

    _type_name = "_VariantDataset"

    def __init__(self, elements, spec):
        self._elements = elements
        self._element_spec = spec

    def _iterate(self):
        return iter(self._elements)

    def _cardinality(self):
        return len(self._elements)

    def _spec(self):
        return self._element_spec


class _RangeDataset(Dataset):
    _type_name = "_RangeDataset"

    def __init__(self, *args, output_type=dtypes.int64, name=None):
        if not 1 <= len(args) <= 3:
            raise ValueError("Invalid arguments to RangeDataset: %r" % (args,))
        start, stop, step = (
            (0, int(args[0]), 1)
            if len(args) == 1
            else (int(args[0]), int(args[1]), int(args[2]) if len(args) == 3 else 1)
        )
        if step == 0:
            raise InvalidArgumentError(None, None, "step must be a non-zero integer.")
        self._range = range(start, stop, step)
        self._dtype = dtypes.as_dtype(output_type)

    def _iterate(self):
        torch_dtype = self._dtype.torch_dtype
        for value in self._range:
            yield torch.tensor(value, dtype=torch_dtype)

    def _cardinality(self):
        return len(self._range)

    def _spec(self):
        return (), self._dtype


def _signature_from_types(output_types, output_shapes):
    def leaf(dtype, shape):
        return (None if shape is None else tuple(shape)), dtypes.as_dtype(dtype)

    if output_shapes is None:
        return _tree.lists_to_tuples(
            _tree.map_structure(lambda t: leaf(t, None), output_types), _tree.NEST
        )
    return _tree.lists_to_tuples(
        _tree.map_structure_up_to(output_types, leaf, output_types, output_shapes), _tree.NEST
    )


class _GeneratorDataset(Dataset):
    _type_name = "_FlatMapDataset"

    def __init__(self, generator, output_types, output_shapes, args, output_signature):
        if output_signature is not None:
            if output_types is not None or output_shapes is not None:
                raise TypeError(
                    "The `output_types` argument can not be used together with the "
                    "`output_signature` argument."
                )
            self._signature = c.internal_spec(output_signature)
        elif output_types is not None:
            self._signature = _signature_from_types(output_types, output_shapes)
        else:
            raise TypeError(
                "The `output_types` argument must be set when `output_signature` is not provided."
            )
        if not callable(generator):
            raise TypeError("`generator` must be a Python callable.")
        self._generator = generator
        self._args = tuple(np.asarray(convert_to_tensor(a)) for a in (args or ()))

    def _convert(self, value, spec):
        shape, dtype = spec
        with _device_scope("/CPU:0"):
            storage = (
                convert_to_tensor(value, dtype=dtype)._value
                if not isinstance(value, TensorOperators)
                else value._value
            )
        if not c.shape_compatible(shape, tuple(storage.shape)):
            raise InvalidArgumentError(
                None,
                None,
                "`generator` yielded an element of shape %s where an element of shape %s was "
                "expected." % (tuple(storage.shape), shape),
            )
        return storage

    def _iterate(self):
        signature = self._signature
        for value in self._generator(*self._args):
            if c.is_spec_leaf(signature):
                yield self._convert(value, signature)
                continue
            value = c.element_structure(value)
            try:
                yield _map_signature(self._convert, value, signature)
            except (KeyError, TypeError, ValueError) as error:
                if isinstance(error, InvalidArgumentError):
                    raise
                raise TypeError(
                    "`generator` yielded an element that did not match the expected structure. "
                    "The expected structure was %r, but the yielded element was %r."
                    % (self.element_spec, value)
                ) from None

    def _spec(self):
        return self._signature


def _check_length(signature, value):
    if not isinstance(signature, dict) and len(value) != len(signature):
        raise ValueError("structure length mismatch")


def _map_signature(fn, value, signature):
    return _tree.map_structure_up_to(
        signature,
        lambda spec, v: fn(v, spec),
        signature,
        value,
        rules=_tree.DATA,
        check=_check_length,
        is_leaf=c.is_spec_leaf,
    )


class _ZipDataset(Dataset):
    _type_name = "_ZipDataset"

    def __init__(self, datasets):
        for leaf in structure.flatten(c.element_structure(datasets)):
            if not isinstance(leaf, Dataset):
                raise TypeError(
                    "Invalid `datasets`. `datasets` is expected to be a (nested) structure of "
                    "`tf.data.Dataset` objects. Python `list` is not supported and you should use "
                    "`tuple` instead."
                )
        self._datasets = c.element_structure(datasets)

    def _inputs(self):
        return structure.flatten(self._datasets)

    def _iterate(self):
        leaves = structure.flatten(self._datasets)
        for elements in zip(*(d._iterate() for d in leaves)):
            yield structure.pack_as(self._datasets, elements)

    def _cardinality(self):
        counts = [d._cardinality() for d in structure.flatten(self._datasets)]
        finite = [n for n in counts if n >= 0]
        if finite:
            return min(finite)
        if c.UNKNOWN_CARDINALITY in counts:
            return c.UNKNOWN_CARDINALITY
        return c.INFINITE_CARDINALITY

    def _spec(self):
        return structure.map_structure(lambda d: d._spec(), self._datasets)
