"""``tf.data.TFRecordDataset``: the records of TFRecord files (``ops/tf_record.py``)."""

from __future__ import annotations

import numpy as np

from ...api_export import tf_export
from ...framework import compat, dtypes
from ...ops import tf_record
from ..dataset_ops import Dataset
from . import _common as c
from .file_inputs import cycle_length, filenames_of, read_files


@tf_export("data.TFRecordDataset")
class TFRecordDataset(Dataset):
    """The records (scalar strings) of one or more TFRecord files, in order;
    ``compression_type`` is ``""``, ``"ZLIB"`` or ``"GZIP"``; ``num_parallel_reads`` files are
    read at once, one record from each in turn (TF's deterministic interleave)."""

    _type_name = "TFRecordDatasetV2"

    def __init__(
        self,
        filenames,
        compression_type=None,
        buffer_size=None,
        num_parallel_reads=None,
        name=None,
    ):
        self._names = filenames_of(filenames)
        self._compression = compat.as_str_any(compression_type or "")
        self._buffer_size = None if buffer_size is None else int(buffer_size)
        self._cycle = cycle_length(num_parallel_reads)

    def _read(self, name):
        for record in tf_record.read_records(name, self._compression, self._buffer_size):
            yield np.array(record, dtype=object)

    def _iterate(self):
        return read_files(self._names(), self._read, self._cycle, self._spec())

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        return (), dtypes.string
