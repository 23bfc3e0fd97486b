"""tf.data with SparseTensor components: slices, batches, specs (known values; against
real TF when installed)."""

import pytest

import torchkeras as tf

PIPELINES = [
    "ds.element_spec",
    "list(ds)",
    "ds",
    "tf.data.Dataset.from_tensors(st).element_spec",
    "list(tf.data.Dataset.from_tensors(st))",
    "list(ds.batch(2))",
    "list(ds.batch(1))",
    "ds.batch(2).element_spec",
    "ds.batch(2, drop_remainder=True).element_spec",
    "list(tf.data.Dataset.from_tensor_slices((st, tf.constant([7, 8]))))",
    "list(tf.data.Dataset.from_tensors(st).unbatch())",
    "list(ds.map(tf.sparse.to_dense))",
    "[a.tolist() for a in ds.as_numpy_iterator()]",
    "list(ds.map(lambda x: x * 2.0).batch(2))",
    "list(tf.data.Dataset.from_tensor_slices(st3).batch(2))",
    "list(tf.data.Dataset.from_tensor_slices(st3).unbatch())",
    "tf.data.Dataset.from_tensor_slices(un)",
]


def _env(m):
    st = m.sparse.SparseTensor([[0, 1], [1, 0], [1, 2]], [1.0, 3.0, -2.0], [2, 3])
    return {
        "tf": m,
        "st": st,
        "ds": m.data.Dataset.from_tensor_slices(st),
        "st3": m.sparse.SparseTensor([[0, 0, 1], [1, 1, 0]], [1, 2], [2, 2, 2]),
        "un": m.sparse.SparseTensor([[1, 2], [0, 1]], [1.0, -2.0], [2, 3]),
    }


def _outcome(m, expression):
    try:
        return "ok", repr(eval(expression, _env(m)))  # noqa: S307 - expressions written here
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return "error", type(error).__name__, str(error)


@pytest.mark.parametrize("expression", PIPELINES)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, expression) == _outcome(tf_real, expression)


def test_known_values():
    env = _env(tf)
    elements = list(env["ds"])
    assert [e.indices.numpy().tolist() for e in elements] == [[[1]], [[0], [2]]]
    assert [e.dense_shape.numpy().tolist() for e in elements] == [[3], [3]]
    assert env["ds"].element_spec == tf.SparseTensorSpec([3], tf.float32)
    (batch,) = list(env["ds"].batch(2))
    assert batch.indices.numpy().tolist() == [[0, 1], [1, 0], [1, 2]]
    assert batch.values.numpy().tolist() == [1.0, 3.0, -2.0]
    assert env["ds"].batch(2).element_spec == tf.SparseTensorSpec([None, 3], tf.float32)
    with pytest.raises(tf.errors.InvalidArgumentError, match="is out of order"):
        tf.data.Dataset.from_tensor_slices(env["un"])
