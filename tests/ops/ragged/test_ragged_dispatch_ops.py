"""tile/reverse/squeeze/one_hot/add_n/reduce_logsumexp/gather_nd/matmul/gather on inner
axes, the unsorted segment ops,
broadcasting between ragged ranks, the row-starts/limits checks and
tf.type_spec_from_value on RaggedTensors: differential (vs real TF) and known values."""

import numpy as np
import pytest
from ragged_oracle import describe

import torchkeras as tf

EXPRESSIONS = [
    "tf.tile(rt, [2, 3])",
    "tf.tile(r3, [1, 2, 2])",
    "tf.tile(r1i, [2, 1, 2])",
    "tf.tile(rt, [2])",
    "tf.tile(rt, [2, -1])",
    "tf.tile(a, [0, 2])",
    "tf.reverse(rt, [0])",
    "tf.reverse(rt, [1])",
    "tf.reverse(rt, [-1, 0])",
    "tf.reverse(r3, [1, 2])",
    "tf.reverse(r1i, [0, 2])",
    "tf.reverse(rt, [2])",
    "tf.squeeze(tf.ragged.constant([[[1], [2]], [[3]]]), [2])",
    "tf.squeeze(tf.ragged.constant([[[1, 2]], [[3]]]), [1])",
    "tf.squeeze(tf.ragged.constant([[1, 2]]), [0])",
    "tf.squeeze(tf.ragged.constant([[[1]]]), [0, 1, 2])",
    "tf.squeeze(tf.ragged.constant([[[1]]]), [0, 1])",
    "tf.squeeze(tf.ragged.constant([[[1], [2]], [[3]]], ragged_rank=1), -1)",
    "tf.squeeze(rt)",
    "tf.squeeze(rt, [1])",
    "tf.squeeze(rt, [0])",
    "tf.squeeze(rt, [2])",
    "tf.squeeze(rt, 'a')",
    "tf.one_hot(rt, 10)",
    "tf.one_hot(r3, 7, axis=-1, dtype=tf.int64)",
    "tf.one_hot(rt, 10, axis=1)",
    "tf.one_hot(a, 4, axis=2, on_value=5, off_value=0)",
    "tf.add_n([rt, rt, rt])",
    "tf.add_n([r3, r3])",
    "tf.add_n([a, b])",
    "tf.add_n([rt, tf.constant(1)])",
    "tf.math.add_n([fr, fr])",
    "tf.math.reduce_logsumexp(fr)",
    "tf.math.reduce_logsumexp(fr, axis=1)",
    "tf.math.reduce_logsumexp(fr, axis=-1, keepdims=True)",
    "tf.math.reduce_logsumexp(fr, axis=0)",
    "tf.math.reduce_logsumexp(rt, axis=1)",
    "tf.math.reduce_logsumexp(tf.cast(r3, tf.float64), axis=2)",
    "tf.math.reduce_euclidean_norm(fr, axis=1)",
    "tf.math.unsorted_segment_sum(rt, [0, 0, 1, 2, 1], 3)",
    "tf.math.unsorted_segment_max(rt, [0, 0, 1, 2, 1], 4)",
    "tf.math.unsorted_segment_min(fr, [1, 1, 0, 0, 1], 2)",
    "tf.math.unsorted_segment_prod(rt, [0, 0, 1, 2, 1], 3)",
    "tf.math.unsorted_segment_mean(fr, [0, 0, 1, 2, 1], 3)",
    "tf.math.unsorted_segment_mean(rt, [0, 0, 1, 2, 1], 3)",
    "tf.math.unsorted_segment_sqrt_n(fr, [0, 0, 1, 0, 1], 2)",
    "tf.math.unsorted_segment_sum(r3, [1, 1, 0], 3)",
    "tf.math.unsorted_segment_sum(rt, [0, 5, 1, 0, 0], 2)",
    "tf.math.unsorted_segment_sum(rt, [0, -1, 1, 0, 0], 2)",
    "tf.math.unsorted_segment_sum(rt, [0, 1], 2)",
    "tf.math.unsorted_segment_sum(a, tf.ragged.constant([[0, 1], [1]]), 2)",
    "tf.math.unsorted_segment_sum(a, tf.ragged.constant([[0], [1, 1]]), 2)",
    "tf.math.unsorted_segment_mean(tf.cast(a, tf.float32), tf.ragged.constant([[0, 1], [1]]), 2)",
    "r3 + tf.ragged.constant([[[10], [20]], [], [[30]]], ragged_rank=1)",
    "tf.ragged.constant([[[10], [20]], [], [[30]]], ragged_rank=1) * r3",
    "r3 + tf.ragged.constant([[[10, 20]], [], [[30, 40]]], ragged_rank=1)",
    "tf.ragged.constant([[[1, 2], [3]], [[4]]]) + tf.ragged.constant([[10], [20]])",
    "tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]]) + tf.ragged.constant([[10, 20]])",
    "tf.ragged.constant([[[1, 2], [3]], [[4]]]) - tf.ragged.constant([[[1]], [[2]]])",
    "tf.ragged.constant([[[1, 2], [3]], [[4]]]) + tf.ragged.constant([[[10, 20]], [[30]]])",
    "tf.ragged.constant([[1, 2]]) * tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]])",
    "tf.ragged.constant([[[1, 2]]]) * tf.ragged.constant([[1, 2], [3, 4]], ragged_rank=1)",
    "tf.subtract(fr, tf.constant([[1.0]]))",
    "tf.maximum(tf.constant([[2]]), rt)",
    "tf.RaggedTensor.from_row_starts([1, 2, 3], [1, 2])",
    "tf.RaggedTensor.from_row_starts([1, 2, 3], [0, 4])",
    "tf.RaggedTensor.from_row_starts([1, 2, 3], [0, 2, 1, 0, 3])",
    "tf.RaggedTensor.from_row_starts([1, 2, 3], [0, 2, 1])",
    "tf.RaggedTensor.from_row_limits([1, 2, 3], [-1, 3])",
    "tf.RaggedTensor.from_row_limits([1, 2, 3], [3, 1, 0, 2, 3])",
    "tf.RaggedTensor.from_row_limits([1, 2, 3], tf.constant([2, 1, 3], tf.int32))",
    "tf.RaggedTensor.from_row_limits([1, 2, 3], [2, 3, 4])",
    "tf.RaggedTensor.from_row_splits([1, 2, 3], [0, 2, 1, 0, 1, 3])",
    "tf.RaggedTensor.from_nested_value_rowids([1, 2, 3], [[0, 0, 1]], [2, 3])",
    "tf.gather_nd(rt, [[0, 1], [2, 0]])",
    "tf.gather_nd(rt, [[0], [2]])",
    "tf.gather_nd(r3, [[0, 1]])",
    "tf.gather_nd(r3, [[0, 0, 1], [2, 0, 2]])",
    "tf.gather_nd(r1i, [[0, 1, 1]])",
    "tf.gather_nd(r1i, [[1, 0]])",
    "tf.gather_nd(rt, [[[0, 1]], [[2, 1]]])",
    "tf.gather_nd(r3, [[[0]], [[2]]])",
    "tf.gather_nd(rt, [[5, 0]])",
    "tf.gather_nd(rt, [[0, 7]])",
    "tf.gather_nd(rt, tf.ragged.constant([[[0, 1]], [[2, 1], [0, 0]]], ragged_rank=1))",
    "tf.gather_nd(rt, tf.ragged.constant([[[0, 1]], [[2, 1], [0, 0]]]))",
    "tf.gather_nd([[1, 2], [3, 4]], "
    "tf.ragged.constant([[[0, 1]], [[1, 1], [0, 0]]], ragged_rank=1))",
    "tf.gather_nd(rt, [[0, 1]], batch_dims=1)",
    "tf.gather_nd(rt, [0, 1])",
    "tf.gather_nd(rt, tf.zeros([0], tf.int32))",
    "tf.gather_nd(rt, tf.zeros([2, 0], tf.int32))",
    "tf.gather_nd(rt, [[0, 1, 2]])",
    "tf.gather_nd(rt, [[0.0, 1.0]])",
    "tf.gather(r3, [0, 0], axis=2)",
    "tf.gather(r1i, [1, 0], axis=2)",
    "tf.gather(r1i, [[1], [0]], axis=-1)",
    "tf.gather(r1i, [0], axis=1)",
    "tf.matmul(tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]]), "
    "tf.ragged.constant([[[1], [2]], [[3], [4]]]))",
    "tf.matmul(rt, rt)",
    "tf.matmul(r1i, tf.constant([[[1], [1]], [[2], [2]]]))",
    "tf.matmul(tf.ragged.constant([[[1.0, 2], [3, 4]], [[5.0, 6]]]), "
    "tf.ragged.constant([[[1.0], [2]], [[3.0], [4]]]), transpose_a=True)",
    "tf.matmul(tf.ragged.constant([[1, 2]]), tf.ragged.constant([[1], [2]]))",
    "tf.matmul(tf.ragged.constant([[[[1, 2]], [[3, 4]]], [[[5, 6]]]], ragged_rank=1), "
    "tf.ragged.constant([[[[1], [2]], [[3], [4]]], [[[5], [6]]]], ragged_rank=1))",
    "tf.matmul(tf.ragged.constant([[[1.0, 2]], [[3.0, 4], [5.0, 6]]], ragged_rank=1), "
    "tf.constant([[[1.0], [1.0]], [[2.0], [0.0]]]))",
    "tf.matmul(tf.ragged.constant([[[1, 2]], [[3]]]), tf.ragged.constant([[[1], [2]], [[3]]]))",
    "tf.matmul(rt, tf.constant([1]))",
    "tf.matmul(tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]]), "
    "tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], ragged_rank=1), transpose_b=True)",
    "tf.matmul(fr, rt)",
    "tf.type_spec_from_value(rt)",
    "tf.type_spec_from_value(r1i)",
    "tf.type_spec_from_value(tf.ragged.constant([[1.0]], row_splits_dtype=tf.int32))",
    "tf.type_spec_from_value(st)",
    "tf.type_spec_from_value(tf.constant([1.0, 2.0]))",
    "tf.type_spec_from_value([1, 2])",
    "tf.type_spec_from_value('ab')",
    "tf.type_spec_from_value(np.zeros((2, 3)))",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert describe(tf, expression) == describe(tf_real, expression)


def test_type_spec_from_value_unsupported():
    value = object()
    with pytest.raises(TypeError, match="Could not build a TypeSpec for <object object"):
        tf.type_spec_from_value(value)


def test_shape_ops_known_values():
    rt = tf.ragged.constant([[1, 2, 3], [], [4, 5]])
    assert tf.tile(rt, [2, 2]).to_list() == [[1, 2, 3, 1, 2, 3], [], [4, 5, 4, 5]] * 2
    assert tf.tile(rt, [2, 2]).shape.as_list() == [6, None]
    assert tf.reverse(rt, [0, 1]).to_list() == [[5, 4], [], [3, 2, 1]]
    squeezed = tf.squeeze(tf.ragged.constant([[[1], [2]], [[3]]]), [2])
    assert squeezed.to_list() == [[1, 2], [3]]
    with pytest.raises(ValueError, match="Ragged.squeeze must have an axis argument."):
        tf.squeeze(rt)
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"\(axis = 1\) is not squeezable"):
        tf.squeeze(rt, [1])
    hot = tf.one_hot(rt, 6)
    assert hot.shape.as_list() == [3, None, 6]
    assert hot.flat_values.numpy().argmax(axis=1).tolist() == [1, 2, 3, 4, 5]


