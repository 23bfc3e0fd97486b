"""``tf.data.TextLineDataset``: the lines of text files."""

from __future__ import annotations

from ...api_export import tf_export
from ...ops import input_stream
from .file_inputs import StringRecordDataset


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
class TextLineDataset(StringRecordDataset):
    """The lines (scalar strings, without line endings) of one or more text files, in order;
    ``compression_type`` is ``""``, ``"ZLIB"`` or ``"GZIP"``; ``num_parallel_reads`` files are
    read at once, one line from each in turn.  A header line is skipped with ``.skip(1)``."""

    _type_name = "TextLineDatasetV2"

    @staticmethod
    def _read_records(name, compression_type, buffer_size):
        return read_lines(name, compression_type, buffer_size)
