"""tf.data transformations with expectations pinned from TF 2.21 (no TF needed): interleave,
window, flat_map, scan, group_by_window, bucket_by_sequence_length, padded_batch,
from_generator, save/load, snapshot, rejection_resample, options and tf.data.experimental."""

import collections

import numpy as np
import pytest

import torchkeras as tf

INT64 = "TensorSpec(shape=(), dtype=tf.int64, name=None)"


def values(dataset):
    return [np.asarray(v).tolist() for v in dataset.as_numpy_iterator()]


def test_interleave_cycles_blocks_and_refills_exhausted_slots():
    dataset = tf.data.Dataset.range(1, 6).interleave(
        lambda x: tf.data.Dataset.from_tensors(x).repeat(6), cycle_length=2, block_length=4
    )
    assert (
        values(dataset)
        == [1] * 4 + [2] * 4 + [1] * 2 + [2] * 2 + [3] * 4 + [4] * 4 + [3] * 2 + [4] * 2 + [5] * 6
    )
    assert repr(dataset) == "<_InterleaveDataset element_spec=%s>" % INT64
    assert int(dataset.cardinality()) == tf.data.UNKNOWN_CARDINALITY
    uneven = tf.data.Dataset.range(1, 4).interleave(lambda x: tf.data.Dataset.range(x), 2)
    assert values(uneven) == [0, 0, 1, 0, 1, 2]


def test_parallel_interleave_keeps_the_sequential_order():
    dataset = tf.data.Dataset.range(1, 6).interleave(
        lambda x: tf.data.Dataset.from_tensors(x).repeat(3),
        cycle_length=2,
        num_parallel_calls=tf.data.AUTOTUNE,
    )
    assert values(dataset) == [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 5, 5, 5]
    assert repr(dataset).startswith("<_ParallelInterleaveDataset ")


def test_interleave_rejects_a_function_not_returning_a_dataset():
    # TF's texts: a returned Tensor fails its DatasetSpec check, other structures its own.
    with pytest.raises(AttributeError, match="^'Tensor' object has no attribute '_name'$"):
        list(tf.data.Dataset.range(3).interleave(lambda x: x, cycle_length=1))
    with pytest.raises(TypeError, match="must return a `Dataset` object. Got <class 'tuple'>"):
        list(tf.data.Dataset.range(3).flat_map(lambda x: [x]))


def test_window_elements_are_datasets():
    dataset = tf.data.Dataset.range(7).window(3, shift=2)
    assert repr(dataset) == (
        "<_WindowDataset element_spec=DatasetSpec(%s, TensorShape([]))>" % INT64
    )
    assert int(dataset.cardinality()) == 4
    windows = list(dataset)
    assert [repr(w) for w in windows] == ["<_VariantDataset element_spec=%s>" % INT64] * 4
    assert [values(w) for w in windows] == [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6]]
    strided = tf.data.Dataset.range(7).window(3, shift=2, stride=2, drop_remainder=True)
    assert int(strided.cardinality()) == 2
    assert [values(w) for w in strided] == [[0, 2, 4], [2, 4, 6]]
    assert isinstance(dataset.element_spec, tf.data.DatasetSpec)


def test_window_shift_larger_than_size_skips_elements():
    dataset = tf.data.Dataset.range(10).window(2, shift=4)
    assert [values(w) for w in dataset] == [[0, 1], [4, 5], [8, 9]]
    assert int(dataset.cardinality()) == 3


def test_window_of_a_tuple_is_a_tuple_of_datasets_and_flat_maps():
    dataset = tf.data.Dataset.from_tensor_slices((np.arange(4), np.arange(4.0))).window(2)
    first = next(iter(dataset))
    assert isinstance(first, tuple) and all(isinstance(d, tf.data.Dataset) for d in first)
    batched = dataset.flat_map(lambda a, b: tf.data.Dataset.zip((a.batch(2), b.batch(2))))
    assert [(a.tolist(), b.tolist()) for a, b in batched.as_numpy_iterator()] == [
        ([0, 1], [0.0, 1.0]),
        ([2, 3], [2.0, 3.0]),
    ]


def test_window_of_an_endless_dataset_streams():
    dataset = tf.data.Dataset.range(3).repeat().window(2).flat_map(lambda w: w.batch(2))
    assert values(dataset.take(4)) == [[0, 1], [2, 0], [1, 2], [0, 1]]


