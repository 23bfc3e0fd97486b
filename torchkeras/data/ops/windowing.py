"""Transformations that group elements: ``window`` (a dataset of datasets),
``group_by_window`` and ``bucket_by_sequence_length``."""

from __future__ import annotations

import collections

import numpy as np
import torch

from ...framework import dtypes
from ...framework.errors import InternalError, InvalidArgumentError
from ...framework.tensor import TensorOperators
from .. import structure
from ..dataset_ops import UnaryDataset
from . import _common as c
from . import threads
from .mapping import returned_dataset
from .sources import _VariantDataset


class _WindowDataset(UnaryDataset):
    """Windows of ``size`` elements (every ``stride``-th) starting every ``shift`` elements;
    each window is a structure of finite datasets, one per component."""

    _type_name = "_WindowDataset"

    def __init__(self, input_dataset, size, shift, stride, drop_remainder):
        super().__init__(input_dataset)
        self._size = int(size)
        self._shift = self._size if shift is None else int(shift)
        self._stride = int(stride)
        self._drop_remainder = bool(drop_remainder)
        c.positive(self._size, "Window size", "WindowDataset")
        c.positive(self._shift, "Window shift", "WindowDataset")
        c.positive(self._stride, "Window stride", "WindowDataset")

    def _span(self):
        return (self._size - 1) * self._stride + 1

    def _iterate(self):
        source = self._input._iterate()
        span, shift, stride = self._span(), self._shift, self._stride
        buffer = collections.deque()
        ended = False
        to_skip = 0
        try:
            while True:
                while not ended and (to_skip or len(buffer) < span):
                    try:
                        element = next(source)
                    except StopIteration:
                        ended = True
                        break
                    if to_skip:
                        to_skip -= 1
                    else:
                        buffer.append(element)
                if not buffer or (ended and len(buffer) < span and self._drop_remainder):
                    return
                yield self._window(list(buffer)[0:span:stride])
                dropped = min(shift, len(buffer))
                for _ in range(dropped):
                    buffer.popleft()
                to_skip = shift - dropped
                if ended and to_skip:
                    return
        finally:
            threads._close(source)

    def _window(self, elements):
        spec = self._input._spec()
        leaves = [structure.flatten(e) for e in elements]
        datasets = [
            _VariantDataset(list(column), leaf_spec)
            for column, leaf_spec in zip(zip(*leaves), c.spec_leaves(spec))
        ]
        return datasets[0] if c.is_spec_leaf(spec) else c.pack_spec(spec, datasets)

    def _cardinality(self):
        count = self._input._cardinality()
        if count < 0:
            return count
        if not self._drop_remainder:
            return -(-count // self._shift)
        span = self._span()
        return 0 if count < span else (count - span) // self._shift + 1

    def _spec(self):
        spec = self._input._spec()
        leaves = [c.DatasetSpec(c.public_spec(leaf)) for leaf in c.spec_leaves(spec)]
        return leaves[0] if c.is_spec_leaf(spec) else c.pack_spec(spec, leaves)


def _key(value):
    storage = value._value if isinstance(value, TensorOperators) else value
    if isinstance(storage, torch.Tensor):
        if storage.dtype != torch.int64 or storage.ndim != 0:
            raise ValueError(
                "Invalid `key_func`. `key_func` must return a single tf.int64 tensor. "
                "Got type=%s and shape=%s"
                % (dtypes.from_torch(storage.dtype).name, tuple(storage.shape))
            )
        return int(storage)
    if isinstance(storage, (int, np.integer)):
        return int(storage)
    raise ValueError(
        "Invalid `key_func`. `key_func` must return a single tf.int64 tensor. Got type=%s"
        % type(value).__name__
    )


class _GroupByWindowDataset(UnaryDataset):
    """TF's ``GroupByWindowDataset``: elements go to the group of their key; a full group
    (``window_size`` elements) is handed to ``reduce_func(key, dataset)`` and its output
    emitted; at the end the partial groups are reduced in key order."""

    _type_name = "_GroupByWindowDataset"

    def __init__(self, input_dataset, key_func, reduce_func, window_size_func, spec=None):
        super().__init__(input_dataset)
        self._key_func = key_func
        self._reduce_func = reduce_func
        self._window_size_func = window_size_func
        self._output_spec = spec

    def _reduce(self, key, elements):
        group = _VariantDataset(elements, self._input._spec())
        key_tensor = structure.to_tensors(torch.tensor(key, dtype=torch.int64))
        return returned_dataset(self._reduce_func(key_tensor, group), "reduce_func")

    def _window_size(self, key):
        size = self._window_size_func(structure.to_tensors(torch.tensor(key, dtype=torch.int64)))
        storage = size._value if isinstance(size, TensorOperators) else size
        size = int(storage)
        if size <= 0:
            raise c.iterator_error(
                InvalidArgumentError,
                self._spec(),
                "Window size must be greater than zero, but got %d." % size,
            )
        return size

    def _iterate(self):
        groups, sizes = {}, {}
        for element in self._input._iterate():
            key = _key(c.call(self._key_func, element))
            if key not in sizes:
                sizes[key] = self._window_size(key)
            group = groups.setdefault(key, [])
            group.append(element)
            if len(group) == sizes[key]:
                del groups[key]
                yield from self._reduce(key, group)._iterate()
        for key in sorted(groups):
            yield from self._reduce(key, groups[key])._iterate()

    def _cardinality(self):
        count = self._input._cardinality()
        return c.INFINITE_CARDINALITY if count == c.INFINITE_CARDINALITY else c.UNKNOWN_CARDINALITY

    def _spec(self):
        if self._output_spec is None:
            source = self._input._iterate()
            for element in source:
                key = _key(c.call(self._key_func, element))
                self._output_spec = self._reduce(key, [element])._spec()
                break
            else:
                raise ValueError(
                    "Cannot compute the element_spec of a group_by_window over an empty dataset."
                )
            threads._close(source)
        return self._output_spec


def group_by_window(dataset, key_func, reduce_func, window_size, window_size_func):
    """``Dataset.group_by_window``'s argument checks, then the dataset."""
    if window_size is None and window_size_func is None:
        raise ValueError(
            "Either the `window_size` argument or the `window_size_func` argument must be "
            "specified."
        )
    if window_size is not None and window_size_func is not None:
        raise ValueError(
            "Either the `window_size` argument or the `window_size_func` argument must be "
            "specified, but not both."
        )
    if window_size_func is None:
        size = int(window_size._value if isinstance(window_size, TensorOperators) else window_size)
        window_size_func = lambda key: size  # noqa: E731
    return _GroupByWindowDataset(dataset, key_func, reduce_func, window_size_func)


def bucket_by_sequence_length(
    dataset,
    element_length_func,
    bucket_boundaries,
    bucket_batch_sizes,
    padded_shapes=None,
    padding_values=None,
    pad_to_bucket_boundary=False,
    no_padding=False,
    drop_remainder=False,
):
    """TF's ``bucket_by_sequence_length``: a ``group_by_window`` keyed by length bucket,
    each bucket batched (padded unless ``no_padding``) to its batch size."""
    boundaries = [int(b) for b in bucket_boundaries]
    batch_sizes = [int(b) for b in bucket_batch_sizes]
    if len(batch_sizes) != len(boundaries) + 1:
        raise ValueError(
            "`len(bucket_batch_sizes)` must equal `len(bucket_boundaries) + 1` but "
            "`len(bucket_batch_sizes)=%d` and `len(bucket_boundaries)=%d`."
            % (len(batch_sizes), len(boundaries))
        )
    lows = [np.iinfo(np.int32).min] + boundaries
    highs = boundaries + [np.iinfo(np.int32).max]

    def bucket_id(*args):
        length = element_length_func(*args)
        length = int(length._value if isinstance(length, TensorOperators) else length)
        for index, (low, high) in enumerate(zip(lows, highs)):
            if low <= length < high:
                return torch.tensor(index, dtype=torch.int64)
        raise ValueError("element length %d is in no bucket" % length)

    def shapes_for(spec, filler):
        def fill(shape, dtype):
            if shape is None:
                raise ValueError("bucket_by_sequence_length needs elements of known rank.")
            return tuple(filler if d is None else d for d in shape), dtype

        given = padded_shapes
        if given is None:
            return [s for s, _ in c.spec_leaves(c.map_spec(fill, spec))]
        return given

    def batching(key, group):
        size = batch_sizes[int(key)]
        if no_padding:
            return group.batch(size, drop_remainder=drop_remainder)
        filler = None
        if pad_to_bucket_boundary:
            if int(key) >= len(batch_sizes) - 1:
                raise c.iterator_error(
                    InternalError,
                    group._spec(),
                    "Got error code INVALID_ARGUMENT and message: {\nassertion failed: [When "
                    "pad_to_bucket_boundary=True, elements must have length < "
                    "max(bucket_boundaries).]\n}",
                )
            filler = boundaries[int(key)] - 1
        spec = group._spec()
        shapes = shapes_for(spec, filler)
        if padded_shapes is None:
            shapes = c.pack_spec(spec, [list(s) for s in shapes])
        return group.padded_batch(size, shapes, padding_values, drop_remainder=drop_remainder)

    def output_spec():
        spec = dataset._spec()
        if no_padding:
            return dataset.batch(1, drop_remainder=False)._spec()
        if padded_shapes is None:
            shapes = c.pack_spec(spec, [list(s) for s in shapes_for(spec, None)])
        else:
            shapes = padded_shapes
        return dataset.padded_batch(1, shapes, padding_values)._spec()

    return _GroupByWindowDataset(
        dataset,
        bucket_id,
        batching,
        lambda key: batch_sizes[int(key)],
        spec=output_spec(),
    )
