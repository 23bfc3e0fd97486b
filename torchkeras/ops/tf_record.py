"""TFRecord files: ``tf.io.TFRecordWriter``, ``tf.io.TFRecordOptions`` and the record reader
``tf.data.TFRecordDataset`` uses.

A record is framed as TF's ``RecordWriter`` does: its length (uint64, little-endian), the
masked CRC32C of those 8 bytes, the data, the masked CRC32C of the data.  ``ZLIB`` and
``GZIP`` files are that stream deflated with TF's ``ZlibCompressionOptions`` (memory level
9), so the bytes match TF's.  CRCs come from the ``crc32c`` package (``checkpoint/coding``).
"""

from __future__ import annotations

import struct
import zlib

from ..api_export import tf_export
from ..framework import compat, errors
from . import file_system as fs
from . import input_stream

__all__ = ["TFRecordOptions", "TFRecordWriter", "frame", "read_records"]

_NONE, _ZLIB, _GZIP = 0, 1, 2
_COMPRESSION_NAMES = {_ZLIB: "ZLIB", _GZIP: "GZIP", _NONE: ""}
_HEADER = 12


def _coding():
    from . import io_protos

    io_protos.require()
    from ..checkpoint import coding

    return coding


@tf_export("io.TFRecordOptions")
class TFRecordOptions:
    """Options of a TFRecord writer: ``compression_type`` (``""``, ``"ZLIB"``, ``"GZIP"`` or
    None) and zlib's settings (``compression_level``, ``window_bits``, ``mem_level``,
    ``compression_strategy``, ``flush_mode`` ...).  The buffer sizes are accepted and have no
    effect on the bytes written."""

    compression_type_map = _COMPRESSION_NAMES

    def __init__(
        self,
        compression_type=None,
        flush_mode=None,
        input_buffer_size=None,
        output_buffer_size=None,
        window_bits=None,
        compression_level=None,
        compression_method=None,
        mem_level=None,
        compression_strategy=None,
    ):
        self.get_compression_type_string(compression_type)
        self.compression_type = compression_type
        self.flush_mode = flush_mode
        self.input_buffer_size = input_buffer_size
        self.output_buffer_size = output_buffer_size
        self.window_bits = window_bits
        self.compression_level = compression_level
        self.compression_method = compression_method
        self.mem_level = mem_level
        self.compression_strategy = compression_strategy

    @classmethod
    def get_compression_type_string(cls, options):
        """The compression name (``""``, ``"ZLIB"``, ``"GZIP"``) of options, a name or TF's
        numeric code; ``ValueError`` for anything else."""
        if not options:
            return ""
        if isinstance(options, TFRecordOptions):
            return cls.get_compression_type_string(options.compression_type)
        if options in _COMPRESSION_NAMES:
            return _COMPRESSION_NAMES[options]
        if options in _COMPRESSION_NAMES.values():
            return options
        raise ValueError('Not a valid compression_type: "{}"'.format(options))


def frame(record):
    """The bytes of one framed record."""
    coding = _coding()
    length = struct.pack("<Q", len(record))
    return b"".join(
        (
            length,
            struct.pack("<I", coding.mask(coding.crc(length))),
            record,
            struct.pack("<I", coding.mask(coding.crc(record))),
        )
    )


def _compressor(options, kind):
    def pick(value, default):
        return default if value is None else value

    window_bits = pick(options.window_bits, zlib.MAX_WBITS)
    return zlib.compressobj(
        pick(options.compression_level, zlib.Z_DEFAULT_COMPRESSION),
        pick(options.compression_method, zlib.DEFLATED),
        window_bits + 16 if kind == "GZIP" else window_bits,
        pick(options.mem_level, 9),
        pick(options.compression_strategy, zlib.Z_DEFAULT_STRATEGY),
    )


@tf_export("io.TFRecordWriter")
class TFRecordWriter:
    """Writes records (``bytes`` or ``str``) to a TFRecord file, as TF's writer: the file is
    created (truncated) at construction, ``options`` is a ``TFRecordOptions`` or a compression
    name, and writing after ``close`` is ``FailedPreconditionError``."""

    def __init__(self, path, options=None):
        if not isinstance(options, TFRecordOptions):
            options = TFRecordOptions(compression_type=options)
        self._coding = _coding()
        kind = TFRecordOptions.get_compression_type_string(options)
        self._compress = _compressor(options, kind) if kind else None
        self._flush_mode = options.flush_mode
        self._handle = fs.open_file(path, "wb")

    def _check_open(self):
        if self._handle is None:
            raise errors.FailedPreconditionError(None, None, "Writer is closed.")

    def write(self, record):
        """Appends one record."""
        if not isinstance(record, str | bytes):
            raise TypeError(
                "write(): incompatible function arguments. The following argument types are "
                "supported:\n    1. (self: tensorflow.python.lib.io._pywrap_record_io."
                "RecordWriter, record: str) -> None\n\nInvoked with: %r, %r" % (self, record)
            )
        self._check_open()
        data = frame(compat.as_bytes(record))
        self._handle.write(self._compress.compress(data) if self._compress else data)

    def flush(self):
        """Pushes what was written to the file (zlib output too when ``flush_mode`` asks)."""
        self._check_open()
        if self._compress and self._flush_mode not in (None, zlib.Z_NO_FLUSH):
            self._handle.write(self._compress.flush(self._flush_mode))
        self._handle.flush()

    def close(self):
        """Finishes the file (the end of the compressed stream) and closes it."""
        if self._handle is None:
            return
        if self._compress:
            self._handle.write(self._compress.flush(zlib.Z_FINISH))
        self._handle.close()
        self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        # As TF's writer, one dropped without ``close`` finishes and closes its file.
        if getattr(self, "_handle", None) is not None:
            self.close()


def read_records(path, compression_type="", buffer_size=None):
    """Yields the records of a TFRecord file as ``bytes``, raising TF's ``DataLossError``s
    (``truncated record at ...``, ``corrupted record at ...``) for damaged files; a partial
    header at the end is the end of the file, as in TF's reader."""
    coding = _coding()
    with input_stream.open_input(path, compression_type, buffer_size) as stream:
        offset = 0
        while True:
            header = stream.read(_HEADER)
            if len(header) < _HEADER:
                return
            (length,) = struct.unpack("<Q", header[:8])
            if coding.unmask(struct.unpack("<I", header[8:])[0]) != coding.crc(header[:8]):
                suffix = " (Is this even a TFRecord file?)" if offset == 0 else ""
                raise errors.DataLossError(
                    None, None, "corrupted record at %d%s" % (offset, suffix)
                )
            body = stream.read(length + 4)
            if len(body) < length + 4:
                raise errors.DataLossError(
                    None,
                    None,
                    "truncated record at %d' failed with Read less bytes than requested" % offset,
                )
            data = body[:length]
            if coding.unmask(struct.unpack("<I", body[length:])[0]) != coding.crc(data):
                raise errors.DataLossError(
                    None, None, "corrupted record at %d" % (offset + _HEADER)
                )
            yield data
            offset += _HEADER + length + 4
