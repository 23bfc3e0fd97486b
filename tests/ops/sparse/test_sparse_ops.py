"""tf.sparse ops: known values (no TF needed), and every listed call against real TF
(printed results, exception classes and messages)."""

import numpy as np
import pytest

import torchkeras as tf

from sparse_oracle import assert_matches_tf
from tests.ops import oracle_compare

S = tf.sparse.SparseTensor

CALLS = [
    # conversions
    "tf.sparse.to_dense(st)",
    "tf.sparse.to_dense(st, default_value=5)",
    "tf.sparse.to_dense(un)",
    "tf.sparse.to_dense(un, validate_indices=False)",
    "tf.sparse.to_dense(rep)",
    "tf.sparse.to_dense(rep, validate_indices=False)",
    "tf.sparse.to_dense(oob)",
    "tf.sparse.to_dense(oob, validate_indices=False)",
    "tf.sparse.to_dense(tf.sparse.SparseTensor([[0, -1]], [1.0], [2, 3]))",
    "tf.sparse.to_dense(tf.sparse.SparseTensor([[0, 1]], ['a'], [2, 2]))",
    "tf.sparse.to_dense(tf.constant([1.0]))",
    "tf.sparse.from_dense(tf.constant([[0, 1.0], [2, 0]]))",
    "tf.sparse.from_dense(tf.constant([['', 'a']]))",
    "tf.sparse.from_dense([[0, 3], [0, 0]])",
    "tf.sparse.from_dense([True, False])",
    "tf.sparse.from_dense(3.0)",
    "tf.sparse.to_indicator(tf.sparse.SparseTensor([[0, 0], [0, 1], [1, 0]], [0, 3, 2], [2, 2]),"
    " 4)",
    "tf.sparse.to_indicator(tf.sparse.SparseTensor([[0, 0], [0, 1]], [0, 7], [2, 2]), 4)",
    # indices
    "tf.sparse.reorder(un)",
    "tf.sparse.reorder(rep)",
    "tf.sparse.reshape(st, [3, -1])",
    "tf.sparse.reshape(st3, [-1, 4])",
    "tf.sparse.reshape(st, [4, -1])",
    "tf.sparse.reshape(st, [4, 2])",
    "tf.sparse.reshape(st, [-1, -1])",
    "tf.sparse.reshape(st, [-2, 3])",
    "tf.sparse.transpose(st)",
    "tf.sparse.transpose(st3, [2, 0, 1])",
    "tf.sparse.transpose(st, [0, 0])",
    "tf.sparse.transpose(st, [0, 2])",
    "tf.sparse.expand_dims(st, 0)",
    "tf.sparse.expand_dims(st, -1)",
    "tf.sparse.expand_dims(st, 1)",
    "tf.sparse.expand_dims(st, 4)",
    "tf.sparse.expand_dims(st, -5)",
    "tf.sparse.reset_shape(st)",
    "tf.sparse.reset_shape(st, [3, 4])",
    "tf.sparse.reset_shape(st, [1, 4])",
    "tf.sparse.reset_shape(st, [3])",
    # slicing
    "tf.sparse.slice(st, [0, 1], [2, 1])",
    "tf.sparse.slice(st, [1, 1], [5, 5])",
    "tf.sparse.slice(st, [0, -1], [2, 2])",
    "tf.sparse.split(sp_input=st, num_split=2, axis=1)",
    "tf.sparse.split(sp_input=ints, num_split=3, axis=1)",
    "tf.sparse.split(sp_input=st, num_split=2, axis=-1)",
    "tf.sparse.split(sp_input=st, num_split=4, axis=1)",
    "tf.sparse.concat(0, [st, st])",
    "tf.sparse.concat(1, [st, un])",
    "tf.sparse.concat(-1, [st, st])",
    "tf.sparse.concat(0, [un, un])",
    "tf.sparse.concat(1, [st, tf.sparse.SparseTensor([[0, 0]], [3.0], [3, 1])], True)",
    "tf.sparse.concat(1, [st, tf.sparse.SparseTensor([[0, 0]], [3.0], [3, 1])])",
    "tf.sparse.concat(1, [st, tf.sparse.SparseTensor([[0, 0]], [3], [2, 1])])",
    # arithmetic
    "tf.sparse.add(st, un)",
    "tf.sparse.add(st, tf.sparse.SparseTensor([[0, 1]], [-0.5], [2, 3]), threshold=0.6)",
    "tf.sparse.add(st, tf.sparse.SparseTensor([[0, 0]], [0.1], [2, 3]), threshold=0.6)",
    "tf.sparse.add(st, tf.sparse.SparseTensor([[0, 1]], [-1.0], [2, 3]))",
    "tf.sparse.add(tf.sparse.SparseTensor([[0, 0], [0, 0]], [1.0, 2.0], [2, 3]),"
    " tf.sparse.SparseTensor([[0, 0]], [5.0], [2, 3]))",
    "tf.sparse.add(tf.sparse.SparseTensor([[0, 0]], [1], [2, 3]),"
    " tf.sparse.SparseTensor([[0, 0]], [-1], [2, 3]), threshold=1)",
    "tf.sparse.add(st, tf.ones([2, 3]))",
    "tf.sparse.add(tf.ones([2, 3]), st)",
    "tf.sparse.add(st, [[1, 2, 3], [4, 5, 6]])",
    "tf.sparse.add(tf.ones([2, 3]), tf.ones([2, 3]))",
    "tf.sparse.add(st, tf.sparse.SparseTensor([[0, 1]], [-1.0], [3, 3]))",
    "tf.sparse.add(st, tf.sparse.SparseTensor([[0, 0]], [1], [2, 3]))",
    "tf.sparse.add(st, tf.sparse.SparseTensor([[0, 0, 0]], [1.0], [2, 3, 1]))",
    "tf.sparse.add(st, tf.ones([3]))",
    "tf.sparse.add(st, tf.ones([2, 4]))",
    "tf.sparse.add(st, tf.ones([2, 3], tf.int32))",
    "tf.sparse.minimum(st, tf.sparse.SparseTensor([[0, 1], [1, 1]], [3.0, 4.0], [2, 3]))",
    "tf.sparse.maximum(st, tf.sparse.SparseTensor([[0, 1], [1, 1]], [3.0, 4.0], [2, 3]))",
    "tf.sparse.maximum(tf.sparse.SparseTensor([[1, 1], [0, 1]], [3.0, 4.0], [2, 3]), st)",
    "tf.sparse.minimum(st, tf.sparse.SparseTensor([[0, 1]], [3.0], [3, 3]))",
    "tf.sparse.minimum(st, tf.sparse.SparseTensor([[0, 1]], [3], [2, 3]))",
    "tf.sparse.map_values(tf.math.multiply, st, 10.0)",
    "tf.sparse.map_values(tf.add, st, st)",
    "tf.sparse.map_values(tf.add, st, un)",
    "tf.sparse.map_values(tf.abs, 3.0)",
    "st * tf.constant([[1.0, 2, 3], [4, 5, 6]])",
    "st * tf.constant([1.0, 2, 3])",
    "st * 2.0",
    "st * 2",
    "st * [1, 2, 3]",
    "st * tf.constant([1.0, 2])",
    "st * tf.ones([3, 2, 3])",
    "st * tf.constant([1, 2, 3])",
    "st * st",
    "tf.constant([1.0, 2, 3]) * st",
    "tf.constant([1.0, 2, 3]) + st",
    "st / 2.0",
    "st / 0.0",
    "st.__div__(tf.constant([1.0, 0, 1]))",
    "tf.sparse.SparseTensor([[0, 0]], [7], [2, 2]) / 2",
    "tf.sparse.SparseTensor([[0, 0]], tf.constant([7], tf.int8), [2, 2]) / 2",
    "tf.sparse.SparseTensor([[0, 0]], [7], [2, 2]) / 0",
    "tf.sparse.SparseTensor([[0, 0]], [7], [2, 2]) * 2.5",
    # reductions
    "tf.sparse.reduce_sum(st)",
    "tf.sparse.reduce_sum(st, 0)",
    "tf.sparse.reduce_sum(st, 1, keepdims=True)",
    "tf.sparse.reduce_sum(st, -1)",
    "tf.sparse.reduce_sum(st, 1, output_is_sparse=True)",
    "tf.sparse.reduce_sum(st, output_is_sparse=True)",
    "tf.sparse.reduce_sum(st, 1, keepdims=True, output_is_sparse=True)",
    "tf.sparse.reduce_sum(tf.sparse.SparseTensor([[0, 0]], [3], [2, 2]), 0)",
    "tf.sparse.reduce_sum(st, 2)",
    "tf.sparse.reduce_sum(st3, [0, 2])",
    "tf.sparse.reduce_sum(st3, [0, 0])",
    "tf.sparse.reduce_sum(tf.sparse.SparseTensor([[1, 2], [0, 1], [1, 0]], [1.0, 2.0, 3.0],"
    " [2, 3]), 1, output_is_sparse=True)",
    "tf.sparse.reduce_max(st)",
    "tf.sparse.reduce_max(st, 1)",
    "tf.sparse.reduce_max(st, 0)",
    "tf.sparse.reduce_max(st, 0, output_is_sparse=True)",
    "tf.sparse.reduce_max(tf.sparse.SparseTensor([[0, 0]], [-3], [2, 2]), 1)",
    "tf.sparse.reduce_max(un, 1)",
    "tf.sparse.softmax(tf.sparse.SparseTensor([[0, 0], [0, 2], [1, 1]], [1.0, 2.0, 3.0], [2, 3]))",
    "tf.sparse.softmax(tf.sparse.SparseTensor([[1, 1], [0, 0], [0, 2]], [3.0, 1.0, 2.0], [2, 3]))",
    "tf.sparse.softmax(tf.sparse.SparseTensor([[0], [2]], [1.0, 2.0], [3]))",
    "tf.sparse.softmax(tf.sparse.SparseTensor([[0, 0]], [1], [3, 3]))",
    # products
    "tf.sparse.sparse_dense_matmul(st, tf.ones([3, 2]))",
    "tf.sparse.sparse_dense_matmul(st, tf.ones([2, 2]), adjoint_a=True)",
    "tf.sparse.sparse_dense_matmul(st, tf.ones([2, 3]), adjoint_b=True)",
    "tf.sparse.sparse_dense_matmul(tf.ones([2, 2]), st)",
    "tf.sparse.sparse_dense_matmul(st, tf.ones([2, 2]))",
    "tf.sparse.sparse_dense_matmul(st, tf.ones([3, 2], tf.float64))",
    "tf.sparse.sparse_dense_matmul(tf.sparse.SparseTensor([[0, 1]], tf.constant([1 + 2j],"
    " tf.complex64), [2, 3]), tf.ones([2, 2], tf.complex64), adjoint_a=True)",
    "tf.sparse.sparse_dense_matmul(tf.sparse.SparseTensor([[0, 1], [0, 1]], [1.0, 2.0], [2, 3]),"
    " tf.ones([3, 2]))",
    "tf.sparse.sparse_dense_matmul(tf.sparse.SparseTensor([[0, 5]], [1.0], [2, 3]),"
    " tf.ones([3, 2]))",
    "tf.sparse.sparse_dense_matmul(tf.sparse.SparseTensor([[0, 1]], [1], [2, 3]),"
    " tf.ones([3, 2], tf.int32))",
    # selection
    "tf.sparse.retain(st, [False, True])",
    "tf.sparse.retain(st, tf.constant([True, True]))",
    "tf.sparse.retain(st, [False, True, True])",
    "tf.sparse.fill_empty_rows(tf.sparse.SparseTensor([[1, 0]], [5.0], [3, 2]), -1.0)",
    "tf.sparse.fill_empty_rows(tf.sparse.SparseTensor([[2, 0], [0, 1]], [1.0, 2.0], [4, 2]), 0)",
    "tf.sparse.fill_empty_rows(tf.sparse.SparseTensor([[2, 0]], ['a'], [3, 2]), '')",
    "tf.sparse.eye(3)",
    "tf.sparse.eye(2, 3, dtype=tf.int32)",
    # segments
    "tf.sparse.segment_sum(d, [0, 2], [0, 0])",
    "tf.sparse.segment_sum(d, [0, 2], [0, 2], num_segments=4)",
    "tf.sparse.segment_mean(d, [0, 1, 2], [0, 0, 0])",
    "tf.sparse.segment_sqrt_n(d, [0, 1, 2], [0, 0, 1])",
    "tf.sparse.segment_sqrt_n(d, [0, 1, 2], [0, 0, 2], num_segments=4)",
    "tf.sparse.segment_sum(d, [0, 1, 2], [1, 0, 0])",
    "tf.sparse.segment_sum(d, [0, 5], [0, 0])",
    "tf.sparse.segment_sum(d, [0, 1], [0, 3], num_segments=2)",
    "tf.sparse.segment_sum(d, [0, 1], [0])",
    "tf.sparse.segment_mean(tf.constant([[1, 2]]), [0], [0])",
    "tf.sparse.segment_sum(tf.constant([[1, 2]]), [0], [0])",
    "tf.sparse.segment_sum(tf.constant([1.0, 2, 3]), [2, 0], [0, 1])",
    # counts and crosses
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]))",
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), axis=-1)",
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), weights=tf.constant([[1.0, 2, 3],"
    " [4, 5, 6]]), axis=-1)",
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), axis=-1, binary_output=True)",
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), minlength=8)",
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), maxlength=3)",
    "tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), axis=-1, minlength=2, maxlength=3)",
    "tf.sparse.bincount(tf.constant([3, 1, 3], tf.int64))",
    "tf.sparse.bincount(tf.sparse.SparseTensor([[0, 0], [1, 1], [1, 2]], [3, 3, 1], [2, 3]),"
    " axis=-1)",
    "tf.sparse.bincount(tf.sparse.SparseTensor([[0, 0], [1, 1], [1, 2]], [3, 3, 1], [2, 3]))",
    "tf.sparse.bincount(tf.constant([3, -1, 3]))",
    "tf.sparse.bincount(tf.constant([3.0, 1.0]))",
    "tf.sparse.bincount(tf.constant([[1, 2]]), axis=1)",
    "tf.sparse.bincount(tf.constant([[[1]]]), axis=-1)",
    "tf.sparse.bincount(tf.constant([], tf.int32))",
    "tf.sparse.bincount(tf.constant([1, 2]), weights=tf.constant([1.0]))",
    "tf.sparse.cross([tf.constant([['a'], ['b']]), tf.constant([['d', 'e'], ['f', 'g']])])",
    "tf.sparse.cross([tf.constant([['a'], ['b']]), tf.constant([['d'], ['f']])], separator='-')",
    "tf.sparse.cross([tf.constant([[1], [2]]), tf.constant([['d'], ['f']])])",
    "tf.sparse.cross([tf.sparse.SparseTensor([[0, 0], [1, 0], [1, 1]], ['x', 'y', 'z'], [3, 2]),"
    " tf.constant([['d'], ['f'], ['g']])])",
    "tf.sparse.cross([tf.constant([['a', 'b']]), tf.constant([['c', 'd']]),"
    " tf.constant([['e', 'f']])])",
    "tf.sparse.cross([tf.constant([[1.5]]), tf.constant([['d']])])",
    "tf.sparse.cross([tf.constant([['a']]), tf.constant([['d'], ['e']])])",
    "tf.sparse.cross([tf.sparse.SparseTensor([[1, 0]], ['x'], [2, 1]),"
    " tf.constant([['d'], ['e']])])",
    "tf.sparse.cross([ints, tf.constant([['d'], ['e']]), tf.constant([['x', 'y'], ['z', 'w']])])",
    "tf.sparse.cross([tf.constant([['d'], ['e']]), ints])",
    "tf.sparse.cross_hashed([tf.constant([['a'], ['b']]), tf.constant([['d', 'e'], ['f', 'g']])])",
    "tf.sparse.cross_hashed([tf.constant([[1], [-2]]), ints], num_buckets=100)",
    "tf.sparse.cross_hashed([ints, tf.constant([['d'], ['e']])], num_buckets=7, hash_key=5)",
    "tf.sparse.cross_hashed([tf.constant([[1.5, -3.0]])], hash_key=0)",
    "tf.sparse.cross_hashed([tf.constant([['a' * 70, 'b' * 20]])])",
    "tf.sparse.cross_hashed([tf.constant([['a']]), tf.constant([['d'], ['e']])])",
    "tf.sparse.cross_hashed([ints, tf.constant([['d']])])",
    # dense ops on a SparseTensor
    "tf.math.abs(st)",
    "tf.math.negative(st)",
    "tf.math.square(st)",
    "tf.math.sign(st)",
    "tf.math.tanh(st)",
    "tf.math.sin(st)",
    "tf.math.exp(st)",
    "tf.math.add(st, 1.0)",
    "tf.cast(st, tf.int32)",
    "tf.identity(st)",
    "tf.shape(st)",
    "tf.size(st)",
    "tf.rank(st)",
    "-st",
    "2.0 * st",
    "st + st",
]


