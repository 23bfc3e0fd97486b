"""framework.tree: the one walker under tf.nest, tf.data and Keras rules (and vs the oracle)."""

import collections
import os

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras
from torchkeras.data import structure as data_structure
from torchkeras.framework import tree

P = collections.namedtuple("P", "b a")
Q = collections.namedtuple("Q", "b a")
P_TWIN = collections.namedtuple("P", "b a")


class _Field:
    def __init__(self, name):
        self.name = name


class AttrsLike:
    """A class declared the way ``attrs`` declares one (``__attrs_attrs__``), fields y then x."""

    __attrs_attrs__ = (_Field("y"), _Field("x"))

    def __init__(self, y, x):
        self.y, self.x = y, x

    def __eq__(self, other):
        return type(other) is AttrsLike and (self.y, self.x) == (other.y, other.x)


class Seq(collections.abc.Sequence):
    def __init__(self, items):
        self.items = list(items)

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self):
        return len(self.items)


class ListSub(list):
    pass


class DictSub(dict):
    pass


# ---------------------------------------------------------------- tf.nest rules
def test_nest_order_and_leaves():
    t = tf.constant([1.0])
    array = np.arange(3)
    assert tree.flatten({"b": 1, "a": [2, (3, {"d": 4, "c": 5})]}) == [2, 3, 5, 4, 1]
    assert tree.flatten(collections.OrderedDict([("b", 1), ("a", 2)])) == [2, 1]
    assert tree.flatten(P(1, 2)) == [1, 2]
    assert tree.flatten(None) == [None] and tree.flatten([None, (None,)]) == [None, None]
    assert tree.flatten(["ab", b"cd"]) == ["ab", b"cd"]
    leaves = tree.flatten([t, array, {1, 2}])
    assert leaves[0] is t and leaves[1] is array and leaves[2] == {1, 2}
    assert tree.flatten(AttrsLike(1, [2, 3])) == [1, 2, 3]
    assert tree.flatten(Seq([1, (2, 3)])) == [1, 2, 3]
    d = {"b": 1, "a": 2}
    assert tree.flatten(d.keys()) == ["b", "a"] and tree.flatten(d.items()) == ["b", 1, "a", 2]
    assert tree.flatten(range(3)) == [0, 1, 2]
    assert tree.flatten(collections.deque([1, [2]])) == [1, 2]
    assert tree.is_nested(bytearray(b"x")) and not tree.is_nested("x")


def test_nest_rebuilds_each_container_type():
    rebuilt = tree.pack_sequence_as({"b": 0, "a": [0, 0]}, [1, 2, 3])
    assert rebuilt == {"b": 3, "a": [1, 2]} and list(rebuilt) == ["b", "a"]
    ordered = tree.pack_sequence_as(collections.OrderedDict([("b", 0), ("a", 0)]), [1, 2])
    assert type(ordered) is collections.OrderedDict
    assert list(ordered.items()) == [("b", 2), ("a", 1)]
    default = tree.map_structure(lambda v: v * 10, collections.defaultdict(list, b=1, a=2))
    assert type(default) is collections.defaultdict and default.default_factory is list
    assert dict(default) == {"b": 10, "a": 20}
    assert tree.map_structure(lambda v: v + 1, P(1, (2, 3))) == P(2, (3, 4))
    assert type(tree.map_structure(lambda v: v, ListSub([1]))) is ListSub
    assert tree.map_structure(lambda v: v * 2, AttrsLike(1, 2)) == AttrsLike(2, 4)
    assert tree.pack_sequence_as(range(2), [5, 6]) == [5, 6]
    assert tree.pack_sequence_as({"a": 1}.values(), [7]) == [7]
    assert tree.map_structure(lambda v: -v, Seq([1, 2])).items == [-1, -2]
    assert tree.pack_sequence_as(5, [9]) == 9


