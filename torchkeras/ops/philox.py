"""TF's counter-based Philox4x32-10 streams and its distributions, vectorised in torch.

TF's random ops (``tf.random.stateless_*``, ``tf.random.Generator``) are specified bit for bit:
a Philox4x32-10 block cipher (a 64-bit key, a 128-bit counter, four 32-bit words out per
counter value), TF's seed scrambling, and TF's transforms of the 32-bit words (uniform floats
from mantissa bits, normals by Box-Muller, truncated normals by rejection with 256 Philox
blocks reserved per group of outputs).  This module reproduces them on the current device:
32-bit unsigned words live in int64 tensors.  Box-Muller's float ``logf``/``sincosf`` follow
glibc's algorithms bit for bit (``libm_float.py``), its double ``log``/``sincos`` are glibc's
(``libm_double.py``), so every dtype's values are TF's exactly (``tests/ops/test_philox.py``).
"""

from __future__ import annotations

import math

import numpy as np
import torch

from . import libm_double, libm_float

__all__ = ["philox_blocks", "scramble_seed", "add_to_counter", "fill"]

_MASK = 0xFFFFFFFF
_W32A, _W32B = 0x9E3779B9, 0xBB67AE85
_M4x32A, _M4x32B = 0xD2511F53, 0xCD9E8D57
_SCRAMBLE_KEY = (0x3EC8F720, 0x02461E29)
_RESERVED_BLOCKS = 256  # TF's kReservedSamplesPerOutput: Philox blocks per truncated group


def philox_blocks(key, counter, count, device):
    """``count`` Philox4x32-10 outputs for counters ``counter + i``: an int64 ``[count, 4]``
    tensor of uint32 words (``key``: two words, ``counter``: four words, low first)."""
    return _blocks_at(key, counter, torch.arange(count, dtype=torch.int64, device=device))


def add_to_counter(counter, delta):
    """The four counter words after TF's ``PhiloxRandom::Skip(delta)`` (a 128-bit add)."""
    value = sum(int(word) << (32 * i) for i, word in enumerate(counter)) + int(delta)
    value &= (1 << 128) - 1
    return [(value >> (32 * i)) & _MASK for i in range(4)]


def scramble_seed(first, second):
    """TF's stateless seed scrambling (``StatelessRandomGetKeyCounter``, Philox): the pair of
    int64 seeds becomes ``(key words, counter words)``."""
    first, second = int(first) & ((1 << 64) - 1), int(second) & ((1 << 64) - 1)
    counter = [first & _MASK, first >> 32, second & _MASK, second >> 32]
    mix = philox_blocks(_SCRAMBLE_KEY, counter, 1, torch.device("cpu"))[0].tolist()
    return (mix[0], mix[1]), [0, 0, mix[2], mix[3]]


