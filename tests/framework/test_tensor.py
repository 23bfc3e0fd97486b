"""Tensor printing, Python protocols, operators and indexing (rules T01-T162)."""

import numpy as np
import pytest
import torch

import torchkeras as tf

S = tf.constant(3.0)
V1 = tf.constant([1.0, 2.0, 3.0])
M2 = tf.constant([[1.0, 2.0], [3.0, 4.0]])


@pytest.mark.parametrize(
    "value, text, rep",
    [
        (
            tf.constant(3.0),
            "tf.Tensor(3.0, shape=(), dtype=float32)",
            "<tf.Tensor: shape=(), dtype=float32, numpy=3.0>",
        ),
        (
            tf.constant([1.0, 2.0, 3.0]),
            "tf.Tensor([1. 2. 3.], shape=(3,), dtype=float32)",
            "<tf.Tensor: shape=(3,), dtype=float32, numpy=array([1., 2., 3.], dtype=float32)>",
        ),
        (
            tf.constant([[1.0, 2.0], [3.0, 4.0]]),
            "tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)",
            "<tf.Tensor: shape=(2, 2), dtype=float32, numpy=\narray([[1., 2.],\n       [3., 4.]], "
            "dtype=float32)>",
        ),
        (
            tf.constant([1, 2, 3]),
            "tf.Tensor([1 2 3], shape=(3,), dtype=int32)",
            "<tf.Tensor: shape=(3,), dtype=int32, numpy=array([1, 2, 3], dtype=int32)>",
        ),
        (
            tf.constant([True, False]),
            "tf.Tensor([ True False], shape=(2,), dtype=bool)",
            "<tf.Tensor: shape=(2,), dtype=bool, numpy=array([ True, False])>",
        ),
        (
            tf.constant("hello"),
            "tf.Tensor(b'hello', shape=(), dtype=string)",
            "<tf.Tensor: shape=(), dtype=string, numpy=b'hello'>",
        ),
        (
            tf.constant(["a", "bc"]),
            "tf.Tensor([b'a' b'bc'], shape=(2,), dtype=string)",
            "<tf.Tensor: shape=(2,), dtype=string, numpy=array([b'a', b'bc'], dtype=object)>",
        ),
        (
            tf.constant(1.5, tf.float64),
            "tf.Tensor(1.5, shape=(), dtype=float64)",
            "<tf.Tensor: shape=(), dtype=float64, numpy=1.5>",
        ),
        (
            tf.constant(7, tf.int64),
            "tf.Tensor(7, shape=(), dtype=int64)",
            "<tf.Tensor: shape=(), dtype=int64, numpy=7>",
        ),
        (
            tf.constant(np.zeros([0], np.float32)),
            "tf.Tensor([], shape=(0,), dtype=float32)",
            "<tf.Tensor: shape=(0,), dtype=float32, numpy=array([], dtype=float32)>",
        ),
        (
            tf.constant([1 / 3, 2.0]),
            "tf.Tensor([0.33333334 2.        ], shape=(2,), dtype=float32)",
            "<tf.Tensor: shape=(2,), dtype=float32, numpy=array([0.33333334, 2.        ], "
            "dtype=float32)>",
        ),
        (
            tf.constant(1 / 3),
            "tf.Tensor(0.33333334, shape=(), dtype=float32)",
            "<tf.Tensor: shape=(), dtype=float32, numpy=0.3333333432674408>",
        ),
        (
            tf.constant(np.arange(2000, dtype=np.float32)),
            "tf.Tensor([0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03], "
            "shape=(2000,), dtype=float32)",
            "<tf.Tensor: shape=(2000,), dtype=float32, numpy=\narray([0.000e+00, 1.000e+00, "
            "2.000e+00, ..., 1.997e+03, 1.998e+03,\n"
            "       1.999e+03], shape=(2000,), dtype=float32)>",
        ),
        (
            tf.constant([1.5], dtype=tf.bfloat16),
            "tf.Tensor([1.5], shape=(1,), dtype=bfloat16)",
            "<tf.Tensor: shape=(1,), dtype=bfloat16, numpy=array([1.5], dtype=dtype(bfloat16))>",
        ),
        (
            tf.constant(1 + 2j),
            "tf.Tensor((1+2j), shape=(), dtype=complex128)",
            "<tf.Tensor: shape=(), dtype=complex128, numpy=(1+2j)>",
        ),
    ],
)
def test_str_and_repr_match_tf(value, text, rep):
    assert str(value) == text
    assert repr(value) == rep