def test_multi_structure_map_and_paths():
    assert tree.map_structure(lambda a, b: a + b, [1, (2, 3)], [10, (20, 30)]) == [11, (22, 33)]
    paths = tree.flatten_with_path({"b": [1, P(2, 3)], "a": AttrsLike(4, 5)})
    assert paths == [
        (("a", "y"), 4),
        (("a", "x"), 5),
        (("b", 0), 1),
        (("b", 1, "b"), 2),
        (("b", 1, "a"), 3),
    ]
    assert tree.flatten_with_path(7) == [((), 7)]


def test_pack_counts_raise_structure_mismatch():
    with pytest.raises(tree.StructureMismatch) as info:
        tree.pack_sequence_as([0, [0, 0]], [1, 2])
    assert (info.value.expected, info.value.got) == (3, 2)
    with pytest.raises(tree.StructureMismatch) as info:
        tree.pack_sequence_as([0, [0, 0]], [1, 2, 3, 4])
    assert (info.value.expected, info.value.got) == (3, 4)


def test_mismatch_details():
    assert tree.mismatch([1, (2,)], [3, (4,)]) is None
    kind, text = tree.mismatch([1, 2], (1, 2))
    assert kind is TypeError and "don't have the same sequence type" in text
    assert tree.mismatch([1, 2], (1, 2), check_types=False) is None
    assert tree.mismatch({"a": 1}, {"b": 1}, check_types=False) is None
    assert tree.mismatch(P(1, 2), P_TWIN(3, 4)) is None
    assert tree.mismatch(ListSub([1]), [1]) is None
    assert tree.mismatch({"a": 1}, collections.OrderedDict(a=2)) is None
    kind, text = tree.mismatch([[1]], [1])
    assert kind is ValueError and text.startswith('Substructure "type=list str=[1]" is a sequence')


def test_is_leaf_stops_the_walk():
    def pair(v):
        return isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], str)

    spec = {"b": ((None, 2), "f32"), "a": (((3,), "i32"), ((), "f32"))}
    leaves = tree.flatten(spec, tree.DATA, is_leaf=pair)
    assert leaves == [((3,), "i32"), ((), "f32"), ((None, 2), "f32")]
    assert tree.pack_sequence_as(spec, [1, 2, 3], tree.DATA, is_leaf=pair) == {"b": 3, "a": (1, 2)}
    assert tree.map_structure(lambda p: p[1], spec, rules=tree.DATA, is_leaf=pair) == {
        "b": "f32",
        "a": ("i32", "f32"),
    }
    assert tree.flatten(((1, "x"),), is_leaf=pair) == [(1, "x")]
    assert tree.flatten_with_path(spec, tree.DATA, is_leaf=pair)[0] == (("a", 0), ((3,), "i32"))


def test_map_structure_up_to_pairs_by_key_and_runs_the_check():
    out = tree.map_structure_up_to(
        {"b": 0, "a": 0}, lambda s, v: (s, v), {"b": 0, "a": 0}, {"a": [1], "b": 2}
    )
    assert out == {"b": (0, 2), "a": (0, [1])}
    seen = []
    tree.map_structure_up_to(
        (0, (0,)), lambda v: v, (1, (2,)), check=lambda shallow, node: seen.append((shallow, node))
    )
    assert seen == [((0, (0,)), (1, (2,))), ((0,), (2,))]


# ---------------------------------------------------------------- tf.data rules
def test_data_rules_treat_lists_as_leaves():
    assert tree.flatten((1, [2, 3]), tree.DATA) == [1, [2, 3]]
    assert tree.flatten({"b": (1,), "a": [2]}, tree.DATA) == [[2], 1]
    assert not tree.is_nested([1], tree.DATA) and tree.is_nested(collections.deque(), tree.DATA)
    assert data_structure.pack_as({"b": (0, 0), "a": [0]}, [3, 4, 5]) == {"b": (4, 5), "a": 3}
    with pytest.raises(ValueError, match="Argument `structure` is a scalar"):
        data_structure.pack_as(1, [1, 2])