@pytest.mark.parametrize("expression", CALLS)
def test_matches_tensorflow(expression):
    assert_matches_tf(expression)


def test_cross_hashed_known_values():
    """TF 2.21's hashes (FingerprintCat64 of Fingerprint64s, keyed by 0xDECAFCAFFE)."""
    crossed = tf.sparse.cross_hashed([tf.constant([["x"], ["y"]])])
    assert crossed.values.numpy().tolist() == [8059633991857332989, 4808746915999814863]
    crossed = tf.sparse.cross_hashed([tf.constant([[1]]), tf.constant([[2]])])
    assert crossed.values.numpy().tolist() == [5036120653031601357]
    a = S([[0, 0], [0, 1], [1, 0]], ["a", "b", "c"], [3, 2])
    b = tf.constant([[1, 2], [3, -4], [5, 6]], dtype=tf.int64)
    crossed = tf.sparse.cross_hashed([a, b], num_buckets=100)
    assert crossed.values.numpy().tolist() == [85, 87, 83, 57, 94, 7]
    assert crossed.dense_shape.numpy().tolist() == [3, 4]
    assert crossed.values.dtype == tf.int64


def _dense(sp):
    return tf.sparse.to_dense(sp).numpy().tolist()


def test_known_values():
    st = S([[0, 1], [1, 2]], [1.0, -2.0], [2, 3])
    un = S([[1, 2], [0, 1]], [1.0, -2.0], [2, 3])
    assert _dense(st) == [[0, 1, 0], [0, 0, -2]]
    assert tf.sparse.reorder(un).values.numpy().tolist() == [-2.0, 1.0]
    assert tf.sparse.reshape(st, [3, -1]).indices.numpy().tolist() == [[0, 1], [2, 1]]
    assert tf.sparse.transpose(st).indices.numpy().tolist() == [[1, 0], [2, 1]]
    merged = tf.sparse.add(st, un)
    assert merged.indices.numpy().tolist() == [[0, 1], [1, 2], [0, 1]]
    assert merged.values.numpy().tolist() == [1.0, -1.0, -2.0]
    assert tf.sparse.add(st, tf.ones([2, 3])).numpy().tolist() == [[1, 2, 1], [1, 1, -1]]
    assert tf.sparse.concat(1, [st, un]).values.numpy().tolist() == [1.0, -2.0, -2.0, 1.0]
    assert tf.sparse.reduce_sum(st, 0).numpy().tolist() == [0, 1, -2]
    assert tf.sparse.reduce_max(S([[0, 0]], [-3.0], [2, 2]), 1).numpy().tolist() == [-3, 0]
    product = tf.sparse.sparse_dense_matmul(st, tf.ones([2, 2]), adjoint_a=True)
    assert product.numpy().tolist() == [[0, 0], [1, 1], [-2, -2]]
    soft = tf.sparse.softmax(S([[0, 0], [0, 2], [1, 1]], [1.0, 2.0, 3.0], [2, 3]))
    np.testing.assert_allclose(soft.values.numpy(), [0.26894143, 0.7310586, 1.0], rtol=1e-6)
    filled, empty = tf.sparse.fill_empty_rows(S([[2, 0], [0, 1]], [1.0, 2.0], [4, 2]), 0)
    assert filled.indices.numpy().tolist() == [[0, 1], [1, 0], [2, 0], [3, 0]]
    assert empty.numpy().tolist() == [False, True, False, True]
    ints = S([[0, 0], [0, 4], [1, 2]], [1, 2, 3], [2, 5])
    pieces = tf.sparse.split(sp_input=ints, num_split=3, axis=1)
    assert [p.dense_shape.numpy().tolist() for p in pieces] == [[2, 2], [2, 2], [2, 1]]
    assert (st * tf.constant([1.0, 2, 3])).values.numpy().tolist() == [2.0, -6.0]
    assert (S([[0, 0]], [7], [2, 2]) / 2).dtype is tf.float64
    assert isinstance(tf.math.abs(st), tf.SparseTensor)
    assert tf.shape(st).numpy().tolist() == [2, 3]
    counts = tf.sparse.bincount(tf.constant([[1, 2, 2], [0, 0, 5]]), axis=-1)
    assert counts.indices.numpy().tolist() == [[0, 1], [0, 2], [1, 0], [1, 5]]
    assert counts.values.numpy().tolist() == [1, 2, 2, 1]
    crossed = tf.sparse.cross([tf.constant([["a"], ["b"]]), tf.constant([["d", "e"], ["f", "g"]])])
    assert crossed.values.numpy().tolist() == [b"a_X_d", b"a_X_e", b"b_X_f", b"b_X_g"]
    summed = tf.sparse.segment_sum(tf.constant([[1.0, 2], [3, 4], [5, 6]]), [0, 2], [0, 0])
    assert summed.numpy().tolist() == [[6, 8]]


