"""keras.utils: to_categorical, normalize, split_dataset, set_random_seed, PyDataset."""

import random

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras


def test_to_categorical():
    out = keras.utils.to_categorical([0, 2, 1])
    assert out.dtype == np.float64 and out.tolist() == [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
    assert keras.utils.to_categorical(np.array([[1], [0]]), 3).shape == (2, 3)
    tensor = keras.utils.to_categorical(tf.constant([0, 1]), 2)
    assert isinstance(tensor, tf.Tensor) and tensor.dtype == tf.float32


def test_normalize():
    assert np.allclose(
        keras.utils.normalize(np.array([[3.0, 4.0], [0.0, 0.0]])), [[0.6, 0.8], [0.0, 0.0]]
    )
    assert np.allclose(keras.utils.normalize(tf.constant([[3.0, 4.0]])).numpy(), [[0.6, 0.8]])


def test_split_dataset_sizes_and_errors():
    left, right = keras.utils.split_dataset(np.arange(10), left_size=0.8)
    assert (len(left), len(right)) == (8, 2)
    left, right = keras.utils.split_dataset(
        (np.arange(10), np.arange(10) * 2), right_size=3, shuffle=True, seed=1
    )
    pairs = list(left.as_numpy_iterator()) + list(right.as_numpy_iterator())
    assert (
        len(right) == 3
        and sorted(int(a) for a, _ in pairs) == list(range(10))
        and all(b == 2 * a for a, b in pairs)
    )
    assert len(keras.utils.split_dataset(tf.data.Dataset.range(10), right_size=0.3)[0]) == 7
    with pytest.raises(ValueError, match="greater than 1"):
        keras.utils.split_dataset(np.arange(10), left_size=0.7, right_size=0.6)


def test_set_random_seed_makes_everything_repeatable():
    def draw():
        return (
            random.random(),
            np.random.rand(),
            float(torch.rand(())),
            list(tf.data.Dataset.range(8).shuffle(8).as_numpy_iterator()),
        )

    keras.utils.set_random_seed(3)
    first = draw()
    keras.utils.set_random_seed(3)
    assert draw() == first
    with pytest.raises(ValueError, match="Expected `seed` argument to be an integer"):
        keras.utils.set_random_seed(1.5)


def test_py_dataset_defaults():
    class Two(keras.utils.PyDataset):
        def __len__(self):
            return 2

        def __getitem__(self, index):
            return np.zeros((1, 1)), np.zeros((1, 1))

    data = Two(workers=2)
    assert (
        data.num_batches == 2
        and data.workers == 2
        and keras.utils.Sequence is keras.utils.PyDataset
    )


def test_matches_keras():
    keras_real = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    for args in ([0, 2, 1],), ([[1], [0]], 3):
        assert np.array_equal(
            keras.utils.to_categorical(*args), keras_real.utils.to_categorical(*args)
        )
    x = np.array([[3.0, 4.0], [1.0, 0.0]])
    for kwargs in ({}, {"order": 1, "axis": 0}):
        assert np.allclose(
            keras.utils.normalize(x, **kwargs), keras_real.utils.normalize(x, **kwargs)
        )
    for sizes in ({"left_size": 0.8}, {"right_size": 0.3}, {"left_size": 3}):
        ours = keras.utils.split_dataset(np.arange(10), **sizes)
        theirs = keras_real.utils.split_dataset(np.arange(10), **sizes)
        assert [len(d) for d in ours] == [len(d) for d in theirs]
        assert [np.asarray(list(d.as_numpy_iterator())).tolist() for d in ours] == [
            np.asarray(list(d.as_numpy_iterator())).tolist() for d in theirs
        ]
