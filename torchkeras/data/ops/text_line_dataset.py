"""``tf.data.TextLineDataset``: the lines of text files."""

from __future__ import annotations

import numpy as np

from ...api_export import tf_export
from ...framework import compat, dtypes
from ...ops import input_stream
from ..dataset_ops import Dataset
from . import _common as c
from .file_inputs import cycle_length, filenames_of, read_files


def read_lines(name, compression_type="", buffer_size=None):
    """The lines of a file as ``bytes``, without their ``\\n`` (or ``\\r\\n``), as TF's line
    reader splits them (a last line without a newline is kept)."""
    with input_stream.open_input(name, compression_type, buffer_size) as stream:
        data = stream.read_all()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


@tf_export("data.TextLineDataset")
class TextLineDataset(Dataset):
    """The lines (scalar strings, without line endings) of one or more text files, in order;
    ``compression_type`` is ``""``, ``"ZLIB"`` or ``"GZIP"``; ``num_parallel_reads`` files are
    read at once, one line from each in turn.  A header line is skipped with ``.skip(1)``."""

    _type_name = "TextLineDatasetV2"

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
        for line in read_lines(name, self._compression, self._buffer_size):
            yield np.array(line, dtype=object)

    def _iterate(self):
        return read_files(self._names(), self._read, self._cycle, self._spec())

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        return (), dtypes.string