def test_math_known_values():
    rt = tf.ragged.constant([[1.0, 2.0, 3.0], [], [4.0, 5.0]])
    assert tf.add_n([rt, rt]).to_list() == [[2.0, 4.0, 6.0], [], [8.0, 10.0]]
    lse = tf.math.reduce_logsumexp(rt, axis=1).numpy()
    expected = [np.log(np.exp([1, 2, 3]).sum()), -np.inf, np.log(np.exp([4, 5]).sum())]
    np.testing.assert_allclose(lse, expected, rtol=1e-6)
    total = tf.math.unsorted_segment_sum(rt, [0, 0, 0], 1)
    assert total.to_list() == [[5.0, 7.0, 3.0]]
    mean = tf.math.unsorted_segment_mean(rt, [1, 0, 1], 3)
    assert mean.to_list() == [[], [2.5, 3.5, 3.0], []]
    top = tf.math.unsorted_segment_max(tf.ragged.constant([[1, 9], [7]]), [0, 0], 1)
    assert top.to_list() == [[7, 9]]


def test_broadcast_between_ragged_ranks_known_values():
    x = tf.ragged.constant([[[1, 2], [3]], [[4]]])
    y = tf.ragged.constant([[[10], [20]], [[30]]], ragged_rank=1)
    assert (x + y).to_list() == [[[11, 12], [23]], [[34]]]
    assert (x + y).shape.as_list() == [2, None, None]
    with pytest.raises(tf.errors.InvalidArgumentError, match="Condition x == y did not hold"):
        x + tf.ragged.constant([[[1, 2]], [[3, 4]]], ragged_rank=1)


