"""Transformations that run a user function per element: ``map`` (sequential or on a
thread pool), ``flat_map`` and ``scan``."""

from __future__ import annotations

import itertools
import re

import numpy as np
import torch

from ...framework import tree as _tree
from ...framework.errors import OpError
from ...framework.tensor import Tensor, wrap
from .. import structure
from ..dataset_ops import Dataset, UnaryDataset
from . import _common as c
from . import threads


def _storage(tensor):
    storage = tensor._value
    return storage.detach() if storage.requires_grad else storage


_NUMBERS = itertools.count(1)
"""Numbers map datasets as TF numbers its dataset ops in error messages (``MapDataset:3``)."""
_KERNEL_PREFIX = re.compile(r"^\{\{function_node [^}]*\}\}\s*")
_OP_SUFFIX = re.compile(r" \[Op:(\w+)\]( name: .*)?$", re.S)


def _node(error):
    """An eager op's error message as TF prints it from inside a dataset function: without
    the kernel prefix and ``[Op:...]``, naming the graph node instead."""
    text = _KERNEL_PREFIX.sub("", error.message)
    found = _OP_SUFFIX.search(text)
    if found is None:
        return text
    return "%s\n\t [[{{node %s}}]]" % (text[: found.start()], found.group(1))


class _MapDataset(UnaryDataset):
    """``map``.  Followed by ``batch``, the function is first tried on the whole batch under
    ``torch.func.vmap`` (TF's former ``map_vectorization``): the same values, the Python body
    run once per batch (as TF runs it once, when tracing); any failure (data-dependent
    control flow, ``.numpy()``, random ops, strings) falls back to one call per element for
    the rest of the pipeline.  ``Options.experimental_optimization.apply_default_optimizations
    = False`` turns it off."""

    _type_name = "_MapDataset"
    _op_name = "MapDataset"

    def __init__(self, input_dataset, map_func):
        super().__init__(input_dataset)
        self._number = next(_NUMBERS)
        self._func = map_func
        self._output_spec = None
        self._vectorize = None

    def _apply(self, element):
        kind = type(element)
        if kind is torch.Tensor:
            result = c.run_on_cpu(self._func, wrap(element))
        elif kind is tuple and all(type(v) is torch.Tensor for v in element):
            result = c.run_on_cpu(self._func, *[wrap(v) for v in element])
        else:
            return c.apply(self._func, element)
        kind = type(result)
        if kind is Tensor:
            return _storage(result)
        if kind is tuple and all(type(v) is Tensor for v in result):
            return tuple([_storage(v) for v in result])
        return c.on_cpu(c.element_structure(result))

    def _iterate(self):
        return self._map_elements(self._input._iterate(), self._apply_reported)

    def _apply_reported(self, element):
        """``_apply``, a TF error of the function reported as TF's iterator reports it (the
        iterator path is always ``Iterator::Root::ParallelMapV2``, where TF names every
        dataset above this one; a ``map`` fused with ``batch`` reports the error bare, as TF's
        ``MapAndBatch``)."""
        try:
            return self._apply(element)
        except OpError as error:
            raise c.iterator_error(
                type(error),
                self._spec(),
                "Error in user-defined function passed to %s:%d transformation with iterator: "
                "Iterator::Root::ParallelMapV2: %s" % (self._op_name, self._number, _node(error)),
            ) from None

    def _apply_fused(self, element):
        """``_apply`` for ``map(f).batch(n)``, which TF fuses into ``MapAndBatch``: a TF error
        of the function comes from the iterator, without the map's name."""
        try:
            return self._apply(element)
        except OpError as error:
            raise c.iterator_error(type(error), self._spec(), _node(error)) from None

    def _map_elements(self, elements, apply=None):
        apply = apply or self._apply
        for element in elements:
            yield apply(element)

    def _apply_batch(self, batch):
        """``f`` applied to a whole batch with ``torch.func.vmap`` (the stacked outputs), or
        ``None`` when it cannot be (then never tried again)."""
        if self._vectorize is False:
            return None
        leaves = structure.flatten(batch)
        if not all(type(leaf) is torch.Tensor for leaf in leaves):
            self._vectorize = False
            return None
        shape = []

        def one(*rows):
            element = rows[0] if leaves[0] is batch else structure.pack_as(batch, list(rows))
            out = self._apply(element)
            shape.append(out)
            out_leaves = structure.flatten(out)
            if not all(isinstance(leaf, torch.Tensor) for leaf in out_leaves):
                raise TypeError("not a tensor")
            return tuple(out_leaves)

        try:
            stacked = torch.func.vmap(one, randomness="error")(*leaves)
        except Exception:  # noqa: BLE001 - any failure means: map element by element
            self._vectorize = False
            return None
        self._vectorize = True
        return structure.pack_as(shape[0], list(stacked))

    def _spec(self):
        if self._output_spec is None:
            source = self._input._iterate()
            for element in source:
                self._output_spec = structure.map_structure(c.spec_of, self._apply(element))
                break
            else:
                raise ValueError("Cannot compute the element_spec of a map over an empty dataset.")
            threads._close(source)
        return self._output_spec


