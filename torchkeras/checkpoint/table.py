"""TF's immutable sorted table (``tensorflow/core/lib/io/table*``, LevelDB's SSTable).

A checkpoint's ``.index`` file: data blocks of prefix-compressed ``key -> value``
entries with restart points, an (empty) metaindex block, an index block mapping each
data block's last key to its ``BlockHandle``, and a 48-byte footer ending with the
magic number.  Each block is followed by a 5-byte trailer: the compression type
(always 0, none, as TF writes checkpoints) and the masked CRC32C of block + type.
"""

from __future__ import annotations

import struct

from . import coding

__all__ = ["write_table", "read_table", "TableError"]

MAGIC = 0xDB4775248B80FB57
FOOTER_SIZE = 48
BLOCK_SIZE = 262144  # TF's table::Options().block_size
RESTART_INTERVAL = 16  # TF's table::Options().block_restart_interval


class TableError(ValueError):
    """The bytes are not a valid TF table (truncated, corrupted, or another format)."""


def _block(entries, restart_interval):
    """Encode sorted ``[(key, value)]`` as one block (entries, restart array, count)."""
    out = bytearray()
    restarts = []
    last = b""
    for i, (key, value) in enumerate(entries):
        shared = 0
        if i % restart_interval == 0:
            restarts.append(len(out))
        else:
            limit = min(len(last), len(key))
            while shared < limit and last[shared] == key[shared]:
                shared += 1
        out += coding.put_varint(shared) + coding.put_varint(len(key) - shared)
        out += coding.put_varint(len(value)) + key[shared:] + value
        last = key
    for offset in restarts or [0]:
        out += struct.pack("<I", offset)
    out += struct.pack("<I", len(restarts) or 1)
    return bytes(out)


def _handle(offset, size):
    return coding.put_varint(offset) + coding.put_varint(size)


def write_table(entries):
    """The bytes of a table holding ``entries`` (``{bytes key: bytes value}``), keys sorted."""
    out = bytearray()

    def emit(block):
        handle = _handle(len(out), len(block))
        out.extend(block + b"\x00")
        out.extend(struct.pack("<I", coding.mask(coding.crc(block + b"\x00"))))
        return handle

    index = []
    pending, size = [], 0
    for key in sorted(entries):
        pending.append((key, entries[key]))
        size += len(key) + len(entries[key]) + 8
        if size >= BLOCK_SIZE:
            index.append((key, emit(_block(pending, RESTART_INTERVAL))))
            pending, size = [], 0
    if pending:
        index.append((pending[-1][0], emit(_block(pending, RESTART_INTERVAL))))
    metaindex = emit(_block([], RESTART_INTERVAL))
    index_handle = emit(_block(index, 1))
    footer = (metaindex + index_handle).ljust(FOOTER_SIZE - 8, b"\x00")
    out += footer + struct.pack("<Q", MAGIC)
    return bytes(out)


def _read_handle(data, pos):
    offset, pos = coding.get_varint(data, pos)
    size, pos = coding.get_varint(data, pos)
    return offset, size, pos


def _read_block(data, offset, size, what):
    end = offset + size
    if end + 5 > len(data):
        raise TableError(
            "%s block [%d, %d) extends past the end of the file (%d bytes)"
            % (what, offset, end + 5, len(data))
        )
    block = data[offset : end + 1]
    if block[-1] != 0:
        raise TableError(
            "%s block uses compression type %d; only uncompressed tables "
            "are supported" % (what, block[-1])
        )
    stored = struct.unpack_from("<I", data, end + 1)[0]
    if coding.unmask(stored) != coding.crc(block):
        raise TableError("%s block checksum mismatch (block at offset %d)" % (what, offset))
    return block[:-1]


def _entries(block, what):
    if len(block) < 4:
        raise TableError("%s block too short" % what)
    num_restarts = struct.unpack_from("<I", block, len(block) - 4)[0]
    limit = len(block) - 4 - 4 * num_restarts
    if limit < 0:
        raise TableError("%s block has a bad restart array" % what)
    pos, key, out = 0, b"", []
    try:
        while pos < limit:
            shared, pos = coding.get_varint(block, pos)
            unshared, pos = coding.get_varint(block, pos)
            vlen, pos = coding.get_varint(block, pos)
            if shared > len(key) or pos + unshared + vlen > limit:
                raise TableError("%s block has a corrupted entry" % what)
            key = key[:shared] + block[pos : pos + unshared]
            pos += unshared
            out.append((key, block[pos : pos + vlen]))
            pos += vlen
    except IndexError:
        raise TableError("%s block has a truncated entry" % what) from None
    return out


def read_table(data):
    """``{key: value}`` of the table in ``data`` (bytes); raises TableError if invalid."""
    data = bytes(data)
    if len(data) < FOOTER_SIZE:
        raise TableError("file is too short (%d bytes) to be a table" % len(data))
    if struct.unpack_from("<Q", data, len(data) - 8)[0] != MAGIC:
        raise TableError("not an sstable (bad magic number)")
    footer = data[len(data) - FOOTER_SIZE :]
    try:
        _, _, pos = _read_handle(footer, 0)
        index_offset, index_size, _ = _read_handle(footer, pos)
    except IndexError:
        raise TableError("corrupted footer") from None
    result = {}
    for _, handle in _entries(_read_block(data, index_offset, index_size, "index"), "index"):
        try:
            offset, size, _ = _read_handle(handle, 0)
        except IndexError:
            raise TableError("corrupted block handle in the index") from None
        result.update(_entries(_read_block(data, offset, size, "data"), "data"))
    return result
