"""Accuracy metrics: ``Accuracy``, ``BinaryAccuracy``, ``CategoricalAccuracy``,
``SparseCategoricalAccuracy``, ``TopKCategoricalAccuracy``,
``SparseTopKCategoricalAccuracy`` and their functions (float32 0/1 per sample)."""

from __future__ import annotations

import torch

from ...framework.tensor import wrap
from ..losses.loss import pair, squeeze_or_expand_to_same_rank, storage
from .reduction_metrics import MeanMetricWrapper
from ...api_export import keras_export

__all__ = [
    "accuracy",
    "binary_accuracy",
    "categorical_accuracy",
    "sparse_categorical_accuracy",
    "top_k_categorical_accuracy",
    "sparse_top_k_categorical_accuracy",
    "Accuracy",
    "BinaryAccuracy",
    "CategoricalAccuracy",
    "SparseCategoricalAccuracy",
    "TopKCategoricalAccuracy",
    "SparseTopKCategoricalAccuracy",
    "FUNCTIONS",
]


def _matches(t, p):
    return (t == p).to(torch.float32)


def accuracy(y_true, y_pred):
    """1.0 where ``y_true == y_pred`` (after matching ranks), else 0.0."""
    t, p = squeeze_or_expand_to_same_rank(*pair(y_true, y_pred))
    return wrap(_matches(t, p))


@keras_export("keras.metrics.binary_accuracy")
def binary_accuracy(y_true, y_pred, threshold=0.5):
    """1.0 where ``(y_pred > threshold) == y_true``, else 0.0."""
    p = storage(y_pred)
    t = storage(y_true)
    if t.device != p.device:
        t = t.to(p.device)
    t, p = squeeze_or_expand_to_same_rank(t, p)
    return wrap(_matches(t, (p > threshold).to(t.dtype)))


@keras_export("keras.metrics.categorical_accuracy")
def categorical_accuracy(y_true, y_pred):
    """1.0 where ``argmax(y_true) == argmax(y_pred)`` on the last axis, else 0.0."""
    p = storage(y_pred)
    t = storage(y_true).argmax(-1).to(device=p.device, dtype=p.dtype)
    shape = t.shape
    reshape = t.ndim == p.ndim
    if reshape:
        t = t.squeeze(-1)
    matches = _matches(t, p.argmax(-1).to(t.dtype))
    return wrap(matches.reshape(shape) if reshape else matches)


@keras_export("keras.metrics.sparse_categorical_accuracy")
def sparse_categorical_accuracy(y_true, y_pred):
    """1.0 where the integer label equals ``argmax(y_pred)``, else 0.0."""
    t, p = pair(y_true, y_pred)
    shape = t.shape
    reshape = t.ndim == p.ndim and t.shape[-1] == 1
    if reshape:
        t = t.squeeze(-1)
    matches = _matches(t, p.argmax(-1).to(t.dtype))
    if reshape:
        matches = matches.reshape(shape)
    if matches.ndim > 1 and matches.shape[-1] == 1:
        matches = matches.squeeze(-1)
    return wrap(matches)


def _in_top_k(targets, predictions, k):
    """TF's ``in_top_k``: ties at the k-th value count as in; non-finite scores never do."""
    target_scores = predictions.gather(-1, targets.long().unsqueeze(-1))
    higher = (predictions > target_scores).sum(-1)
    return (higher < k) & torch.isfinite(target_scores.squeeze(-1))


def _top_k(t, p, k):
    shape = t.shape
    if p.ndim > 2:
        p = p.reshape(-1, p.shape[-1])
    if t.ndim > 1:
        t = t.reshape(-1)
    return _in_top_k(t, p, k).to(torch.float32).reshape(shape)


@keras_export("keras.metrics.top_k_categorical_accuracy")
def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """1.0 where the one-hot target's class is among the ``k`` highest scores."""
    t, p = pair(y_true, y_pred)
    return wrap(_top_k(t.argmax(-1), p, k))


