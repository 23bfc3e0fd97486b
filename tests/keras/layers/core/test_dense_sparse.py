"""keras.layers.Dense on a tf.SparseTensor input (a sparse-dense product, as Keras on TF),
and keras.ops.convert_to_tensor's ``sparse`` argument."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras


def _sparse(m, values=(1.0, -2.0)):
    return m.sparse.SparseTensor([[0, 1], [1, 2]], list(values), [2, 3])


def test_dense_on_sparse_known_values_and_gradient():
    layer = keras.layers.Dense(2, kernel_initializer="ones", bias_initializer="ones")
    assert layer(_sparse(tf)).numpy().tolist() == [[2.0, 2.0], [-1.0, -1.0]]
    values = tf.Variable([1.0, -2.0])
    with tf.GradientTape() as tape:
        out = tf.reduce_sum(layer(tf.sparse.SparseTensor([[0, 1], [1, 2]], values, [2, 3])))
    assert tape.gradient(out, values).numpy().tolist() == [2.0, 2.0]


def test_dense_on_sparse_matches_keras():
    tf_real = pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    kernel = np.arange(6, dtype=np.float32).reshape(3, 2) / 7
    outs = []
    for m, k in ((tf, keras), (tf_real, keras_real)):
        layer = k.layers.Dense(2, activation="relu")
        layer.build((None, 3))
        layer.set_weights([kernel, np.array([0.5, -1.0], np.float32)])
        outs.append(layer(_sparse(m)).numpy())
    np.testing.assert_allclose(outs[0], outs[1], rtol=1e-6)


def test_convert_to_tensor_sparse_argument():
    st = _sparse(tf)
    assert keras.ops.convert_to_tensor(st) is st
    assert keras.ops.convert_to_tensor(st, "float64").values.dtype is tf.float64
    dense = keras.ops.convert_to_tensor(st, sparse=False)
    assert dense.numpy().tolist() == [[0, 1, 0], [0, 0, -2]]


def test_convert_to_tensor_matches_keras():
    tf_real = pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    for m, k in ((tf, keras), (tf_real, keras_real)):
        st = _sparse(m)
        outs = [k.ops.convert_to_tensor(st, sparse=s) for s in (None, False)]
        outs.append(k.ops.convert_to_tensor(st, "float64"))
        if m is tf:
            got = [repr(o) for o in outs]
        else:
            want = [repr(o) for o in outs]
    assert got == want
