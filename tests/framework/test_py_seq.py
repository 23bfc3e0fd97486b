"""TF's conversion of mixed Python/NumPy scalars in sequences (``framework/py_seq.py``): the
dtype led by the first element, each converter's accepted types, the fallbacks and the
compatibility cast; checked against real TensorFlow where it is installed."""

import numpy as np
import pytest

import torchkeras as tf

# (source, TF 2.21's dtype and values, or its exception class and message start)
CASES = [
    ("tf.constant([True, np.int64(2)], dtype=tf.int32)", ("int32", [1, 2])),
    ("tf.constant([True, 2], dtype=tf.int32)", ("int32", [1, 2])),
    ("tf.constant([True, np.int64(2)], dtype=tf.float32)", ("float32", [1.0, 2.0])),
    ("tf.constant([np.int64(2), np.float64(2.5)])", ("float32", [2.0, 2.5])),
    ("tf.constant([np.float64(2.5), np.int32(1)])", ("float64", [2.5, 1.0])),
    ("tf.constant([np.float16(1.5), np.float32(2.5)])", ("float16", [1.5, 2.5])),
    ("tf.constant([np.float32(1.5), np.float64(2.5)])", ("float32", [1.5, 2.5])),
    ("tf.constant([np.int64(2), True])", ("int32", [2, 1])),
    ("tf.constant([np.array(1, np.int32), 2.5])", ("float32", [1.0, 2.5])),
    ("tf.constant([np.complex64(1), 2.5])", ("complex128", [1 + 0j, 2.5 + 0j])),
    ("tf.constant([np.int32(1), 2**40])", ("int64", [1, 2**40])),
    ("tf.constant([True, np.int64(2)])", (ValueError, "Can't convert Python sequence with mixed")),
    ("tf.constant([np.bool_(True), 2])", (ValueError, "Can't convert Python sequence with mixed")),
    ("tf.constant([None, 1])", (ValueError, "Attempt to convert a value (None) with an")),
    ("tf.constant([True, np.bool_(False)], dtype=tf.int32)", (TypeError, "Cannot convert [True")),
    ("tf.constant([np.int64(2), np.float64(2.5)], dtype=tf.int32)", (TypeError, "Cannot conv")),
    ("tf.constant(1e40)", (ValueError, "Can't convert Python sequence with a value out of")),
    ("tf.constant([2**64, 2.5])", (ValueError, "Can't convert Python sequence with out-of-ra")),
    ("tf.constant([[1, 2.5], [3]])", (ValueError, "Can't convert non-rectangular Python seq")),
]


def _outcome(source, module):
    try:
        result = eval(source, {"tf": module, "np": np})  # noqa: S307 - this file's own cases
    except (TypeError, ValueError) as error:
        return type(error), str(error)
    return result.dtype.name, result.numpy().tolist()


@pytest.mark.parametrize("source,expected", CASES)
def test_mixed_sequences_as_tf(source, expected):
    kind, detail = _outcome(source, tf)
    if isinstance(expected[0], str):
        assert (kind, detail) == expected
    else:
        assert kind is expected[0] and detail.startswith(expected[1])


def test_float_lists_keep_values_and_overflow_checks():
    assert tf.constant([1.5, -2.0]).numpy().tolist() == [1.5, -2.0]
    assert tf.constant([1e40], tf.float64).numpy().tolist() == [1e40]
    assert np.isinf(tf.constant([1e40], tf.float32).numpy()).all()


def test_same_as_tensorflow():
    real = pytest.importorskip("tensorflow")
    for source, _ in CASES:
        ours, theirs = _outcome(source, tf), _outcome(source, real)
        assert ours[0] == theirs[0] or ours[0].__name__ == theirs[0].__name__, source
        if isinstance(ours[0], str):
            assert ours[1] == theirs[1], source
        else:
            assert ours[1][:60] == theirs[1][:60], source
