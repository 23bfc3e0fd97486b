"""How ``compile(metrics=...)`` turns identifiers into metric objects (Keras' ``compile_utils``).

``"accuracy"``/``"acc"`` (any case) becomes ``BinaryAccuracy`` when the model
output has one unit, ``SparseCategoricalAccuracy`` when targets are integer
labels (lower rank than the output, or a trailing dim of 1 against several
classes), else ``CategoricalAccuracy`` -- named as the identifier was written.
"""

from __future__ import annotations

from ..losses.compile_resolution import get_object_name

__all__ = ["is_binary_or_sparse_categorical", "resolve_accuracy", "get_metric", "get_object_name"]


def is_binary_or_sparse_categorical(y_true_shape, y_pred_shape):
    """``(is_binary, is_sparse_categorical)`` from the target and output shapes (Keras' rule)."""
    y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
    t_last = y_true_shape[-1] if y_true_shape else None
    p_last = y_pred_shape[-1] if y_pred_shape else None
    is_binary = p_last == 1
    is_sparse = len(y_true_shape) < len(y_pred_shape) or (
        t_last == 1 and p_last is not None and p_last > 1
    )
    return is_binary, is_sparse


def resolve_accuracy(identifier, y_true_shape, y_pred_shape):
    """The accuracy metric Keras picks for ``identifier`` (``'accuracy'``/``'acc'``), named
    ``identifier``."""
    from .accuracy_metrics import BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy

    is_binary, is_sparse = is_binary_or_sparse_categorical(y_true_shape, y_pred_shape)
    cls = (
        BinaryAccuracy
        if is_binary
        else SparseCategoricalAccuracy
        if is_sparse
        else CategoricalAccuracy
    )
    return cls(name=str(identifier))


def get_metric(identifier, y_true_shape, y_pred_shape):
    """The ``Metric`` ``compile`` makes of ``identifier`` for one output, named as Keras names it
    (a string identifier keeps its spelling: ``metrics=['acc']`` logs ``'acc'``)."""
    from . import Metric, MeanMetricWrapper, get

    if identifier is None:
        raise ValueError("Expected metric, received `None`")
    if str(identifier).lower() in ("accuracy", "acc"):
        metric = resolve_accuracy(identifier, y_true_shape, y_pred_shape)
    else:
        metric = get(identifier)
    name = identifier if isinstance(identifier, str) else get_object_name(metric)
    if not isinstance(metric, Metric):
        metric = MeanMetricWrapper(metric)
    metric.name = name
    return metric