# ---------------------------------------------------------------- Keras rules
def test_keras_rules():
    k = tree.KERAS
    od = collections.OrderedDict([("b", 1), ("a", 2)])
    assert tree.flatten(od, k) == [1, 2] and tree.flatten({"b": 1, "a": 2}, k) == [2, 1]
    assert tree.flatten({1: "x", "a": "y"}, k) == ["x", "y"]
    assert tree.flatten(ListSub([1, 2]), k) == [ListSub([1, 2])]
    assert tree.flatten(DictSub(a=1), k) == [DictSub(a=1)]
    assert tree.flatten(Seq([1]), k)[0].items == [1]
    stat = os.stat("/")
    assert tree.is_nested(stat, k) and len(tree.flatten(stat, k)) == len(stat)
    rebuilt = tree.map_structure(lambda v: v + 1, collections.deque([1, 2], maxlen=3), rules=k)
    assert rebuilt == collections.deque([2, 3]) and rebuilt.maxlen == 3
    assert tree.flatten_with_path(P(1, (2, 3)), k) == [((0,), 1), ((1, 0), 2), ((1, 1), 3)]


def test_traverse_and_helpers():
    seen = []
    assert tree.traverse(seen.append, [(1, 2), [3], {"a": 4}]) == [(1, 2), [3], {"a": 4}]
    assert seen == [[(1, 2), [3], {"a": 4}], (1, 2), 1, 2, [3], 3, {"a": 4}, 4]
    seen = []
    tree.traverse(seen.append, [(1, 2), [3]], top_down=False)
    assert seen == [1, 2, (1, 2), 3, [3], [(1, 2), [3]]]
    replaced = tree.traverse(
        lambda x: tree.MAP_TO_NONE if x == 3 else None, [(1, 2), [3]], top_down=False
    )
    assert replaced == [(1, 2), [None]]
    assert tree.lists_to_tuples([1, [2, {"a": [3]}]]) == (1, (2, {"a": (3,)}))
    assert tree.map_shape_structure(len, [(1, None), {"a": [2, 3]}, [(4,), "x"]]) == [
        2,
        {"a": 2},
        [1, 1],
    ]
    shallow = [None, [None, None]]
    assert tree.map_structure_up_to(shallow, str, [[1, 1], [2, 2]], rules=tree.KERAS) == [
        "[1, 1]",
        ["2", "2"],
    ]


# ---------------------------------------------------------------- the public layers
def test_tf_nest_and_keras_tree_layers():
    assert tf.nest.flatten(collections.OrderedDict([("b", 1), ("a", 2)])) == [2, 1]
    assert keras.tree.flatten(collections.OrderedDict([("b", 1), ("a", 2)])) == [1, 2]
    assert keras.tree.map_structure(
        lambda x, y: (x, y), [None, 1], [None, 3], none_is_leaf=False
    ) == [None, (1, 3)]
    with pytest.raises(ValueError, match=r"^Expected an instance of list, got \(1, 2\)\.$"):
        keras.tree.assert_same_structure([1, 2], (1, 2))
    with pytest.raises(ValueError, match=r"^Too few leaves for PyTreeSpec; expected: 2, got: 1\.$"):
        keras.tree.pack_sequence_as([0, 0], [1])
    with pytest.deprecated_call():
        keras.tree.assert_same_structure([1], [2], check_types=True)
    assert keras.tree.pack_sequence_as((0, 0), iter([5, 6])) == (5, 6)


