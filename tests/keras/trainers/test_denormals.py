"""fit/evaluate/predict flush float32 denormals as TensorFlow's kernels do
(torchkeras/keras/trainers/training_session.py)."""

import numpy as np
import pytest
import torch

import torchkeras as tf

TINY = np.array([[1e-39, 0.0]], np.float32)


def _predictions(tf_module):
    keras = tf_module.keras
    model = keras.Sequential(
        [keras.Input((2,)), keras.layers.Dense(1, use_bias=False, kernel_initializer="ones")]
    )
    model.compile(loss="mse")
    return model.predict(TINY, verbose=0), model.predict_on_batch(TINY)


def test_predict_flushes_denormals_and_restores_the_setting():
    predicted, on_batch = _predictions(tf)
    assert predicted.tolist() == on_batch.tolist() == [[0.0]]
    assert (torch.tensor(1e-39) * 1.0).item() != 0.0  # the caller's setting is back


def test_predict_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours, theirs = _predictions(tf), _predictions(tf_real)
    assert [a.tolist() for a in ours] == [a.tolist() for a in theirs]
