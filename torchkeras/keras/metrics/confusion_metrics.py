"""Threshold metrics: ``TruePositives``, ``FalsePositives``, ``TrueNegatives``,
``FalseNegatives``, ``Precision``, ``Recall``, ``PrecisionAtRecall``,
``RecallAtPrecision``, ``SensitivityAtSpecificity``, ``SpecificityAtSensitivity``, ``AUC``."""

from __future__ import annotations

import numpy as np
import torch

from ...framework.tensor import wrap
from .confusion_utils import (
    NEG_INF,
    divide_no_nan,
    is_evenly_distributed_thresholds,
    parse_init_thresholds,
    update_confusion_matrix,
)
from .metric import Metric, data
from ...api_export import keras_export

__all__ = [
    "TruePositives",
    "FalsePositives",
    "TrueNegatives",
    "FalseNegatives",
    "Precision",
    "Recall",
    "PrecisionAtRecall",
    "RecallAtPrecision",
    "SensitivityAtSpecificity",
    "SpecificityAtSensitivity",
    "AUC",
]


def _inputs(metric_variable, y_true, y_pred, sample_weight):
    like = metric_variable._param
    return (
        data(y_true, like, like.dtype, casts=True),
        data(y_pred, like, like.dtype, casts=True),
        None if sample_weight is None else data(sample_weight, like, like.dtype, casts=True),
    )


def _value(variable):
    return variable._param.detach()


_COUNT_NAMES = ("true_positives", "false_positives", "true_negatives", "false_negatives")


def _count_storages(metric):
    """``metric``'s four count storages by condition, for ``update_confusion_matrix``."""
    return {
        "tp": metric.true_positives._param,
        "tn": metric.true_negatives._param,
        "fp": metric.false_positives._param,
        "fn": metric.false_negatives._param,
    }


def _add_counts(metric, shape, *names):
    """Adds ``metric``'s zero-initialized count variables ``names`` (in that order), each kept as
    the attribute of that name."""
    for name in names:
        setattr(metric, name, metric.add_variable(shape=shape, initializer="zeros", name=name))


class _ConfusionMatrixConditionCount(Metric):
    """One confusion-matrix count at each threshold (default 0.5)."""

    _condition = None

    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds = thresholds
        self.thresholds = parse_init_thresholds(thresholds, default_threshold=0.5)
        self._evenly = is_evenly_distributed_thresholds(self.thresholds)
        _add_counts(self, (len(self.thresholds),), "accumulator")

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Counts this batch (``y_pred > threshold`` is a positive prediction)."""
        y_true, y_pred, sample_weight = _inputs(self.accumulator, y_true, y_pred, sample_weight)
        update_confusion_matrix(
            {self._condition: self.accumulator._param},
            y_true,
            y_pred,
            self.thresholds,
            sample_weight=sample_weight,
            thresholds_distributed_evenly=self._evenly,
        )

    def result(self):
        """The count (a scalar for one threshold, else one per threshold)."""
        value = _value(self.accumulator).clone()
        return wrap(value[0] if len(self.thresholds) == 1 else value)

    def get_config(self):
        """Name, dtype and ``thresholds``."""
        config = super().get_config()
        config["thresholds"] = self.init_thresholds
        return config


@keras_export("keras.metrics.TruePositives")
class TruePositives(_ConfusionMatrixConditionCount):
    """Weighted count of true positives (name ``'true_positives'``)."""

    _condition = "tp"


@keras_export("keras.metrics.FalsePositives")
class FalsePositives(_ConfusionMatrixConditionCount):
    """Weighted count of false positives (name ``'false_positives'``)."""

    _condition = "fp"


@keras_export("keras.metrics.TrueNegatives")
class TrueNegatives(_ConfusionMatrixConditionCount):
    """Weighted count of true negatives (name ``'true_negatives'``)."""

    _condition = "tn"


@keras_export("keras.metrics.FalseNegatives")
class FalseNegatives(_ConfusionMatrixConditionCount):
    """Weighted count of false negatives (name ``'false_negatives'``)."""

    _condition = "fn"


class _PrecisionRecall(Metric):
    _direction = "up"
    _second = None

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds = thresholds
        self.top_k = top_k
        self.class_id = class_id
        self.thresholds = parse_init_thresholds(
            thresholds, default_threshold=0.5 if top_k is None else NEG_INF
        )
        self._evenly = is_evenly_distributed_thresholds(self.thresholds)
        second = {"fp": "false_positives", "fn": "false_negatives"}[self._second]
        _add_counts(self, (len(self.thresholds),), "true_positives", second)
        self._second_variable = getattr(self, second)

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Counts this batch (optionally only the ``top_k`` scores, or only column ``class_id``)."""
        y_true, y_pred, sample_weight = _inputs(self.true_positives, y_true, y_pred, sample_weight)
        update_confusion_matrix(
            {"tp": self.true_positives._param, self._second: self._second_variable._param},
            y_true,
            y_pred,
            self.thresholds,
            top_k=self.top_k,
            class_id=self.class_id,
            sample_weight=sample_weight,
            thresholds_distributed_evenly=self._evenly,
        )

    def result(self):
        """``tp / (tp + second)`` (0 when empty); a scalar for one threshold."""
        tp = _value(self.true_positives)
        value = divide_no_nan(tp, tp + _value(self._second_variable))
        return wrap(value[0] if len(self.thresholds) == 1 else value)

    def get_config(self):
        """Name, dtype, ``thresholds``, ``top_k``, ``class_id``."""
        config = super().get_config()
        config.update(thresholds=self.init_thresholds, top_k=self.top_k, class_id=self.class_id)
        return config


