"""tf.io.decode_compressed: ZLIB / GZIP streams, truncated streams and TF's errors."""

import gzip
import zlib

import numpy as np
import pytest

import torchkeras as tf

CASES = [
    "tf.io.decode_compressed(b'abc')",
    "tf.io.decode_compressed([zlib.compress(b'abc'), zlib.compress(b'')], compression_type='ZLIB')",
    "tf.io.decode_compressed(gzip.compress(b'abc'), compression_type='GZIP')",
    "tf.io.decode_compressed(zlib.compress(b'abc')[:-2], compression_type='ZLIB')",
    "tf.io.decode_compressed(b'', compression_type='ZLIB')",
]

ERRORS = [
    "tf.io.decode_compressed(b'garbage', compression_type='ZLIB')",
    "tf.io.decode_compressed(tf.constant(b'xx'), compression_type='GZIP')",
    "tf.io.decode_compressed(b'abc', compression_type='BZ2')",
    "tf.io.decode_compressed(b'abc', compression_type='NONE')",
    "tf.io.decode_compressed(b'abc', compression_type=5)",
    "tf.io.decode_compressed(5)",
]


def _run(source, module):
    namespace = {"tf": module, "zlib": zlib, "gzip": gzip}
    try:
        return eval(source, namespace)  # noqa: S307 - this file's own sources
    except Exception as error:  # noqa: BLE001 - the error is the result
        return error


def test_streams_decompress():
    assert _run(CASES[1], tf).numpy().tolist() == [b"abc", b""]
    assert _run(CASES[3], tf).numpy() == b"abc"  # a stream without its checksum, as TF
    error = _run(ERRORS[0], tf)
    assert isinstance(error, tf.errors.DataLossError)
    assert str(error).endswith(
        "}} inflate() failed with error -3: incorrect header check [Op:DecodeCompressed]"
    )


def test_matches_real_tf():
    real_tf = pytest.importorskip("tensorflow")
    for source in CASES:
        ours, theirs = _run(source, tf), _run(source, real_tf)
        flat = np.asarray(ours.numpy(), dtype=object).reshape(-1)
        assert list(flat) == list(np.asarray(theirs.numpy(), dtype=object).reshape(-1)), source
    for source in ERRORS:
        ours, theirs = _run(source, tf), _run(source, real_tf)
        assert type(ours).__name__ == type(theirs).__name__, source
        assert str(ours).split("}} ", 1)[-1] == str(theirs).split("}} ", 1)[-1], source
