"""tf.constant / tf.convert_to_tensor: TF's dtype inference and conversion rules."""

import numpy as np
import pytest
import torch

import torchkeras as tf


@pytest.mark.parametrize(
    "value, dtype",
    [
        (3.0, tf.float32),
        (5, tf.int32),
        (2**40, tf.int64),
        (2**31, tf.int64),
        (True, tf.bool),
        ([1, 2.5], tf.float32),
        (np.array([1.0, 2.0]), tf.float64),
        (np.array([1, 2]), tf.int64),
        (np.float32(1), tf.float32),
        (np.float64(1.5), tf.float64),
        ([1, 2**40], tf.int64),
        ([], tf.float32),
        (1 + 2j, tf.complex128),
        ("x", tf.string),
        (b"x", tf.string),
        (np.array([1, 2], dtype=np.uint8), tf.uint8),
        ([[True], [False]], tf.bool),
        (torch.ones(2, dtype=torch.float64), tf.float64),
    ],
)
def test_inference(value, dtype):
    assert tf.constant(value).dtype is dtype


def test_explicit_dtype():
    assert (
        repr(tf.constant(5, dtype=tf.float32)) == "<tf.Tensor: shape=(), dtype=float32, numpy=5.0>"
    )
    assert tf.constant(1.5, dtype="float64").dtype is tf.float64
    assert tf.constant(np.array([1.5]), dtype=tf.float32).dtype is tf.float32
    assert tf.constant(np.array([1.5]), dtype=tf.int32).numpy().tolist() == [1]
    for value, dtype in ((2.7, tf.int32), ([1.5, 2.5], tf.int32), (3, tf.bool)):
        with pytest.raises(
            TypeError, match="Cannot convert .* to EagerTensor of dtype " + dtype.name
        ):
            tf.constant(value, dtype=dtype)


def test_bad_values():
    with pytest.raises(
        ValueError, match="Can't convert Python sequence with out-of-range integer to Tensor."
    ):
        tf.constant(2**63)
    with pytest.raises(
        ValueError, match="Can't convert non-rectangular Python sequence to Tensor."
    ):
        tf.constant([[1], [2, 3]])
    with pytest.raises(
        ValueError, match="Attempt to convert a value \\(None\\) with an unsupported type"
    ):
        tf.constant(None)
    with pytest.raises(
        ValueError, match="Can't convert Python sequence with mixed types to Tensor."
    ):
        tf.constant([1, "a"])


def test_shape_argument():
    assert tf.constant(1.0, shape=[2, 2]).numpy().tolist() == [[1.0, 1.0], [1.0, 1.0]]
    assert tf.constant([1.0, 2.0, 3.0, 4.0], shape=[2, 2]).numpy().tolist() == [
        [1.0, 2.0],
        [3.0, 4.0],
    ]
    with pytest.raises(TypeError, match="Eager execution of tf.constant with unsupported shape"):
        tf.constant([1.0, 2.0], shape=[2, 3])


def test_convert_to_tensor():
    assert tf.convert_to_tensor(np.array([1.5])).dtype is tf.float64
    x = tf.constant([1, 2])
    assert tf.convert_to_tensor(x) is x
    assert tf.convert_to_tensor([1, 2], dtype_hint=tf.float32).dtype is tf.float32
    assert tf.convert_to_tensor(1.5, dtype_hint=tf.int32).dtype is tf.float32
    with pytest.raises(
        ValueError, match="Tensor conversion requested dtype float32 for Tensor with dtype int32"
    ):
        tf.convert_to_tensor(x, dtype=tf.float32)
    with pytest.raises(
        TypeError, match="Expected tensor \\[1 2\\] with dtype tf.float32, but got dtype tf.int32."
    ):
        tf.constant(x, dtype=tf.float32)


def test_constant_copies_but_convert_shares_torch_storage():
    source = np.ones(2, dtype=np.float32)
    tensor = tf.constant(source)
    source[0] = 5.0
    assert tensor.numpy().tolist() == [1.0, 1.0]
    raw = torch.ones(2)
    assert tf.as_torch(tf.convert_to_tensor(raw)).data_ptr() == raw.data_ptr()
    assert tf.as_torch(tf.constant(raw)).data_ptr() != raw.data_ptr()


def test_list_of_tensors_is_packed():
    packed = tf.convert_to_tensor([tf.constant(1.0), 2.0])
    assert packed.dtype is tf.float32 and packed.numpy().tolist() == [1.0, 2.0]


def test_variable_reads_are_snapshots():
    v = tf.Variable([[1.0, 2.0]])
    converted, reshaped, transposed = tf.convert_to_tensor(v), tf.reshape(v, [-1]), tf.transpose(v)
    v.assign([[5.0, 6.0]])
    for tensor in (converted, reshaped, transposed):
        assert tensor.numpy().ravel().tolist() == [1.0, 2.0]


