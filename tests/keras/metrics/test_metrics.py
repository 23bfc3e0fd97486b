"""Metrics without TensorFlow: the book's custom metric, built-ins by hand, lookup, resolution."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras import metrics


class RootMeanSquaredError(keras.metrics.Metric):
    """The book's custom metric (chapter 7)."""

    def __init__(self, name="rmse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.mse_sum = self.add_weight(name="mse_sum", initializer="zeros")
        self.total_samples = self.add_weight(
            name="total_samples", initializer="zeros", dtype="int32"
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = tf.one_hot(y_true, depth=tf.shape(y_pred)[1])
        mse = tf.reduce_sum(tf.square(y_true - y_pred))
        self.mse_sum.assign_add(mse)
        num_samples = tf.shape(y_pred)[0]
        self.total_samples.assign_add(num_samples)

    def result(self):
        return tf.sqrt(self.mse_sum / tf.cast(self.total_samples, tf.float32))

    def reset_state(self):
        self.mse_sum.assign(0.0)
        self.total_samples.assign(0)


def test_book_custom_metric():
    metric = RootMeanSquaredError()
    y_pred = tf.constant([[0.5, 0.5], [1.0, 0.0]])
    metric.update_state(tf.constant([0, 0]), y_pred)
    assert float(metric.result()) == pytest.approx(np.sqrt(0.5 / 2))
    assert len(metric.variables) == 2 and metric.name == "rmse"
    metric.reset_state()
    metric.update_state(tf.constant([1]), tf.constant([[0.0, 1.0]]))
    assert float(metric.result()) == 0.0


def test_mean_weighted_by_hand():
    mean = metrics.Mean()
    mean.update_state([1.0, 2.0, 3.0], sample_weight=[1.0, 0.0, 1.0])
    assert float(mean.result()) == pytest.approx(2.0)
    mean.reset_state()
    assert float(mean.result()) == 0.0


def test_default_names_match_keras_history_keys():
    assert metrics.BinaryAccuracy().name == "binary_accuracy"
    assert metrics.SparseCategoricalAccuracy().name == "sparse_categorical_accuracy"
    assert metrics.RootMeanSquaredError().name == "root_mean_squared_error"
    assert metrics.MeanIoU(num_classes=2).name.startswith("mean_io_u")


def test_binary_accuracy_threshold():
    acc = metrics.BinaryAccuracy(threshold=0.7)
    acc.update_state([[1], [1], [0]], [[0.8], [0.6], [0.1]])
    assert float(acc.result()) == pytest.approx(2 / 3)


def test_result_is_a_snapshot_tensor():
    total = metrics.Sum()
    total.update_state([1.0, 2.0])
    first = total.result()
    total.update_state([10.0])
    assert isinstance(first, tf.Tensor) and float(first) == 3.0 and float(total.result()) == 13.0


def test_auc_perfect_separation():
    auc = metrics.AUC()
    auc.update_state([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
    assert float(auc.result()) == pytest.approx(1.0, abs=1e-6)


def test_get_and_resolution():
    assert isinstance(metrics.get("binary_accuracy"), metrics.BinaryAccuracy)
    assert isinstance(metrics.get("mse"), metrics.MeanSquaredError)
    with pytest.raises(ValueError, match="Could not interpret metric identifier: nope"):
        metrics.get("nope")
    assert isinstance(metrics.resolve_accuracy("accuracy", (8, 1), (8, 1)), metrics.BinaryAccuracy)
    assert isinstance(
        metrics.resolve_accuracy("acc", (8,), (8, 3)), metrics.SparseCategoricalAccuracy
    )
    assert isinstance(
        metrics.resolve_accuracy("acc", (8, 1), (8, 3)), metrics.SparseCategoricalAccuracy
    )
    assert isinstance(metrics.resolve_accuracy("acc", (8, 3), (8, 3)), metrics.CategoricalAccuracy)
    wrapped = metrics.get_metric(lambda t, p: tf.abs(t - p), (8, 1), (8, 1))
    assert isinstance(wrapped, metrics.MeanMetricWrapper) and wrapped.name == "lambda"
    named = metrics.get_metric("acc", (8,), (8, 3))
    assert named.name == "acc"


def test_custom_function_metric():
    def total_error(y_true, y_pred):
        return tf.reduce_sum(tf.abs(y_true - y_pred), axis=-1)

    metric = metrics.MeanMetricWrapper(total_error)
    metric.update_state(np.ones((2, 2), "float32"), np.zeros((2, 2), "float32"))
    assert float(metric.result()) == 2.0


def test_state_is_not_tracked_by_a_tape():
    metric = metrics.Mean()
    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        metric.update_state(x * 2.0)
        loss = tf.reduce_sum(x)
    assert float(metric.result()) == 3.0
    np.testing.assert_allclose(tape.gradient(loss, x).numpy(), [1.0, 1.0])
