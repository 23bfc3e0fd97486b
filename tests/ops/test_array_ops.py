"""Array ops: creation, shapes, indexing, casts, scatter (plain tests, then against real TF)."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from oracle_compare import assert_same, run

X = tf.reshape(tf.range(6), [2, 3])
F = tf.reshape(tf.range(6.0), [2, 3])


def _np(t):
    return np.asarray(t)


# ---------------------------------------------------------------- creation


def test_creation_dtypes_and_shapes():
    assert tf.zeros([2], tf.int32).dtype == tf.int32
    assert tf.ones(3).shape == (3,)
    assert tf.ones(tf.TensorShape([2, 1])).shape == (2, 1)
    assert tf.zeros(tf.constant([2, 2])).dtype == tf.float32
    assert tf.zeros([]).shape == ()
    assert _np(tf.zeros([2], tf.string)).tolist() == [b"", b""]
    assert tf.ones_like([1, 2]).dtype == tf.int32
    assert tf.zeros_like(F, dtype=tf.int64).dtype == tf.int64
    assert _np(tf.fill([2, 2], 3)).tolist() == [[3, 3], [3, 3]]
    assert tf.fill([2], 3.0).dtype == tf.float32
    assert _np(tf.eye(2, 3)).tolist() == [[1, 0, 0], [0, 1, 0]]
    assert tf.eye(2, batch_shape=[3]).shape == (3, 2, 2)


def test_creation_errors():
    with pytest.raises(
        tf.errors.InvalidArgumentError, match=r"Dimension -1 must be >= 0 \[Op:Fill\]"
    ):
        tf.zeros([-1])
    with pytest.raises(TypeError, match=r"Cannot convert \[2.5\] to EagerTensor of dtype int32"):
        tf.zeros([2.5])
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="value must represent a scalar, got shape"
    ):
        tf.fill([2], [1, 2])


def test_range_inference_and_errors():
    assert tf.range(5).dtype == tf.int32
    assert tf.range(1.0, 5).dtype == tf.float32
    assert tf.range(np.float64(3)).dtype == tf.float64
    assert tf.range(tf.constant(3, tf.int64)).dtype == tf.int64
    np.testing.assert_allclose(_np(tf.range(0, 1, 0.3)), [0, 0.3, 0.6, 0.90000004], rtol=1e-6)
    assert _np(tf.range(5, 1, -1)).tolist() == [5, 4, 3, 2]
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Requires start <= limit when delta > 0: 5/1"
    ):
        tf.range(5, 1)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Requires delta != 0"):
        tf.range(1, 5, 0)


def test_linspace_and_identity():
    assert tf.linspace(0, 1, 5).dtype == tf.float64
    np.testing.assert_allclose(_np(tf.linspace(0.0, 1.0, 5)), [0, 0.25, 0.5, 0.75, 1])
    assert tf.linspace([0.0, 1.0], [1.0, 2.0], 3).shape == (3, 2)
    assert tf.linspace(0.0, 1.0, 0).shape == (0,)
    v = tf.constant([1, 2])
    assert _np(tf.identity(v)).tolist() == [1, 2]


# ---------------------------------------------------------------- shapes


def test_reshape_infers_and_reports():
    assert tf.reshape(X, [3, -1]).shape == (3, 2)
    assert tf.reshape(tf.zeros([0, 3]), [-1, 0]).shape == (3, 0)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="requested shape requires a multiple of 4"
    ):
        tf.reshape(X, [4, -1])
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Only one input size may be -1, not both 0 and 1"
    ):
        tf.reshape(X, [-1, -1])


def test_transpose_concat_stack_unstack_split():
    assert tf.transpose(X).shape == (3, 2)
    assert _np(tf.transpose(tf.constant([1 + 2j]), conjugate=True)).tolist() == [1 - 2j]
    assert tf.concat([X, X], -1).shape == (2, 6)
    assert tf.concat([tf.constant([1.0, 2.0]), [3, 4]], 0).dtype == tf.float32
    assert tf.stack([X, X], axis=-1).shape == (2, 3, 2)
    assert tf.stack([]).shape == (0,)
    assert [t.shape for t in tf.unstack(X, axis=1)] == [(2,), (2,), (2,)]
    assert [t.shape for t in tf.split(X, [1, -1], axis=1)] == [(2, 1), (2, 2)]
    with pytest.raises(ValueError, match=r"Argument `axis` = 3 not in range \[-3, 3\)"):
        tf.stack([X, X], axis=3)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="ConcatOp : Dimension 1 in both shapes must be equal"
    ):
        tf.concat([X, tf.zeros([2, 2], tf.int32)], 0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="evenly divide the split dimension"):
        tf.split(X, 2, axis=1)


def test_squeeze_expand_tile_pad():
    assert tf.squeeze(tf.zeros([1, 2, 1])).shape == (2,)
    assert tf.squeeze(tf.zeros([1, 2, 1]), axis=[0]).shape == (2, 1)
    assert tf.expand_dims(X, -1).shape == (2, 3, 1)
    assert tf.tile(X, [2, 1]).shape == (4, 3)
    assert _np(tf.pad(X, [[0, 0], [2, 2]], mode="REFLECT"))[0].tolist() == [2, 1, 0, 1, 2, 1, 0]
    assert _np(tf.pad(X, [[0, 0], [2, 2]], mode="symmetric"))[0].tolist() == [1, 0, 0, 1, 2, 2, 1]
    assert _np(tf.pad(X, [[1, 0], [0, 0]], constant_values=9))[0].tolist() == [9, 9, 9]
    with pytest.raises(ValueError, match="Received `mode` = FOO"):
        tf.pad(X, [[1, 1], [1, 0]], mode="foo")
    with pytest.raises(tf.errors.InvalidArgumentError, match="Can not squeeze dim\\[1\\]"):
        tf.squeeze(tf.zeros([1, 2, 1]), axis=1)


def test_squeeze_axis_kinds_as_tf_attr_conversion():
    x = tf.zeros([1, 2, 1])
    assert tf.squeeze(x, axis=range(1)).shape == (2, 1)
    assert tf.squeeze(x, axis=np.array([], np.int32)).shape == (2,)
    for unsized in (tf.constant(0), tf.constant(0.0), np.array(0), tf.Variable([0])):
        with pytest.raises(MemoryError, match="std::bad_alloc"):
            tf.squeeze(x, axis=unsized)
    with pytest.raises(TypeError, match="Expected list for 'axis' argument to 'squeeze' Op, not"):
        tf.squeeze(x, axis=tf.constant([0]))


# ---------------------------------------------------------------- indexing


def test_gather_family():
    assert _np(tf.gather(X, [2, 0], axis=1)).tolist() == [[2, 0], [5, 3]]
    assert _np(tf.gather(X, [[0, 1], [1, 2]], axis=1, batch_dims=1)).tolist() == [[0, 1], [4, 5]]
    assert tf.gather(tf.zeros([2, 3, 4]), [[0, 1], [2, 2]], axis=2, batch_dims=1).shape == (2, 3, 2)
    assert _np(tf.gather_nd(X, [[0, 1], [1, 2]])).tolist() == [1, 5]
    assert _np(tf.gather_nd(X, [[0], [1]], batch_dims=1)).tolist() == [0, 4]
    with pytest.raises(
        tf.errors.InvalidArgumentError, match=r"indices\[1,0\] = 5 is not in \[0, 2\)"
    ):
        tf.gather(X, [[0, 1], [5, 0]])
    assert _np(tf.boolean_mask(X, [True, False, True], axis=1)).tolist() == [[0, 2], [3, 5]]
    with pytest.raises(ValueError, match="mask cannot be scalar."):
        tf.boolean_mask(tf.constant(1), True)


def test_one_hot_cast_shape():
    assert _np(tf.one_hot([0, -1, 5], 3)).tolist() == [[1, 0, 0], [0, 0, 0], [0, 0, 0]]
    assert tf.one_hot([0, 2], 3, on_value=5, off_value=-1).dtype == tf.int32
    assert tf.one_hot([[0, 2]], 3, axis=1).shape == (1, 3, 2)
    assert _np(tf.cast(tf.constant([1.7, -1.7, 2.5]), tf.int32)).tolist() == [1, -1, 2]
    assert _np(tf.cast(tf.constant([-1.5]), tf.uint8)).tolist() == [255]
    assert _np(tf.cast(tf.constant([1 + 2j]), tf.float32)).tolist() == [1.0]
    with pytest.raises(tf.errors.UnimplementedError, match="Cast string to int32 is not supported"):
        tf.cast(tf.constant(["a"]), tf.int32)
    assert tf.shape(X).dtype == tf.int32 and _np(tf.shape(X)).tolist() == [2, 3]
    assert tf.shape(X, out_type=tf.int64).dtype == tf.int64
    assert int(tf.rank(X)) == 2 and int(tf.size(X)) == 6


def test_sort_unique_slices():
    assert _np(tf.sort([3, 1, 2], direction="DESCENDING")).tolist() == [3, 2, 1]
    assert _np(tf.argsort([3, 1, 1, 2], direction="DESCENDING", stable=True)).tolist() == [
        0,
        3,
        1,
        2,
    ]
    y, idx = tf.unique([1, 1, 3, 2, 3])
    assert _np(y).tolist() == [1, 3, 2] and _np(idx).tolist() == [0, 0, 1, 2, 1]
    assert type(tf.unique([1])).__name__ == "Unique"
    assert _np(tf.unique(tf.constant(["b", "a", "b"])).y).tolist() == [b"b", b"a"]
    assert _np(tf.slice(X, [0, 1], [-1, 1])).tolist() == [[1], [4]]
    assert tf.strided_slice(X, [0], [1], new_axis_mask=1).shape == (1, 2, 3)
    assert _np(tf.strided_slice(X, [0, 0], [2, 3], [1, 2])).tolist() == [[0, 2], [3, 5]]


def test_scatter_updates_are_functional():
    out = tf.tensor_scatter_nd_update(X, [[0, 0], [1, 2]], [10, 20])
    assert _np(out).tolist() == [[10, 1, 2], [3, 4, 20]]
    assert _np(X).tolist() == [[0, 1, 2], [3, 4, 5]]
    assert _np(tf.tensor_scatter_nd_add(X, [[0, 0], [0, 0]], [10, 20]))[0, 0] == 30
    assert _np(tf.tensor_scatter_nd_sub(X, [[1]], [[1, 1, 1]]))[1].tolist() == [2, 3, 4]
    assert _np(tf.scatter_nd([[0], [2], [0]], [1, 2, 3], [4])).tolist() == [4, 0, 2, 0]
    with pytest.raises(TypeError, match="Cannot convert"):
        tf.tensor_scatter_nd_update(X, [[0, 0]], [1.5])


def test_gradients_flow_through_array_ops():
    leaf = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
    x = tf.from_torch(leaf)
    parts = [
        tf.reshape(x, [-1]),
        tf.transpose(x),
        tf.concat([x, x], 0),
        tf.stack([x, x]),
        tf.gather(x, [1, 1]),
        tf.gather_nd(x, [[0, 2]]),
        tf.boolean_mask(x, [True, False]),
        tf.pad(x, [[1, 1], [1, 1]], mode="REFLECT"),
        tf.tile(x, [1, 2]),
        tf.slice(x, [0, 1], [2, 1]),
        tf.tensor_scatter_nd_update(x, [[0, 0]], tf.constant([0.0])),
        tf.expand_dims(x, 0),
        tf.reverse(x, [1]),
    ]
    total = sum(tf.as_torch(p).sum() for p in parts)
    total.backward()
    assert leaf.grad is not None and leaf.grad.shape == (2, 3)
    assert float(leaf.grad[0, 0]) > 0


def test_out_of_range_gathers_give_zeros_where_tf_does_not_check(monkeypatch):
    from torchkeras.ops import gather_ops

    monkeypatch.setattr(gather_ops, "_validates_indices", lambda device: False)
    assert _np(tf.gather(F, [1, 5, -1])).tolist() == [[3, 4, 5], [0, 0, 0], [0, 0, 0]]
    assert _np(tf.gather(F, [[0, 7], [2, 1]], axis=1, batch_dims=1)).tolist() == [[0, 0], [5, 4]]
    assert _np(tf.gather_nd(F, [[1, 2], [2, 0]])).tolist() == [5, 0]


def test_new_tensors_follow_the_device_scope():
    with tf.device("/CPU:0"):
        assert "CPU" in tf.zeros([2]).device
        assert "CPU" in tf.range(3).device


# ---------------------------------------------------------------- against real TensorFlow

CASES = [
    line
    for line in """
