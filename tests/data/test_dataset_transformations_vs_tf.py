"""The newer tf.data transformations against real TensorFlow: values, order, cardinality,
element_spec, printed reprs and error classes (skipped without TF)."""

import numpy as np
import pytest

import torchkeras

tf_real = pytest.importorskip("tensorflow")

_SEQUENCES = [[0], [1, 2], [3, 4, 5], [6, 7], [8], [9, 10, 11, 12]]


def _sequences(tf):
    return tf.data.Dataset.from_generator(
        lambda: iter(_SEQUENCES), output_signature=tf.TensorSpec((None,), tf.int64)
    )


PIPELINES = {
    "interleave_blocks": lambda tf: tf.data.Dataset.range(1, 6).interleave(
        lambda x: tf.data.Dataset.from_tensors(x).repeat(6), cycle_length=2, block_length=4
    ),
    "interleave_uneven": lambda tf: tf.data.Dataset.range(1, 5).interleave(
        lambda x: tf.data.Dataset.range(x), cycle_length=2
    ),
    "interleave_parallel": lambda tf: tf.data.Dataset.range(1, 6).interleave(
        lambda x: tf.data.Dataset.from_tensors(x).repeat(3),
        cycle_length=3,
        block_length=2,
        num_parallel_calls=tf.data.AUTOTUNE,
        deterministic=True,
    ),
    "interleave_tuple": lambda tf: tf.data.Dataset.from_tensor_slices(([1, 2], [3, 4])).interleave(
        lambda a, b: tf.data.Dataset.from_tensors((a, b)), cycle_length=1
    ),
    "flat_map": lambda tf: tf.data.Dataset.range(4).flat_map(lambda x: tf.data.Dataset.range(x)),
    "flat_map_tuple": lambda tf: tf.data.Dataset.from_tensor_slices(([1, 2], [3, 4])).flat_map(
        lambda a, b: tf.data.Dataset.from_tensor_slices(tf.stack([a, b]))
    ),
    "window_batch": lambda tf: (
        tf.data.Dataset.range(7)
        .window(3, shift=1, drop_remainder=True)
        .flat_map(lambda w: w.batch(3))
    ),
    "window_stride": lambda tf: (
        tf.data.Dataset.range(10).window(3, shift=2, stride=2).flat_map(lambda w: w.batch(3))
    ),
    "window_tuple": lambda tf: (
        tf.data.Dataset.from_tensor_slices((np.arange(5), np.arange(5.0) * 2))
        .window(2)
        .flat_map(lambda a, b: tf.data.Dataset.zip((a.batch(2), b.batch(2))))
    ),
    "scan": lambda tf: tf.data.Dataset.range(5).scan(
        tf.constant(0, tf.int64), lambda s, x: (s + x, s * 2)
    ),
    "scan_tuple_state": lambda tf: tf.data.Dataset.range(4).scan(
        (tf.constant(0, tf.int64), tf.constant(1.0)),
        lambda s, x: ((s[0] + x, s[1] * 2), (s[0], s[1])),
    ),
    "group_by_window": lambda tf: tf.data.Dataset.range(10).group_by_window(
        key_func=lambda x: x % 2, reduce_func=lambda k, ds: ds.batch(3), window_size=3
    ),
    "group_by_window_size_func": lambda tf: tf.data.Dataset.range(10).group_by_window(
        key_func=lambda x: x % 3,
        reduce_func=lambda k, ds: ds.batch(10),
        window_size_func=lambda k: k + 1,
    ),
    "bucket": lambda tf: _sequences(tf).bucket_by_sequence_length(
        element_length_func=lambda e: tf.shape(e)[0],
        bucket_boundaries=[3, 5],
        bucket_batch_sizes=[2, 2, 2],
    ),
    "bucket_boundary_padding": lambda tf: _sequences(tf).bucket_by_sequence_length(
        element_length_func=lambda e: tf.shape(e)[0],
        bucket_boundaries=[3, 5, 6],
        bucket_batch_sizes=[2, 2, 2, 2],
        pad_to_bucket_boundary=True,
        padding_values=np.int64(-1),
    ),
    "bucket_drop_remainder": lambda tf: _sequences(tf).bucket_by_sequence_length(
        element_length_func=lambda e: tf.shape(e)[0],
        bucket_boundaries=[3],
        bucket_batch_sizes=[2, 3],
        drop_remainder=True,
    ),
    "padded_batch": lambda tf: _sequences(tf).padded_batch(4),
    "padded_batch_shapes": lambda tf: _sequences(tf).padded_batch(
        2, padded_shapes=[5], padding_values=np.int64(7), drop_remainder=True
    ),
    "generator_signature": lambda tf: tf.data.Dataset.from_generator(
        lambda: iter([(1, [1.0, 2.0]), (2, [3.0])]),
        output_signature=(tf.TensorSpec((), tf.int32), tf.TensorSpec((None,), tf.float32)),
    ),
    "generator_types_shapes": lambda tf: tf.data.Dataset.from_generator(
        lambda: iter([(1, [1.0, 2.0])]),
        output_types=(tf.int32, tf.float32),
        output_shapes=((), (2,)),
    ),
    "generator_types_only": lambda tf: tf.data.Dataset.from_generator(
        lambda: iter([1, 2]), output_types=tf.int64
    ),
    "generator_args": lambda tf: tf.data.Dataset.from_generator(
        lambda n: iter(range(int(n))), output_types=tf.int64, args=(3,)
    ),
    "parallel_map": lambda tf: tf.data.Dataset.range(50).map(lambda x: x * 2, num_parallel_calls=4),
    "parallel_map_prefetch": lambda tf: (
        tf.data.Dataset.from_tensor_slices((np.arange(40.0).reshape(20, 2), np.arange(20)))
        .map(lambda a, b: (a * 2.0, b + 1), num_parallel_calls=tf.data.AUTOTUNE)
        .batch(6)
        .prefetch(tf.data.AUTOTUNE)
    ),
    "prefetch": lambda tf: tf.data.Dataset.range(9).prefetch(2),
    "prefetch_zero": lambda tf: tf.data.Dataset.range(3).prefetch(0),
    "assert_cardinality": lambda tf: (
        tf.data.Dataset.range(5)
        .filter(lambda x: x < 10)
        .apply(tf.data.experimental.assert_cardinality(5))
    ),
    "take_while": lambda tf: tf.data.Dataset.range(10).take_while(lambda x: x < 4),
    "with_options": lambda tf: tf.data.Dataset.range(4).with_options(tf.data.Options()),
    "rejection_resample_identity": lambda tf: tf.data.Dataset.from_tensor_slices(
        (np.arange(6), np.arange(6) % 2)
    ).rejection_resample(lambda x, y: y, target_dist=[0.5, 0.5], initial_dist=[0.5, 0.5]),
    "choose_from_datasets": lambda tf: tf.data.Dataset.choose_from_datasets(
        [tf.data.Dataset.range(3), tf.data.Dataset.range(10, 13)],
        tf.data.Dataset.from_tensor_slices(np.array([0, 1, 1, 0, 0, 1], np.int64)),
    ),
}