def test_immutable():
    with pytest.raises(
        TypeError,
        match=r"'torchkeras\.framework\.tensor\.Tensor' object does not support item assignment",
    ):
        M2[0, 0] = 0.0
    assert not hasattr(M2, "assign") and not hasattr(M2, "reshape") and not hasattr(M2, "T")
    y = tf.constant([1.0])
    y0 = y
    y += 1.0
    assert y0 is not y and y0.numpy()[0] == 1.0 and y.numpy()[0] == 2.0


def test_properties():
    assert M2.shape == (2, 2) and M2.ndim == 2 and M2.dtype is tf.float32
    assert M2.device == "/job:localhost/replica:0/task:0/device:CPU:0" or "GPU" in M2.device
    assert isinstance(M2, tf.Tensor) and tf.is_tensor(M2) and not tf.is_tensor(np.ones(2))


def test_format_and_scalar_conversions():
    assert f"{tf.constant(3.14159):.4f}" == "3.1416"
    assert f"{tf.constant(3.14159)}" == "3.141590118408203"
    with pytest.raises(
        TypeError, match="unsupported format string passed to numpy.ndarray.__format__"
    ):
        f"{tf.constant([1.0, 2.0]):.2f}"
    assert float(tf.constant(3.7)) == pytest.approx(3.700000047683716)
    for bad in ([3.7], [1.0, 2.0]):
        with pytest.raises(
            TypeError, match="only 0-dimensional arrays can be converted to Python scalars"
        ):
            float(tf.constant(bad))
    assert int(tf.constant(3.7)) == 3 and int(tf.constant(5)) == 5
    assert bool(tf.constant(0.0)) is False and bool(tf.constant([1.0])) is True
    with pytest.raises(
        ValueError, match="truth value of an array with more than one element is ambiguous"
    ):
        bool(tf.constant([1.0, 2.0]))
    assert list(range(tf.constant(3))) == [0, 1, 2]
    assert [10, 20, 30][tf.constant(1)] == 20
    with pytest.raises(TypeError):
        [1, 2][tf.constant(1.0)]


def test_hash_and_ref():
    with pytest.raises(
        TypeError, match=r"Tensor is unhashable. Instead, use tensor.ref\(\) as the key."
    ):
        hash(tf.constant(1.0))
    ref = S.ref()
    assert {ref: 1}[S.ref()] == 1 and ref.deref() is S


def test_len_and_iteration():
    assert len(M2) == 2
    with pytest.raises(TypeError, match="Scalar tensor has no `len\\(\\)`"):
        len(S)
    rows = list(M2)
    assert [type(r) for r in rows] == [tf.Tensor, tf.Tensor] and rows[1].numpy().tolist() == [
        3.0,
        4.0,
    ]
    assert [repr(x) for x in V1][0] == "<tf.Tensor: shape=(), dtype=float32, numpy=1.0>"
    with pytest.raises(TypeError, match="Cannot iterate over a scalar tensor."):
        iter(S)


def test_numpy_protocol():
    array = np.asarray(M2)
    assert array.dtype == np.float32 and not array.flags.writeable
    copy = M2.numpy()
    assert copy.flags.writeable
    copy[0, 0] = 100.0
    assert M2.numpy()[0, 0] == 1.0
    assert type(S.numpy()) is np.float32 and S.numpy() == 3.0
    assert type(tf.constant(5).numpy()) is np.int32
    assert tf.constant("hello").numpy() == b"hello"
    assert isinstance(np.array(S), np.ndarray) and np.array(S).shape == ()
    assert np.sum(M2) == np.float32(10.0)
    np.testing.assert_allclose(np.exp(V1), np.exp([1.0, 2.0, 3.0]), rtol=1e-6)
    assert np.asarray(M2, dtype=np.float64).dtype == np.float64


