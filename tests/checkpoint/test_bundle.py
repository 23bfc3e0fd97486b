"""The tensor bundle and ``tf.train.Checkpoint`` on damaged or mismatched files: clear errors
naming the file and key, objects left unchanged, atomic writes."""

import os
import pathlib

import numpy as np
import pytest

pytest.importorskip("google.protobuf")
pytest.importorskip("crc32c")

import torchkeras as tf  # noqa: E402
from torchkeras.checkpoint import bundle  # noqa: E402


def test_round_trip_dtypes(tmp_path):
    values = {
        "f": np.arange(6, dtype="float32").reshape(2, 3),
        "d": np.array(1.5),
        "i": np.array([1, -2], "int32"),
        "l": np.array([2**40], "int64"),
        "b": np.array([True, False]),
        "h": np.array([0.5], "float16"),
        "u": np.array([255], "uint8"),
        "c": np.array([1 + 2j], "complex64"),
        "s": np.array([b"x", b"", b"yz" * 200], dtype=object),
        "e": np.zeros((0, 3), "float32"),
    }
    bundle.write_bundle(str(tmp_path / "b"), values)
    reader = bundle.BundleReader(str(tmp_path / "b"))
    assert reader.keys() == sorted(values)
    for key, value in values.items():
        got = reader.get_tensor(key)
        np.testing.assert_array_equal(got, value)
        assert got.dtype == value.dtype and got.shape == value.shape
    assert sorted(os.listdir(tmp_path)) == ["b.data-00000-of-00001", "b.index"]


def _saved(tmp_path):
    module = tf.Module()
    module.w = tf.Variable([[1.0, 2.0]])
    module.v = tf.Variable([3, 4])
    return tf.train.Checkpoint(m=module).write(str(tmp_path / "c"))


def _target(w=((0.0, 0.0),), v=(0, 0)):
    module = tf.Module()
    module.w = tf.Variable(list(w))
    module.v = tf.Variable(list(v))
    return module


def test_missing_shard(tmp_path):
    path = _saved(tmp_path)
    os.remove(path + ".data-00000-of-00001")
    module = _target()
    with pytest.raises(tf.errors.NotFoundError, match="c.data-00000-of-00001"):
        tf.train.Checkpoint(m=module).restore(path)
    np.testing.assert_array_equal(module.w.numpy(), [[0.0, 0.0]])


def test_missing_checkpoint(tmp_path):
    with pytest.raises(tf.errors.NotFoundError, match="You may be missing the checkpoint"):
        tf.train.Checkpoint(m=_target()).restore(str(tmp_path / "nope-1"))


def test_truncated_data_names_file_and_key(tmp_path):
    path = _saved(tmp_path)
    data = path + ".data-00000-of-00001"
    with open(data, "rb") as handle:
        raw = handle.read()
    with open(data, "wb") as handle:
        handle.write(raw[:-3])
    module = _target()
    with pytest.raises(tf.errors.DataLossError, match="c.data-00000-of-00001.*m/w/"):
        tf.train.Checkpoint(m=module).restore(path)
    np.testing.assert_array_equal(module.w.numpy(), [[0.0, 0.0]])
    np.testing.assert_array_equal(module.v.numpy(), [0, 0])


def test_corrupted_data_checksum(tmp_path):
    path = _saved(tmp_path)
    data = path + ".data-00000-of-00001"
    raw = bytearray(pathlib.Path(data).read_bytes())
    raw[-1] ^= 0xFF
    pathlib.Path(data).write_bytes(bytes(raw))
    module = _target()
    with pytest.raises(tf.errors.DataLossError, match="checksum mismatch for tensor"):
        tf.train.Checkpoint(m=module).restore(path)
    np.testing.assert_array_equal(module.v.numpy(), [0, 0])


@pytest.mark.parametrize("cut", [10, 60])
def test_corrupted_index(tmp_path, cut):
    path = _saved(tmp_path)
    index = path + ".index"
    raw = pathlib.Path(index).read_bytes()
    pathlib.Path(index).write_bytes(raw[:cut])
    with pytest.raises(tf.errors.DataLossError, match=r"c\.index"):
        tf.train.load_checkpoint(path)


def test_wrong_shape_leaves_objects_unchanged(tmp_path):
    path = _saved(tmp_path)
    module = _target(w=((0.0, 0.0, 0.0),))
    with pytest.raises(
        ValueError,
        match=r"Received incompatible tensor with shape \(1, 2\) "
        r"when attempting to restore variable with shape "
        r"\(1, 3\).*m/w/\.ATTRIBUTES",
    ):
        tf.train.Checkpoint(m=module).restore(path)
    np.testing.assert_array_equal(module.v.numpy(), [0, 0])  # v (valid) not assigned either


def test_wrong_dtype(tmp_path):
    path = _saved(tmp_path)
    module = _target(v=(0.0, 0.0))
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match="expected dtype float32 does not equal original dtype int32",
    ):
        tf.train.Checkpoint(m=module).restore(path)
    np.testing.assert_array_equal(module.w.numpy(), [[0.0, 0.0]])


def test_failed_write_leaves_previous_files(tmp_path, monkeypatch):
    path = _saved(tmp_path)
    before = pathlib.Path(path + ".index").read_bytes()

    def boom(entries):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bundle.table, "write_table", boom)
    with pytest.raises(RuntimeError):
        tf.train.Checkpoint(m=_target()).write(path)
    assert pathlib.Path(path + ".index").read_bytes() == before
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".tmp")]


def test_save_write_read_and_state_file(tmp_path):
    module = _target(w=((1.0, 2.0),))
    ckpt = tf.train.Checkpoint(m=module)
    assert ckpt.save(str(tmp_path / "ck")) == str(tmp_path / "ck-1")
    assert ckpt.save(str(tmp_path / "ck")) == str(tmp_path / "ck-2")
    assert pathlib.Path(tmp_path / "checkpoint").read_text() == (
        'model_checkpoint_path: "ck-2"\nall_model_checkpoint_paths: "ck-2"\n'
    )
    assert tf.train.latest_checkpoint(str(tmp_path)) == str(tmp_path / "ck-2")
    module.w.assign([[5.0, 6.0]])
    ckpt.read(str(tmp_path / "ck-1")).assert_consumed()
    np.testing.assert_array_equal(module.w.numpy(), [[1.0, 2.0]])
    assert int(ckpt.save_counter.numpy()) == 1
    ckpt.restore(str(tmp_path))  # a directory: its latest checkpoint
    assert int(ckpt.save_counter.numpy()) == 2


def test_status_checks(tmp_path):
    path = _saved(tmp_path)
    module = _target()
    module.extra = tf.Variable(1.0)
    status = tf.train.Checkpoint(m=module).restore(path)
    status.assert_nontrivial_match()
    assert status.expect_partial() is status
    # as TF: the unsaved save_counter and ``extra`` are both unmatched
    with pytest.raises(AssertionError, match="Found 2 Python objects that were not bound"):
        status.assert_consumed()
    with pytest.raises(AssertionError, match="nothing is being restored"):
        tf.train.Checkpoint(m=module).restore(None).assert_consumed()
    with pytest.raises(ValueError, match="`Checkpoint` was expecting a trackable object"):
        tf.train.Checkpoint(x=1)
