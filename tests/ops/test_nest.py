"""tf.nest: flatten order, packing, mapping and structure errors (and against real TF)."""

import collections

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

NT = collections.namedtuple("NT", "b a")


def test_flatten_sorts_dict_keys_and_keeps_leaves():
    assert tf.nest.flatten({"b": 1, "a": [2, (3, 4)]}) == [2, 3, 4, 1]
    assert tf.nest.flatten(NT(1, 2)) == [1, 2]
    assert tf.nest.flatten(None) == [None]
    assert tf.nest.flatten("ab") == ["ab"]
    assert [a.tolist() for a in tf.nest.flatten(np.array([1, 2]))] == [[1, 2]]
    assert tf.nest.flatten([[], {}, ()]) == []
    t = tf.constant([1, 2])
    assert tf.nest.flatten([t])[0] is t


def test_pack_and_map_keep_the_original_key_order():
    packed = tf.nest.pack_sequence_as({"b": 0, "a": [0, 0]}, [1, 2, 3])
    assert packed == {"b": 3, "a": [1, 2]} and list(packed) == ["b", "a"]
    assert tf.nest.map_structure(lambda a, b: a + b, [1, (2, 3)], [10, (20, 30)]) == [11, (22, 33)]
    assert tf.nest.map_structure(lambda a: a, NT(1, 2)) == NT(1, 2)
    assert isinstance(
        tf.nest.map_structure(lambda a: a, collections.OrderedDict(b=1)), collections.OrderedDict
    )
    assert (
        tf.nest.is_nested([1])
        and not tf.nest.is_nested("ab")
        and not tf.nest.is_nested(np.array([1]))
    )


def test_structure_errors():
    with pytest.raises(TypeError, match="don't have the same sequence type"):
        tf.nest.assert_same_structure([1, (2, 3)], [4, [5, 6]])
    tf.nest.assert_same_structure([1, (2, 3)], [4, [5, 6]], check_types=False)
    with pytest.raises(ValueError, match="don't have the same number of elements"):
        tf.nest.map_structure(lambda a, b: a, [1, 2], [10])
    with pytest.raises(ValueError, match="Structure had 3 atoms, but flat_sequence had 2 items"):
        tf.nest.pack_sequence_as({"b": 0, "a": [0, 0]}, [1, 2])
    with pytest.raises(TypeError, match="func must be callable"):
        tf.nest.map_structure(1, [1])


CASES = [
    line
    for line in """
tf.nest.flatten({"b": 1, "a": [2, (3, 4)]})
tf.nest.flatten(NT(1, 2))
tf.nest.flatten(None)
tf.nest.flatten(1)
tf.nest.flatten("ab")
tf.nest.flatten(tf.constant([1,2]))
tf.nest.flatten([[], {}, ()])
tf.nest.flatten(collections.OrderedDict([("b",1),("a",2)]))
tf.nest.flatten({1: "a", "b": 2})
tf.nest.flatten({"b": 1, "a": 2}, expand_composites=True)
tf.nest.is_nested([1])
tf.nest.is_nested(1)
tf.nest.is_nested("ab")
tf.nest.is_nested({})
tf.nest.is_nested(np.array([1]))
tf.nest.map_structure(lambda a: a*2, {"b": 1, "a": [2, (3, 4)]})
tf.nest.map_structure(lambda a, b: a+b, [1, (2,3)], [10, (20, 30)])
tf.nest.map_structure(lambda a, b: a+b, [1, (2,3)], [10, [20, 30]])
tf.nest.map_structure(lambda a, b: a+b, [1, (2,3)], [10, [20, 30]], check_types=False)
tf.nest.map_structure(lambda a, b: a+b, [1, 2], [10])
tf.nest.map_structure(lambda a: a, NT(1,2))
tf.nest.map_structure(lambda a: a, collections.OrderedDict([("b",1),("a",2)]))
tf.nest.map_structure(lambda a: a)
tf.nest.map_structure(1, [1])
tf.nest.pack_sequence_as({"b": 0, "a": [0, 0]}, [1,2,3])
tf.nest.pack_sequence_as({"b": 0, "a": [0, 0]}, [1,2])
tf.nest.pack_sequence_as(1, [5])
tf.nest.pack_sequence_as(1, [5, 6])
tf.nest.pack_sequence_as([1], 5)
tf.nest.pack_sequence_as(NT(0,0), [5,6])
tf.nest.assert_same_structure([1,(2,3)], [4,(5,6)])
tf.nest.assert_same_structure([1,(2,3)], [4,[5,6]])
tf.nest.assert_same_structure([1,(2,3)], [4,(5,)])
tf.nest.assert_same_structure({"a":1}, {"b":1})
tf.nest.assert_same_structure([1,(2,3)], [4,[5,6]], check_types=False)
tf.nest.assert_same_structure(1, [1])
tf.nest.assert_same_structure(NT(1,2), (1,2))
tf.nest.assert_same_structure([1], 1)
tf.nest.assert_same_structure([[1]], [1])
tf.nest.assert_same_structure([1], (1,))
tf.nest.assert_same_structure({"a":1}, {"a":[1]})
tf.nest.assert_same_structure({"a":1}, [1])
tf.nest.assert_same_structure({"a":1}, [1], check_types=False)
tf.nest.assert_same_structure("ab", 1)
tf.nest.map_structure(lambda a: a, {"a": 1}, {"a": 1, "b": 2})
tf.nest.pack_sequence_as({"b": 0, "a": [0, 0]}, (1,2,3))
tf.nest.pack_sequence_as([0, [0]], [1, 2, 3])
tf.nest.is_nested(NT(1,2))
tf.nest.flatten({"a": {"c": 1, "b": 2}})
tf.nest.map_structure(lambda x: x, [1, [2]], expand_composites=False)
tf.nest.assert_same_structure([1,[2]], [1,(2,)], check_types=True, expand_composites=False)
tf.nest.flatten([1, None, [None]])
tf.nest.map_structure(lambda x: x, [1, None])
tf.nest.assert_same_structure(collections.OrderedDict(a=1), {"a": 1})
tf.nest.is_nested(set([1]))
tf.nest.flatten(set([1]))
tf.nest.flatten(range(3))
tf.nest.flatten(collections.defaultdict(int, {"a":1}))
tf.nest.map_structure(lambda x: x, collections.defaultdict(int, {"b":1, "a":2}))
tf.nest.assert_same_structure([1, [2]], [[1], 2, 3])
tf.nest.assert_same_structure((1, (2, 3)), (1, (2,), 4))
tf.nest.assert_same_structure([1], [tf.constant(1), 2])
tf.nest.assert_same_structure([tf.Variable(1.)], [[1]])
[type(x).__name__[-8:] for x in tf.nest.flatten([tf.Variable(1.), {"a": tf.Variable(2.)}])]
""".strip().split("\n")
    if line
]


@pytest.mark.parametrize("expression", CASES)
def test_nest_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    env = {"NT": NT, "collections": collections}
    assert_same(expression, run(tf_real, expression, env), run(tf, expression, env))


def test_namespace_matches_tf():
    tf_real = pytest.importorskip("tensorflow")
    assert {n for n in dir(tf.nest) if not n.startswith("_")} == {
        n for n in dir(tf_real.nest) if not n.startswith("_")
    }
