"""``tf.strings.split``, ``tf.strings.bytes_split`` and ``tf.strings.ngrams``: ops whose results
have a ragged dimension (``tf.RaggedTensor``; a dense Tensor where TF gives one).
"""

from __future__ import annotations

import itertools

import numpy as np

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import dims_text, op_error
from ..framework.tensor import TensorOperators
from .string_ops import string_storage, strings_result
from .string_ragged import RaggedTensor, split_result

__all__ = ["split", "bytes_split", "ngrams"]


def _string_tensor(value, prefix="", numbers=False):
    """TF's ``convert_to_tensor(value, dtype=string)`` for an input: a non-string Tensor (with
    ``numbers``, a Python number too, as TF converts it first) is TF's ``ValueError``
    (``prefix``: the argument's name where TF converts it by name)."""
    tensor = value if isinstance(value, TensorOperators) else None
    if numbers and tensor is None and not isinstance(value, (str, bytes, list, tuple, np.ndarray)):
        tensor = convert_to_tensor(value)
    if tensor is not None and tensor.dtype is not dtypes.string:
        raise ValueError(
            "%sTensor conversion requested dtype string for Tensor with dtype %s: %r"
            % (prefix, tensor.dtype.name, tensor)
        )


def _split_rows(array, split_one):
    """Splits every string of ``array`` with ``split_one`` into TF's result."""
    flat = array.reshape(-1)
    rows = [split_one(value) for value in flat]
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    tokens = np.empty(int(lengths.sum()), dtype=object)
    tokens[:] = list(itertools.chain.from_iterable(rows))
    return split_result(strings_result(tokens), lengths, list(array.shape))


def _split_whitespace(array):
    """``_split_rows(array, bytes.split)`` in two C calls: the strings joined by spaces are split
    at once, and NumPy counts each row's tokens (the starts of non-space runs)."""
    flat = array.reshape(-1).tolist()
    joined = b" ".join(flat + [b""])
    tokens = joined.split()
    buffer = np.frombuffer(joined, dtype=np.uint8)
    space = (buffer == 32) | ((buffer - np.uint8(9)) < 5)  # ASCII whitespace: \t\n\v\f\r and space
    starts = ~space
    starts[1:] &= space[:-1]
    lengths = np.fromiter(map(len, flat), dtype=np.int64, count=len(flat))
    bounds = np.zeros(len(flat) + 1, dtype=np.int64)
    np.cumsum(lengths + 1, out=bounds[1:])
    counts = np.diff(np.searchsorted(np.flatnonzero(starts), bounds))
    values = np.array(tokens, dtype=object) if tokens else np.empty(0, dtype=object)
    return split_result(strings_result(values), counts, list(array.shape))


def _ragged_apply(rt, fn):
    """``fn`` on the flat values of ``rt``, its result nested under ``rt``'s partitions."""
    return rt.with_flat_values(fn(rt.flat_values))


