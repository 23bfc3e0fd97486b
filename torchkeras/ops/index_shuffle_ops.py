"""``tf.random.experimental.index_shuffle``: TF's exact pseudorandom permutation of indices.

As TF's ``RandomIndexShuffle`` kernel: the seed pair is prefixed with TF's constant word to
make a three-word key; a Simon-style Feistel cipher (4 rounds) on a block of
``max(16, even ceil(log2(max_index)))`` bits is applied repeatedly until the result falls in
``[0, max_index]`` (cycle walking), so each ``(seed, max_index)`` gives a bijection.  Runs on the
host, one index at a time.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import attr_error, op_error

_SEED_PREFIX = 498247692  # the word TF's Python wrapper pads the seed with
_ROUNDS = 4
_DTYPES = (dtypes.int32, dtypes.uint32, dtypes.int64, dtypes.uint64)
_MIN_BLOCK = 16
_ROUND_CONSTANT = 0xFFFFFFFC
_Z_SEQUENCE = 0x7369F885192C0EF5


def _rotl(x, r, width, mask):
    return ((x << r) | (x >> (width - r))) & mask


def _rotr(x, r, width, mask):
    return ((x >> r) | (x << (width - r))) & mask


def _round_keys(key, width):
    mask = (1 << width) - 1
    keys = [k & mask for k in key]
    z = _Z_SEQUENCE & mask
    for i in range(3, _ROUNDS):
        keys.append(
            (_ROUND_CONSTANT & mask)
            ^ (z & 1)
            ^ keys[i - 3]
            ^ _rotr(keys[i - 1], 3, width, mask)
            ^ _rotr(keys[i - 1], 4, width, mask)
        )
        z >>= 1
    return keys


def _mix(x, width, mask):
    return (_rotl(x, 1, width, mask) & _rotl(x, 8, width, mask)) ^ _rotl(x, 2, width, mask)


def _encrypt(value, keys, width):
    mask = (1 << width) - 1
    left, right = (value >> width) & mask, value & mask
    for k1, k2 in zip(keys[0::2], keys[1::2]):
        left ^= _mix(right, width, mask) ^ k1
        right ^= _mix(left, width, mask) ^ k2
    return (left << width) | right


def _shuffle_one(index, key, max_index):
    if max_index == 0:
        return 0
    block = math.ceil(math.log2(max_index))
    block = max(block + block % 2, _MIN_BLOCK)
    width = min(block, 64) // 2
    keys = _round_keys(key, width)
    value = index
    while True:
        value = _encrypt(value, keys, width)
        if value <= max_index:
            return value


def _host_words(tensor):
    values = tensor._value
    return np.asarray(values.cpu() if isinstance(values, torch.Tensor) else values)


def _keys(seed_t, count):
    """TF's keys: the seed padded with TF's word *before its first axis* (as TF's wrapper
    does), which must then be ``[3]`` or ``[count, 3]``."""
    words = _host_words(seed_t).astype(np.int64)
    prefix = np.full((1,) + words.shape[1:], _SEED_PREFIX, dtype=np.int64)
    padded = np.concatenate([prefix, words]) if words.ndim else words
    if padded.shape not in ((3,), (count, 3)):
        raise op_error(
            "RandomIndexShuffle",
            "Seed must be a vector of size [3] or a matrix of size [%d, 3] but got [%s]."
            % (count, ",".join(str(d) for d in padded.shape)),
            None,
        )
    rows = padded.reshape(-1, 3) & 0xFFFFFFFF
    return [tuple(int(w) for w in rows[0 if len(rows) == 1 else i]) for i in range(count)]


@tf_export("random.experimental.index_shuffle")
def index_shuffle(index, seed, max_index):
    """``tf.random.experimental.index_shuffle``: where ``index`` goes in TF's pseudorandom
    permutation of ``[0, max_index]`` for ``seed`` (a pair); TF's exact values, in ``index``'s
    dtype and shape."""
    index_t = convert_to_tensor(index)
    max_t = convert_to_tensor(max_index, dtype_hint=index_t.dtype)
    seed_t = convert_to_tensor(seed)
    for t in (index_t, seed_t):
        if t.dtype not in _DTYPES:
            attr = "dtype" if t is index_t else "Tseed"
            raise attr_error("RandomIndexShuffle", t.dtype, attr=attr)
    indices = _host_words(index_t).astype(np.uint64).reshape(-1)
    bounds = np.broadcast_to(_host_words(max_t).astype(np.uint64).reshape(-1), indices.shape)
    keys = _keys(seed_t, indices.shape[0])
    for i, m in zip(indices, bounds):
        if int(m) < int(i):
            raise op_error(
                "RandomIndexShuffle",
                "max_index must be >= index, but %d < %d" % (int(m), int(i)),
                None,
            )
    out = [_shuffle_one(int(i), k, int(m)) for i, m, k in zip(indices, bounds, keys)]
    result = np.array(out, dtype=np.uint64).astype(index_t.dtype.as_numpy_dtype)
    return convert_to_tensor(result.reshape(index_t.shape.as_list()))
