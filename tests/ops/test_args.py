"""ops/_args.py: argument normalisation (axes, shapes, host ints) with TF's errors."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras.ops._args import (
    axis_arg,
    float_attr,
    int_attr,
    int_list,
    reduction_dims,
    shape_arg,
    storages_of,
)


def test_reduction_dims():
    a = torch.zeros(2, 3, 4)
    assert reduction_dims(-1, a, "Sum") == (2,)
    assert reduction_dims([0, -1], a, "Sum") == (0, 2)
    assert reduction_dims(tf.constant([1]), a, "Sum") == (1,)
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"reduction dimension \(3 for"):
        reduction_dims(3, a, "Sum")
    with pytest.raises(tf.errors.InvalidArgumentError, match="duplicate dimension: 0"):
        reduction_dims([0, -3], a, "Sum")
    with pytest.raises(TypeError, match="Cannot convert 1.5 to EagerTensor of dtype int32"):
        reduction_dims(1.5, a, "Sum")


def test_shapes_and_host_ints():
    assert shape_arg([2, 3], "Fill") == (2, 3)
    assert shape_arg(tf.constant([2, 3]), "Fill") == (2, 3)
    assert shape_arg(tf.TensorShape([4]), "Fill") == (4,)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Dimension -1 must be >= 0"):
        shape_arg([-1], "Fill")
    assert int_list(2, "Tile", "Tmultiples") == [2]
    with pytest.raises(tf.errors.InvalidArgumentError, match="Value for attr 'Tshape' of float"):
        int_list(tf.constant([1.5]), "Reshape", "Tshape")


def test_storages_of_takes_the_tensor_dtype():
    first, second = storages_of([tf.constant([1.0]), 2], "ConcatV2", "concat")
    assert second.dtype is torch.float32
    with pytest.raises(tf.errors.InvalidArgumentError, match="was expected to be a float tensor"):
        storages_of([tf.constant([1.0]), tf.constant([1.0], dtype=tf.float64)], "Pack", "stack")


def test_axis_arg():
    assert axis_arg(None) is None and axis_arg(1) == 1
    assert axis_arg([0, np.int64(2)]) == (0, 2)


def test_int_and_float_attrs_read_as_tf():
    """TF's ``execute.make_int`` / ``make_float``: None takes the attr's default; what int()
    refuses, text, and non-real values raise TF's TypeError."""
    assert int_attr(None, "channels", 0) == 0
    assert int_attr(np.int64(3), "channels") == 3 and int_attr(2.7, "channels") == 2
    for bad in ("3", [1, "a"], np.zeros((0, 3)), None):
        with pytest.raises(TypeError, match="^Expected int for argument 'channels' not "):
            int_attr(bad, "channels")
    assert float_attr(None, "alpha", 0.2) == 0.2
    assert float_attr(True, "alpha") == 1.0 and float_attr(np.float16(0.5), "alpha") == 0.5
    for bad in ("0.5", [0.5], np.array(0.5), None):
        with pytest.raises(TypeError, match="^Expected float for argument 'alpha' not "):
            float_attr(bad, "alpha")
