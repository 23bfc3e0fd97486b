"""tf.data.TFRecordDataset: records of TFRecord files, as TF reads them."""

import pytest

import torchkeras as tf


def _write(path, records, kind=""):
    with tf.io.TFRecordWriter(str(path), kind) as writer:
        for record in records:
            writer.write(record)
    return str(path)


def test_reads_records_in_order(tmp_path):
    first = _write(tmp_path / "a.tfrecord", [b"a1", b"a2", b"a3"])
    second = _write(tmp_path / "b.tfrecord", [b"b1"], "GZIP")
    ds = tf.data.TFRecordDataset(first)
    assert repr(ds) == (
        "<TFRecordDatasetV2 element_spec=TensorSpec(shape=(), dtype=tf.string, name=None)>"
    )
    assert list(ds.as_numpy_iterator()) == [b"a1", b"a2", b"a3"]
    assert ds.cardinality().numpy() == tf.data.UNKNOWN_CARDINALITY
    gz = tf.data.TFRecordDataset([second], compression_type="GZIP", buffer_size=10)
    assert list(gz.as_numpy_iterator()) == [b"b1"]
    both = tf.data.TFRecordDataset([first, first], num_parallel_reads=2)
    assert list(both.as_numpy_iterator()) == [b"a1", b"a1", b"a2", b"a2", b"a3", b"a3"]
    names = tf.data.Dataset.from_tensor_slices([first])
    assert list(tf.data.TFRecordDataset(names).take(1).as_numpy_iterator()) == [b"a1"]


def test_errors_come_from_the_iterator(tmp_path):
    path = _write(tmp_path / "a.tfrecord", [b"hello", b"world"])
    data = (tmp_path / "a.tfrecord").read_bytes()
    (tmp_path / "cut.tfrecord").write_bytes(data[:-2])
    ds = tf.data.TFRecordDataset(str(tmp_path / "cut.tfrecord"))
    with pytest.raises(tf.errors.DataLossError) as info:
        list(ds)
    assert str(info.value) == (
        "{{function_node __wrapped__IteratorGetNext_output_types_1_device_/job:localhost/"
        "replica:0/task:0/device:CPU:0}} truncated record at 21' failed with Read less bytes "
        "than requested [Op:IteratorGetNext] name: "
    )
    with pytest.raises(tf.errors.NotFoundError, match="nope; No such file or directory"):
        list(tf.data.TFRecordDataset(str(tmp_path / "nope")))
    with pytest.raises(tf.errors.DataLossError, match="incorrect header check"):
        list(tf.data.TFRecordDataset(path, compression_type="GZIP"))


def test_matches_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    files = [_write(tmp_path / "a", [b"x", b"y"]), _write(tmp_path / "b", [b"z"] * 3, "ZLIB")]
    for make in (
        lambda t: t.data.TFRecordDataset(files[0]),
        lambda t: t.data.TFRecordDataset(files[1], "ZLIB"),
        lambda t: t.data.TFRecordDataset([files[0], files[0]], num_parallel_reads=2).skip(1),
    ):
        ours, real = make(tf), make(tf_real)
        assert repr(ours) == repr(real)
        assert list(ours.as_numpy_iterator()) == list(real.as_numpy_iterator())
