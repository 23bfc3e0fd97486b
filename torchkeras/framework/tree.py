"""The one walker over nested structures (``tf.nest``, ``tf.data``, ``keras.tree``).

A *rule set* decides which values are structure (nodes) and which are leaves:

- ``NEST`` (``tf.nest``): every ``collections.abc.Mapping`` (values by sorted
  key, rebuilt in the mapping's own key order), ``MappingView``, namedtuple,
  ``attrs`` class, list, tuple and any other non-string ``Sequence``
  (``str`` and ``bytes`` are leaves; ``bytearray`` is a sequence, as in TF).
- ``DATA`` (``tf.data``): as ``NEST``, except that lists are leaves (tf.data
  converts a list to one tensor).
- ``KERAS`` (``keras.tree``, Keras' optree rules): only ``list``, ``tuple``,
  namedtuples, struct sequences, ``dict`` and ``defaultdict`` (sorted keys),
  ``OrderedDict`` (insertion order) and ``deque``; subclasses of list and dict,
  other sequences and mappings are leaves.

Everything else (tensors, NumPy arrays, ``None``, sets, strings) is a leaf.
Each rule set caches its decision per type, so the hot walks (``fit``'s batches,
``tf.function`` arguments) cost one dict lookup per value (a class registered
with ``collections.abc.Sequence`` after its first walk keeps its first kind).  The tf core owns this
module; ``torchkeras.ops.nest`` and ``keras.tree`` are thin layers with TF's and
Keras' signatures and error messages.
"""

from __future__ import annotations

import collections
import collections.abc as _abc

__all__ = [
    "NEST",
    "DATA",
    "KERAS",
    "MAP_TO_NONE",
    "is_nested",
    "flatten",
    "flatten_with_path",
    "pack_sequence_as",
    "map_structure",
    "map_structure_up_to",
    "traverse",
    "lists_to_tuples",
    "map_shape_structure",
    "StructureMismatch",
    "mismatch",
    "leaf_count",
    "keras_mismatch",
    "describe",
    "is_namedtuple",
]

# Node kinds (0 is a leaf, so ``if kind`` tests "nested").
_LEAF, _LIST, _TUPLE, _NAMEDTUPLE, _MAPPING, _KDICT, _ODICT = 0, 1, 2, 3, 4, 5, 6
_VIEW, _ATTRS, _RANGE, _SEQUENCE, _DEQUE = 7, 8, 9, 10, 11


def _is_namedtuple_type(cls):
    fields = getattr(cls, "_fields", None)
    return (
        issubclass(cls, tuple)
        and isinstance(fields, tuple)
        and all(isinstance(f, str) for f in fields)
    )


def _nest_kind(cls):
    if issubclass(cls, (str, bytes)):
        return _LEAF
    if issubclass(cls, _abc.Mapping):
        return _MAPPING
    if issubclass(cls, _abc.MappingView):
        return _VIEW
    if hasattr(cls, "__attrs_attrs__"):
        return _ATTRS
    if issubclass(cls, list):
        return _LIST
    if issubclass(cls, tuple):
        return _NAMEDTUPLE if _is_namedtuple_type(cls) else _TUPLE
    if issubclass(cls, range):
        return _RANGE
    if issubclass(cls, _abc.Sequence):
        return _SEQUENCE
    return _LEAF


def _data_kind(cls):
    return _LEAF if issubclass(cls, list) else _nest_kind(cls)


_KERAS_EXACT = {
    list: _LIST,
    tuple: _TUPLE,
    dict: _KDICT,
    collections.defaultdict: _KDICT,
    collections.OrderedDict: _ODICT,
    collections.deque: _DEQUE,
}


def _keras_kind(cls):
    kind = _KERAS_EXACT.get(cls)
    if kind is not None:
        return kind
    if _is_namedtuple_type(cls):
        return _NAMEDTUPLE
    if issubclass(cls, tuple) and hasattr(cls, "n_sequence_fields"):
        return _TUPLE  # a struct sequence (os.stat_result, torch.return_types.max)
    return _LEAF


class Rules:
    """One rule set: which types are nodes, and how paths name their children."""

    __slots__ = ("name", "kinds", "_classify", "field_paths")

    def __init__(self, name, classify, field_paths):
        self.name = name
        self.kinds = {
            type(None): _LEAF,
            int: _LEAF,
            float: _LEAF,
            bool: _LEAF,
            str: _LEAF,
            list: classify(list),
            tuple: _TUPLE,
            dict: classify(dict),
        }
        self._classify = classify
        self.field_paths = field_paths

    def kind(self, value):
        """The node kind of ``value`` (0 for a leaf)."""
        cls = type(value)
        kind = self.kinds.get(cls)
        if kind is None:
            kind = self.kinds[cls] = self._classify(cls)
        return kind

    def __repr__(self):
        return "<tree rules %s>" % self.name


