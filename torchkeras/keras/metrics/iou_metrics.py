"""``MeanIoU``: mean intersection-over-union from an accumulated confusion matrix."""

from __future__ import annotations

import warnings

import torch

from ...framework.tensor import wrap
from ..losses.loss import check_broadcast
from .metric import Metric, broadcast, data
from ...api_export import keras_export

__all__ = ["MeanIoU"]


@keras_export("keras.metrics.MeanIoU")
class MeanIoU(Metric):
    """Mean over classes of ``tp / (tp + fp + fn)``, from a ``num_classes`` x ``num_classes``
    confusion matrix (int64 by default, as Keras); classes never seen are left out of the mean.

    ``sparse_y_true=False`` / ``sparse_y_pred=False`` take the argmax over ``axis`` first;
    labels equal to ``ignore_class`` or out of range are not counted.  Name ``'mean_io_u'``.
    """

    _direction = "up"

    def __init__(
        self,
        num_classes,
        name=None,
        dtype=None,
        ignore_class=None,
        sparse_y_true=True,
        sparse_y_pred=True,
        axis=-1,
    ):
        super().__init__(name=name, dtype=dtype or "int64")
        self.num_classes = num_classes
        self.ignore_class = ignore_class
        self.sparse_y_true = sparse_y_true
        self.sparse_y_pred = sparse_y_pred
        self.axis = axis
        self.target_class_ids = list(range(num_classes))
        if not self.target_class_ids:  # Keras takes max() of them here, which raises this
            raise ValueError("max() arg is an empty sequence")
        self.total_cm = self.add_variable(
            name="total_confusion_matrix",
            shape=(num_classes, num_classes),
            initializer="zeros",
            dtype=self.dtype,
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Adds the batch's (weighted) confusion matrix; returns the updated matrix (a Tensor),
        as Keras does."""
        cm = self.total_cm._param
        if not self.sparse_y_true:
            y_true = data(y_true, cm).argmax(self.axis)
        if not self.sparse_y_pred:
            y_pred = data(y_pred, cm).argmax(self.axis)
        y_true = data(y_true, cm, cm.dtype, casts=True).reshape(-1)
        y_pred = data(y_pred, cm, cm.dtype, casts=True).reshape(-1)
        if sample_weight is None:
            weights = torch.ones_like(y_true)
        else:
            if "float" in str(getattr(sample_weight, "dtype", "")) and not cm.is_floating_point():
                warnings.warn(
                    "You are passing weight as `float`, but dtype is `int`. This may result in an "
                    "incorrect weight due to type casting Consider using integer weights.",
                    stacklevel=1,
                )
            weights = broadcast(
                data(sample_weight, cm, cm.dtype, casts=True).reshape(-1), y_true.shape
            )
        check_broadcast("LogicalAnd", y_true, y_pred)
        n = self.num_classes
        valid = (y_true >= 0) & (y_true < n) & (y_pred >= 0) & (y_pred < n)
        if self.ignore_class is not None:
            valid = valid & (y_true != self.ignore_class)
        zero = torch.zeros_like(y_true)
        y_true = torch.where(valid, y_true, zero).long()
        y_pred = torch.where(valid, y_pred, zero).long()
        weights = torch.where(valid, weights, torch.zeros_like(weights))
        with torch.no_grad():
            cm.view(-1).index_add_(0, y_true * n + y_pred, weights)
        return wrap(cm.detach().clone())

    def result(self):
        """The mean IoU over classes that occur (float32)."""
        cm = self.total_cm._param.detach().to(torch.float32)
        tp = cm.diagonal()
        denominator = cm.sum(0) + cm.sum(1) - tp
        valid = denominator > 1e-9
        iou = torch.where(valid, tp / (denominator + 1e-7), torch.zeros_like(tp))
        return wrap(iou.sum(-1) / (valid.to(torch.float32).sum() + 1e-7))

    def get_config(self):
        """Keras' MeanIoU config."""
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }
