"""Metric forms of losses: the mean of a loss function over all samples seen
(``MeanSquaredError``, ``RootMeanSquaredError``, ``BinaryCrossentropy``, ``Hinge`` ...)."""

from __future__ import annotations

import torch

from ...framework.tensor import wrap
from .. import losses
from ..losses.loss import check_broadcast, squeeze_or_expand_to_same_rank
from .metric import config_with, data
from .reduction_metrics import Mean, MeanMetricWrapper
from ...api_export import keras_export, export_value

__all__ = [
    "MeanSquaredError",
    "RootMeanSquaredError",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredLogarithmicError",
    "CosineSimilarity",
    "LogCoshError",
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "SparseCategoricalCrossentropy",
    "KLDivergence",
    "Poisson",
    "Hinge",
    "SquaredHinge",
    "CategoricalHinge",
]


class _LossMean(MeanMetricWrapper):
    """The mean of a loss function; config is name and dtype."""

    _loss_fn = None
    _default_name = None

    def __init__(self, name=None, dtype=None):
        super().__init__(type(self)._loss_fn, name=name or self._default_name, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'dtype': ...}``."""
        return {"name": self.name, "dtype": self.dtype}


def _simple(class_name, fn, default_name, doc):
    return type(
        class_name,
        (_LossMean,),
        {
            "_loss_fn": staticmethod(fn),
            "_default_name": default_name,
            "__doc__": doc,
            "__module__": __name__,
        },
    )


MeanSquaredError = _simple(
    "MeanSquaredError",
    losses.mean_squared_error,
    "mean_squared_error",
    "Mean of squared errors (name ``'mean_squared_error'``).",
)
export_value(MeanSquaredError, "keras.metrics.MeanSquaredError")
MeanAbsoluteError = _simple(
    "MeanAbsoluteError",
    losses.mean_absolute_error,
    "mean_absolute_error",
    "Mean of absolute errors (name ``'mean_absolute_error'``).",
)
export_value(MeanAbsoluteError, "keras.metrics.MeanAbsoluteError")
MeanAbsolutePercentageError = _simple(
    "MeanAbsolutePercentageError",
    losses.mean_absolute_percentage_error,
    "mean_absolute_percentage_error",
    "Mean absolute percentage error (name ``'mean_absolute_percentage_error'``).",
)
export_value(MeanAbsolutePercentageError, "keras.metrics.MeanAbsolutePercentageError")
MeanSquaredLogarithmicError = _simple(
    "MeanSquaredLogarithmicError",
    losses.mean_squared_logarithmic_error,
    "mean_squared_logarithmic_error",
    "Mean squared logarithmic error (name ``'mean_squared_logarithmic_error'``).",
)
export_value(MeanSquaredLogarithmicError, "keras.metrics.MeanSquaredLogarithmicError")
LogCoshError = _simple(
    "LogCoshError", losses.log_cosh, "logcosh", "Mean log-cosh error (name ``'logcosh'``)."
)
export_value(LogCoshError, "keras.metrics.LogCoshError")
KLDivergence = _simple(
    "KLDivergence",
    losses.kl_divergence,
    "kl_divergence",
    "Mean Kullback-Leibler divergence (name ``'kl_divergence'``).",
)
export_value(KLDivergence, "keras.metrics.KLDivergence")
Poisson = _simple("Poisson", losses.poisson, "poisson", "Mean Poisson loss (name ``'poisson'``).")
export_value(Poisson, "keras.metrics.Poisson")
Hinge = _simple("Hinge", losses.hinge, "hinge", "Mean hinge loss (name ``'hinge'``).")
export_value(Hinge, "keras.metrics.Hinge")
SquaredHinge = _simple(
    "SquaredHinge",
    losses.squared_hinge,
    "squared_hinge",
    "Mean squared hinge loss (name ``'squared_hinge'``).",
)
export_value(SquaredHinge, "keras.metrics.SquaredHinge")
CategoricalHinge = _simple(
    "CategoricalHinge",
    losses.categorical_hinge,
    "categorical_hinge",
    "Mean categorical hinge loss (name ``'categorical_hinge'``).",
)
export_value(CategoricalHinge, "keras.metrics.CategoricalHinge")


@keras_export("keras.metrics.CosineSimilarity")
class CosineSimilarity(MeanMetricWrapper):
    """Mean cosine similarity along ``axis`` (positive: 1 for identical directions; name
    ``'cosine_similarity'``)."""

    _direction = "up"

    def __init__(self, name="cosine_similarity", dtype=None, axis=-1):
        super().__init__(_cosine_similarity, name=name, dtype=dtype, axis=axis)

    def get_config(self):
        """``{'name': ..., 'dtype': ...}``."""
        return {"name": self.name, "dtype": self.dtype}


def _cosine_similarity(y_true, y_pred, axis=-1):
    """Keras' metric ``cosine_similarity``: the plain (positive) cosine of the normalized inputs."""
    return -losses.cosine_similarity(y_true, y_pred, axis=axis)


