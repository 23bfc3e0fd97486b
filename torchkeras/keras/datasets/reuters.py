"""``keras.datasets.reuters``: 11,228 newswires as word-index sequences, labelled by 46 topics."""

import json

import numpy as np

from . import _word_sequences as words
from ._files import fetch, load_npz, shuffled
from ...api_export import keras_export as _keras_export

__all__ = ["load_data", "get_word_index", "get_label_names"]

_LABELS = (
    "cocoa",
    "grain",
    "veg-oil",
    "earn",
    "acq",
    "wheat",
    "copper",
    "housing",
    "money-supply",
    "coffee",
    "sugar",
    "trade",
    "reserves",
    "ship",
    "cotton",
    "carcass",
    "crude",
    "nat-gas",
    "cpi",
    "money-fx",
    "interest",
    "gnp",
    "meal-feed",
    "alum",
    "oilseed",
    "gold",
    "tin",
    "strategic-metal",
    "livestock",
    "retail",
    "ipi",
    "iron-steel",
    "rubber",
    "heat",
    "jobs",
    "lei",
    "bop",
    "zinc",
    "orange",
    "pet-chem",
    "dlr",
    "gas",
    "silver",
    "wpi",
    "hog",
    "lead",
)


@_keras_export("keras.datasets.reuters.load_data")
def load_data(
    path="reuters.npz",
    num_words=None,
    skip_top=0,
    maxlen=None,
    test_split=0.2,
    seed=113,
    start_char=1,
    oov_char=2,
    index_from=3,
):
    """``(x_train, y_train), (x_test, y_test)`` with ``imdb.load_data``'s processing, the shuffled
    newswires split ``1 - test_split`` / ``test_split``."""
    f = load_npz(
        fetch(
            path, "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916", "reuters.npz"
        )
    )
    xs, labels = shuffled(seed, f["x"], f["y"])
    xs = words.offset(xs, start_char, index_from)
    if maxlen:
        xs, labels = words.drop_long(maxlen, xs, labels)
    xs = words.limit_vocabulary(xs, num_words, skip_top, oov_char)
    cut = int(len(xs) * (1 - test_split))
    return (
        (np.array(xs[:cut], dtype="object"), np.array(labels[:cut])),
        (np.array(xs[cut:], dtype="object"), np.array(labels[cut:])),
    )


@_keras_export("keras.datasets.reuters.get_word_index")
def get_word_index(path="reuters_word_index.json"):
    """The word -> index dictionary of the newswires."""
    with open(fetch(path, "4d44cc38712099c9e383dc6e5f11a921", "reuters_word_index.json")) as f:
        return json.load(f)


@_keras_export("keras.datasets.reuters.get_label_names")
def get_label_names():
    """The 46 topic names, in label order."""
    return _LABELS
