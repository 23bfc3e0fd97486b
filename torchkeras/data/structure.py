"""Nested element structures of ``tf.data``: tuples, dicts and leaves.

TF treats tuples (named tuples included), mappings and other non-list
sequences as structure and every other value (a list included) as one tensor
(the ``DATA`` rules of ``framework.tree``).  These helpers walk, flatten,
rebuild and convert such structures; leaves here are torch storage, wrapped
into Tensors only when an element leaves the pipeline.
"""

from __future__ import annotations

import numpy as np
import torch

from ..framework import tree as _tree
from ..framework.composite_tensor import CompositeTensor
from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators, wrap

__all__ = [
    "map_structure",
    "flatten",
    "pack_as",
    "to_storage",
    "to_tensors",
    "to_numpy",
    "assert_same_structure",
]


# Leaves the fast paths below recognise: a plain tuple of these is flat.
_LEAVES = (torch.Tensor, np.ndarray, TensorOperators)


def is_flat(structure):
    """True for a plain tuple of tensors (the common element; no tree walk needed)."""
    return type(structure) is tuple and all(isinstance(v, _LEAVES) for v in structure)


def map_structure(fn, *structures):
    """Applies ``fn`` to the leaves of one or more same-shaped structures."""
    if len(structures) == 1:
        first = structures[0]
        if isinstance(first, _LEAVES):
            return fn(first)
        if is_flat(first):
            return tuple([fn(v) for v in first])
    return _tree.map_structure(fn, *structures, rules=_tree.DATA)


def flatten(structure):
    """The leaves of ``structure`` in TF's order (dict keys sorted, lists are leaves)."""
    if isinstance(structure, _LEAVES):
        return [structure]
    if is_flat(structure):
        return list(structure)
    return _tree.flatten(structure, _tree.DATA)


def pack_as(structure, leaves):
    """Rebuilds ``structure``'s shape from ``leaves`` (the inverse of :func:`flatten`)."""
    if not (_tree.DATA.kind(leaves) or isinstance(leaves, list)):
        raise TypeError(
            "Argument `flat_sequence` must be a sequence. Got '%s'." % type(leaves).__name__
        )
    if not _tree.DATA.kind(structure) and len(leaves) != 1:
        raise ValueError(
            "Argument `structure` is a scalar but `len(flat_sequence)`=%d > 1" % len(leaves)
        )
    try:
        return _tree.pack_sequence_as(structure, leaves, _tree.DATA)
    except _tree.StructureMismatch as err:
        raise ValueError(
            "Could not pack sequence. Argument `structure` had %d elements, but "
            "argument `flat_sequence` had %d elements. Received structure: %s, "
            "flat_sequence: %s." % (err.expected, err.got, structure, leaves)
        ) from None


def assert_same_structure(a, b, check_types=True):
    """tf.data's structure check: TF's ``ValueError``/``TypeError`` and message."""
    problem = _tree.mismatch(a, b, check_types, _tree.DATA)
    if problem is not None:
        kind, detail = problem
        raise kind(
            "The two structures don't have the same nested structure.\n\nFirst "
            "structure: %s\n\nSecond structure: %s\n\nMore specifically: %s"
            % (_tree.describe(a), _tree.describe(b), detail)
        )


def _leaf_storage(value):
    if isinstance(value, CompositeTensor):
        return value
    if isinstance(value, TensorOperators):
        storage = value._value
        return storage.detach() if isinstance(storage, torch.Tensor) else storage
    if isinstance(value, torch.Tensor):
        return value.detach()
    if getattr(type(value), "_is_dataset", False) or isinstance(value, CompositeTensor):
        return value
    return convert_to_tensor(value)._value


def to_storage(structure):
    """Converts every leaf to tensor storage (TF's conversion rules)."""
    return map_structure(_leaf_storage, structure)


def _leaf_tensor(value):
    return wrap(value) if isinstance(value, (torch.Tensor, np.ndarray)) else value


def to_tensors(structure):
    """Wraps every storage leaf as a Tensor (Dataset leaves, ``window``'s, stay)."""
    if type(structure) is torch.Tensor:
        return wrap(structure)
    return map_structure(_leaf_tensor, structure)


def _leaf_numpy(storage):
    if getattr(type(storage), "_is_dataset", False):
        raise TypeError(
            "`tf.data.Dataset.as_numpy_iterator()` is not supported for datasets that produce "
            "values of type <class 'tensorflow.python.data.ops.dataset_ops.DatasetV2'>"
        )
    if isinstance(storage, np.ndarray):
        return storage[()] if storage.ndim == 0 else storage.copy()
    if isinstance(storage, CompositeTensor):
        return storage.numpy() if hasattr(storage, "numpy") else _dense_numpy(storage)
    array = wrap(storage).numpy()
    return array


def _dense_numpy(value):
    from .ops.sparse_elements import dense_numpy

    return dense_numpy(value)


def to_numpy(structure):
    """Every storage leaf as NumPy (NumPy scalars for rank 0), as ``as_numpy_iterator`` gives."""
    return map_structure(_leaf_numpy, structure)
