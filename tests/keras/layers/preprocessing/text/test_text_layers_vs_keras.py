"""Differential tests against real Keras 3.15 / TF 2.21 for Hashing, StringLookup, IntegerLookup and
TextVectorization: same data and options, vocabularies equal, integer outputs exactly equal (tf_idf
to
1e-6), same output dtypes, same configs; ``.keras`` files with adapted vocabularies load both ways.
Runs only where TensorFlow is importable (the oracle venv)."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

import torchkeras as tf  # noqa: E402
from torchkeras import keras  # noqa: E402
from torchkeras.ops.string_hash import (  # noqa: E402
    to_hash_bucket_fast,  # noqa: E402
    to_hash_bucket_strong,
)

RNG = np.random.RandomState(7)
WORDS = ["the", "cat", "sat", "on", "mat", "dog", "ran", "a", "big", "red", "Ünïcode", "x"]


def _sentences(n):
    out = []
    for _ in range(n):
        words = [WORDS[i] for i in RNG.randint(0, len(WORDS), RNG.randint(0, 7))]
        out.append(" ".join(words) + RNG.choice(["", ".", "!", ", ok?"]))
    return out


def _same(ours, theirs, exact=True):
    ours_np, theirs_np = np.asarray(ours.numpy()), np.asarray(theirs.numpy())
    assert ours.dtype.name == theirs.dtype.name
    assert ours_np.shape == theirs_np.shape
    if exact:
        np.testing.assert_array_equal(ours_np, theirs_np)
    else:
        np.testing.assert_allclose(ours_np, theirs_np, rtol=1e-6, atol=1e-6)


def _config(layer):
    config = dict(layer.get_config())
    config.pop("name")
    return config


def test_hash_buckets_equal_tf():
    values = [
        bytes(RNG.randint(0, 256, n).astype(np.uint8)) for n in list(range(0, 200)) + [511, 1024]
    ]
    array = np.array(values, dtype=object)
    for buckets in (2**63 - 1, 7, 1000003):
        np.testing.assert_array_equal(
            to_hash_bucket_fast(array, buckets),
            tf_real.strings.to_hash_bucket_fast(values, buckets).numpy(),
        )
        for key in ([0, 0], [133, 7], [-5, 2**62 + 12345]):
            np.testing.assert_array_equal(
                to_hash_bucket_strong(array, buckets, key),
                tf_real.strings.to_hash_bucket_strong(values, buckets, key=key).numpy(),
            )


HASHING_CASES = [
    (dict(num_bins=5), np.array([["a"], ["b"], ["c"]])),
    (dict(num_bins=13), np.array(WORDS)),
    (dict(num_bins=13, salt=42), np.array(WORDS)),
    (dict(num_bins=13, salt=(3, 99)), np.array([WORDS[:6], WORDS[6:]])),
    (dict(num_bins=4, mask_value=""), np.array(["", "a", "", "zz"])),
    (dict(num_bins=4, mask_value=0), np.array([[0, 1, 2], [3, 0, -9]])),
    (dict(num_bins=100), np.array([0, 1, -1, 2**40, -(2**40)], dtype="int64")),
    (dict(num_bins=100), np.array([1.9, -2.5, 3.0], dtype="float32")),
    (dict(num_bins=6, output_mode="one_hot"), np.array([["a"], ["q"]])),
    (dict(num_bins=6, output_mode="one_hot"), np.array(["a", "q", "r"])),
    (dict(num_bins=6, output_mode="multi_hot"), np.array([["a", "b"], ["c", "c"]])),
    (dict(num_bins=6, output_mode="count", salt=1), np.array([["a", "b", "b"], ["c", "c", "d"]])),
    (dict(num_bins=6, output_mode="count", dtype="int32"), np.array([["a", "b", "b"]])),
    (dict(num_bins=6, dtype="int32"), np.array(["a", "b"])),
]


@pytest.mark.parametrize("kwargs,x", HASHING_CASES)
def test_hashing_equals_keras(kwargs, x):
    ours, theirs = keras.layers.Hashing(**kwargs), real_keras.layers.Hashing(**kwargs)
    _same(ours(x), theirs(x))
    assert _config(ours) == _config(theirs)


def _lookup_data():
    return np.array([[WORDS[i] for i in RNG.randint(0, len(WORDS), 5)] for _ in range(30)])


LOOKUP_CASES = [
    dict(),
    dict(max_tokens=6),
    dict(num_oov_indices=3),
    dict(num_oov_indices=2, salt=9),
    dict(num_oov_indices=0),
    dict(mask_token="the"),
    dict(mask_token="[M]", output_mode="multi_hot"),
    dict(output_mode="one_hot"),
    dict(output_mode="count", max_tokens=8, pad_to_max_tokens=True),
    dict(output_mode="tf_idf"),
    dict(output_mode="tf_idf", max_tokens=9, pad_to_max_tokens=True),
    dict(oov_token="<oov>", num_oov_indices=2, mask_token=""),
]


@pytest.mark.parametrize("kwargs", LOOKUP_CASES)
def test_string_lookup_adapt_equals_keras(kwargs):
    data = _lookup_data()
    ours, theirs = keras.layers.StringLookup(**kwargs), real_keras.layers.StringLookup(**kwargs)
    ours.adapt(data)
    theirs.adapt(data)
    assert ours.get_vocabulary() == theirs.get_vocabulary()
    assert ours.get_vocabulary(include_special_tokens=False) == theirs.get_vocabulary(
        include_special_tokens=False
    )
    assert ours.vocabulary_size() == theirs.vocabulary_size()
    queries = data[:6].copy()
    if kwargs.get("num_oov_indices") != 0:
        queries[0, :2] = ["unseen", "zebra"]
    if kwargs.get("mask_token"):
        queries[1, 0] = kwargs["mask_token"]
    x = queries if kwargs.get("output_mode") != "one_hot" else queries[:, 0]
    _same(ours(x), theirs(x), exact=kwargs.get("output_mode") != "tf_idf")
    assert _config(ours) == _config(theirs)


def test_string_lookup_adapt_dataset_and_steps_equal_keras():
    data = _lookup_data()
    ours, theirs = keras.layers.StringLookup(), real_keras.layers.StringLookup()
    ours.adapt(tf.data.Dataset.from_tensor_slices(data).batch(4), steps=3)
    theirs.adapt(tf_real.data.Dataset.from_tensor_slices(data).batch(4), steps=3)
    assert ours.get_vocabulary() == theirs.get_vocabulary()


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(invert=True),
        dict(invert=True, mask_token="[M]"),
        dict(output_mode="tf_idf", idf_weights=[0.5, 0.25, 2.0]),
        dict(output_mode="tf_idf", idf_weights=[0.1, 0.5, 0.25, 2.0]),
    ],
)
def test_string_lookup_given_vocabulary_equals_keras(kwargs):
    vocab = (
        ["a", "b", "c"]
        if len(kwargs.get("idf_weights", [0] * 3)) == 3
        else ["[UNK]", "a", "b", "c"]
    )
    ours = keras.layers.StringLookup(vocabulary=vocab, **kwargs)
    theirs = real_keras.layers.StringLookup(vocabulary=vocab, **kwargs)
    assert ours.get_vocabulary() == theirs.get_vocabulary()
    x = np.array([[0, 1, 2, 3, 7]]) if kwargs.get("invert") else np.array([["a", "c", "c", "z"]])
    _same(ours(x), theirs(tf_real.constant(x)), exact=not kwargs.get("idf_weights"))
    assert _config(ours) == _config(theirs)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(),
        dict(num_oov_indices=3),
        dict(num_oov_indices=3, oov_method="farmhash"),
        dict(num_oov_indices=2, oov_method="farmhash", salt=5),
        dict(mask_token=0),
        dict(output_mode="multi_hot", max_tokens=5),
        dict(output_mode="tf_idf"),
    ],
)
def test_integer_lookup_equals_keras(kwargs):
    data = RNG.randint(-3, 12, (20, 4))
    ours, theirs = keras.layers.IntegerLookup(**kwargs), real_keras.layers.IntegerLookup(**kwargs)
    ours.adapt(data)
    theirs.adapt(data)
    assert ours.get_vocabulary() == theirs.get_vocabulary()
    x = np.array([[0, 1, 99, -50], [3, 3, 4, 1000]])
    _same(ours(x), theirs(x), exact=kwargs.get("output_mode") != "tf_idf")
    assert _config(ours) == _config(theirs)
    inverse_kwargs = {k: v for k, v in kwargs.items() if k in ("mask_token", "num_oov_indices")}
    vocab = ours.get_vocabulary(include_special_tokens=False)
    ours_inv = keras.layers.IntegerLookup(vocabulary=vocab, invert=True, **inverse_kwargs)
    theirs_inv = real_keras.layers.IntegerLookup(vocabulary=vocab, invert=True, **inverse_kwargs)
    idx = np.array([0, 1, 2, 3, 50])
    _same(ours_inv(idx), theirs_inv(idx))


TEXT_CASES = [
    dict(),
    dict(output_sequence_length=5),
    dict(output_sequence_length=2, max_tokens=6),
    dict(standardize="lower"),
    dict(standardize="strip_punctuation"),
    dict(standardize=None, split="character"),
    dict(ngrams=2),
    dict(ngrams=(2, 3), output_sequence_length=7),
    dict(output_mode="multi_hot"),
    dict(output_mode="count", ngrams=2, max_tokens=20),
    dict(output_mode="one_hot", split=None),
    dict(output_mode="tf_idf"),
    dict(output_mode="multi_hot", max_tokens=30, pad_to_max_tokens=True),
    dict(split=None),
]


@pytest.mark.parametrize("kwargs", TEXT_CASES)
def test_text_vectorization_equals_keras(kwargs):
    corpus = _sentences(40)
    ours, theirs = (
        keras.layers.TextVectorization(**kwargs),
        real_keras.layers.TextVectorization(**kwargs),
    )
    if kwargs.get("split", "whitespace") is None:
        ours.adapt(corpus)
        theirs.adapt(corpus)
    else:
        ours.adapt(tf.data.Dataset.from_tensor_slices(corpus).batch(8))
        theirs.adapt(tf_real.data.Dataset.from_tensor_slices(corpus).batch(8))
    assert ours.get_vocabulary() == theirs.get_vocabulary()
    queries = _sentences(6) + ["never seen words here", ""]
    if kwargs.get("output_mode") == "one_hot":
        queries = corpus[:6]
    x = np.array(queries)[:, None] if kwargs.get("output_mode") == "one_hot" else np.array(queries)
    _same(ours(x), theirs(x), exact=kwargs.get("output_mode") != "tf_idf")
    assert _config(ours) == _config(theirs)


def test_keras_files_interoperate(tmp_path):
    corpus = _sentences(20)
    for module, other in ((keras, real_keras), (real_keras, keras)):
        vectorize = module.layers.TextVectorization(output_sequence_length=6)
        vectorize.adapt(corpus)
        lookup = module.layers.StringLookup(num_oov_indices=2)
        lookup.adapt(np.array(WORDS))
        inputs = module.Input(shape=(1,), dtype="string")
        model = module.Model(inputs, [vectorize(inputs), lookup(inputs)])
        path = str(tmp_path / ("%s.keras" % module.__name__))
        model.save(path)
        restored = other.models.load_model(path)
        x = np.array(corpus[:5] + ["cat"])[:, None]
        for got, want in zip(restored(x), model(x)):
            np.testing.assert_array_equal(np.asarray(got), np.asarray(want))


@pytest.mark.parametrize(
    "make,x",
    [
        (lambda m: m.layers.StringLookup(vocabulary=["a", "b"]), "a"),
        (lambda m: m.layers.StringLookup(vocabulary=["a", "b"]), ["b", "zz"]),
        (
            lambda m: m.layers.StringLookup(vocabulary=["a", "b"], invert=True),
            np.array([[1, 2, 0]]),
        ),
        (lambda m: m.layers.StringLookup(vocabulary=["a", "b"], output_mode="one_hot"), "b"),
        (lambda m: m.layers.IntegerLookup(vocabulary=[5, 9]), 9),
        (lambda m: m.layers.Hashing(3), "a"),
        (lambda m: m.layers.Hashing(30), np.array([True, False])),
        (lambda m: m.layers.TextVectorization(vocabulary=["a", "b"]), "b a c"),
    ],
)
def test_scalar_list_and_bool_inputs_equal_keras(make, x):
    _same(make(keras)(x), make(real_keras)(x))


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(),
        dict(output_sequence_length=5),
        dict(output_mode="multi_hot"),
        dict(output_mode="count", ngrams=2),
    ],
)
def test_text_vectorization_scalar_input_equals_keras(kwargs):
    ours = keras.layers.TextVectorization(vocabulary=["a", "b", "a b"], **kwargs)
    theirs = real_keras.layers.TextVectorization(vocabulary=["a", "b", "a b"], **kwargs)
    _same(ours("a b c a"), theirs("a b c a"))
