"""Implicit masks (no TensorFlow needed): outputs carry ``_keras_mask`` and mask-aware layers use it
exactly as if the mask had been passed explicitly."""

import warnings

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

IDS = np.array([[3, 1, 4, 0, 0], [5, 9, 2, 6, 0]], "int32")


def _embedding():
    layer = keras.layers.Embedding(10, 3, mask_zero=True)
    layer.build((None, 5))
    return layer


def test_embedding_output_carries_the_padding_mask():
    out = _embedding()(IDS)
    np.testing.assert_array_equal(np.asarray(out._keras_mask), IDS != 0)
    assert not hasattr(keras.layers.Embedding(10, 3)(IDS), "_keras_mask")


@pytest.mark.parametrize(
    "make",
    [
        lambda: keras.layers.LSTM(2),
        lambda: keras.layers.GRU(2, return_sequences=True),
        lambda: keras.layers.GlobalAveragePooling1D(),
    ],
)
def test_implicit_mask_equals_explicit_mask(make):
    embedded = _embedding()(IDS)
    layer = make()
    implicit = layer(embedded)
    explicit = layer(tf.identity(embedded), mask=tf.constant(IDS != 0))
    np.testing.assert_allclose(np.asarray(implicit), np.asarray(explicit), rtol=1e-6)
    unmasked = layer(tf.identity(embedded))
    assert not np.allclose(np.asarray(implicit), np.asarray(unmasked))


def test_mask_flows_through_mask_supporting_layers_only():
    embedded = _embedding()(IDS)
    dense = keras.layers.Dense(4)(embedded)
    np.testing.assert_array_equal(np.asarray(dense._keras_mask), IDS != 0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        conv = keras.layers.Conv1D(2, 2)(embedded)
    assert not hasattr(conv, "_keras_mask")
    assert any(
        "does not support masking and will therefore destroy the mask information" in str(w.message)
        for w in caught
    )


def test_sequential_and_functional_models_propagate():
    embedding = keras.layers.Embedding(10, 3, mask_zero=True)
    lstm = keras.layers.LSTM(2)
    sequential = keras.Sequential([keras.Input((5,)), embedding, lstm])
    inputs = keras.Input((5,))
    functional = keras.Model(inputs, lstm(embedding(inputs)))
    reference = lstm(tf.identity(embedding(IDS)), mask=tf.constant(IDS != 0))
    for model in (sequential, functional):
        np.testing.assert_allclose(np.asarray(model(IDS)), np.asarray(reference), rtol=1e-6)
        np.testing.assert_allclose(model.predict(IDS, verbose=0), np.asarray(reference), rtol=1e-6)


def test_merge_masks():
    a, b = _embedding()(IDS), _embedding()(IDS[:, ::-1].copy())
    np.testing.assert_array_equal(
        np.asarray(keras.layers.Add()([a, b])._keras_mask), (IDS != 0) | (IDS[:, ::-1] != 0)
    )
    concatenated = keras.layers.Concatenate(axis=1)([a, b])
    np.testing.assert_array_equal(
        np.asarray(concatenated._keras_mask), np.concatenate([IDS != 0, IDS[:, ::-1] != 0], 1)
    )
    assert not hasattr(keras.layers.Dot(axes=2)([a, b]), "_keras_mask")
