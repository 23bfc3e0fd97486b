"""The examples of TF's "Ragged tensors" guide (tensorflow.org/guide/ragged_tensor), run on
torchkeras and (when installed) on real TF; printed text compared.

Left out: the sections on tf.strings, tf.sparse.concat, Keras (ragged inputs are refused
with the torch backend), tf.Example, tf.data and tf.function."""

import pytest
from ragged_oracle import describe

import torchkeras as tf

DIGITS = "digits = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])\n"
QUERIES = (
    "queries = tf.ragged.constant([['Who', 'is', 'George', 'Washington'],"
    " ['What', 'is', 'the', 'weather', 'tomorrow'], ['Goodnight']])\n"
)
RT4 = "g = tf.ragged.constant([[[1, 2, 3], [4]], [[5], [], [6]], [[7]], [[8, 9], [10]]])\n"
SENTENCES = (
    "ragged_sentences = tf.ragged.constant([['Hi'], ['Welcome', 'to', 'the', 'fair'],"
    " ['Have', 'fun']])\n"
)
SPLITS = "[0, 3, 3, 5, 9, 10]"
VALUES = "[10, 11, 12, 13, 14, 15, 16, 17, 18, 19]"

GUIDE = [
    (DIGITS, "str(tf.add(digits, 3))"),
    (DIGITS, "str(tf.reduce_mean(digits, axis=1))"),
    (DIGITS, "str(tf.concat([digits, [[5, 3]]], axis=0))"),
    (DIGITS, "str(tf.map_fn(tf.math.square, digits))"),
    (DIGITS, "str(digits[0])"),
    (DIGITS, "str(digits[:, :2])"),
    (DIGITS, "str(digits[:, -2:])"),
    (DIGITS, "str(digits * 2)"),
    (DIGITS, "str(digits + 3)"),
    (DIGITS, "str(digits + tf.ragged.constant([[1, 2, 3, 4], [], [5, 6, 7], [8], []]))"),
    (DIGITS, "str(tf.ragged.map_flat_values(lambda x: x * 2 + 1, digits))"),
    (DIGITS, "digits.to_list()"),
    (DIGITS, "repr(digits.numpy())"),
    (
        "",
        "str(tf.ragged.constant([['Let\\'s', 'build', 'some', 'ragged', 'tensors', '!'],"
        " ['We', 'can', 'use', 'tf.ragged.constant', '.']]))",
    ),
    (
        "",
        "str(tf.ragged.constant([[['I', 'have', 'a', 'cat'], ['His', 'name', 'is', 'Mat']],"
        " [['Do', 'you', 'want', 'to', 'come', 'visit'], ['I\\'m', 'free', 'tomorrow']]]))",
    ),
    (
        "",
        "str(tf.RaggedTensor.from_value_rowids(values=[3, 1, 4, 1, 5, 9, 2],"
        " value_rowids=[0, 0, 0, 0, 2, 2, 3]))",
    ),
    (
        "",
        "str(tf.RaggedTensor.from_row_lengths(values=[3, 1, 4, 1, 5, 9, 2],"
        " row_lengths=[4, 0, 2, 1]))",
    ),
    (
        "",
        "str(tf.RaggedTensor.from_row_splits(values=[3, 1, 4, 1, 5, 9, 2],"
        " row_splits=[0, 4, 4, 6, 7]))",
    ),
    ("", "str(tf.ragged.constant([['Hi'], ['How', 'are', 'you']]))"),
    ("", "str(tf.ragged.constant([[1.0, 2.0], [3.0]]))"),
    ("", "str(tf.ragged.constant([[[1, 2], [3]], [[4, 5]]]))"),
    ("", "tf.ragged.constant([['one', 'two'], [3, 4]])"),
    ("", "tf.ragged.constant(['A', ['B', 'C']])"),
    ("", "tf.ragged.constant([['Hi'], ['How', 'are', 'you']]).shape"),
    ("", "str(tf.ragged.constant([['Hi'], ['How', 'are', 'you']]).bounding_shape())"),
    (
        "",
        "str(tf.concat([tf.ragged.constant([['John'], ['a', 'big', 'dog'], ['my', 'cat']]),"
        " tf.ragged.constant([['fell', 'asleep'], ['barked'], ['is', 'fuzzy']])], axis=1))",
    ),
    (
        "",
        "str(tf.ragged.constant([[1, 2], [3], [4, 5, 6]])"
        " + tf.ragged.constant([[1, 1], [2], [3, 3, 3]]))",
    ),
    ("", "str(tf.ragged.constant([[1, 2], [3], [4, 5, 6]]) + 3)"),
    (QUERIES, "str(queries[1])"),
    (QUERIES, "str(queries[1, 2])"),
    (QUERIES, "str(queries[1:])"),
    (QUERIES, "str(queries[:, :3])"),
    (QUERIES, "str(queries[:, -2:])"),
    (RT4, "str(g[1])"),
    (RT4, "str(g[3, 0])"),
    (RT4, "str(g[:, 1:3])"),
    (RT4, "str(g[:, -1:])"),
    (SENTENCES, "str(ragged_sentences.to_tensor(default_value='', shape=[None, 10]))"),
    (
        "",
        "str(tf.RaggedTensor.from_tensor([[1, 3, -1, -1], [2, -1, -1, -1], [4, 5, 8, 9]],"
        " padding=-1))",
    ),
    (SENTENCES, "str(ragged_sentences.to_sparse())"),
    (
        "",
        "str(tf.RaggedTensor.from_sparse(tf.SparseTensor(indices=[[0, 0], [2, 0], [2, 1]],"
        " values=['a', 'b', 'c'], dense_shape=[3, 3])))",
    ),
    (
        "x = tf.ragged.constant([[1, 2], [3, 4, 5], [6], [], [7]])\n",
        "(x.to_list(), repr(x.numpy()), x.values.numpy().tolist(),"
        " x.row_splits.numpy().tolist(), x[1].numpy().tolist())",
    ),
    ("", "tf.shape(tf.ragged.constant([[1], [2, 3], [], [4]]))"),
    ("", "str(tf.ragged.constant([[1, 2], [3]]) + 3)"),
    ("", "str(tf.ragged.constant([[10, 87, 12], [19, 53], [12, 32]]) + [[1000], [2000], [3000]])"),
    (
        "",
        "str(tf.ragged.constant([[[1, 2], [3, 4], [5, 6]], [[7, 8]]], ragged_rank=1)"
        " + tf.constant([[10]]))",
    ),
    (
        "",
        "str(tf.ragged.constant([[[1], [2]], [], [[3]], [[4]]], ragged_rank=1)"
        " + tf.constant([10, 20, 30]))",
    ),
    ("", "tf.ragged.constant([[1, 2], [3, 4, 5, 6], [7]]) + tf.constant([[1, 2, 3, 4]])"),
    (
        "",
        "tf.ragged.constant([[1, 2, 3], [4], [5, 6]])"
        " + tf.ragged.constant([[1, 2], [3, 4], [5, 6]])",
    ),
    (
        "",
        "tf.ragged.constant([[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10]]])"
        " + tf.ragged.constant([[[1, 2, 0], [3, 4, 0], [5, 6, 0]], [[7, 8, 0], [9, 10, 0]]])",
    ),
    (
        "",
        "str(tf.RaggedTensor.from_row_splits(values=tf.RaggedTensor.from_row_splits("
        "values=%s, row_splits=%s), row_splits=[0, 1, 1, 5]))" % (VALUES, SPLITS),
    ),
    (
        "",
        "tf.RaggedTensor.from_row_splits(values=tf.RaggedTensor.from_row_splits("
        "values=%s, row_splits=%s), row_splits=[0, 1, 1, 5]).shape" % (VALUES, SPLITS),
    ),
    (
        "",
        "str(tf.RaggedTensor.from_nested_row_splits(flat_values=%s,"
        " nested_row_splits=([0, 1, 1, 5], %s)))" % (VALUES, SPLITS),
    ),
    (
        "w = tf.RaggedTensor.from_row_splits(values=[[1, 3], [0, 0], [1, 3], [5, 3], [3, 3],"
        " [1, 2]], row_splits=[0, 3, 4, 6])\n",
        "(str(w), w.shape, w.ragged_rank, w.flat_values.shape, str(w.flat_values))",
    ),
    (
        "v = tf.RaggedTensor.from_uniform_row_length(values=tf.RaggedTensor.from_row_splits("
        "values=%s, row_splits=[0, 3, 5, 9, 10]), uniform_row_length=2)\n" % VALUES,
        "(str(v), v.shape, v.ragged_rank)",
    ),
]


