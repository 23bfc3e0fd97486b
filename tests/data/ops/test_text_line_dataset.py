"""tf.data.TextLineDataset: the lines of text files."""

import gzip

import pytest

import torchkeras as tf


def test_lines_without_endings(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"l1\nl2\r\nl3")
    (tmp_path / "b.txt").write_bytes(b"h\n1\n\n")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"g1\ng2\n"))
    a, b, c = (str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt.gz"))
    ds = tf.data.TextLineDataset(a)
    assert list(ds.as_numpy_iterator()) == [b"l1", b"l2", b"l3"]
    assert repr(ds).startswith("<TextLineDatasetV2 element_spec=TensorSpec(shape=(), dtype=")
    assert list(tf.data.TextLineDataset(b).skip(1).as_numpy_iterator()) == [b"1", b""]
    gz = tf.data.TextLineDataset(c, compression_type="GZIP")
    assert list(gz.as_numpy_iterator()) == [b"g1", b"g2"]
    mixed = tf.data.TextLineDataset([a, b], num_parallel_reads=2)
    assert list(mixed.as_numpy_iterator()) == [b"l1", b"h", b"l2", b"1", b"l3", b""]
    with pytest.raises(tf.errors.NotFoundError, match="nope.txt; No such file"):
        list(tf.data.TextLineDataset(str(tmp_path / "nope.txt")))


def test_matches_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    (tmp_path / "a.txt").write_bytes(b"x,1\r\n\ny,2\nlast")
    (tmp_path / "b.txt").write_bytes(b"only\n")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    for make in (
        lambda t: t.data.TextLineDataset(files),
        lambda t: t.data.TextLineDataset(files, num_parallel_reads=2).skip(1),
    ):
        assert list(make(tf).as_numpy_iterator()) == list(make(tf_real).as_numpy_iterator())