def _plain(element):
    if isinstance(element, dict):
        return {k: _plain(v) for k, v in element.items()}
    if isinstance(element, tuple):
        return tuple(_plain(v) for v in element)
    array = np.asarray(element)
    return (array.dtype.str, array.shape, array.tolist())


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_pipeline_matches_tf(name):
    ours, theirs = PIPELINES[name](torchkeras), PIPELINES[name](tf_real)
    assert [_plain(e) for e in ours.as_numpy_iterator()] == [
        _plain(e) for e in theirs.as_numpy_iterator()
    ]
    assert int(ours.cardinality()) == int(theirs.cardinality())
    assert repr(ours.element_spec) == repr(theirs.element_spec)
    assert repr(ours) == repr(theirs)


@pytest.mark.parametrize(
    "args",
    [(3, 2, 1, False), (3, 2, 2, True), (2, None, 1, False), (4, 3, 1, True), (1, 5, 3, False)],
)
def test_window_matches_tf(args):
    def windows(tf):
        dataset = tf.data.Dataset.range(11).window(*args)
        inner = [(repr(w), int(w.cardinality()), list(w.as_numpy_iterator())) for w in dataset]
        return repr(dataset), int(dataset.cardinality()), inner

    assert windows(torchkeras) == windows(tf_real)


def test_window_of_structures_matches_tf():
    def windows(tf):
        dataset = tf.data.Dataset.from_tensor_slices(({"a": [1, 2, 3]}, [4.0, 5.0, 6.0])).window(2)
        return repr(dataset), [repr(w) for w in dataset], repr(dataset.element_spec)

    assert windows(torchkeras) == windows(tf_real)


def _error(build, iterate=True):
    try:
        dataset = build()
        if iterate:
            list(dataset)
    except Exception as error:  # noqa: BLE001 - the class and text are compared
        return type(error).__name__, str(error)
    return None


