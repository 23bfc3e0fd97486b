"""``tf.strings.to_hash_bucket_fast`` / ``to_hash_bucket_strong`` / ``to_hash_bucket``: each
string's bucket ``hash % num_buckets`` (int64), bit for bit TF's (see ``string_hash``)."""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import op_error
from ..framework.tensor import TensorOperators
from . import string_hash
from .string_ops import int_result, string_storage
from .string_ragged import on_flat_values

__all__ = ["to_hash_bucket_fast", "to_hash_bucket_strong", "to_hash_bucket"]

_SIGNATURES = {
    "StringToHashBucketFast": "signature=input:string -> output:int64; attr=num_buckets:int,min=1",
    "StringToHashBucketStrong": "signature=input:string -> output:int64; "
    "attr=num_buckets:int,min=1; attr=key:list(int)",
    "StringToHashBucket": "signature=string_tensor:string -> output:int64; "
    "attr=num_buckets:int,min=1",
}


def _num_buckets(num_buckets, opname):
    """The ``num_buckets`` attr as an int; TF's error below its minimum of 1."""
    count = int(num_buckets.numpy() if hasattr(num_buckets, "numpy") else num_buckets)
    if count < 1:
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'num_buckets' of %d must be at least minimum 1\n\t; NodeDef: "
            "{{node %s}}; Op<name=%s; %s> [Op:%s]"
            % (count, opname, opname, _SIGNATURES[opname], opname),
        )
    return count


def _input_and_count(input, num_buckets, opname):  # noqa: A002 - TF's argument name
    """The input's object array and the bucket count, checked in TF's order: a Python input's
    conversion, then the ``num_buckets`` attr, then a Tensor input's dtype."""
    if isinstance(input, TensorOperators):
        count = _num_buckets(num_buckets, opname)
        return string_storage(input, opname), count
    array = string_storage(input, opname)
    return array, _num_buckets(num_buckets, opname)


@tf_export("strings.to_hash_bucket_fast")
@on_flat_values
def to_hash_bucket_fast(input, num_buckets, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.to_hash_bucket_fast``: ``Fingerprint64(s) % num_buckets`` (FarmHash)."""
    opname = "StringToHashBucketFast"
    array, count = _input_and_count(input, num_buckets, opname)
    return int_result(string_hash.to_hash_bucket_fast(array, count), torch.int64)


@tf_export("strings.to_hash_bucket_strong")
@on_flat_values
def to_hash_bucket_strong(input, num_buckets, key, name=None):  # noqa: A002
    """``tf.strings.to_hash_bucket_strong``: ``SipHash-2-4(key, s) % num_buckets``, ``key`` a
    list of two ints (negative ones taken modulo 2**64, as TF's ``uint64`` key words)."""
    opname = "StringToHashBucketStrong"
    array, count = _input_and_count(input, num_buckets, opname)
    if not isinstance(key, (list, tuple)):
        raise TypeError(
            "Expected list for 'key' argument to 'string_to_hash_bucket_strong' Op, not %r."
            % (key,)
        )
    for k in key:
        if not isinstance(k, (int, np.integer)):
            raise TypeError("Expected int for argument 'key' not %r." % (k,))
    words = [int(k) for k in key]
    if any(not -(2**63) <= k < 2**63 for k in words):
        raise OverflowError("int too big to convert")
    if len(words) != 2:
        raise op_error(opname, "Key must have 2 elements", name=None)
    return int_result(string_hash.to_hash_bucket_strong(array, count, words), torch.int64)


@tf_export("strings.to_hash_bucket")
@on_flat_values
def to_hash_bucket(input, num_buckets, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.to_hash_bucket``: TF's legacy ``Hash64(s) % num_buckets`` (a MurmurHash2-64
    variant; TF recommends ``to_hash_bucket_fast``)."""
    opname = "StringToHashBucket"
    array, count = _input_and_count(input, num_buckets, opname)
    return int_result(string_hash.to_hash_bucket_legacy(array, count), torch.int64)
