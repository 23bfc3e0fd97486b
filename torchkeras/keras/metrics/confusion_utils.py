"""Confusion-matrix accumulation at thresholds (Keras' ``metrics_utils``), on torch storages.

``update_confusion_matrix(variables, y_true, y_pred, thresholds, ...)`` adds
the (weighted) true/false positive/negative counts at each threshold to the
storages in ``variables`` (keys ``'tp'``, ``'fp'``, ``'tn'``, ``'fn'``).  A
prediction is positive when ``y_pred > threshold``.  Evenly spaced thresholds
use Keras' bucketed algorithm (same results, linear cost).
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework.tensor import wrap
from ..losses.loss import check_broadcast, squeeze_or_expand_to_same_rank
from .metric import broadcast

__all__ = [
    "NEG_INF",
    "parse_init_thresholds",
    "is_evenly_distributed_thresholds",
    "update_confusion_matrix",
    "divide_no_nan",
]

NEG_INF = -1e10
EPSILON = 1e-7


def divide_no_nan(x, y):
    """``x / y``, 0 where ``y == 0``."""
    zero = y == 0
    return torch.where(zero, torch.zeros_like(x), x / torch.where(zero, torch.ones_like(y), y))


def parse_init_thresholds(thresholds, default_threshold=0.5):
    """A list of thresholds (``ValueError`` for values outside ``[0, 1]``)."""
    if thresholds is not None:
        values = list(thresholds) if isinstance(thresholds, (list, tuple)) else [thresholds]
        invalid = [t for t in values if t is None or t < 0 or t > 1]
        if invalid:
            raise ValueError("Threshold values must be in [0, 1]. Received: %s" % (invalid,))
    chosen = default_threshold if thresholds is None else thresholds
    return list(chosen) if isinstance(chosen, (list, tuple)) else [chosen]


def is_evenly_distributed_thresholds(thresholds):
    """True for 3+ thresholds equal to ``arange(n) / (n - 1)`` (within 1e-7)."""
    n = len(thresholds)
    if n < 3:
        return False
    return bool(np.allclose(thresholds, np.arange(n, dtype=np.float32) / (n - 1), atol=EPSILON))


def _filter_top_k(x, k):
    index = x.topk(k, dim=-1).indices
    mask = torch.zeros_like(x).scatter_(-1, index, 1.0)
    return x * mask + NEG_INF * (1 - mask)


def update_confusion_matrix(
    variables,
    y_true,
    y_pred,
    thresholds,
    top_k=None,
    class_id=None,
    sample_weight=None,
    multi_label=False,
    label_weights=None,
    thresholds_distributed_evenly=False,
):
    """Adds this batch's confusion counts at ``thresholds`` to the storages in ``variables``."""
    dtype = next(iter(variables.values())).dtype
    y_true = y_true.to(dtype)
    y_pred = y_pred.to(dtype)
    y_pred, y_true = squeeze_or_expand_to_same_rank(y_pred, y_true)
    if sample_weight is not None:
        sample_weight = sample_weight.to(dtype).unsqueeze(-1)
        _, sample_weight = squeeze_or_expand_to_same_rank(
            y_true, sample_weight, expand_rank_1=False
        )
    if top_k is not None:
        y_pred = _filter_top_k(y_pred, top_k)
    if class_id is not None:
        if y_pred.ndim == 1:
            raise ValueError(
                "When class_id is provided, y_pred must be a 2D array with shape (num_samples, "
                "num_classes), found shape: %s" % (tuple(y_pred.shape),)
            )
        y_true = y_true[..., class_id, None]
        y_pred = y_pred[..., class_id, None]
    if thresholds_distributed_evenly:
        with_epsilon = thresholds[0] < 0.0 or thresholds[-1] > 1.0
        counts = _bucketed_counts(
            y_true, y_pred, len(thresholds), sample_weight, label_weights, multi_label, with_epsilon
        )
    else:
        counts = _dense_counts(
            y_true,
            y_pred,
            _thresholds_storage(thresholds, y_pred.device, dtype),
            sample_weight,
            label_weights,
            multi_label,
            need_negatives="tn" in variables or "fn" in variables,
        )
    with torch.no_grad():
        for key, storage in variables.items():
            storage.add_(counts[key])


_THRESHOLDS = {}


