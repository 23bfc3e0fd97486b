"""TFRecord files: tf.io.TFRecordWriter / TFRecordOptions, read back with TF's framing."""

import gzip
import struct
import zlib

import pytest

import torchkeras as tf
from torchkeras.ops import tf_record

# Real TF's bytes for the records b"hello", b"", "text" (from TF 2.21's TFRecordWriter).
HELLO_FILE = bytes.fromhex(
    "0500000000000000eab2043e68656c6c6fbb1f1c19000000000000000029039807"
    "d8ea82a2040000000000000042455204746578747e4945d6"
)


def _write(path, records, options=None):
    with tf.io.TFRecordWriter(str(path), options) as writer:
        for record in records:
            writer.write(record)
    return path.read_bytes()


def test_writer_bytes_are_tfs(tmp_path):
    data = _write(tmp_path / "r.tfrecord", [b"hello", b"", "text"])
    length, crc = struct.unpack("<QI", data[:12])
    assert length == 5 and data[12:17] == b"hello"
    assert data == HELLO_FILE


@pytest.mark.parametrize("kind, wbits", [("GZIP", 31), ("ZLIB", 15)])
def test_compressed_files_are_the_deflated_stream(tmp_path, kind, wbits):
    plain = _write(tmp_path / "p.tfrecord", [b"rec%d" % i * 10 for i in range(3)])
    packed = _write(tmp_path / "c.tfrecord", [b"rec%d" % i * 10 for i in range(3)], kind)
    assert zlib.decompress(packed, wbits) == plain
    compressor = zlib.compressobj(-1, zlib.DEFLATED, wbits, 9)
    assert packed == compressor.compress(plain) + compressor.flush()
    if kind == "GZIP":
        assert gzip.decompress(packed) == plain
    records = list(tf_record.read_records(str(tmp_path / "c.tfrecord"), kind))
    assert records == [b"rec%d" % i * 10 for i in range(3)]


def test_options_and_errors(tmp_path):
    options = tf.io.TFRecordOptions(compression_type="GZIP", compression_level=9)
    assert tf.io.TFRecordOptions.get_compression_type_string(options) == "GZIP"
    assert tf.io.TFRecordOptions.get_compression_type_string(None) == ""
    assert tf.io.TFRecordOptions.get_compression_type_string(1) == "ZLIB"
    with pytest.raises(ValueError, match='Not a valid compression_type: "BAD"'):
        tf.io.TFRecordOptions("BAD")
    with pytest.raises(tf.errors.NotFoundError, match="x.tfrecord; No such file or directory"):
        tf.io.TFRecordWriter(str(tmp_path / "nodir" / "x.tfrecord"))
    writer = tf.io.TFRecordWriter(str(tmp_path / "w.tfrecord"), options)
    writer.write(b"a" * 50)
    writer.close()
    writer.close()
    with pytest.raises(tf.errors.FailedPreconditionError, match="Writer is closed."):
        writer.write(b"a")
    with pytest.raises(TypeError, match="incompatible function arguments"):
        tf.io.TFRecordWriter(str(tmp_path / "z.tfrecord")).write(5)


def test_reader_reports_damage(tmp_path):
    data = HELLO_FILE
    cases = {
        "truncated": (data[:-3], "truncated record at 37' failed with Read less bytes"),
        "bad_data": (data[:13] + b"H" + data[14:], "corrupted record at 12"),
        "bad_header": (data[:9] + b"\x00" + data[10:], "corrupted record at 0 (Is this even"),
    }
    for name, (content, text) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(tf.errors.DataLossError, match=text.replace("(", r"\(")):
            list(tf_record.read_records(str(path)))
    (tmp_path / "partial_header").write_bytes(data[:5])
    assert list(tf_record.read_records(str(tmp_path / "partial_header"))) == []


def test_files_interchange_with_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    records = [b"hello", b"", b"\x00\xff" * 100]
    for kind in ("", "GZIP", "ZLIB"):
        ours = _write(tmp_path / ("ours" + kind), records, kind)
        with tf_real.io.TFRecordWriter(str(tmp_path / ("real" + kind)), kind) as writer:
            for record in records:
                writer.write(record)
        assert ours == (tmp_path / ("real" + kind)).read_bytes()
        read = tf_real.data.TFRecordDataset(str(tmp_path / ("ours" + kind)), kind)
        assert list(read.as_numpy_iterator()) == records
        mine = tf_record.read_records(str(tmp_path / ("real" + kind)), kind)
        assert list(mine) == records
