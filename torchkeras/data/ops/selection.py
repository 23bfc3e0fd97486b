"""Transformations that reorder, select or repeat elements: ``shuffle``, ``filter``,
``take``, ``skip``, ``repeat``, ``concatenate``, ``cache`` and ``assert_cardinality``."""

from __future__ import annotations

import itertools
import os
import sys
import tempfile

import numpy as np
import torch

from ...framework.errors import FailedPreconditionError
from ...framework.tensor import TensorOperators
from .. import structure
from ..dataset_ops import Dataset, UnaryDataset
from . import _common as c


_END = object()
"""The end of a shuffle's input."""
_MAX_INT32 = 2**31 - 1
"""TF truncates an op seed modulo this (``random_seed._truncate_seed``)."""


class _ShuffleDataset(UnaryDataset):
    _type_name = "_ShuffleDataset"

    def __init__(self, input_dataset, buffer_size, seed, reshuffle_each_iteration):
        super().__init__(input_dataset)
        if buffer_size <= 0 and buffer_size != c.UNKNOWN_CARDINALITY:
            raise c.dataset_op_error(
                "ShuffleDatasetV3", "buffer_size must be greater than zero or UNKNOWN_CARDINALITY"
            )
        self._buffer_size = sys.maxsize if buffer_size == c.UNKNOWN_CARDINALITY else buffer_size
        if seed is not None:
            seed = c.scalar_arg(seed % _MAX_INT32, "int64", "seed")
        self._seed = seed
        self._reshuffle = bool(reshuffle_each_iteration)
        self._base_seed = (
            self._seed if self._seed is not None else int(np.random.randint(0, 2**31 - 1))
        )
        self._epoch = 0

    def _generator(self):
        epoch = self._epoch if self._reshuffle else 0
        self._epoch += 1
        return np.random.default_rng([self._base_seed, epoch])

    def _is_permutation(self):
        from .sources import _TensorSliceDataset

        size = self._input._cardinality()
        return isinstance(self._input, _TensorSliceDataset) and self._buffer_size >= size

    def _permutation(self):
        order = self._generator().permutation(self._input._cardinality())
        return torch.from_numpy(order)

    def _iterate(self):
        if self._is_permutation():
            data = self._input._data
            for index in self._permutation().tolist():
                yield structure.map_structure(lambda s: c.row(s, index), data)  # noqa: B023
            return
        yield from self._shuffled(self._generator(), self._input._iterate())

    def _shuffled(self, rng, elements):
        """``elements`` through a buffer of ``buffer_size``: as TF's, a pick is made once the
        buffer is full and its slot refilled only when the next element is asked for (so the
        input is read no further ahead than TF reads it)."""
        buffer = list(itertools.islice(elements, self._buffer_size))
        if len(buffer) == self._buffer_size:
            while True:
                pick = int(rng.integers(len(buffer)))
                yield buffer[pick]
                element = next(elements, _END)
                if element is _END:
                    buffer[pick] = buffer[-1]
                    buffer.pop()
                    break
                buffer[pick] = element
        while buffer:
            pick = int(rng.integers(len(buffer)))
            buffer[pick], buffer[-1] = buffer[-1], buffer[pick]
            yield buffer.pop()


_FILTER_TYPE_ERROR = (
    "Invalid `predicate`. `predicate` must return a `tf.bool` scalar tensor, but its return "
    "type is %s."
)
TAKE_WHILE_TYPE_ERROR = (
    "Invalid `predicate`. `predicate` must return a `tf.bool` scalar tensor but its return "
    "type is%s."
)
"""TF's texts for a predicate of the wrong type in ``filter`` and in ``take_while``."""


def predicate_value(keep, message=_FILTER_TYPE_ERROR):
    """A predicate's result as a Python bool (TF's ``ValueError`` unless a bool scalar, naming
    the spec of what it returned; its ``AttributeError`` for a list, tuple or dict, which TF's
    check cannot read)."""
    storage = keep._value if isinstance(keep, TensorOperators) else None
    if isinstance(storage, torch.Tensor) and storage.dtype == torch.bool and storage.ndim == 0:
        return bool(storage)
    if isinstance(keep, (list, tuple, dict)):
        kind = "dict" if isinstance(keep, dict) else "tuple"
        raise AttributeError("'%s' object has no attribute 'is_compatible_with'" % kind)
    if keep is None:
        returned = "NoneTensorSpec()"
    else:
        from ...framework.convert import convert_to_tensor
        from ...ops.tensor_spec import TensorSpec

        tensor = keep if isinstance(keep, TensorOperators) else convert_to_tensor(keep)
        if tensor.dtype.name == "bool" and tensor.shape.rank == 0:
            return bool(tensor._value)
        returned = repr(TensorSpec(tensor.shape, tensor.dtype))
    raise ValueError(message % returned)


class _FilterDataset(UnaryDataset):
    _type_name = "_FilterDataset"

    def __init__(self, input_dataset, predicate):
        super().__init__(input_dataset)
        self._predicate = predicate

    def _iterate(self):
        predicate = self._predicate
        for element in self._input._iterate():
            if predicate_value(c.call(predicate, element)):
                yield element

    def _cardinality(self):
        count = self._input._cardinality()
        return c.INFINITE_CARDINALITY if count == c.INFINITE_CARDINALITY else c.UNKNOWN_CARDINALITY


