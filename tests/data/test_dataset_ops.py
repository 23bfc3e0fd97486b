"""tf.data.Dataset: structure, transformations and cardinality (plain tests, no TF needed)."""

import numpy as np
import pytest

import torchkeras as tf
from tests.ops import oracle_compare


def values(dataset):
    return [
        np.asarray(v).tolist()
        if not isinstance(v, tuple)
        else tuple(np.asarray(e).tolist() for e in v)
        for v in dataset.as_numpy_iterator()
    ]


def test_from_tensor_slices_tuple_structure_and_dtypes():
    ds = tf.data.Dataset.from_tensor_slices((np.arange(10.0).reshape(5, 2), [1, 2, 3, 4, 5]))
    first = next(iter(ds))
    assert isinstance(first, tuple) and len(first) == 2
    assert first[0].dtype == tf.float64 and first[1].dtype == tf.int32
    assert int(ds.cardinality()) == 5 and len(ds) == 5
    assert "CPU" in first[0].device


def test_dict_elements_and_batching():
    ds = tf.data.Dataset.from_tensor_slices(
        {"a": [1, 2, 3], "b": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]}
    )
    element = next(iter(ds))
    assert set(element) == {"a", "b"} and element["b"].shape == (2,)
    batch = next(iter(ds.batch(2)))
    assert batch["a"].numpy().tolist() == [1, 2] and batch["b"].shape == (2, 2)


def test_batch_drop_remainder_and_cardinality():
    ds = tf.data.Dataset.range(7)
    assert [len(b) for b in ds.batch(3).as_numpy_iterator()] == [3, 3, 1]
    assert [len(b) for b in ds.batch(3, drop_remainder=True).as_numpy_iterator()] == [3, 3]
    assert (
        int(ds.batch(3).cardinality()) == 3
        and int(ds.batch(3, drop_remainder=True).cardinality()) == 2
    )


def test_map_unpacks_tuples_and_filter_take_skip_repeat():
    ds = tf.data.Dataset.range(6).map(lambda x: (x, x * 2))
    assert values(ds.map(lambda a, b: a + b)) == [0, 3, 6, 9, 12, 15]
    assert values(tf.data.Dataset.range(6).filter(lambda x: x % 2 == 0)) == [0, 2, 4]
    assert values(tf.data.Dataset.range(6).skip(2).take(3)) == [2, 3, 4]
    assert values(tf.data.Dataset.range(2).repeat(3)) == [0, 1] * 3
    assert int(tf.data.Dataset.range(2).repeat().cardinality()) == tf.data.INFINITE_CARDINALITY
    assert (
        int(tf.data.Dataset.range(6).filter(lambda x: x > 1).cardinality())
        == tf.data.UNKNOWN_CARDINALITY
    )


def test_len_errors_like_tf():
    with pytest.raises(TypeError, match="infinite"):
        len(tf.data.Dataset.range(2).repeat())
    with pytest.raises(TypeError, match="unknown"):
        len(tf.data.Dataset.range(2).filter(lambda x: x > 0))


def test_shuffle_is_a_permutation_seeded_and_reshuffled():
    ds = tf.data.Dataset.range(20).shuffle(20, seed=3)
    first, second = values(ds), values(ds)
    assert sorted(first) == list(range(20)) and first != list(range(20))
    assert first != second
    assert values(tf.data.Dataset.range(20).shuffle(20, seed=3)) == first
    fixed = tf.data.Dataset.range(20).shuffle(5, seed=1, reshuffle_each_iteration=False)
    assert values(fixed) == values(fixed) and sorted(values(fixed)) == list(range(20))


def test_shuffled_batches_cover_all_rows_once():
    x = np.arange(50, dtype=np.float32).reshape(25, 2)
    rows = np.concatenate(
        [
            b[0]
            for b in tf.data.Dataset.from_tensor_slices((x, x))
            .shuffle(25)
            .batch(4)
            .as_numpy_iterator()
        ]
    )
    assert sorted(rows[:, 0].tolist()) == x[:, 0].tolist()