NEST = Rules("nest", _nest_kind, field_paths=True)
DATA = Rules("data", _data_kind, field_paths=True)
KERAS = Rules("keras", _keras_kind, field_paths=False)


class MAP_TO_NONE:
    """Returned by a ``traverse`` function to replace a subtree with ``None``."""


def _sorted_keys(mapping, rules):
    if rules is KERAS:
        try:
            return sorted(mapping)
        except TypeError:
            return list(mapping)
    return sorted(mapping)


def _children(value, kind, rules):
    """The children of a node, in flatten order."""
    if kind == _MAPPING or kind == _KDICT:
        return [value[k] for k in _sorted_keys(value, rules)]
    if kind == _ODICT:
        return list(value.values())
    if kind == _ATTRS:
        return [getattr(value, a.name) for a in type(value).__attrs_attrs__]
    return value


def _child_keys(value, kind, rules):
    """The path entries naming a node's children, in flatten order."""
    if kind == _MAPPING or kind == _KDICT:
        return _sorted_keys(value, rules)
    if kind == _ODICT:
        return list(value)
    if kind == _ATTRS:
        return [a.name for a in type(value).__attrs_attrs__]
    if kind == _NAMEDTUPLE and rules.field_paths:
        return list(value._fields)
    return range(len(value))


def _rebuild(value, kind, items):
    """A node like ``value`` holding ``items`` (a list, in flatten order)."""
    cls = type(value)
    if kind == _LIST:
        return items if cls is list else cls(items)
    if kind == _TUPLE:
        return tuple(items) if cls is tuple else cls(items)
    if kind == _NAMEDTUPLE or kind == _ATTRS:
        return cls(*items)
    if kind == _MAPPING:
        by_key = dict(zip(sorted(value), items))
        if cls is dict:
            return {k: by_key[k] for k in value}
        if isinstance(value, _abc.MutableMapping):
            out = (
                collections.defaultdict(value.default_factory)
                if cls is collections.defaultdict
                else cls()
            )
            for k in value:
                out[k] = by_key[k]
            return out
        return cls((k, by_key[k]) for k in value)
    if kind == _KDICT:
        by_key = dict(zip(_sorted_keys(value, KERAS), items))
        if cls is dict:
            return {k: by_key[k] for k in value}
        return collections.defaultdict(value.default_factory, [(k, by_key[k]) for k in value])
    if kind == _ODICT:
        return collections.OrderedDict(zip(value, items))
    if kind == _VIEW or kind == _RANGE:
        return list(items)
    if kind == _DEQUE:
        return collections.deque(items, maxlen=value.maxlen)
    return cls(items)


def is_nested(structure, rules=NEST):
    """True when ``structure`` is a node (not a leaf) under ``rules``."""
    return bool(rules.kind(structure))


def _top_kind(value, rules, is_leaf):
    if is_leaf is not None and is_leaf(value):
        return _LEAF
    return rules.kind(value)


def _flatten_into(value, kind, rules, out, is_leaf):
    kinds = rules.kinds
    append = out.append
    for child in _children(value, kind, rules):
        child_kind = kinds.get(type(child))
        if child_kind == 0:
            append(child)
            continue
        if child_kind is None:
            child_kind = rules.kind(child)
        if child_kind and (is_leaf is None or not is_leaf(child)):
            _flatten_into(child, child_kind, rules, out, is_leaf)
        else:
            append(child)


def flatten(structure, rules=NEST, is_leaf=None):
    """The leaves of ``structure`` in order (mapping values by sorted key).  ``is_leaf``
    (optional) marks further values as leaves."""
    kind = rules.kinds.get(type(structure))
    if kind is None:
        kind = rules.kind(structure)
    if not kind or (is_leaf is not None and is_leaf(structure)):
        return [structure]
    out = []
    _flatten_into(structure, kind, rules, out, is_leaf)
    return out


def leaf_count(structure, rules=NEST, is_leaf=None):
    """How many leaves ``structure`` has."""
    return len(flatten(structure, rules, is_leaf))