@keras_export("keras.metrics.sparse_top_k_categorical_accuracy")
def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5, from_sorted_ids=False):
    """1.0 where the integer target is among the ``k`` highest scores (or, with
    ``from_sorted_ids``, among the first ``k`` ids of ``y_pred``)."""
    p = storage(y_pred)
    t = storage(y_true).to(p.device)
    if not from_sorted_ids:
        return wrap(_top_k(t.to(torch.int32), p, k))
    t = t.to(p.dtype)
    shape = t.shape
    if p.ndim > 2:
        p = p.reshape(-1, p.shape[-1])
    if t.ndim > 1:
        t = t.reshape(-1)
    return wrap((t.unsqueeze(1) == p[:, :k]).any(1).to(torch.float32).reshape(shape))


FUNCTIONS = (
    accuracy,
    binary_accuracy,
    categorical_accuracy,
    sparse_categorical_accuracy,
    top_k_categorical_accuracy,
    sparse_top_k_categorical_accuracy,
)


@keras_export("keras.metrics.Accuracy")
class Accuracy(MeanMetricWrapper):
    """How often predictions equal labels (name ``'accuracy'``)."""

    _direction = "up"

    def __init__(self, name="accuracy", dtype=None):
        super().__init__(fn=accuracy, name=name, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'dtype': ...}``."""
        return {"name": self.name, "dtype": self.dtype}


@keras_export("keras.metrics.BinaryAccuracy")
class BinaryAccuracy(MeanMetricWrapper):
    """How often ``y_pred > threshold`` matches binary labels (name ``'binary_accuracy'``)."""

    _direction = "up"

    def __init__(self, name="binary_accuracy", dtype=None, threshold=0.5):
        super().__init__(fn=binary_accuracy, name=name, dtype=dtype, threshold=threshold)
        self.threshold = threshold

    def get_config(self):
        """Name, dtype and ``threshold``."""
        return {"name": self.name, "dtype": self.dtype, "threshold": self.threshold}


@keras_export("keras.metrics.CategoricalAccuracy")
class CategoricalAccuracy(MeanMetricWrapper):
    """How often the top prediction matches a one-hot label (name ``'categorical_accuracy'``)."""

    _direction = "up"

    def __init__(self, name="categorical_accuracy", dtype=None):
        super().__init__(fn=categorical_accuracy, name=name, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'dtype': ...}``."""
        return {"name": self.name, "dtype": self.dtype}


@keras_export("keras.metrics.SparseCategoricalAccuracy")
class SparseCategoricalAccuracy(MeanMetricWrapper):
    """How often the top prediction matches an integer label (name
    ``'sparse_categorical_accuracy'``)."""

    _direction = "up"

    def __init__(self, name="sparse_categorical_accuracy", dtype=None):
        super().__init__(fn=sparse_categorical_accuracy, name=name, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'dtype': ...}``."""
        return {"name": self.name, "dtype": self.dtype}


@keras_export("keras.metrics.TopKCategoricalAccuracy")
class TopKCategoricalAccuracy(MeanMetricWrapper):
    """How often a one-hot label is among the top ``k`` predictions (name
    ``'top_k_categorical_accuracy'``)."""

    _direction = "up"

    def __init__(self, k=5, name="top_k_categorical_accuracy", dtype=None):
        super().__init__(fn=top_k_categorical_accuracy, name=name, dtype=dtype, k=k)
        self.k = k

    def get_config(self):
        """Name, dtype and ``k``."""
        return {"name": self.name, "dtype": self.dtype, "k": self.k}


@keras_export("keras.metrics.SparseTopKCategoricalAccuracy")
class SparseTopKCategoricalAccuracy(MeanMetricWrapper):
    """How often an integer label is among the top ``k`` predictions
    (name ``'sparse_top_k_categorical_accuracy'``)."""

    _direction = "up"

    def __init__(
        self, k=5, name="sparse_top_k_categorical_accuracy", dtype=None, from_sorted_ids=False
    ):
        super().__init__(
            fn=sparse_top_k_categorical_accuracy,
            name=name,
            dtype=dtype,
            k=k,
            from_sorted_ids=from_sorted_ids,
        )
        self.k = k
        self.from_sorted_ids = from_sorted_ids

    def get_config(self):
        """Name, dtype, ``k`` (and ``from_sorted_ids`` when set)."""
        config = {"name": self.name, "dtype": self.dtype, "k": self.k}
        if self.from_sorted_ids:
            config["from_sorted_ids"] = True
        return config
