"""Implicit masks against real Keras: the same models built in both, Keras' weights transplanted,
outputs and the attached ``_keras_mask`` compared.  Runs only where TensorFlow imports."""

import os
import warnings

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

import torchkeras  # noqa: E402
from torchkeras import keras  # noqa: E402

IDS = np.array([[3, 1, 4, 1, 0, 0], [5, 9, 0, 0, 0, 0], [2, 6, 5, 3, 5, 8]], "int32")
OTHER = np.array([[7, 0, 0, 0, 0, 0], [2, 7, 1, 8, 0, 0], [2, 8, 1, 0, 0, 0]], "int32")
SEQS = np.random.RandomState(3).randn(3, 6, 4).astype("float32")
SEQS[0, 4:] = 0.0
SEQS[1, 2:] = 0.0


def _both(build):
    """``(ours, theirs)``: ``build(keras_module)`` in each, Keras' weights copied into ours."""
    theirs = build(real_keras)
    ours = build(keras)
    rng = np.random.RandomState(0)
    weights = [rng.uniform(-0.5, 0.5, w.shape).astype("float32") for w in theirs.get_weights()]
    theirs.set_weights(weights)
    ours.set_weights(weights)
    return ours, theirs


def _mask(tensor):
    mask = getattr(tensor, "_keras_mask", None)
    return None if mask is None else np.asarray(mask)


def _sequential(*make_layers, shape=(6,)):
    return lambda k: k.Sequential([k.Input(shape)] + [make(k) for make in make_layers])