def _paths_into(value, kind, rules, prefix, out, is_leaf):
    for key, child in zip(_child_keys(value, kind, rules), _children(value, kind, rules)):
        child_kind = _top_kind(child, rules, is_leaf)
        if child_kind:
            _paths_into(child, child_kind, rules, prefix + (key,), out, is_leaf)
        else:
            out.append((prefix + (key,), child))


def flatten_with_path(structure, rules=NEST, is_leaf=None):
    """``(path, leaf)`` pairs in flatten order; a path is a tuple of keys and indices
    (namedtuple and attrs fields by name under the tf rules, by index under Keras')."""
    kind = _top_kind(structure, rules, is_leaf)
    if not kind:
        return [((), structure)]
    out = []
    _paths_into(structure, kind, rules, (), out, is_leaf)
    return out


class _TooFew(Exception):  # noqa: N818
    pass


def _node_children(value, kind, rules):
    """``(children, sorted keys or None)`` of a node; the keys let a dict be rebuilt
    without sorting twice."""
    if kind == _MAPPING or kind == _KDICT:
        keys = _sorted_keys(value, rules)
        return [value[k] for k in keys], keys
    return _children(value, kind, rules), None


def _rebuild_node(value, kind, items, keys):
    """:func:`_rebuild`, with the plain list, tuple and dict cases first."""
    cls = type(value)
    if cls is list:
        return items
    if cls is tuple:
        return tuple(items)
    if cls is dict:
        by_key = dict(zip(keys, items))
        return {k: by_key[k] for k in value}
    return _rebuild(value, kind, items)


def _pack(value, kind, rules, leaves, is_leaf):
    """The node ``value`` rebuilt with its leaves taken in order from the iterator ``leaves``;
    :class:`_TooFew` when it runs out."""

    def take(_leaf):
        try:
            return next(leaves)
        except StopIteration:
            raise _TooFew from None

    return _map_node(take, value, kind, rules, is_leaf)


class StructureMismatch(Exception):  # noqa: N818
    """Raised by :func:`pack_sequence_as` when the leaf count differs; the public
    layers turn it into their own error text.  ``expected``/``got`` are counts."""

    def __init__(self, expected, got):
        super().__init__(expected, got)
        self.expected, self.got = expected, got


def pack_sequence_as(structure, flat_sequence, rules=NEST, is_leaf=None):
    """``structure``'s nesting filled with the leaves of ``flat_sequence`` (a sequence),
    raising :class:`StructureMismatch` on a count mismatch."""
    kind = _top_kind(structure, rules, is_leaf)
    if not kind:
        if len(flat_sequence) != 1:
            raise StructureMismatch(1, len(flat_sequence))
        return flat_sequence[0]
    leaves = iter(flat_sequence)
    try:
        packed = _pack(structure, kind, rules, leaves, is_leaf)
    except _TooFew:
        raise StructureMismatch(leaf_count(structure, rules, is_leaf), len(flat_sequence)) from None
    for _ in leaves:
        raise StructureMismatch(leaf_count(structure, rules, is_leaf), len(flat_sequence))
    return packed


def _map_node(func, value, kind, rules, is_leaf):
    """``func`` over the leaves under the node ``value``, rebuilt like it."""
    kinds = rules.kinds
    items = []
    append = items.append
    children, keys = _node_children(value, kind, rules)
    for child in children:
        child_kind = kinds.get(type(child))
        if child_kind == 0:
            append(func(child))
            continue
        if child_kind is None:
            child_kind = rules.kind(child)
        if child_kind and (is_leaf is None or not is_leaf(child)):
            append(_map_node(func, child, child_kind, rules, is_leaf))
        else:
            append(func(child))
    return _rebuild_node(value, kind, items, keys)


def map_structure(func, *structures, rules=NEST, is_leaf=None):
    """``func`` over the matching leaves, packed like the first structure.  The
    structures' nesting is not checked here (the public layers check it first)."""
    if len(structures) == 1:
        value = structures[0]
        kind = rules.kinds.get(type(value))
        if kind is None:
            kind = rules.kind(value)
        if not kind or (is_leaf is not None and is_leaf(value)):
            return func(value)
        return _map_node(func, value, kind, rules, is_leaf)
    flats = [flatten(s, rules, is_leaf) for s in structures]
    return pack_sequence_as(
        structures[0], [func(*leaves) for leaves in zip(*flats)], rules, is_leaf
    )