def _thresholds_storage(thresholds, device, dtype):
    """The thresholds as a device tensor, made once per (thresholds, device): no copy per update."""
    key = (tuple(float(t) for t in thresholds), device, dtype)
    cached = _THRESHOLDS.get(key)
    if cached is None:
        cached = _THRESHOLDS[key] = torch.as_tensor(np.asarray(thresholds, dtype=np.float32)).to(
            device=device, dtype=dtype
        )
    return cached


def _weights(sample_weight, label_weights, y_pred, multi_label):
    weights = None
    if sample_weight is not None:
        weights = broadcast(sample_weight.to(y_pred.dtype), y_pred.shape)
    if label_weights is not None and not multi_label:
        lw = broadcast(
            label_weights.to(device=y_pred.device, dtype=y_pred.dtype).unsqueeze(0), y_pred.shape
        )
        weights = lw if weights is None else weights * lw
    return weights


def _dense_counts(
    y_true, y_pred, thresholds, sample_weight, label_weights, multi_label, need_negatives
):
    weights = _weights(sample_weight, label_weights, y_pred, multi_label)
    if multi_label:
        preds = y_pred.unsqueeze(0)
        labels = y_true.bool().unsqueeze(0)
        thresh = thresholds.reshape(-1, 1, 1)
        w = None if weights is None else weights.unsqueeze(0)
    else:
        preds = y_pred.reshape(1, -1)
        labels = y_true.bool().reshape(1, -1)
        thresh = thresholds.reshape(-1, 1)
        w = None if weights is None else weights.reshape(1, -1)
    pred_pos = preds > thresh
    label_pos = labels.expand((len(thresholds),) + labels.shape[1:])
    check_broadcast("LogicalAnd", label_pos, pred_pos)
    label_pos = label_pos.expand_as(pred_pos)

    def count(cond):
        if w is None:
            return cond.to(y_pred.dtype).sum(1)
        return torch.where(cond, w, torch.zeros_like(w)).sum(1)

    counts = {"tp": count(label_pos & pred_pos), "fp": count(~label_pos & pred_pos)}
    if need_negatives:
        counts["fn"] = count(label_pos & ~pred_pos)
        counts["tn"] = count(~label_pos & ~pred_pos)
    return counts


def _bucketed_counts(
    y_true, y_pred, num_thresholds, sample_weight, label_weights, multi_label, with_epsilon
):
    weights = _weights(sample_weight, label_weights, y_pred, multi_label)
    y_pred = y_pred.clamp(0.0, 1.0)
    y_true = y_true.bool().to(y_pred.dtype)
    if not multi_label:
        y_true = y_true.reshape(-1)
        y_pred = y_pred.reshape(-1)
        weights = None if weights is None else weights.reshape(-1)
        if weights is not None:
            check_broadcast("Mul", y_true, weights)
        if y_true.shape != y_pred.shape:  # Keras' segment_sum check, with its error
            from ..ops import segment_sum

            segment_sum(wrap(y_true), wrap(y_pred.long()), num_segments=num_thresholds)
    true_labels = y_true if weights is None else y_true * weights
    false_labels = (1.0 - y_true) if weights is None else (1.0 - y_true) * weights
    buckets = torch.ceil(y_pred * (num_thresholds - 1)) - 1
    if with_epsilon:
        buckets = buckets.clamp_min(0)
    # Negative buckets (predictions at 0 without epsilon thresholds) go to a spare bin that is
    # dropped,
    # as TF's segment sum drops them -- without a data-dependent (host-synchronising) filter.
    bins = num_thresholds + 1
    buckets = torch.where(buckets >= 0, buckets, torch.full_like(buckets, num_thresholds)).long()
    if multi_label:
        labels = y_pred.shape[-1]
        flat = (buckets + torch.arange(labels, device=y_pred.device) * bins).reshape(-1)

        def segment(values):
            out = torch.zeros(labels * bins, dtype=values.dtype, device=values.device)
            out.index_add_(0, flat, values.reshape(-1))
            return out.reshape(labels, bins)[:, :num_thresholds].flip(-1).cumsum(-1).flip(-1).t()

        total_true, total_false = true_labels.sum(0), false_labels.sum(0)
    else:

        def segment(values):
            out = torch.zeros(bins, dtype=values.dtype, device=values.device)
            out.index_add_(0, buckets, values)
            return out[:num_thresholds].flip(0).cumsum(0).flip(0)

        total_true, total_false = true_labels.sum(), false_labels.sum()
    tp = segment(true_labels)
    fp = segment(false_labels)
    return {"tp": tp, "fp": fp, "tn": total_false - fp, "fn": total_true - tp}