@keras_export("keras.metrics.RootMeanSquaredError")
class RootMeanSquaredError(Mean):
    """Square root of the mean squared error (name ``'root_mean_squared_error'``)."""

    _direction = "down"

    def __init__(self, name="root_mean_squared_error", dtype=None):
        super().__init__(name, dtype=dtype)

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulates the squared errors of the batch."""
        total = self.total._param
        y_true, y_pred = squeeze_or_expand_to_same_rank(
            data(y_true, total, total.dtype), data(y_pred, total, total.dtype)
        )
        weights = None if sample_weight is None else data(sample_weight, total, total.dtype)
        check_broadcast("Sub", y_pred, y_true)
        self._accumulate((y_pred - y_true).square(), weights)

    def result(self):
        """``sqrt(mean squared error)``."""
        return wrap(torch.sqrt(super().result()._value))


@keras_export("keras.metrics.BinaryCrossentropy")
class BinaryCrossentropy(MeanMetricWrapper):
    """Mean binary crossentropy (name ``'binary_crossentropy'``)."""

    def __init__(
        self, name="binary_crossentropy", dtype=None, from_logits=False, label_smoothing=0
    ):
        super().__init__(
            losses.binary_crossentropy,
            name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing

    def get_config(self):
        """Name, dtype, ``from_logits``, ``label_smoothing``."""
        return config_with(self, "from_logits", "label_smoothing")


@keras_export("keras.metrics.CategoricalCrossentropy")
class CategoricalCrossentropy(MeanMetricWrapper):
    """Mean categorical crossentropy (name ``'categorical_crossentropy'``)."""

    def __init__(
        self,
        name="categorical_crossentropy",
        dtype=None,
        from_logits=False,
        label_smoothing=0,
        axis=-1,
    ):
        super().__init__(
            losses.categorical_crossentropy,
            name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def get_config(self):
        """Name, dtype, ``from_logits``, ``label_smoothing``, ``axis``."""
        return config_with(self, "from_logits", "label_smoothing", "axis")


@keras_export("keras.metrics.SparseCategoricalCrossentropy")
class SparseCategoricalCrossentropy(MeanMetricWrapper):
    """Mean sparse categorical crossentropy (name ``'sparse_categorical_crossentropy'``)."""

    def __init__(
        self,
        name="sparse_categorical_crossentropy",
        dtype=None,
        from_logits=False,
        ignore_class=None,
        axis=-1,
    ):
        super().__init__(
            losses.sparse_categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )
        self.from_logits = from_logits
        self.ignore_class = ignore_class
        self.axis = axis

    def get_config(self):
        """Name, dtype, ``from_logits``, ``ignore_class``, ``axis``."""
        return config_with(self, "from_logits", "ignore_class", "axis")