def map_structure_up_to(shallow, func, *structures, rules=NEST, check=None, is_leaf=None):
    """``func`` over the subtrees of ``structures`` found at ``shallow``'s leaves,
    packed like ``shallow``.  ``check(shallow_node, node)`` may raise on a node of
    the inputs that does not match ``shallow``'s node; without it, children are
    paired by key (mappings) or position (``zip``)."""
    kind = _top_kind(shallow, rules, is_leaf)
    if not kind:
        return func(*structures)
    if check is not None:
        for s in structures:
            check(shallow, s)
    children = _children(shallow, kind, rules)
    if kind in (_MAPPING, _KDICT, _ODICT):
        columns = [[s[k] for k in _child_keys(shallow, kind, rules)] for s in structures]
    else:
        columns = [_children(s, rules.kind(s), rules) for s in structures]
    items = [
        map_structure_up_to(child, func, *parts, rules=rules, check=check, is_leaf=is_leaf)
        for child, *parts in zip(children, *columns)
    ]
    return _rebuild(shallow, kind, items)


def traverse(func, structure, top_down=True, rules=KERAS, is_leaf=None):
    """Keras' ``tree.traverse``: ``func`` on every subtree, depth first.  Top down, a
    non-``None`` result replaces the subtree and stops the descent; bottom up, it
    replaces the (already traversed) subtree.  ``MAP_TO_NONE`` stands for ``None``."""

    def traverse_children():
        kind = _top_kind(structure, rules, is_leaf)
        if not kind:
            return structure
        return _rebuild(
            structure,
            kind,
            [
                traverse(func, child, top_down, rules, is_leaf)
                for child in _children(structure, kind, rules)
            ],
        )

    if top_down:
        result = func(structure)
        if result is None:
            return traverse_children()
    else:
        traversed = traverse_children()
        result = func(traversed)
        if result is None:
            return traversed
    return None if result is MAP_TO_NONE else result


def _list_to_tuple(node):
    return tuple(node) if isinstance(node, list) else None


def lists_to_tuples(structure, rules=KERAS, is_leaf=None):
    """``structure`` with every list turned into a tuple."""
    return traverse(_list_to_tuple, structure, top_down=False, rules=rules, is_leaf=is_leaf)


def is_namedtuple(value):
    """True for an instance of a ``collections.namedtuple`` (or ``typing.NamedTuple``) class."""
    return _is_namedtuple_type(type(value))


def _is_shape(value):
    return isinstance(value, (list, tuple)) and all(isinstance(d, (int, type(None))) for d in value)


def map_shape_structure(func, structure, rules=KERAS):
    """``func`` over the shapes (lists or tuples of ints and ``None``) and other leaves."""
    if _is_shape(structure):
        return func(structure)
    kind = rules.kind(structure)
    if not kind:
        return func(structure)
    return _rebuild(
        structure,
        kind,
        [map_shape_structure(func, child, rules) for child in _children(structure, kind, rules)],
    )


# TF's Python class names for torchkeras' tensor classes, as TF's messages print them.
_TF_CLASS_NAMES = {"Tensor": "EagerTensor", "Variable": "ResourceVariable"}


def describe(value):
    cls = type(value)
    name = cls.__name__
    if cls.__module__.startswith("torchkeras.framework."):
        name = _TF_CLASS_NAMES.get(name, name)
    return "type=%s str=%s" % (name, value)


def _same_sequence_type(a, b, kind_a, kind_b):
    cls_a, cls_b = type(a), type(b)
    if cls_a is cls_b:
        return True
    if kind_a == _NAMEDTUPLE and kind_b == _NAMEDTUPLE:
        return cls_a.__name__ == cls_b.__name__ and cls_a._fields == cls_b._fields
    if isinstance(a, list) and isinstance(b, list):
        return True
    return kind_a == _MAPPING and kind_b == _MAPPING


def mismatch(a, b, check_types=True, rules=NEST):
    """``None`` when ``a`` and ``b`` nest alike, else ``(exception class, detail)``
    worded as TF's ``AssertSameStructure`` words it."""
    kind_a, kind_b = rules.kind(a), rules.kind(b)
    if bool(kind_a) != bool(kind_b):
        seq, other = (a, b) if kind_a else (b, a)
        return ValueError, 'Substructure "%s" is a sequence, while substructure "%s" is not' % (
            describe(seq),
            describe(other),
        )
    if not kind_a:
        return None
    if check_types:
        if not _same_sequence_type(a, b, kind_a, kind_b):
            return TypeError, (
                "The two namedtuples don't have the same sequence type. First structure %s has "
                "type %s, while second structure %s has type %s"
                % (describe(a), type(a).__name__, describe(b), type(b).__name__)
            )
        if kind_a == _MAPPING and set(a) != set(b):
            return ValueError, (
                "The two dictionaries don't have the same set of keys. First structure has keys "
                "%s, while second structure has keys %s"
                % (describe(_sorted_keys(a, rules)), describe(_sorted_keys(b, rules)))
            )
    children_a = list(_children(a, kind_a, rules))
    children_b = list(_children(b, kind_b, rules))
    # TF walks the paired children first and compares the counts after them.
    for child_a, child_b in zip(children_a, children_b):
        problem = mismatch(child_a, child_b, check_types, rules)
        if problem is not None:
            return problem
    if len(children_a) != len(children_b):
        return ValueError, (
            "The two structures don't have the same number of elements. First structure: %s. "
            "Second structure: %s" % (describe(a), describe(b))
        )
    return None