# ---------------------------------------------------------------- against the oracle
NEST_CASES = [
    ("flatten", ({"b": 1, "a": [2, (3, 4)]},)),
    ("flatten", (collections.OrderedDict([("b", (1, 2)), ("a", 3)]),)),
    ("flatten", ([None, "ab", b"x", (None,)],)),
    ("flatten", (range(3),)),
    ("pack_sequence_as", ({"b": 0, "a": [0, 0]}, [1, 2, 3])),
    ("pack_sequence_as", (collections.defaultdict(list, b=1, a=2), [3, 4])),
    ("pack_sequence_as", ([1, 2], [1])),
    ("pack_sequence_as", ([1, [2, 3]], [1, 2, 3, 4])),
    ("pack_sequence_as", (1, [1, 2])),
    ("pack_sequence_as", ([1], 5)),
    ("pack_sequence_as", (1, (7,))),
    ("assert_same_structure", ([1, 2], [1, [2]])),
    ("assert_same_structure", ([1, 2], (1, 2))),
    ("assert_same_structure", ([1, 2], [1, 2, 3])),
    ("assert_same_structure", ({"a": 1}, {"b": 1})),
    ("assert_same_structure", (P(1, 2), Q(1, 2))),
    ("assert_same_structure", (P(1, 2), P_TWIN(1, 2))),
    ("assert_same_structure", ({"a": 1}, [1])),
    ("assert_same_structure", ("ab", ["a"])),
    ("assert_same_structure", ({"a": [1]}, {"a": [1, 2]})),
    ("is_nested", (bytearray(b"x"),)),
    ("is_nested", ({1: 2}.keys(),)),
]
NEST_KW_CASES = [
    ("assert_same_structure", ([1, 2], (1, 2)), {"check_types": False}),
    ("assert_same_structure", ({"a": 1, "b": 2}, {"a": 1, "c": 2}), {"check_types": False}),
    ("map_structure", (lambda x, y: x, [1, 2], (1, 2)), {"check_types": False}),
    ("map_structure", (lambda x, y: x, [1, 2], [1, [2]]), {}),
    ("map_structure", (lambda x, y: x, [1, 2], (1, 2)), {}),
    ("map_structure", (1, [1]), {}),
    ("map_structure", (lambda x: x,), {}),
    ("map_structure", (lambda x: x, [1]), {"foo": 1}),
]


def _outcome(fn, args, kwargs=None):
    try:
        return "ok", fn(*args, **(kwargs or {}))
    except Exception as err:  # noqa: BLE001 - the class and text are what we compare
        return type(err).__name__, str(err)


@pytest.mark.parametrize("name,args,kwargs", [c + ({},) for c in NEST_CASES] + NEST_KW_CASES)
def test_tf_nest_matches_tensorflow(name, args, kwargs):
    tf_real = pytest.importorskip("tensorflow")
    ours = _outcome(getattr(tf.nest, name), args, kwargs)
    theirs = _outcome(getattr(tf_real.nest, name), args, kwargs)
    assert ours == theirs


DATA_CASES = [
    ("flatten", ({"a": (1, [2]), "b": P(3, 4)},)),
    ("assert_same_structure", ((1, 2), (1, (2,)))),
    ("assert_same_structure", ((1, 2), (1, 2, 3))),
    ("assert_same_structure", ({"a": 1}, {"b": 1})),
    ("assert_same_structure", ([1, 2], (1, 2))),
    ("assert_same_structure", (P(1, 2), (1, 2))),
    ("pack_sequence_as", ((1, 2), [1])),
    ("pack_sequence_as", (1, [1, 2])),
    ("pack_sequence_as", ((1,), 5)),
    ("pack_sequence_as", ({"b": (1, 2), "a": [5]}, [3, 4, 5])),
]


@pytest.mark.parametrize("name,args", DATA_CASES)
def test_tf_data_structure_matches_tensorflow(name, args):
    pytest.importorskip("tensorflow")
    from tensorflow.python.data.util import nest as data_nest

    ours_fn = (
        data_structure.pack_as if name == "pack_sequence_as" else getattr(data_structure, name)
    )
    assert _outcome(ours_fn, args) == _outcome(getattr(data_nest, name), args)


