"""TF's string hash buckets (FarmHash Fingerprint64, SipHash-2-4), checked on values taken from
TF 2.21."""

import numpy as np

from torchkeras.ops.string_hash import (
    fingerprint64,
    siphash24,
    to_hash_bucket_fast,
    to_hash_bucket_strong,
)


def test_fingerprint64_of_empty_string_is_farmhash_k2():
    assert fingerprint64(b"") == 0x9AE16A3B2F90404F


def test_siphash24_reference_vector():
    # The SipHash paper's test vector: key 00..0f, message 00..0e.
    key = bytes(range(16))
    k0, k1 = int.from_bytes(key[:8], "little"), int.from_bytes(key[8:], "little")
    assert siphash24(k0, k1, bytes(range(15))) == 0xA129CA6149BE45E5


def test_buckets_match_tf_values():
    # tf.strings.to_hash_bucket_fast(["a", "b", "c"], 5) and to_hash_bucket_strong(..., 5, key=[133,
    # 133]).
    values = np.array([b"a", b"b", b"c"], dtype=object)
    assert to_hash_bucket_fast(values, 5).tolist() == [4, 2, 2]
    assert to_hash_bucket_strong(values, 5, [133, 133]).tolist() == [2, 4, 1]


def test_buckets_keep_shape_and_dtype():
    values = np.array([[b"x", b"y"], [b"x", b"z"]], dtype=object)
    out = to_hash_bucket_fast(values, 1000)
    assert out.shape == (2, 2) and out.dtype == np.int64
    assert out[0, 0] == out[1, 0]


def test_legacy_hash64_matches_tf_buckets():
    # tf.strings.to_hash_bucket(["a", "b", "hello world"], 1000) in TF 2.21.
    from torchkeras.ops.string_hash import to_hash_bucket_legacy

    values = np.array([b"a", b"b", b"hello world"], dtype=object)
    assert to_hash_bucket_legacy(values, 1000).tolist() == [868, 370, 655]


def test_vectorised_fingerprint_equals_the_scalar_one():
    from torchkeras.ops.string_hash import fingerprint64_array

    rng = np.random.RandomState(0)
    values = [bytes(rng.randint(0, 256, n).astype(np.uint8)) for n in range(0, 150)]
    values += [b"a\x00", b"\x00", b"\x00\x00abc"]
    array = np.array(values, dtype=object)
    assert [int(h) for h in fingerprint64_array(array)] == [fingerprint64(v) for v in values]
    short = np.array([v for v in values if len(v) <= 64], dtype=object)
    assert [int(h) for h in fingerprint64_array(short)] == [fingerprint64(v) for v in short]