# ------------------------------------------------------------------ transforms of the words
def _words(key, counter, count, per_block, device):
    """The first ``count`` outputs' words when each Philox block yields ``per_block`` outputs."""
    blocks = -(-count // per_block)
    return philox_blocks(key, counter, blocks, device)


def _unit_float(words):
    """TF's ``Uint32ToFloat``: 23 mantissa bits -> float32 in [0, 1)."""
    return ((words & 0x7FFFFF) | 0x3F800000).to(torch.int32).view(torch.float32) - 1.0


def _unit_double(high, low):
    """TF's ``Uint64ToDouble``: 20 bits of ``high`` and all of ``low`` -> float64 in [0, 1)."""
    bits = ((high & 0xFFFFF) << 32) | low | (1023 << 52)
    return bits.view(torch.float64) - 1.0


def _box_muller_float(x0, x1):
    """TF's ``BoxMullerFloat`` on two word tensors: two float32 normal tensors."""
    u1 = torch.clamp_min(_unit_float(x0), 1.0e-7)
    v1 = (_unit_float(x1).double() * (2 * math.pi)).float()
    u2 = torch.sqrt(-2.0 * libm_float.logf(u1).double()).float()  # torch's float sqrt is not exact
    sin, cos = libm_float.sincosf(v1)
    return sin * u2, cos * u2


def _box_muller_double(x0, x1, x2, x3):
    """TF's ``BoxMullerDouble`` on four word tensors: two float64 normal tensors."""
    u1 = torch.clamp_min(_unit_double(x0, x1), 1.0e-7)
    v1 = 2 * math.pi * _unit_double(x2, x3)
    u2 = libm_double.sqrt(-2.0 * libm_double.log(u1))
    sin, cos = libm_double.sincos(v1)
    return sin * u2, cos * u2


def _uniform(words, dtype):
    if dtype == torch.float64:
        return _unit_double(words[:, 0::2], words[:, 1::2]).reshape(-1)
    flat = words.reshape(-1)
    if dtype == torch.float32:
        return _unit_float(flat)
    if dtype == torch.float16:
        return ((flat & 0x3FF) | (15 << 10)).to(torch.int16).view(torch.float16) - 1.0
    return ((flat & 0x7F) | (127 << 7)).to(torch.int16).view(torch.bfloat16) - 1.0


def _normal(words, dtype):
    if dtype == torch.float64:
        first, second = _box_muller_double(words[:, 0], words[:, 1], words[:, 2], words[:, 3])
        return torch.stack((first, second), dim=1).reshape(-1)
    first, second = _box_muller_float(words[:, 0::2], words[:, 1::2])
    return torch.stack((first, second), dim=2).reshape(-1).to(dtype)


def _uniform_int(words, dtype, low, high):
    """TF's ``UniformDistribution`` for integers: ``low + bits % (high - low)``."""
    if dtype == torch.int32:
        span = (high - low) & _MASK
        return (low + words.reshape(-1) % span).to(torch.int32)
    span = (high - low) & ((1 << 64) - 1)
    hi, lo = words[:, 1::2].reshape(-1), words[:, 0::2].reshape(-1)
    if span < (1 << 31):
        rest = ((hi % span) * ((1 << 32) % span) + lo) % span
        return low + rest
    return _uniform_int64_wide(hi, lo, low, span)


def _uniform_int64_wide(hi, lo, low, span):
    """``low + (hi * 2**32 + lo) % span`` for a span of 2**31 or more, in exact uint64 on the
    host (torch has no unsigned 64-bit remainder)."""
    high_bits = hi.cpu().numpy().astype(np.uint64) << np.uint64(32)
    bits = high_bits | lo.cpu().numpy().astype(np.uint64)
    rest = bits % np.uint64(span)
    value = (rest + np.uint64(low & ((1 << 64) - 1))).view(np.int64)
    return torch.from_numpy(value).to(hi.device)


def _full_int(words, dtype):
    if dtype == torch.int32:
        flat = words.reshape(-1)
        return (flat - ((flat >> 31) << 32)).to(torch.int32)
    return (words[:, 1::2] << 32 | words[:, 0::2]).reshape(-1)


def _truncated_normal(key, counter, count, dtype, device):
    """TF's ``TruncatedNormalDistribution``: group ``g`` of outputs (4, or 2 for float64) draws
    Box-Muller pairs from the Philox blocks after ``counter + 256 * g`` (TF reserves
    256 blocks per group), keeping values of magnitude under 2 in order."""
    group = 2 if dtype == torch.float64 else 4
    groups = -(-count // group)
    skip = group * _RESERVED_BLOCKS // 4
    work = torch.float64 if dtype == torch.float64 else torch.float32
    out = torch.empty((groups, group), dtype=work, device=device)
    pending = torch.arange(groups, device=device)
    blocks_per_try = 2
    start = 0
    filled = torch.zeros(groups, dtype=torch.int64, device=device)
    while pending.numel():
        candidates = _truncated_candidates(
            key, counter, pending * skip + start, blocks_per_try, dtype, device
        )
        keep = candidates.abs() < 2.0
        need = group - filled[pending]
        rank = torch.cumsum(keep.to(torch.int64), dim=1)
        take = keep & (rank <= need[:, None])
        rows, cols = take.nonzero(as_tuple=True)
        slots = filled[pending][rows] + rank[rows, cols] - 1
        out[pending[rows], slots] = candidates[rows, cols]
        filled[pending] += take.sum(dim=1)
        pending = pending[filled[pending] < group]
        start += blocks_per_try
    return out.reshape(-1)[:count].to(dtype)


def _truncated_candidates(key, counter, offsets, blocks, dtype, device):
    """The Box-Muller values of ``blocks`` Philox blocks after ``counter + offset`` per row."""
    rows = offsets.numel()
    steps = (offsets[:, None] + torch.arange(blocks, device=device)).reshape(-1)
    words = _blocks_at(key, counter, steps, device)
    if dtype == torch.float64:
        first, second = _box_muller_double(words[:, 0], words[:, 1], words[:, 2], words[:, 3])
        values = torch.stack((first, second), dim=1)
    else:
        first, second = _box_muller_float(words[:, 0::2], words[:, 1::2])
        values = torch.stack((first, second), dim=2)
    return values.reshape(rows, -1)


def _blocks_at(key, counter, steps, device=None):
    """Philox outputs for counters ``counter + steps[i]`` (TF's 128-bit ``Skip``; int64 steps).
    Counter words may be ints or 0-d int64 tensors (a stateful kernel's live position)."""
    low = steps + _word(counter[0])
    words = [low & _MASK]
    carry = low >> 32
    for word in counter[1:]:
        value = carry + _word(word)
        words.append(value & _MASK)
        carry = value >> 32
    return _rounds(words, key)


def _word(word):
    return word if isinstance(word, torch.Tensor) else int(word)


def _rounds(words, key):
    """Philox4x32-10's ten rounds on the four counter-word tensors."""
    c0, c1, c2, c3 = words
    k0, k1 = int(key[0]), int(key[1])
    for _ in range(10):
        product_a = c0 * _M4x32A
        product_b = c2 * _M4x32B
        hi_a, lo_a = (product_a >> 32) & _MASK, product_a & _MASK
        hi_b, lo_b = (product_b >> 32) & _MASK, product_b & _MASK
        c0, c1, c2, c3 = hi_b ^ c1 ^ k0, lo_b, hi_a ^ c3 ^ k1, lo_a
        k0, k1 = (k0 + _W32A) & _MASK, (k1 + _W32B) & _MASK
    return torch.stack((c0, c1, c2, c3), dim=1)


_PER_BLOCK = {torch.float64: 2, torch.int64: 2}


def fill(kind, shape, dtype, key, counter, device, low=None, high=None):
    """A tensor of ``shape`` and torch ``dtype`` holding TF's ``kind`` distribution
    (``"uniform"``, ``"normal"``, ``"truncated_normal"``, ``"uniform_int"``, ``"full_int"``)
    for the Philox ``key`` and ``counter`` words."""
    count = math.prod(shape)
    if count == 0:
        return torch.empty(shape, dtype=dtype, device=device)
    if kind == "truncated_normal":
        return _truncated_normal(key, counter, count, dtype, device).reshape(shape)
    words = _words(key, counter, count, _PER_BLOCK.get(dtype, 4), device)
    if kind == "uniform":
        flat = _uniform(words, dtype)
    elif kind == "normal":
        flat = _normal(words, dtype)
    elif kind == "uniform_int":
        flat = _uniform_int(words, dtype, low, high)
    else:
        flat = _full_int(words, dtype)
    return flat[:count].reshape(shape)
