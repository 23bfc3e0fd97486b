"""Nested element structures of ``tf.data``: tuples, dicts and leaves.

TF treats tuples (named tuples included) and dicts as structure and every
other value (a list included) as one tensor.  These helpers walk, flatten,
rebuild and convert such structures; leaves here are torch storage, wrapped
into Tensors only when an element leaves the pipeline.
"""
from __future__ import annotations

import numpy as np
import torch

from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators, wrap

__all__ = ["map_structure", "flatten", "pack_as", "to_storage", "to_tensors", "to_numpy", "assert_same_structure"]


def _is_namedtuple(value):
    return isinstance(value, tuple) and hasattr(value, "_fields")


def map_structure(fn, *structures):
    """Applies ``fn`` to the leaves of one or more same-shaped structures."""
    first = structures[0]
    if isinstance(first, dict):
        return {key: map_structure(fn, *(s[key] for s in structures)) for key in first}
    if isinstance(first, tuple):
        items = [map_structure(fn, *parts) for parts in zip(*structures)]
        return type(first)(*items) if _is_namedtuple(first) else tuple(items)
    return fn(*structures)


def flatten(structure):
    """The leaves of ``structure`` in TF's order (dict keys sorted)."""
    if isinstance(structure, dict):
        return [leaf for key in sorted(structure) for leaf in flatten(structure[key])]
    if isinstance(structure, tuple):
        return [leaf for item in structure for leaf in flatten(item)]
    return [structure]


def pack_as(structure, leaves):
    """Rebuilds ``structure``'s shape from ``leaves`` (the inverse of :func:`flatten`)."""
    iterator = iter(leaves)

    def build(node):
        if isinstance(node, dict):
            built = {key: build(node[key]) for key in sorted(node)}
            return {key: built[key] for key in node}
        if isinstance(node, tuple):
            items = [build(item) for item in node]
            return type(node)(*items) if _is_namedtuple(node) else tuple(items)
        return next(iterator)

    return build(structure)


def assert_same_structure(a, b):
    """Raises ``ValueError`` (TF's class) when two structures differ in nesting."""
    if isinstance(a, dict) != isinstance(b, dict) or isinstance(a, tuple) != isinstance(b, tuple):
        raise ValueError("The two structures don't have the same nested structure.\n\nFirst structure: %r\n\nSecond structure: %r" % (a, b))
    if isinstance(a, dict):
        if sorted(a) != sorted(b):
            raise ValueError("The two dictionaries don't have the same set of keys. First structure has keys %s, while second structure has keys %s." % (sorted(a), sorted(b)))
        for key in a:
            assert_same_structure(a[key], b[key])
    elif isinstance(a, tuple):
        if len(a) != len(b):
            raise ValueError("The two structures don't have the same sequence length. Input structure has length %d, while shallow structure has length %d." % (len(a), len(b)))
        for x, y in zip(a, b):
            assert_same_structure(x, y)


def _leaf_storage(value):
    if isinstance(value, TensorOperators):
        storage = value._value
        return storage.detach() if isinstance(storage, torch.Tensor) else storage
    if isinstance(value, torch.Tensor):
        return value.detach()
    return convert_to_tensor(value)._value


def to_storage(structure):
    """Converts every leaf to tensor storage (TF's conversion rules)."""
    return map_structure(_leaf_storage, structure)


def to_tensors(structure):
    """Wraps every storage leaf as a Tensor."""
    return map_structure(wrap, structure)


def _leaf_numpy(storage):
    if isinstance(storage, np.ndarray):
        return storage[()] if storage.ndim == 0 else storage.copy()
    array = wrap(storage).numpy()
    return array


def to_numpy(structure):
    """Every storage leaf as NumPy (NumPy scalars for rank 0), as ``as_numpy_iterator`` gives."""
    return map_structure(_leaf_numpy, structure)
