"""tf.RaggedTensor's storage, factories, printing and errors (against real TF when present)."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError
from tests.ops import oracle_compare

CONSTANTS = [
    ([[1, 2], [3]], {}),
    ([[b"a"], []], {}),
    ([[[1, 2], [3]], [[4]]], {}),
    ([[[1, 2], [3, 4]], [[5, 6]]], {"ragged_rank": 1}),
    ([[1.5], [2.0]], {}),
    ([[[1, 2]], [[3, 4]]], {"inner_shape": (2,)}),
    ([[1, 2], [3]], {"dtype": "float64"}),
    ([[1, 2], [3]], {"row_splits_dtype": "int32"}),
    ([[[], []], []], {}),
    ([[], [[]]], {}),
    ([[]], {}),
    ([list(range(20))] * 15, {}),
]

BAD_CONSTANTS = [
    ([[1, [2]]], {}, ValueError, "all scalar values must have the same nesting depth"),
    ([[[1, 2], [3]], [[5, 6]]], {"ragged_rank": 1}, ValueError, "inner values have"),
    ([[1, 2], [3]], {"ragged_rank": 3}, ValueError, "Invalid pylist=[[1, 2], [3]], max depth"),
    ([[1, 2], [3]], {"dtype": "string"}, TypeError, "Cannot convert [1, 2, 3] to EagerTensor"),
    ([[1, "a"]], {}, ValueError, "Can't convert Python sequence with mixed types"),
    ([[1.0, 2], [3]], {"dtype": "int32"}, TypeError, "Cannot convert [1.0, 2, 3] to EagerTensor"),
    ([[1]], {"ragged_rank": -1}, ValueError, "Invalid ragged_rank=-1: must be nonnegative"),
]

BAD_SPLITS = [
    ([1, 2, 3], [0, 2, 2], InvalidArgumentError, "Arguments to _from_row_partition do not"),
    ([1, 2, 3], [1, 2, 3], InvalidArgumentError, "Arguments to from_row_splits do not form a "),
    ([1, 2, 3], [0, 3, 2, 3], InvalidArgumentError, "Arguments to from_row_splits do not form"),
    ([1, 2, 3], [[0, 3]], ValueError, "Shape (1, 2) must have rank 1"),
    ([1, 2, 3], [0.0, 3.0], ValueError, "row_splits must have dtype int32 or int64"),
    ([1, 2, 3], [], ValueError, "row_splits tensor may not be empty."),
]


def _kwargs(module, kwargs):
    out = dict(kwargs)
    for key in ("dtype", "row_splits_dtype"):
        if key in out:
            out[key] = getattr(module, out[key])
    return out


def _describe(module, pylist, kwargs):
    rt = module.ragged.constant(pylist, **_kwargs(module, kwargs))
    splits = [s.numpy().tolist() for s in getattr(rt, "nested_row_splits", ())]
    return repr(rt), str(rt), str(rt.shape), rt.dtype.name, splits


def test_constant_structure():
    rt = tf.ragged.constant([[1, 2], [3]])
    assert isinstance(rt, tf.RaggedTensor)
    assert rt.shape.as_list() == [2, None]
    assert rt.dtype is tf.int32 and rt.row_splits.dtype is tf.int64
    assert rt.ragged_rank == 1
    assert rt.values.numpy().tolist() == [1, 2, 3]
    assert rt.row_splits.numpy().tolist() == [0, 2, 3]
    assert rt.to_list() == [[1, 2], [3]]
    assert repr(rt) == str(rt) == "<tf.RaggedTensor [[1, 2], [3]]>"
    assert tf.is_tensor(rt) and not isinstance(rt, tf.Tensor)


def test_nested_structure_and_flat_values():
    rt = tf.ragged.constant([[[1, 2], [3]], [[4]]])
    assert rt.ragged_rank == 2
    assert rt.shape.as_list() == [2, None, None]
    assert rt.flat_values.numpy().tolist() == [1, 2, 3, 4]
    assert [s.numpy().tolist() for s in rt.nested_row_splits] == [[0, 2, 3], [0, 2, 3, 4]]
    doubled = rt.with_flat_values(rt.flat_values * 2)
    assert doubled.to_list() == [[[2, 4], [6]], [[8]]]


def test_uniform_inner_dimension_prints_like_numpy():
    rt = tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]], ragged_rank=1)
    assert rt.shape.as_list() == [2, None, 2]
    assert repr(rt) == "<tf.RaggedTensor [[[1, 2],\n  [3, 4]], [[5, 6]]]>"


def test_depth_one_list_is_a_dense_tensor():
    t = tf.ragged.constant([1, 2])
    assert isinstance(t, tf.Tensor) and t.numpy().tolist() == [1, 2]


def test_numpy_of_ragged_rows_is_an_object_array():
    value = tf.ragged.constant([[1, 2], [3]]).numpy()
    assert value.dtype == object and [row.tolist() for row in value] == [[1, 2], [3]]
    uniform = tf.ragged.constant([[1, 2], [3, 4]]).numpy()
    assert uniform.dtype == np.int32 and uniform.shape == (2, 2)


def test_constructor_is_private_and_no_bool():
    with pytest.raises(ValueError, match="RaggedTensor constructor is private"):
        tf.RaggedTensor(1, 2)
    with pytest.raises(TypeError, match="RaggedTensor may not be used as a boolean."):
        bool(tf.ragged.constant([[1]]))


@pytest.mark.parametrize("pylist, kwargs, error, text", BAD_CONSTANTS)
def test_constant_errors(pylist, kwargs, error, text):
    with pytest.raises(error) as info:
        tf.ragged.constant(pylist, **_kwargs(tf, kwargs))
    assert str(info.value).startswith(text)


@pytest.mark.parametrize("values, splits, error, text", BAD_SPLITS)
def test_from_row_splits_errors(values, splits, error, text):
    with pytest.raises(error) as info:
        tf.RaggedTensor.from_row_splits(values, splits)
    assert str(info.value).startswith(text)


def test_dense_ops_refuse_ragged_with_tf_message():
    rt = tf.ragged.constant([[1]])
    with pytest.raises(ValueError, match="object of type 'RaggedTensor' has no len"):
        tf.convert_to_tensor(rt)


@pytest.mark.parametrize("pylist, kwargs", CONSTANTS)
def test_constant_matches_tensorflow(pylist, kwargs):
    tf_real = pytest.importorskip("tensorflow")
    assert _describe(tf, pylist, kwargs) == _describe(tf_real, pylist, kwargs)


@pytest.mark.parametrize("pylist, kwargs, error, text", BAD_CONSTANTS)
def test_constant_errors_match_tensorflow(pylist, kwargs, error, text):
    tf_real = pytest.importorskip("tensorflow")
    with pytest.raises(error) as info:
        tf_real.ragged.constant(pylist, **_kwargs(tf_real, kwargs))
    assert str(info.value).startswith(text)


@pytest.mark.parametrize("values, splits, error, text", BAD_SPLITS)
def test_from_row_splits_errors_match_tensorflow(values, splits, error, text):
    tf_real = pytest.importorskip("tensorflow")
    with pytest.raises(Exception) as info:
        tf_real.RaggedTensor.from_row_splits(values, splits)
    assert type(info.value).__name__ == error.__name__
    assert str(info.value).startswith(text)


# Bad partitions and shapes get TF's errors (class and message start checked against TF 2.21).
BAD_RAGGED_CALLS = [
    (
        "tf.RaggedTensor.from_value_rowids([1, 2, 3], [0, 1])",
        ValueError,
        "Shapes (3,) and (2,) are incompatible",
    ),
    (
        "tf.RaggedTensor.from_value_rowids([1, 2, 3], [-1, 0, 0])",
        InvalidArgumentError,
        "Arguments to from_value_rowids do not form a valid RowPartition.",
    ),
    (
        "tf.RaggedTensor.from_value_rowids([1, 2, 3], [0, 1, 1], nrows=-1)",
        ValueError,
        "Expected nrows >= 0; got -1",
    ),
    (
        "tf.RaggedTensor.from_uniform_row_length([1, 2, 3, 4], -2)",
        ValueError,
        "uniform_row_length must be >= 0.",
    ),
    (
        "tf.ragged.constant([[1, 2], [3]]).to_tensor(shape=[3])",
        InvalidArgumentError,
        "rt_input.shape and shape=[3] are incompatible: rt_input.rank = 2 but shape.rank = 1",
    ),
    (
        "tf.ragged.constant([[1, 2], [3]]).to_tensor(shape=[-2, 5])",
        ValueError,
        "Dimension -2 must be >= 0",
    ),
    (
        "tf.ragged.constant([[1, 2], [3]]).with_values([1, 2])",
        ValueError,
        "Shapes (3,) and (2,) are incompatible",
    ),
    (
        "tf.ragged.constant([[1, 2], [3]]).with_row_splits_dtype(tf.float32)",
        ValueError,
        "Argument `row_splits` dtype must be int32 or int64. Received",
    ),
    (
        "tf.ragged.constant([[1, 2], [3]]).bounding_shape(axis=3)",
        InvalidArgumentError,
        "indices = 3 is not in [0, 2) [Op:GatherV2]",
    ),
    (
        "tf.ragged.range([1, 2], [3])",
        InvalidArgumentError,
        "starts, limits, and deltas must have the same shape",
    ),
    ("tf.ragged.row_splits_to_segment_ids([])", ValueError, "Invalid row_splits: []"),
]


@pytest.mark.parametrize("source,cls,start", BAD_RAGGED_CALLS)
def test_bad_partitions_raise_tfs_error(source, cls, start):
    oracle_compare.assert_raises(tf, source, cls, start)


def test_bad_partitions_match_real_tf():
    real_tf = pytest.importorskip("tensorflow")
    oracle_compare.assert_same_errors(tf, real_tf, [source for source, _, _ in BAD_RAGGED_CALLS])


def test_segment_ids_and_splits_convert_as_tf_counts_them():
    # TF counts the ids: unsorted ids give the splits of their counts
    assert tf.ragged.segment_ids_to_row_splits([1, 0]).numpy().tolist() == [0, 1, 2]
    # a decreasing split is a row repeated no times
    assert tf.ragged.row_splits_to_segment_ids([0, 2, 1]).numpy().tolist() == [0, 0]
