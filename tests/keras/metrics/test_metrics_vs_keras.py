"""Differential test: every metric (two batches, with and without sample_weight) against real
Keras 3."""

import re

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
keras_real = tf_real.keras

from torchkeras.keras import metrics  # noqa: E402

rng = np.random.default_rng(2)
N, C = 8, 4


def batch():
    probs = rng.dirichlet(np.ones(C), size=N).astype("float32")
    return {
        "probs": probs,
        "logits": rng.normal(size=(N, C)).astype("float32"),
        "one_hot": np.eye(C, dtype="float32")[rng.integers(0, C, size=N)],
        "sparse": rng.integers(0, C, size=(N,)).astype("int32"),
        "sparse_col": rng.integers(0, C, size=(N, 1)).astype("int32"),
        "bin_true": rng.integers(0, 2, size=(N, 1)).astype("float32"),
        "bin_prob": rng.uniform(0, 1, size=(N, 1)).astype("float32"),
        "multi_true": rng.integers(0, 2, size=(N, C)).astype("float32"),
        "multi_prob": rng.uniform(0, 1, size=(N, C)).astype("float32"),
        "reg_true": rng.normal(size=(N, C)).astype("float32"),
        "reg_pred": rng.normal(size=(N, C)).astype("float32"),
        "pos_true": rng.uniform(0.1, 3, size=(N, C)).astype("float32"),
        "pos_pred": rng.uniform(0.1, 3, size=(N, C)).astype("float32"),
        "weights": rng.uniform(0, 2, size=(N,)).astype("float32"),
        "class_true": rng.integers(0, 3, size=(N,)).astype("int32"),
        "class_pred": rng.integers(0, 3, size=(N,)).astype("int32"),
    }


BATCHES = [batch(), batch()]

CASES = [
    ("Accuracy", {}, "class_true", "class_pred"),
    ("BinaryAccuracy", {}, "bin_true", "bin_prob"),
    ("BinaryAccuracy", {"threshold": 0.3}, "multi_true", "multi_prob"),
    ("CategoricalAccuracy", {}, "one_hot", "probs"),
    ("SparseCategoricalAccuracy", {}, "sparse", "probs"),
    ("SparseCategoricalAccuracy", {}, "sparse_col", "probs"),
    ("TopKCategoricalAccuracy", {"k": 2}, "one_hot", "probs"),
    ("SparseTopKCategoricalAccuracy", {"k": 2}, "sparse", "probs"),
    ("SparseTopKCategoricalAccuracy", {}, "sparse_col", "logits"),
    ("AUC", {}, "bin_true", "bin_prob"),
    ("AUC", {"curve": "PR"}, "bin_true", "bin_prob"),
    (
        "AUC",
        {"curve": "PR", "summation_method": "majoring", "num_thresholds": 50},
        "multi_true",
        "multi_prob",
    ),
    (
        "AUC",
        {"summation_method": "minoring", "thresholds": [0.1, 0.35, 0.5, 0.8]},
        "multi_true",
        "multi_prob",
    ),
    ("AUC", {"multi_label": True, "num_labels": C}, "multi_true", "multi_prob"),
    (
        "AUC",
        {"multi_label": True, "label_weights": [1.0, 2.0, 0.5, 0.0]},
        "multi_true",
        "multi_prob",
    ),
    ("AUC", {"from_logits": True}, "multi_true", "logits"),
    ("Precision", {}, "bin_true", "bin_prob"),
    ("Precision", {"thresholds": [0.2, 0.5, 0.7]}, "multi_true", "multi_prob"),
    ("Precision", {"top_k": 2}, "multi_true", "multi_prob"),
    ("Precision", {"class_id": 1}, "multi_true", "multi_prob"),
    ("Recall", {}, "bin_true", "bin_prob"),
    ("Recall", {"thresholds": [0.3, 0.6], "class_id": 2}, "multi_true", "multi_prob"),
    ("Recall", {"top_k": 1}, "multi_true", "multi_prob"),
    ("TruePositives", {}, "bin_true", "bin_prob"),
    ("FalsePositives", {"thresholds": [0.25, 0.5]}, "multi_true", "multi_prob"),
    ("TrueNegatives", {}, "multi_true", "multi_prob"),
    ("FalseNegatives", {"thresholds": [0.0, 0.5, 1.0]}, "multi_true", "multi_prob"),
    ("PrecisionAtRecall", {"recall": 0.5}, "multi_true", "multi_prob"),
    ("RecallAtPrecision", {"precision": 0.6, "num_thresholds": 30}, "multi_true", "multi_prob"),
    ("SensitivityAtSpecificity", {"specificity": 0.5}, "bin_true", "bin_prob"),
    ("SpecificityAtSensitivity", {"sensitivity": 0.5, "class_id": 0}, "multi_true", "multi_prob"),
    ("MeanSquaredError", {}, "reg_true", "reg_pred"),
    ("RootMeanSquaredError", {}, "reg_true", "reg_pred"),
    ("MeanAbsoluteError", {}, "reg_true", "reg_pred"),
    ("MeanAbsolutePercentageError", {}, "reg_true", "reg_pred"),
    ("MeanSquaredLogarithmicError", {}, "pos_true", "pos_pred"),
    ("CosineSimilarity", {}, "reg_true", "reg_pred"),
    ("LogCoshError", {}, "reg_true", "reg_pred"),
    ("BinaryCrossentropy", {}, "bin_true", "bin_prob"),
    ("BinaryCrossentropy", {"from_logits": True, "label_smoothing": 0.1}, "multi_true", "logits"),
    ("CategoricalCrossentropy", {}, "one_hot", "probs"),
    ("SparseCategoricalCrossentropy", {}, "sparse", "probs"),
    ("SparseCategoricalCrossentropy", {"from_logits": True}, "sparse_col", "logits"),
    ("KLDivergence", {}, "one_hot", "probs"),
    ("Poisson", {}, "pos_true", "pos_pred"),
    ("Hinge", {}, "bin_true", "bin_prob"),
    ("SquaredHinge", {}, "multi_true", "reg_pred"),
    ("CategoricalHinge", {}, "one_hot", "probs"),
    ("MeanIoU", {"num_classes": 3}, "class_true", "class_pred"),
    (
        "MeanIoU",
        {"num_classes": 4, "sparse_y_true": False, "sparse_y_pred": False, "ignore_class": 0},
        "one_hot",
        "probs",
    ),
    ("F1Score", {}, "one_hot", "probs"),
    ("F1Score", {"average": "macro", "threshold": 0.3}, "multi_true", "multi_prob"),
    ("F1Score", {"average": "micro"}, "multi_true", "multi_prob"),
    ("F1Score", {"average": "weighted", "threshold": 0.5}, "multi_true", "multi_prob"),
    ("FBetaScore", {"beta": 2.0, "average": "macro"}, "multi_true", "multi_prob"),
]


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize(
    "name,kwargs,true_key,pred_key", CASES, ids=["%s-%s-%s" % (c[0], c[1], c[2]) for c in CASES]
)
def test_metric_matches_keras(name, kwargs, true_key, pred_key, weighted):
    if weighted and name == "MeanIoU":
        kwargs = dict(kwargs, dtype="float32")
    theirs = getattr(keras_real.metrics, name)(**kwargs)
    ours = getattr(metrics, name)(**kwargs)
    assert re.sub(r"_\d+$", "", ours.name) == re.sub(r"_\d+$", "", theirs.name)
    for b in BATCHES:
        sample_weight = b["weights"] if weighted else None
        theirs.update_state(b[true_key], b[pred_key], sample_weight=sample_weight)
        ours.update_state(b[true_key], b[pred_key], sample_weight=sample_weight)
        expected = np.asarray(theirs.result())
        got = ours.result()
        assert got.dtype.name == "float32" or name == "MeanIoU"
        np.testing.assert_allclose(got.numpy(), expected, rtol=1e-5, atol=1e-6)
    ours.reset_state()
    theirs.reset_state()
    ours.update_state(BATCHES[0][true_key], BATCHES[0][pred_key])
    theirs.update_state(BATCHES[0][true_key], BATCHES[0][pred_key])
    np.testing.assert_allclose(
        ours.result().numpy(), np.asarray(theirs.result()), rtol=1e-5, atol=1e-6
    )
    assert len(ours.variables) == len(theirs.variables)


