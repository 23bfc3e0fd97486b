"""``shard``, ``unique``, ``ignore_errors``, ``rebatch`` and ``get_single_element``: values,
and TF's error classes and messages (compared with real TensorFlow where installed)."""

import pytest

import torchkeras as tf
from tests.data.ops.outcomes import assert_same_as_tensorflow, outcome


CASES = [
    "list(tf.data.Dataset.range(7).shard(3, 1))",
    "tf.data.Dataset.range(7).shard(3, 1).cardinality()",
    "tf.data.Dataset.range(3).shard(0, 0)",
    "tf.data.Dataset.range(3).shard(2, 2)",
    "tf.data.Dataset.range(3).shard(2, -1)",
    "list(tf.data.Dataset.from_tensor_slices([3, 1, 3, 2, 1]).unique())",
    "list(tf.data.Dataset.from_tensor_slices([[1, 2], [1, 2]]).unique())",
    "list(tf.data.Dataset.from_tensor_slices(['a', 'b', 'a']).unique())",
    "list(tf.data.Dataset.from_tensor_slices([1., 2.]).unique())",
    "list(tf.data.Dataset.from_tensor_slices(([1], [2])).unique())",
    "list(tf.data.Dataset.range(3).ignore_errors())",
    "list(tf.data.Dataset.from_tensor_slices(['1', 'a', '3']).map(tf.strings.to_number)"
    ".ignore_errors())",
    "list(tf.data.Dataset.range(7).batch(3).rebatch(2))",
    "list(tf.data.Dataset.range(7).batch(3).rebatch([2, 1]))",
    "list(tf.data.Dataset.range(7).batch(3).rebatch(2, drop_remainder=True))",
    "tf.data.Dataset.range(3).rebatch(2)",
    "tf.data.Dataset.range(1).get_single_element()",
    "tf.data.Dataset.range(0).get_single_element()",
    "tf.data.Dataset.range(3).get_single_element()",
]


@pytest.mark.parametrize("source", CASES)
def test_agrees_with_tf(source):
    assert_same_as_tensorflow(source)


def test_values_and_errors():
    assert outcome(tf, CASES[0]) == [1, 4]
    assert outcome(tf, CASES[2]) == (
        "InvalidArgumentError",
        "Number of shards must be greater than zero (currently num_shards = 0). "
        "[Op:ShardDataset] name: ",
    )
    assert outcome(tf, CASES[5]) == [3, 1, 2]
    assert outcome(tf, CASES[8])[0] == "TypeError"
    assert outcome(tf, CASES[11]) == [1.0, 3.0]
    assert outcome(tf, CASES[13]) == [[0, 1], [2], [3, 4], [5], [6]]
    assert outcome(tf, CASES[15])[1].startswith("Invalid `batch_sizes`. Expected dataset")
    assert outcome(tf, CASES[17]) == (
        "InvalidArgumentError",
        "Dataset was empty. [Op:DatasetToSingleElement] name: ",
    )
    assert tf.data.Dataset.range(7).batch(3).rebatch(2, True).element_spec.shape == [2]