@keras_export("keras.metrics.Precision")
class Precision(_PrecisionRecall):
    """``tp / (tp + fp)`` at each threshold (name ``'precision'``)."""

    _second = "fp"


@keras_export("keras.metrics.Recall")
class Recall(_PrecisionRecall):
    """``tp / (tp + fn)`` at each threshold (name ``'recall'``)."""

    _second = "fn"


class SensitivitySpecificityBase(Metric):
    """Base of the "X at Y" metrics: confusion counts at ``num_thresholds`` even thresholds.

    A subclass names its constraint argument (``_constraint``, checked to lie in ``[0, 1]`` and
    kept as that attribute) and the rates it compares: the best ``_dependent`` rate among the
    thresholds whose ``_constrained`` rate is at least the constraint.
    """

    _direction = "up"
    _constraint = None
    _constrained = None
    _dependent = None

    def __init__(self, value, num_thresholds=200, class_id=None, name=None, dtype=None):
        _check_range(self._constraint, value)
        setattr(self, self._constraint, value)
        self.num_thresholds = num_thresholds
        super().__init__(name=name, dtype=dtype)
        if num_thresholds <= 0:
            raise ValueError(
                "Argument `num_thresholds` must be an integer > 0. Received: num_thresholds=%s"
                % (num_thresholds,)
            )
        self.value = value
        self.class_id = class_id
        if num_thresholds == 1:
            self.thresholds = [0.5]
            self._evenly = False
        else:
            self.thresholds = (
                [0.0]
                + [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
                + [1.0]
            )
            self._evenly = True
        _add_counts(self, (len(self.thresholds),), *_COUNT_NAMES)

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Counts this batch at every threshold."""
        y_true, y_pred, sample_weight = _inputs(self.true_positives, y_true, y_pred, sample_weight)
        update_confusion_matrix(
            _count_storages(self),
            y_true,
            y_pred,
            self.thresholds,
            class_id=self.class_id,
            sample_weight=sample_weight,
            thresholds_distributed_evenly=self._evenly,
        )

    def _rates(self):
        tp, fp = _value(self.true_positives), _value(self.false_positives)
        tn, fn = _value(self.true_negatives), _value(self.false_negatives)
        return {
            "recall": divide_no_nan(tp, tp + fn),
            "precision": divide_no_nan(tp, tp + fp),
            "specificity": divide_no_nan(tn, tn + fp),
        }

    def _max_under_constraint(self, constrained, dependent):
        feasible = constrained >= self.value
        return wrap(
            torch.where(feasible, dependent, torch.zeros_like(dependent)).amax().clamp_min(0)
        )

    def result(self):
        """The best ``_dependent`` rate where the ``_constrained`` rate meets the constraint."""
        rates = self._rates()
        return self._max_under_constraint(rates[self._constrained], rates[self._dependent])

    def get_config(self):
        """Name, dtype, ``class_id``, ``num_thresholds`` and the constraint."""
        config = super().get_config()
        config["class_id"] = self.class_id
        config.update(
            num_thresholds=self.num_thresholds,
            **{self._constraint: getattr(self, self._constraint)},
        )
        return config


def _check_range(name, value):
    if value < 0 or value > 1:
        raise ValueError(
            "Argument `%s` must be in the range [0, 1]. Received: %s=%s" % (name, name, value)
        )


@keras_export("keras.metrics.PrecisionAtRecall")
class PrecisionAtRecall(SensitivitySpecificityBase):
    """Best precision among thresholds whose recall is at least ``recall`` (name
    ``'precision_at_recall'``)."""

    _constraint = "recall"
    _constrained = "recall"
    _dependent = "precision"

    def __init__(self, recall, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(
            recall, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )


@keras_export("keras.metrics.RecallAtPrecision")
class RecallAtPrecision(SensitivitySpecificityBase):
    """Best recall among thresholds whose precision is at least ``precision`` (name
    ``'recall_at_precision'``)."""

    _constraint = "precision"
    _constrained = "precision"
    _dependent = "recall"

    def __init__(self, precision, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(
            precision, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )


@keras_export("keras.metrics.SensitivityAtSpecificity")
class SensitivityAtSpecificity(SensitivitySpecificityBase):
    """Best sensitivity among thresholds whose specificity is at least ``specificity``."""

    _constraint = "specificity"
    _constrained = "specificity"
    _dependent = "recall"

    def __init__(self, specificity, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(
            specificity, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )


@keras_export("keras.metrics.SpecificityAtSensitivity")
class SpecificityAtSensitivity(SensitivitySpecificityBase):
    """Best specificity among thresholds whose sensitivity is at least ``sensitivity``."""

    _constraint = "sensitivity"
    _constrained = "recall"
    _dependent = "specificity"

    def __init__(self, sensitivity, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(
            sensitivity, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )


_CURVES = {
    "roc": "ROC",
    "ROC": "ROC",
    "pr": "PR",
    "PR": "PR",
    "prgain": "PRGAIN",
    "PRGAIN": "PRGAIN",
}
_SUMMATIONS = {
    "interpolation": "interpolation",
    "Interpolation": "interpolation",
    "majoring": "majoring",
    "Majoring": "majoring",
    "minoring": "minoring",
    "Minoring": "minoring",
}


@keras_export("keras.metrics.AUC")
class AUC(Metric):
    """Area under the ROC or PR curve, from confusion counts at ``num_thresholds`` thresholds
    (Keras' Riemann sums; PR with ``'interpolation'`` uses Davis & Goadrich's interpolation).
    Name ``'auc'``."""

    _direction = "up"

    def __init__(
        self,
        num_thresholds=200,
        curve="ROC",
        summation_method="interpolation",
        name=None,
        dtype=None,
        thresholds=None,
        multi_label=False,
        num_labels=None,
        label_weights=None,
        from_logits=False,
    ):
        if curve not in _CURVES:
            raise ValueError(
                'Invalid AUC curve value: "%s". Expected values are ["PR", "ROC", "PRGAIN"]'
                % (curve,)
            )
        if summation_method not in _SUMMATIONS:
            raise ValueError(
                'Invalid AUC summation method value: "%s". Expected values are ["interpolation", '
                '"majoring", "minoring"]' % (summation_method,)
            )
        super().__init__(name=name, dtype=dtype)
        self._init_from_thresholds = thresholds is not None
        if thresholds is not None:
            self.num_thresholds = len(thresholds) + 2
            thresholds = sorted(thresholds)
            self._evenly = is_evenly_distributed_thresholds(np.array([0.0] + thresholds + [1.0]))
        else:
            if num_thresholds <= 1:
                raise ValueError(
                    "Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=%s"
                    % (num_thresholds,)
                )
            self.num_thresholds = num_thresholds
            thresholds = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
            self._evenly = True
        self._thresholds = np.array([0.0 - 1e-7] + thresholds + [1.0 + 1e-7])
        self.curve = _CURVES[curve]
        self.summation_method = _SUMMATIONS[summation_method]
        self.multi_label = multi_label
        self.num_labels = num_labels
        self.label_weights = (
            None if label_weights is None else torch.as_tensor(label_weights, dtype=torch.float32)
        )
        self._from_logits = from_logits
        self._built = False
        if multi_label:
            if num_labels:
                self._build([None, num_labels])
        else:
            if num_labels:
                raise ValueError("`num_labels` is needed only when `multi_label` is True.")
            self._build(None)

    @property
    def thresholds(self):
        """The thresholds, including the two end points just outside ``[0, 1]``."""
        return list(self._thresholds)

    def _build(self, shape):
        if self.multi_label:
            if len(shape) != 2:
                raise ValueError(
                    "`y_pred` must have rank 2 when `multi_label=True`. Found rank %d. Full shape "
                    "received for `y_pred`: %s" % (len(shape), tuple(shape))
                )
            self._num_labels = shape[1]
            variable_shape = (self.num_thresholds, self._num_labels)
        else:
            variable_shape = (self.num_thresholds,)
        _add_counts(self, variable_shape, *_COUNT_NAMES)
        self._built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Counts this batch at every threshold (``from_logits`` applies a sigmoid first)."""
        if not self._built:
            self._build(tuple(y_pred.shape))
        y_true, y_pred, sample_weight = _inputs(self.true_positives, y_true, y_pred, sample_weight)
        if self._from_logits:
            y_pred = torch.sigmoid(y_pred)
        label_weights = None if self.multi_label else self.label_weights
        update_confusion_matrix(
            _count_storages(self),
            y_true,
            y_pred,
            self._thresholds,
            sample_weight=sample_weight,
            multi_label=self.multi_label,
            label_weights=label_weights,
            thresholds_distributed_evenly=self._evenly,
        )

    def _by_label(self, terms):
        if not self.multi_label:
            return terms.sum()
        by_label = terms.sum(0)
        if self.label_weights is None:
            return by_label.mean()
        weights = self.label_weights.to(by_label.device)
        return divide_no_nan((by_label * weights).sum(), weights.sum())

    def _interpolate_pr_auc(self, tp, fp, fn):
        n = self.num_thresholds
        dtp = tp[: n - 1] - tp[1:]
        p = tp + fp
        dp = p[: n - 1] - p[1:]
        slope = divide_no_nan(dtp, dp.clamp_min(0))
        intercept = tp[1:] - slope * p[1:]
        ratio = torch.where(
            (p[: n - 1] > 0) & (p[1:] > 0),
            divide_no_nan(p[: n - 1], p[1:].clamp_min(0)),
            torch.ones_like(p[1:]),
        )
        increments = divide_no_nan(
            slope * (dtp + intercept * torch.log(ratio)), (tp[1:] + fn[1:]).clamp_min(0)
        )
        return self._by_label(increments)

    def result(self):
        """The area under the curve (the label-weighted mean over labels with ``multi_label``)."""
        tp, fp = _value(self.true_positives), _value(self.false_positives)
        tn, fn = _value(self.true_negatives), _value(self.false_negatives)
        if self.curve == "PR" and self.summation_method == "interpolation":
            return wrap(self._interpolate_pr_auc(tp, fp, fn))
        recall = divide_no_nan(tp, tp + fn)
        if self.curve == "ROC":
            x, y = divide_no_nan(fp, fp + tn), recall
        elif self.curve == "PR":
            x, y = recall, divide_no_nan(tp, tp + fp)
        else:
            scale = divide_no_nan(tp + fn, tn + fp)
            recall_gain = torch.where(
                tp == 0, torch.zeros_like(tp), 1.0 - scale * divide_no_nan(fn, tp)
            )
            precision_gain = torch.where(
                tp == 0, torch.ones_like(tp), 1.0 - scale * divide_no_nan(fp, tp)
            )
            x, y = recall_gain.clamp_min(0.0), precision_gain
        n = self.num_thresholds
        if self.summation_method == "interpolation":
            heights = (y[: n - 1] + y[1:]) / 2.0
        elif self.summation_method == "minoring":
            heights = torch.minimum(y[: n - 1], y[1:])
        else:
            heights = torch.maximum(y[: n - 1], y[1:])
        return wrap(self._by_label((x[: n - 1] - x[1:]) * heights))

    def reset_state(self):
        """Zeroes the counts (once built)."""
        if self._built:
            super().reset_state()

    def get_config(self):
        """Keras' AUC config (``thresholds`` only when given at construction)."""
        config = super().get_config()
        config.update(
            num_thresholds=self.num_thresholds,
            curve=self.curve,
            summation_method=self.summation_method,
            multi_label=self.multi_label,
            num_labels=self.num_labels,
            label_weights=None if self.label_weights is None else self.label_weights.tolist(),
            from_logits=self._from_logits,
        )
        if self._init_from_thresholds:
            config["thresholds"] = self.thresholds[1:-1]
        return config