def test_errors_without_tf():
    st = S([[0, 1], [1, 2]], [1.0, -2.0], [2, 3])
    out_of_order = "indices\\[1\\] = \\[0,1\\] is out of order"
    with pytest.raises(tf.errors.InvalidArgumentError, match=out_of_order):
        tf.sparse.to_dense(S([[1, 2], [0, 1]], [1.0, 2.0], [2, 3]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="is repeated"):
        tf.sparse.to_dense(S([[0, 1], [0, 1]], [1.0, 2.0], [2, 3]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="need 0 <= index < \\[2,3\\]"):
        tf.sparse.to_dense(S([[2, 1]], [1.0], [2, 3]))
    with pytest.raises(TypeError, match="At least one input should be SparseTensor"):
        tf.sparse.add(tf.ones([2]), tf.ones([2]))
    with pytest.raises(ValueError, match="^Attempt to convert a value"):
        tf.math.exp(st)
    with pytest.raises(TypeError, match="bad operand type for unary -"):
        -st  # noqa: B018 - the operator's error is the point


def test_gradients_reach_values_and_dense_operand():
    values = tf.Variable([1.0, -2.0])
    dense = tf.Variable(tf.ones([3, 2]))
    with tf.GradientTape(persistent=True) as tape:
        st = S([[0, 1], [1, 2]], values, [2, 3])
        as_dense = tf.sparse.to_dense(st)
        product = tf.sparse.sparse_dense_matmul(st, dense)
        loss_dense = tf.reduce_sum(as_dense * tf.constant([[1.0, 2, 3], [4, 5, 6]]))
        loss_product = tf.reduce_sum(product * tf.constant([[1.0, 2], [3, 4]]))
    assert tape.gradient(loss_dense, values).numpy().tolist() == [2.0, 6.0]
    assert tape.gradient(loss_product, values).numpy().tolist() == [3.0, 7.0]
    assert tape.gradient(loss_product, dense).numpy().tolist() == [[0, 0], [1, 2], [-6, -8]]


def test_gradients_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")

    def grads(m):
        values = m.Variable([1.0, -2.0, 0.5])
        dense = m.Variable(np.arange(6, dtype=np.float32).reshape(3, 2))
        with m.GradientTape(persistent=True) as tape:
            st = m.sparse.SparseTensor([[0, 1], [1, 0], [1, 2]], values, [2, 3])
            twice = m.sparse.SparseTensor(
                [[0, 1], [1, 2], [1, 0], [1, 0]], m.concat([values, values[:1]], 0), [2, 3]
            )
            product = m.sparse.sparse_dense_matmul(st, dense, adjoint_b=False)
            product += m.sparse.sparse_dense_matmul(twice, dense)
            loss = m.reduce_sum(product**2) + m.reduce_sum(
                m.sparse.to_dense(m.sparse.reorder(st)) ** 3
            )
        return [tape.gradient(loss, v).numpy() for v in (values, dense)]

    for got, want in zip(grads(tf), grads(tf_real)):
        np.testing.assert_allclose(got, want, rtol=1e-6)


def _masked(m):
    slices = m.IndexedSlices(
        m.constant([[1.0, 2], [3, 4], [5, 6]]), m.constant([0, 2, 4]), m.constant([5, 2])
    )
    out = m.sparse.mask(slices, [2])
    return (
        out.values.numpy().tolist(),
        out.indices.numpy().tolist(),
        out.dense_shape.numpy().tolist(),
    )


def test_mask():
    assert _masked(tf) == ([[1.0, 2.0], [5.0, 6.0]], [0, 4], [5, 2])
    tf_real = pytest.importorskip("tensorflow")
    assert _masked(tf) == _masked(tf_real)


# Bad arguments get TF's errors (class and message start checked against TF 2.21).
BAD_SPARSE_CALLS = [
    (
        "tf.sparse.slice(tf.SparseTensor([[0, 1]], [1.], [2, 2]), [0], [1])",
        tf.errors.InvalidArgumentError,
        "Expected start to be a vector of length 2 but got length 1",
    ),
    (
        "tf.sparse.slice(tf.SparseTensor([[0, 1]], [1.], [2, 2]), [0, 0], [-1, 1])",
        tf.errors.InvalidArgumentError,
        "Expected a non-negative size, got -1",
    ),
    (
        "tf.sparse.split(sp_input=tf.SparseTensor([[0]], [1.], [3]), num_split=0, axis=0)",
        tf.errors.InvalidArgumentError,
        "Value for attr 'num_split' of 0 must be at least minimum 1",
    ),
    (
        "tf.sparse.split(sp_input=tf.SparseTensor([[0]], [1.], [3]), num_split=2, axis=3)",
        tf.errors.InvalidArgumentError,
        "Input axis should be in range [-1, 1), got 3",
    ),
    (
        "tf.sparse.concat(0, [tf.SparseTensor([[0]], [1.], [3]), "
        "tf.SparseTensor([[0, 0]], [1.], [3, 3])])",
        tf.errors.InvalidArgumentError,
        "Ranks of all input tensors must match: expected 1 but got 2 at position 1",
    ),
    (
        "tf.sparse.concat(5, [tf.SparseTensor([[0]], [1.], [3]), "
        "tf.SparseTensor([[0]], [1.], [3])])",
        tf.errors.InvalidArgumentError,
        "Concat dimension must be in range [-1, 1), got 5",
    ),
    ("tf.sparse.eye(-1)", tf.errors.InvalidArgumentError, "Requires start <= limit"),
    ("tf.sparse.eye(2, 3.5)", TypeError, "num_columns must be an integer value"),
    (
        "tf.sparse.to_dense(tf.SparseTensor([[0]], [1.], [3]), default_value=[0., 1.])",
        tf.errors.InvalidArgumentError,
        "default_value should be a scalar. [Op:SparseToDense]",
    ),
    (
        "tf.sparse.sparse_dense_matmul(tf.SparseTensor([[0, 1]], [1.], [2, 2]), tf.ones([2]))",
        tf.errors.InvalidArgumentError,
        "Tensor 'b' is not a matrix",
    ),
    (
        "tf.sparse.sparse_dense_matmul(tf.SparseTensor([[0, 1, 0]], [1.], [2, 2, 2]), "
        "tf.ones([2, 2]))",
        tf.errors.InvalidArgumentError,
        "Tensor 'a_shape' must have 2 elements",
    ),
    ("tf.sparse.reorder([1., 2.])", TypeError, "Input must be a SparseTensor."),
    ("tf.SparseTensor(None, [1.], [3])", ValueError, "Attempt to convert a value (None)"),
    ("tf.SparseTensor([[0]], [1.], [-3])", ValueError, "Dimension -3 must be >= 0"),
    ("tf.SparseTensor.from_value([1., 2.])", TypeError, "Argument sparse_tensor_value=[1.0, 2.0]"),
    (
        "tf.sparse.reduce_sum(tf.SparseTensor([[0]], ['a'], [3]))",
        tf.errors.InvalidArgumentError,
        "Value for attr 'T' of string is not in the list of allowed values: float, double,",
    ),
    (
        "tf.sparse.reduce_max(tf.SparseTensor([[0]], ['a'], [3]), output_is_sparse=True)",
        tf.errors.InvalidArgumentError,
        "Value for attr 'T' of string is not in the list of allowed values: float, double,",
    ),
    (
        "tf.SparseTensor([[0]], [1.], [3]) @ tf.ones([3])",
        ValueError,
        "Attempt to convert a value (SparseTensor(indices=tf.Tensor([[0]]",
    ),
    (
        "tf.SparseTensor([[0]], [1.], [3]) - tf.ones([3])",
        ValueError,
        "Attempt to convert a value (SparseTensor(indices=tf.Tensor([[0]]",
    ),
    (
        "tf.sparse.concat(0, [])",
        tf.errors.InvalidArgumentError,
        "OpKernel 'SparseConcat' has constraint on attr 'T' not in NodeDef '[N=0, concat_dim=0]'",
    ),
    (
        "tf.sparse.cross([tf.SparseTensor([[0, 0]], ['a'], [1, 1]), "
        "tf.SparseTensor([[0, 0]], ['b'], [2, 1])])",
        tf.errors.InvalidArgumentError,
        "Expected batch size 1 got 2 at position 1 [Op:SparseCrossV2]",
    ),
    (
        "tf.sparse.cross_hashed([tf.constant([['a'], ['b']]), "
        "tf.SparseTensor([[0, 0]], ['a'], [1, 1])])",
        tf.errors.InvalidArgumentError,
        "Expected batch size 1 got 2 at dense tensor 0 [Op:SparseCross]",
    ),
    (
        "tf.sparse.reshape(tf.SparseTensor([[0, 1]], [1.], [2, 2]), [1.5])",
        tf.errors.InvalidArgumentError,
        "Input to reshape is a tensor with 4 dense values, but the requested shape has 1.",
    ),
    (
        "tf.sparse.reshape(tf.SparseTensor([[0, 1]], [1.], [2, 2]), ['a'])",
        tf.errors.UnimplementedError,
        "Cast string to int64 is not supported",
    ),
]


@pytest.mark.parametrize("source,cls,start", BAD_SPARSE_CALLS)
def test_bad_sparse_arguments_raise_tfs_error(source, cls, start):
    oracle_compare.assert_raises(tf, source, cls, start)


def test_bad_sparse_arguments_match_real_tf():
    real_tf = pytest.importorskip("tensorflow")
    oracle_compare.assert_same_errors(tf, real_tf, [source for source, _, _ in BAD_SPARSE_CALLS])
