"""``keras.ops`` given a string array: the first step of Keras' TF backend decides
(``torchkeras/keras/ops/_strings.py``).  Each case checks TF's class and message start, and
runs on real TF too where it is installed."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

STRINGS = np.array(["a", "b"])
NUMBERS = np.ones((2,), np.float32)

ERRORS = [
    ("bincount", (STRINGS,), "UnimplementedError", "Cast string to int32 is not supported"),
    ("nanmean", (STRINGS,), "UnimplementedError", "Cast string to float is not supported"),
    ("nansum", (STRINGS,), "UnimplementedError", "Cast string to float is not supported"),
    ("where", (STRINGS,), "UnimplementedError", "Cast string to bool is not supported"),
    ("one_hot", (STRINGS, 3), "UnimplementedError", "Cast string to int64 is not supported"),
    ("silu", (STRINGS,), "UnimplementedError", "Cast float to string is not supported"),
    ("swish", (STRINGS,), "UnimplementedError", "Cast float to string is not supported"),
    ("squareplus", (STRINGS,), "TypeError", "Cannot convert 4 to EagerTensor of dtype string"),
    ("tril", (STRINGS,), "NotFoundError", "Could not find device for node: {{node MatrixBandPart"),
    ("triu", (STRINGS,), "NotFoundError", "Could not find device for node: {{node MatrixBandPart"),
    ("cholesky", (STRINGS,), "ValueError", "Expected input to have rank >= 2."),
    ("svd", (STRINGS,), "ValueError", "Expected input to have rank >= 2."),
    ("eig", (STRINGS,), "ValueError", "not enough values to unpack (expected 2, got 1)"),
    ("eigh", (STRINGS,), "ValueError", "not enough values to unpack (expected 2, got 1)"),
    ("dtype", (STRINGS,), "ValueError", "Invalid dtype: str32"),
    ("rms_normalization", (STRINGS,), "ValueError", "Invalid dtype: str32"),
    ("trace", (STRINGS,), "ValueError", "axis 1 is out of bounds for an array with dimension 1"),
    ("rot90", (STRINGS,), "ValueError", "Input array must have at least 2 dimensions."),
    ("soft_shrink", (STRINGS,), "UFuncTypeError", "ufunc 'greater' did not contain a loop"),
    ("sparse_plus", (STRINGS,), "UFuncTypeError", "ufunc 'less_equal' did not contain a loop"),
    ("cross", (STRINGS, NUMBERS), "ValueError", "dtype='string' is not a valid dtype for Keras"),
    ("kron", (STRINGS, NUMBERS), "ValueError", "dtype='string' is not a valid dtype for Keras"),
    ("reshape", (STRINGS, NUMBERS), "InvalidArgumentError", "Value for attr 'Tshape' of float"),
    ("take", (STRINGS, NUMBERS), "InvalidArgumentError", "Value for attr 'Tindices' of float"),
    ("zeros", (STRINGS,), "ValueError", "invalid literal for int() with base 10: np.str_('a')"),
    ("binary_crossentropy", (STRINGS, NUMBERS), "InvalidArgumentError", "Value for attr 'T' of"),
    ("binary_crossentropy", (NUMBERS, STRINGS), "TypeError", "Cannot convert 0.9999999 to"),
    ("cast", (STRINGS, NUMBERS), "TypeError", "unhashable type: 'numpy.ndarray'"),
    ("saturate_cast", (STRINGS, NUMBERS), "TypeError", "unhashable type: 'numpy.ndarray'"),
    ("saturate_cast", (STRINGS, "int32"), "ValueError", "Invalid dtype: str32"),
    ("in_top_k", (STRINGS, NUMBERS, NUMBERS), "ValueError", "invalid literal for int() with"),
    ("ones", (STRINGS,), "ValueError", "invalid literal for int() with base 10: np.str_('a')"),
]


def _raised(module, name, args):
    with pytest.raises(Exception) as info:
        getattr(module.ops, name)(*args)
    return type(info.value).__name__, str(info.value)


@pytest.mark.parametrize("name,args,cls,message", ERRORS, ids=[str(i) for i in range(len(ERRORS))])
def test_string_input_error(name, args, cls, message):
    """TF's class and message for the op's first step on strings."""
    raised, text = _raised(keras, name, args)
    assert raised == cls
    assert message in text


@pytest.mark.parametrize("name,args,cls,message", ERRORS, ids=[str(i) for i in range(len(ERRORS))])
def test_string_input_error_matches_tf(name, args, cls, message):
    """Real TF raises the same class and message start."""
    pytest.importorskip("tensorflow")
    import keras as real_keras

    raised, text = _raised(real_keras, name, args)
    assert raised == cls
    assert message in text


def _texts(value):
    return [v.decode() for v in np.asarray(value).reshape(-1)]


def test_layout_ops_work_on_strings():
    """Layout ops run on the strings' positions and pick the strings, as TF's string kernels."""
    assert np.asarray(keras.ops.dstack(STRINGS)).shape == (1, 1, 2)
    assert _texts(keras.ops.dstack(STRINGS)) == ["a", "b"]
    parts = keras.ops.unstack(STRINGS)
    assert [p.dtype for p in parts] == [tf.string, tf.string]
    assert [_texts(p) for p in parts] == [["a"], ["b"]]
    assert _texts(keras.ops.repeat(STRINGS, 2)) == ["a", "a", "b", "b"]
    assert _texts(keras.ops.take_along_axis(STRINGS, NUMBERS)) == ["b", "b"]
    grid = np.array([["a", "b"], ["c", "d"]])
    assert _texts(keras.ops.rot90(grid)) == ["b", "d", "a", "c"]
    assert keras.ops.swapaxes(grid, 0, 1).dtype == tf.string
    assert _texts(keras.ops.swapaxes(grid, 0, 1)) == ["a", "c", "b", "d"]


def test_string_tensor_dtype():
    """A string tensor's Keras dtype is ``"string"`` (a NumPy string array's is refused)."""
    assert keras.ops.dtype(tf.constant(["a"])) == "string"


def test_numeric_strings_as_a_shape():
    """``tf.zeros`` reads a NumPy string array as ``TensorShape`` does: ``int()`` of each."""
    assert tf.zeros(np.array(["1", "2"])).shape == (1, 2)
    with pytest.raises(ValueError, match=r"invalid literal for int\(\) with base 10: b'a'"):
        tf.ones(np.array([b"a"]))


def test_in_top_k_numeric_string_targets():
    """NumPy string targets are read by NumPy's ``int()`` (TF's fast path)."""
    found = tf.math.in_top_k(np.array(["0", "1"]), np.ones((2, 2), np.float32), 1)
    assert np.asarray(found).tolist() == [True, True]
