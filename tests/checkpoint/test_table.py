"""TF's table format (the ``.index`` file): round trips and rejection of damaged bytes."""

import pytest

pytest.importorskip("google.protobuf")
pytest.importorskip("crc32c")

from torchkeras.checkpoint import table  # noqa: E402


def test_round_trip_many_blocks():
    entries = {("key/%06d" % i).encode(): bytes([i % 251]) * (i % 300) for i in range(3000)}
    data = table.write_table(entries)
    assert len(data) > table.BLOCK_SIZE  # several data blocks
    assert table.read_table(data) == entries


def test_empty_and_prefix_keys():
    entries = {b"": b"header", b"a": b"1", b"ab": b"2", b"abc": b"", b"b": b"3"}
    assert table.read_table(table.write_table(entries)) == entries
    assert table.read_table(table.write_table({})) == {}


def test_footer_magic():
    data = table.write_table({b"a": b"1"})
    assert data[-8:] == (0xDB4775248B80FB57).to_bytes(8, "little")
    with pytest.raises(table.TableError, match="bad magic number"):
        table.read_table(data[:-1] + b"\x00")


def test_truncated_and_corrupted():
    data = table.write_table({b"a": b"hello", b"b": b"world"})
    with pytest.raises(table.TableError):
        table.read_table(data[:20])
    with pytest.raises(table.TableError, match="checksum mismatch"):
        table.read_table(b"\x00" + data[1:]) if data[0] != 0 else table.read_table(
            b"\x01" + data[1:]
        )
