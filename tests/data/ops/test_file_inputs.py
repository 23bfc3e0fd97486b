"""The file datasets' shared pieces: filenames, interleaving, compressed input."""

import gzip

import pytest

import torchkeras as tf
from torchkeras.data.ops import file_inputs
from torchkeras.ops import input_stream


def test_filenames_of_accepts_strings_tensors_and_datasets():
    assert file_inputs.filenames_of("a")() == [b"a"]
    assert file_inputs.filenames_of([["a"], ["b"]])() == [b"a", b"b"]
    names = tf.data.Dataset.from_tensor_slices(["x", "y"])
    assert file_inputs.filenames_of(names)() == [b"x", b"y"]
    with pytest.raises(TypeError, match="must contain `tf.string` elements. Got `tf.int32`"):
        file_inputs.filenames_of(5)


def test_cycle_length():
    assert file_inputs.cycle_length(None) is None
    assert file_inputs.cycle_length(3) == 3
    with pytest.raises(tf.errors.InvalidArgumentError, match="`cycle_length` must be > 0"):
        file_inputs.cycle_length(0)


def test_read_files_interleaves_one_element_at_a_time():
    sources = {"a": [1, 2, 3], "b": [4], "c": [5, 6], "d": [7, 8, 9, 10]}

    def read(names, cycle):
        return list(file_inputs.read_files(names, sources.get, cycle, ((), tf.int64)))

    # TF 2.21's orders (a file that ends gives its slot to the next, at its next turn).
    assert read(["a", "b", "c"], 2) == [1, 4, 2, 3, 5, 6]
    assert read(["b", "a", "c", "d"], 2) == [4, 1, 2, 5, 3, 6, 7, 8, 9, 10]
    assert read(["a", "b", "c", "d"], 3) == [1, 4, 5, 2, 6, 3, 7, 8, 9, 10]
    assert read(["a", "b"], None) == [1, 2, 3, 4]


def test_input_stream_inflates(tmp_path):
    (tmp_path / "f.gz").write_bytes(gzip.compress(b"hello world"))
    with input_stream.open_input(str(tmp_path / "f.gz"), "GZIP", buffer_size=3) as stream:
        assert stream.read(5) == b"hello"
        assert stream.read_all() == b" world"
    (tmp_path / "plain").write_bytes(b"not compressed")
    with input_stream.open_input(str(tmp_path / "plain"), "ZLIB") as stream:
        with pytest.raises(tf.errors.DataLossError, match="inflate\\(\\) failed with error -3"):
            stream.read_all()