tf.ones([2])
tf.ones(3)
tf.ones((2,), tf.int32)
tf.ones(tf.constant([2]))
tf.ones(tf.TensorShape([2]))
tf.zeros([2],tf.int32)
tf.zeros([-1])
tf.zeros([2.5])
tf.zeros("a")
tf.ones_like([1,2])
tf.ones_like(tf.constant([1.,2]), dtype=tf.int64)
tf.zeros_like([1.,2])
tf.fill([2,2], 3)
tf.fill([2], 3.)
tf.fill([2], tf.constant(3.))
tf.fill([2], [1,2])
tf.fill([-1], 3)
tf.eye(2)
tf.eye(2,3)
tf.eye(2, batch_shape=[2])
tf.eye(2, dtype=tf.int32)
tf.range(5)
tf.range(1,5,2)
tf.range(1.,5)
tf.range(5, dtype=tf.float32)
tf.range(5, dtype=tf.int64)
tf.range(0,1,0.3)
tf.range(5,1)
tf.range(5,1,-1)
tf.range(1,5,0)
tf.range(tf.constant(3))
tf.range(tf.constant(3, tf.int64))
tf.range(0, 5, dtype=tf.bool)
tf.range(np.float64(3))
tf.linspace(0.,1.,5)
tf.linspace(0,1,5)
tf.linspace(0.,1.,1)
tf.linspace(0.,1.,0)
tf.linspace([0.,1.],[1.,2.],3)
tf.linspace(tf.constant(0., tf.float64),1.,3)
tf.identity([1,2])
tf.identity(tf.constant(1.))
tf.zeros([2], dtype='float64')
tf.zeros([])
tf.ones(None)
tf.reshape(x, [-1])
tf.reshape(x, [3,-1])
tf.reshape(x, [4,-1])
tf.reshape(x, [4,2])
tf.reshape(x, [-1,-1])
tf.reshape(x, [-2])
tf.reshape(x, (6,))
tf.reshape(x, 6)
tf.reshape([1,2,3], [3,1]).dtype
tf.reshape(x, tf.constant([3,2])).shape
tf.reshape(x, [0,-1])
tf.reshape(tf.zeros([0,3]), [-1,0])
tf.transpose(x)
tf.transpose(x, [1,0]).shape
tf.transpose(x, [0])
tf.transpose(x, [0,0])
tf.transpose(x, [0,2])
tf.transpose(tf.constant([1+2j]), conjugate=True)
tf.concat([x,x],0).shape
tf.concat([x,x],-1).shape
tf.concat([x,f],0)
tf.concat([x,tf.zeros([2,2],tf.int32)],0)
tf.concat([x,x],2)
tf.concat([x],0).shape
tf.concat([[1,2],[3]],0)
tf.stack([x,x]).shape
tf.stack([x,x],axis=-1).shape
tf.stack([x,x],axis=3)
tf.stack([x,tf.zeros([3,2],tf.int32)])
tf.stack([1,2])
tf.stack([])
tf.unstack(x)
tf.unstack(x, axis=1)
tf.unstack(x, num=3)
tf.unstack(x, axis=2)
tf.unstack(tf.constant(1))
tf.split(x, 3, axis=1)
tf.split(x, 2, axis=1)
tf.split(x, [1,2], axis=1)
tf.split(x, [1,-1], axis=1)
tf.split(x, [1,1], axis=1)
tf.split(x, [-1,-1], axis=1)
tf.split(x, 2)
tf.split(x, 0)
tf.split(x, 2, axis=3)
tf.split(x, 2, num=2)
tf.squeeze(tf.zeros([1,2,1])).shape
tf.squeeze(tf.zeros([1,2,1]), axis=0).shape
tf.squeeze(tf.zeros([1,2,1]), axis=[0,2]).shape
tf.squeeze(tf.zeros([1,2,1]), axis=1)
tf.squeeze(tf.zeros([1,2,1]), axis=3)
tf.squeeze(tf.zeros([1,2,1]), axis=tf.constant(0))
tf.squeeze(tf.zeros([1,2,1]), axis=tf.constant(0.))
tf.squeeze(tf.zeros([1,2,1]), axis=np.array(0))
tf.squeeze(tf.zeros([1,2,1]), axis=tf.Variable([0]))
tf.squeeze(tf.zeros([1,2,1]), axis=tf.constant([0]))
tf.squeeze(tf.zeros([1,2,1]), axis=np.array([[0]]))
tf.squeeze(tf.zeros([1,2,1]), axis={0: 1})
tf.squeeze(tf.zeros([1,2,1]), axis=np.array([], np.int32)).shape
tf.squeeze(tf.zeros([1,2,1]), axis=tf.constant([], tf.int32)).shape
tf.squeeze(tf.zeros([1,2,1]), axis=range(1)).shape
tf.squeeze(tf.zeros([1,2,1]), axis=[tf.constant(2)]).shape
tf.squeeze(tf.zeros([1,2,1]), axis=np.float32(0.5)).shape
tf.expand_dims(x, 0).shape
tf.expand_dims(x, -1).shape
tf.expand_dims(x, 3)
tf.expand_dims(x, -4)
tf.expand_dims(x, [0])
tf.expand_dims(x, [0,1])
tf.tile(x, [1,2]).shape
tf.tile(x, [2])
tf.tile(x, [-1,2])
tf.tile(x, tf.constant([2,1])).shape
tf.pad(x, [[1,1],[2,0]])
tf.pad(x, [[1,1],[2,0]], constant_values=9)
tf.pad(x, [[1,1],[2,2]], mode="REFLECT")
tf.pad(x, [[1,1],[2,2]], mode="symmetric")
tf.pad(x, [[1,1],[3,3]], mode="REFLECT")
tf.pad(x, [[1,1],[4,4]], mode="SYMMETRIC")
tf.pad(x, [[1,1]])
tf.pad(x, [[1,1],[-1,0]])
tf.pad(x, [[1,1],[1,0]], mode="foo")
tf.pad(f, [[1,1],[1,0]], constant_values=1)
tf.pad(x, [[1,1],[1,0]], constant_values=1.5)
tf.gather(x, [1,0])
tf.gather(x, [2,0], axis=1)
tf.gather(x, 5)
tf.gather(x, [[0,2]], axis=1).shape
tf.gather(x, [-1])
tf.gather(x, [1.0])
tf.gather(x, tf.constant([1], tf.int64))
tf.gather(x, [0,3], axis=1)
tf.gather(x, [0], axis=2)
tf.gather(x, [[0,1],[1,2]], axis=1, batch_dims=1)
tf.gather(x, [[0,1],[1,2]], axis=1, batch_dims=-1)
tf.gather(x, [[0,1]], axis=1, batch_dims=1)
tf.gather(x, [[0,1],[1,2]], batch_dims=1)
tf.gather(x, [[0,1],[1,2]], batch_dims=3)
tf.gather_nd(x, [[0,1],[1,2]])
tf.gather_nd(x, [[1]])
tf.gather_nd(x, [1])
tf.gather_nd(x, [[2,0]])
tf.gather_nd(x, [[0,0,0]])
tf.gather_nd(x, [[0],[1]], batch_dims=1)
tf.boolean_mask(x, [True, False])
tf.boolean_mask(x, [[True, False, True],[False,False,True]])
tf.boolean_mask(x, [True, False,True], axis=1)
tf.boolean_mask(x, [True])
tf.boolean_mask(x, [1,0])
tf.boolean_mask(tf.constant(1), True)
tf.one_hot([0,2], 3)
tf.one_hot([0,-1,5], 3)
tf.one_hot([0,2], 3, on_value=5, off_value=-1)
tf.one_hot([0,2], 3, on_value=5.)
tf.one_hot([0,2], 3, on_value=5, off_value=1.)
tf.one_hot([0,2], 3, dtype=tf.int32)
tf.one_hot([0,2], 3, axis=0)
tf.one_hot([[0,2]], 3, axis=1).shape
tf.one_hot([0,2], 3, axis=2)
tf.one_hot([0.,2], 3)
tf.one_hot(tf.constant([0,2],tf.int64), 3)
tf.one_hot(tf.constant([0,2],tf.uint8), 3)
tf.one_hot([0,2], 3, on_value=True, off_value=False)
tf.one_hot([0,2], -1)
tf.cast(tf.constant([1.7,-1.7,2.5]), tf.int32)
tf.cast(tf.constant([1.7,-1.7, 0]), tf.bool)
tf.cast(tf.constant([True,False]), tf.float32)
tf.cast([1,2], tf.float32)
tf.cast(1.5, tf.int64)
tf.cast(tf.constant(["a"]), tf.int32)
tf.cast(tf.constant([1]), tf.string)
tf.cast(tf.constant([1+2j]), tf.float32)
tf.cast(tf.constant([1.]), tf.complex64)
tf.cast(tf.constant([300]), tf.uint8)
tf.cast(tf.constant([1e10]), tf.int32)
tf.cast(tf.constant([np.nan]), tf.int32)
tf.cast(x, 'float16')
tf.shape(x)
tf.shape(x, out_type=tf.int64)
tf.shape([[1,2]])
tf.shape(x, out_type=tf.float32)
tf.shape(tf.constant(1))
tf.rank(x)
tf.rank(1.)
tf.size(x)
tf.size(x, out_type=tf.int64)
tf.shape_n([x, tf.zeros([4])])
tf.broadcast_to([1,2,3],[2,3])
tf.broadcast_to([1,2,3],[2,2])
tf.broadcast_to(x,[3])
tf.reverse(x, [1])
tf.reverse(x, [0,1])
tf.reverse(x, [2])
tf.reverse(x, [0,0])
tf.reverse(x, 0)
tf.reverse(x, [-1])
tf.sort([3,1,2])
tf.sort([3,1,2], direction="DESCENDING")
tf.sort([3,1,2], direction="down")
tf.sort(x, axis=0, direction="DESCENDING")
tf.sort(x, axis=2)
tf.sort([3.,np.nan,1.])
tf.sort(tf.constant(3))
tf.sort([True, False])
tf.argsort([3,1,2])
tf.argsort([3,1,1,2], direction="DESCENDING", stable=True)
tf.argsort([3.,np.nan,1.])
tf.argsort(x, axis=0)
tf.argsort([3,1,2], axis=1)
tf.unique([1,1,3,2,3])
tf.unique([1.,1,3])
tf.unique([1,1,3], out_idx=tf.int64)
tf.unique(x)
tf.unique(tf.constant(["b","a","b"]))
tf.slice(x, [0,1], [2,2])
tf.slice(x, [0,1], [-1,1])
tf.slice(x, [0,1], [3,1])
tf.slice(x, [0], [1])
tf.slice(x, [0,-1], [1,1])
tf.strided_slice(x, [0,0],[2,3],[1,2])
tf.strided_slice(x, [1],[0],[-1])
tf.strided_slice(x, [0,0],[2,3])
tf.strided_slice(x, [0,0],[1,1], shrink_axis_mask=1)
tf.strided_slice(x, [0,0],[1,1], begin_mask=1, end_mask=2)
tf.strided_slice(x, [0],[1], new_axis_mask=1).shape
tf.strided_slice(x, [0,1],[1,2], ellipsis_mask=1).shape
tf.tensor_scatter_nd_update(x, [[0,0],[1,2]], [10,20])
tf.tensor_scatter_nd_update(x, [[1]], [[7,8,9]])
tf.tensor_scatter_nd_update(x, [[0,0],[1,2]], [10.,20])
tf.tensor_scatter_nd_update(x, [[2,0]], [10])
tf.tensor_scatter_nd_update(x, [[0,0]], [10,20])
tf.tensor_scatter_nd_add(x, [[0,0],[0,0]], [10,20])
tf.tensor_scatter_nd_sub(x, [[0,0],[1,1]], [10,20])
tf.tensor_scatter_nd_update(x, [[0,0],[0,0]], [10,20])
tf.scatter_nd([[0],[2],[0]], [1,2,3], [4])
tf.scatter_nd([[0],[2]], [[1,2],[3,4]], [3,2])
tf.scatter_nd([[5]], [1], [4])
tf.scatter_nd([[0]], [1,2], [4])
tf.scatter_nd([[0]], [1.], tf.constant([4],tf.int64))
tf.tensor_scatter_nd_update(x, [[5,0]], [10])
tf.tensor_scatter_nd_update(x, [0,0], 10)
tf.concat([x, tf.range(3)], 0)
tf.concat([tf.constant([1.,2.]), [3, 4]], 0)
tf.concat([[3, 4], tf.constant([1.,2.])], 0)
tf.concat([tf.constant([1.,2.]), [3.5, 4]], 0)
tf.stack([tf.constant([1.,2.]), [3, 4]])
tf.stack([tf.constant(1.), 2])
tf.gather(x, [[0, 1],[5, 0]])
tf.gather(tf.constant(1), [0])
tf.tensor_scatter_nd_update(x, [[0]], [[1,2]])
tf.tensor_scatter_nd_update(x, [[0]], tf.constant([[1.,2.,3.]]))
tf.tensor_scatter_nd_update(x, [[0.]], [[1,2,3]])
tf.tensor_scatter_nd_update(x, [[0,0,0]], [1])
tf.scatter_nd([[0]], [1.], [-4])
tf.scatter_nd([[0]], [[1.]], [4])
tf.slice(x, [1,1], [2,1])
tf.slice(x, [0,0,0], [1,1,1])
tf.reverse(x, [0.])
tf.tile(x, [2.])
tf.transpose(x, [1.,0])
tf.expand_dims(x, 1.)
tf.reshape(x, [2.,3])
tf.broadcast_to(x, [2.,3])
tf.one_hot([0], 2.5)
tf.shape_n([x, x])
tf.unstack(tf.zeros([2,0]))
tf.unstack(tf.zeros([0,2]))
tf.ones([2,2], dtype=tf.string)
tf.zeros([2], dtype=tf.string)
tf.fill([2], "a")
tf.zeros_like(tf.constant(["a"]))
tf.ones_like(tf.constant(["a"]))
tf.zeros([2], tf.bool)
tf.ones([2], tf.complex64)
tf.reshape(tf.constant(["a","b"]), [2,1])
tf.concat([tf.constant(["a"]), tf.constant(["b"])], 0)
tf.gather(tf.constant(["a","b"]), [1,1])
tf.stack([tf.constant("a"), "b"])
tf.cast(tf.constant([1.5]), tf.uint8)
tf.cast(tf.constant([-1.5]), tf.uint8)
tf.boolean_mask(tf.constant(["a","b"]), [True, False])
tf.eye(3, num_columns=2, dtype=tf.int64)
tf.eye(2, batch_shape=[2, 1]).shape
tf.eye(0)
tf.one_hot([0, 2], 3, dtype=tf.float64)
tf.one_hot([0, 2], 3, on_value=2., dtype=tf.float64)
tf.one_hot([0, 2], 3, on_value=tf.constant(2.), dtype=tf.float64)
tf.one_hot(tf.constant([[1, 0], [2, 5]]), 4, axis=0)
tf.one_hot([1, 2], 0)
tf.cast([True, False], tf.int32)
tf.cast([[1, 0]], tf.bool)
tf.cast(tf.constant([1.5, 2.5], tf.float64), tf.float16)
tf.cast(tf.constant([1, 2], tf.int64), tf.int8)
tf.cast(tf.constant([3 + 4j], tf.complex64), tf.complex128)
tf.cast(tf.constant([-3.9]), tf.int64)
tf.sort(f, axis=0, direction="DESCENDING")
tf.sort(tf.constant([[3, 1], [2, 5]]))
tf.argsort(tf.constant([[3., 1.], [2., 5.]]), axis=0, direction="DESCENDING")
tf.tensor_scatter_nd_update(tf.zeros([2, 2, 2]), [[0, 1]], [[5., 6.]])
tf.tensor_scatter_nd_add(tf.zeros([4]), [[1], [1], [3]], [1., 2., 3.])
tf.tensor_scatter_nd_max(x, [[0, 0], [1, 1]], [10, -5])
tf.tensor_scatter_nd_min(x, [[0, 0], [1, 1]], [10, -5])
tf.scatter_nd([[1, 0], [0, 1]], [5., 6.], [2, 2])
tf.broadcast_to(tf.constant(1.), tf.constant([2, 2]))
tf.broadcast_to([[1], [2]], [2, 3])
tf.reverse(tf.constant(["a", "b"]), [0])
tf.tile(tf.constant([["a"]]), [2, 2])
tf.expand_dims(tf.constant("a"), 0)
tf.squeeze(tf.constant([["a"]]))
tf.transpose(tf.constant([["a", "b"]]))
tf.unstack(tf.constant(["a", "b"]))
tf.split(tf.constant(["a", "b", "c", "d"]), 2)
tf.shape(tf.constant(["a", "b"]))
tf.size(tf.constant([[1, 2]]), out_type=tf.float32)
tf.rank([[1], [2]])
tf.unique(tf.constant([2., 1., 2., 3.]), out_idx=tf.int64)
tf.unique([])
tf.unique(tf.constant([5, 5, 5], tf.int64))
tf.gather(f, tf.constant([[1, 0]], tf.int64), axis=-1)
tf.gather(tf.reshape(tf.range(24), [2, 3, 4]), [[0, 3], [1, 2]], axis=2, batch_dims=1)
tf.gather(tf.reshape(tf.range(24), [2, 3, 4]), [[[0], [3], [1]], [[1], [2], [0]]], axis=2, batch_dims=2)
tf.gather(tf.reshape(tf.range(24), [2, 3, 4]), [[0, 2], [1, 1]], axis=1, batch_dims=1)
tf.gather(tf.reshape(tf.range(24), [2, 3, 4]), [[0, 2], [1, 1]], axis=2, batch_dims=0)
tf.gather_nd(tf.reshape(tf.range(24), [2, 3, 4]), [[[0, 1], [1, 2]]])
tf.gather_nd(tf.reshape(tf.range(24), [2, 3, 4]), [[0, 1], [1, 2]], batch_dims=1)
tf.gather_nd(tf.reshape(tf.range(24), [2, 3, 4]), [[[1], [0]], [[2], [2]]], batch_dims=1)
tf.gather_nd(x, tf.zeros([0, 2], tf.int32))
tf.boolean_mask(tf.reshape(tf.range(24), [2, 3, 4]), [[True, False, True], [False, True, False]])
tf.boolean_mask(tf.reshape(tf.range(24), [2, 3, 4]), [True, False, True, True], axis=-1)
tf.boolean_mask(tf.reshape(tf.range(24), [2, 3, 4]), [[True, False, True, True]], axis=1)
tf.concat([x, x], tf.constant(1))
tf.concat((x, x), axis=0)
tf.concat([tf.constant(1), tf.constant(2)], 0)
tf.stack([tf.constant([1]), tf.constant([2.])])
tf.stack([1, 2.5])
tf.stack([[1, 2], [3, 4]], axis=1)
tf.split(x, tf.constant([1, 2]), axis=1)
tf.split(x, 3, axis=-1)
tf.range(10, 0, -3)
tf.range(0., 1., 0.25, dtype=tf.float64)
tf.range(1, 5, 2.5)
tf.range(3, dtype=tf.float16)
tf.range(tf.constant(1.), 3)
tf.range(0, -3)
tf.range(0, 0)
tf.linspace(0., 1., 4, axis=0)
tf.linspace([0., 10.], [1., 20.], 3, axis=1)
tf.linspace(0., 1., -1)
tf.fill([2, 3], tf.constant(1, tf.int64))
tf.fill(tf.constant([2]), True)
tf.fill([], 5)
tf.zeros((2, 3), dtype=tf.int64)
tf.ones([1, 2], "bool")
tf.zeros_like(tf.constant([True]))
tf.ones_like(x, dtype=tf.float16)
tf.pad(f, [[0, 0], [1, 1]], mode="SYMMETRIC")
tf.pad(tf.reshape(tf.range(24.), [2, 3, 4]), [[1, 0], [1, 1], [0, 2]], mode="REFLECT")
tf.pad(tf.constant([True]), [[1, 1]])
tf.pad(f, tf.constant([[1, 1], [0, 0]]))
tf.pad(f, [[0, 0], [0, 0]])
tf.reshape(tf.constant(5), [1, 1])
tf.reshape(x, [])
tf.reshape(tf.constant([5]), [])
tf.reshape(x, tf.TensorShape([3, 2]))
tf.transpose(tf.reshape(tf.range(24), [2, 3, 4]), [2, 0, 1]).shape
tf.transpose(tf.constant(3))
tf.expand_dims(tf.constant(3), 0)
tf.expand_dims(x, tf.constant(1))
tf.squeeze(tf.zeros([1, 1]), [-1]).shape
tf.squeeze(tf.zeros([2, 3]))
tf.tile(tf.constant(3), [])
tf.tile(x, [0, 1])
tf.slice(tf.reshape(tf.range(24), [2, 3, 4]), [1, 0, 2], [1, -1, 2])
tf.strided_slice(x, [1, -1], [-3, -4], [-1, -1])
tf.strided_slice(x, [0, 0], [2, 3], [1, 1], ellipsis_mask=0, shrink_axis_mask=2)
tf.identity(tf.constant(["a"]))
tf.shape_n([x, f])
tf.shape_n([x, x], out_type=tf.int64)
tf.pad(tf.constant([True]), [[1, 1]], constant_values=True)
tf.pad(tf.constant([1.]), [[1, 1]], constant_values=2)
tf.pad(tf.constant([1.]), [[1, 1]], constant_values=tf.constant(2, tf.int32))
tf.gather(tf.constant(["a", "b"]), 1)
tf.gather_nd(tf.constant([["a", "b"]]), [0, 1])
tf.boolean_mask(tf.zeros([2, 3, 4]), [True, False, True, True], axis=2).shape
tf.repeat([1, 2, 3], 2)
tf.repeat(x, [1, 2], axis=0)
tf.repeat(x, 2, axis=1)
tf.repeat(x, [1, 2, 3], axis=1)
tf.repeat(x, [1, 2, 3], axis=0)
tf.repeat(x, 2)
tf.repeat(x, -1)
tf.repeat(tf.constant(3), 2)
tf.roll([1, 2, 3, 4], 1, 0)
tf.roll(x, [1, -1], [0, 1])
tf.roll(x, 1, 2)
tf.roll(x, [1], [0, 1])
tf.roll(x, 4, -1)
tf.roll(tf.constant(1.0), 1, 0)
tf.roll(tf.constant(1.0), [1, 2], [0])
tf.roll(tf.constant(["a", "b", "c"]), 1, 0)
tf.meshgrid([1, 2], [3, 4, 5])
tf.meshgrid([1, 2], [3, 4, 5], indexing="ij")
tf.meshgrid([1, 2], [3., 4.])
tf.meshgrid([1, 2], indexing="foo")
tf.sequence_mask([1, 3, 2], 5)
tf.sequence_mask([1, 3, 2])
tf.sequence_mask([[1, 3], [2, 0]])
tf.sequence_mask([1, 3], 4, dtype=tf.float32)
tf.sequence_mask([1.5, 3], 4)
tf.ensure_shape(x, [2, 3])
tf.ensure_shape(x, [None, 3])
tf.ensure_shape(x, [3, 3])
tf.ensure_shape(x, [2])
tf.unique_with_counts([1, 1, 3, 2, 3, 3])
tf.unique_with_counts([1, 1, 3], out_idx=tf.int64)
tf.searchsorted([1, 3, 5], [0, 3, 6])
tf.searchsorted([1, 3, 5], [0, 3, 6], side="right")
tf.searchsorted([[1, 3, 5], [2, 4, 6]], [[3], [3]])
tf.searchsorted([1, 3, 5], [[0, 3, 6]])
tf.searchsorted([1., 3., 5.], [0, 3, 6])
tf.searchsorted([1, 3, 5], [0, 3], side="middle")
tf.searchsorted([1, 3, 5], [0, 3], out_type=tf.int64)
tf.identity_n([x, f])
tf.broadcast_static_shape(tf.TensorShape([2, 1]), tf.TensorShape([3]))
tf.broadcast_static_shape(tf.TensorShape([2, 2]), tf.TensorShape([3]))
tf.broadcast_dynamic_shape([2, 1], [3])
tf.broadcast_dynamic_shape([2, 2], [3])
tf.unravel_index(5, [2, 3])
tf.unravel_index([1, 5], [2, 3])
tf.unravel_index([7], [2, 3])
tf.reverse_sequence([[1, 2, 3], [4, 5, 6]], [2, 3], seq_axis=1, batch_axis=0)
tf.reshape(tf.zeros([0, 3]), [-1, 3])
tf.reshape(tf.zeros([0, 3]), [0, -1])
tf.reshape(tf.zeros([2, 0, 3]), [-1, 0])
tf.reshape(tf.zeros([2, 0, 3]), [2, -1, 3])
tf.reshape(tf.zeros([2, 3]), [0, -1])
tf.reshape(tf.zeros([2, 3]), [3, -1, 2])
tf.split(x, np.int64(3), axis=1)
""".strip().split("\n")
    if line
]


def _env(module):
    return {
        "x": module.reshape(module.range(6), [2, 3]),
        "f": module.reshape(module.range(6.0), [2, 3]),
    }


@pytest.mark.parametrize("expression", CASES)
def test_array_op_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(expression, run(tf_real, expression, _env(tf_real)), run(tf, expression, _env(tf)))


GRADIENT_CASES = [
    "tf.reshape(v, [3, 2])",
    "tf.transpose(v)",
    "tf.concat([v, v * 2.], 1)",
    "tf.stack([v, v], axis=1)",
    "tf.unstack(v, axis=1)[1]",
    "tf.split(v, [1, 2], axis=1)[1]",
    "tf.squeeze(tf.expand_dims(v, 0))",
    "tf.tile(v, [2, 1])",
    "tf.pad(v, [[1, 0], [2, 2]], mode='REFLECT')",
    "tf.pad(v, [[1, 1], [3, 3]], mode='SYMMETRIC')",
    "tf.pad(v, [[1, 1], [1, 1]], constant_values=3.)",
    "tf.gather(v, [1, 1, 0])",
    "tf.gather(v, [[2, 0], [1, 1]], axis=1, batch_dims=1)",
    "tf.gather_nd(v, [[0, 2], [1, 0], [0, 2]])",
    "tf.boolean_mask(v, [[True, False, True], [False, True, True]])",
    "tf.one_hot([0, 2], 3, on_value=v[0, 0], off_value=v[1, 1])",
    "tf.cast(v, tf.float64)",
    "tf.broadcast_to(v[:1], [4, 3])",
    "tf.reverse(v, [0, 1])",
    "tf.sort(v, axis=1, direction='DESCENDING')",
    "tf.slice(v, [0, 1], [2, 2])",
    "tf.strided_slice(v, [1, 2], [-3, -4], [-1, -1])",
    "tf.tensor_scatter_nd_update(v, [[0, 1]], [7.])",
    "tf.tensor_scatter_nd_add(v, [[1]], v[:1] * 3.)",
    "tf.fill([2, 2], v[0, 2])",
    "tf.identity(v)",
    "tf.repeat(v, [1, 2, 3], axis=1)",
    "tf.roll(v, 1, 1)",
    "tf.linspace(v[0], v[1], 4)",
    "tf.random.normal([3], mean=v[0, 0], stddev=v[0, 1], seed=1) * 0. + v[1, :]",
]


def _gradient(module, expression):
    v = module.Variable([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    with module.GradientTape() as tape:
        out = eval(expression, {"tf": module, "v": v})  # noqa: S307 - test expressions written here
        weights = module.cast(
            module.reshape(module.range(1, module.size(out) + 1), module.shape(out)), out.dtype
        )
        loss = module.reduce_sum(out * weights)
    return tape.gradient(loss, v)


@pytest.mark.parametrize("expression", GRADIENT_CASES)
def test_array_op_gradients_match_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    expected, got = _gradient(tf_real, expression), _gradient(tf, expression)
    if expected is None:
        assert got is None, expression
        return
    np.testing.assert_allclose(
        _np(got), tf_real.convert_to_tensor(expected).numpy(), rtol=1e-5, err_msg=expression
    )
