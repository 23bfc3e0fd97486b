"""tf.complex: result dtypes, broadcasting, TF's errors and gradients (against TF when present)."""

import numpy as np
import pytest

import torchkeras as tf

CASES = [
    lambda m: m.complex(1.0, 2.0),
    lambda m: m.complex([1.0, 2.0], 3.0),
    lambda m: m.complex(m.constant([[1.0], [2.0]]), m.constant([1.0, 2.0, 3.0])),
    lambda m: m.complex(m.constant([1.0], m.float64), m.constant([2.0], m.float64)),
    lambda m: m.complex(1, 2),
    lambda m: m.complex(m.constant(1.0), m.constant(1.0, m.float64)),
    lambda m: m.complex(m.constant([1.0, 2.0]), m.constant([1.0, 2.0, 3.0])),
    lambda m: m.complex("a", "b"),
    lambda m: m.complex(m.constant(1.0, m.float16), m.constant(1.0, m.float16)),
]


def _outcome(module, case):
    try:
        result = case(module)
    except Exception as error:  # noqa: BLE001 - the outcome compared is the error
        return type(error).__name__, str(error)
    return repr(result)


def test_values_and_dtypes():
    z = tf.complex([1.0, 2.0], 3.0)
    assert z.dtype is tf.complex64
    np.testing.assert_allclose(z.numpy(), [1 + 3j, 2 + 3j])
    assert tf.complex(tf.constant(1.0, tf.float64), np.float64(2.0)).dtype is tf.complex128


def test_errors():
    with pytest.raises(TypeError, match="incorrect types: int32 int32. They must be consistent"):
        tf.complex(1, 2)
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"shapes: \[2\] vs. \[3\]"):
        tf.complex(tf.constant([1.0, 2.0]), tf.constant([1.0, 2.0, 3.0]))


def test_gradient():
    x, y = tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0])
    with tf.GradientTape() as tape:
        tape.watch([x, y])
        loss = tf.reduce_sum(tf.abs(tf.complex(x, y)) ** 2)
    gx, gy = tape.gradient(loss, [x, y])
    np.testing.assert_allclose(gx.numpy(), [2.0, 4.0], rtol=1e-6)
    np.testing.assert_allclose(gy.numpy(), [6.0, 8.0], rtol=1e-6)


@pytest.mark.parametrize("index", range(len(CASES)))
def test_matches_tensorflow(index):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, CASES[index]) == _outcome(tf_real, CASES[index])
