"""Metrics fed bad inputs raise TF's errors (class and message start, as Keras 3 with the
TensorFlow backend raises them) and leave their state as it was."""

import re

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


@pytest.mark.parametrize(
    "make, y_pred, message",
    [
        (
            keras.metrics.Accuracy,
            np.ones((2, 3)),
            "Incompatible shapes: [2,2] vs. [2,3] [Op:Equal]",
        ),
        (keras.metrics.BinaryAccuracy, np.ones((3, 2)), "Incompatible shapes: [2,2] vs. [3,2]"),
        (keras.metrics.CategoricalAccuracy, np.ones((3, 2)), "Incompatible shapes: [2] vs. [3]"),
    ],
)
def test_accuracies_mismatched_shapes_fail_in_equal(make, y_pred, message):
    metric = make()
    metric.update_state(*GOOD)
    _fails(metric, (np.ones((2, 2)), y_pred), {}, InvalidArgumentError, message)


def test_sparse_categorical_accuracy_empty_batch_fails_as_in_keras():
    metric = keras.metrics.SparseCategoricalAccuracy()
    text = "Incompatible shapes: [0,2] vs. [0] [Op:Equal]"
    _fails(metric, (np.zeros((0, 2)), np.zeros((0, 2))), {}, InvalidArgumentError, text)


@pytest.mark.parametrize(
    "make, y_true",
    [
        (keras.metrics.TopKCategoricalAccuracy, np.array([[0.0, 1.0]], np.float32)),
        (keras.metrics.SparseTopKCategoricalAccuracy, np.array([1])),
    ],
)
def test_top_k_accuracies_take_float32_scores_only(make, y_true):
    metric = make()
    metric.update_state(y_true, np.array([[0.2, 0.8]], np.float32))
    text = "cannot compute InTopKV2 as input #0(zero-based) was expected to be a float tensor but"
    _fails(metric, (y_true, np.array([[0.2, 0.8]])), {}, InvalidArgumentError, text)
    assert float(metric.result()) == 1.0


def test_sparse_top_k_targets_must_match_the_batch():
    metric = keras.metrics.SparseTopKCategoricalAccuracy()
    text = "First dimension of predictions 2 must match length of targets 4"
    _fails(metric, GOOD, {}, InvalidArgumentError, text)


@pytest.mark.parametrize(
    "make, good",
    [
        (keras.metrics.Mean, ([1.0, 2.0],)),
        (keras.metrics.Sum, ([1.0, 2.0],)),
        (keras.metrics.MeanSquaredError, GOOD),
        (keras.metrics.BinaryAccuracy, GOOD),
        (keras.metrics.RootMeanSquaredError, GOOD),
    ],
)
def test_sample_weight_that_does_not_broadcast(make, good):
    metric = make()
    metric.update_state(*good)
    text = "Incompatible shapes: [3] vs. [2] [Op:BroadcastTo]"
    _fails(metric, good, {"sample_weight": np.ones(3)}, InvalidArgumentError, text)


@pytest.mark.parametrize("make", [keras.metrics.Mean, keras.metrics.Sum])
def test_reduction_metrics_cast_their_values(make):
    metric = make()
    metric.update_state([1.0, 2.0])
    _fails(metric, ("a",), {}, UnimplementedError, "Cast string to float is not supported")


def test_root_mean_squared_error_mismatched_shapes_fail_in_sub():
    metric = keras.metrics.RootMeanSquaredError()
    metric.update_state(*GOOD)
    text = "Incompatible shapes: [2,3] vs. [2,2] [Op:Sub] name:"
    _fails(metric, (np.ones((2, 2)), np.ones((2, 3))), {}, InvalidArgumentError, text)


def test_accuracy_functions_keep_their_names_and_values():
    assert keras.metrics.binary_accuracy.__name__ == "binary_accuracy"
    value = keras.metrics.sparse_top_k_categorical_accuracy(np.array([1, 0]), GOOD[1], k=1)
    np.testing.assert_allclose(np.asarray(value), [1.0, 1.0])
    value = keras.metrics.categorical_accuracy(*GOOD)
    np.testing.assert_allclose(np.asarray(value), [1.0, 1.0])


@pytest.mark.parametrize(
    "args, error, message",
    [
        ((np.array(["a", "b"]), np.ones(2)), ValueError, "could not convert string to float"),
        ((None, np.ones(2)), ValueError, "Attempt to convert a value (None)"),
        (("a", "b"), TypeError, "Cannot convert 'a' to EagerTensor of dtype float"),
        (
            (np.zeros((0, 2)), np.zeros((0, 2))),
            InvalidArgumentError,
            "Cannot compute the max of an empty tensor.",
        ),
    ],
)
def test_f_scores_convert_before_building(args, error, message):
    for make in (keras.metrics.F1Score, keras.metrics.FBetaScore):
        with pytest.raises(error, match=re.escape(message)):
            make().update_state(*args)


