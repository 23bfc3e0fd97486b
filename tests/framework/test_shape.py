import pytest

import torchkeras as tf


def test_repr_and_str():
    assert repr(tf.TensorShape([2, 2])) == "TensorShape([2, 2])"
    assert str(tf.TensorShape([2, 2])) == "(2, 2)"
    assert str(tf.TensorShape([3])) == "(3,)"
    assert str(tf.TensorShape([])) == "()"
    assert repr(tf.TensorShape([])) == "TensorShape([])"
    assert repr(tf.TensorShape([None, 3])) == "TensorShape([None, 3])"
    assert str(tf.TensorShape([None, 3])) == "(None, 3)"
    assert repr(tf.TensorShape(None)) == "TensorShape(None)"
    assert str(tf.TensorShape(None)) == "<unknown>"


def test_equality_and_indexing():
    shape = tf.TensorShape([2, 3])
    assert shape == (2, 3) and shape == [2, 3] and not (shape != (2, 3))
    assert shape[0] == 2 and type(shape[0]) is int and shape[-1] == 3
    assert shape[1:] == tf.TensorShape([3])
    assert isinstance(shape[1:], tf.TensorShape)
    assert hash(shape) == hash(tf.TensorShape([2, 3]))
    with pytest.raises(IndexError):
        shape[5]


def test_queries():
    shape = tf.TensorShape([2, 3])
    assert shape.as_list() == [2, 3] and tuple(shape) == (2, 3)
    assert shape.rank == 2 and len(shape) == 2
    assert shape.num_elements() == 6
    assert tf.TensorShape([None, 3]).num_elements() is None
    assert tf.TensorShape(None).rank is None
    assert shape.is_fully_defined() and not tf.TensorShape([None, 3]).is_fully_defined()
    assert shape.is_compatible_with([None, 3]) and not shape.is_compatible_with([2, 4])
    assert shape + [4] == tf.TensorShape([2, 3, 4])
    assert shape.concatenate([4]) == [2, 3, 4]
    assert tf.TensorShape([None, 3]).merge_with([2, None]) == [2, 3]
    with pytest.raises(ValueError):
        tf.TensorShape(None).as_list()
    with pytest.raises(ValueError):
        shape.assert_is_compatible_with([4])


def test_dimension_validation():
    with pytest.raises(
        TypeError,
        match="Dimension value must be integer or None or have an __index__ method, got value "
        "'2.5'",
    ):
        tf.TensorShape([2.5])
    with pytest.raises(ValueError, match="Dimension -2 must be >= 0"):
        tf.TensorShape([-2])
    assert tf.TensorShape([tf.constant(3)]) == [3]