def test_numpy_layouts_convert_with_a_copy():
    big_endian = np.array([1.0, 2.0], dtype=">f4")
    assert tf.constant(big_endian).dtype is tf.float32 and tf.constant(
        big_endian
    ).numpy().tolist() == [1.0, 2.0]
    frozen = np.ones(3)
    frozen.flags.writeable = False
    assert tf.constant(frozen).dtype is tf.float64
    strided = np.arange(6, dtype=np.float32)[::2]
    assert tf.constant(strided).numpy().tolist() == [0.0, 2.0, 4.0]
    source = np.ones(2)
    cast = tf.constant(source, dtype=tf.float32)
    source[0] = 5.0
    assert cast.numpy().tolist() == [1.0, 1.0]


def test_string_scalars_keep_trailing_nul_bytes():
    assert tf.constant(b"ab\x00").numpy() == b"ab\x00"
    assert tf.constant("x\x00").numpy() == b"x\x00"
    assert tf.constant([b"a\x00", b"b"]).numpy().tolist() == [b"a\x00", b"b"]


@pytest.mark.parametrize(
    "value, dtype, expected",
    [
        ([2.5, np.int64(2)], "float32", [2.5, 2.0]),
        ([np.int64(2), 3], "int32", [2, 3]),
        ([np.uint8(3), 2], "int32", [3, 2]),
        ([np.int64(2**40)], "int64", [2**40]),
        ([1, np.float32(2.5)], "float32", [1.0, 2.5]),
        ([np.float64(1.5), 2.5], "float64", [1.5, 2.5]),
    ],
)
def test_numpy_scalars_in_lists(value, dtype, expected):
    """NumPy integer scalars in a list count as Python ints (TF's inference), so a float
    beside one is never truncated."""
    result = tf.constant(value)
    assert result.dtype.name == dtype
    assert result.numpy().tolist() == expected


@pytest.mark.parametrize("size", [8, 300_000])  # NumPy's copy up to 1 MiB, torch's above
def test_numpy_inputs_are_copied_not_aliased(size):
    """Every conversion path of a NumPy array copies it, as TF's do: a later write to the array
    changes no tensor and no gradient (the matmul keeps its input for the backward pass)."""
    array = np.ones((size, 1), np.float32)
    frozen = np.ones((2, 2), np.float32)
    frozen.flags.writeable = False
    weight = tf.Variable([[2.0]])
    with tf.GradientTape() as tape:
        product = tf.matmul(array, weight)
        total = tf.reduce_sum(product)
    constant, converted = tf.constant(array), tf.convert_to_tensor(array)
    difference = tf.ones([size, 1]) - array
    array[:] = 7.0
    assert float(tf.reduce_max(constant)) == float(tf.reduce_max(converted)) == 1.0
    assert float(tf.reduce_max(difference)) == 0.0 and float(tf.reduce_max(product)) == 2.0
    assert float(tape.gradient(total, weight)[0, 0]) == size
    assert float(tf.reduce_sum(tf.constant(frozen) + frozen)) == 8.0


def test_numpy_fast_paths_keep_dtypes_numpy_cannot_name():
    """bfloat16 (no NumPy dtype of its own here) still casts: NumPy reads ``dtype == None`` as
    float64, which must not pass for "same dtype"."""
    assert tf.constant(np.arange(3.0), tf.bfloat16).dtype is tf.bfloat16
    tensor = tf.constant([1.0, 2.0, 3.0], tf.bfloat16)
    assert (tensor + np.ones(3, np.float32)).dtype is tf.bfloat16
    assert (tensor + np.ones(3)).dtype is tf.bfloat16
    assert (tf.constant([1.0, 2.0]) + np.ones(2, np.float32)).dtype is tf.float32


@pytest.mark.parametrize("size", [6, 300_000])
def test_reversed_and_read_only_arrays_convert(size):
    """NumPy views torch cannot view (negative strides, read-only) convert through a copy on
    every path: constants, op inputs, operator operands, casts."""
    reversed_ = np.arange(float(size))[::-1]
    frozen = np.arange(float(size))
    frozen.flags.writeable = False
    for array in (reversed_, frozen):
        expected = np.asarray(array)[:2].tolist()
        assert tf.constant(array).numpy()[:2].tolist() == expected
        assert tf.constant(array, tf.float32).numpy()[:2].tolist() == expected
        assert tf.reduce_sum(array).numpy() == array.sum()
        assert (tf.constant(0.0) + array).numpy()[:2].tolist() == expected
        assert (tf.constant(0.0, tf.float64) + array).numpy()[:2].tolist() == expected


def test_numeric_arrays_to_strings():
    """As TF: an empty numeric NumPy array converts to an empty string tensor; one with
    elements raises TF's conversion error naming the element type."""
    empty = tf.convert_to_tensor(np.zeros((0, 3), np.float32), dtype=tf.string)
    assert empty.dtype is tf.string and empty.shape == (0, 3)
    with pytest.raises(ValueError, match=r"Unsupported object type float\)"):
        tf.convert_to_tensor(np.zeros((2,), np.float32), dtype=tf.string)
    with pytest.raises(ValueError, match=r"Unsupported object type int\)"):
        tf.constant(np.zeros((1,), np.int32), dtype=tf.string)
