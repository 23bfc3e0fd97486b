"""TF's tensor bundle (``tensor_bundle.cc``): a checkpoint's ``.index`` + ``.data-*`` files.

The ``.index`` table maps ``""`` to a ``BundleHeaderProto`` and each tensor key to a
``BundleEntryProto`` (dtype, shape, shard, offset, size, masked CRC32C of the bytes); the
``.data-SSSSS-of-NNNNN`` shards hold the raw little-endian tensor bytes (strings as
varint lengths, a masked CRC32C of the lengths, then the bytes).  Writes are atomic:
each file goes to a temporary name first, then is renamed (data before index).
"""

from __future__ import annotations

import os
import struct

import numpy as np

from ..framework import dtypes, errors
from ..framework.file_io import atomic_write_bytes
from . import coding, protos, table

__all__ = ["BundleReader", "write_bundle", "index_file", "data_file"]

_NUMPY_BY_ENUM = {
    1: np.float32,
    2: np.float64,
    3: np.int32,
    4: np.uint8,
    5: np.int16,
    6: np.int8,
    8: np.complex64,
    9: np.int64,
    10: np.bool_,
    17: np.uint16,
    18: np.complex128,
    19: np.float16,
    22: np.uint32,
    23: np.uint64,
}
_ENUM_BY_NUMPY = {np.dtype(v): k for k, v in _NUMPY_BY_ENUM.items()}
DT_STRING = 7
_NAME_BY_ENUM = {
    dtypes.as_dtype(n).as_datatype_enum: n
    for n in (
        "float32",
        "float64",
        "int32",
        "uint8",
        "int16",
        "int8",
        "string",
        "complex64",
        "int64",
        "bool",
        "bfloat16",
        "uint16",
        "complex128",
        "float16",
        "uint32",
        "uint64",
    )
}


def index_file(prefix):
    """``<prefix>.index``."""
    return os.fspath(prefix) + ".index"


def data_file(prefix, shard=0, num_shards=1):
    """``<prefix>.data-00000-of-00001``."""
    return "%s.data-%05d-of-%05d" % (os.fspath(prefix), shard, num_shards)


def _data_loss(filename, detail):
    return errors.DataLossError(
        None,
        None,
        "Unable to read file (%s). Perhaps the file is corrupt or was produced by "
        "a newer version of TensorFlow with format changes (%s)" % (filename, detail),
    )


def _read_bytes(path):
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise errors.NotFoundError(
            None, None, "Failed to find any matching files for %s" % path
        ) from None


