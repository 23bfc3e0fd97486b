"""Hashing, StringLookup, IntegerLookup and TextVectorization without TensorFlow (expected values
from Keras 3.15)."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras
from torchkeras.framework.errors import InvalidArgumentError

L = keras.layers


def test_hashing_int_and_encodings():
    out = L.Hashing(5)(np.array([["a"], ["b"], ["c"]]))
    assert out.dtype == tf.int64 and out.numpy().tolist() == [[4], [2], [2]]
    assert L.Hashing(5)(np.array([1, 2, 3, -4])).numpy().tolist() == [4, 4, 1, 0]
    assert L.Hashing(5)(np.array([1.5, 2.7])).numpy().tolist() == [4, 4]
    assert L.Hashing(5, mask_value="")(np.array(["", "a", "b"])).numpy().tolist() == [0, 4, 3]
    assert L.Hashing(5, salt=133)(np.array(["a", "b", "c"])).numpy().tolist() == [2, 4, 1]
    multi = L.Hashing(5, output_mode="multi_hot")(np.array([["a", "b"], ["c", "c"]]))
    assert multi.dtype == tf.float32 and multi.numpy().tolist() == [
        [0, 0, 1, 0, 1],
        [0, 0, 1, 0, 0],
    ]
    count = L.Hashing(5, output_mode="count")(np.array([["a", "b"], ["c", "c"]]))
    assert count.numpy().tolist() == [[0, 0, 1, 0, 1], [0, 0, 2, 0, 0]]


def test_hashing_errors_and_config():
    with pytest.raises(ValueError, match="num_bins"):
        L.Hashing(0)
    with pytest.raises(ValueError, match="salt"):
        L.Hashing(3, salt="x")
    layer = L.Hashing(7, salt=(1, 2), mask_value=0)
    config = layer.get_config()
    assert config["salt"] == [1, 2] and config["dtype"]["config"]["name"] == "int64"
    clone = L.Hashing.from_config(config)
    x = np.array([0, 5, 9])
    assert clone(x).numpy().tolist() == layer(x).numpy().tolist()


def test_string_lookup_adapt_order_and_oov():
    layer = L.StringLookup()
    layer.adapt(["b", "a", "c", "a", "b", "d"])
    assert layer.get_vocabulary() == ["[UNK]", "b", "a", "d", "c"]
    assert layer.vocabulary_size() == 5
    out = layer(np.array(["a", "z"]))
    assert out.dtype == tf.int64 and out.numpy().tolist() == [2, 0]
    assert layer(tf.constant([["a", "b"]])).numpy().tolist() == [[2, 1]]
    assert layer.get_config()["vocabulary_size"] == 5 and layer.get_config()["vocabulary"] is None


def test_string_lookup_modes():
    vocab = ["a", "b"]
    assert L.StringLookup(vocabulary=vocab, output_mode="multi_hot")(
        np.array([["a", "z"]])
    ).numpy().tolist() == [[1, 1, 0]]
    assert L.StringLookup(vocabulary=vocab, output_mode="one_hot")(
        np.array(["a", "z"])
    ).numpy().tolist() == [[0, 1, 0], [1, 0, 0]]
    assert L.StringLookup(vocabulary=vocab, output_mode="count")(
        np.array([["a", "b"], ["a", "a"]])
    ).numpy().tolist() == [[0, 1, 1], [0, 2, 0]]
    tfidf = L.StringLookup(vocabulary=vocab, output_mode="tf_idf", idf_weights=[0.5, 0.25])
    np.testing.assert_allclose(
        tfidf(np.array([["a", "b", "a", "z"]])).numpy(), [[0.375, 1.0, 0.25]]
    )
    inverted = L.StringLookup(vocabulary=vocab, invert=True)(np.array([1, 2, 0, 5]))
    assert inverted.dtype == tf.string and inverted.numpy().tolist() == [
        b"a",
        b"b",
        b"[UNK]",
        b"[UNK]",
    ]
    masked = L.StringLookup(vocabulary=vocab, mask_token="[M]")
    assert masked(np.array(["[M]", "a", "q"])).numpy().tolist() == [0, 2, 1]
    assert masked.get_vocabulary() == ["[M]", "[UNK]", "a", "b"]


def test_string_lookup_multiple_oov_buckets_hash_like_tf():
    assert L.StringLookup(num_oov_indices=3, vocabulary=["a"])(
        np.array(["x", "y", "zz", "a", "q"])
    ).numpy().tolist() == [2, 2, 1, 3, 2]
    salted = L.StringLookup(num_oov_indices=3, vocabulary=["a"], salt=7)
    assert salted(np.array(["x", "y", "zz", "a", "q"])).numpy().tolist() == [0, 2, 2, 3, 0]


def test_string_lookup_errors():
    with pytest.raises(ValueError, match="repeated term"):
        L.StringLookup(vocabulary=["a", "a"])
    with pytest.raises(InvalidArgumentError, match="num_oov_indices=0"):
        L.StringLookup(vocabulary=["a"], num_oov_indices=0)(np.array(["z"]))
    with pytest.raises(RuntimeError, match="must set the layer's vocabulary"):
        L.StringLookup(output_mode="multi_hot")(np.array(["z"]))
    with pytest.raises(ValueError, match="Unknown value for `output_mode`"):
        L.StringLookup(output_mode="xx")
    with pytest.raises(ValueError, match="larger than the maximum"):
        L.StringLookup(vocabulary=["a", "b", "c"], max_tokens=3)


def test_string_lookup_max_tokens_and_padding():
    layer = L.StringLookup(max_tokens=3)
    layer.adapt(np.array([["a", "b"], ["b", "c"], ["c", "c"]]))
    assert layer.get_vocabulary() == ["[UNK]", "c", "b"]
    padded = L.StringLookup(max_tokens=6, output_mode="multi_hot", pad_to_max_tokens=True)
    padded.adapt(np.array(["a", "b"]))
    assert padded(np.array([["a"]])).numpy().tolist() == [[0, 0, 1, 0, 0, 0]]


def test_string_lookup_adapt_tf_idf_and_dataset():
    layer = L.StringLookup(output_mode="tf_idf")
    layer.adapt(tf.data.Dataset.from_tensor_slices([["a", "b", "a"], ["a", "c", "c"]]).batch(1))
    assert layer.get_vocabulary() == ["[UNK]", "a", "c", "b"]
    np.testing.assert_allclose(
        layer(np.array([["a", "b", "a", "z"]])).numpy(),
        [[0.63237333, 1.0216513, 0.0, 0.6931472]],
        rtol=1e-6,
    )


def test_integer_lookup():
    layer = L.IntegerLookup()
    layer.adapt([3, 3, 1, 2, 2, 0])
    assert layer.get_vocabulary() == [-1, 3, 2, 1, 0]
    assert layer(np.array([3, 7, -1, 0])).numpy().tolist() == [1, 0, 0, 4]
    assert L.IntegerLookup(num_oov_indices=3, vocabulary=[5])(
        np.array([1, 2, 3, 5, -7])
    ).numpy().tolist() == [1, 2, 0, 3, 2]
    farm = L.IntegerLookup(num_oov_indices=3, vocabulary=[5], oov_method="farmhash")
    assert farm(np.array([1, 2, 3, 5, -7])).numpy().tolist() == [0, 1, 0, 3, 2]
    inverted = L.IntegerLookup(vocabulary=[10, 20], invert=True)(np.array([2, 1, 0]))
    assert inverted.dtype == tf.int64 and inverted.numpy().tolist() == [20, 10, -1]
    with pytest.raises(ValueError, match="salt"):
        L.IntegerLookup(salt=3)


@pytest.mark.parametrize(
    "layer",
    [
        lambda: L.StringLookup(vocabulary=["a", "b"], mask_token="", num_oov_indices=2),
        lambda: L.StringLookup(vocabulary=["a", "b"], output_mode="tf_idf", idf_weights=[1.0, 2.0]),
        lambda: L.IntegerLookup(vocabulary=[4, 5], output_mode="count"),
    ],
)
def test_lookup_config_round_trip(layer):
    layer = layer()
    config = layer.get_config()
    clone = type(layer).from_config(config)
    assert clone.get_config() == config
    assert clone.get_vocabulary() == layer.get_vocabulary()


def test_text_vectorization_adapt_and_call():
    layer = L.TextVectorization()
    layer.adapt(["The cat sat.", "the dog, sat!", "A cat"])
    assert layer.get_vocabulary() == ["", "[UNK]", "the", "sat", "cat", "dog", "a"]
    out = layer(["the cat ran", "a"])
    assert out.dtype == tf.int64 and out.numpy().tolist() == [[2, 4, 1], [6, 0, 0]]
    assert layer(np.array([["the cat ran"], ["a"]])).numpy().tolist() == [[2, 4, 1], [6, 0, 0]]
    assert layer.get_config()["vocabulary_size"] == 7


def test_text_vectorization_options():
    layer = L.TextVectorization(
        output_sequence_length=4, ngrams=2, standardize="lower", split="whitespace"
    )
    layer.set_vocabulary(["a", "b", "a b"])
    assert layer(np.array(["A b", "b"])).numpy().tolist() == [[2, 3, 4, 0], [3, 0, 0, 0]]
    chars = L.TextVectorization(
        split="character", standardize=None, output_mode="count", vocabulary=["a", "b"]
    )
    assert chars(np.array(["aab", "c"])).numpy().tolist() == [[0, 2, 1], [1, 0, 0]]
    custom = L.TextVectorization(
        standardize=lambda x: np.char.upper(x),
        split=lambda x: [s.split("-") for s in x],
        vocabulary=["A", "B"],
    )
    assert custom(np.array(["a-b-c"])).numpy().tolist() == [[2, 3, 1]]
    with pytest.raises(ValueError, match="output_sequence_length"):
        L.TextVectorization(output_mode="count", output_sequence_length=3)
    with pytest.raises(ValueError, match="last shape dimension must be 1"):
        L.TextVectorization(vocabulary=["a"])(np.array([["a", "b"]]))


def test_text_vectorization_config_round_trip():
    layer = L.TextVectorization(max_tokens=10, ngrams=(1, 2), output_mode="multi_hot")
    layer.adapt(["x y", "y z"])
    config = layer.get_config()
    clone = L.TextVectorization.from_config(config)
    assert clone.get_config()["ngrams"] == (1, 2) and clone.get_config()["max_tokens"] == 10


def test_keras_file_restores_adapted_vocabulary(tmp_path):
    pytest.importorskip("h5py")
    vectorize = L.TextVectorization(output_sequence_length=4)
    vectorize.adapt(["a b c", "a b", "a"])
    lookup = L.StringLookup()
    lookup.adapt(["x", "y", "y"])
    inputs = keras.Input(shape=(1,), dtype="string")
    model = keras.Model(inputs, [L.Embedding(10, 2)(vectorize(inputs)), lookup(inputs)])
    path = str(tmp_path / "text.keras")
    model.save(path)
    restored = keras.models.load_model(path)
    assert restored.layers[1].get_vocabulary() == ["", "[UNK]", "a", "b", "c"]
    assert [la.get_vocabulary() for la in restored.layers if isinstance(la, L.StringLookup)] == [
        ["[UNK]", "y", "x"]
    ]
    x = np.array([["a c"], ["b z"]])
    for got, want in zip(restored(x), model(x)):
        np.testing.assert_array_equal(got.numpy(), want.numpy())


def test_text_vectorization_in_a_model_fit_on_a_string_dataset():
    texts = np.array(["bad awful movie", "great fine film"] * 8)
    labels = np.array([0.0, 1.0] * 8, dtype="float32")
    ds = tf.data.Dataset.from_tensor_slices((texts, labels)).batch(4)
    vectorize = L.TextVectorization(output_sequence_length=3)
    vectorize.adapt(ds.map(lambda x, y: x))
    model = keras.Sequential(
        [
            keras.Input(shape=(), dtype="string"),
            vectorize,
            L.Embedding(10, 4),
            L.GlobalAveragePooling1D(),
            L.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile("adam", "binary_crossentropy")
    history = model.fit(ds, epochs=2, verbose=0, shuffle=False)
    assert len(history.history["loss"]) == 2
    assert model.predict(texts[:2], verbose=0).shape == (2, 1)


def test_adapt_reads_only_steps_batches_of_an_endless_iterable():
    def batches():
        while True:
            yield np.array([["a", "b"], ["a", "c"]])

    layer = keras.layers.StringLookup()
    layer.adapt(batches(), steps=3)
    assert layer.get_vocabulary() == ["[UNK]", "a", "c", "b"]


@pytest.mark.parametrize(
    "make,value",
    [
        (lambda: keras.layers.StringLookup(), np.array([["a"]])),
        (lambda: keras.layers.IntegerLookup(), np.array([[1]])),
        (lambda: keras.layers.TextVectorization(), np.array([["a b"]])),
    ],
)
def test_lookup_before_any_vocabulary_is_tfs_uninitialized_table(make, value):
    layer = make()
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the class is checked below
        layer(value)
    assert type(caught.value).__name__ == "FailedPreconditionError"
    assert "Table not initialized. [Op:LookupTableFindV2]" in str(caught.value)
    layer.adapt(value.reshape(-1))
    layer(value)


def test_integer_lookup_of_text_is_pythons_int_error():
    with pytest.raises(ValueError, match=r"invalid literal for int\(\) with base 10: np.str_"):
        keras.layers.IntegerLookup(vocabulary=[1, 2])(np.array([["a"]]))


def test_text_vectorization_refuses_numbers_as_keras_converts_them():
    layer = keras.layers.TextVectorization(vocabulary=["a"])
    with pytest.raises(ValueError, match="Failed to convert a NumPy array to a Tensor"):
        layer(np.array([1, 2]))
    with pytest.raises(tf.errors.UnimplementedError, match="Cast int32 to string"):
        layer(tf.constant([1, 2]))
    with pytest.raises(TypeError, match="Cannot convert"):
        layer([1, 2])
    assert layer(np.array(["a b"])).numpy().tolist() == [[2, 1]]
