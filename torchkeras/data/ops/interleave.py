"""``interleave`` (sequential or with a thread per open input) and the directed
interleaves ``sample_from_datasets`` / ``choose_from_datasets``."""

from __future__ import annotations

import itertools

import numpy as np
import torch

from ...framework.errors import InvalidArgumentError
from .. import structure
from ..dataset_ops import Dataset, UnaryDataset
from . import _common as c
from . import threads
from .mapping import returned_dataset

# Elements a parallel interleave computes ahead for each open input.
_PARALLEL_BUFFER = 4


class _InterleaveDataset(UnaryDataset):
    """TF's ``InterleaveDataset``: ``cycle_length`` inputs open at once, ``block_length``
    elements from each in turn; an exhausted input's slot is refilled from the next
    input element before moving on."""

    _type_name = "_InterleaveDataset"

    def __init__(self, input_dataset, map_func, cycle_length, block_length):
        super().__init__(input_dataset)
        self._func = map_func
        self._cycle_length = c.cpu_count() if cycle_length == c.AUTOTUNE else int(cycle_length)
        self._block_length = 1 if block_length == c.AUTOTUNE else int(block_length)
        kernel = "InterleaveDataset_Targuments_0"
        c.positive(self._cycle_length, "cycle_length", "InterleaveDataset", kernel)
        c.positive(self._block_length, "block_length", "InterleaveDataset", kernel)
        self._output_spec = None

    def _open(self, dataset):
        return dataset._iterate()

    def _iterate(self):
        inputs = self._input._iterate()
        slots = [None] * self._cycle_length
        cycle_length, block_length = self._cycle_length, self._block_length
        index = block = 0
        end_of_input = False
        open_count = 0
        try:
            while not end_of_input or open_count > 0:
                current = slots[index]
                if current is not None:
                    try:
                        element = next(current)
                    except StopIteration:
                        slots[index] = None
                        open_count -= 1
                    else:
                        yield element
                        block += 1
                        if block < block_length:
                            continue
                    index, block = (index + 1) % cycle_length, 0
                elif not end_of_input:
                    try:
                        element = next(inputs)
                    except StopIteration:
                        end_of_input = True
                        continue
                    slots[index] = self._open(returned_dataset(c.call(self._func, element)))
                    open_count += 1
                else:
                    index, block = (index + 1) % cycle_length, 0
        finally:
            for slot in slots:
                if slot is not None:
                    threads._close(slot)
            threads._close(inputs)

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        if self._output_spec is None:
            source = self._input._iterate()
            for element in source:
                self._output_spec = returned_dataset(c.call(self._func, element))._spec()
                break
            else:
                raise ValueError(
                    "Cannot compute the element_spec of an interleave over an empty dataset."
                )
            threads._close(source)
        return self._output_spec


class _ParallelInterleaveDataset(_InterleaveDataset):
    """``interleave`` with ``num_parallel_calls``: each open input is iterated ahead by its
    own thread; the output order is the sequential one (``deterministic=False`` allowed,
    not used)."""

    _type_name = "_ParallelInterleaveDataset"
    _async_read_ahead = 0

    def _open(self, dataset):
        return threads.background(dataset._iterate, _PARALLEL_BUFFER)


class _DirectedInterleaveDataset(Dataset):
    """Elements drawn from ``datasets`` in the order a selector dataset of indices gives."""

    _type_name = "_DirectedInterleaveDataset"

    def __init__(self, selector, datasets, stop_on_empty_dataset):
        self._selector = selector
        self._datasets = list(datasets)
        self._stop_on_empty = stop_on_empty_dataset
        first = self._datasets[0]._spec()
        for other in self._datasets[1:]:
            if repr(c.public_spec(other._spec())) != repr(c.public_spec(first)):
                raise TypeError(
                    "Incompatible dataset elements:\n  %r vs.   %r"
                    % (self._datasets[0].element_spec, other.element_spec)
                )

    def _inputs(self):
        return [self._selector] + self._datasets

    def _iterate(self):
        sources = [d._iterate() for d in self._datasets]
        live = [True] * len(sources)
        for choice in self._selector._iterate():
            index = int(choice)
            if not 0 <= index < len(sources):
                raise c.iterator_error(
                    InvalidArgumentError,
                    self._spec(),
                    "Selector index out of range: %d >= %d" % (index, len(sources)),
                )
            if not live[index]:
                if self._stop_on_empty:
                    return
                continue
            try:
                yield next(sources[index])
            except StopIteration:
                live[index] = False
                if self._stop_on_empty or not any(live):
                    return

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        return self._datasets[0]._spec()


class _WeightedSelector(Dataset):
    """An endless int64 dataset of indices drawn with ``weights`` (a list, or a dataset of
    weight vectors)."""

    _type_name = "_MapDataset"

    def __init__(self, weights, count, seed):
        self._weights = weights
        self._count = count
        self._seed = seed

    def _iterate(self):
        rng = np.random.default_rng(self._seed)
        if isinstance(self._weights, Dataset):
            weight_source = (
                structure.to_numpy(w).astype(np.float64) for w in self._weights._iterate()
            )
        else:
            fixed = np.asarray(self._weights, np.float64).reshape(-1)
            weight_source = itertools.repeat(fixed)
        for weights in weight_source:
            weights = np.asarray(weights).reshape(-1)
            yield torch.tensor(int(rng.choice(self._count, p=weights / weights.sum())))

    def _cardinality(self):
        return c.INFINITE_CARDINALITY

    def _spec(self):
        from ...framework import dtypes

        return (), dtypes.int64
