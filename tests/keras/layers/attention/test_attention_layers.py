"""``keras.layers.Attention`` and ``AdditiveAttention`` without TensorFlow: shapes, weights,
masks, config."""

import numpy as np
import pytest

from torchkeras import keras

RNG = np.random.RandomState(5)
Q = RNG.randn(2, 3, 4).astype("float32")
V = RNG.randn(2, 5, 4).astype("float32")


def test_dot_attention_is_softmax_of_query_key_products():
    out, scores = keras.layers.Attention()([Q, V], return_attention_scores=True)
    logits = Q @ V.transpose(0, 2, 1)
    expected = np.exp(logits - logits.max(-1, keepdims=True))
    expected /= expected.sum(-1, keepdims=True)
    np.testing.assert_allclose(scores, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(out, expected @ V, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(
    "kwargs,names",
    [
        ({}, []),
        (dict(use_scale=True), ["scale"]),
        (dict(score_mode="concat"), ["concat_score_weight"]),
        (dict(use_scale=True, score_mode="concat"), ["scale", "concat_score_weight"]),
    ],
)
def test_attention_weights(kwargs, names):
    layer = keras.layers.Attention(**kwargs)
    layer([Q, V])
    assert [w.name for w in layer.weights] == names
    assert all(tuple(w.shape) == () for w in layer.weights)


def test_additive_attention_scale_and_config():
    layer = keras.layers.AdditiveAttention()
    assert tuple(layer([Q, V]).shape) == (2, 3, 4)
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == [("scale", (4,))]
    config = layer.get_config()
    assert "score_mode" not in config and config["use_scale"] is True
    assert keras.layers.AdditiveAttention.from_config(config).get_config() == config
    assert keras.layers.AdditiveAttention(use_scale=False).get_config()["use_scale"] is False


def test_attention_config_round_trip():
    layer = keras.layers.Attention(
        use_scale=True, score_mode="concat", dropout=0.2, seed=4, name="att"
    )
    config = layer.get_config()
    assert {k: config[k] for k in ("use_scale", "score_mode", "dropout", "seed")} == dict(
        use_scale=True, score_mode="concat", dropout=0.2, seed=4
    )
    assert keras.layers.Attention.from_config(config).get_config() == config


def test_masks_and_causal():
    query_mask = np.array([[1, 0, 1], [1, 1, 1]], bool)
    value_mask = np.array([[1, 1, 0, 0, 0], [1, 1, 1, 1, 1]], bool)
    layer = keras.layers.Attention()
    out, scores = layer([Q, V], mask=[query_mask, value_mask], return_attention_scores=True)
    out, scores = np.asarray(out), np.asarray(scores)
    assert np.all(out[0, 1] == 0) and np.all(scores[0, :, 2:] < 1e-30)
    np.testing.assert_array_equal(
        np.asarray(layer.compute_mask([Q, V], [query_mask, value_mask])), query_mask
    )
    assert layer.compute_mask([Q, V]) is None
    _, causal = layer([Q, V], use_causal_mask=True, return_attention_scores=True)
    assert np.all(
        np.asarray(causal)[:, np.triu_indices(3, 1, 5)[0], np.triu_indices(3, 1, 5)[1]] < 1e-30
    )


def test_key_input_and_output_shape():
    key = RNG.randn(2, 5, 4).astype("float32")
    value = RNG.randn(2, 5, 6).astype("float32")
    layer = keras.layers.Attention()
    assert tuple(layer([Q, value, key]).shape) == (2, 3, 6)
    assert layer.compute_output_shape([(2, 3, 4), (2, 5, 6)]) == (2, 3, 6)
    out = layer([keras.Input((3, 4)), keras.Input((5, 6)), keras.Input((5, 4))])
    assert out.shape == (None, 3, 6)


def test_dropout_only_while_training():
    layer = keras.layers.Attention(dropout=0.5, seed=2)
    inference = np.asarray(layer([Q, V]))
    assert not np.allclose(layer([Q, V], training=True), inference)
    np.testing.assert_allclose(layer([Q, V], training=False), inference)


@pytest.mark.parametrize(
    "inputs,mask,message",
    [
        ((Q, V), None, "must be called on a list of inputs"),
        ([Q], None, "accepts inputs list of length 2 or 3"),
        ([Q, V], (None, None), "mask must be a list"),
        ([Q, V], [None], "accepts mask list of length 2 or 3"),
    ],
)
def test_input_validation(inputs, mask, message):
    with pytest.raises(ValueError, match=message):
        keras.layers.Attention()(inputs, mask=mask)


def test_invalid_score_mode():
    with pytest.raises(ValueError, match="Invalid value for argument score_mode"):
        keras.layers.Attention(score_mode="add")


def test_attention_of_mismatched_features_is_tfs_matmul_error():
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the class is checked below
        keras.layers.Attention()([np.ones((1, 2, 3)), np.ones((1, 4, 5))])
    assert type(caught.value).__name__ == "InvalidArgumentError"
    assert "Matrix size-incompatible: In[0]: [1,2,3], In[1]: [1,5,4] 0 0 [Op:BatchMatMulV2]" in (
        str(caught.value)
    )
