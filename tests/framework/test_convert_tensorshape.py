"""A ``TensorShape`` as an op input: TF's conversion (int32 vector, TF's errors when partial)."""

import numpy as np
import pytest

import torchkeras


def _cases(tf):
    shape = tf.zeros((2, 3, 5)).shape
    return [
        lambda: tf.reduce_prod(shape),
        lambda: tf.convert_to_tensor(shape),
        lambda: tf.constant(shape),
        lambda: tf.reduce_sum(tf.TensorShape([2, 4])),
        lambda: tf.cast(shape, tf.float32),
        lambda: tf.convert_to_tensor(tf.TensorShape([2, None])),
        lambda: tf.reduce_prod(tf.TensorShape([2, None])),
        lambda: tf.convert_to_tensor(tf.TensorShape(None)),
        lambda: tf.convert_to_tensor(shape, dtype=tf.int64),
        lambda: tf.convert_to_tensor(shape, dtype=tf.float32),
        lambda: tf.convert_to_tensor(tf.TensorShape([])),
        lambda: tf.add(shape, 1),
        lambda: tf.convert_to_tensor(tf.TensorShape([2**40])),
        lambda: tf.convert_to_tensor(tf.TensorShape([2**31]), dtype=tf.int32),
        lambda: tf.constant(shape, dtype=tf.float32),
        lambda: tf.convert_to_tensor(shape, dtype_hint=tf.float32),
        lambda: tf.convert_to_tensor(shape, dtype_hint=tf.int64),
        lambda: tf.constant(tf.TensorShape([2, None])),
        lambda: tf.stack([shape, shape]),
    ]


def _outcome(case):
    try:
        value = case()
    except (TypeError, ValueError) as error:
        return type(error).__name__, str(error)
    return value.dtype.name, np.asarray(value).tolist()


EXPECTED = [  # real TF 2.21's answers
    ("int32", 30),
    ("int32", [2, 3, 5]),
    ("int32", [2, 3, 5]),
    ("int32", 6),
    ("float32", [2.0, 3.0, 5.0]),
    ("ValueError", "Cannot convert a partially known TensorShape (2, None) to a Tensor."),
    ("ValueError", "Cannot convert a partially known TensorShape (2, None) to a Tensor."),
    ("ValueError", "Cannot convert a partially known TensorShape <unknown> to a Tensor."),
    ("int64", [2, 3, 5]),
    (
        "TypeError",
        "Cannot convert TensorShape (2, 3, 5) to dtype <dtype: 'float32'>. "
        "Allowed dtypes are tf.int32 and tf.int64.",
    ),
    ("int32", []),
    ("int32", [3, 4, 6]),
    ("int64", [2**40]),
    (
        "ValueError",
        "Cannot convert TensorShape (2147483648,) to dtype int32; a dimension is too "
        "large. Consider using tf.int64.",
    ),
    ("float32", [2.0, 3.0, 5.0]),
    ("int32", [2, 3, 5]),
    ("int64", [2, 3, 5]),
    ("ValueError", "Can't convert Python sequence with mixed types to Tensor."),
    ("int32", [[2, 3, 5], [2, 3, 5]]),
]


def test_tensorshape_inputs():
    assert [_outcome(case) for case in _cases(torchkeras)] == EXPECTED


def test_tensorshape_inputs_match_tf():
    tf_real = pytest.importorskip("tensorflow")
    assert [_outcome(case) for case in _cases(tf_real)] == [
        _outcome(case) for case in _cases(torchkeras)
    ]
