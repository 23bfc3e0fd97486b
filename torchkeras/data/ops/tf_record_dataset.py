"""``tf.data.TFRecordDataset``: the records of TFRecord files (``ops/tf_record.py``)."""

from __future__ import annotations

from ...api_export import tf_export
from ...ops import tf_record
from .file_inputs import StringRecordDataset


@tf_export("data.TFRecordDataset")
class TFRecordDataset(StringRecordDataset):
    """The records (scalar strings) of one or more TFRecord files, in order;
    ``compression_type`` is ``""``, ``"ZLIB"`` or ``"GZIP"``; ``num_parallel_reads`` files are
    read at once, one record from each in turn (TF's deterministic interleave)."""

    _type_name = "TFRecordDatasetV2"

    @staticmethod
    def _read_records(name, compression_type, buffer_size):
        return tf_record.read_records(name, compression_type, buffer_size)
