"""``tf.nest``: flatten, rebuild and map nested structures as TensorFlow does.

Structures are lists, tuples, namedtuples, mappings (flattened in sorted-key
order, rebuilt in their own key order) and other ``collections.abc.Sequence``
types except strings; everything else (tensors, NumPy arrays, ``None``, sets)
is a leaf.  ``expand_composites`` is accepted; there are no composite tensors.
"""
from __future__ import annotations

import collections.abc as _abc
from ..api_export import tf_export

__all__ = ["flatten", "map_structure", "pack_sequence_as", "is_nested", "assert_same_structure"]

_STRINGS = (str, bytes, bytearray)


@tf_export("nest.is_nested")
def is_nested(seq):
    """``tf.nest.is_nested``: True for lists, tuples, dicts and other non-string sequences."""
    return isinstance(seq, (_abc.Mapping, _abc.MappingView)) or (isinstance(seq, _abc.Sequence) and not isinstance(seq, _STRINGS))


def _sorted_keys(mapping):
    return sorted(mapping)


def _children(structure):
    if isinstance(structure, _abc.Mapping):
        return [structure[k] for k in _sorted_keys(structure)]
    if isinstance(structure, _abc.MappingView):
        return list(structure)
    return list(structure)


def _flatten_into(structure, out):
    if not is_nested(structure):
        out.append(structure)
        return
    for child in _children(structure):
        _flatten_into(child, out)


@tf_export("nest.flatten")
def flatten(structure, expand_composites=False):
    """``tf.nest.flatten``: the leaves of ``structure`` in TF's order (dict values by sorted key)."""
    out = []
    _flatten_into(structure, out)
    return out


def _is_namedtuple(value):
    return isinstance(value, tuple) and hasattr(type(value), "_fields")


def _sequence_like(instance, values):
    """A structure of ``instance``'s type holding ``values`` (in flatten order)."""
    if isinstance(instance, _abc.Mapping):
        by_key = dict(zip(_sorted_keys(instance), values))
        items = [(k, by_key[k]) for k in instance]
        if isinstance(instance, dict) and type(instance) is not dict:
            if hasattr(instance, "default_factory"):
                return type(instance)(instance.default_factory, items)
            return type(instance)(items)
        if type(instance) is dict:
            return dict(items)
        return type(instance)(items)
    if _is_namedtuple(instance):
        return type(instance)(*values)
    if isinstance(instance, tuple):
        return tuple(values) if type(instance) is tuple else type(instance)(values)
    if isinstance(instance, list):
        return list(values) if type(instance) is list else type(instance)(values)
    if isinstance(instance, _abc.MappingView):
        return list(values)
    try:
        return type(instance)(values)
    except TypeError:
        return list(values)


def _packed(structure, flat, index):
    if not is_nested(structure):
        return flat[index], index + 1
    packed = []
    for child in _children(structure):
        value, index = _packed(child, flat, index)
        packed.append(value)
    return _sequence_like(structure, packed), index


@tf_export("nest.pack_sequence_as")
def pack_sequence_as(structure, flat_sequence, expand_composites=False):
    """``tf.nest.pack_sequence_as``: rebuilds ``structure``'s shape from the leaves in ``flat_sequence``."""
    if not is_nested(flat_sequence):
        raise TypeError("Attempted to pack value:\n  %s\ninto a structure, but found incompatible type `%s` instead."
                        % (flat_sequence, type(flat_sequence)))
    flat = list(flat_sequence)
    if not is_nested(structure):
        if len(flat) != 1:
            raise ValueError("The target structure is of type `%s`\n  %s\nHowever the input is a sequence (%s) of length %d.\n  %s\n"
                             "nest cannot guarantee that it is safe to map one to the other." % (type(structure), structure, type(flat_sequence), len(flat), flat_sequence))
        return flat[0]
    count = len(flatten(structure))
    if count != len(flat):
        raise ValueError("Could not pack sequence. Structure had %d atoms, but flat_sequence had %d items.  Structure: %s, flat_sequence: %s."
                         % (count, len(flat), structure, flat_sequence))
    return _packed(structure, flat, 0)[0]