def test_unbatch_zip_enumerate_concatenate():
    assert values(tf.data.Dataset.range(5).batch(2).unbatch()) == [0, 1, 2, 3, 4]
    assert values(
        tf.data.Dataset.zip((tf.data.Dataset.range(3), tf.data.Dataset.range(10, 13)))
    ) == [(0, 10), (1, 11), (2, 12)]
    assert values(tf.data.Dataset.range(2).enumerate(start=5)) == [(5, 0), (6, 1)]
    assert values(tf.data.Dataset.range(2).concatenate(tf.data.Dataset.range(3))) == [0, 1, 0, 1, 2]


def test_from_generator_with_signature_and_types():
    signature = (
        tf.TensorSpec(shape=(), dtype=tf.int32),
        tf.TensorSpec(shape=(2,), dtype=tf.float32),
    )
    ds = tf.data.Dataset.from_generator(
        lambda: iter([(1, [1.0, 2.0]), (2, [3.0, 4.0])]), output_signature=signature
    )
    items = list(ds)
    assert items[0][0].dtype == tf.int32 and items[1][1].numpy().tolist() == [3.0, 4.0]
    assert int(ds.cardinality()) == tf.data.UNKNOWN_CARDINALITY
    ds = tf.data.Dataset.from_generator(lambda: iter([1, 2]), output_types=tf.int64)
    assert [t.dtype for t in ds] == [tf.int64, tf.int64]


def test_cache_prefetch_and_autotune(tmp_path):
    calls = []

    def record(x):
        calls.append(1)
        return x

    ds = tf.data.Dataset.range(3).map(record).cache().prefetch(tf.data.AUTOTUNE)
    assert values(ds) == [0, 1, 2] and values(ds) == [0, 1, 2]
    assert len(calls) == 3
    on_disk = tf.data.Dataset.range(3).cache(str(tmp_path / "c"))
    assert values(on_disk) == [0, 1, 2] and (tmp_path / "c").exists()
    assert values(tf.data.Dataset.range(3).cache(str(tmp_path / "c"))) == [0, 1, 2]


def test_bad_input():
    with pytest.raises(ValueError, match="Dimensions 3 and 4 are not compatible"):
        tf.data.Dataset.from_tensor_slices((np.zeros(3), np.zeros(4)))
    with pytest.raises(ValueError, match="rank >= 1"):
        tf.data.Dataset.from_tensor_slices(np.float32(3))
    with pytest.raises(tf.errors.InvalidArgumentError, match="different shapes"):
        list(
            tf.data.Dataset.from_generator(
                lambda: iter([[1], [1, 2]]), output_types=tf.int32
            ).batch(2)
        )


def test_reduce():
    assert int(tf.data.Dataset.range(5).reduce(np.int64(0), lambda s, x: s + x)) == 10