EMBED = lambda k: k.layers.Embedding(10, 4, mask_zero=True)  # noqa: E731
MODELS = {
    "embedding_lstm": _sequential(EMBED, lambda k: k.layers.LSTM(3)),
    "embedding_gru_sequences": _sequential(EMBED, lambda k: k.layers.GRU(3, return_sequences=True)),
    "embedding_dense_gap1d": _sequential(
        EMBED,
        lambda k: k.layers.Dense(5),
        lambda k: k.layers.Dropout(0.5),
        lambda k: k.layers.GlobalAveragePooling1D(),
    ),
    "embedding_bidirectional": _sequential(
        EMBED, lambda k: k.layers.Bidirectional(k.layers.LSTM(3))
    ),
    "embedding_timedistributed_rnn": _sequential(
        EMBED,
        lambda k: k.layers.TimeDistributed(k.layers.Dense(2)),
        lambda k: k.layers.SimpleRNN(3, return_sequences=True),
    ),
    "masking_simple_rnn": _sequential(
        lambda k: k.layers.Masking(0.0), lambda k: k.layers.SimpleRNN(3), shape=(6, 4)
    ),
    "masking_layernorm_lstm": _sequential(
        lambda k: k.layers.Masking(0.0),
        lambda k: k.layers.LayerNormalization(),
        lambda k: k.layers.LSTM(2, return_sequences=True),
        shape=(6, 4),
    ),
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_sequential_models_see_the_mask(name):
    ours, theirs = _both(MODELS[name])
    x = SEQS if "masking" in name else IDS
    expected, got = theirs(x), ours(x)
    np.testing.assert_allclose(np.asarray(got), np.asarray(expected), rtol=1e-5, atol=1e-5)
    if _mask(expected) is None:
        assert _mask(got) is None
    else:
        np.testing.assert_array_equal(_mask(got), _mask(expected))
    np.testing.assert_allclose(
        ours.predict(x, verbose=0), theirs.predict(x, verbose=0), rtol=1e-5, atol=1e-5
    )


def _merged(layer_name):
    def build(k):
        a, b = k.Input((6,), dtype="int32"), k.Input((6,), dtype="int32")
        ea = k.layers.Embedding(10, 3, mask_zero=True)(a)
        eb = k.layers.Embedding(10, 3, mask_zero=True)(b)
        merged = getattr(k.layers, layer_name)()([ea, eb])
        return k.Model([a, b], [merged, k.layers.LSTM(2)(merged)])

    return build


@pytest.mark.parametrize(
    "layer_name", ["Add", "Subtract", "Average", "Maximum", "Minimum", "Multiply", "Concatenate"]
)
def test_merge_layers_combine_masks(layer_name):
    ours, theirs = _both(_merged(layer_name))
    expected, got = theirs([IDS, OTHER]), ours([IDS, OTHER])
    for e, g in zip(expected, got):
        np.testing.assert_allclose(np.asarray(g), np.asarray(e), rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(_mask(got[0]), _mask(expected[0]))


def test_one_masked_input_of_maximum_and_multiply():
    def build(k, name):
        a, b = k.Input((6,), dtype="int32"), k.Input((6, 3))
        ea = k.layers.Embedding(10, 3, mask_zero=True)(a)
        return k.Model([a, b], getattr(k.layers, name)()([ea, b]))

    for name in ("Maximum", "Multiply"):
        ours, theirs = _both(lambda k: build(k, name))
        dense = np.random.RandomState(1).randn(3, 6, 3).astype("float32")
        expected, got = theirs([IDS, dense]), ours([IDS, dense])
        np.testing.assert_allclose(np.asarray(got), np.asarray(expected), rtol=1e-6)
        assert (_mask(got) is None) == (_mask(expected) is None)


def _dropped_mask_warnings(caught):
    """The texts of Keras' dropped-mask warnings, with the layer name blanked out."""
    return [
        str(w.message).replace(str(w.message).split("'")[1], "NAME")
        for w in caught
        if "does not support masking" in str(w.message)
    ]


def test_functional_call_with_an_explicit_mask():
    def build(k):
        x = k.Input((6, 4))
        return k.Model(x, k.layers.LSTM(3)(x))

    ours, theirs = _both(build)
    mask = np.array([[1, 1, 1, 0, 0, 0], [1, 1, 1, 1, 1, 1], [1, 0, 0, 0, 0, 0]], bool)
    with warnings.catch_warnings(record=True) as theirs_caught:
        warnings.simplefilter("always")
        expected = theirs(tf_real.constant(SEQS), mask=tf_real.constant(mask))
    with warnings.catch_warnings(record=True) as ours_caught:
        warnings.simplefilter("always")
        got = ours(torchkeras.constant(SEQS), mask=torchkeras.constant(mask))
    np.testing.assert_allclose(np.asarray(got), np.asarray(expected), rtol=1e-5, atol=1e-5)
    assert (
        len(_dropped_mask_warnings(ours_caught)) == len(_dropped_mask_warnings(theirs_caught)) == 1
    )


def test_layer_without_masking_support_warns_and_drops_the_mask():
    def build(k):
        return k.Sequential(
            [k.Input((6,)), k.layers.Embedding(10, 4, mask_zero=True), k.layers.Conv1D(2, 2)]
        )

    with warnings.catch_warnings(record=True):
        # Keras also warns while the Sequential builds on symbolic inputs (ours does not).
        warnings.simplefilter("always")
        ours, theirs = _both(build)
    with warnings.catch_warnings(record=True) as theirs_caught:
        warnings.simplefilter("always")
        expected = theirs(IDS)
    with warnings.catch_warnings(record=True) as ours_caught:
        warnings.simplefilter("always")
        got = ours(IDS)
    np.testing.assert_allclose(np.asarray(got), np.asarray(expected), rtol=1e-5, atol=1e-5)
    assert _dropped_mask_warnings(ours_caught) == _dropped_mask_warnings(theirs_caught)
    assert len(_dropped_mask_warnings(ours_caught)) == 1
    assert _mask(got) is None and _mask(expected) is None


def test_lambda_with_a_mask_function():
    def build(k):
        any_positive = real_keras.ops.any if k is real_keras else torchkeras.reduce_any
        model = k.Sequential(
            [
                k.layers.Lambda(lambda x: x * 2.0, mask=lambda x, m: any_positive(x > 0, -1)),
                k.layers.SimpleRNN(2),
            ]
        )
        model(SEQS)
        return model

    ours, theirs = _both(build)
    np.testing.assert_allclose(
        np.asarray(ours(SEQS)), np.asarray(theirs(SEQS)), rtol=1e-5, atol=1e-5
    )


SIMPLE_ARGS = {
    "Dense": (3,),
    "Embedding": (5, 2),
    "Activation": ("relu",),
    "Dropout": (0.5,),
    "LSTM": (2,),
    "GRU": (2,),
    "SimpleRNN": (2,),
    "Conv1D": (2, 2),
    "Masking": (),
    "SpatialDropout1D": (0.5,),
    "SpatialDropout2D": (0.5,),
    "GaussianNoise": (0.1,),
    "GaussianDropout": (0.1,),
    "Reshape": ((2,),),
    "RepeatVector": (2,),
    "Permute": ((1,),),
    "Flatten": (),
    "LayerNormalization": (),
    "BatchNormalization": (),
    "GroupNormalization": (),
    "UnitNormalization": (),
    "Identity": (),
    "ActivityRegularization": (),
    "GlobalAveragePooling1D": (),
    "GlobalAveragePooling2D": (),
    "GlobalMaxPooling1D": (),
    "MaxPooling1D": (),
    "Add": (),
    "Concatenate": (),
    "Dot": (1,),
}


@pytest.mark.parametrize("name", sorted(SIMPLE_ARGS))
def test_supports_masking_defaults(name):
    args = SIMPLE_ARGS[name]
    assert (
        getattr(keras.layers, name)(*args).supports_masking
        == getattr(real_keras.layers, name)(*args).supports_masking
    )
    assert keras.layers.Embedding(5, 2, mask_zero=True).supports_masking
    wrapped = (
        keras.layers.TimeDistributed(keras.layers.Dense(2)),
        keras.layers.Bidirectional(keras.layers.LSTM(2)),
    )
    assert all(layer.supports_masking for layer in wrapped)
