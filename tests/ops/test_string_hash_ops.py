"""``tf.strings.to_hash_bucket*`` on known values (taken from TF 2.21)."""

import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError


def test_bucket_values():
    words = ["a", "b", "hello world"]
    assert tf.strings.to_hash_bucket_fast(words, 1000).numpy().tolist() == [939, 822, 11]
    assert tf.strings.to_hash_bucket(words, 1000).numpy().tolist() == [868, 370, 655]
    assert tf.strings.to_hash_bucket_strong(["a"], 10, [1, 2]).numpy().tolist() == [6]
    assert tf.strings.to_hash_bucket_strong(["a"], 10, [-1, 2]).numpy().tolist() == [0]
    assert tf.strings.to_hash_bucket_fast(["a"], 10).dtype == tf.int64


def test_bucket_errors():
    with pytest.raises(InvalidArgumentError, match="'num_buckets' of 0 must be at least minimum 1"):
        tf.strings.to_hash_bucket_fast(["a"], 0)
    with pytest.raises(InvalidArgumentError, match="Key must have 2 elements"):
        tf.strings.to_hash_bucket_strong(["a"], 10, [1])
    with pytest.raises(TypeError, match="Expected list for 'key'"):
        tf.strings.to_hash_bucket_strong(["a"], 10, 7)


def test_ragged_input_keeps_its_rows():
    out = tf.strings.to_hash_bucket_fast(tf.ragged.constant([["1"], ["2", "3"]]), 10)
    assert out.to_list() == [[9], [9, 1]]


def test_bad_arguments_are_checked_in_tfs_order():
    with pytest.raises(tf.errors.InvalidArgumentError, match="^Value for attr 'num_buckets' of 0"):
        tf.strings.to_hash_bucket_fast(tf.constant([1, 2]), 0)  # the attr before the dtype
    with pytest.raises(TypeError, match="^Expected int for argument 'key' not 'a'."):
        tf.strings.to_hash_bucket_strong("a", 3, ["a", "b"])