def test_window_argument_errors():
    with pytest.raises(tf.errors.InvalidArgumentError, match="Window size must be greater"):
        tf.data.Dataset.range(3).window(0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Window shift must be greater"):
        tf.data.Dataset.range(3).window(2, shift=0)


def test_flat_map_and_its_element_spec():
    dataset = tf.data.Dataset.range(4).flat_map(lambda x: tf.data.Dataset.range(x))
    assert values(dataset) == [0, 0, 1, 0, 1, 2]
    assert repr(dataset) == "<_FlatMapDataset element_spec=%s>" % INT64


def test_scan_threads_state_and_checks_its_dtype():
    dataset = tf.data.Dataset.range(5).scan(tf.constant(0, tf.int64), lambda s, x: (s + x, s * 2))
    assert values(dataset) == [0, 0, 2, 6, 12] and int(dataset.cardinality()) == 5
    assert repr(dataset) == "<_ScanDataset element_spec=%s>" % INT64
    bad = tf.data.Dataset.range(3).scan(
        tf.constant(0, tf.int64), lambda s, x: (tf.cast(s, tf.float32), x)
    )
    with pytest.raises(TypeError, match="Expected <dtype: 'int64'>, got <dtype: 'float32'>"):
        list(bad)


def test_group_by_window_flushes_full_groups_then_the_rest_by_key():
    dataset = tf.data.Dataset.range(10).group_by_window(
        key_func=lambda x: x % 3,
        reduce_func=lambda key, group: group.batch(10),
        window_size_func=lambda key: key + 1,
    )
    assert values(dataset) == [[0], [3], [1, 4], [6], [2, 5, 8], [9], [7]]
    assert repr(dataset) == (
        "<_GroupByWindowDataset element_spec=TensorSpec(shape=(None,), dtype=tf.int64, name=None)>"
    )
    with pytest.raises(ValueError, match="must be specified"):
        tf.data.Dataset.range(3).group_by_window(lambda x: x, lambda k, d: d)


def test_group_by_window_key_must_be_int64():
    dataset = tf.data.Dataset.range(3).group_by_window(
        lambda x: tf.cast(x, tf.int32), lambda k, d: d.batch(2), 2
    )
    with pytest.raises(ValueError, match="must return a single tf.int64 tensor"):
        list(dataset)


SEQUENCES = [[0], [1, 2], [3, 4, 5], [6, 7], [8], [9, 10, 11, 12]]


def _sequences():
    return tf.data.Dataset.from_generator(
        lambda: iter(SEQUENCES), output_signature=tf.TensorSpec((None,), tf.int64)
    )


def test_bucket_by_sequence_length_pads_each_bucket():
    dataset = _sequences().bucket_by_sequence_length(
        element_length_func=lambda e: tf.shape(e)[0],
        bucket_boundaries=[3, 5],
        bucket_batch_sizes=[2, 2, 2],
    )
    assert values(dataset) == [
        [[0, 0], [1, 2]],
        [[6, 7], [8, 0]],
        [[3, 4, 5, 0], [9, 10, 11, 12]],
    ]
    assert "shape=(None, None)" in repr(dataset.element_spec)


def test_bucket_by_sequence_length_to_boundary_and_errors():
    dataset = _sequences().bucket_by_sequence_length(
        lambda e: tf.shape(e)[0], [3, 5, 6], [2, 2, 2, 2], pad_to_bucket_boundary=True
    )
    assert values(dataset)[0] == [[0, 0], [1, 2]]
    assert values(dataset)[2] == [[3, 4, 5, 0], [9, 10, 11, 12]]
    too_long = _sequences().bucket_by_sequence_length(
        lambda e: tf.shape(e)[0], [3], [2, 2], pad_to_bucket_boundary=True
    )
    with pytest.raises(tf.errors.InternalError, match="pad_to_bucket_boundary=True"):
        list(too_long)
    with pytest.raises(ValueError, match="must equal `len\\(bucket_boundaries\\) \\+ 1`"):
        _sequences().bucket_by_sequence_length(lambda e: 1, [2, 3], [1, 1])


def test_padded_batch_defaults_and_explicit_shapes():
    assert values(_sequences().padded_batch(3))[0] == [[0, 0, 0], [1, 2, 0], [3, 4, 5]]
    explicit = _sequences().padded_batch(2, padded_shapes=[5], padding_values=np.int64(-1))
    assert values(explicit)[0] == [[0, -1, -1, -1, -1], [1, 2, -1, -1, -1]]
    assert "shape=(None, 5)" in repr(explicit.element_spec)


def test_from_generator_signatures():
    dataset = tf.data.Dataset.from_generator(
        lambda: iter([(1, [1.0, 2.0]), (2, [3.0])]),
        output_signature=(tf.TensorSpec((), tf.int32), tf.TensorSpec((None,), tf.float32)),
    )
    assert [(a.dtype, b.shape) for a, b in dataset] == [
        (tf.int32, tf.TensorShape([2])),
        (tf.int32, tf.TensorShape([1])),
    ]
    legacy = tf.data.Dataset.from_generator(
        lambda: iter([(1, [1.0, 2.0])]),
        output_types=(tf.int32, tf.float32),
        output_shapes=((), (2,)),
    )
    assert repr(legacy.element_spec[1]) == "TensorSpec(shape=(2,), dtype=tf.float32, name=None)"
    with pytest.raises(TypeError, match="can not be used together"):
        tf.data.Dataset.from_generator(
            lambda: iter([]), output_types=tf.int32, output_signature=tf.TensorSpec((), tf.int32)
        )


def test_assert_cardinality_and_experimental_names():
    dataset = tf.data.Dataset.range(5).filter(lambda x: x < 9)
    assert (
        int(tf.data.experimental.cardinality(dataset)) == tf.data.experimental.UNKNOWN_CARDINALITY
    )
    checked = dataset.apply(tf.data.experimental.assert_cardinality(5))
    assert int(checked.cardinality()) == 5 and values(checked) == [0, 1, 2, 3, 4]
    with pytest.raises(tf.errors.FailedPreconditionError, match="at least 5 elements"):
        list(dataset.apply(tf.data.experimental.assert_cardinality(4)))
    with pytest.raises(tf.errors.FailedPreconditionError, match="contained only 5 elements"):
        list(dataset.apply(tf.data.experimental.assert_cardinality(6)))
    assert tf.data.experimental.AUTOTUNE == tf.data.AUTOTUNE == -1
    assert tf.data.experimental.INFINITE_CARDINALITY == -1


Pair = collections.namedtuple("Pair", "x y")


def test_save_load_round_trip(tmp_path):
    words = tf.data.Dataset.from_tensor_slices([b"a", b"", b"xyz"])
    numbers = tf.data.Dataset.from_tensor_slices(np.arange(6.0, dtype=np.float32).reshape(3, 2))
    dataset = tf.data.Dataset.zip((numbers, {"w": words, "p": Pair(words, numbers)}))
    dataset.save(str(tmp_path / "saved"), compression="GZIP")
    loaded = tf.data.Dataset.load(str(tmp_path / "saved"), compression="GZIP")
    # As TF's load: the same specs, dict keys in sorted order.
    assert list(loaded.element_spec[1]) == ["p", "w"]
    assert loaded.element_spec[1]["p"] == dataset.element_spec[1]["p"]
    assert loaded.element_spec[0] == dataset.element_spec[0]
    assert repr(loaded).startswith("<_LoadDataset ") and int(loaded.cardinality()) == 3
    first = next(iter(loaded.as_numpy_iterator()))
    assert first[0].tolist() == [0.0, 1.0] and first[1]["w"] == b"a"
    assert type(first[1]["p"]).__name__ == "Pair" and first[1]["p"].x == b"a"
    with pytest.raises(tf.errors.NotFoundError, match="element_spec file not found"):
        tf.data.Dataset.load(str(tmp_path / "missing"))


def test_snapshot_writes_once_then_reads(tmp_path):
    calls = []

    def record(x):
        calls.append(int(x))
        return x * 2

    dataset = tf.data.Dataset.range(4).map(record).snapshot(str(tmp_path / "snap"))
    assert values(dataset) == [0, 2, 4, 6]
    calls.clear()
    assert values(dataset) == [0, 2, 4, 6] and calls == []
    assert repr(dataset).startswith("<_MapDataset ") and int(dataset.cardinality()) == 4


def test_rejection_resample_reaches_the_target_distribution():
    labels = np.array([0] * 900 + [1] * 100, np.int64)
    dataset = tf.data.Dataset.from_tensor_slices(labels).shuffle(1000, seed=1).repeat()
    for initial in ([0.9, 0.1], None):
        resampled = dataset.rejection_resample(
            lambda x: x, target_dist=[0.5, 0.5], initial_dist=initial, seed=3
        )
        assert repr(resampled).startswith("<_DirectedInterleaveDataset ")
        pairs = list(resampled.take(2000).as_numpy_iterator())
        assert all(int(c) == int(x) for c, x in pairs)
        share = np.mean([int(c) for c, _ in pairs])
        assert 0.4 < share < 0.6


def test_options_are_typed_merged_and_read_only():
    options = tf.data.Options()
    options.deterministic = False
    options.threading.private_threadpool_size = 2
    dataset = tf.data.Dataset.range(3).with_options(options).map(lambda x: x)
    merged = dataset.options()
    assert merged.deterministic is False and merged.threading.private_threadpool_size == 2
    assert tf.data.Dataset.range(3).options() == tf.data.Options()
    with pytest.raises(ValueError, match="has no effect"):
        merged.deterministic = True
    with pytest.raises(TypeError, match='Property "deterministic" must be of type'):
        tf.data.Options().deterministic = 1
    with pytest.raises(AttributeError, match="Cannot set the property foo on Options."):
        tf.data.Options().foo = 1
    assert values(dataset) == [0, 1, 2]


def test_experimental_function_forms():
    experimental = tf.data.experimental
    dataset = tf.data.Dataset.range(6)
    assert values(dataset.apply(experimental.take_while(lambda x: x < 2))) == [0, 1]
    assert values(dataset.batch(4).apply(experimental.unbatch())) == list(range(6))
    scanned = dataset.apply(experimental.scan(tf.constant(0, tf.int64), lambda s, x: (s + x, s)))
    assert values(scanned) == [0, 0, 1, 3, 6, 10]
    grouped = dataset.apply(
        experimental.group_by_window(lambda x: x % 2, lambda k, d: d.batch(3), window_size=3)
    )
    assert values(grouped) == [[0, 2, 4], [1, 3, 5]]
    assert values(dataset.take(2).apply(experimental.enumerate_dataset(5))) == [[5, 0], [6, 1]]
    chosen = experimental.choose_from_datasets(
        [tf.data.Dataset.range(2), tf.data.Dataset.range(10, 12)],
        tf.data.Dataset.from_tensor_slices(np.array([1, 0, 1], np.int64)),
    )
    assert values(chosen) == [10, 0, 11]
    sampled = experimental.sample_from_datasets(
        [tf.data.Dataset.range(3), tf.data.Dataset.range(3)], weights=[0.5, 0.5], seed=0
    )
    assert sorted(values(sampled)) == [0, 0, 1, 1, 2, 2]


def _per_element_calls(dataset_of):
    calls = []

    def record(x):
        calls.append(1)
        return x

    list(dataset_of(record))
    return len(calls)


def test_map_then_batch_runs_the_function_once_per_batch_when_it_vectorizes():
    x = np.random.RandomState(0).rand(50, 8).astype(np.float32)

    def f(row):
        return tf.nn.relu(row * 2.0 - 1.0) + tf.reduce_mean(row)

    vectorized = tf.data.Dataset.from_tensor_slices(x).map(f).batch(16)
    options = tf.data.Options()
    options.experimental_optimization.apply_default_optimizations = False
    per_element = vectorized.with_options(options)
    fresh = tf.data.Dataset.from_tensor_slices(x).map(f, num_parallel_calls=2).batch(16)
    expected = np.maximum(x * 2 - 1, 0) + x.mean(axis=1, keepdims=True)
    for dataset in (vectorized, per_element, fresh):
        batches = [b.numpy() for b in dataset]
        assert [b.shape for b in batches] == [(16, 8)] * 3 + [(2, 8)]
        np.testing.assert_allclose(np.concatenate(batches), expected, rtol=1e-6)

    def batched(fn):
        return tf.data.Dataset.range(40).map(fn).batch(10)

    assert _per_element_calls(batched) == 4
    off = tf.data.Options()
    off.experimental_optimization.apply_default_optimizations = False
    assert _per_element_calls(lambda fn: batched(fn).with_options(off)) == 40


def test_map_then_batch_falls_back_for_data_dependent_functions():
    def branch(x):
        if x % 2 == 0:
            return x * 10
        return x

    def random(x):
        return tf.cast(x, tf.float32) + tf.random.uniform(()) * 0.0

    def through_numpy(x):
        return x + int(x.numpy())

    dataset = tf.data.Dataset.range(7)
    assert values(dataset.map(branch).batch(3)) == [[0, 1, 20], [3, 40, 5], [60]]
    assert values(dataset.map(random).batch(4)) == [[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert values(dataset.map(through_numpy, num_parallel_calls=2).batch(5)) == [
        [0, 2, 4, 6, 8],
        [10, 12],
    ]