@tf_export("strings.split")
def split(input, sep=None, maxsplit=-1, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.split``: splits each string on ``sep`` (consecutive separators delimit empty
    tokens) or, without ``sep``, on runs of ASCII whitespace (no empty tokens); at most
    ``maxsplit`` splits when it is not negative.  A scalar gives a vector, other ranks a
    RaggedTensor with one more (ragged) dimension."""
    if isinstance(input, RaggedTensor):
        return _ragged_apply(input, lambda v: split(v, sep, maxsplit))
    _string_tensor(input, "input: ")
    if not isinstance(maxsplit, (int, np.integer)):
        raise TypeError("Expected int for argument 'maxsplit' not %r." % (maxsplit,))
    array = string_storage(input, "StringSplitV2")
    if sep is None:
        separator = b""
    else:
        sep_array = string_storage(sep, "StringSplitV2", 1)
        if sep_array.ndim:
            raise op_error(
                "StringSplitV2",
                "sep must be a scalar, got shape: %s" % dims_text(sep_array.shape),
            )
        separator = sep_array[()]
    limit = int(maxsplit)
    if separator:
        if limit < 0:
            return _split_rows(array, lambda s: s.split(separator))
        return _split_rows(array, lambda s: s.split(separator, limit))
    if limit < 0:
        return _split_whitespace(array) if array.size else _split_rows(array, bytes.split)
    return _split_rows(array, lambda s: s.split(None, limit))


def _bytes_of(value):
    return [value[i : i + 1] for i in range(len(value))]


@tf_export("strings.bytes_split")
def bytes_split(input, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.bytes_split``: each string as its single bytes (a scalar gives a vector,
    other ranks a RaggedTensor with one more dimension)."""
    if isinstance(input, RaggedTensor):
        return _ragged_apply(input, bytes_split)
    _string_tensor(input, numbers=True)
    array = string_storage(input, "UnicodeDecode")
    return _split_rows(array, _bytes_of)


def _pads(pad_values):
    if pad_values is None:
        return b"", b""
    if isinstance(pad_values, (list, tuple)):
        left, right = pad_values[0], pad_values[1]
    else:
        left = right = pad_values
    if not isinstance(left, (str, bytes)) or not isinstance(right, (str, bytes)):
        raise TypeError("pad_values must be a string, tuple of strings, or None.")
    return tuple(p.encode() if isinstance(p, str) else p for p in (left, right))


def _row_ngrams(row, widths, sep, pads, pad_width, preserve):
    """TF's ``StringNGrams`` kernel on one row (a list of ``bytes``)."""
    out = []
    for width in widths:
        pad = min(width - 1 if pad_width < 0 else pad_width, width - 1)
        padded = [pads[0]] * pad + row + [pads[1]] * pad
        out.extend(sep.join(padded[i : i + width]) for i in range(len(padded) - width + 1))
    if preserve and row and not out:
        pad = max(pad_width, 0)
        out.append(sep.join([pads[0]] * pad + row + [pads[1]] * pad))
    return out


@tf_export("strings.ngrams")
def ngrams(
    data,
    ngram_width,
    separator=" ",
    pad_values=None,
    padding_width=None,
    preserve_short_sequences=False,
    name=None,
):
    """``tf.strings.ngrams``: the n-grams of each row of ``data`` (the last dimension), for each
    width of ``ngram_width`` in turn, joined with ``separator``; ``pad_values`` (one string or a
    ``(left, right)`` pair) pads each row by ``padding_width`` (at most ``width - 1``, the
    default); ``preserve_short_sequences`` keeps a row too short for any n-gram as one.
    Dense input gives a dense result, ragged input a RaggedTensor."""
    pads = _pads(pad_values)
    if padding_width is not None and padding_width < 1:
        raise ValueError("padding_width must be greater than 0.")
    if padding_width is not None and pad_values is None:
        raise ValueError("pad_values must be provided if padding_width is set.")
    if isinstance(data, RaggedTensor):
        if data.ragged_rank > 1:
            return data.with_values(
                ngrams(
                    data.values,
                    ngram_width,
                    separator,
                    pad_values,
                    padding_width,
                    preserve_short_sequences,
                )
            )
        rows_of = data.flat_values._value
        splits = data.row_splits._value.tolist()
        rows = [rows_of[a:b].tolist() for a, b in zip(splits[:-1], splits[1:])]
        outer = None
    else:
        if not isinstance(data, TensorOperators):
            data = convert_to_tensor(data, dtype=dtypes.string)
        array = string_storage(data, "StringNGrams")
        if array.ndim == 0:
            raise ValueError("Data must have rank>0")
        rows = (
            array.reshape(-1, array.shape[-1]).tolist()
            if array.size
            else [[] for _ in range(int(np.prod(array.shape[:-1], dtype=np.int64)))]
        )
        outer = list(array.shape[:-1])
    widths = list(ngram_width) if isinstance(ngram_width, (list, tuple)) else [ngram_width]
    for width in widths:
        if width < 1:
            raise ValueError("All ngram_widths must be greater than 0. Got %s" % (ngram_width,))
    width_pad = 0 if pad_values is None else (-1 if padding_width is None else padding_width)
    sep = separator.encode() if isinstance(separator, str) else bytes(separator)
    grams = [
        _row_ngrams(row, widths, sep, pads, width_pad, preserve_short_sequences) for row in rows
    ]
    lengths = np.fromiter(map(len, grams), dtype=np.int64, count=len(grams))
    values = np.empty(int(lengths.sum()), dtype=object)
    values[:] = list(itertools.chain.from_iterable(grams))
    if outer is None:
        return split_result(strings_result(values), lengths, [len(rows)])
    return strings_result(values.reshape(outer + [values.size // max(len(rows), 1)]))
