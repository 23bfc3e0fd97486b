"""The loaders against real Keras on the same small files: identical arrays, order and dtypes.
(CIFAR-10 is left out: Keras' loader assumes 10,000 images per batch file, too big for a fixture;
CIFAR-100 covers the shared batch reading.)"""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

from torchkeras import keras  # noqa: E402

CASES = [
    ("mnist", {}),
    ("fashion_mnist", {}),
    ("cifar100", {}),
    ("cifar100", {"label_mode": "coarse"}),
    ("imdb", {}),
    ("imdb", {"num_words": 15, "skip_top": 3, "seed": 5}),
    ("imdb", {"maxlen": 9, "oov_char": None}),
    ("imdb", {"start_char": None, "index_from": 0}),
    ("reuters", {}),
    ("reuters", {"num_words": 30, "test_split": 0.4, "maxlen": 10}),
    ("boston_housing", {}),
    ("boston_housing", {"test_split": 0.1, "seed": 1}),
    ("california_housing", {"version": "small"}),
    ("california_housing", {}),
]


@pytest.fixture()
def offline(offline_get_file, monkeypatch):
    from keras.src.datasets import (
        boston_housing,
        california_housing,
        cifar10 as k10,
        cifar100 as k100,
        fashion_mnist as kf,
        imdb,
        mnist,
        reuters,
    )

    for module in (boston_housing, california_housing, k10, k100, kf, imdb, mnist, reuters):
        monkeypatch.setattr(module, "get_file", offline_get_file)


def _same(ours, theirs):
    if isinstance(theirs, (tuple, list)) and not isinstance(theirs, np.ndarray):
        assert len(ours) == len(theirs)
        for o, t in zip(ours, theirs):
            _same(o, t)
        return
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    if theirs.dtype == object:
        assert [list(s) for s in ours] == [list(s) for s in theirs]
    else:
        np.testing.assert_array_equal(ours, theirs)


@pytest.mark.parametrize("name,kwargs", CASES)
def test_loaders_match_keras(offline, name, kwargs):
    _same(
        getattr(keras.datasets, name).load_data(**kwargs),
        getattr(real_keras.datasets, name).load_data(**kwargs),
    )