def _describe(value):
    return "type=%s str=%s" % (type(value).__name__, value)


def _dotted(structure):
    """TF's "Entire structure" text: the structure with every leaf shown as ``.``."""
    marker = _Dot()
    return str(map_structure(lambda _: marker, structure))


class _Dot:
    def __repr__(self):
        return "."


def _same_kind(a, b):
    if isinstance(a, _abc.Mapping) and isinstance(b, _abc.Mapping):
        return True
    if _is_namedtuple(a) and _is_namedtuple(b):
        return type(a).__name__ == type(b).__name__ and type(a)._fields == type(b)._fields
    return type(a) is type(b)


def _compare(a, b, check_types):
    """``None`` when ``a`` and ``b`` have the same structure, else ``(exception class, detail)``."""
    a_nested, b_nested = is_nested(a), is_nested(b)
    if a_nested != b_nested:
        seq, other = (a, b) if a_nested else (b, a)
        return ValueError, 'Substructure "%s" is a sequence, while substructure "%s" is not' % (_describe(seq), _describe(other))
    if not a_nested:
        return None
    if check_types and not _same_kind(a, b):
        return TypeError, ("The two namedtuples don't have the same sequence type. First structure %s has type %s, while second "
                           "structure %s has type %s" % (_describe(a), type(a).__name__, _describe(b), type(b).__name__))
    if isinstance(a, _abc.Mapping) and isinstance(b, _abc.Mapping):
        keys_a, keys_b = _sorted_keys(a), _sorted_keys(b)
        if keys_a != keys_b:
            return ValueError, ("The two dictionaries don't have the same set of keys. First structure has keys %s, while second "
                                "structure has keys %s" % (_describe(keys_a), _describe(keys_b)))
    children_a, children_b = _children(a), _children(b)
    if len(children_a) != len(children_b):
        return ValueError, ("The two structures don't have the same number of elements. First structure: %s. Second structure: %s"
                            % (_describe(a), _describe(b)))
    for child_a, child_b in zip(children_a, children_b):
        problem = _compare(child_a, child_b, check_types)
        if problem is not None:
            return problem
    return None


@tf_export("nest.assert_same_structure")
def assert_same_structure(nest1, nest2, check_types=True, expand_composites=False):
    """``tf.nest.assert_same_structure``: ``ValueError`` (shape of nesting) or ``TypeError``
    (sequence types, with ``check_types``) unless the two structures match."""
    problem = _compare(nest1, nest2, check_types)
    if problem is None:
        return
    kind, detail = problem
    raise kind("The two structures don't have the same nested structure.\n\nFirst structure: %s\n\nSecond structure: %s\n\n"
               "More specifically: %s\nEntire first structure:\n%s\nEntire second structure:\n%s"
               % (_describe(nest1), _describe(nest2), detail, _dotted(nest1), _dotted(nest2)))


@tf_export("nest.map_structure")
def map_structure(func, *structure, **kwargs):
    """``tf.nest.map_structure``: ``func`` applied to the matching leaves of the structures,
    packed like the first one (``check_types=True`` by default)."""
    if not callable(func):
        raise TypeError("func must be callable, got: %s" % (func,))
    if not structure:
        raise ValueError("Must provide at least one structure")
    check_types = kwargs.pop("check_types", True)
    kwargs.pop("expand_composites", None)
    if kwargs:
        raise ValueError("Only valid keyword arguments are `check_types` and `expand_composites`, not: `%s`" % "`, `".join(kwargs))
    for other in structure[1:]:
        assert_same_structure(structure[0], other, check_types=check_types)
    flats = [flatten(s) for s in structure]
    return pack_sequence_as(structure[0], [func(*leaves) for leaves in zip(*flats)])
