"""Helpers shared by the data adapters: unpacking batches, conversion, splits."""

from __future__ import annotations

import math

import numpy as np
import torch

from ...data import structure
from ...framework import tree as _tree
from ...framework.device import device as _device_scope
from ...framework.tensor import TensorOperators
from ...api_export import keras_export

__all__ = [
    "unpack_x_y_sample_weight",
    "pack_x_y_sample_weight",
    "to_storage_tree",
    "is_array_leaf",
    "train_validation_split",
    "class_weight_to_sample_weights",
    "normalize_structure",
    "batch_size_of",
]


@keras_export("keras.utils.unpack_x_y_sample_weight")
def unpack_x_y_sample_weight(data):
    """Keras' rule: a tuple/list of 1, 2 or 3 items is ``(x, y, sample_weight)``; anything else
    is ``x``."""
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple) or hasattr(data, "_fields"):
        return data, None, None
    if len(data) == 1:
        return data[0], None, None
    if len(data) == 2:
        return data[0], data[1], None
    if len(data) == 3:
        return data[0], data[1], data[2]
    raise ValueError(
        "Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`, "
        "found: %s" % (data,)
    )


@keras_export("keras.utils.pack_x_y_sample_weight")
def pack_x_y_sample_weight(x, y=None, sample_weight=None):
    """The inverse of :func:`unpack_x_y_sample_weight` (``keras.utils.pack_x_y_sample_weight``)."""
    if y is None:
        return (x,) if isinstance(x, (tuple, list)) else x
    if sample_weight is None:
        return x, y
    return x, y, sample_weight


def is_array_leaf(value):
    """Whether ``value`` is one array-like input (NumPy, Tensor, Variable, torch tensor)."""
    return isinstance(value, (np.ndarray, TensorOperators, torch.Tensor))


def normalize_structure(value):
    """Lists become tuples, so model inputs keep one structure type (namedtuples are kept whole)."""
    return _tree.lists_to_tuples(value, _tree.KERAS, is_leaf=_tree.is_namedtuple)


def _leaf(value, cast_float64):
    if isinstance(value, TensorOperators):
        storage = value._value
    elif isinstance(value, torch.Tensor):
        storage = value.detach()
    elif isinstance(value, np.ndarray) and value.dtype.kind in "biuf" and value.dtype != np.float16:
        # torch cannot share a read-only array (``np.asarray(tensor)`` is one, as in TF): copy it.
        array = np.ascontiguousarray(value) if value.flags.writeable else np.array(value)
        storage = torch.from_numpy(array)
    else:
        with _device_scope("/CPU:0"):
            from ...framework.convert import to_torch

            storage = to_torch(np.asarray(value) if not np.isscalar(value) else value)
    if cast_float64 and isinstance(storage, torch.Tensor) and storage.dtype == torch.float64:
        storage = storage.float()
    return storage


def to_storage_tree(value, cast_float64=True):
    """Converts every leaf of a (tuple/dict) structure to torch storage; ``None`` stays ``None``.

    float64 becomes float32 (Keras' ``floatx``), as Keras' array adapter does.
    """
    if value is None:
        return None
    return structure.map_structure(
        lambda leaf: None if leaf is None else _leaf(leaf, cast_float64), normalize_structure(value)
    )


def batch_size_of(tree):
    """The first dimension of the first leaf."""
    for leaf in structure.flatten(tree):
        if leaf is not None:
            return leaf.shape[0]
    return 0


def train_validation_split(arrays, validation_split):
    """Splits array structures at ``floor(n * (1 - validation_split))``: the tail validates (no
    shuffling)."""
    leaves = [leaf for leaf in structure.flatten(arrays) if leaf is not None]
    for leaf in leaves:
        if not is_array_leaf(leaf):
            raise ValueError(
                "Argument `validation_split` is only supported for tensors or NumPy arrays.Found "
                "incompatible type in the input: %s"
                % ([type(leaf) for leaf in leaves if not is_array_leaf(leaf)],)
            )
    total = leaves[0].shape[0]
    split_at = int(math.floor(total * (1.0 - validation_split)))
    if split_at == 0 or split_at == total:
        raise ValueError(
            "Training data contains %d samples, which is not sufficient to split it into a "
            "validation and training set as specified by `validation_split=%s`. Either provide "
            "more data, or a different value for the `validation_split` argument."
            % (total, validation_split)
        )

    def part(start, stop):
        return structure.map_structure(
            lambda leaf: None if leaf is None else leaf[start:stop], arrays
        )

    return part(0, split_at), part(split_at, total)


def class_weight_to_sample_weights(class_weight, y):
    """Per-sample weights from ``class_weight`` (``{class_index: weight}``) and targets ``y``."""
    if isinstance(y, (tuple, dict)):
        raise ValueError("`class_weight` is only supported for Models with a single output.")
    size = max(int(k) for k in class_weight) + 1
    table = torch.ones(size, dtype=torch.float32, device=y.device)
    for key, value in class_weight.items():
        table[int(key)] = float(value)
    if y.ndim > 1 and y.shape[-1] > 1:
        index = y.argmax(dim=-1)
    else:
        index = (
            torch.round(y.reshape(y.shape[0], -1)[:, 0].float()).long()
            if y.ndim > 1
            else torch.round(y.float()).long()
        )
    return table[index.clamp(0, size - 1)]
