"""tf.data.Dataset against real TensorFlow: element values, dtypes, cardinality, element_spec."""

import collections

import numpy as np
import pytest

import torchkeras

tf_real = pytest.importorskip("tensorflow")
_Pair = collections.namedtuple("_Pair", "b a")

PIPELINES = {
    "slices_batch": lambda tf: tf.data.Dataset.from_tensor_slices(
        (np.arange(10.0).reshape(5, 2), [1, 2, 3, 4, 5])
    ).batch(2),
    "range_map_filter": lambda tf: (
        tf.data.Dataset.range(10).map(lambda x: x * 3).filter(lambda x: x % 2 == 0)
    ),
    "dict_batch_drop": lambda tf: tf.data.Dataset.from_tensor_slices(
        {"a": np.arange(7), "b": np.ones((7, 2), np.float32)}
    ).batch(3, drop_remainder=True),
    "zip_enumerate": lambda tf: tf.data.Dataset.zip(
        (tf.data.Dataset.range(3), tf.data.Dataset.range(5, 9))
    ).enumerate(),
    "unbatch_skip_take": lambda tf: tf.data.Dataset.range(9).batch(4).unbatch().skip(2).take(5),
    "repeat_batch": lambda tf: tf.data.Dataset.range(3).repeat(3).batch(4),
    "concatenate": lambda tf: tf.data.Dataset.range(2).concatenate(tf.data.Dataset.range(5, 6)),
    "strings": lambda tf: tf.data.Dataset.from_tensor_slices(["a", "bc"]),
    "from_tensors": lambda tf: tf.data.Dataset.from_tensors([1, 2, 3]),
    "range_args": lambda tf: tf.data.Dataset.range(2, 10, 3),
    "namedtuple_batch_concat": lambda tf: (
        tf.data.Dataset.from_tensor_slices(_Pair(np.ones((3, 2)), np.arange(3.0)))
        .batch(2)
        .concatenate(
            tf.data.Dataset.from_tensor_slices(_Pair(np.zeros((1, 2)), np.ones(1))).batch(2)
        )
    ),
}


def _plain(element):
    if isinstance(element, dict):
        return {k: _plain(v) for k, v in element.items()}
    if isinstance(element, tuple):
        return tuple(_plain(v) for v in element)
    array = np.asarray(element)
    return (array.dtype.str, array.shape, array.tolist())


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_pipeline_matches_tf(name):
    ours, theirs = PIPELINES[name](torchkeras), PIPELINES[name](tf_real)
    assert [_plain(e) for e in ours.as_numpy_iterator()] == [
        _plain(e) for e in theirs.as_numpy_iterator()
    ]
    assert int(ours.cardinality()) == int(theirs.cardinality())


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_element_spec_and_repr_match_tf(name):
    ours, theirs = PIPELINES[name](torchkeras), PIPELINES[name](tf_real)
    assert repr(ours.element_spec) == repr(theirs.element_spec)
    assert repr(ours) == repr(theirs)


def test_iteration_yields_tf_structure():
    for module in (torchkeras, tf_real):
        element = next(iter(module.data.Dataset.from_tensor_slices(({"x": [[1.0]]}, [0])).batch(1)))
        assert isinstance(element, tuple) and isinstance(element[0], dict)
