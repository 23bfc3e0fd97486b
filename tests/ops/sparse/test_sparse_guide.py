"""The examples of TF's guide "Working with sparse tensors", written as functions of the
module (torchkeras or real TF): each returns what the guide prints.  Known values below;
the same functions against real TensorFlow / Keras when installed."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras


def pprint_sparse_tensor(st):
    s = "<SparseTensor shape=%s \n values={" % (st.dense_shape.numpy().tolist(),)
    for index, value in zip(st.indices, st.values):
        s += "\n  %s: %s" % (index.numpy().tolist(), value.numpy().tolist())
    return s + "}>"


def creating(m):
    st1 = m.sparse.SparseTensor(indices=[[0, 3], [2, 4]], values=[10, 20], dense_shape=[3, 10])
    st2 = m.sparse.from_dense([[1, 0, 0, 8], [0, 0, 0, 0], [0, 0, 3, 0]])
    dense = m.sparse.to_dense(st2)
    return [str(st1), pprint_sparse_tensor(st1), pprint_sparse_tensor(st2), str(dense)]


def manipulating(m):
    st_a = m.sparse.SparseTensor(indices=[[0, 2], [3, 4]], values=[31, 2], dense_shape=[4, 10])
    st_b = m.sparse.SparseTensor(indices=[[0, 2], [3, 0]], values=[56, 38], dense_shape=[4, 10])
    st_sum = m.sparse.add(st_a, st_b)
    st_c = m.sparse.SparseTensor(
        indices=([0, 1], [1, 0], [1, 1]), values=[13, 15, 17], dense_shape=(2, 2)
    )
    mb = m.constant([[4], [6]])
    product = m.sparse.sparse_dense_matmul(st_c, mb)
    return [pprint_sparse_tensor(st_sum), str(product)]


def _patterns(m):
    a = m.sparse.SparseTensor(
        indices=[[2, 4], [3, 3], [3, 4], [4, 3], [4, 4], [5, 4]],
        values=[1, 1, 1, 1, 1, 1],
        dense_shape=[8, 5],
    )
    b = m.sparse.SparseTensor(
        indices=[
            [0, 2],
            [1, 1],
            [1, 3],
            [2, 0],
            [2, 4],
            [2, 5],
            [3, 5],
            [4, 5],
            [5, 0],
            [5, 4],
            [5, 5],
            [6, 1],
            [6, 3],
            [7, 2],
        ],
        values=[1] * 14,
        dense_shape=[8, 6],
    )
    c = m.sparse.SparseTensor(indices=[[3, 0], [4, 0]], values=[1, 1], dense_shape=[8, 6])
    return a, b, c


def concat_and_slice(m):
    pattern = m.sparse.concat(axis=1, sp_inputs=list(_patterns(m)))
    out = [str(m.sparse.to_dense(pattern))]
    sparse_slice_a = m.sparse.slice(pattern, start=[0, 0], size=[8, 5])
    sparse_slice_b = m.sparse.slice(pattern, start=[0, 5], size=[8, 6])
    sparse_slice_c = m.sparse.slice(pattern, start=[0, 10], size=[8, 6])
    for piece in (sparse_slice_a, sparse_slice_b, sparse_slice_c):
        out.append(str(m.sparse.to_dense(piece)))
    return out


def map_values(m):
    st2 = m.sparse.from_dense([[1, 0, 0, 8], [0, 0, 0, 0], [0, 0, 3, 0]])
    plus_5 = m.sparse.map_values(m.add, st2, 5)
    again = m.sparse.SparseTensor(st2.indices, st2.values + 5, st2.dense_shape)
    return [str(m.sparse.to_dense(plus_5)), str(m.sparse.to_dense(again))]


def datasets(m):
    sparse_data = m.sparse.SparseTensor(
        indices=[(0, 0), (0, 1), (0, 2), (4, 3), (5, 0), (5, 1)],
        values=[1, 1, 1, 1, 1, 1],
        dense_shape=(6, 4),
    )
    dataset = m.data.Dataset.from_tensor_slices(sparse_data)
    out = [pprint_sparse_tensor(element) for element in dataset]
    batched = dataset.batch(2)
    out += [pprint_sparse_tensor(element) for element in batched]
    out += [pprint_sparse_tensor(element) for element in batched.unbatch()]
    return out


def functions(m):
    @m.function
    def f(x, y):
        return m.sparse.sparse_dense_matmul(x, y)

    a = m.sparse.SparseTensor(indices=[[0, 3], [2, 4]], values=[15, 25], dense_shape=[3, 10])
    b = m.sparse.to_dense(m.sparse.transpose(a))
    return [str(f(a, b))]


def missing_values(m):
    st1 = m.sparse.SparseTensor(indices=[[0, 3], [2, 4]], values=[-5, 0], dense_shape=[3, 10])
    st2 = m.sparse.SparseTensor(indices=[[0, 3], [2, 4]], values=[-5, 0], dense_shape=[3, 10])
    return [
        str(m.sparse.reduce_max(st1, axis=1)),
        str(m.math.reduce_max(m.sparse.to_dense(st2), axis=1)),
        str(m.math.abs(st1)),
        str(m.sparse.reorder(m.sparse.SparseTensor([[2, 0], [0, 1]], [1, 2], [3, 3]))),
    ]


SECTIONS = [creating, manipulating, concat_and_slice, map_values, datasets, missing_values]


def test_known_values():
    created = creating(tf)
    assert created[2] == (
        "<SparseTensor shape=[3, 4] \n values={\n  [0, 0]: 1\n  [0, 3]: 8\n  [2, 2]: 3}>"
    )
    assert "[0, 2]: 87" in manipulating(tf)[0]
    assert manipulating(tf)[1] == "tf.Tensor(\n[[ 78]\n [162]], shape=(2, 1), dtype=int32)"
    dense = concat_and_slice(tf)[0]
    assert dense.startswith("tf.Tensor(\n[[0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0]")
    assert map_values(tf)[0] == map_values(tf)[1]
    assert datasets(tf)[0].startswith("<SparseTensor shape=[4] \n values={\n  [0]: 1")
    assert missing_values(tf)[0] == "tf.Tensor([-5  0  0], shape=(3,), dtype=int32)"
    assert missing_values(tf)[1] == "tf.Tensor([0 0 0], shape=(3,), dtype=int32)"


@pytest.mark.parametrize("section", SECTIONS, ids=lambda f: f.__name__)
def test_matches_tensorflow(section):
    tf_real = pytest.importorskip("tensorflow")
    assert section(tf) == section(tf_real)


def test_function_on_sparse_arguments():
    """torchkeras' sparse ops read the dense shape on the host, so a ``tf.function`` over
    them runs eagerly (with its warning); the result is TF's."""
    with pytest.warns(RuntimeWarning, match="runs eagerly"):
        got = functions(tf)
    assert got == [
        "tf.Tensor(\n[[225   0   0]\n [  0   0   0]\n [  0   0 625]], shape=(3, 3), dtype=int32)"
    ]
    tf_real = pytest.importorskip("tensorflow")
    assert got == functions(tf_real)


def _keras_model(m, k):
    x = k.Input(shape=(4,), sparse=True)
    y = k.layers.Dense(4, kernel_initializer="ones", bias_initializer="ones")(x)
    model = k.Model(x, y)
    sparse_data = m.sparse.SparseTensor(
        indices=[(0, 0), (0, 1), (0, 2), (4, 3), (5, 0), (5, 1)],
        values=[1, 1, 1, 1, 1, 1],
        dense_shape=(6, 4),
    )
    return model(sparse_data).numpy()


def test_keras_model_on_sparse_input():
    out = _keras_model(tf, keras)
    assert out.tolist()[0] == [4.0] * 4 and out.dtype == np.float32


def test_keras_model_matches_keras():
    tf_real = pytest.importorskip("tensorflow")
    keras_real = pytest.importorskip("keras")
    np.testing.assert_array_equal(_keras_model(tf, keras), _keras_model(tf_real, keras_real))
