"""``keras.datasets`` loaders on small files in Keras' formats (no network)."""

import collections
import pickle

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras.datasets import _files


def test_image_datasets_have_keras_shapes_and_dtypes(offline_get_file):
    (x, y), (xt, yt) = keras.datasets.mnist.load_data()
    assert (
        x.shape == (6, 28, 28)
        and x.dtype == np.uint8
        and y.shape == (6,)
        and xt.shape == (4, 28, 28)
    )
    (x, y), _ = keras.datasets.fashion_mnist.load_data()
    assert x.shape == (6, 28, 28) and y.shape == (6,)
    (x, y), (xt, yt) = keras.datasets.cifar10.load_data()
    assert (
        x.shape == (15, 32, 32, 3)
        and y.shape == (15, 1)
        and y.dtype == np.uint8
        and xt.shape == (3, 32, 32, 3)
    )
    (x, y), _ = keras.datasets.cifar100.load_data(label_mode="coarse")
    assert x.shape == (4, 32, 32, 3) and y.shape == (4, 1) and y.max() < 20


def test_word_sequences_are_shifted_prefixed_and_limited(offline_get_file):
    (x, y), (xt, yt) = keras.datasets.imdb.load_data(num_words=20, skip_top=2)
    assert x.dtype == object and len(x) == len(y) == 8 and len(xt) == 8
    assert all(
        seq[0] == 2 and all(2 <= w < 20 for w in seq) for seq in x
    )  # start_char 1 < skip_top: out of vocabulary
    (x, y), (xt, yt) = keras.datasets.reuters.load_data(test_split=0.2)
    assert len(x) == 12 and len(xt) == 3
    assert len(keras.datasets.reuters.get_label_names()) == 46


def test_argument_errors(offline_get_file):
    with pytest.raises(ValueError, match="label_mode"):
        keras.datasets.cifar100.load_data(label_mode="medium")
    with pytest.raises(ValueError, match="Invalid `test_split` argument: 1.5"):
        keras.datasets.boston_housing.load_data(test_split=1.5)
    with pytest.raises(ValueError, match="Increase maxlen"):
        keras.datasets.imdb.load_data(maxlen=1)


def test_object_arrays_refuse_anything_but_numpy_arrays(tmp_path):
    path = str(tmp_path / "evil.npz")
    sequences = np.empty(1, dtype="object")
    sequences[0] = collections.OrderedDict()  # unpickling needs a global outside NumPy
    np.savez(path, x=sequences)
    with pytest.raises(pickle.UnpicklingError, match="Refusing to deserialize"):
        _files.load_npz(path)
