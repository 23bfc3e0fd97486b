"""TensorFlow's string hashes: FarmHash ``Fingerprint64`` (``farmhashna::Hash64``, behind
``tf.strings.to_hash_bucket_fast``), SipHash-2-4 keyed by two 64-bit words
(``to_hash_bucket_strong``) and TF's legacy ``Hash64`` (a MurmurHash2-64 variant seeded with
``0xDECAFCAFFE``, behind ``to_hash_bucket``).

Each maps a string to ``hash % num_buckets`` bit for bit as TF does, so ``tf.strings``, Keras'
``Hashing`` and the lookup layers' OOV buckets agree with real TF.  Inputs are NumPy object
arrays of ``bytes``.  ``Fingerprint64`` of strings up to 64 bytes runs vectorised in NumPy
``uint64`` arithmetic, one pass per string length; longer strings and the other hashes run per
distinct string in Python.
"""

import numpy as np

__all__ = [
    "fingerprint64",
    "siphash24",
    "legacy_hash64",
    "to_hash_bucket_fast",
    "to_hash_bucket_strong",
    "to_hash_bucket_legacy",
]

_MASK = (1 << 64) - 1
_K0 = 0xC3A5C85C97CB3127
_K1 = 0xB492B66FBE98F273
_K2 = 0x9AE16A3B2F90404F


def _fetch64(s, i):
    return int.from_bytes(s[i : i + 8], "little")


def _fetch32(s, i):
    return int.from_bytes(s[i : i + 4], "little")


def _rotate(value, shift):
    return ((value >> shift) | (value << (64 - shift))) & _MASK if shift else value


def _shift_mix(value):
    return value ^ (value >> 47)


def _hash_len16(u, v, mul):
    a = ((u ^ v) * mul) & _MASK
    a ^= a >> 47
    b = ((v ^ a) * mul) & _MASK
    b ^= b >> 47
    return (b * mul) & _MASK


def _hash_len0to16(s, length):
    if length >= 8:
        mul = _K2 + length * 2
        a = (_fetch64(s, 0) + _K2) & _MASK
        b = _fetch64(s, length - 8)
        c = (_rotate(b, 37) * mul + a) & _MASK
        d = ((_rotate(a, 25) + b) * mul) & _MASK
        return _hash_len16(c, d, mul)
    if length >= 4:
        mul = _K2 + length * 2
        a = _fetch32(s, 0)
        return _hash_len16((length + (a << 3)) & _MASK, _fetch32(s, length - 4), mul)
    if length > 0:
        y = (s[0] + (s[length >> 1] << 8)) & 0xFFFFFFFF
        z = (length + (s[length - 1] << 2)) & 0xFFFFFFFF
        return (_shift_mix(((y * _K2) ^ (z * _K0)) & _MASK) * _K2) & _MASK
    return _K2


def _hash_len17to32(s, length):
    mul = _K2 + length * 2
    a = (_fetch64(s, 0) * _K1) & _MASK
    b = _fetch64(s, 8)
    c = (_fetch64(s, length - 8) * mul) & _MASK
    d = (_fetch64(s, length - 16) * _K2) & _MASK
    return _hash_len16(
        (_rotate((a + b) & _MASK, 43) + _rotate(c, 30) + d) & _MASK,
        (a + _rotate((b + _K2) & _MASK, 18) + c) & _MASK,
        mul,
    )


def _hash_len33to64(s, length):
    mul = _K2 + length * 2
    a = (_fetch64(s, 0) * _K2) & _MASK
    b = _fetch64(s, 8)
    c = (_fetch64(s, length - 8) * mul) & _MASK
    d = (_fetch64(s, length - 16) * _K2) & _MASK
    y = (_rotate((a + b) & _MASK, 43) + _rotate(c, 30) + d) & _MASK
    z = _hash_len16(y, (a + _rotate((b + _K2) & _MASK, 18) + c) & _MASK, mul)
    e = (_fetch64(s, 16) * mul) & _MASK
    f = _fetch64(s, 24)
    g = ((y + _fetch64(s, length - 32)) * mul) & _MASK
    h = ((z + _fetch64(s, length - 24)) * mul) & _MASK
    return _hash_len16(
        (_rotate((e + f) & _MASK, 43) + _rotate(g, 30) + h) & _MASK,
        (e + _rotate((f + a) & _MASK, 18) + g) & _MASK,
        mul,
    )


