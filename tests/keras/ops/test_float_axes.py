"""``axis`` arguments that are not ints (floats, NumPy scalars, text, tuples of floats) get
Keras' TF backend's answer: reductions read them as TF's int32 ``Tidx`` input, arg-reductions
as ``tf.math.argmax``/``argmin`` do, ``flip``/``squeeze``/``expand_dims``/``median`` as Keras'
``to_tuple_or_list``; checked against real TensorFlow where it is installed."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

X = np.ones((2, 3))

# (source, TF's result values or its exception class and message start)
CASES = [
    (
        "keras.ops.prod(X, axis=1.0)",
        (TypeError, "Cannot convert 1.0 to EagerTensor of dtype int32"),
    ),
    (
        "keras.ops.sum(X, axis=(1.0,))",
        (tf.errors.InvalidArgumentError, "Value for attr 'Tidx' of float"),
    ),
    (
        "keras.ops.max(X, axis=(0, 1.0))",
        (tf.errors.InvalidArgumentError, "Value for attr 'Tidx' of float"),
    ),
    (
        "keras.ops.any(X, axis='a')",
        (tf.errors.InvalidArgumentError, "Value for attr 'Tidx' of string"),
    ),
    ("keras.ops.mean(X, axis=np.float32(1.7))", [1.0, 1.0]),
    ("keras.ops.prod(X, axis=(True,))", [1.0, 1.0]),
    (
        "keras.ops.argmax(X, axis=np.int64(1))",
        (TypeError, "axis tensor dtypes int64 is not supported"),
    ),
    (
        "keras.ops.argmax(X, axis=1.0)",
        (TypeError, "axis must be int or Tensor with integer datatype"),
    ),
    (
        "keras.ops.argmin(X, axis=1.0)",
        (tf.errors.InvalidArgumentError, "Value for attr 'Tidx' of float"),
    ),
    ("keras.ops.argmin(X, axis=np.float32(1))", [0, 0]),
    ("keras.ops.cumsum(X, axis=np.float32(1))", [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]),
    (
        "keras.ops.cumsum(X, axis=(1.0,))",
        (tf.errors.InvalidArgumentError, "Value for attr 'Tidx' of float"),
    ),
    (
        "keras.ops.flip(X, axis=np.int64(1))",
        (ValueError, "`value` must be an integer, tuple or list."),
    ),
    (
        "keras.ops.expand_dims(X, axis=(1.0,))",
        (TypeError, "'float' object cannot be interpreted as"),
    ),
    (
        "keras.ops.squeeze(X, axis=(1.0,))",
        (TypeError, "list indices must be integers or slices, not"),
    ),
    ("keras.ops.median(X, axis=1.5)", (ValueError, "`value` must be an integer, tuple or list.")),
]


def _outcome(source, keras_module):
    try:
        return np.asarray(eval(source, {"keras": keras_module, "np": np, "X": X})).tolist()  # noqa: S307
    except Exception as error:  # noqa: BLE001 - the exception is the outcome compared
        return type(error).__name__, str(error)


@pytest.mark.parametrize("source,expected", CASES)
def test_axis_as_keras_tf_backend(source, expected):
    outcome = _outcome(source, keras)
    if isinstance(expected, list):
        assert outcome == expected
    else:
        assert outcome[0] == expected[0].__name__ and outcome[1].startswith(expected[1])


def test_same_as_tensorflow():
    real_keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    for source, _ in CASES:
        ours, theirs = _outcome(source, keras), _outcome(source, real_keras)
        if isinstance(theirs, tuple):
            assert ours[0] == theirs[0] and ours[1][:60] == theirs[1][:60], source
        else:
            assert ours == theirs, source
