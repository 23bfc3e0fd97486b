"""Data adapters: every input ``fit``/``evaluate``/``predict`` accept, as batches of torch storage.

An adapter yields ``(x, y, sample_weight)`` batches (nested tuples/dicts of
``torch.Tensor``, ``None`` where absent) on the CPU or already on the
device, and knows its number of batches when it can.  Inputs: NumPy arrays,
Tensors, torch tensors and tuples/lists/dicts of them (``ArrayDataAdapter``),
``tf.data.Dataset``, ``torch.utils.data.DataLoader``, Python generators and
iterators, ``keras.utils.PyDataset``.
"""

from __future__ import annotations

import math
import random
import types
import warnings

import torch

from ...data import structure
from ...data.dataset_ops import Dataset
from ..utils.py_dataset import PyDataset
from .data_utils import (
    batch_size_of,
    class_weight_to_sample_weights,
    is_array_leaf,
    normalize_structure,
    to_storage_tree,
    unpack_x_y_sample_weight,
)

__all__ = [
    "get_data_adapter",
    "ArrayDataAdapter",
    "DatasetAdapter",
    "DataLoaderAdapter",
    "GeneratorDataAdapter",
    "PyDatasetAdapter",
]

_DEVICE_RESIDENT_BYTES = 1 << 30


def _bytes(tree):
    return sum(
        leaf.numel() * leaf.element_size() for leaf in structure.flatten(tree) if leaf is not None
    )


def _to(tree, device):
    return structure.map_structure(lambda leaf: None if leaf is None else leaf.to(device), tree)


class DataAdapter:
    """Base: ``num_batches`` (``None`` when unknown), iteration over one epoch, epoch hooks."""

    num_batches = None

    def on_epoch_begin(self):
        """Called before each epoch."""

    def on_epoch_end(self):
        """Called after each epoch."""


class ArrayDataAdapter(DataAdapter):
    """Arrays in memory, batched by slicing (shuffled with one permutation per epoch).

    On CUDA the arrays are copied to the device once when they fit in 1 GiB,
    so batches are device-side slices; larger data is sliced on the host,
    pinned and copied per batch without blocking.
    """

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=None,
        shuffle=False,
        class_weight=None,
        device=None,
    ):
        x, y, sample_weight = (to_storage_tree(v) for v in (x, y, sample_weight))
        _check_cardinality(x, y, sample_weight)
        if class_weight is not None:
            if sample_weight is not None:
                raise ValueError("You cannot `class_weight` and `sample_weight` at the same time.")
            if y is None:
                raise ValueError("`class_weight` requires targets `y`.")
        self._data = (x, y, sample_weight)
        self._class_weight = class_weight
        if (
            device is not None
            and device.type != "cpu"
            and _bytes(self._data) <= _DEVICE_RESIDENT_BYTES
        ):
            self._data = _to(self._data, device)
        self._size = batch_size_of(x)
        self._batch_size = int(batch_size) if batch_size else 32
        self._shuffle = shuffle
        self.num_batches = math.ceil(self._size / self._batch_size) if self._size else 0
        if self.num_batches < 0:  # Keras' TF backend reaches tf.reshape with this batch count
            raise ValueError("Invalid value in tensor used for shape: %d" % self.num_batches)

    @property
    def batch_size(self):
        """Rows per batch."""
        return self._batch_size

    def _finish(self, batch):
        if self._class_weight is None:
            return batch
        x, y, _ = batch
        return x, y, class_weight_to_sample_weights(self._class_weight, y)

    def __iter__(self):
        data, size, step = self._data, self._size, self._batch_size
        first = next(leaf for leaf in structure.flatten(data) if leaf is not None)
        if not self._shuffle:
            for start in range(0, size, step):
                yield self._finish(
                    structure.map_structure(
                        lambda leaf: None if leaf is None else leaf[start : start + step],  # noqa: B023
                        data,
                    )
                )
            return
        if self._shuffle == "batch":
            starts = list(range(0, size, step))
            random.shuffle(starts)
            for start in starts:
                rows = torch.arange(start, min(start + step, size), device=first.device)
                rows = rows[torch.randperm(rows.numel(), device=first.device)]
                yield self._finish(_take(data, rows))
            return
        order = torch.randperm(size, device=first.device)
        for start in range(0, size, step):
            yield self._finish(_take(data, order[start : start + step]))


def _take(data, rows):
    return structure.map_structure(
        lambda leaf: None if leaf is None else leaf.index_select(0, rows), data
    )


def _check_cardinality(x, y, sample_weight):
    sizes = {}
    for name, tree in (("x", x), ("y", y), ("sample_weight", sample_weight)):
        if tree is not None:
            sizes[name] = [leaf.shape[0] for leaf in structure.flatten(tree) if leaf is not None]
    if len({size for values in sizes.values() for size in values}) > 1:
        text = "".join(
            "'%s' sizes: %s\n" % (name, ", ".join(str(s) for s in values))
            for name, values in sizes.items()
        )
        raise ValueError(
            "Data cardinality is ambiguous. Make sure all arrays contain the same number of "
            "samples." + text
        )


class _IteratingAdapter(DataAdapter):
    """Base for sources that produce whole batches: unpacks them and converts leaves."""

    def __init__(self, class_weight=None):
        self._class_weight = class_weight

    def _convert(self, batch):
        x, y, sample_weight = unpack_x_y_sample_weight(normalize_structure(batch))
        x, y, sample_weight = (
            to_storage_tree(v, cast_float64=False) for v in (x, y, sample_weight)
        )
        if self._class_weight is not None and y is not None:
            sample_weight = class_weight_to_sample_weights(self._class_weight, y)
        return x, y, sample_weight


