"""keras.layers.CategoryEncoding(sparse=True): a tf.SparseTensor as Keras 3 on TF returns
(known values; against real Keras when installed)."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

CASES = [
    ("multi_hot", [[0, 1], [2, 2]], None),
    ("count", [[0, 1], [2, 2]], None),
    ("count", [[0, 1], [2, 2]], [[0.5, 1.0], [2.0, 3.0]]),
    ("one_hot", [0, 3, 1], None),
    ("one_hot", [[0], [3]], None),
    ("multi_hot", [0, 2, 2], None),
]


def _encode(tf_module, keras_module, mode, data, weights):
    layer = keras_module.layers.CategoryEncoding(num_tokens=4, output_mode=mode, sparse=True)
    kwargs = {} if weights is None else {"count_weights": tf_module.constant(weights)}
    return layer(tf_module.constant(data), **kwargs)


def test_sparse_output_known_values():
    out = _encode(tf, keras, "count", [[0, 1], [2, 2]], None)
    assert isinstance(out, tf.SparseTensor)
    assert out.indices.numpy().tolist() == [[0, 0], [0, 1], [1, 2]]
    assert out.values.numpy().tolist() == [1.0, 1.0, 2.0]
    assert out.dense_shape.numpy().tolist() == [2, 4]
    dense = keras.layers.CategoryEncoding(num_tokens=4, output_mode="count")
    np.testing.assert_array_equal(
        tf.sparse.to_dense(out).numpy(), dense(tf.constant([[0, 1], [2, 2]])).numpy()
    )


@pytest.mark.parametrize("mode, data, weights", CASES)
def test_sparse_output_matches_keras(mode, data, weights):
    tf_real = pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    want = _encode(tf_real, keras_real, mode, data, weights)
    got = _encode(tf, keras, mode, data, weights)
    assert repr(got) == repr(want)
