"""tf.SparseTensor's components, printing and construction errors (against real TF when
present)."""

import pytest

import torchkeras as tf

GOOD = [
    ([[0, 1], [1, 2]], [1.0, 2.0], [2, 3]),
    ([[0, 1]], ["a"], [2, 3]),
    ([[0, 1, 0]], [1], [2, 3, 4]),
]

BAD = [
    (([[0, 1]], [1.0, 2.0], [2, 3]), ValueError, "Dimensions 1 and 2 are not compatible"),
    (([0, 1], [1.0], [2, 3]), ValueError, "Shape (2,) must have rank 2"),
    (([[0, 1]], [1.0], [2, 3, 4]), ValueError, "Dimensions 2 and 3 are not compatible"),
    (([[0, 1]], [[1.0]], [2, 3]), ValueError, "Shape (1, 1) must have rank 1"),
    (([[0.5, 1]], [1.0], [2, 3]), TypeError, "Cannot convert [[0.5, 1]] to EagerTensor"),
]


def _describe(module, args):
    st = module.sparse.SparseTensor(*args)
    return repr(st), str(st), str(st.shape), st.dtype.name, st.indices.dtype.name


def test_components_and_text():
    st = tf.sparse.SparseTensor([[0, 1], [1, 2]], [1.0, 2.0], [2, 3])
    assert tf.SparseTensor is tf.sparse.SparseTensor
    assert st.indices.dtype is tf.int64 and st.dense_shape.dtype is tf.int64
    assert st.shape.as_list() == [2, 3] and st.dtype is tf.float32
    assert repr(st) == (
        "SparseTensor(indices=tf.Tensor(\n[[0 1]\n [1 2]], shape=(2, 2), dtype=int64), "
        "values=tf.Tensor([1. 2.], shape=(2,), dtype=float32), "
        "dense_shape=tf.Tensor([2 3], shape=(2,), dtype=int64))"
    )
    assert tf.is_tensor(st)
    assert st.with_values([5.0, 6.0]).values.numpy().tolist() == [5.0, 6.0]


def test_int32_components_refused():
    with pytest.raises(ValueError, match="^dense_shape: Tensor conversion requested dtype int64"):
        tf.sparse.SparseTensor([[0, 1]], [1.0], tf.constant([2, 3]))


def test_dense_ops_refuse_sparse_with_tf_message():
    st = tf.sparse.SparseTensor([[0, 1]], [1.0], [2, 3])
    with pytest.raises(ValueError, match="^Attempt to convert a value \\(SparseTensor"):
        tf.math.add(st, 1.0)


@pytest.mark.parametrize("args, error, text", BAD)
def test_construction_errors(args, error, text):
    with pytest.raises(error) as info:
        tf.sparse.SparseTensor(*args)
    assert str(info.value).startswith(text)


@pytest.mark.parametrize("args", GOOD)
def test_matches_tensorflow(args):
    tf_real = pytest.importorskip("tensorflow")
    assert _describe(tf, args) == _describe(tf_real, args)


@pytest.mark.parametrize("args, error, text", BAD)
def test_errors_match_tensorflow(args, error, text):
    tf_real = pytest.importorskip("tensorflow")
    with pytest.raises(error) as info:
        tf_real.sparse.SparseTensor(*args)
    assert str(info.value).startswith(text)


SPEC_CALLS = [
    "tf.SparseTensorSpec([None, 3], tf.float32)",
    "str(tf.SparseTensorSpec(shape=[2, 3]))",
    "tf.SparseTensorSpec.from_value(tf.sparse.SparseTensor([[0, 1]], [1], [2, 3]))",
    "tf.SparseTensorSpec([None, 3]).is_compatible_with(tf.sparse.SparseTensor([[0, 1]], [1.0],"
    " [2, 3]))",
    "tf.SparseTensorSpec([None, 4]).is_compatible_with(tf.sparse.SparseTensor([[0, 1]], [1.0],"
    " [2, 3]))",
    "tf.SparseTensorSpec([2, 3]) == tf.SparseTensorSpec([2, 3], tf.float32)",
    "tf.SparseTensorSpec([2, 3]) == tf.SparseTensorSpec([2, 3], tf.int32)",
    "(tf.SparseTensorSpec([2, 3]).shape, tf.SparseTensorSpec([2, 3]).dtype)",
    "tf.SparseTensorSpec([2, 3]).value_type.__name__",
]


def test_spec_known_values():
    spec = tf.SparseTensorSpec([None, 3], tf.float32)
    assert repr(spec) == "SparseTensorSpec(TensorShape([None, 3]), tf.float32)"
    assert spec.value_type is tf.SparseTensor
    assert spec.is_compatible_with(tf.sparse.SparseTensor([[0, 1]], [1.0], [2, 3]))
    assert not spec.is_compatible_with(tf.sparse.SparseTensor([[0, 1]], [1], [2, 3]))
    same = tf.SparseTensorSpec([None, 3])
    assert spec == same and hash(spec) == hash(same)


@pytest.mark.parametrize("expression", SPEC_CALLS)
def test_spec_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    got = eval(expression, {"tf": tf})  # noqa: S307 - expressions written here
    want = eval(expression, {"tf": tf_real})  # noqa: S307
    assert repr(got) == repr(want)


def test_set_shape_checks_compatibility():
    st = tf.sparse.SparseTensor([[0, 1]], [1.0], [2, 3])
    st.set_shape([None, 3])
    assert st.shape.as_list() == [2, 3]
    for shape, text in (
        ([3, 3], "Shapes (2, 3) and (3, 3) are not compatible"),
        ([3], "Shapes (2, 3) and (3,) are not compatible"),
    ):
        with pytest.raises(ValueError) as info:
            st.set_shape(shape)
        assert str(info.value) == text