ERRORS = {
    "window_size": lambda tf: tf.data.Dataset.range(5).window(0),
    "window_shift": lambda tf: tf.data.Dataset.range(5).window(2, shift=0),
    "window_stride": lambda tf: tf.data.Dataset.range(5).window(2, stride=0),
    "interleave_cycle": lambda tf: tf.data.Dataset.range(5).interleave(
        lambda x: tf.data.Dataset.range(x), cycle_length=0
    ),
    "interleave_block": lambda tf: tf.data.Dataset.range(5).interleave(
        lambda x: tf.data.Dataset.range(x), block_length=0
    ),
    "group_by_window_no_size": lambda tf: tf.data.Dataset.range(5).group_by_window(
        lambda x: x, lambda k, d: d.batch(2)
    ),
    "assert_cardinality_more": lambda tf: (
        tf.data.Dataset.range(5)
        .filter(lambda x: x < 10)
        .apply(tf.data.experimental.assert_cardinality(4))
    ),
    "assert_cardinality_fewer": lambda tf: (
        tf.data.Dataset.range(5)
        .filter(lambda x: x < 10)
        .apply(tf.data.experimental.assert_cardinality(7))
    ),
    "bucket_sizes": lambda tf: tf.data.Dataset.range(3).bucket_by_sequence_length(
        lambda x: 1, [2, 3], [1, 1]
    ),
    "map_parallel_calls": lambda tf: tf.data.Dataset.range(3).map(
        lambda x: x, num_parallel_calls=0
    ),
    "prefetch_buffer": lambda tf: tf.data.Dataset.range(3).prefetch(-3),
    "load_missing": lambda tf: tf.data.Dataset.load("/nonexistent/dir/for/tf/data"),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors_match_tf(name):
    ours, theirs = _error(lambda: ERRORS[name](torchkeras)), _error(lambda: ERRORS[name](tf_real))
    assert ours is not None and theirs is not None
    assert ours[0] == theirs[0]
    if name == "load_missing":
        assert ours[1].startswith("tf.data snapshot element_spec file not found: /nonexistent")
    else:
        assert ours[1] == theirs[1]


def test_as_numpy_iterator_refuses_datasets_of_datasets_as_tf():
    for tf in (torchkeras, tf_real):
        with pytest.raises(TypeError, match="is not supported for datasets that produce values"):
            next(tf.data.Dataset.range(3).window(2).as_numpy_iterator())


def test_autotune_and_cardinality_constants_match_tf():
    for name in ("AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY"):
        assert getattr(torchkeras.data, name) == getattr(tf_real.data, name)
        assert getattr(torchkeras.data.experimental, name) == getattr(
            tf_real.data.experimental, name
        )
    for tf in (torchkeras, tf_real):
        infinite = tf.data.experimental.cardinality(tf.data.Dataset.range(2).repeat())
        assert int(infinite) == tf.data.INFINITE_CARDINALITY and infinite.dtype == tf.int64


def test_options_match_tf():
    def describe(tf):
        options = tf.data.Options()
        public = sorted(a for a in dir(options) if not a.startswith("_"))
        options.deterministic = False
        options.threading.private_threadpool_size = 4
        options.experimental_optimization.map_parallelization = True
        options.experimental_distribute.auto_shard_policy = (
            tf.data.experimental.AutoShardPolicy.DATA
        )
        dataset = tf.data.Dataset.range(3).with_options(options).map(lambda x: x)
        merged = dataset.options()
        errors = [
            _error(lambda: setattr(tf.data.Options(), "foo", 1), iterate=False),
            _error(lambda: setattr(tf.data.Options(), "deterministic", 3), iterate=False),
            _error(lambda: setattr(merged, "deterministic", True), iterate=False),
        ]
        return (
            [p for p in public if p != "experimental_service"],
            merged.deterministic,
            merged.threading.private_threadpool_size,
            merged.experimental_optimization.map_parallelization,
            int(merged.experimental_distribute.auto_shard_policy),
            tf.data.Dataset.range(3).options() == tf.data.Options(),
            tf.data.Dataset.range(3).options().deterministic,
            repr(dataset),
            errors,
        )

    assert describe(torchkeras) == describe(tf_real)


def test_save_load_round_trip_matches_tf(tmp_path):
    def round_trip(tf, path):
        numbers = tf.data.Dataset.range(5).map(lambda x: (x, tf.cast(x, tf.float32) * [1.0, 2.0]))
        words = tf.data.Dataset.from_tensor_slices([b"a", b"bc", b"", b"d", b"ef"])
        dataset = tf.data.Dataset.zip((numbers, {"s": words}))
        dataset.save(str(path))
        loaded = tf.data.Dataset.load(str(path))
        return (
            repr(loaded),
            int(loaded.cardinality()),
            [_plain(e) for e in loaded.as_numpy_iterator()],
        )

    assert round_trip(torchkeras, tmp_path / "ours") == round_trip(tf_real, tmp_path / "theirs")


def test_snapshot_repr_and_values_match_tf(tmp_path):
    def run(tf, path):
        dataset = tf.data.Dataset.range(6).map(lambda x: x * 3).snapshot(str(path))
        return repr(dataset), int(dataset.cardinality()), list(dataset.as_numpy_iterator())

    assert run(torchkeras, tmp_path / "ours") == run(tf_real, tmp_path / "theirs")
