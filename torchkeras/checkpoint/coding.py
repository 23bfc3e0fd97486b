"""Varints and CRC32C for TF's file formats, from the protobuf and crc32c packages.

One small wrapper so the table and bundle code read as TF's C++ does
(``PutVarint64``, ``GetVarint32``, ``crc32c::Value``/``Extend``/``Mask``).
"""

from __future__ import annotations

from .protos import require

require()

import crc32c as _crc32c  # noqa: E402
from google.protobuf.internal import decoder as _decoder, encoder as _encoder  # noqa: E402

__all__ = ["put_varint", "get_varint", "crc", "extend", "mask", "unmask"]

_MASK_DELTA = 0xA282EAD8
_U32 = 0xFFFFFFFF


def put_varint(value):
    """The varint bytes of a non-negative integer (LevelDB's PutVarint32/64)."""
    return _encoder._VarintBytes(value)


def get_varint(buffer, pos):
    """``(value, next_pos)`` of the varint at ``buffer[pos]``; IndexError when truncated."""
    return _decoder._DecodeVarint(buffer, pos)


def crc(data):
    """CRC32C of ``data``."""
    return _crc32c.crc32c(data)


def extend(value, data):
    """CRC32C of the concatenation, given ``value`` = CRC32C of what came before."""
    return _crc32c.crc32c(data, value)


def mask(value):
    """TF/LevelDB's masked CRC (rotate right 15, add a constant), as stored in files."""
    return ((((value >> 15) | (value << 17)) & _U32) + _MASK_DELTA) & _U32


def unmask(masked):
    """Inverse of ``mask``."""
    rot = (masked - _MASK_DELTA) & _U32
    return ((rot >> 17) | (rot << 15)) & _U32
