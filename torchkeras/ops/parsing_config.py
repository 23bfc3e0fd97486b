"""The feature configurations of ``tf.io.parse_example``: ``FixedLenFeature``,
``VarLenFeature``, ``FixedLenSequenceFeature``, ``RaggedFeature`` and ``SparseFeature`` (TF's
namedtuples, with TF's argument checks)."""

from __future__ import annotations

import collections

from ..api_export import tf_export
from ..framework import dtypes

__all__ = [
    "FixedLenFeature",
    "VarLenFeature",
    "FixedLenSequenceFeature",
    "RaggedFeature",
    "SparseFeature",
]


@tf_export("io.VarLenFeature")
class VarLenFeature(collections.namedtuple("VarLenFeature", ["dtype"])):
    """A feature of any length, parsed into a ``tf.SparseTensor`` (``dtype``: ``tf.int64``,
    ``tf.float32`` or ``tf.string``)."""


@tf_export("io.SparseFeature")
class SparseFeature(
    collections.namedtuple(
        "SparseFeature", ["index_key", "value_key", "dtype", "size", "already_sorted"]
    )
):
    """A ``tf.SparseTensor`` assembled from index features (``index_key``: one key, or a list
    of keys for a higher rank) and a value feature (``value_key``), of dense shape
    ``size`` (an int, or a list matching ``index_key``) after the batch dimension; the entries
    are sorted by index unless ``already_sorted``.  Indices are not checked against ``size``,
    as in TF."""

    def __new__(cls, index_key, value_key, dtype, size, already_sorted=False):
        return super().__new__(cls, index_key, value_key, dtype, size, already_sorted)


@tf_export("io.FixedLenFeature")
class FixedLenFeature(
    collections.namedtuple("FixedLenFeature", ["shape", "dtype", "default_value"])
):
    """A feature of a fixed ``shape``, parsed into a dense tensor; ``default_value`` (reshaped
    to ``shape``) is used when an example lacks it, which is an error without one."""

    def __new__(cls, shape, dtype, default_value=None):
        return super().__new__(cls, shape, dtype, default_value)


@tf_export("io.FixedLenSequenceFeature")
class FixedLenSequenceFeature(
    collections.namedtuple(
        "FixedLenSequenceFeature", ["shape", "dtype", "allow_missing", "default_value"]
    )
):
    """A feature holding any number of items of ``shape``, parsed into ``[rows] + shape`` (a
    batch is padded with ``default_value``); ``tf.io.parse_example`` needs
    ``allow_missing=True``."""

    def __new__(cls, shape, dtype, allow_missing=False, default_value=None):
        return super().__new__(cls, shape, dtype, allow_missing, default_value)


@tf_export("io.RaggedFeature")
class RaggedFeature(
    collections.namedtuple(
        "RaggedFeature", ["dtype", "value_key", "partitions", "row_splits_dtype", "validate"]
    )
):
    """A feature parsed into a ``tf.RaggedTensor`` (a dense tensor for one unpartitioned
    example): its values come from ``value_key`` (default: the feature's key) and
    ``partitions`` (``RowSplits``, ``RowLengths``, ``RowStarts``, ``RowLimits``,
    ``ValueRowIds`` naming other features, or ``UniformRowLength``) add dimensions, outermost
    first.  ``validate`` is accepted; partitions are not checked against the values."""

    RowSplits = collections.namedtuple("RowSplits", ["key"])
    RowLengths = collections.namedtuple("RowLengths", ["key"])
    RowStarts = collections.namedtuple("RowStarts", ["key"])
    RowLimits = collections.namedtuple("RowLimits", ["key"])
    ValueRowIds = collections.namedtuple("ValueRowIds", ["key"])
    UniformRowLength = collections.namedtuple("UniformRowLength", ["length"])
    _PARTITION_TYPES = (RowSplits, RowLengths, RowStarts, RowLimits, ValueRowIds, UniformRowLength)

    def __new__(
        cls, dtype, value_key=None, partitions=(), row_splits_dtype=dtypes.int32, validate=False
    ):
        if value_key is not None:
            if not isinstance(value_key, str):
                raise ValueError(f"Argument `value_key` must be a string; got {value_key}")
            if not value_key:
                raise ValueError("Argument `value_key` must not be empty")
        dtype = dtypes.as_dtype(dtype)
        if dtype not in (dtypes.int64, dtypes.float32, dtypes.string):
            raise ValueError(f"Argument `dtype` must be int64, float32, or bytes; got {dtype!r}")
        row_splits_dtype = dtypes.as_dtype(row_splits_dtype)
        if row_splits_dtype not in (dtypes.int32, dtypes.int64):
            raise ValueError(
                f"Argument `row_splits_dtype` must be int32 or int64; got{row_splits_dtype!r}"
            )
        if not isinstance(partitions, list | tuple):
            raise TypeError(
                "Argument `partitions` must be a list or tuple. Received"
                f"partitions={partitions} of type {type(partitions).__name__}."
            )
        for partition in partitions:
            if not isinstance(partition, cls._PARTITION_TYPES):
                raise TypeError(
                    "Argument `partitions` cannot be cast to any of the partition types in "
                    f"{cls._PARTITION_TYPES}; got: {partition!r} with type {type(partition)}"
                )
        if not isinstance(validate, bool):
            raise TypeError(f"Argument `validate` must be a bool; got {validate!r}")
        return super().__new__(cls, dtype, value_key, tuple(partitions), row_splits_dtype, validate)