class _ParallelMapDataset(_MapDataset):
    """``map`` with ``num_parallel_calls``: the function runs on a thread pool."""

    _type_name = "_ParallelMapDataset"
    _async_read_ahead = 0
    _op_name = "ParallelMapDatasetV2"

    def __init__(self, input_dataset, map_func, num_parallel_calls, deterministic):
        super().__init__(input_dataset, map_func)
        self._workers = c.parallelism(num_parallel_calls, "ParallelMapDatasetV2")
        self._deterministic = deterministic

    def _map_elements(self, elements, apply=None):
        ordered = self._deterministic is not False and self._options_deterministic is not False
        return threads.parallel_map(apply or self._apply, elements, self._workers, ordered)


def returned_dataset(value, what="map_func"):
    """Checks that a user function returned a Dataset (TF's ``TypeError`` otherwise; for
    ``map_func``, TF's ``AttributeError`` for a value it converts to one Tensor, and the class
    of the structure it converts a list to)."""
    if isinstance(value, Dataset):
        return value
    if what != "map_func":
        raise TypeError(
            "The `%s` argument must return a `Dataset` object. Got %r."
            % (what, type(value).__name__)
        )
    if isinstance(value, (Tensor, str, bytes, int, float, complex, np.ndarray, np.generic)):
        raise AttributeError("'Tensor' object has no attribute '_name'")
    kind = tuple if isinstance(value, list) else type(value)
    raise TypeError("The `map_func` argument must return a `Dataset` object. Got %s." % kind)


class _FlatMapDataset(UnaryDataset):
    _type_name = "_FlatMapDataset"

    def __init__(self, input_dataset, map_func):
        super().__init__(input_dataset)
        self._func = map_func
        self._output_spec = None

    def _datasets(self):
        func = self._func
        for element in self._input._iterate():
            yield returned_dataset(c.call(func, element))

    def _iterate(self):
        for dataset in self._datasets():
            yield from dataset._iterate()

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        if self._output_spec is None:
            source = self._datasets()
            for dataset in source:
                self._output_spec = dataset._spec()
                break
            else:
                raise ValueError(
                    "Cannot compute the element_spec of a flat_map over an empty dataset."
                )
            source.close()
        return self._output_spec


class _ScanDataset(UnaryDataset):
    _type_name = "_ScanDataset"

    def __init__(self, input_dataset, initial_state, scan_func):
        super().__init__(input_dataset)
        self._initial = c.on_cpu(c.element_structure(initial_state))
        self._func = scan_func
        self._output_spec = None

    def _step(self, state, element):
        tensors = structure.to_tensors(element)
        state_tensors = structure.to_tensors(state)
        if type(tensors) is tuple:
            result = c.run_on_cpu(self._func, state_tensors, *tensors)
        else:
            result = c.run_on_cpu(self._func, state_tensors, tensors)
        result = c.element_structure(result)
        if not isinstance(result, tuple) or len(result) != 2:
            raise TypeError(
                "Invalid `scan_func`. `scan_func` should return a pair consisting of new state "
                "and the output value but its return type is %s." % type(result).__name__
            )
        new_state, output = c.on_cpu(result[0]), c.on_cpu(result[1])
        self._check_state(new_state)
        return new_state, output

    def _check_state(self, new_state):
        try:
            structure.assert_same_structure(self._initial, new_state)
        except (ValueError, TypeError):
            raise TypeError(
                "Invalid `scan_func`. The element classes for the new state must match the "
                "initial state. Expected %s, got %s."
                % (_tree.describe(self._initial), _tree.describe(new_state))
            ) from None
        for old, new in zip(structure.flatten(self._initial), structure.flatten(new_state)):
            (_, old_dtype), (_, new_dtype) = c.spec_of(old), c.spec_of(new)
            if old_dtype is not new_dtype:
                raise TypeError(
                    "Invalid `scan_func`. The element types for the new state must match the "
                    "initial state. Expected %s, got %s." % (old_dtype, new_dtype)
                )

    def _iterate(self):
        state = self._initial
        for element in self._input._iterate():
            state, output = self._step(state, element)
            yield output

    def _spec(self):
        if self._output_spec is None:
            source = self._input._iterate()
            for element in source:
                _, output = self._step(self._initial, element)
                self._output_spec = structure.map_structure(c.spec_of, output)
                break
            else:
                raise ValueError("Cannot compute the element_spec of a scan over an empty dataset.")
            threads._close(source)
        return self._output_spec
