"""``keras.datasets.imdb``: 50,000 movie reviews as word-index sequences, labelled by sentiment."""

import json

import numpy as np

from . import _word_sequences as words
from ._files import fetch, load_npz
from ...api_export import keras_export as _keras_export

__all__ = ["load_data", "get_word_index"]


@_keras_export("keras.datasets.imdb.load_data")
def load_data(
    path="imdb.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
    **kwargs,
):
    """``(x_train, y_train), (x_test, y_test)``: object arrays of int lists (25,000 each) and 0/1
    labels, shuffled with ``seed``, words shifted by ``index_from``, prefixed with ``start_char``,
    outside ``[skip_top, num_words)`` replaced by ``oov_char``, reviews of ``maxlen`` words or more
    dropped: Keras' processing, step for step."""
    f = load_npz(
        fetch(path, "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f", "imdb.npz")
    )
    rng = np.random.RandomState(seed)
    parts = []
    for x_key, y_key in (("x_train", "y_train"), ("x_test", "y_test")):
        indices = np.arange(len(f[x_key]))
        rng.shuffle(indices)
        parts.append((words.offset(f[x_key][indices], start_char, index_from), f[y_key][indices]))
    (x_train, y_train), (x_test, y_test) = parts
    if maxlen:
        x_train, y_train = words.drop_long(maxlen, x_train, y_train)
        x_test, y_test = words.drop_long(maxlen, x_test, y_test)
        if not x_train or not x_test:
            raise ValueError(
                "After filtering for sequences shorter than maxlen=%s, no sequence was kept. "
                "Increase "
                "maxlen." % maxlen
            )
    sequences = words.limit_vocabulary(x_train + x_test, num_words, skip_top, oov_char)
    labels = np.concatenate([y_train, y_test])
    cut = len(x_train)
    return (
        (np.array(sequences[:cut], dtype="object"), labels[:cut]),
        (np.array(sequences[cut:], dtype="object"), labels[cut:]),
    )


@_keras_export("keras.datasets.imdb.get_word_index")
def get_word_index(path="imdb_word_index.json"):
    """The word -> index dictionary of the reviews (indexes before the ``index_from`` shift)."""
    with open(fetch(path, "bfafd718b763782e994055a2d397834f", "imdb_word_index.json")) as f:
        return json.load(f)
