"""Reading TF's input files: a file's bytes, inflated for ``ZLIB`` and ``GZIP`` compression,
with TF's errors (``tf.data``'s TFRecord, text-line and CSV readers share it)."""

from __future__ import annotations

import re
import zlib

from ..framework import errors
from . import file_system as fs

__all__ = ["InputStream", "open_input"]

_CHUNK = 256 * 1024


class InputStream:
    """Reads exactly-sized pieces of a file, inflating ``ZLIB``/``GZIP`` content."""

    def __init__(self, handle, compression, buffer_size):
        self._handle = handle
        self._chunk = buffer_size if buffer_size and buffer_size > 0 else _CHUNK
        wbits = {"ZLIB": zlib.MAX_WBITS, "GZIP": zlib.MAX_WBITS + 16}.get(compression)
        self._inflate = None if wbits is None else zlib.decompressobj(wbits)
        self._pending = b""

    def _more(self):
        data = self._handle.read(self._chunk)
        if self._inflate is None:
            return data
        if not data:
            return b""
        try:
            out = self._inflate.decompress(data)
        except zlib.error as exc:
            match = re.match(r"Error (-?\d+) while decompressing data: (.*)", str(exc))
            code, reason = match.groups() if match else ("-3", str(exc))
            raise errors.DataLossError(
                None, None, "inflate() failed with error %s: %s" % (code, reason)
            ) from None
        return out if out else self._more()

    def read(self, count):
        """Up to ``count`` bytes (fewer only at the end of the stream)."""
        while len(self._pending) < count:
            more = self._more()
            if not more:
                break
            self._pending += more
        out, self._pending = self._pending[:count], self._pending[count:]
        return out

    def read_all(self):
        """Everything left in the stream."""
        parts = [self._pending]
        self._pending = b""
        while True:
            more = self._more()
            if not more:
                return b"".join(parts)
            parts.append(more)

    def close(self):
        """Closes the file."""
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_input(path, compression_type="", buffer_size=None):
    """An ``InputStream`` over file ``path`` (``compression_type``: ``""``, ``"ZLIB"`` or
    ``"GZIP"``; anything else reads the file as it is, as TF does); TF's error when the file
    cannot be opened."""
    return InputStream(fs.open_file(path, "rb"), compression_type, buffer_size)