@pytest.mark.parametrize("name,kwargs", [(c[0], c[1]) for c in CASES])
def test_config_matches_keras(name, kwargs):
    theirs = getattr(keras_real.metrics, name)(name="m", **kwargs)
    ours = getattr(metrics, name)(name="m", **kwargs)
    expected = theirs.get_config()
    got = ours.get_config()
    if expected.get("label_weights") is not None:
        expected["label_weights"] = np.asarray(expected["label_weights"]).tolist()
    assert got == expected


def test_mean_and_sum_match_keras():
    values = np.arange(12, dtype="float32").reshape(3, 4)
    weights = np.array([1.0, 0.0, 2.0], dtype="float32")
    for name in ("Mean", "Sum"):
        theirs, ours = getattr(keras_real.metrics, name)(), getattr(metrics, name)()
        theirs.update_state(values, sample_weight=weights)
        ours.update_state(values, sample_weight=weights)
        theirs.update_state(values[0])
        ours.update_state(values[0])
        np.testing.assert_allclose(ours.result().numpy(), np.asarray(theirs.result()), rtol=1e-6)


@pytest.mark.parametrize(
    "identifier,y_true_shape,y_pred_shape",
    [
        ("accuracy", (32, 1), (32, 1)),
        ("acc", (32,), (32, 10)),
        ("Accuracy", (32, 1), (32, 10)),
        ("accuracy", (32, 10), (32, 10)),
        ("mse", (32, 1), (32, 1)),
        ("binary_accuracy", (32, 1), (32, 1)),
        ("AUC", (32, 1), (32, 1)),
    ],
)
def test_compile_resolution_matches_keras(identifier, y_true_shape, y_pred_shape):
    from keras.src.trainers.compile_utils import get_metric

    theirs = get_metric(identifier, np.zeros(y_true_shape), np.zeros(y_pred_shape))
    ours = metrics.get_metric(identifier, y_true_shape, y_pred_shape)
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.name == theirs.name


def test_metric_functions_match_keras():
    b = BATCHES[0]
    pairs = [
        ("binary_accuracy", "bin_true", "bin_prob"),
        ("categorical_accuracy", "one_hot", "probs"),
        ("sparse_categorical_accuracy", "sparse", "probs"),
        ("top_k_categorical_accuracy", "one_hot", "probs"),
        ("sparse_top_k_categorical_accuracy", "sparse", "probs"),
        ("mse", "reg_true", "reg_pred"),
        ("kld", "one_hot", "probs"),
    ]
    for name, t, p in pairs:
        np.testing.assert_allclose(
            getattr(metrics, name)(b[t], b[p]).numpy(),
            getattr(keras_real.metrics, name)(b[t], b[p]).numpy(),
            rtol=1e-6,
        )
