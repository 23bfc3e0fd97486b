"""keras.ops reductions refuse a float inside an axis tuple with TF's Tidx error (compared
with Keras on TensorFlow when it is importable)."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.framework.errors import InvalidArgumentError

CASES = [
    ("mean", (1.5,), "Mean"),
    ("sum", (0, 1.5), "Sum"),
]


@pytest.mark.parametrize("name, axis, op", CASES)
def test_float_in_axis_tuple_is_tidx_error(name, axis, op):
    with pytest.raises(InvalidArgumentError) as info:
        getattr(keras.ops, name)(np.ones((2, 2)), axis=axis)
    text = str(info.value)
    assert text.startswith("Value for attr 'Tidx' of float is not in the list of allowed")
    assert text.endswith("[Op:%s]" % op)


@pytest.mark.parametrize("name, axis, op", CASES)
def test_matches_keras_on_tensorflow(name, axis, op):
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    with pytest.raises(Exception) as real:
        getattr(real_keras.ops, name)(np.ones((2, 2)), axis=axis)
    with pytest.raises(Exception) as ours:
        getattr(keras.ops, name)(np.ones((2, 2)), axis=axis)
    assert type(ours.value).__name__ == type(real.value).__name__
    assert str(ours.value) == str(real.value)