def test_row_starts_limits_messages():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.RaggedTensor.from_row_starts([1, 2, 3], [0, 2, 1])
    assert str(info.value).startswith(
        "Arguments to from_row_starts do not form a valid RaggedTensor.  \n"
        "Condition x >= 0 did not hold element-wise:\nx (shape=(2,) dtype=int64) = \n"
        "['2', '-1']"
    )
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.RaggedTensor.from_row_limits([1, 2, 3], [2, 1, 3])
    assert "from_row_limits do not form a valid RaggedTensor.  \n" in str(info.value)
    assert "['-1', '2']" in str(info.value)


def test_type_spec_from_value_known_values():
    spec = tf.type_spec_from_value(tf.ragged.constant([[1, 2], [3]]))
    assert repr(spec) == "RaggedTensorSpec(TensorShape([2, None]), tf.int32, 1, tf.int64)"
    assert repr(tf.type_spec_from_value(tf.constant([1.0]))) == (
        "TensorSpec(shape=(1,), dtype=tf.float32, name=None)"
    )


def test_gather_nd_matmul_known_values():
    rt = tf.ragged.constant([[1, 2, 3], [], [4, 5]])
    assert tf.gather_nd(rt, [[0, 1], [2, 0]]).numpy().tolist() == [2, 4]
    assert tf.gather_nd(rt, [[2], [0]]).to_list() == [[4, 5], [1, 2, 3]]
    a = tf.ragged.constant([[[1, 2], [3, 4]], [[5, 6]]], ragged_rank=1)
    product = tf.matmul(a, tf.constant([[[1], [1]], [[2], [0]]]))
    assert product.to_list() == [[[3], [7]], [[10]]]
    assert product.shape.as_list() == [2, None, 1]
    assert tf.gather(a, [1], axis=2).to_list() == [[[2], [4]], [[6]]]