@pytest.mark.parametrize("setup, expression", GUIDE)
def test_guide_example_matches_tensorflow(setup, expression):
    tf_real = pytest.importorskip("tensorflow")
    assert describe(tf, expression, setup) == describe(tf_real, expression, setup)


def test_guide_examples_known_values():
    digits = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
    assert str(tf.add(digits, 3)) == "<tf.RaggedTensor [[6, 4, 7, 4], [], [8, 12, 5], [9], []]>"
    assert str(tf.concat([digits, [[5, 3]]], axis=0)) == (
        "<tf.RaggedTensor [[3, 1, 4, 1], [], [5, 9, 2], [6], [], [5, 3]]>"
    )
    mean = tf.reduce_mean(digits, axis=1).numpy().tolist()
    assert mean[0] == 2.25 and mean[3] == 6.0
    assert digits[:, -2:].to_list() == [[4, 1], [], [9, 2], [6], []]
    x = tf.ragged.constant([[10, 87, 12], [19, 53], [12, 32]])
    assert (x + [[1000], [2000], [3000]]).to_list() == [
        [1010, 1087, 1012],
        [2019, 2053],
        [3012, 3032],
    ]
    nested = tf.RaggedTensor.from_nested_row_splits(
        flat_values=[10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
        nested_row_splits=([0, 1, 1, 5], [0, 3, 3, 5, 9, 10]),
    )
    assert str(nested) == (
        "<tf.RaggedTensor [[[10, 11, 12]], [], [[], [13, 14], [15, 16, 17, 18], [19]]]>"
    )
    assert repr(tf.shape(tf.ragged.constant([[1], [2, 3], [], [4]]))) == (
        "<DynamicRaggedShape lengths=[4, (1, 2, 0, 1)] num_row_partitions=1>"
    )
