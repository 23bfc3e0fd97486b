"""Metrics fed bad inputs raise TF's errors (class and message start, as Keras 3 with the
TensorFlow backend raises them) and leave their state as it was."""

import numpy as np
import pytest

from torchkeras import keras
import torchkeras as tf

InvalidArgumentError = tf.errors.InvalidArgumentError
UnimplementedError = tf.errors.UnimplementedError

GOOD = (
    np.array([[0.0, 1.0], [1.0, 0.0]], np.float32),
    np.array([[0.2, 0.8], [0.6, 0.4]], np.float32),
)


def _fails(metric, args, kwargs, error, message):
    """``metric.update_state(*args, **kwargs)`` raises ``error`` with ``message`` (a start) and
    leaves ``metric.result()`` unchanged."""
    before = np.asarray(metric.result())
    with pytest.raises(error) as raised:
        metric.update_state(*args, **kwargs)
    assert str(raised.value).startswith(message) or message in str(raised.value)
    np.testing.assert_allclose(np.asarray(metric.result()), before)


CONFUSION = [
    keras.metrics.TruePositives,
    keras.metrics.FalseNegatives,
    keras.metrics.Precision,
    keras.metrics.Recall,
    keras.metrics.AUC,
    lambda: keras.metrics.PrecisionAtRecall(0.5),
    lambda: keras.metrics.SpecificityAtSensitivity(0.5),
]


@pytest.mark.parametrize("make", CONFUSION)
def test_confusion_metrics_cast_strings_and_none(make):
    metric = make()
    metric.update_state(*GOOD)
    cast = "Cast string to float is not supported [Op:Cast]"
    _fails(metric, (np.array(["a", "b"]), np.ones(2)), {}, UnimplementedError, cast)
    _fails(metric, (np.ones(2), "b"), {}, UnimplementedError, cast)
    _fails(metric, GOOD, {"sample_weight": "a"}, UnimplementedError, cast)
    _fails(metric, (None, np.ones(2)), {}, ValueError, "Attempt to convert a value (None)")


@pytest.mark.parametrize("make", CONFUSION)
def test_confusion_metrics_sample_weight_broadcast_error(make):
    metric = make()
    metric.update_state(*GOOD)
    text = "Incompatible shapes: [3,1] vs. [2,2] [Op:BroadcastTo]"
    _fails(metric, GOOD, {"sample_weight": np.ones(3)}, InvalidArgumentError, text)


def test_threshold_counts_mismatched_shapes_fail_in_logical_and():
    metric = keras.metrics.TruePositives(thresholds=[0.2, 0.5])
    metric.update_state(*GOOD)
    text = "Incompatible shapes: [2,4] vs. [2,6] [Op:LogicalAnd] name:"
    _fails(metric, (np.ones((2, 2)), np.ones((2, 3))), {}, InvalidArgumentError, text)


def test_evenly_spaced_thresholds_mismatched_shapes():
    auc = keras.metrics.AUC()
    auc.update_state(*GOOD)
    text = "Argument `segment_ids` and `data` should have same leading dimension. Got (6,)"
    _fails(auc, (np.ones((2, 2)), np.ones((3, 2))), {}, ValueError, text)
    text = "Incompatible shapes: [4] vs. [6] [Op:Mul] name:"
    weights = {"sample_weight": np.ones(2)}
    _fails(auc, (np.ones((2, 2)), np.ones((2, 3))), weights, InvalidArgumentError, text)


def test_confusion_metrics_still_count_after_a_failed_update():
    metric = keras.metrics.Precision()
    metric.update_state(*GOOD)
    with pytest.raises(UnimplementedError):
        metric.update_state("a", "b")
    metric.update_state(*GOOD)
    assert float(metric.result()) == pytest.approx(1.0)
