"""Transformations that keep a subset of the elements or re-slice batches: ``shard``,
``unique``, ``ignore_errors`` and ``rebatch``."""

from __future__ import annotations

import itertools
import logging

import numpy as np

from ...framework import dtypes
from ...framework.errors import OpError
from .. import structure
from ..dataset_ops import UnaryDataset
from . import _common as c
from .batching import batch_elements, unstack


class _ShardDataset(UnaryDataset):
    """Every ``num_shards``-th element, starting at ``index`` (TF's kernel errors for a
    non-positive ``num_shards`` or an ``index`` outside ``[0, num_shards)``)."""

    _type_name = "_ShardDataset"

    def __init__(self, input_dataset, num_shards, index):
        super().__init__(input_dataset)
        if num_shards <= 0:
            raise c.dataset_op_error(
                "ShardDataset",
                "Number of shards must be greater than zero (currently num_shards = %d)."
                % num_shards,
            )
        if not 0 <= index < num_shards:
            raise c.dataset_op_error(
                "ShardDataset",
                "Index must be between 0 and %d (currently index = %d)." % (num_shards - 1, index),
            )
        self._num_shards = num_shards
        self._index = index

    def _iterate(self):
        for position, element in enumerate(self._input._iterate()):
            if position % self._num_shards == self._index:
                yield element

    def _cardinality(self):
        count = self._input._cardinality()
        if count < 0:
            return count
        return count // self._num_shards + (1 if count % self._num_shards > self._index else 0)


def _unique_key(storage):
    if isinstance(storage, np.ndarray):
        return tuple(storage.shape), tuple(storage.reshape(-1).tolist())
    return tuple(storage.shape), storage.numpy().tobytes()


class _UniqueDataset(UnaryDataset):
    """The first occurrence of every distinct element (int32, int64 or string, one
    component), in input order."""

    _type_name = "_UniqueDataset"

    def __init__(self, input_dataset):
        super().__init__(input_dataset)
        leaves = c.spec_leaves(input_dataset._spec())
        for leaf in leaves:
            dtype = leaf[1] if isinstance(leaf, tuple) else None
            if dtype not in (dtypes.int32, dtypes.int64, dtypes.string):
                raise TypeError(
                    "`tf.data.Dataset.unique` does not support type %s -- only `tf.int32`, "
                    "`tf.int64`, and `tf.string` are supported." % (dtype,)
                )
        if len(leaves) != 1:
            raise c.dataset_op_error(
                "UniqueDataset", "UniqueDataset only supports inputs with a single component."
            )

    def _iterate(self):
        seen = set()
        for element in self._input._iterate():
            key = _unique_key(structure.flatten(element)[0])
            if key not in seen:
                seen.add(key)
                yield element

    def _cardinality(self):
        count = self._input._cardinality()
        return c.INFINITE_CARDINALITY if count == c.INFINITE_CARDINALITY else c.UNKNOWN_CARDINALITY


def _elementwise_chain(dataset):
    """The source and the ``map`` datasets above it, when ``dataset`` is a chain of
    sequential maps (their functions can then be applied one element at a time)."""
    from .mapping import _MapDataset

    maps = []
    while type(dataset) is _MapDataset:
        maps.append(dataset)
        dataset = dataset._input
    return dataset, maps[::-1]


class _IgnoreErrorsDataset(UnaryDataset):
    """The input's elements, dropping those whose computation fails with a TF error.  An
    element of a chain of ``map``s is dropped alone, as is a ``from_generator`` element that
    fails (its iterator resumes); an error anywhere else ends the iteration (a Python
    generator cannot resume after raising), where TF may go on."""

    _type_name = "_IgnoreErrorsDataset"

    def __init__(self, input_dataset, log_warning):
        super().__init__(input_dataset)
        self._log_warning = bool(log_warning)

    def _iterate(self):
        source, maps = _elementwise_chain(self._input)
        elements = source._iterate()
        while True:
            try:
                element = next(elements)
            except StopIteration:
                return
            except OpError:
                continue
            try:
                for mapped in maps:
                    element = mapped._apply(element)
            except OpError as error:
                if self._log_warning:
                    logging.getLogger("tensorflow").warning(
                        "Error raised with error message %s", error.message
                    )
                continue
            yield element

    def _cardinality(self):
        count = self._input._cardinality()
        return c.INFINITE_CARDINALITY if count == c.INFINITE_CARDINALITY else c.UNKNOWN_CARDINALITY


class _RebatchDataset(UnaryDataset):
    """The rows of the input's batches, batched again with sizes cycling through
    ``batch_sizes``."""

    _type_name = "_RebatchDataset"

    def __init__(self, input_dataset, batch_sizes, drop_remainder):
        super().__init__(input_dataset)
        for shape, _ in c.spec_leaves(input_dataset._spec()):
            if shape is not None and len(shape) == 0:
                raise ValueError(
                    "Invalid `batch_sizes`. Expected dataset with rank of >= 1 but found a "
                    "dataset with scalar elements. Fix the issue by adding the `batch` "
                    "transformation to the dataset."
                )
        sizes = np.asarray(batch_sizes).reshape(-1).tolist()
        self._sizes = [int(size) for size in sizes]
        self._drop_remainder = bool(drop_remainder)

    def _iterate(self):
        rows = (row for batch in self._input._iterate() for row in unstack(batch))
        for size in itertools.cycle(self._sizes):
            group = list(itertools.islice(rows, size))
            if not group or (len(group) < size and self._drop_remainder):
                return
            yield batch_elements(group)

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        size = self._sizes[0] if self._drop_remainder and len(set(self._sizes)) == 1 else None
        return c.map_spec(
            lambda shape, dtype: ((size,) + shape[1:] if shape is not None else None, dtype),
            self._input._spec(),
        )
