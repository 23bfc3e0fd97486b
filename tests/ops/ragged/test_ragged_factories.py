"""tf.RaggedTensor factories and dense/sparse conversions: known values, and the same
expressions against real TF when it is installed."""

import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError

from ragged_oracle import describe

VALUES = [3, 1, 4, 1, 5, 9, 2]

EXPRESSIONS = [
    "tf.RaggedTensor.from_row_lengths([3, 1, 4, 1, 5, 9, 2], [4, 0, 3])",
    "tf.RaggedTensor.from_row_lengths([3, 1, 4, 1, 5, 9, 2], [4, 0, 2])",
    "tf.RaggedTensor.from_row_lengths([3, 1, 4, 1, 5, 9, 2], [4, -1, 4])",
    "tf.RaggedTensor.from_value_rowids([3, 1, 4, 1, 5, 9, 2], [0, 0, 0, 0, 2, 2, 3])",
    "tf.RaggedTensor.from_value_rowids([3, 1, 4, 1, 5, 9, 2], [0, 0, 0, 0, 2, 2, 3], nrows=6)",
    "tf.RaggedTensor.from_value_rowids([3, 1, 4, 1, 5, 9, 2], [0, 0, 1, 0, 2, 2, 3])",
    "tf.RaggedTensor.from_value_rowids([3, 1, 4, 1, 5, 9, 2], [0, 0, 0, 0, 2, 2, 3], nrows=2)",
    "tf.RaggedTensor.from_row_starts([3, 1, 4, 1, 5, 9, 2], [0, 4, 4, 7])",
    "tf.RaggedTensor.from_row_starts([3, 1, 4, 1, 5, 9, 2], [1, 4, 4, 7])",
    "tf.RaggedTensor.from_row_limits([3, 1, 4, 1, 5, 9, 2], [4, 4, 7])",
    "tf.RaggedTensor.from_row_limits([3, 1, 4, 1, 5, 9, 2], [4, 4, 7, 8])",
    "tf.RaggedTensor.from_uniform_row_length([3, 1, 4, 1, 5, 9, 2, 6], 2)",
    "tf.RaggedTensor.from_uniform_row_length([3, 1, 4, 1, 5, 9, 2, 6], 2).shape",
    "tf.RaggedTensor.from_uniform_row_length([3, 1, 4, 1, 5, 9, 2], 2)",
    "tf.RaggedTensor.from_uniform_row_length(tf.zeros([0]), 0, nrows=3)",
    "tf.RaggedTensor.from_uniform_row_length(rt, 5).shape",
    "(u.uniform_row_length, rt.uniform_row_length, u.row_splits)",
    "tf.RaggedTensor.from_nested_row_splits([3, 1, 4, 1, 5, 9, 2, 6], ([0, 1, 3], [0, 2, 3, 8]))",
    "tf.RaggedTensor.from_nested_row_lengths([3, 1, 4, 1, 5, 9, 2, 6], ([1, 2], [2, 1, 5]))",
    "tf.RaggedTensor.from_nested_value_rowids([3, 1, 4, 1, 5, 9, 2, 6], "
    "([0, 1, 1], [0, 0, 1, 2, 2, 2, 2, 2]))",
    "tf.RaggedTensor.from_nested_row_splits([1], tf.constant([0, 1], tf.int64))",
    "tf.RaggedTensor.from_tensor([[1, 0, 0], [2, 3, 0]])",
    "tf.RaggedTensor.from_tensor([[1, 0, 0], [2, 3, 0]], lengths=[1, 2])",
    "tf.RaggedTensor.from_tensor([[1, 0, 0], [2, 3, 0]], lengths=[1, 4])",
    "tf.RaggedTensor.from_tensor([[1, 2]], lengths=[1, 1])",
    "tf.RaggedTensor.from_tensor([[1, 2]], padding=[0])",
    "tf.RaggedTensor.from_tensor([[[1, 2]]], padding=[[0, 0]])",
    "tf.RaggedTensor.from_tensor([[[1, 2]]], padding=[0, 0])",
    "tf.RaggedTensor.from_tensor([[1, 0, 0], [2, 3, 0], [0, 0, 0]], padding=0)",
    "tf.RaggedTensor.from_tensor([[[1, 0], [0, 0]], [[2, 3], [4, 0]]], ragged_rank=2)",
    "tf.RaggedTensor.from_tensor([[[1, 0], [0, 0]], [[2, 3], [4, 0]]], padding=0, ragged_rank=2)",
    "tf.RaggedTensor.from_tensor([[[1, 0], [0, 0]], [[2, 3], [4, 0]]], padding=[0, 0])",
    "tf.RaggedTensor.from_tensor([[[1, 0], [0, 0]], [[2, 3], [4, 0]]]).shape",
    "tf.RaggedTensor.from_tensor([[[1, 0], [0, 0]], [[2, 3], [4, 0]]], "
    "lengths=([1, 2], [1, 0, 2]), ragged_rank=2)",
    "tf.RaggedTensor.from_tensor([[1, 0, 0]], lengths=[1], padding=0)",
    "tf.RaggedTensor.from_tensor(5)",
    "tf.RaggedTensor.from_tensor([[1, 2]], ragged_rank=0)",
    "tf.RaggedTensor.from_tensor([[1, 2]], ragged_rank=3)",
    "tf.RaggedTensor.from_tensor([[1, 0]], row_splits_dtype=tf.int32).row_splits",
    "tf.RaggedTensor.from_tensor([['a', ''], ['', '']], padding='')",
    "rt.to_tensor()",
    "rt.to_tensor(default_value=-1)",
    "rt.to_tensor(shape=[2, 2])",
    "rt.to_tensor(shape=[6, 6])",
    "rt.to_tensor(shape=[None, 2])",
    "r3.to_tensor()",
    "r1i.to_tensor()",
    "r1i.to_tensor(shape=[2, 3, 1])",
    "r1i.to_tensor(default_value=[7, 8])",
    "rt.to_tensor(default_value=[7, 8])",
    "rt.to_tensor(default_value=1.5)",
    "tf.ragged.constant([[], []]).to_tensor()",
    "tf.ragged.constant([['a'], ['b', 'c']]).to_tensor()",
    "rt.to_sparse()",
    "r3.to_sparse()",
    "r1i.to_sparse()",
    "tf.ragged.constant([[], []]).to_sparse()",
    "tf.RaggedTensor.from_sparse(st)",
    "tf.RaggedTensor.from_sparse(st, row_splits_dtype=tf.int32).row_splits",
    "tf.RaggedTensor.from_sparse(tf.SparseTensor([[0, 0, 0]], [1], [3, 4, 2]))",
    "tf.RaggedTensor.from_sparse(tf.SparseTensor([[2, 0], [0, 1]], [1, 2], [3, 4]))",
    "tf.RaggedTensor.from_sparse(tf.SparseTensor([[0, 1]], [1], [3, 4]))",
    "tf.RaggedTensor.from_sparse(tf.constant([[1]]))",
    "rt.with_row_splits_dtype(tf.int32).row_splits",
    "(rt.row_lengths(), r3.row_lengths(axis=2), r3.row_lengths(-1), r3.row_lengths(0))",
    "r3.row_lengths(axis=3)",
    "(rt.value_rowids(), rt.nrows(), rt.nrows(out_type=tf.int32), rt.row_starts())",
    "(rt.row_limits(), rt.bounding_shape(), r3.bounding_shape(), r3.bounding_shape(axis=1))",
    "(r3.merge_dims(0, 1), r3.merge_dims(1, 2), r3.merge_dims(0, -1))",
    "r1i.merge_dims(1, 2)",
    "r3.merge_dims(1, 0)",
    "(r3.nested_row_lengths(), r3.nested_value_rowids())",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert describe(tf, expression) == describe(tf_real, expression)


def test_row_partition_factories_known_values():
    expected = [[3, 1, 4, 1], [], [5, 9, 2]]
    assert tf.RaggedTensor.from_row_lengths(VALUES, [4, 0, 3]).to_list() == expected
    assert tf.RaggedTensor.from_row_starts(VALUES, [0, 4, 4]).to_list() == expected
    assert tf.RaggedTensor.from_row_limits(VALUES, [4, 4, 7]).to_list() == expected
    rowids = tf.RaggedTensor.from_value_rowids(VALUES, [0, 0, 0, 0, 2, 2, 2], nrows=4)
    assert rowids.to_list() == expected + [[]]
    assert rowids.row_splits.dtype is tf.int64


def test_uniform_row_length_is_static():
    u = tf.RaggedTensor.from_uniform_row_length([3, 1, 4, 1, 5, 9, 2, 6], 2)
    assert u.shape.as_list() == [4, 2]
    assert int(u.uniform_row_length) == 2
    assert repr(u) == "<tf.RaggedTensor [[3, 1],\n [4, 1],\n [5, 9],\n [2, 6]]>"
    with pytest.raises(ValueError, match="uniform_row_length=2 times nrows=3 must equal nvals=7"):
        tf.RaggedTensor.from_uniform_row_length(VALUES, 2)


def test_factory_errors():
    with pytest.raises(InvalidArgumentError, match="from_row_lengths do not form a valid Row"):
        tf.RaggedTensor.from_row_lengths(VALUES, [4, -1, 4])
    with pytest.raises(ValueError, match=r"Expected nrows >= value_rowids\[-1\] \+ 1; got nrows=2"):
        tf.RaggedTensor.from_value_rowids(VALUES, [0, 0, 0, 0, 2, 2, 3], nrows=2)
    with pytest.raises(TypeError, match="Argument `nested_row_splits` must be a list of Tensors"):
        tf.RaggedTensor.from_nested_row_splits([1], tf.constant([0, 1], tf.int64))


def test_from_tensor_and_to_tensor_known_values():
    dense = [[1, 0, 0], [2, 3, 0], [0, 0, 0]]
    assert tf.RaggedTensor.from_tensor(dense, padding=0).to_list() == [[1], [2, 3], []]
    assert tf.RaggedTensor.from_tensor(dense, lengths=[1, 2, 0]).to_list() == [[1], [2, 3], []]
    rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
    assert rt.to_tensor(default_value=-1).numpy().tolist() == [
        [3, 1, 4, 1],
        [-1, -1, -1, -1],
        [5, 9, 2, -1],
        [6, -1, -1, -1],
        [-1, -1, -1, -1],
    ]
    assert rt.to_tensor(shape=[2, 2]).numpy().tolist() == [[3, 1], [0, 0]]
    nested = tf.RaggedTensor.from_tensor(
        [[[1, 0], [0, 0]], [[2, 3], [4, 0]]], padding=0, ragged_rank=2
    )
    assert nested.to_list() == [[[1], []], [[2, 3], [4]]]
    assert nested.shape.as_list() == [2, 2, None]
    with pytest.raises(ValueError, match="Specify argument `lengths` or `padding`, but not both."):
        tf.RaggedTensor.from_tensor(dense, lengths=[1, 2, 0], padding=0)


def test_sparse_round_trip():
    rt = tf.ragged.constant([[1, 2], [], [3]])
    st = rt.to_sparse()
    assert st.indices.numpy().tolist() == [[0, 0], [0, 1], [2, 0]]
    assert st.dense_shape.numpy().tolist() == [3, 2]
    assert tf.RaggedTensor.from_sparse(st).to_list() == [[1, 2], [], [3]]
    with pytest.raises(InvalidArgumentError, match="SparseTensor is not right-ragged"):
        tf.RaggedTensor.from_sparse(tf.SparseTensor([[0, 1]], [1], [3, 4]))


def test_structure_methods_known_values():
    r3 = tf.ragged.constant([[[1, 2], [3]], [], [[4, 5, 6]]])
    assert r3.row_lengths(axis=2).to_list() == [[2, 1], [], [3]]
    assert r3.bounding_shape().numpy().tolist() == [3, 2, 3]
    assert r3.merge_dims(0, 1).to_list() == [[1, 2], [3], [4, 5, 6]]
    assert r3.merge_dims(1, 2).to_list() == [[1, 2, 3], [], [4, 5, 6]]
    assert r3.merge_dims(0, -1).numpy().tolist() == [1, 2, 3, 4, 5, 6]
    assert r3.value_rowids().numpy().tolist() == [0, 0, 2]
    with pytest.raises(ValueError, match="axis=3 out of bounds: expected -3<=axis<3"):
        r3.row_lengths(axis=3)
