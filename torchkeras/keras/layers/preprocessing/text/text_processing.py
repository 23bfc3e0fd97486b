"""TextVectorization's string steps on NumPy arrays of ``bytes``: TF's
``strings.lower`` (ASCII only), the punctuation regex Keras strips,
whitespace / character splitting and ``strings.ngrams``.

Split results are ragged: a list with one list of ``bytes`` tokens per row.
"""

import re

import numpy as np

__all__ = [
    "lower",
    "strip_punctuation",
    "split_whitespace",
    "split_characters",
    "ngrams",
    "as_bytes_array",
]

_PUNCTUATION = re.compile(rb'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')


def _map(fn, array):
    out = np.empty(array.shape, dtype=object)
    flat_in, flat_out = array.reshape(-1), out.reshape(-1)
    for i, value in enumerate(flat_in):
        flat_out[i] = fn(value)
    return out


def as_bytes_array(values, encoding="utf-8"):
    """``values`` (array-like of ``str`` / ``bytes``) as a NumPy object array of ``bytes``."""
    array = np.asarray(values, dtype=object)
    return _map(lambda v: v.encode(encoding) if isinstance(v, str) else bytes(v), array)


def lower(array):
    """TF's ``tf.strings.lower`` without encoding: ASCII letters only."""
    return _map(bytes.lower, array)


def strip_punctuation(array):
    """Removes the ASCII punctuation Keras' ``strip_punctuation`` regex matches."""
    return _map(lambda v: _PUNCTUATION.sub(b"", v), array)


def split_whitespace(array):
    """TF's ``tf.strings.split`` with no separator: splits on ASCII whitespace, drops empty
    tokens."""
    return [value.split() for value in array.reshape(-1)]


def split_characters(array, encoding="utf-8"):
    """TF's ``tf.strings.unicode_split(..., 'UTF-8')``: one token per code point."""
    return [[c.encode(encoding) for c in value.decode(encoding)] for value in array.reshape(-1)]


def ngrams(rows, widths):
    """TF's ``tf.strings.ngrams(rows, widths, separator=' ')``: each width's n-grams in turn, per
    row."""
    out = []
    for row in rows:
        grams = []
        for n in widths:
            grams.extend(b" ".join(row[i : i + n]) for i in range(len(row) - n + 1))
        out.append(grams)
    return out