class DatasetAdapter(_IteratingAdapter):
    """A ``tf.data.Dataset`` of batches: ``(x,)``, ``(x, y)`` or ``(x, y, sample_weight)``
    elements, read ahead as TF's iterator reads them (its injected prefetch: one batch)."""

    def __init__(self, dataset, class_weight=None):
        super().__init__(class_weight)
        self._dataset = dataset
        count = dataset._cardinality()
        self.num_batches = count if count >= 0 else None

    def __iter__(self):
        for element in self._dataset._user_iteration():
            yield self._convert(element)


class DataLoaderAdapter(_IteratingAdapter):
    """A ``torch.utils.data.DataLoader`` (its batches unpacked as ``(x, y[, sample_weight])``)."""

    def __init__(self, loader, class_weight=None):
        super().__init__(class_weight)
        self._loader = loader
        try:
            self.num_batches = len(loader)
        except TypeError:
            self.num_batches = None

    def __iter__(self):
        for batch in self._loader:
            yield self._convert(batch)


class GeneratorDataAdapter(_IteratingAdapter):
    """A Python generator or iterator of batches, consumed across epochs (size unknown)."""

    def __init__(self, generator, class_weight=None):
        super().__init__(class_weight)
        self._generator = generator

    def __iter__(self):
        for batch in self._generator:
            yield self._convert(batch)


class PyDatasetAdapter(_IteratingAdapter):
    """A ``keras.utils.PyDataset``: ``dataset[i]`` for each batch index (order shuffled when
    asked)."""

    def __init__(self, dataset, shuffle=False, class_weight=None):
        super().__init__(class_weight)
        self._dataset = dataset
        self._shuffle = shuffle
        self.num_batches = dataset.num_batches

    def on_epoch_begin(self):
        self._dataset.on_epoch_begin()

    def on_epoch_end(self):
        self._dataset.on_epoch_end()

    def __iter__(self):
        if self.num_batches is None:
            index = 0
            while True:
                yield self._convert(self._dataset[index])
                index += 1
        order = list(range(self.num_batches))
        if self._shuffle:
            random.shuffle(order)
        for index in order:
            yield self._convert(self._dataset[index])


def _is_data_loader(x):
    return isinstance(x, torch.utils.data.DataLoader)


def _reject_with_iterable(name, value, kind):
    if value is not None:
        raise ValueError(
            "When providing `x` as a %s, `%s` should not be passed. Instead, the %s should be "
            "included in the dataset." % (kind, name, name if name != "y" else "targets")
        )


def get_data_adapter(
    x, y=None, sample_weight=None, batch_size=None, shuffle=False, class_weight=None, device=None
):
    """Chooses and builds the adapter for ``x`` (Keras' ``get_data_adapter``)."""
    if x is None:
        raise ValueError(
            "Unrecognized data type: x=None (of type <class 'NoneType'>). Pass `x` as NumPy "
            "arrays, tensors, a `tf.data.Dataset`, a `torch.utils.data.DataLoader`, a generator "
            "or a `keras.utils.PyDataset`."
        )
    if isinstance(x, Dataset):
        kind = "tf.data.Dataset"
    elif _is_data_loader(x):
        kind = "torch DataLoader"
    elif isinstance(x, PyDataset):
        kind = "PyDataset"
    elif isinstance(x, (types.GeneratorType,)) or (
        hasattr(x, "__next__") and hasattr(x, "__iter__")
    ):
        kind = "generator"
    else:
        kind = None
    if kind is None:
        leaves = structure.flatten(normalize_structure(x))
        if not all(is_array_leaf(leaf) or _is_numeric_sequence(leaf) for leaf in leaves):
            bad = next(
                leaf for leaf in leaves if not (is_array_leaf(leaf) or _is_numeric_sequence(leaf))
            )
            raise ValueError("Unrecognized data type: x=%r (of type %s)" % (bad, type(bad)))
        return ArrayDataAdapter(x, y, sample_weight, batch_size, shuffle, class_weight, device)
    _reject_with_iterable("y", y, kind)
    _reject_with_iterable("sample_weight", sample_weight, kind)
    if shuffle and kind != "PyDataset":
        what = {
            "tf.data.Dataset": (
                "a tf.data.Dataset. The Dataset is expected to already be shuffled (via "
                "`.shuffle(buffer_size)`)."
            ),
            "generator": "a generator. The generator is expected to yield already-shuffled data.",
            "torch DataLoader": (
                "a torch DataLoader. The DataLoader is expected to already be shuffled."
            ),
        }[kind]
        warnings.warn(
            "`shuffle=True` was passed, but will be ignored since the data `x` was provided as "
            + what,
            stacklevel=4,
        )
    if kind == "tf.data.Dataset":
        return DatasetAdapter(x, class_weight)
    if kind == "torch DataLoader":
        return DataLoaderAdapter(x, class_weight)
    if kind == "PyDataset":
        return PyDatasetAdapter(x, shuffle, class_weight)
    return GeneratorDataAdapter(x, class_weight)


def _is_numeric_sequence(value):
    return isinstance(value, (list, float, int)) and not isinstance(value, bool)
