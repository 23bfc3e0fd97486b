"""``FBetaScore`` and ``F1Score`` for multi-class / multi-label outputs."""

from __future__ import annotations

import torch

from ...framework import dtypes
from ...framework.tensor import wrap
from .. import ops
from ..losses.loss import check_broadcast, storage
from .metric import Metric, data
from ...api_export import keras_export

__all__ = ["FBetaScore", "F1Score"]

_EPSILON = 1e-7


@keras_export("keras.metrics.FBetaScore")
class FBetaScore(Metric):
    """F-beta score per class (``average=None``), or averaged ``'micro'``, ``'macro'``,
    ``'weighted'``.

    Inputs are ``(batch, classes)``; a prediction is positive when above
    ``threshold`` or, with ``threshold=None``, when it is the row's maximum.
    """

    _direction = "up"

    def __init__(self, average=None, beta=1.0, threshold=None, name="fbeta_score", dtype=None):
        super().__init__(name=name, dtype=dtype)
        if average not in (None, "micro", "macro", "weighted"):
            raise ValueError(
                "Invalid `average` argument value. Expected one of: {None, 'micro', 'macro', "
                "'weighted'}. Received: average=%s" % (average,)
            )
        if not isinstance(beta, float):
            raise ValueError(
                "Invalid `beta` argument value. It should be a Python float. Received: beta=%s of "
                "type '%s'" % (beta, type(beta))
            )
        if beta <= 0.0:
            raise ValueError(
                "Invalid `beta` argument value. It should be > 0. Received: beta=%s" % (beta,)
            )
        if threshold is not None:
            if not isinstance(threshold, float):
                raise ValueError(
                    "Invalid `threshold` argument value. It should be a Python float. Received: "
                    "threshold=%s of type '%s'" % (threshold, type(threshold))
                )
            if threshold > 1.0 or threshold <= 0.0:
                raise ValueError(
                    "Invalid `threshold` argument value. It should verify 0 < threshold <= 1. "
                    "Received: threshold=%s" % (threshold,)
                )
        self.average = average
        self.beta = beta
        self.threshold = threshold
        self.axis = None if average == "micro" else 0
        self._built = False

    def _build(self, y_true_shape, y_pred_shape):
        if len(y_pred_shape) != 2 or len(y_true_shape) != 2:
            raise ValueError(
                "FBetaScore expects 2D inputs with shape (batch_size, output_dim). Received input "
                "shapes: y_pred.shape=%s and y_true.shape=%s."
                % (tuple(y_pred_shape), tuple(y_true_shape))
            )
        shape = (y_pred_shape[-1],) if self.average != "micro" else ()
        for name in (
            "true_positives",
            "false_positives",
            "false_negatives",
            "intermediate_weights",
        ):
            setattr(
                self,
                name,
                self.add_variable(name=name, shape=shape, initializer="zeros", dtype=self.dtype),
            )
        self._built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulates per-class true positives, false positives, false negatives and label
        weights."""
        dtype = dtypes.as_dtype(self.dtype).torch_dtype
        y_true = storage(y_true, dtype)  # Keras converts both before building
        y_pred = storage(y_pred, dtype)
        if not self._built:
            self._build(tuple(y_true.shape), tuple(y_pred.shape))
        like = self.true_positives._param
        y_true = data(y_true, like, like.dtype)
        y_pred = data(y_pred, like, like.dtype)
        if self.threshold is None:
            if y_pred.numel() == 0:  # Keras' ops.max refuses it, with TF's error
                ops.max(wrap(y_pred), axis=-1, keepdims=True)
            y_pred = (y_pred >= y_pred.amax(-1, keepdim=True)) & (y_pred.abs() > 1e-9)
        else:
            y_pred = y_pred > self.threshold
        y_pred = y_pred.to(like.dtype)
        weights = (
            None if sample_weight is None else data(sample_weight, like, like.dtype).unsqueeze(1)
        )
        check_broadcast("Mul", y_pred, y_true)
        true_positives = y_pred * y_true
        if weights is not None:
            check_broadcast("Mul", true_positives, weights)

        def weighted_sum(values):
            if weights is not None:
                values = values * weights
            return values.sum() if self.axis is None else values.sum(self.axis)

        with torch.no_grad():
            self.true_positives._param.add_(weighted_sum(true_positives))
            self.false_positives._param.add_(weighted_sum(y_pred * (1 - y_true)))
            self.false_negatives._param.add_(weighted_sum((1 - y_pred) * y_true))
            self.intermediate_weights._param.add_(weighted_sum(y_true))

    def result(self):
        """The F-beta score(s)."""
        tp = self.true_positives._param.detach()
        precision = tp / (tp + self.false_positives._param.detach() + _EPSILON)
        recall = tp / (tp + self.false_negatives._param.detach() + _EPSILON)
        beta2 = self.beta**2
        score = (precision * recall) / (beta2 * precision + recall + _EPSILON) * (1 + beta2)
        if self.average == "weighted":
            w = self.intermediate_weights._param.detach()
            score = (score * (w / (w.sum() + _EPSILON))).sum()
        elif self.average is not None:
            score = score.mean()
        return wrap(score)

    def reset_state(self):
        """Zeroes the counts (once built)."""
        if self._built:
            super().reset_state()

    def get_config(self):
        """Name, dtype, ``average``, ``beta``, ``threshold``."""
        return {
            "name": self.name,
            "dtype": self.dtype,
            "average": self.average,
            "beta": self.beta,
            "threshold": self.threshold,
        }


@keras_export("keras.metrics.F1Score")
class F1Score(FBetaScore):
    """F1 score: ``FBetaScore`` with ``beta=1`` (name ``'f1_score'``)."""

    def __init__(self, average=None, threshold=None, name="f1_score", dtype=None):
        super().__init__(average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype)

    def get_config(self):
        """FBetaScore's config without ``beta``."""
        config = super().get_config()
        del config["beta"]
        return config
