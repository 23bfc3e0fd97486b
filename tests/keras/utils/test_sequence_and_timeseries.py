"""keras.utils.pad_sequences and timeseries_dataset_from_array without TensorFlow (expected
values from Keras 3.15)."""

import numpy as np
import pytest

from torchkeras import keras


def test_pad_sequences_defaults_and_options():
    seqs = [[1], [2, 3], [4, 5, 6]]
    out = keras.utils.pad_sequences(seqs)
    assert out.dtype == np.int32 and out.tolist() == [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
    assert keras.utils.pad_sequences(seqs, value=-1).tolist() == [
        [-1, -1, 1],
        [-1, 2, 3],
        [4, 5, 6],
    ]
    assert keras.utils.pad_sequences(seqs, padding="post").tolist() == [
        [1, 0, 0],
        [2, 3, 0],
        [4, 5, 6],
    ]
    assert keras.utils.pad_sequences(seqs, maxlen=2).tolist() == [[0, 1], [2, 3], [5, 6]]
    assert keras.utils.pad_sequences(seqs, maxlen=2, truncating="post").tolist() == [
        [0, 1],
        [2, 3],
        [4, 5],
    ]
    floats = keras.utils.pad_sequences([[0.5], []], maxlen=2, dtype="float32", value=0.25)
    assert floats.dtype == np.float32 and floats.tolist() == [[0.25, 0.5], [0.25, 0.25]]
    assert keras.utils.pad_sequences([["a"], ["b", "c"]], dtype=object, value="").tolist() == [
        ["", "a"],
        ["b", "c"],
    ]
    assert keras.utils.pad_sequences([np.ones((1, 2)), np.zeros((2, 2))]).shape == (2, 2, 2)


def test_pad_sequences_errors():
    with pytest.raises(ValueError, match="not compatible"):
        keras.utils.pad_sequences([[1]], value="x")
    with pytest.raises(ValueError, match='Padding type "mid" not understood'):
        keras.utils.pad_sequences([[1]], padding="mid")
    with pytest.raises(ValueError, match="list of iterables"):
        keras.utils.pad_sequences([1, 2])


def test_timeseries_windows_and_targets():
    data = np.arange(20).reshape(10, 2).astype("float32")
    ds = keras.utils.timeseries_dataset_from_array(
        data, np.arange(10), sequence_length=3, sequence_stride=2, sampling_rate=2, batch_size=2
    )
    batches = list(ds.as_numpy_iterator())
    assert [b[0].shape for b in batches] == [(2, 3, 2), (1, 3, 2)]
    np.testing.assert_array_equal(batches[0][0][1], data[[2, 4, 6]])
    assert batches[0][1].tolist() == [0, 2] and batches[1][1].tolist() == [4]
    assert batches[0][0].dtype == np.float32 and batches[0][1].dtype == np.int64


def test_timeseries_start_end_unbatched_and_shuffle():
    data = np.arange(30)
    ds = keras.utils.timeseries_dataset_from_array(
        data, None, sequence_length=4, batch_size=None, start_index=5, end_index=12
    )
    windows = [w.tolist() for w in ds.as_numpy_iterator()]
    assert windows == [[5, 6, 7, 8], [6, 7, 8, 9], [7, 8, 9, 10], [8, 9, 10, 11]]
    shuffled = keras.utils.timeseries_dataset_from_array(
        data, None, sequence_length=4, batch_size=3, shuffle=True, seed=1
    )
    got = sorted(w.tolist() for batch in shuffled.as_numpy_iterator() for w in batch)
    assert got == [list(range(i, i + 4)) for i in range(27)]


def test_timeseries_errors():
    with pytest.raises(ValueError, match="`sampling_rate` must be higher than 0"):
        keras.utils.timeseries_dataset_from_array(np.arange(10), None, 3, sampling_rate=0)
    with pytest.raises(ValueError, match="`start_index` must be lower than the length"):
        keras.utils.timeseries_dataset_from_array(np.arange(10), None, 3, start_index=10)
