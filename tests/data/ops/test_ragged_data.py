"""tf.data with RaggedTensors: slices, elements, batch/unbatch, ragged_batch and
dense_to_ragged_batch (known values, and real TF when installed)."""

import pytest

import torchkeras as tf

SETUP = """
rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
r3 = tf.ragged.constant([[[1, 2], [3]], [], [[4, 5, 6]]])
ds = tf.data.Dataset.from_tensor_slices(rt)
d2 = tf.data.Dataset.range(5).map(lambda x: tf.range(x))
"""

EXPRESSIONS = [
    "ds.element_spec",
    "list(ds)",
    "tf.data.Dataset.from_tensor_slices(r3).element_spec",
    "list(tf.data.Dataset.from_tensor_slices(r3))",
    "tf.data.Dataset.from_tensors(rt).element_spec",
    "list(tf.data.Dataset.from_tensors(rt))",
    "list(ds.batch(2))",
    "ds.batch(2).element_spec",
    "ds.batch(2, drop_remainder=True).element_spec",
    "list(tf.data.Dataset.from_tensor_slices(r3).batch(2))",
    "list(tf.data.Dataset.from_tensor_slices({'a': rt, 'b': tf.range(5)}).batch(3))",
    "tf.data.Dataset.from_tensor_slices({'a': rt, 'b': tf.range(5)}).element_spec",
    "list(d2.ragged_batch(2))",
    "d2.ragged_batch(2).element_spec",
    "d2.ragged_batch(2, drop_remainder=True).element_spec",
    "list(d2.apply(tf.data.experimental.dense_to_ragged_batch(3)))",
    "tf.data.Dataset.range(4).ragged_batch(2).element_spec",
    "list(tf.data.Dataset.range(4).ragged_batch(2))",
    "tf.data.Dataset.from_tensor_slices(tf.zeros([4, 3])).ragged_batch(2).element_spec",
    "ds.ragged_batch(2).element_spec",
    "list(ds.batch(2).unbatch())",
    "ds.batch(2).unbatch().element_spec",
    "list(ds.map(lambda x: x * 2))",
    "[repr(v) for v in ds.batch(2).as_numpy_iterator()]",
    "ds",
]


def _describe(module, expression):
    scope = {"tf": module}
    exec(SETUP, scope)  # noqa: S102 - the fixed setup above
    try:
        return "ok", repr(eval(expression, scope))  # noqa: S307 - expressions written here
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return "error", type(error).__name__, str(error)


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert _describe(tf, expression) == _describe(tf_real, expression)


def test_slices_and_batches_known_values():
    rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2]])
    ds = tf.data.Dataset.from_tensor_slices(rt)
    assert repr(ds.element_spec) == "RaggedTensorSpec(TensorShape([None]), tf.int32, 0, tf.int64)"
    assert [e.numpy().tolist() for e in ds] == [[3, 1, 4, 1], [], [5, 9, 2]]
    batches = list(ds.batch(2))
    assert isinstance(batches[0], tf.RaggedTensor)
    assert [b.to_list() for b in batches] == [[[3, 1, 4, 1], []], [[5, 9, 2]]]
    assert [e.numpy().tolist() for e in ds.batch(2).unbatch()] == [[3, 1, 4, 1], [], [5, 9, 2]]


def test_ragged_batch_known_values():
    ds = tf.data.Dataset.range(4).map(lambda x: tf.range(x))
    assert [b.to_list() for b in ds.ragged_batch(2)] == [[[], [0]], [[0, 1], [0, 1, 2]]]
    spec = ds.ragged_batch(2, drop_remainder=True).element_spec
    assert repr(spec) == "RaggedTensorSpec(TensorShape([2, None]), tf.int64, 1, tf.int64)"
    batched = ds.apply(tf.data.experimental.dense_to_ragged_batch(3))
    assert [b.to_list() for b in batched] == [[[], [0], [0, 1]], [[0, 1, 2]]]