@pytest.mark.parametrize("make", [keras.metrics.F1Score, keras.metrics.FBetaScore])
def test_f_scores_mismatched_shapes_fail_in_mul_before_counting(make):
    metric = make()
    metric.update_state(*GOOD)
    text = "Incompatible shapes: [3,2] vs. [2,2] [Op:Mul] name:"
    _fails(metric, (np.ones((2, 2)), np.ones((3, 2))), {}, InvalidArgumentError, text)
    text = "Incompatible shapes: [2,2] vs. [3,1] [Op:Mul] name:"
    _fails(metric, GOOD, {"sample_weight": np.ones(3)}, InvalidArgumentError, text)


def test_mean_iou_errors_and_return_value():
    metric = keras.metrics.MeanIoU(num_classes=2)
    matrix = metric.update_state(np.array([[0, 1]]), np.array([[1, 0]]))
    assert matrix.dtype == tf.int64
    np.testing.assert_array_equal(np.asarray(matrix), [[0, 1], [1, 0]])
    cast = "Cast string to int64 is not supported [Op:Cast]"
    _fails(metric, ("a", "b"), {}, UnimplementedError, cast)
    _fails(metric, GOOD, {"sample_weight": "a"}, UnimplementedError, cast)
    text = "Incompatible shapes: [4] vs. [6] [Op:LogicalAnd] name:"
    _fails(metric, (np.ones((2, 2)), np.ones((3, 2))), {}, InvalidArgumentError, text)
    text = "Incompatible shapes: [3] vs. [4] [Op:BroadcastTo]"
    weights = {"sample_weight": np.ones(3, np.int64)}
    _fails(metric, (np.ones((2, 2)), np.ones((2, 2))), weights, InvalidArgumentError, text)
    np.testing.assert_array_equal(np.asarray(matrix), [[0, 1], [1, 0]])  # a snapshot


DIFFERENTIAL = [
    ("TruePositives", "thresholds=[0.2, 0.5]", "np.ones((2, 2)), np.ones((2, 3))"),
    ("Recall", "", "np.ones((2, 2)), np.ones((2, 2)), sample_weight=np.ones((2, 3))"),
    ("AUC", "", "np.ones((2, 2)), np.ones((2, 3)), sample_weight=np.ones(2)"),
    ("AUC", "", "np.ones((3,)), 'b'"),
    ("Accuracy", "", "np.ones((2, 2)), np.ones((2, 3))"),
    ("SparseTopKCategoricalAccuracy", "k=1", "np.array([1, 0, 1]), np.ones((2, 3), np.float32)"),
    ("TopKCategoricalAccuracy", "", "np.eye(2), np.eye(2)"),
    ("Mean", "", "np.ones((2, 3)), sample_weight=np.ones((3,))"),
    ("RootMeanSquaredError", "", "np.ones((2,)), np.ones((3,))"),
    ("FBetaScore", "beta=2.", "np.ones((2, 2)), np.ones((2, 2)), sample_weight=np.ones(3)"),
    ("MeanIoU", "num_classes=3", "np.ones((2,)), np.ones((3,))"),
    ("MeanIoU", "num_classes=3", "np.ones((4,)), np.ones((4,)), sample_weight=np.ones(2, int)"),
]


def _outcome(keras_module, name, args, call):
    metric = eval("keras.metrics.%s(%s)" % (name, args), {"keras": keras_module})  # noqa: S307
    try:
        eval("m.update_state(%s)" % call, {"m": metric, "np": np})  # noqa: S307
    except Exception as error:  # noqa: BLE001 - the outcome compared
        text = re.sub(r"\{\{function_node [^}]*\}\}\s*", "", str(error))
        return type(error).__name__, text[:60]
    return None, np.asarray(metric.result()).tolist()


@pytest.mark.parametrize("name, args, call", DIFFERENTIAL)
def test_bad_updates_match_keras(name, args, call):
    tf_real = pytest.importorskip("tensorflow")
    ours = _outcome(keras, name, args, call)
    theirs = _outcome(tf_real.keras, name, args, call)
    assert ours[0] == theirs[0]
    if ours[0] is None:
        np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-5)
    else:
        assert ours[1] == theirs[1]
