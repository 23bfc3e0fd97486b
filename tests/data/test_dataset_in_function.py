"""Datasets iterated inside a traced ``tf.function``: each call sees new elements (the trace
runs eagerly, with one warning), never the elements the trace happened to see."""

import pytest

import torchkeras as tf


def test_next_of_an_outer_iterator_advances_on_every_call():
    iterator = iter(tf.data.Dataset.range(5))

    @tf.function
    def double_next():
        return next(iterator) * 2

    with pytest.warns(RuntimeWarning, match="tf.data.Dataset"):
        values = [int(double_next()) for _ in range(3)]
    assert values == [0, 2, 4]


def test_a_loop_over_a_dataset_argument_follows_the_dataset():
    @tf.function
    def total(dataset):
        result = tf.constant(0, tf.int64)
        for element in dataset:
            result += element
        return result

    dataset = tf.data.Dataset.range(5)
    with pytest.warns(RuntimeWarning, match="tf.data.Dataset"):
        assert int(total(dataset)) == 10
        assert int(total(dataset.take(2))) == 1
        assert int(total(dataset)) == 10