class _TakeDataset(UnaryDataset):
    _type_name = "_TakeDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = count

    def _iterate(self):
        if self._count < 0:
            yield from self._input._iterate()
            return
        if self._count == 0:
            return
        source = self._input._iterate()
        try:
            for index, element in enumerate(source, 1):
                yield element
                if index >= self._count:
                    return
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    def _cardinality(self):
        count = self._input._cardinality()
        if self._count == -1 or count == c.UNKNOWN_CARDINALITY:
            return count
        if count == c.INFINITE_CARDINALITY or self._count < 0:
            return self._count
        if count == c.UNKNOWN_CARDINALITY:
            return c.UNKNOWN_CARDINALITY
        return min(count, self._count)


class _SkipDataset(UnaryDataset):
    _type_name = "_SkipDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = count

    def _iterate(self):
        if self._count < 0:
            for _ in self._input._iterate():
                pass
            return
        for index, element in enumerate(self._input._iterate()):
            if index >= self._count:
                yield element

    def _cardinality(self):
        count = self._input._cardinality()
        if count < 0:
            return count
        if self._count < 0:
            return 0
        return max(count - self._count, 0)


class _RepeatDataset(UnaryDataset):
    _type_name = "_RepeatDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = count

    def _iterate(self):
        done = 0
        while self._count < 0 or done < self._count:
            empty = True
            for element in self._input._iterate():
                empty = False
                yield element
            if empty:
                return
            done += 1

    def _cardinality(self):
        count = self._input._cardinality()
        if self._count < 0:
            return 0 if count == 0 else c.INFINITE_CARDINALITY
        if count < 0:
            return count
        return count * self._count


class _CacheDataset(UnaryDataset):
    _type_name = "CacheDataset"

    def __init__(self, input_dataset, filename):
        super().__init__(input_dataset)
        self._filename = os.fsdecode(filename)
        self._elements = None

    def _iterate(self):
        if self._elements is None and self._filename and os.path.exists(self._filename):
            self._elements = torch.load(self._filename, weights_only=False)
        if self._elements is not None:
            yield from self._elements
            return
        collected = []
        for element in self._input._iterate():
            collected.append(element)
            yield element
        self._elements = collected
        if self._filename:
            directory = os.path.dirname(os.path.abspath(self._filename))
            handle, temporary = tempfile.mkstemp(dir=directory)
            os.close(handle)
            torch.save(collected, temporary)
            os.replace(temporary, self._filename)


class _AssertCardinalityDataset(UnaryDataset):
    _type_name = "_AssertCardinalityDataset"

    def __init__(self, input_dataset, expected):
        super().__init__(input_dataset)
        self._expected = int(expected)

    def _iterate(self):
        seen = 0
        for element in self._input._iterate():
            seen += 1
            if seen > self._expected:
                raise c.iterator_error(
                    FailedPreconditionError,
                    self._spec(),
                    "Input dataset was expected to contain %d elements but contained at least "
                    "%d elements." % (self._expected, seen),
                )
            yield element
        if seen < self._expected:
            raise c.iterator_error(
                FailedPreconditionError,
                self._spec(),
                "Input dataset was expected to contain %d elements but contained only %d "
                "elements." % (self._expected, seen),
            )

    def _cardinality(self):
        return self._expected


class _ConcatenateDataset(Dataset):
    _type_name = "_ConcatenateDataset"

    def __init__(self, first, second):
        first_spec, second_spec = first._spec(), second._spec()
        try:
            structure.assert_same_structure(
                c.spec_structure(first_spec), c.spec_structure(second_spec)
            )
        except ValueError:
            raise TypeError(
                "Incompatible dataset elements:\n  %r vs.   %r"
                % (first.element_spec, second.element_spec)
            ) from None
        for a, b in zip(c.spec_leaves(first_spec), c.spec_leaves(second_spec)):
            if a[1] is not b[1]:
                raise TypeError(
                    "Incompatible dataset elements:\n  %r vs.   %r"
                    % (first.element_spec, second.element_spec)
                )
        self._first, self._second = first, second

    def _inputs(self):
        return [self._first, self._second]

    def _iterate(self):
        yield from self._first._iterate()
        yield from self._second._iterate()

    def _cardinality(self):
        a, b = self._first._cardinality(), self._second._cardinality()
        if c.INFINITE_CARDINALITY in (a, b):
            return c.INFINITE_CARDINALITY
        if c.UNKNOWN_CARDINALITY in (a, b):
            return c.UNKNOWN_CARDINALITY
        return a + b

    def _spec(self):
        def merge(a, b):
            if a[0] is None or b[0] is None or len(a[0]) != len(b[0]):
                return None, a[1]
            return tuple(x if x == y else None for x, y in zip(a[0], b[0])), a[1]

        leaves = [
            merge(a, b)
            for a, b in zip(c.spec_leaves(self._first._spec()), c.spec_leaves(self._second._spec()))
        ]
        return c.pack_spec(self._first._spec(), leaves)


class _TakeWhileDataset(UnaryDataset):
    _type_name = "_TakeWhileDataset"

    def __init__(self, input_dataset, predicate):
        super().__init__(input_dataset)
        self._predicate = predicate

    def _iterate(self):
        for element in self._input._iterate():
            keep = c.call(self._predicate, element)
            if not predicate_value(keep, TAKE_WHILE_TYPE_ERROR):
                return
            yield element

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY
