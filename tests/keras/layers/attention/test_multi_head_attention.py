"""``keras.layers.MultiHeadAttention`` without TensorFlow: shapes, weights, masks, config,
saving, training."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

RNG = np.random.RandomState(3)
Q = RNG.randn(2, 4, 5).astype("float32")
V = RNG.randn(2, 6, 7).astype("float32")


def test_weights_follow_keras_layout_and_order():
    layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4)
    out, scores = layer(Q, V, return_attention_scores=True)
    assert tuple(out.shape) == (2, 4, 5) and tuple(scores.shape) == (2, 2, 4, 6)
    assert [tuple(w.shape) for w in layer.weights] == [
        (5, 2, 3),
        (2, 3),
        (7, 2, 3),
        (2, 3),
        (7, 2, 4),
        (2, 4),
        (2, 4, 5),
        (5,),
    ]
    assert [w.name for w in layer.weights] == ["kernel", "bias"] * 4
    assert [
        s.name for s in (layer.query_dense, layer.key_dense, layer.value_dense, layer.output_dense)
    ] == ["query", "key", "value", "attention_output"]
    assert layer.count_params() == sum(int(np.prod(w.shape)) for w in layer.get_weights())
    layer.set_weights(layer.get_weights())


def test_gate_output_shape_and_no_bias():
    layer = keras.layers.MultiHeadAttention(
        2, 3, use_gate=True, use_bias=False, output_shape=(3, 2)
    )
    assert tuple(layer(Q, V).shape) == (2, 4, 3, 2)
    assert [tuple(w.shape) for w in layer.weights] == [
        (5, 2, 3),
        (7, 2, 3),
        (5, 2, 3),
        (7, 2, 3),
        (2, 3, 3, 2),
    ]
    assert layer.compute_output_shape(Q.shape, V.shape) == (2, 4, 3, 2)


def test_default_config_and_round_trip():
    layer = keras.layers.MultiHeadAttention(2, 3, name="mha")
    config = layer.get_config()
    assert (
        config["value_dim"] == 3 and config["attention_axes"] is None and config["dropout"] == 0.0
    )
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    layer(Q, V)
    assert layer.get_config()["attention_axes"] == (1,)
    clone = keras.layers.MultiHeadAttention.from_config(layer.get_config())
    assert clone.get_config() == layer.get_config()
    assert layer.get_build_config() == {
        "shapes_dict": {"query_shape": (2, 4, 5), "value_shape": (2, 6, 7)}
    }
    rebuilt = keras.layers.MultiHeadAttention.from_config(config)
    rebuilt.build_from_config(layer.get_build_config())
    rebuilt.set_weights(layer.get_weights())
    np.testing.assert_allclose(rebuilt(Q, V), layer(Q, V), atol=1e-6)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        (dict(num_heads=0, key_dim=2), "`num_heads`"),
        (dict(num_heads=2, key_dim=None), "`key_dim`"),
        (dict(num_heads=2, key_dim=2, value_dim=0), "`value_dim`"),
        (dict(num_heads=2, key_dim=2, attention_axes="a"), "`attention_axes`"),
        (
            dict(num_heads=2, key_dim=2, flash_attention=True, dropout=0.1),
            "Dropout is not supported",
        ),
    ],
)
def test_argument_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        keras.layers.MultiHeadAttention(**kwargs)


def test_key_value_mismatch_raises():
    with pytest.raises(
        ValueError, match="All dimensions of `value` and `key`, except the last one, must be equal"
    ):
        keras.layers.MultiHeadAttention(2, 2)(Q, V, key=np.zeros((2, 5, 7), "float32"))


def test_causal_mask_zeroes_future_scores():
    layer = keras.layers.MultiHeadAttention(2, 3)
    _, scores = layer(Q, Q, use_causal_mask=True, return_attention_scores=True)
    scores = np.asarray(scores)
    assert np.all(scores[..., np.triu_indices(4, 1)[0], np.triu_indices(4, 1)[1]] == 0)
    np.testing.assert_allclose(scores.sum(-1), 1.0, rtol=1e-5)
    explicit = np.tril(np.ones((4, 4), bool))[None]
    np.testing.assert_allclose(
        layer(Q, Q, use_causal_mask=True), layer(Q, Q, attention_mask=explicit), atol=1e-6
    )


def test_value_mask_equals_attention_mask():
    layer = keras.layers.MultiHeadAttention(2, 3)
    value_mask = np.array([[1, 1, 0, 0, 1, 0], [1, 1, 1, 1, 1, 1]], bool)
    expected = layer(Q, V, attention_mask=np.broadcast_to(value_mask[:, None, :], (2, 4, 6)))
    np.testing.assert_allclose(layer(Q, V, value_mask=value_mask), expected, atol=1e-6)


def test_fully_masked_query_row_follows_keras_two_paths():
    layer = keras.layers.MultiHeadAttention(2, 3, bias_initializer="ones")
    mask = np.ones((2, 4, 6), bool)
    mask[0, 1] = False
    fused = np.asarray(layer(Q, V, attention_mask=mask))
    values = layer.value_dense(V)
    uniform = np.asarray(layer.output_dense(tf.reduce_mean(values, axis=1, keepdims=True)))
    np.testing.assert_allclose(fused[0, 1], uniform[0, 0], atol=1e-5)
    out, scores = layer(Q, V, attention_mask=mask, return_attention_scores=True)
    assert np.all(np.asarray(scores)[0, :, 1] == 0)
    np.testing.assert_allclose(
        np.asarray(out)[0, 1], np.asarray(layer.output_dense.bias), atol=1e-6
    )


def test_query_mask_comes_from_the_previous_layer():
    ids = np.array([[1, 2, 0, 0], [3, 0, 0, 0]], "int32")
    x = keras.layers.Embedding(5, 5, mask_zero=True)(ids)
    layer = keras.layers.MultiHeadAttention(2, 3)
    out = layer(x, x)
    np.testing.assert_array_equal(np.asarray(out._keras_mask), ids != 0)
    assert getattr(x, "_keras_mask", None) is None


def test_dropout_only_while_training():
    layer = keras.layers.MultiHeadAttention(2, 3, dropout=0.5, seed=1)
    inference = np.asarray(layer(Q, V))
    np.testing.assert_allclose(layer(Q, V, training=False), inference)
    assert not np.allclose(layer(Q, V, training=True), inference)


def test_attention_over_two_axes():
    x = RNG.randn(2, 3, 4, 5).astype("float32")
    layer = keras.layers.MultiHeadAttention(2, 3, attention_axes=(1, 2))
    out, scores = layer(x, x, return_attention_scores=True)
    assert tuple(out.shape) == (2, 3, 4, 5) and tuple(scores.shape) == (2, 2, 3, 4, 3, 4)
    np.testing.assert_allclose(np.asarray(scores).sum(axis=(-2, -1)), 1.0, rtol=1e-5)


def test_symbolic_call_and_compute_output_shape():
    q, v = keras.Input((4, 5)), keras.Input((6, 7))
    layer = keras.layers.MultiHeadAttention(2, 3)
    out, scores = layer(q, v, return_attention_scores=True)
    assert out.shape == (None, 4, 5) and scores.shape == (None, 2, 4, 6)
    assert layer.compute_output_shape((None, 4, 5), (None, 6, 7)) == (None, 4, 5)


def _transformer(seq=8, vocab=12):
    ids = keras.Input((seq,), dtype="int32")
    x = keras.layers.Embedding(vocab, 16)(ids)
    attended = keras.layers.MultiHeadAttention(2, 8, dropout=0.1)(x, x)
    x = keras.layers.LayerNormalization()(keras.layers.Add()([x, attended]))
    x = keras.layers.GlobalAveragePooling1D()(x)
    return keras.Model(ids, keras.layers.Dense(2, activation="softmax")(x))


def test_gradients_reach_every_weight_and_fit_lowers_the_loss():
    model = _transformer()
    ids = RNG.randint(0, 12, (256, 8)).astype("int32")
    labels = (ids == 3).any(axis=1).astype("int32")
    with tf.GradientTape() as tape:
        loss = keras.losses.sparse_categorical_crossentropy(
            labels[:4], model(ids[:4], training=True)
        )
    grads = tape.gradient(loss, model.trainable_weights)
    assert all(g is not None for g in grads)
    model.compile(keras.optimizers.Adam(0.01), "sparse_categorical_crossentropy")
    history = model.fit(ids, labels, epochs=4, batch_size=32, verbose=0).history["loss"]
    assert history[-1] < history[0] * 0.8


def test_model_with_attention_saves_and_loads(tmp_path):
    pytest.importorskip("h5py")
    model = _transformer()
    ids = RNG.randint(0, 12, (4, 8)).astype("int32")
    path = str(tmp_path / "model.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(
        loaded.predict(ids, verbose=0), model.predict(ids, verbose=0), atol=1e-6
    )
    assert [w.shape for w in loaded.get_weights()] == [w.shape for w in model.get_weights()]


def test_deserialized_layer_is_built_from_its_shapes_dict():
    layer = keras.layers.MultiHeadAttention(2, 4)
    layer(np.random.rand(1, 3, 5).astype("float32"), np.random.rand(1, 6, 7).astype("float32"))
    assert layer.get_build_config() == {
        "shapes_dict": {"query_shape": (1, 3, 5), "value_shape": (1, 6, 7)}
    }
    clone = keras.saving.deserialize_keras_object(keras.saving.serialize_keras_object(layer))
    assert clone.built
    assert [tuple(w.shape) for w in clone.weights] == [tuple(w.shape) for w in layer.weights]
