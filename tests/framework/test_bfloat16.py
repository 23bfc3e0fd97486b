"""bfloat16 on the NumPy side: ``ml_dtypes.bfloat16`` arrays out of ``.numpy()`` /
``np.asarray`` / ``Variable.numpy()``, into ``tf.constant`` / ``tf.convert_to_tensor``,
and TF's printing of bfloat16 tensors (NumPy's text of the ml_dtypes array)."""

import pickle

import ml_dtypes
import numpy as np
import pytest

import torchkeras as tf

BF16 = np.dtype(ml_dtypes.bfloat16)


def test_numpy_returns_ml_dtypes_bfloat16():
    t = tf.constant([1.5, 2.25, 3.3], tf.bfloat16)
    array = t.numpy()
    assert array.dtype == BF16 and array.flags.writeable
    np.testing.assert_array_equal(array.astype(np.float32), [1.5, 2.25, 3.296875])
    assert np.asarray(t).dtype == BF16
    assert np.asarray(t, dtype=np.float32).dtype == np.float32
    assert type(tf.constant(1.5, tf.bfloat16).numpy()) is ml_dtypes.bfloat16


def test_variable_numpy_is_bfloat16():
    v = tf.Variable([1.0, 2.0], dtype=tf.bfloat16)
    assert v.numpy().dtype == BF16 and np.asarray(v).dtype == BF16
    v.assign(np.array([4, 5], ml_dtypes.bfloat16))
    np.testing.assert_array_equal(v.numpy().astype(np.float32), [4, 5])


def test_ml_dtypes_arrays_convert_to_bfloat16_tensors():
    array = np.array([1, 2.5, 3.3], ml_dtypes.bfloat16)
    for tensor in (tf.constant(array), tf.convert_to_tensor(array), tf.constant(array[::2])):
        assert tensor.dtype == tf.bfloat16
    np.testing.assert_array_equal(tf.constant(array).numpy(), array)
    as_float = tf.constant(array, tf.float32)
    assert as_float.dtype == tf.float32
    np.testing.assert_array_equal(as_float.numpy(), [1, 2.5, 3.296875])
    assert tf.constant(ml_dtypes.bfloat16(2.5)).dtype == tf.bfloat16
    assert (tf.constant([1, 2], tf.bfloat16) * array[:2]).dtype == tf.bfloat16


def test_bfloat16_dtype_maps_to_ml_dtypes():
    assert tf.as_dtype(ml_dtypes.bfloat16) is tf.bfloat16
    assert tf.as_dtype(BF16) is tf.bfloat16
    assert tf.bfloat16.as_numpy_dtype is ml_dtypes.bfloat16
    assert tf.bfloat16.is_numpy_compatible
    assert tf.bfloat16 == ml_dtypes.bfloat16 and tf.bfloat16 != np.float32
    assert type(tf.bfloat16.max) is ml_dtypes.bfloat16
    assert float(tf.bfloat16.max) == pytest.approx(3.38953e38, rel=1e-5)


def test_bfloat16_tensor_pickles():
    t = tf.constant([[1, 2], [3, 4.5]], tf.bfloat16)
    back = pickle.loads(pickle.dumps(t))
    assert back.dtype == tf.bfloat16
    np.testing.assert_array_equal(back.numpy(), t.numpy())


@pytest.mark.parametrize(
    "value, text, rep",
    [
        (
            3.3,
            "tf.Tensor(3.29688, shape=(), dtype=bfloat16)",
            "<tf.Tensor: shape=(), dtype=bfloat16, numpy=3.296875>",
        ),
        (
            300.7,
            "tf.Tensor(300, shape=(), dtype=bfloat16)",
            "<tf.Tensor: shape=(), dtype=bfloat16, numpy=300.0>",
        ),
        (
            [[1e-5, 1e10], [3.3, 4]],
            "tf.Tensor(\n[[1.00136e-05 9.99922e+09]\n [3.29688 4]], shape=(2, 2), dtype=bfloat16)",
            "<tf.Tensor: shape=(2, 2), dtype=bfloat16, numpy=\narray([[1.00136e-05, 9.99922e+09],\n"
            "       [3.29688, 4]], dtype=dtype(bfloat16))>",
        ),
    ],
)
def test_bfloat16_printing(value, text, rep):
    t = tf.constant(value, tf.bfloat16)
    assert str(t) == text
    assert repr(t) == rep


def _bfloat16_cases(tf_module):
    """Texts of bfloat16 printing and NumPy conversions, the same code for either module."""
    array = np.array([1, 2.5, 3.3], ml_dtypes.bfloat16)
    matrix = tf_module.constant([[1e-5, 1e10], [3.3, 4]], tf_module.bfloat16)
    bf16 = tf_module.bfloat16
    texts = [
        repr(tf_module.constant(v, bf16)) + str(tf_module.constant(v, bf16))
        for v in (3.3, 1e-5, 1e10, 300.7, float("nan"), 12345678.0)
    ]
    # -0.0 made by an op: TF's eager scalar-constant cache returns a cached 0.0 for
    # tf.constant(-0.0) once 0.0 was made (its key treats them as equal); ours keeps the sign
    negative_zero = -tf_module.constant(0.0, bf16)
    texts.append(repr(negative_zero) + str(negative_zero))
    texts += [
        repr(matrix),
        str(matrix),
        repr(tf_module.constant(np.arange(2000, dtype=np.float32), tf_module.bfloat16)),
        repr(tf_module.constant(np.linspace(0, 1, 7, dtype=np.float32), tf_module.bfloat16)),
        repr(tf_module.zeros([0, 2], tf_module.bfloat16)),
        repr(tf_module.Variable([1.1, 2.0], dtype=tf_module.bfloat16)),
        repr(tf_module.constant(array)),
        repr(tf_module.convert_to_tensor(array)),
        repr(tf_module.constant(array, dtype=tf_module.float32)),
        repr(tf_module.constant(array[1:], dtype=tf_module.float64)),
        repr(tf_module.constant(ml_dtypes.bfloat16(2.5))),
        repr(tf_module.convert_to_tensor(np.array([1.3, 2]), dtype_hint=tf_module.bfloat16)),
        repr(tf_module.constant([1.3, 2], dtype=ml_dtypes.bfloat16)),
        repr(tf_module.constant([1, 2], bf16) * np.array([2, 3], ml_dtypes.bfloat16)),
        repr(tf_module.cast(tf_module.constant([1.7, float("nan"), float("inf")]), bf16)),
        repr(tf_module.cast(array, tf_module.float32)),
        repr(tf_module.reduce_sum(matrix)),
        repr(tf_module.stack([array, array])),
        repr(tf_module.as_dtype(ml_dtypes.bfloat16)),
        repr(tf_module.bfloat16.as_numpy_dtype),
        repr(tf_module.bfloat16.min),
        repr(tf_module.bfloat16.max),
        repr(type(tf_module.float32.min)),
        repr(tf_module.bfloat16.is_numpy_compatible),
    ]
    numpys = [
        matrix.numpy(),
        np.asarray(matrix),
        tf_module.Variable(array).numpy(),
        tf_module.constant(2.5, tf_module.bfloat16).numpy(),
    ]
    texts += [repr(a) + str(a.dtype) + type(a).__name__ for a in numpys]
    texts.append(repr(float(tf_module.constant(3.3, tf_module.bfloat16))))
    return texts


def test_bfloat16_matches_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    assert _bfloat16_cases(tf) == _bfloat16_cases(tf_real)
