"""``Sum``, ``Mean`` and ``MeanMetricWrapper``: metrics that reduce per-sample values."""

from __future__ import annotations

import numpy as np
import torch

from ...framework.tensor import TensorOperators, wrap
from ..losses.loss import squeeze_or_expand_to_same_rank, storage
from .confusion_utils import divide_no_nan
from .metric import Metric, broadcast, data
from ...api_export import keras_export

__all__ = ["Sum", "Mean", "MeanMetricWrapper", "samplewise"]


def samplewise(values, sample_weight, reduce_fn):
    """Keras' ``reduce_to_samplewise_values`` on torch storages: one value (and weight) per
    sample."""
    if sample_weight is not None:
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        weight_ndim, values_ndim = sample_weight.ndim, values.ndim
        if values_ndim > weight_ndim:
            values = reduce_fn(values, list(range(weight_ndim, values_ndim)))
        sample_weight = broadcast(sample_weight, values.shape)
        values = values * sample_weight
        if weight_ndim > 1:
            sample_weight = reduce_fn(sample_weight, list(range(1, weight_ndim)))
    if values.ndim > 1:
        values = reduce_fn(values, list(range(1, values.ndim)))
    return values, sample_weight


def _sum(x, dims):
    return x.sum(dims)


def _mean(x, dims):
    return x.mean(dims)


@keras_export("keras.metrics.Sum")
class Sum(Metric):
    """The (weighted) sum of the values seen (name ``'sum'``)."""

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(
            shape=(), initializer="zeros", dtype=self.dtype, name="total"
        )

    def update_state(self, values, sample_weight=None):
        """Adds ``sum(values * sample_weight)``."""
        total = self.total._param
        values = data(values, total, total.dtype, casts=True)
        weights = None if sample_weight is None else data(sample_weight, total, total.dtype)
        values, _ = samplewise(values, weights, _sum)
        with torch.no_grad():
            total.add_(values.sum())

    def result(self):
        """The running total."""
        return wrap(self.total._param.detach().clone())


@keras_export("keras.metrics.Mean")
class Mean(Metric):
    """The (weighted) mean of the values seen (name ``'mean'``)."""

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(
            shape=(), initializer="zeros", dtype=self.dtype, name="total"
        )
        self.count = self.add_variable(
            shape=(), initializer="zeros", dtype=self.dtype, name="count"
        )

    def update_state(self, values, sample_weight=None):
        """Adds the per-sample values (weighted) to the total and the weights (or sample count)
        to the count."""
        total = self.total._param
        values = data(values, total, total.dtype, casts=True)
        weights = None if sample_weight is None else data(sample_weight, total, total.dtype)
        self._accumulate(values, weights)

    def _accumulate(self, values, weights):
        values, weights = samplewise(values, weights, _mean)
        with torch.no_grad():
            self.total._param.add_(values.sum())
            if weights is not None:
                self.count._param.add_(weights.sum())
            else:
                self.count._param.add_(values.shape[0] if values.ndim >= 1 else 1)

    def result(self):
        """``total / count`` (0 when nothing was counted)."""
        total, count = self.total._param.detach(), self.count._param.detach()
        return wrap(divide_no_nan(total, count))


def _argument(value, like):
    """A tensor argument of the wrapped function, on ``like``'s device; other values go to it as
    they are (the function converts them, with Keras' errors)."""
    if isinstance(value, (torch.Tensor, TensorOperators)):
        return wrap(data(value, like))
    return value


@keras_export("keras.metrics.MeanMetricWrapper")
class MeanMetricWrapper(Mean):
    """The mean of ``fn(y_true, y_pred, **kwargs)`` over all samples seen.

    Any loss or metric function works (a built-in one runs directly on the
    torch storages); ``sample_weight`` weights the per-sample values.
    """

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name, dtype=dtype)
        self._fn = fn
        self._fn_kwargs = kwargs
        from .. import losses

        if any(fn is known for known in losses.ALL_OBJECTS_DICT.values()):
            self._direction = "down"

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Evaluates ``fn`` on the batch and accumulates its mean."""
        total = self.total._param
        values = self._fn(_argument(y_true, total), _argument(y_pred, total), **self._fn_kwargs)
        values = storage(values).detach()
        if isinstance(values, np.ndarray):  # strings: TF's Cast error
            values = wrap(values)
        values = storage(values, total.dtype).to(total.device)
        weights = None if sample_weight is None else data(sample_weight, total, total.dtype)
        self._accumulate(values, weights)

    def get_config(self):
        """Name, dtype, the function and its keyword arguments."""
        from ..saving.serialization_lib import serialize_keras_object

        config = {"name": self.name, "dtype": self.dtype, "fn": serialize_keras_object(self._fn)}
        config.update(self._fn_kwargs)
        return config

    @classmethod
    def from_config(cls, config):
        """Rebuilds the wrapper (the function from its serialized form)."""
        config = dict(config)
        if isinstance(config.get("fn"), dict):
            from .. import losses
            from . import accuracy_metrics
            from ..saving.serialization_lib import deserialize_keras_object

            table = dict(losses.ALL_OBJECTS_DICT)
            table.update({f.__name__: f for f in accuracy_metrics.FUNCTIONS})
            config["fn"] = deserialize_keras_object(config["fn"], module_objects=table)
        return cls(**config)