_OPTREE_NAMES = {
    _LIST: "list",
    _TUPLE: "tuple",
    _DEQUE: "collections.deque",
    _NAMEDTUPLE: "collections.namedtuple",
    _KDICT: "dict, collections.OrderedDict, or collections.defaultdict",
}
_OPTREE_NAMES[_ODICT] = _OPTREE_NAMES[_KDICT]
_ARITY_NAMES = {_LIST: "list", _TUPLE: "tuple", _DEQUE: "deque"}


def _optree_node_error(a, b, none_is_leaf):
    """optree's error text for the first node of ``a`` that ``b`` does not match."""
    if a is None and not none_is_leaf:
        return None if b is None else "Expected None, got %r." % (b,)
    kind = KERAS.kind(a)
    if not kind:
        return None
    kind_b = KERAS.kind(b)
    dicts = (_KDICT, _ODICT)
    if not (kind == kind_b or (kind in dicts and kind_b in dicts)) or (
        kind != _NAMEDTUPLE and kind not in dicts and type(a) is not type(b)
    ):
        return "Expected an instance of %s, got %r." % (_OPTREE_NAMES[kind], b)
    if kind == _NAMEDTUPLE and type(a) is not type(b):
        return "namedtuple type mismatch; expected type: %r, got type: %r; tuple: %r." % (
            type(a),
            type(b),
            b,
        )
    if kind in dicts:
        keys_a, keys_b = _sorted_keys(a, KERAS), _sorted_keys(b, KERAS)
        if set(keys_a) != set(keys_b):
            text = "dictionary key mismatch; expected key(s): %s, got key(s): %s" % (keys_a, keys_b)
            missing = [k for k in keys_a if k not in b]
            extra = [k for k in keys_b if k not in a]
            if missing:
                text += ", missing key(s): %s" % (missing,)
            if extra:
                text += ", extra key(s): %s" % (extra,)
            return text + "; dict: %r." % (b,)
        pairs = [(a[k], b[k]) for k in keys_a]
    else:
        if len(a) != len(b):
            return "%s arity mismatch; expected: %d, got: %d; %s: %r." % (
                _ARITY_NAMES.get(kind, "tuple"),
                len(a),
                len(b),
                _ARITY_NAMES.get(kind, "tuple"),
                b,
            )
        pairs = zip(a, b)
    for child_a, child_b in pairs:
        error = _optree_node_error(child_a, child_b, none_is_leaf)
        if error is not None:
            return error
    return None


def _leaf_pairs(a, b, none_is_leaf, out):
    if a is None and not none_is_leaf:
        return
    kind = KERAS.kind(a)
    if not kind:
        out.append((a, b))
        return
    if kind in (_KDICT, _ODICT):
        for k in _sorted_keys(a, KERAS):
            _leaf_pairs(a[k], b[k], none_is_leaf, out)
    else:
        for child_a, child_b in zip(a, b):
            _leaf_pairs(child_a, child_b, none_is_leaf, out)


def keras_mismatch(a, b, none_is_leaf=True, leaves=True):
    """``None`` when ``b`` matches ``a`` under Keras' (optree's) rules, else the
    ``ValueError`` text optree gives: a node of ``a`` that ``b`` lacks first, then (with
    ``leaves``) a leaf of ``a`` where ``b`` is nested."""
    error = _optree_node_error(a, b, none_is_leaf)
    if error is not None or not leaves:
        return error
    pairs = []
    _leaf_pairs(a, b, none_is_leaf, pairs)
    for _, leaf_b in pairs:
        if KERAS.kind(leaf_b) or (leaf_b is None and not none_is_leaf):
            return "Structures don't have the same nested structure."
    return None
