"""``keras.ops`` without TensorFlow: Keras' promotion rules, return types, gradients."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras import ops
from torchkeras.keras.ops._dtypes import result_type


def test_namespace_is_wired():
    assert keras.ops is ops
    assert ops.linalg.inv is ops.inv and ops.nn.softmax is ops.softmax


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ("int32", float, "float32"),
        ("int32", int, "int32"),
        ("float16", float, "float16"),
        ("int8", "uint8", "int16"),
        ("uint32", "int32", "int64"),
        ("int64", "float32", "float32"),
        ("bool", int, "int32"),
        ("bfloat16", "float16", "float32"),
        ("float32", "float64", "float64"),
        ("int8", int, "int8"),
        (int, float, "float32"),
    ],
)
def test_result_type_lattice(a, b, expected):
    assert result_type(a, b) == expected
    assert result_type(b, a) == expected


def test_result_type_follows_floatx():
    keras.backend.set_floatx("float64")
    try:
        assert result_type("int32", float) == "float64"
        assert result_type() == "float64"
    finally:
        keras.backend.set_floatx("float32")


def test_weak_python_scalars_and_tensor_results():
    x = tf.constant([1, 2, 3])
    y = ops.add(x, 1.5)
    assert isinstance(y, tf.Tensor) and y.dtype == tf.float32
    np.testing.assert_allclose(y.numpy(), [2.5, 3.5, 4.5])
    assert ops.multiply(tf.constant([1.0], dtype=tf.float16), 2.0).dtype == tf.float16
    assert (
        ops.add(tf.constant([1], dtype=tf.int8), tf.constant([1], dtype=tf.uint8)).dtype == tf.int16
    )
    assert ops.divide(x, 2).dtype == tf.float32
    assert ops.mean(x).dtype == tf.float32 and ops.sum(tf.constant([True, True])).numpy() == 2


def test_shape_is_a_tuple_of_ints():
    assert ops.shape(tf.zeros((2, 3))) == (2, 3)
    assert ops.shape(np.zeros((4,))) == (4,)
    assert ops.dtype(tf.zeros((1,), dtype=tf.int8)) == "int8"


def test_conversion_and_cast():
    t = ops.convert_to_tensor([1.7, -2.2], dtype="int32")
    assert t.numpy().tolist() == [1, -2]
    assert ops.is_tensor(t) and not ops.is_tensor(np.ones(2))
    assert ops.convert_to_numpy(t).dtype == np.int32
    assert ops.cast(t, "bool").numpy().tolist() == [True, True]
    with pytest.raises(ValueError, match="Invalid dtype: float99"):
        ops.cast(t, "float99")


def test_reductions_and_indices():
    x = tf.constant([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
    assert ops.argmax(x, axis=1).numpy().tolist() == [1, 2]
    assert ops.argmax(x).dtype == tf.int32
    values, indices = ops.top_k(x, 2)
    assert values.numpy().tolist() == [[5.0, 3.0], [6.0, 4.0]] and indices.dtype == tf.int32
    np.testing.assert_allclose(ops.var(x, axis=1).numpy(), np.var(x.numpy(), axis=1), rtol=1e-6)
    assert ops.max(x, axis=0, keepdims=True).shape == (1, 3)
    with pytest.raises(tf.errors.InvalidArgumentError, match="empty tensor"):
        ops.max(tf.zeros((0,)))


def test_manipulation_errors():
    with pytest.raises(ValueError, match="Cannot squeeze axis=0"):
        ops.squeeze(tf.zeros((2, 3)), axis=0)
    with pytest.raises(tf.errors.InvalidArgumentError):
        ops.reshape(tf.zeros((2, 3)), (4, 2))
    with pytest.raises(ValueError, match="no duplicates"):
        ops.transpose(tf.zeros((2, 3)), (0, 0))
    assert [p.shape for p in ops.split(tf.zeros((6, 2)), [1, 4])] == [(1, 2), (3, 2), (2, 2)]


def test_control_flow_runs_eagerly():
    assert ops.cond(tf.constant(True), lambda: 1, lambda: 2) == 1
    i, total = ops.while_loop(lambda i, t: i < 4, lambda i, t: (i + 1, t + i), (0, 0))
    assert (i, total) == (4, 6)
    assert ops.fori_loop(0, 5, lambda i, v: v + i, 0) == 10
    out = ops.vectorized_map(lambda row: ops.sum(row), tf.constant([[1, 2], [3, 4]]))
    assert out.numpy().tolist() == [3, 7]


def test_scatter_and_slices():
    out = ops.scatter([[0, 1], [0, 1]], [1.0, 2.0], (2, 2))
    assert out.numpy().tolist() == [[0.0, 3.0], [0.0, 0.0]]
    x = tf.zeros((3, 3))
    updated = ops.slice_update(x, (1, 1), tf.ones((2, 2)))
    assert ops.sum(updated).numpy() == 4.0 and ops.sum(x).numpy() == 0.0
    assert ops.slice(updated, (1, 0), (2, 2)).numpy().tolist() == [[0.0, 1.0], [0.0, 1.0]]


def test_gradients_flow_through_ops():
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    with tf.GradientTape() as tape:
        y = ops.sum(ops.matmul(ops.exp(w), ops.ones((2, 1))) + ops.square(w))
    np.testing.assert_allclose(
        tape.gradient(y, w).numpy(), 2 * np.exp(w.numpy()) + 2 * w.numpy(), rtol=1e-5
    )
    with tf.GradientTape() as tape:
        z = ops.sum(ops.stop_gradient(w) * w)
    np.testing.assert_allclose(tape.gradient(z, w).numpy(), w.numpy())


def test_nn_values():
    x = tf.constant([[-1.0, 0.0, 2.0]])
    np.testing.assert_allclose(ops.relu(x).numpy(), [[0.0, 0.0, 2.0]])
    np.testing.assert_allclose(ops.leaky_relu(x).numpy(), [[-0.2, 0.0, 2.0]])
    np.testing.assert_allclose(ops.hard_sigmoid(x).numpy(), [[1 / 3, 0.5, 5 / 6]], rtol=1e-6)
    assert ops.one_hot(tf.constant([1, -1]), 3).numpy().tolist() == [[0, 1, 0], [0, 0, 0]]
    image = tf.ones((1, 5, 5, 2))
    assert ops.conv(image, tf.ones((3, 3, 2, 4)), padding="same").shape == (1, 5, 5, 4)
    assert ops.max_pool(image, 2, padding="same").shape == (1, 3, 3, 2)
    np.testing.assert_allclose(ops.average_pool(image, 3, strides=2, padding="same").numpy(), 1.0)


def test_ops_on_keras_tensors_build_functional_models():
    inputs = keras.Input((4, 3))
    pooled = ops.mean(inputs, axis=1)
    joined = ops.concatenate([pooled, ops.square(pooled)], axis=-1)
    assert ops.shape(joined) == (None, 6) and ops.dtype(joined) == "float32"
    assert not ops.is_tensor(joined)
    model = keras.Model(inputs, ops.softmax(joined))
    x = np.arange(24, dtype="float32").reshape(2, 4, 3) / 24
    mean = x.mean(axis=1)
    expected = np.concatenate([mean, mean**2], axis=-1)
    expected = np.exp(expected) / np.exp(expected).sum(-1, keepdims=True)
    np.testing.assert_allclose(model(x).numpy(), expected, rtol=1e-5)


def test_results_do_not_alias_variables():
    v = tf.Variable([1.0, 2.0])
    results = [
        ops.convert_to_tensor(v),
        ops.reshape(v, (2, 1)),
        ops.transpose(v),
        ops.cast(v, "float32"),
        ops.expand_dims(v, 0),
        ops.unstack(v)[0],
        ops.sum(v, axis=()),
        ops.stop_gradient(v),
    ]
    v.assign([5.0, 6.0])
    assert [float(r.numpy().ravel()[0]) for r in results] == [1.0] * len(results)
