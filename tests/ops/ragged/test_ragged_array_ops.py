"""concat/stack/gather/where/boolean_mask, tf.ragged.*, RaggedTensorSpec, tf.shape,
tf.map_fn and tf.nest on RaggedTensors."""

import pytest
from ragged_oracle import describe

import torchkeras as tf

EXPRESSIONS = [
    "tf.concat([a, b], axis=0)",
    "tf.concat([a, b], axis=1)",
    "tf.concat([a, b], axis=-1)",
    "tf.concat([a, tf.constant([[9, 9]])], axis=0)",
    "tf.concat([a, tf.constant([[9], [8]])], axis=1)",
    "tf.concat([a, r3], axis=0)",
    "tf.concat([a, tf.cast(b, tf.float32)], axis=0)",
    "tf.concat([a, b], axis=2)",
    "tf.concat([a, rt], axis=1)",
    "tf.concat([r3, r3], axis=2)",
    "tf.concat([a], axis=2)",
    "tf.ragged.boolean_mask(tf.ragged.constant([[1, 2], [3]]), "
    "tf.ragged.constant([[True], [False]]))",
    "tf.ragged.boolean_mask(tf.ragged.constant([[1, 2], [3]]), tf.ragged.constant([[True]]))",
    "tf.ragged.map_flat_values(tf.add, tf.ragged.constant([[1, 2], [3]]), "
    "tf.ragged.constant([[1], [2, 3]]))",
    "tf.ragged.map_flat_values(tf.add, tf.ragged.constant([[1, 2], [3]]), "
    "tf.ragged.constant([[[1], [2, 3]]]))",
    "tf.where(tf.ragged.constant([[True], [False, True]]), tf.ragged.constant([[1], [2, 3]]), "
    "tf.ragged.constant([[1, 2], [3]]))",
    "tf.where(tf.ragged.constant([[True, False], [False]]), tf.ragged.constant([[1], [2, 3]]), "
    "tf.ragged.constant([[1], [2, 3]]))",
    "tf.stack([a, b], axis=0)",
    "tf.stack([a, b], axis=1)",
    "tf.stack([a, b], axis=2)",
    "tf.ragged.stack([a, b])",
    "tf.ragged.stack([[1, 2], [3, 4, 5]])",
    "tf.ragged.stack([tf.constant([1, 2]), tf.constant([3, 4, 5])])",
    "tf.gather(rt, [2, 0])",
    "tf.gather(rt, [[2, 0], [1, 1]])",
    "tf.gather(rt, 2)",
    "tf.gather([10, 20, 30], tf.ragged.constant([[0, 1], [2]]))",
    "tf.gather(rt, [7])",
    "tf.gather(r3, [2, 0, 0])",
    "tf.gather(a, [0], axis=1)",
    "tf.gather(a, [[0], [0]], batch_dims=1, axis=1)",
    "tf.gather(a, [0], axis=2)",
    "tf.gather(rt, [0], axis=1)",
    "tf.boolean_mask(rt, rt > 2)",
    "tf.ragged.boolean_mask(rt, rt > 2)",
    "tf.ragged.boolean_mask([[1, 2, 3], [4, 5, 6]], [[True, False, True], [False, False, True]])",
    "tf.ragged.boolean_mask(rt, [True, False, True, False, True])",
    "tf.ragged.boolean_mask(rt, [True, False])",
    "tf.ragged.boolean_mask(r3, r3 > 2)",
    "tf.where(rt > 2, rt, tf.zeros_like(rt))",
    "tf.where(rt > 2)",
    "tf.where(rt > 2, rt, 0)",
    "tf.ragged.range([3, 0, 5])",
    "tf.ragged.range([0, 3, 5], [3, 3, 10], 2)",
    "tf.ragged.range([0.5, 3.0], [3.0, 4.0])",
    "tf.ragged.range(['a'])",
    "tf.ragged.range([1], 3, [True])",
    "tf.ragged.range(tf.constant([1], tf.uint8))",
    "tf.ragged.range(3)",
    "tf.ragged.range([1, 2], row_splits_dtype=tf.int32).row_splits",
    "tf.ragged.row_splits_to_segment_ids([0, 2, 2, 5])",
    "tf.ragged.row_splits_to_segment_ids([0, 2, 2, 5], out_type=tf.int32)",
    "tf.ragged.row_splits_to_segment_ids([[0, 2]])",
    "tf.ragged.segment_ids_to_row_splits([0, 0, 2, 2, 2])",
    "tf.ragged.segment_ids_to_row_splits([0, 0, 2], num_segments=5)",
    "tf.ragged.segment_ids_to_row_splits([0, 0, 2], out_type=tf.int32)",
    "tf.ragged.stack_dynamic_partitions(['a', 'b', 'c', 'd', 'e'], [3, 0, 2, 2, 3], 5)",
    "tf.ragged.stack_dynamic_partitions([[1, 2], [3, 4], [5, 6]], [1, 0, 1], 2)",
    "tf.ragged.stack_dynamic_partitions([1, 2, 3], [1, 0, 5], 2)",
    "tf.ragged.stack_dynamic_partitions([1, 2, 3], [1, 0], 2)",
    "tf.ragged.stack_dynamic_partitions([1, 2, 3], [1, 0, -1], 2)",
    "tf.ragged.stack_dynamic_partitions(tf.ragged.constant([[1], [2, 3], []]), [1, 0, 1], 2)",
    "tf.ragged.map_flat_values(tf.multiply, rt, 2)",
    "tf.ragged.map_flat_values(tf.add, rt, rt)",
    "tf.ragged.map_flat_values(tf.add, rt, a)",
    "tf.ragged.map_flat_values(tf.add, 1, 2)",
    "tf.ragged.map_flat_values(lambda x: x[:2], rt)",
    "tf.RaggedTensorSpec(shape=[None, None], dtype=tf.int32)",
    "tf.RaggedTensorSpec()",
    "tf.RaggedTensorSpec([2, None, None], tf.float32, ragged_rank=1)",
    "tf.RaggedTensorSpec([2, None], tf.float32, ragged_rank=2)",
    "tf.RaggedTensorSpec([3], tf.float32)",
    "tf.RaggedTensorSpec.from_value(r3)",
    "tf.RaggedTensorSpec([None, None]) == tf.RaggedTensorSpec([None, None])",
    "tf.RaggedTensorSpec([None, None]).is_compatible_with(rt)",
    "tf.RaggedTensorSpec([None, None], tf.int32).is_compatible_with(rt)",
    "tf.shape(rt)",
    "tf.shape(r3)",
    "tf.shape(r3).rank",
    "tf.shape(r3)[0]",
    "tf.shape(r3)[1]",
    "tf.shape(r3)[1:]",
    "tf.shape(r3).inner_shape",
    "tf.shape(r3).static_lengths()",
    "tf.shape(r3).dtype",
    "tf.shape(r3).num_row_partitions",
    "tf.shape(u)",
    "tf.shape(r1i)",
    "tf.shape(rt).static_lengths(ragged_lengths=False)",
    "tf.map_fn(lambda x: x * 2, rt, fn_output_signature=tf.RaggedTensorSpec(shape=[None], "
    "dtype=tf.int32))",
    "tf.map_fn(lambda x: tf.reduce_sum(x), rt, fn_output_signature=tf.int32)",
    "tf.map_fn(lambda x: tf.range(x), tf.constant([1, 3, 0]), "
    "fn_output_signature=tf.RaggedTensorSpec(shape=[None], dtype=tf.int32))",
    "tf.map_fn(lambda x: x * 2, rt)",
    "tf.nest.flatten(rt)",
    "tf.nest.flatten(r3, expand_composites=True)",
    "tf.nest.flatten(st, expand_composites=True)",
    "tf.nest.pack_sequence_as(rt, tf.nest.flatten(rt, expand_composites=True), "
    "expand_composites=True)",
    "tf.nest.map_structure(lambda x: x * 2, rt, expand_composites=True)",
    "tf.expand_dims(rt, 0)",
    "tf.expand_dims(rt, 1)",
    "tf.expand_dims(rt, 2)",
    "tf.convert_to_tensor(rt)",
    "tf.is_tensor(rt)",
    "tf.unstack(rt)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert describe(tf, expression) == describe(tf_real, expression)


def test_concat_stack_known_values():
    a = tf.ragged.constant([[1, 2], [3]])
    b = tf.ragged.constant([[4], [5, 6, 7]])
    assert tf.concat([a, b], axis=0).to_list() == [[1, 2], [3], [4], [5, 6, 7]]
    assert tf.concat([a, b], axis=1).to_list() == [[1, 2, 4], [3, 5, 6, 7]]
    assert tf.stack([a, b], axis=1).to_list() == [[[1, 2], [4]], [[3], [5, 6, 7]]]
    assert tf.ragged.stack([[1, 2], [3, 4, 5]]).to_list() == [[1, 2], [3, 4, 5]]


def test_gather_mask_where_known_values():
    rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
    assert tf.gather(rt, [2, 0]).to_list() == [[5, 9, 2], [3, 1, 4, 1]]
    assert tf.ragged.boolean_mask(rt, rt > 2).to_list() == [[3, 4], [], [5, 9], [6], []]
    assert tf.where(rt > 2, rt, 0).to_list() == [[3, 0, 4, 0], [], [5, 9, 0], [6], []]
    with pytest.raises(ValueError, match="object of type 'RaggedTensor' has no len"):
        tf.boolean_mask(rt, rt > 2)


def test_ragged_namespace_known_values():
    assert tf.ragged.range([3, 0, 5]).to_list() == [[0, 1, 2], [], [0, 1, 2, 3, 4]]
    splits = tf.ragged.segment_ids_to_row_splits([0, 0, 2], num_segments=5)
    assert splits.numpy().tolist() == [0, 2, 2, 3, 3, 3]
    ids = tf.ragged.row_splits_to_segment_ids([0, 2, 2, 5])
    assert ids.numpy().tolist() == [0, 0, 2, 2, 2]
    parts = tf.ragged.stack_dynamic_partitions(["a", "b", "c"], [1, 0, 1], 3)
    assert parts.to_list() == [[b"b"], [b"a", b"c"], []]
    rt = tf.ragged.constant([[1, 2], [3]])
    assert tf.ragged.map_flat_values(tf.multiply, rt, 2).to_list() == [[2, 4], [6]]


def test_spec_shape_map_fn_nest_known_values():
    spec = tf.RaggedTensorSpec(shape=[None, None], dtype=tf.int32)
    assert repr(spec) == "RaggedTensorSpec(TensorShape([None, None]), tf.int32, 1, tf.int64)"
    rt = tf.ragged.constant([[1, 2], [], [3]])
    assert repr(tf.shape(rt)) == "<DynamicRaggedShape lengths=[3, (2, 0, 1)] num_row_partitions=1>"
    doubled = tf.map_fn(
        lambda x: x * 2, rt, fn_output_signature=tf.RaggedTensorSpec([None], tf.int32)
    )
    assert doubled.to_list() == [[2, 4], [], [6]]
    parts = tf.nest.flatten(rt, expand_composites=True)
    assert [p.numpy().tolist() for p in parts] == [[1, 2, 3], [0, 2, 2, 3]]
    assert tf.nest.flatten(rt) == [rt]