KERAS_CASES = [
    ("flatten", (collections.OrderedDict([("b", 1), ("a", 2)]),)),
    ("flatten", ({1: "x", "a": "y"},)),
    ("flatten", ([np.float32(1), "ab", None],)),
    ("flatten", (collections.deque([1, [2]]),)),
    ("flatten", (ListSub([1, 2]),)),
    ("flatten_with_path", ({"b": [1, (2, 3)], "a": P(4, 5)},)),
    ("flatten_with_path", (collections.OrderedDict(b=1, a=2),)),
    ("is_nested", (None,)),
    ("is_nested", (P(1, 2),)),
    ("is_nested", (DictSub(a=1),)),
    ("map_structure", (lambda v: v * 2, collections.defaultdict(list, {"b": 1, "a": 2}))),
    ("map_structure", (lambda x, y: x, [1, 2], [1, [2]])),
    ("map_structure", (lambda x, y: x, [1, [2]], [1, 2])),
    ("map_structure", (lambda x, y: x, [1, 2], (1, 2))),
    ("map_structure", (lambda x: x,)),
    ("map_structure", (lambda x, y: x, [1, 2], [1, 2, 3])),
    ("map_structure", (lambda x, y: x, {"a": 1}, {"b": 2})),
    ("assert_same_structure", ((1, 2), (1, 2, 3))),
    ("assert_same_structure", (P(1, 2), (1, 2))),
    ("assert_same_structure", ((1, 2), P(1, 2))),
    ("assert_same_structure", (P(1, 2), P_TWIN(1, 2))),
    ("assert_same_structure", ({"a": 1}, [1])),
    ("assert_same_structure", ([1], {"a": 1})),
    ("assert_same_structure", (collections.OrderedDict(a=1), {"a": 1})),
    ("assert_same_structure", (collections.deque([1]), [1])),
    ("assert_same_structure", (collections.deque([1]), collections.deque([1, 2]))),
    ("assert_same_structure", ({"a": 1}, {"a": 1, "b": 2})),
    ("assert_same_structure", ([1], None)),
    ("assert_same_structure", (None, 1)),
    ("assert_same_structure", (1, [1])),
    ("assert_same_paths", ([0, 1], (2, 3))),
    ("assert_same_paths", ([0, 1], [2])),
    ("pack_sequence_as", ([1, 2], [1])),
    ("pack_sequence_as", ([1, [2, 3]], [1, 2, 3, 4])),
    ("pack_sequence_as", ({"a": 1, "b": (1, 2)}, [1])),
    ("pack_sequence_as", (None, [5])),
    ("lists_to_tuples", (collections.OrderedDict(b=[1], a=[2, [3]]),)),
    ("map_shape_structure", (lambda s: ("S", s), [(1, None), {"a": [2, 3]}, [(4,), 5]])),
    ("map_shape_structure", (lambda s: 1, ((None, 2), [3.0]))),
    ("traverse", (lambda x: "X" if isinstance(x, tuple) else None, [(1, 2), [3], {"a": 4}])),
    ("map_structure_up_to", ((0, 0), lambda a, b: (a, b), ([1], 2), (3, [4]))),
    ("map_structure_up_to", (((0, 0), 0), lambda a: a, ([1], 2))),
    ("map_structure_up_to", ((0, 0), lambda a: a, [1, 2])),
]


def _same(a, b):
    if isinstance(a, np.generic) or isinstance(b, np.generic):
        return type(a) is type(b) and a == b
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("name,args", KERAS_CASES)
def test_keras_tree_matches_keras(name, args):
    pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    ours = _outcome(getattr(keras.tree, name), args)
    theirs = _outcome(getattr(keras_real.tree, name), args)
    assert ours[0] == theirs[0]
    assert ours[1] == theirs[1] and type(ours[1]) is type(theirs[1])


def test_keras_tree_none_is_leaf_false_matches_keras():
    pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    for structures in (([None, 1], [2, 3]), ([2, 3], [None, 1]), ([None], [[1]])):
        fn = lambda *a: a
        ours = _outcome(keras.tree.map_structure, (fn,) + structures, {"none_is_leaf": False})
        theirs = _outcome(
            keras_real.tree.map_structure, (fn,) + structures, {"none_is_leaf": False}
        )
        assert ours == theirs


def test_keras_tree_exports_keras_names():
    pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    theirs = sorted(n for n in dir(keras_real.tree) if not n.startswith("_"))
    assert sorted(keras.tree.__all__) == theirs
    assert all(callable(getattr(keras.tree, n)) for n in theirs)
