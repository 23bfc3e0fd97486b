"""``keras.tree``: Keras 3's tree API over the tf core's one walker (``framework.tree``).

Keras' rules (its optree implementation, used with the TensorFlow backend):
``list``, ``tuple``, namedtuples, ``dict``/``defaultdict`` (values by sorted
key), ``OrderedDict`` (insertion order) and ``deque`` are structure; ``None``,
strings, arrays, subclasses of list and dict and every other value are leaves.
Structure mismatches raise ``ValueError`` with optree's wording.
"""

import warnings

from ..api_export import keras_export as _keras_export
from ..framework import tree as _tree

__all__ = [
    "MAP_TO_NONE",
    "assert_same_paths",
    "assert_same_structure",
    "flatten",
    "flatten_with_path",
    "is_nested",
    "lists_to_tuples",
    "map_shape_structure",
    "map_structure",
    "map_structure_up_to",
    "pack_sequence_as",
    "traverse",
]

_KERAS = _tree.KERAS
MAP_TO_NONE = _keras_export("keras.tree.MAP_TO_NONE")(_tree.MAP_TO_NONE)


@_keras_export("keras.tree.is_nested")
def is_nested(structure):
    """True for a list, tuple, namedtuple, dict, OrderedDict, defaultdict or deque."""
    return bool(_KERAS.kind(structure))


@_keras_export("keras.tree.traverse")
def traverse(func, structure, top_down=True):
    """``func`` on every subtree, depth first (parents first when ``top_down``); a
    non-``None`` result replaces the subtree (``MAP_TO_NONE`` replaces it with ``None``)."""
    return _tree.traverse(func, structure, top_down=top_down, rules=_KERAS)


@_keras_export("keras.tree.flatten")
def flatten(structure):
    """The leaves of ``structure`` (dict values by sorted key, OrderedDict in its order)."""
    return _tree.flatten(structure, _KERAS)


@_keras_export("keras.tree.flatten_with_path")
def flatten_with_path(structure):
    """``(path, leaf)`` pairs; a path is a tuple of indices (namedtuples too) and keys."""
    return _tree.flatten_with_path(structure, _KERAS)


def _check(structures, none_is_leaf=True):
    for other in structures[1:]:
        error = _tree.keras_mismatch(structures[0], other, none_is_leaf)
        if error is not None:
            raise ValueError(error)


@_keras_export("keras.tree.map_structure")
def map_structure(func, *structures, none_is_leaf=True):
    """``func`` over the matching leaves of same-shaped structures, packed like the first.
    With ``none_is_leaf=False``, ``None`` values are kept and not passed to ``func``."""
    if not structures:
        raise ValueError("Must provide at least one structure")
    _check(structures, none_is_leaf)
    if not none_is_leaf:
        inner = func

        def func(*leaves):
            return None if leaves[0] is None else inner(*leaves)

    return _tree.map_structure(func, *structures, rules=_KERAS)


def _check_up_to(shallow, node):
    error = _tree.keras_mismatch(shallow, node, leaves=False)
    if error is not None:
        raise ValueError(error)


@_keras_export("keras.tree.map_structure_up_to")
def map_structure_up_to(shallow_structure, func, *structures):
    """``func`` over the subtrees of ``structures`` at ``shallow_structure``'s leaves.

    As Keras documents it (and its dm-tree implementation does): ``None`` in
    ``shallow_structure`` is a leaf.  (Keras' optree implementation raises for
    ``None`` leaves, against its own docstring.)"""
    if not structures:
        raise ValueError("Must provide at least one structure")
    for node in structures:
        _check_up_to(shallow_structure, node)
    return _tree.map_structure_up_to(shallow_structure, func, *structures, rules=_KERAS)


@_keras_export("keras.tree.assert_same_structure")
def assert_same_structure(a, b, check_types=None):
    """``ValueError`` unless ``a`` and ``b`` nest alike with the same node types (dict,
    OrderedDict and defaultdict match each other).  ``check_types`` is deprecated."""
    if check_types is not None:
        if check_types:
            message = (
                "The `check_types` argument is deprecated and no longer has any effect, "
                "please remove."
            )
        else:
            message = (
                "The `check_types` argument is deprecated and no longer has any effect. "
                "For a looser check, use `keras.tree.assert_same_paths()`, which "
                "considers `list`, `tuple`, `namedtuple` and `deque` as matching"
            )
        warnings.warn(message, DeprecationWarning, stacklevel=2)
    _check((a, b))


@_keras_export("keras.tree.assert_same_paths")
def assert_same_paths(a, b):
    """``ValueError`` unless ``a`` and ``b`` have the same leaf paths (node types ignored)."""
    a_paths = {path for path, _ in _tree.flatten_with_path(a, _KERAS)}
    b_paths = {path for path, _ in _tree.flatten_with_path(b, _KERAS)}
    if a_paths != b_paths:
        msg = "`a` and `b` don't have the same paths."
        a_diff = a_paths.difference(b_paths)
        if a_diff:
            msg += "\nPaths in `a` missing in `b`:\n%s" % (a_diff,)
        b_diff = b_paths.difference(a_paths)
        if b_diff:
            msg += "\nPaths in `b` missing in `a`:\n%s" % (b_diff,)
        raise ValueError(msg)


@_keras_export("keras.tree.pack_sequence_as")
def pack_sequence_as(structure, flat_sequence):
    """``structure`` filled with the leaves of ``flat_sequence`` (any iterable)."""
    try:
        leaves = list(flat_sequence)
    except TypeError:
        raise TypeError("`flat_sequence` must be an iterable, got: %r" % (flat_sequence,)) from None
    try:
        return _tree.pack_sequence_as(structure, leaves, _KERAS)
    except _tree.StructureMismatch as err:
        if err.got < err.expected:
            raise ValueError(
                "Too few leaves for PyTreeSpec; expected: %d, got: %d." % (err.expected, err.got)
            ) from None
        raise ValueError("Too many leaves for PyTreeSpec; expected: %d." % err.expected) from None


@_keras_export("keras.tree.lists_to_tuples")
def lists_to_tuples(structure):
    """``structure`` with every list turned into a tuple."""
    return _tree.lists_to_tuples(structure, _KERAS)


@_keras_export("keras.tree.map_shape_structure")
def map_shape_structure(func, structure):
    """``func`` over the shapes (lists/tuples of ints and ``None``) and other leaves."""
    return _tree.map_shape_structure(func, structure, _KERAS)
