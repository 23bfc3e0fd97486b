"""Accuracy metrics: ``Accuracy``, ``BinaryAccuracy``, ``CategoricalAccuracy``,
``SparseCategoricalAccuracy``, ``TopKCategoricalAccuracy``,
``SparseTopKCategoricalAccuracy`` and their functions (float32 0/1 per sample)."""

from __future__ import annotations

import functools

import numpy as np
import torch

from ...framework.tensor import wrap
from ..losses.loss import squeeze_or_expand_to_same_rank, storage
from . import accuracy_ops
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


class _NotFastError(Exception):
    """Inputs the storage path does not take (strings, dtypes TF refuses)."""


_FAST_FAILURES = (_NotFastError, RuntimeError, TypeError, AttributeError, IndexError, ValueError)


def _keras_path(reference):
    """Runs the decorated storage implementation; where it does not apply or fails, Keras' own
    steps in ``keras.ops`` (``reference``): TF's errors, or Keras' value, at no cost to the
    success path."""

    def decorate(fast):
        @functools.wraps(fast)
        def run(*args, **kwargs):
            try:
                return fast(*args, **kwargs)
            except _FAST_FAILURES:
                return reference(*args, **kwargs)

        return run

    return decorate


def _storages(y_true, y_pred):
    """Numeric storages of ``y_true`` (on ``y_pred``'s device) and ``y_pred``."""
    p = storage(y_pred)
    t = storage(y_true)
    if isinstance(p, np.ndarray) or isinstance(t, np.ndarray):
        raise _NotFastError
    if t.device != p.device:
        t = t.to(p.device)
    return t, p


def _matches(t, p):
    return (t == p).to(torch.float32)


@_keras_path(accuracy_ops.accuracy)
def accuracy(y_true, y_pred):
    """1.0 where ``y_true == y_pred`` (after matching ranks), else 0.0."""
    t, p = _storages(y_true, y_pred)
    t, p = squeeze_or_expand_to_same_rank(t.to(p.dtype), p)
    return wrap(_matches(t, p))


@keras_export("keras.metrics.binary_accuracy")
@_keras_path(accuracy_ops.binary_accuracy)
def binary_accuracy(y_true, y_pred, threshold=0.5):
    """1.0 where ``(y_pred > threshold) == y_true``, else 0.0."""
    t, p = squeeze_or_expand_to_same_rank(*_storages(y_true, y_pred))
    return wrap(_matches(t, (p > threshold).to(t.dtype)))


@keras_export("keras.metrics.categorical_accuracy")
@_keras_path(accuracy_ops.categorical_accuracy)
def categorical_accuracy(y_true, y_pred):
    """1.0 where ``argmax(y_true) == argmax(y_pred)`` on the last axis, else 0.0."""
    t, p = _storages(y_true, y_pred)
    t = t.argmax(-1).to(p.dtype)
    shape = t.shape
    reshape = t.ndim == p.ndim
    if reshape:
        t = t.squeeze(-1)
    matches = _matches(t, p.argmax(-1).to(t.dtype))
    return wrap(matches.reshape(shape) if reshape else matches)


@keras_export("keras.metrics.sparse_categorical_accuracy")
@_keras_path(accuracy_ops.sparse_categorical_accuracy)
def sparse_categorical_accuracy(y_true, y_pred):
    """1.0 where the integer label equals ``argmax(y_pred)``, else 0.0."""
    t, p = _storages(y_true, y_pred)
    t = t.to(p.dtype)
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


def _flat(t, p):
    """Keras' top-k flattening: ``p`` to 2-D, ``t`` to 1-D (``_NotFastError`` where TF's
    ``in_top_k`` checks would fail)."""
    if p.ndim > 2:
        p = p.reshape(-1, p.shape[-1])
    if t.ndim > 1:
        t = t.reshape(-1)
    if p.ndim != 2 or t.ndim != 1 or t.shape[0] != p.shape[0]:
        raise _NotFastError
    return t, p


def _top_k(t, p, k):
    if p.dtype != torch.float32:  # TF's InTopKV2 takes float32 scores only
        raise _NotFastError
    shape = t.shape
    return _in_top_k(*_flat(t, p), k).to(torch.float32).reshape(shape)


@keras_export("keras.metrics.top_k_categorical_accuracy")
@_keras_path(accuracy_ops.top_k_categorical_accuracy)
def top_k_categorical_accuracy(y_true, y_pred, k=5):
    """1.0 where the one-hot target's class is among the ``k`` highest scores."""
    t, p = _storages(y_true, y_pred)
    return wrap(_top_k(t.to(p.dtype).argmax(-1), p, k))


@keras_export("keras.metrics.sparse_top_k_categorical_accuracy")
@_keras_path(accuracy_ops.sparse_top_k_categorical_accuracy)
def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5, from_sorted_ids=False):
    """1.0 where the integer target is among the ``k`` highest scores (or, with
    ``from_sorted_ids``, among the first ``k`` ids of ``y_pred``)."""
    t, p = _storages(y_true, y_pred)
    if not from_sorted_ids:
        return wrap(_top_k(t.to(torch.int32), p, k))
    shape = t.shape
    t, p = _flat(t.to(p.dtype), p)
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