# Bad arguments get TF's errors (class and message start checked against TF 2.21).
BAD_DATASET_CALLS = [
    ("list(tf.data.Dataset.range(3).batch(1.5))", TypeError, "Cannot convert 1.5 to EagerTensor"),
    ("list(tf.data.Dataset.range(3).take('a'))", TypeError, "Cannot convert 'a' to EagerTensor"),
    ("list(tf.data.Dataset.range(3).skip(None))", ValueError, "Attempt to convert a value (None)"),
    (
        "list(tf.data.Dataset.range(3).batch(2, drop_remainder='yes'))",
        TypeError,
        "Cannot convert 'yes' to EagerTensor of dtype bool",
    ),
    (
        "list(tf.data.Dataset.range(3).shuffle(tf.constant(2)))",
        ValueError,
        "buffer_size: Tensor conversion requested dtype int64",
    ),
    ("list(tf.data.Dataset.range(tf.constant(3)))", ValueError, "stop: Tensor conversion"),
    ("tf.data.Dataset.zip()", TypeError, "Must pass at least one dataset to `zip`."),
    (
        "tf.data.Dataset.zip(tf.data.Dataset.range(3), [1, 2])",
        TypeError,
        "Invalid input to `zip`. Inputs are expected to be (nested) structures",
    ),
    (
        "tf.data.Dataset.range(3).unbatch()",
        ValueError,
        "Cannot unbatch an input with scalar components.",
    ),
    (
        "tf.data.Dataset.range(3).map(5)",
        ValueError,
        "Argument `func` must be a callable. Received func=5 (of type <class 'int'>)",
    ),
    (
        "tf.data.Dataset.range(3).concatenate([1, 2])",
        AttributeError,
        "'list' object has no attribute 'element_spec'",
    ),
    ("tf.data.Dataset.from_tensor_slices(None)", ValueError, "Invalid `element`. `element`"),
    ("tf.data.Dataset.range(3).cache(5)", TypeError, "Cannot convert 5 to EagerTensor"),
    (
        "tf.data.Dataset.sample_from_datasets([tf.data.Dataset.range(3)], weights=[0.5, 0.5])",
        ValueError,
        "Invalid `weights`. `weights` should have the same length as `datasets`",
    ),
    (
        "tf.data.Dataset.from_generator(lambda: iter([1]))",
        TypeError,
        "To specify the output signature you need to provide either the `output_signature`",
    ),
    (
        "tf.data.Dataset.from_generator(lambda: iter([1]), output_signature=5)",
        TypeError,
        "`output_signature` must contain objects that are subclass of `tf.TypeSpec`",
    ),
    (
        "tf.data.Dataset.from_tensor_slices([[1, 2], [3, 4]]).padded_batch(2, padded_shapes=[1])",
        ValueError,
        "The padded shape (1,) is not compatible with the shape (2,)",
    ),
    (
        "tf.data.Dataset.from_tensor_slices([[1, 2], [3, 4]]).padded_batch(2, "
        "padded_shapes=[3], padding_values='a')",
        TypeError,
        "Invalid `padding_values`. `padding_values` values type <dtype: 'string'> does not",
    ),
    (
        "tf.data.Dataset.range(3).batch(0)",
        tf.errors.InvalidArgumentError,
        "Batch size must be greater than zero. [Op:BatchDatasetV2]",
    ),
    (
        "tf.data.Dataset.range(3).shuffle(0)",
        tf.errors.InvalidArgumentError,
        "buffer_size must be greater than zero or UNKNOWN_CARDINALITY [Op:ShuffleDatasetV3]",
    ),
    (
        "tf.data.Dataset.range(0, 5, 0)",
        tf.errors.InvalidArgumentError,
        "step must be a non-zero integer. [Op:RangeDataset]",
    ),
    (
        "list(tf.data.Dataset.from_generator(lambda: iter(['a']), "
        "output_signature=tf.TensorSpec([], tf.int32)))",
        tf.errors.InvalidArgumentError,
        "TypeError: `generator` yielded an element that could not be converted",
    ),
    (
        "list(tf.data.Dataset.from_generator(lambda: iter([[1, 2]]), "
        "output_signature=tf.TensorSpec([3], tf.int32)))",
        tf.errors.InvalidArgumentError,
        "TypeError: `generator` yielded an element of shape (2,) where an element of shape "
        "(3,) was expected.",
    ),
    (
        "list(tf.data.Dataset.from_generator(lambda: iter([1]), "
        "output_signature=(tf.TensorSpec([], tf.int32), tf.TensorSpec([], tf.int32))))",
        tf.errors.InvalidArgumentError,
        "TypeError: `generator` yielded an element that did not match the expected structure. "
        "The expected structure was (tf.int32, tf.int32)",
    ),
    (
        "list(tf.data.Dataset.from_generator(lambda: 5, "
        "output_signature=tf.TensorSpec([], tf.int32)))",
        tf.errors.InvalidArgumentError,
        "TypeError: 'int' object is not iterable\nTraceback (most recent call last):",
    ),
]


@pytest.mark.parametrize("source,cls,start", BAD_DATASET_CALLS)
def test_bad_arguments_raise_tfs_error(source, cls, start):
    oracle_compare.assert_raises(tf, source, cls, start)


def test_generator_errors_are_reported_as_tfs_py_func_reports_them():
    def generator():
        yield 1
        raise RuntimeError("boom")

    dataset = tf.data.Dataset.from_generator(generator, output_types=tf.int32)
    iterator = iter(dataset)
    assert int(next(iterator)) == 1
    with pytest.raises(tf.errors.UnknownError, match="}} RuntimeError: boom"):
        next(iterator)
    truncated = tf.data.Dataset.from_generator(
        lambda: iter([1.5]), output_signature=tf.TensorSpec([], tf.int32)
    )
    assert [int(x) for x in truncated] == [1]  # np.asarray(1.5, int32), as TF converts


def test_bad_arguments_match_real_tf():
    real_tf = pytest.importorskip("tensorflow")
    oracle_compare.assert_same_errors(tf, real_tf, [source for source, _, _ in BAD_DATASET_CALLS])