class BundleReader:
    """Reads a checkpoint written by TF (or torchkeras): keys, dtypes, shapes, tensors.

    Everything is validated when read: the index table's block checksums, each entry's
    proto, the shard files' presence and each tensor's size and CRC32C."""

    def __init__(self, prefix):
        self.prefix = os.fspath(prefix)
        self.index_path = index_file(self.prefix)
        raw = _read_bytes(self.index_path)
        try:
            entries = table.read_table(raw)
        except table.TableError as exc:
            raise _data_loss(self.index_path, str(exc)) from None
        if b"" not in entries:
            raise _data_loss(self.index_path, "no bundle header entry")
        header = self._parse(protos.BundleHeaderProto, entries.pop(b""), "<header>")
        if header.endianness != 0:
            raise errors.UnimplementedError(
                None, None, "Big-endian checkpoints are not supported: %s" % self.index_path
            )
        self.num_shards = max(header.num_shards, 1)
        self._entries = {}
        for key, value in entries.items():
            name = key.decode("utf-8", "replace")
            self._entries[name] = self._parse(protos.BundleEntryProto, value, name)
        self._shards = {}

    def _parse(self, cls, value, key):
        message = cls()
        try:
            message.ParseFromString(value)
        except protos.DecodeError:
            raise _data_loss(self.index_path, "entry for key %s not parseable" % key) from None
        return message

    def keys(self):
        """Every tensor key, sorted."""
        return sorted(self._entries)

    def has_tensor(self, key):
        """Whether ``key`` names a tensor in the checkpoint."""
        return key in self._entries

    def _entry(self, key):
        try:
            return self._entries[key]
        except KeyError:
            raise errors.NotFoundError(None, None, "Key %s not found in checkpoint" % key) from None

    def shape(self, key):
        """The tensor's shape as a list of ints."""
        return [d.size for d in self._entry(key).shape.dim]

    def dtype(self, key):
        """The tensor's ``tf.DType``."""
        enum = self._entry(key).dtype
        if enum not in _NAME_BY_ENUM:
            raise errors.UnimplementedError(
                None,
                None,
                "Unsupported dtype enum %d for key %s in %s" % (enum, key, self.index_path),
            )
        return dtypes.as_dtype(_NAME_BY_ENUM[enum])

    def _shard(self, shard_id):
        if shard_id not in self._shards:
            self._shards[shard_id] = _read_bytes(data_file(self.prefix, shard_id, self.num_shards))
        return self._shards[shard_id]

    def get_tensor(self, key):
        """The tensor's value as a NumPy array (strings: an object array of ``bytes``)."""
        entry = self._entry(key)
        if entry.slices:
            raise errors.UnimplementedError(
                None,
                None,
                "Partitioned (sliced) variable %s in %s is not supported" % (key, self.index_path),
            )
        path = data_file(self.prefix, entry.shard_id, self.num_shards)
        data = self._shard(entry.shard_id)
        if entry.offset + entry.size > len(data):
            raise _data_loss(
                path,
                "tensor %s needs bytes [%d, %d) but the file has %d"
                % (key, entry.offset, entry.offset + entry.size, len(data)),
            )
        raw = data[entry.offset : entry.offset + entry.size]
        shape = self.shape(key)
        if entry.dtype == DT_STRING:
            values, crc = self._strings(raw, shape, key, path)
            if coding.mask(crc) != entry.crc32c:
                raise _data_loss(path, "checksum mismatch for tensor %s" % key)
            return values
        if coding.mask(coding.crc(raw)) != entry.crc32c:
            raise _data_loss(path, "checksum mismatch for tensor %s" % key)
        if entry.dtype not in _NUMPY_BY_ENUM:
            raise errors.UnimplementedError(
                None,
                None,
                "Reading %s tensors (%s in %s) is not "
                "supported" % (self.dtype(key).name, key, path),
            )
        np_dtype = np.dtype(_NUMPY_BY_ENUM[entry.dtype]).newbyteorder("<")
        count = int(np.prod(shape, dtype=np.int64))
        if count * np_dtype.itemsize != len(raw):
            raise _data_loss(
                path,
                "tensor %s has %d bytes, expected %d for shape %s"
                % (key, len(raw), count * np_dtype.itemsize, shape),
            )
        return np.frombuffer(raw, dtype=np_dtype).astype(np_dtype.newbyteorder("=")).reshape(shape)

    @staticmethod
    def _strings(raw, shape, key, path):
        count = int(np.prod(shape, dtype=np.int64))
        pos, lengths = 0, []
        try:
            for _ in range(count):
                length, pos = coding.get_varint(raw, pos)
                lengths.append(length)
        except IndexError:
            raise _data_loss(path, "truncated string lengths for %s" % key) from None
        crc = _lengths_crc(lengths)
        if pos + 4 > len(raw) or struct.unpack_from("<I", raw, pos)[0] != coding.mask(crc):
            raise _data_loss(path, "string lengths checksum mismatch for %s" % key)
        crc = coding.extend(crc, raw[pos : pos + 4])
        pos += 4
        out = np.empty(count, dtype=object)
        for i, length in enumerate(lengths):
            out[i] = bytes(raw[pos : pos + length])
            pos += length
        if pos != len(raw):
            raise _data_loss(path, "string tensor %s has the wrong size" % key)
        return out.reshape(shape), coding.extend(crc, raw[len(raw) - sum(lengths) :])


def _lengths_crc(lengths):
    crc = 0
    for length in lengths:
        crc = coding.extend(crc, struct.pack("<I" if length <= 0xFFFFFFFF else "<Q", length))
    return crc


def _string_bytes(array):
    """``(bytes, crc)``: TF's string tensor layout and its (unmasked) entry checksum."""
    values = [v if isinstance(v, bytes) else str(v).encode("utf-8") for v in array.ravel()]
    lengths = b"".join(coding.put_varint(len(v)) for v in values)
    length_crc = struct.pack("<I", coding.mask(_lengths_crc([len(v) for v in values])))
    crc = coding.extend(_lengths_crc([len(v) for v in values]), length_crc)
    body = b"".join(values)
    return lengths + length_crc + body, coding.extend(crc, body)


def _entry_and_bytes(array):
    entry = protos.BundleEntryProto()
    if array.dtype == object or array.dtype.kind in "SU":
        entry.dtype = DT_STRING
        raw, crc = _string_bytes(array)
    else:
        if array.dtype not in _ENUM_BY_NUMPY:
            raise TypeError("Cannot write a %s tensor to a checkpoint" % array.dtype)
        entry.dtype = _ENUM_BY_NUMPY[array.dtype]
        raw = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()
        crc = coding.crc(raw)
    for size in array.shape:
        entry.shape.dim.add(size=size)
    entry.size = len(raw)
    entry.crc32c = coding.mask(crc)
    return entry, raw


def write_bundle(prefix, tensors):
    """Write ``{key: NumPy array}`` as ``<prefix>.index`` + ``<prefix>.data-00000-of-00001``."""
    data = bytearray()
    entries = {}
    for key in sorted(tensors):
        entry, raw = _entry_and_bytes(np.asarray(tensors[key]))
        entry.offset = len(data)
        data += raw
        entries[key.encode("utf-8")] = entry.SerializeToString()
    header = protos.BundleHeaderProto(num_shards=1, endianness=0)
    header.version.producer = 1
    entries[b""] = header.SerializeToString()
    atomic_write_bytes(data_file(prefix), bytes(data))
    atomic_write_bytes(index_file(prefix), table.write_table(entries))
