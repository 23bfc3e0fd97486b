"""Differential tests of the attention layers and ``EinsumDense`` against real Keras: same config,
Keras' weights transplanted with ``set_weights``, outputs and attention scores compared (1e-5).
Runs only where TensorFlow imports (the oracle venv)."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402
from tests.keras.layer_contract import assert_outputs_close, transplant  # noqa: E402

RNG = np.random.RandomState(7)
Q = RNG.randn(3, 4, 6).astype("float32")
V = RNG.randn(3, 5, 7).astype("float32")
K = RNG.randn(3, 5, 8).astype("float32")
X4 = RNG.randn(2, 3, 4, 6).astype("float32")
VALUE_MASK = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [1, 0, 0, 0, 0]], bool)
KEY_MASK = np.array([[1, 0, 1, 1, 1], [1, 1, 0, 1, 1], [1, 1, 1, 1, 1]], bool)
ATTENTION_MASK = RNG.rand(3, 4, 5) > 0.3
ATTENTION_MASK[0, 1, :] = False  # a fully masked query row
QUERY_MASK = np.array([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]], bool)


def _compare(got, expected, atol=1e-5):
    assert_outputs_close(got, expected, atol=atol)


def _transplant(ours, theirs, *args, **kwargs):
    transplant(ours, theirs, *args, rng=RNG, scale=0.5, **kwargs)


MHA_CONFIGS = {
    "default": dict(num_heads=2, key_dim=3),
    "value_dim": dict(num_heads=3, key_dim=2, value_dim=4),
    "no_bias": dict(num_heads=2, key_dim=3, use_bias=False),
    "output_shape": dict(num_heads=2, key_dim=3, output_shape=(2, 5)),
    "gate": dict(num_heads=2, key_dim=3, use_gate=True),
    "dropout": dict(num_heads=2, key_dim=3, dropout=0.5),
}
MHA_CALLS = [  # (inputs, call kwargs)
    ("self", {}),
    ("cross", {}),
    ("key", {}),
    ("cross", dict(attention_mask=ATTENTION_MASK)),
    ("cross", dict(attention_mask=ATTENTION_MASK.astype("int32"))),
    ("cross", dict(value_mask=VALUE_MASK)),
    ("key", dict(key_mask=KEY_MASK, value_mask=VALUE_MASK)),
    ("self", dict(use_causal_mask=True)),
    ("cross", dict(use_causal_mask=True)),
    ("cross", dict(use_causal_mask=True, attention_mask=ATTENTION_MASK)),
]
MHA_INPUTS = {"self": (Q, Q), "cross": (Q, V), "key": (Q, V, K)}


@pytest.mark.parametrize("config", list(MHA_CONFIGS))
def test_multi_head_attention_matches_keras(config):
    pairs = {}
    for inputs, kwargs in MHA_CALLS:
        args = MHA_INPUTS[inputs]
        if inputs not in pairs:
            pairs[inputs] = (
                keras.layers.MultiHeadAttention(**MHA_CONFIGS[config]),
                real_keras.layers.MultiHeadAttention(**MHA_CONFIGS[config]),
            )
            _transplant(*pairs[inputs], *args)
        ours, theirs = pairs[inputs]
        for extra in (
            dict(return_attention_scores=False),
            dict(return_attention_scores=True),
            dict(return_attention_scores=False, training=False),
        ):
            _compare(ours(*args, **kwargs, **extra), theirs(*args, **kwargs, **extra))


@pytest.mark.parametrize(
    "config",
    [
        dict(attention_axes=(1, 2)),
        dict(attention_axes=2),
        dict(attention_axes=(-3, -2), output_shape=4),
    ],
)
def test_multi_head_attention_over_several_axes_matches_keras(config):
    config = dict(num_heads=2, key_dim=3, name="mha", **config)
    ours, theirs = (
        keras.layers.MultiHeadAttention(**config),
        real_keras.layers.MultiHeadAttention(**config),
    )
    _transplant(ours, theirs, X4, X4)
    mask = (
        RNG.rand(2, 3, 4, 3, 4) > 0.4
        if config["attention_axes"] != 2
        else RNG.rand(2, 3, 4, 4) > 0.4
    )
    for kwargs in (
        {},
        dict(return_attention_scores=True),
        dict(attention_mask=mask, return_attention_scores=True),
    ):
        _compare(ours(X4, X4, **kwargs), theirs(X4, X4, **kwargs))
    assert ours.get_config() == theirs.get_config()


@pytest.mark.parametrize("window", [1, 2, 3])
@pytest.mark.parametrize("causal", [False, True])
def test_multi_head_attention_sliding_window_matches_keras(window, causal):
    config = dict(num_heads=2, key_dim=3, sliding_window=window)
    ours, theirs = (
        keras.layers.MultiHeadAttention(**config),
        real_keras.layers.MultiHeadAttention(**config),
    )
    _transplant(ours, theirs, Q, V)
    for scores in (False, True):
        kwargs = dict(use_causal_mask=causal, return_attention_scores=scores)
        _compare(ours(Q, V, **kwargs), theirs(Q, V, **kwargs))


@pytest.mark.parametrize("scores", [False, True], ids=["fused", "einsum"])
def test_multi_head_attention_query_mask_from_embedding_matches_keras(scores):
    ids = np.array([[3, 5, 1, 0, 0], [2, 0, 0, 0, 0], [4, 4, 4, 4, 4]], "int32")
    ours_emb = keras.layers.Embedding(6, 4, mask_zero=True)
    theirs_emb = real_keras.layers.Embedding(6, 4, mask_zero=True)
    _transplant(ours_emb, theirs_emb, ids)
    ours, theirs = keras.layers.MultiHeadAttention(2, 3), real_keras.layers.MultiHeadAttention(2, 3)
    x = np.asarray(theirs_emb(ids))
    _transplant(ours, theirs, x, x)
    ours_x, theirs_x = ours_emb(ids), theirs_emb(ids)
    got = ours(ours_x, ours_x, return_attention_scores=scores)
    expected = theirs(theirs_x, theirs_x, return_attention_scores=scores)
    _compare(got, expected)
    out = got[0] if scores else got
    np.testing.assert_array_equal(np.asarray(out._keras_mask), ids != 0)


def test_multi_head_attention_config_matches_keras():
    config = dict(
        num_heads=2,
        key_dim=3,
        value_dim=5,
        dropout=0.1,
        output_shape=7,
        attention_axes=[1],
        kernel_initializer="he_normal",
        kernel_regularizer="l2",
        bias_constraint="non_neg",
        seed=3,
        name="mha",
    )
    ours, theirs = (
        keras.layers.MultiHeadAttention(**config),
        real_keras.layers.MultiHeadAttention(**config),
    )
    assert ours.get_config() == theirs.get_config()
    _transplant(ours, theirs, Q, V)
    assert ours.get_config() == theirs.get_config()
    assert ours.get_build_config() == theirs.get_build_config()
    assert ours.compute_output_shape(Q.shape, V.shape) == theirs.compute_output_shape(
        Q.shape, V.shape
    )
    assert [float(x) for x in ours.losses] == pytest.approx(
        [float(x) for x in theirs.losses], rel=1e-5
    )


def test_multi_head_attention_activity_regularizer_matches_keras():
    config = dict(num_heads=2, key_dim=3, activity_regularizer="l2")
    ours, theirs = (
        keras.layers.MultiHeadAttention(**config),
        real_keras.layers.MultiHeadAttention(**config),
    )
    _transplant(ours, theirs, Q, V)
    ours(Q, V)
    theirs(Q, V)
    assert sum(float(x) for x in ours.losses) == pytest.approx(
        sum(float(x) for x in theirs.losses), rel=1e-5
    )


def test_keras_saved_multi_head_attention_model_loads(tmp_path):
    q_in, v_in = real_keras.Input((4, 6)), real_keras.Input((5, 7))
    mha = real_keras.layers.MultiHeadAttention(2, 3, use_gate=True)
    theirs = real_keras.Model([q_in, v_in], mha(q_in, v_in, use_causal_mask=True))
    theirs.set_weights([RNG.randn(*w.shape).astype("float32") for w in theirs.get_weights()])
    path = str(tmp_path / "theirs.keras")
    theirs.save(path)
    ours = keras.models.load_model(path)
    _compare(ours.predict([Q, V], verbose=0), theirs.predict([Q, V], verbose=0))
    path = str(tmp_path / "ours.keras")
    ours.save(path)
    _compare(
        real_keras.models.load_model(path).predict([Q, V], verbose=0),
        theirs.predict([Q, V], verbose=0),
    )


ATTENTION_CONFIGS = [
    ("Attention", {}),
    ("Attention", dict(use_scale=True)),
    ("Attention", dict(score_mode="concat")),
    ("Attention", dict(score_mode="concat", use_scale=True)),
    ("AdditiveAttention", {}),
    ("AdditiveAttention", dict(use_scale=False)),
]
Q7 = RNG.randn(3, 4, 7).astype("float32")
V_MASK = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]], bool)
Q_MASK = np.array([[1, 1, 1, 0], [1, 1, 1, 1], [0, 1, 0, 1]], bool)
ATTENTION_CALLS = {
    "plain": lambda: ([Q7, V], {}),
    "key": lambda: ([Q7, V, RNG.randn(3, 5, 7).astype("float32")], {}),
    "value_mask": lambda: ([Q7, V], dict(mask=[None, V_MASK])),
    "both_masks": lambda: ([Q7, V], dict(mask=[Q_MASK, V_MASK])),
    "causal": lambda: ([Q7, V], dict(use_causal_mask=True)),
    "causal_mask": lambda: ([Q7, V], dict(use_causal_mask=True, mask=[Q_MASK, V_MASK])),
}


@pytest.mark.parametrize(
    "name,config",
    ATTENTION_CONFIGS,
    ids=["%s-%d" % (c[0], i) for i, c in enumerate(ATTENTION_CONFIGS)],
)
@pytest.mark.parametrize("case", list(ATTENTION_CALLS))
def test_attention_layers_match_keras(name, config, case):
    config = dict(config, name="att")
    ours, theirs = getattr(keras.layers, name)(**config), getattr(real_keras.layers, name)(**config)
    inputs, kwargs = ATTENTION_CALLS[case]()
    _transplant(ours, theirs, inputs)
    for scores in (False, True):
        _compare(
            ours(inputs, return_attention_scores=scores, **kwargs),
            theirs(inputs, return_attention_scores=scores, **kwargs),
        )
    assert ours.get_config() == theirs.get_config()
    assert ours.compute_output_shape([Q7.shape, V.shape]) == theirs.compute_output_shape(
        [Q7.shape, V.shape]
    )


EINSUM_CASES = [
    ("ab,bc->ac", 4, "c", (3, 6)),
    ("abc,cd->abd", (None, 4), "d", (3, 5, 6)),
    ("abc,cde->abde", (None, 2, 3), "de", (3, 5, 6)),
    ("...b,bc->...c", 4, "c", (3, 5, 6)),
    ("ab...,bc->ac...", (4, None, None), "c", (2, 5, 3, 7)),
    ("abc,cd->abd", (5, 4), None, (3, 5, 6)),
    ("abcd,cde->abe", (None, 4), "e", (2, 5, 3, 6)),
]


@pytest.mark.parametrize("equation,output_shape,bias_axes,shape", EINSUM_CASES)
def test_einsum_dense_matches_keras(equation, output_shape, bias_axes, shape):
    x = RNG.randn(*shape).astype("float32")
    config = dict(
        equation=equation,
        output_shape=output_shape,
        bias_axes=bias_axes,
        activation="relu",
        name="e",
    )
    ours, theirs = keras.layers.EinsumDense(**config), real_keras.layers.EinsumDense(**config)
    _transplant(ours, theirs, x)
    _compare(ours(x), theirs(x))
    assert ours.get_config() == theirs.get_config()
    assert ours.compute_output_shape(shape) == theirs.compute_output_shape(shape)


@pytest.mark.parametrize(
    "equation,output_shape,bias_axes",
    [
        ("ab,bc", 3, None),
        ("abc,cd->abe", 3, None),
        ("abc,cd->abd", (3,), "x"),
        ("abc,cd->abd", (7, 4), None),
        ("abc,ce->abd", (None, 4), None),
    ],
)
def test_einsum_dense_errors_match_keras(equation, output_shape, bias_axes):
    x = Q
    with pytest.raises(ValueError) as theirs:
        real_keras.layers.EinsumDense(equation, output_shape, bias_axes=bias_axes)(x)
    with pytest.raises(ValueError) as ours:
        keras.layers.EinsumDense(equation, output_shape, bias_axes=bias_axes)(x)
    assert str(ours.value) == str(theirs.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(num_heads=0, key_dim=2),
        dict(num_heads=2, key_dim=0),
        dict(num_heads=2, key_dim=2, value_dim=-1),
        dict(num_heads=2, key_dim=2, attention_axes="x"),
        dict(num_heads=2, key_dim=2, sliding_window=0),
    ],
)
def test_multi_head_attention_argument_errors_match_keras(kwargs):
    with pytest.raises(ValueError) as theirs:
        real_keras.layers.MultiHeadAttention(**kwargs)
    with pytest.raises(ValueError) as ours:
        keras.layers.MultiHeadAttention(**kwargs)
    assert str(ours.value) == str(theirs.value)


def test_functional_model_with_propagated_mask_matches_keras():
    def build(k):
        ids = k.Input((5,), dtype="int32")
        x = k.layers.Embedding(7, 6, mask_zero=True)(ids)
        return k.Model(ids, k.layers.MultiHeadAttention(2, 3)(x, x))

    ours, theirs = build(keras), build(real_keras)
    theirs.set_weights([RNG.randn(*w.shape).astype("float32") for w in theirs.get_weights()])
    ours.set_weights(theirs.get_weights())
    ids = np.array([[1, 2, 3, 0, 0], [4, 0, 0, 0, 0], [5, 6, 1, 2, 3]], "int32")
    _compare(ours.predict(ids, verbose=0), theirs.predict(ids, verbose=0))
