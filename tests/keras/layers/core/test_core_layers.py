"""Dense, Activation, Embedding, Identity, InputLayer / Input, Lambda."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras import layers


def test_dense_computes_activation_of_affine_map_on_any_rank():
    layer = layers.Dense(
        2,
        activation="relu",
        kernel_initializer="ones",
        bias_initializer=keras.initializers.Constant(-1.0),
    )
    assert layer(np.ones((1, 3))).numpy().tolist() == [[2.0, 2.0]]
    assert layer(np.ones((4, 5, 3))).shape == (4, 5, 2)
    assert tuple(layer.kernel.shape) == (3, 2)
    no_bias = layers.Dense(2, use_bias=False)
    no_bias(np.ones((1, 3)))
    assert [w.name for w in no_bias.weights] == ["kernel"]


@pytest.mark.parametrize("activation", ["softmax", keras.activations.tanh, lambda x: x * 2.0])
def test_dense_activation_forms(activation):
    layer = layers.Dense(3, activation=activation, kernel_initializer="ones")
    out = layer(np.ones((1, 2))).numpy()
    expected = {"softmax": np.full((1, 3), 1 / 3)}.get(activation)
    if expected is None:
        expected = (
            np.tanh(np.full((1, 3), 2.0))
            if activation is keras.activations.tanh
            else np.full((1, 3), 4.0)
        )
    np.testing.assert_allclose(out, expected, rtol=1e-6)


def test_dense_rejects_bad_units_and_reports_config():
    with pytest.raises(ValueError, match="expected a positive integer"):
        layers.Dense(0)
    config = layers.Dense(4, name="d").get_config()
    assert config["units"] == 4 and config["activation"] == "linear" and config["name"] == "d"
    assert layers.Dense(4).compute_output_shape((None, 3, 7)) == (None, 3, 4)


def test_activation_layer():
    assert layers.Activation("relu")(np.array([[-1.0, 2.0]])).numpy().tolist() == [[0.0, 2.0]]
    assert layers.Activation("relu").get_config()["activation"] == "relu"


def test_embedding_and_mask():
    layer = layers.Embedding(10, 3, mask_zero=True)
    out = layer(np.array([[0, 4, 9]]))
    assert out.shape == (1, 3, 3) and out.dtype == tf.float32
    np.testing.assert_array_equal(out.numpy()[0, 1], layer.embeddings.numpy()[4])
    assert layer.compute_mask(tf.constant([[0, 4]]), None).numpy().tolist() == [[False, True]]
    assert layer.compute_output_shape((None, 7)) == (None, 7, 3)
    values = layer.embeddings.numpy()
    assert values.min() >= -0.05 and values.max() <= 0.05


def test_identity_and_lambda():
    x = np.ones((2, 3), "float32")
    assert layers.Identity()(x).numpy().tolist() == x.tolist()
    double = layers.Lambda(lambda t, factor: t * factor, arguments={"factor": 2.0})
    assert double(x).numpy().tolist() == (2 * x).tolist()
    sym = layers.Lambda(lambda t: tf.reduce_sum(t, axis=-1))(keras.Input((3, 4)))
    assert sym.shape == (None, 3)
    shaped = layers.Lambda(lambda t: t, output_shape=(5,))
    assert shaped.compute_output_shape((None, 5)) == (None, 5)


def test_input_and_input_layer():
    x = keras.Input(shape=(3,), batch_size=4, name="zz", dtype="int32")
    assert repr(x) == "<KerasTensor shape=(4, 3), dtype=int32, sparse=False, ragged=False, name=zz>"
    layer = x._keras_history.operation
    assert (
        isinstance(layer, layers.InputLayer) and layer.name == "zz" and layer.batch_shape == (4, 3)
    )
    y = keras.Input(shape=(2, 5))
    assert y.shape == (None, 2, 5) and y.dtype == "float32" and keras.backend.is_keras_tensor(y)
    with pytest.raises(ValueError, match="You must pass a `shape` argument."):
        layers.InputLayer()


def test_symbolic_calls_infer_shapes_without_computing():
    x = keras.Input(shape=(28, 28))
    y = layers.Flatten()(x)
    z = layers.Dense(10)(y)
    assert y.shape == (None, 784) and z.shape == (None, 10)
    dense = layers.Dense(3)
    dense(y)
    with pytest.raises(
        ValueError,
        match="expected axis -1 of input shape to have value 784, but received input with shape "
        "\\(None, 10\\)",
    ):
        dense(z)


def test_mixed_precision_policy_computes_in_float16_with_float32_weights():
    layer = layers.Dense(2, dtype="mixed_float16")
    out = layer(np.ones((1, 3), "float32"))
    assert out.dtype == tf.float16 and layer.kernel.dtype == tf.float32
    assert (
        layer.compute_dtype == "float16"
        and layer.variable_dtype == "float32"
        and layer.dtype_policy == "mixed_float16"
    )
    emb = layers.Embedding(4, 2, dtype="mixed_float16")
    assert emb(np.array([[1, 2]])).dtype == tf.float16


def test_dense_promotes_integer_inputs_to_float_and_trains():
    layer = keras.layers.Dense(2, kernel_initializer="ones")
    out = layer(np.array([[1, 2]], "int64"))
    assert out.dtype.name == "float32"
    np.testing.assert_array_equal(np.asarray(out), [[3.0, 3.0]])
    model = keras.Sequential([keras.Input((2,), dtype="int64"), keras.layers.Dense(1)])
    model.compile("sgd", "mse")
    before = model.get_weights()[0].copy()
    model.fit(np.array([[1, 2], [3, 4]], "int64"), np.ones((2, 1), "float32"), verbose=0)
    assert not np.allclose(before, model.get_weights()[0])


def test_embedding_counts_negative_ids_from_the_end_as_keras_take():
    table = np.arange(6.0).reshape(3, 2)
    layer = layers.Embedding(3, 2, embeddings_initializer=keras.initializers.Constant(table))
    np.testing.assert_array_equal(layer(np.array([[-1, -3]])).numpy(), [[[4, 5], [0, 1]]])
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"indices\[0,0\] = -1 is not in"):
        layer(np.array([[-4]]))
