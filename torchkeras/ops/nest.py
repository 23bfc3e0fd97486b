"""``tf.nest``: TF's public signatures and error messages over the one tree walker.

The walking itself is ``torchkeras.framework.tree`` with its ``NEST`` rules
(mappings by sorted key, namedtuples, attrs classes, mapping views, non-string
sequences).  With ``expand_composites`` a composite tensor (``tf.RaggedTensor``,
``tf.SparseTensor``) is walked as the list of its component tensors, as TF does; by
default composites are leaves.
"""

from __future__ import annotations

from ..api_export import tf_export
from ..framework import tree as _tree
from ..framework.composite_tensor import CompositeTensor

__all__ = ["flatten", "map_structure", "pack_sequence_as", "is_nested", "assert_same_structure"]


@tf_export("nest.is_nested")
def is_nested(seq):
    """``tf.nest.is_nested``: True for lists, tuples, dicts and other non-string sequences."""
    return bool(_tree.NEST.kind(seq))


@tf_export("nest.flatten")
def flatten(structure, expand_composites=False):
    """``tf.nest.flatten``: the leaves of ``structure`` in TF's order (dict values by
    sorted key)."""
    flat = _tree.flatten(structure, _tree.NEST)
    if expand_composites:
        return [c for leaf in flat for c in _components(leaf)]
    return flat


def _components(leaf):
    """The component tensors of a composite ``leaf`` (``[leaf]`` for anything else)."""
    if not isinstance(leaf, CompositeTensor):
        return [leaf]
    if hasattr(leaf, "_components"):
        return leaf._components()
    return [leaf.indices, leaf.values, leaf.dense_shape]


def _from_components(leaf, components):
    if hasattr(leaf, "_from_components"):
        return leaf._from_components(components)
    return type(leaf)(*components)


def _pack_composites(structure, flat_sequence):
    """``flat_sequence`` (components) regrouped into one item per leaf of ``structure``."""
    items = []
    position = 0
    for leaf in _tree.flatten(structure, _tree.NEST):
        if isinstance(leaf, CompositeTensor):
            count = len(_components(leaf))
            items.append(_from_components(leaf, list(flat_sequence[position : position + count])))
            position += count
        else:
            items.append(flat_sequence[position])
            position += 1
    return items


def _truncate(value, length=100):
    text = str(value)
    return text[:length] + (text[length:] and "...")


@tf_export("nest.pack_sequence_as")
def pack_sequence_as(structure, flat_sequence, expand_composites=False):
    """``tf.nest.pack_sequence_as``: rebuilds ``structure``'s shape from the leaves in
    ``flat_sequence``."""
    if expand_composites and _tree.NEST.kind(flat_sequence):
        expected = len(flatten(structure, expand_composites=True))
        if len(flat_sequence) == expected:
            flat_sequence = _pack_composites(structure, list(flat_sequence))
    if not _tree.NEST.kind(flat_sequence):
        raise TypeError(
            "Attempted to pack value:\n  %s\ninto a structure, but found "
            "incompatible type `%s` instead." % (_truncate(flat_sequence), type(flat_sequence))
        )
    if not _tree.NEST.kind(structure):
        if len(flat_sequence) != 1:
            raise ValueError(
                "The target structure is of type `%s`\n  %s\nHowever the input is "
                "a sequence (%s) of length %d.\n  %s\nnest cannot guarantee that "
                "it is safe to map one to the other."
                % (
                    type(structure),
                    _truncate(structure),
                    type(flat_sequence),
                    len(flat_sequence),
                    _truncate(flat_sequence),
                )
            )
        return flat_sequence[0]
    try:
        return _tree.pack_sequence_as(structure, flat_sequence, _tree.NEST)
    except _tree.StructureMismatch as err:
        raise ValueError(
            "Could not pack sequence. Structure had %d atoms, but flat_sequence had "
            "%d items.  Structure: %s, flat_sequence: %s."
            % (err.expected, err.got, structure, flat_sequence)
        ) from None


class _Dot:
    __slots__ = ()

    def __repr__(self):
        return "."

    __str__ = __repr__


_DOT = _Dot()


@tf_export("nest.assert_same_structure")
def assert_same_structure(nest1, nest2, check_types=True, expand_composites=False):
    """``tf.nest.assert_same_structure``: ``ValueError`` (shape of nesting) or ``TypeError``
    (sequence types, with ``check_types``) unless the two structures match."""
    problem = _tree.mismatch(nest1, nest2, bool(check_types), _tree.NEST)
    if problem is None:
        return
    kind, detail = problem
    dots1 = _tree.map_structure(lambda _: _DOT, nest1, rules=_tree.NEST)
    dots2 = _tree.map_structure(lambda _: _DOT, nest2, rules=_tree.NEST)
    raise kind(
        "The two structures don't have the same nested structure.\n\nFirst structure: "
        "%s\n\nSecond structure: %s\n\nMore specifically: %s\nEntire first structure:\n%s"
        "\nEntire second structure:\n%s"
        % (_tree.describe(nest1), _tree.describe(nest2), detail, dots1, dots2)
    )


@tf_export("nest.map_structure")
def map_structure(func, *structure, **kwargs):
    """``tf.nest.map_structure``: ``func`` applied to the matching leaves of the structures,
    packed like the first one (``check_types=True`` by default)."""
    if not callable(func):
        raise TypeError("func must be callable, got: %s" % (func,))
    if not structure:
        raise ValueError("Must provide at least one structure")
    check_types = kwargs.pop("check_types", True)
    expand_composites = kwargs.pop("expand_composites", False)
    if kwargs:
        raise ValueError(
            "Only valid keyword arguments are `check_types` and "
            "`expand_composites`, not: `%s`" % "`, `".join(kwargs)
        )
    for other in structure[1:]:
        assert_same_structure(structure[0], other, check_types=check_types)
    if expand_composites:
        flats = [flatten(s, expand_composites=True) for s in structure]
        results = [func(*leaves) for leaves in zip(*flats)]
        return pack_sequence_as(structure[0], results, expand_composites=True)
    return _tree.map_structure(func, *structure, rules=_tree.NEST)