def test_mixed_dtype_arithmetic():
    f32, f64 = tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0], tf.float64)
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        f32 + f64
    assert str(info.value) == (
        "cannot compute AddV2 as input #1(zero-based) was expected to be a float tensor "
        "but is a double tensor [Op:AddV2] name: "
    )
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="expected to be a float tensor but is a int32 tensor"
    ):
        f32 + tf.constant([1, 2])
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="expected to be a int32 tensor but is a float tensor"
    ):
        tf.constant([1, 2]) + 1.5
    assert (
        repr(f32 + 1.5)
        == "<tf.Tensor: shape=(2,), dtype=float32, numpy=array([2.5, 3.5], dtype=float32)>"
    )
    assert (f32 + 1).dtype is tf.float32
    assert (
        repr(tf.constant([1, 2]) / 2)
        == "<tf.Tensor: shape=(2,), dtype=float64, numpy=array([0.5, 1. ])>"
    )
    assert (tf.constant([1, 2], tf.int8) / 2).dtype is tf.float32
    assert (
        repr(tf.constant([1, 2]) // 2)
        == "<tf.Tensor: shape=(2,), dtype=int32, numpy=array([0, 1], dtype=int32)>"
    )
    for result in (
        f32 + np.array([1.0, 2.0]),
        np.array([1.0, 2.0]) + f32,
        f32 + np.float64(1.5),
        np.float64(1.5) + f32,
        f32 * np.array([1, 2], dtype=np.float32),
        f32 + [1.0, 2.0],
    ):
        assert type(result) is tf.Tensor and result.dtype is tf.float32
    assert (f64 + np.array([1.0, 2.0])).dtype is tf.float64
    assert (tf.constant([1, 2]) + np.array([1.5])).numpy().tolist() == [2, 3]
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        f32 + tf.constant([1.0, 2.0, 3.0])
    assert "Incompatible shapes: [2] vs. [3] [Op:AddV2] name: " in str(info.value)


def test_operators():
    a = tf.constant([-7, 7])
    assert (a % 3).numpy().tolist() == [2, 1]
    assert (a // 3).numpy().tolist() == [-3, 2]
    assert (tf.constant([-7.0, 7.0]) % 3).numpy().tolist() == [2.0, 1.0]
    assert (tf.constant([2, 3]) ** 2).numpy().tolist() == [4, 9]
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Integers to negative integer powers are not allowed"
    ):
        tf.constant([2, 3]) ** -1
    with pytest.raises(tf.errors.InvalidArgumentError, match="Integer division by zero"):
        tf.constant([1, 2]) // tf.constant([1, 0])
    assert (~tf.constant([True, False])).numpy().tolist() == [False, True]
    assert (~tf.constant([1, 2])).numpy().tolist() == [-2, -3]
    assert (tf.constant([True]) & True).numpy().tolist() == [True]
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.constant([1.0]) & tf.constant([2.0])
    with pytest.raises(tf.errors.InvalidArgumentError):
        -tf.constant([True])
    assert abs(tf.constant([-1.5])).numpy().tolist() == [1.5]
    assert (2.0 - tf.constant([1.0])).numpy().tolist() == [1.0]
    assert (1 / tf.constant([4.0])).numpy().tolist() == [0.25]
    assert (tf.constant([[1.0, 2.0]]) @ tf.constant([[1.0], [2.0]])).numpy().tolist() == [[5.0]]
    with pytest.raises(tf.errors.InvalidArgumentError, match="In\\[0\\] ndims must be >= 2"):
        tf.constant([1.0, 2.0]) @ tf.constant([[1.0], [2.0]])


def test_comparisons():
    assert repr(S == 3.0) == "<tf.Tensor: shape=(), dtype=bool, numpy=True>"
    assert (tf.constant([1.0, 2.0]) == None) is False  # noqa: E711
    assert (tf.constant([1.0, 2.0]) != None) is True  # noqa: E711
    assert (
        repr(tf.constant([1.0, 2.0]) == tf.constant([1.0, 2.0, 3.0]))
        == "<tf.Tensor: shape=(), dtype=bool, numpy=False>"
    )
    with pytest.raises(tf.errors.InvalidArgumentError, match="Incompatible shapes"):
        tf.constant([1.0, 2.0]) < tf.constant([1.0, 2.0, 3.0])
    with pytest.raises(tf.errors.InvalidArgumentError, match="cannot compute Equal"):
        tf.constant([1.0, 2.0]) == tf.constant([1, 2])
    assert (tf.constant(["a", "b"]) == "a").numpy().tolist() == [True, False]
    assert (tf.constant([1.0, 2.0]) > 1.5).numpy().tolist() == [False, True]


def test_strings():
    assert (tf.constant(["a", "b"]) + tf.constant(["c", "d"])).numpy().tolist() == [b"ac", b"bd"]
    assert repr(tf.constant(["a", "b"])[0]) == "<tf.Tensor: shape=(), dtype=string, numpy=b'a'>"
    assert tf.constant("é").numpy() == "é".encode()
    assert (
        str(tf.constant([["a", "b"], ["c", "d"]]))
        == "tf.Tensor(\n[[b'a' b'b']\n [b'c' b'd']], shape=(2, 2), dtype=string)"
    )


def test_indexing():
    assert M2[0].numpy().tolist() == [1.0, 2.0]
    assert M2[:, 0].numpy().tolist() == [1.0, 3.0]
    assert M2[..., None].shape == (2, 2, 1)
    assert M2[None].shape == (1, 2, 2)
    assert repr(M2[[0, 1]]) == "<tf.Tensor: shape=(), dtype=float32, numpy=2.0>"
    assert (
        repr(M2[tf.constant([True, False])])
        == "<tf.Tensor: shape=(1, 2), dtype=float32, numpy=array([[1., 2.]], dtype=float32)>"
    )
    assert float(M2[-1, -1]) == 4.0
    assert M2[::-1, 1].numpy().tolist() == [4.0, 2.0]
    assert V1[::-2].numpy().tolist() == [3.0, 1.0]
    assert V1[2:0:-1].numpy().tolist() == [3.0, 2.0]
    assert M2[tf.constant(1)].numpy().tolist() == [3.0, 4.0]
    assert tf.constant([1, 2, 3])[5:10].shape == (0,)


@pytest.mark.parametrize(
    "key, message",
    [
        (5, "slice index 5 of dimension 0 out of bounds."),
        (-3, "slice index -1 of dimension 0 out of bounds."),
        ((0, 0, 0), "Index out of range using input dim 2; input has only 2 dims"),
        ((0, 0, 0, None), "Index out of range using input dim 2; input has only 2 dims"),
        (slice(None, None, 0), "strides[0] must be non-zero"),
    ],
)
def test_indexing_errors(key, message):
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        M2[key]
    assert message in str(info.value) and str(info.value).endswith(
        "[Op:StridedSlice] name: strided_slice/"
    )


@pytest.mark.parametrize("key", [1.0, ([0, 1], [1, 0]), tf.constant([0, 1]), np.array([0, 1])])
def test_invalid_index_types(key):
    with pytest.raises(TypeError, match="Only integers, slices"):
        M2[key]


def test_torch_interop():
    result = torch.relu(tf.constant([-1.0, 2.0]))
    assert type(result) is tf.Tensor and result.numpy().tolist() == [0.0, 2.0]
    raw = torch.ones(2)
    wrapped = tf.from_torch(raw)
    assert tf.as_torch(wrapped) is raw
    with pytest.raises(TypeError):
        tf.from_torch(np.ones(2))


def test_pickle_roundtrip():
    import pickle

    restored = pickle.loads(pickle.dumps(M2))
    assert repr(restored) == repr(M2)


@pytest.mark.parametrize("key", [0, slice(0, 1), (None, 0)])
def test_indexing_a_scalar_is_tfs_scalar_slice_error(key):
    with pytest.raises(tf.errors.InvalidArgumentError, match="Attempting to slice scalar input."):
        tf.constant(1.0)[key]
    assert tf.constant(1.0)[None].shape == (1,) and tf.constant(1.0)[...].shape == ()