def _weak_hash_len32_with_seeds(s, i, a, b):
    w, x, y, z = _fetch64(s, i), _fetch64(s, i + 8), _fetch64(s, i + 16), _fetch64(s, i + 24)
    a = (a + w) & _MASK
    b = _rotate((b + a + z) & _MASK, 21)
    c = a
    a = (a + x + y) & _MASK
    b = (b + _rotate(a, 44)) & _MASK
    return (a + z) & _MASK, (b + c) & _MASK


def fingerprint64(s):
    """FarmHash ``Fingerprint64`` of the bytes ``s`` (TF's ``tf.strings.to_hash_bucket_fast``
    hash)."""
    length = len(s)
    if length <= 16:
        return _hash_len0to16(s, length)
    if length <= 32:
        return _hash_len17to32(s, length)
    if length <= 64:
        return _hash_len33to64(s, length)
    seed = 81
    x = seed
    y = (seed * _K1 + 113) & _MASK
    z = (_shift_mix((y * _K2 + 113) & _MASK) * _K2) & _MASK
    v0 = v1 = w0 = w1 = 0
    x = (x * _K2 + _fetch64(s, 0)) & _MASK
    end = ((length - 1) // 64) * 64
    last64 = end + ((length - 1) & 63) - 63
    i = 0
    while True:
        x = (_rotate((x + y + v0 + _fetch64(s, i + 8)) & _MASK, 37) * _K1) & _MASK
        y = (_rotate((y + v1 + _fetch64(s, i + 48)) & _MASK, 42) * _K1) & _MASK
        x ^= w1
        y = (y + v0 + _fetch64(s, i + 40)) & _MASK
        z = (_rotate((z + w0) & _MASK, 33) * _K1) & _MASK
        v0, v1 = _weak_hash_len32_with_seeds(s, i, (v1 * _K1) & _MASK, (x + w0) & _MASK)
        w0, w1 = _weak_hash_len32_with_seeds(
            s, i + 32, (z + w1) & _MASK, (y + _fetch64(s, i + 16)) & _MASK
        )
        z, x = x, z
        i += 64
        if i == end:
            break
    mul = _K1 + ((z & 0xFF) << 1)
    i = last64
    w0 = (w0 + ((length - 1) & 63)) & _MASK
    v0 = (v0 + w0) & _MASK
    w0 = (w0 + v0) & _MASK
    x = (_rotate((x + y + v0 + _fetch64(s, i + 8)) & _MASK, 37) * mul) & _MASK
    y = (_rotate((y + v1 + _fetch64(s, i + 48)) & _MASK, 42) * mul) & _MASK
    x ^= (w1 * 9) & _MASK
    y = (y + v0 * 9 + _fetch64(s, i + 40)) & _MASK
    z = (_rotate((z + w0) & _MASK, 33) * mul) & _MASK
    v0, v1 = _weak_hash_len32_with_seeds(s, i, (v1 * mul) & _MASK, (x + w0) & _MASK)
    w0, w1 = _weak_hash_len32_with_seeds(
        s, i + 32, (z + w1) & _MASK, (y + _fetch64(s, i + 16)) & _MASK
    )
    z, x = x, z
    return _hash_len16(
        (_hash_len16(v0, w0, mul) + _shift_mix(y) * _K0 + z) & _MASK,
        (_hash_len16(v1, w1, mul) + x) & _MASK,
        mul,
    )


def _sip_round(v0, v1, v2, v3):
    v0 = (v0 + v1) & _MASK
    v1 = _rotate(v1, 64 - 13) ^ v0
    v0 = _rotate(v0, 64 - 32)
    v2 = (v2 + v3) & _MASK
    v3 = _rotate(v3, 64 - 16) ^ v2
    v0 = (v0 + v3) & _MASK
    v3 = _rotate(v3, 64 - 21) ^ v0
    v2 = (v2 + v1) & _MASK
    v1 = _rotate(v1, 64 - 17) ^ v2
    v2 = _rotate(v2, 64 - 32)
    return v0, v1, v2, v3


def siphash24(key0, key1, s):
    """SipHash-2-4 of the bytes ``s`` under the 128-bit key ``(key0, key1)`` (TF's
    ``to_hash_bucket_strong`` hash)."""
    v0 = key0 ^ 0x736F6D6570736575
    v1 = key1 ^ 0x646F72616E646F6D
    v2 = key0 ^ 0x6C7967656E657261
    v3 = key1 ^ 0x7465646279746573
    length = len(s)
    tail_start = length - length % 8
    for i in range(0, tail_start, 8):
        m = _fetch64(s, i)
        v3 ^= m
        v0, v1, v2, v3 = _sip_round(*_sip_round(v0, v1, v2, v3))
        v0 ^= m
    m = ((length & 0xFF) << 56) | int.from_bytes(s[tail_start:], "little")
    v3 ^= m
    v0, v1, v2, v3 = _sip_round(*_sip_round(v0, v1, v2, v3))
    v0 ^= m
    v2 ^= 0xFF
    for _ in range(4):
        v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
    return v0 ^ v1 ^ v2 ^ v3


def legacy_hash64(s, seed=0xDECAFCAFFE):
    """TF's own ``Hash64`` (``tensorflow/core/lib/hash/hash.cc``) of the bytes ``s``."""
    mul = 0xC6A4A7935BD1E995
    length = len(s)
    h = (seed ^ (length * mul)) & _MASK
    tail_start = length - length % 8
    for i in range(0, tail_start, 8):
        k = (_fetch64(s, i) * mul) & _MASK
        k = ((k ^ (k >> 47)) * mul) & _MASK
        h = ((h ^ k) * mul) & _MASK
    if length > tail_start:
        h = ((h ^ int.from_bytes(s[tail_start:], "little")) * mul) & _MASK
    h = ((h ^ (h >> 47)) * mul) & _MASK
    return h ^ (h >> 47)


def _per_string(values, hash_fn, num_buckets):
    values = np.asarray(values, dtype=object)
    cache = {}
    out = np.empty(values.size, dtype=np.int64)
    for i, value in enumerate(values.reshape(-1)):
        bucket = cache.get(value)
        if bucket is None:
            bucket = cache[value] = hash_fn(value) % num_buckets
        out[i] = bucket
    return out.reshape(values.shape)


_U = np.uint64


def _v(value):
    return np.asarray(value, dtype=_U)


def _vrot(value, shift):
    return (value >> _U(shift)) | (value << _U(64 - shift))


def _vmix16(u, v, mul):
    a = (u ^ v) * mul
    a ^= a >> _U(47)
    b = (v ^ a) * mul
    b ^= b >> _U(47)
    return b * mul


def _vfingerprint(matrix, length):
    """``Fingerprint64`` of each row of ``matrix`` (``uint8``, rows of ``length`` <= 64 bytes)."""
    count = matrix.shape[0]

    def f64(i):
        return np.ascontiguousarray(matrix[:, i : i + 8]).view("<u8").reshape(count)

    def f32(i):
        return np.ascontiguousarray(matrix[:, i : i + 4]).view("<u4").reshape(count).astype(_U)

    k0, k1, k2 = _U(_K0), _U(_K1), _U(_K2)
    mul = _U(_K2 + length * 2)
    if length == 0:
        return np.full(count, k2, dtype=_U)
    if length < 4:
        b0 = matrix[:, 0].astype(_U)
        bm = matrix[:, length >> 1].astype(_U)
        bl = matrix[:, length - 1].astype(_U)
        y = (b0 + (bm << _U(8))) & _U(0xFFFFFFFF)
        z = (_U(length) + (bl << _U(2))) & _U(0xFFFFFFFF)
        h = (y * k2) ^ (z * k0)
        return (h ^ (h >> _U(47))) * k2
    if length < 8:
        return _vmix16(_U(length) + (f32(0) << _U(3)), f32(length - 4), mul)
    if length <= 16:
        a = f64(0) + k2
        b = f64(length - 8)
        return _vmix16(_vrot(b, 37) * mul + a, (_vrot(a, 25) + b) * mul, mul)
    a = f64(0) * (k1 if length <= 32 else k2)
    b = f64(8)
    c = f64(length - 8) * mul
    d = f64(length - 16) * k2
    if length <= 32:
        return _vmix16(_vrot(a + b, 43) + _vrot(c, 30) + d, a + _vrot(b + k2, 18) + c, mul)
    y = _vrot(a + b, 43) + _vrot(c, 30) + d
    z = _vmix16(y, a + _vrot(b + k2, 18) + c, mul)
    e = f64(16) * mul
    f = f64(24)
    g = (y + f64(length - 32)) * mul
    h = (z + f64(length - 24)) * mul
    return _vmix16(_vrot(e + f, 43) + _vrot(g, 30) + h, e + _vrot(f + a, 18) + g, mul)


def _lengths(flat):
    """The byte length of each string of the object array ``flat``."""
    return np.fromiter(map(len, flat), dtype=np.int64, count=flat.size)


def _byte_rows(flat, lengths):
    """``(matrix, starts)``: the bytes of ``flat``'s strings as rows of a ``uint8`` matrix (a
    NumPy fixed-width copy when all are short) or, for long strings, one buffer with each
    string's start (``matrix`` is then 1-D)."""
    if lengths.size and lengths.max() <= 64:
        fixed = np.array(flat, dtype="S%d" % max(int(lengths.max()), 1))
        return fixed.view(np.uint8).reshape(flat.size, -1), None
    starts = np.zeros(flat.size, dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    return np.frombuffer(b"".join(flat.tolist()), dtype=np.uint8), starts


def fingerprint64_array(values):
    """``Fingerprint64`` of each ``bytes`` in the object array ``values`` (a ``uint64`` array of
    the same shape)."""
    values = np.asarray(values, dtype=object)
    flat = values.reshape(-1)
    out = np.empty(flat.size, dtype=_U)
    lengths = _lengths(flat)
    data, starts = _byte_rows(flat, lengths)
    for length in np.flatnonzero(np.bincount(lengths)).tolist():
        rows = np.flatnonzero(lengths == length)
        if length > 64:
            out[rows] = [fingerprint64(s) for s in flat[rows].tolist()]
        elif starts is None:
            out[rows] = _vfingerprint(np.take(data, rows, axis=0)[:, :length], length)
        else:
            out[rows] = _vfingerprint(data[starts[rows, None] + np.arange(length)], length)
    return out.reshape(values.shape)


def to_hash_bucket_fast(values, num_buckets):
    """``Fingerprint64(s) % num_buckets`` for each ``bytes`` in ``values`` (an int64 array of the
    same shape)."""
    return np.asarray(fingerprint64_array(values) % _U(num_buckets), dtype=np.int64)


def to_hash_bucket_strong(values, num_buckets, key):
    """``SipHash24(key, s) % num_buckets`` for each ``bytes`` in ``values``; ``key`` is two
    ints (taken modulo 2**64, as TF's ``uint64`` key words)."""
    key0, key1 = (int(k) & _MASK for k in key)
    return _per_string(values, lambda s: siphash24(key0, key1, s), num_buckets)


def to_hash_bucket_legacy(values, num_buckets):
    """``Hash64(s) % num_buckets`` for each ``bytes`` in ``values`` (TF's ``to_hash_bucket``)."""
    return _per_string(values, legacy_hash64, num_buckets)
