"""Regression losses: mean squared / absolute (percentage) / squared log error,
cosine similarity, Huber and log-cosh, as functions and ``Loss`` classes."""

from __future__ import annotations

import math

import torch

from ...framework.tensor import wrap
from .loss import Loss, check_broadcast, incompatible, pair, squeeze_or_expand_to_same_rank
from .loss_function_wrapper import LossFunctionWrapper, register
from . import keras_steps
from ...api_export import keras_export

__all__ = [
    "mean_squared_error",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_logarithmic_error",
    "cosine_similarity",
    "huber",
    "log_cosh",
    "MeanSquaredError",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredLogarithmicError",
    "CosineSimilarity",
    "Huber",
    "LogCosh",
]

EPSILON = 1e-7
_LOG2 = math.log(2.0)


def _diff(t, p):
    try:
        return t - p
    except RuntimeError:
        raise incompatible("Sub", t, p) from None


def _mse(t, p):
    return _diff(t, p).square().mean(-1)


def _mae(t, p):
    return _diff(t, p).abs().mean(-1)


def _mape(t, p):
    return 100.0 * (_diff(t, p) / t.abs().clamp_min(EPSILON)).abs().mean(-1)


def _msle(t, p):
    return (
        _diff(torch.log(p.clamp_min(EPSILON) + 1.0), torch.log(t.clamp_min(EPSILON) + 1.0))
        .square()
        .mean(-1)
    )


def l2_normalize(x, axis):
    """Keras' ``ops.normalize`` (order 2): ``x * min(rsqrt(sum(x**2)), 1/epsilon)``."""
    if x.ndim == 0:
        x = x.unsqueeze(0)
    return x * torch.rsqrt(x.square().sum(axis, keepdim=True)).clamp_max(1.0 / EPSILON)


def _cosine_similarity(t, p, axis=-1):
    check_broadcast("Mul", t, p)
    return -(l2_normalize(t, axis) * l2_normalize(p, axis)).sum(axis)


def _huber(t, p, delta=1.0):
    error = _diff(p, t)
    abs_error = error.abs()
    delta = torch.as_tensor(delta, dtype=p.dtype, device=p.device)
    return torch.where(
        abs_error <= delta, 0.5 * error.square(), delta * abs_error - 0.5 * delta.square()
    ).mean(-1)


def _log_cosh(t, p):
    x = _diff(p, t)
    return (x + torch.nn.functional.softplus(-2.0 * x) - _LOG2).mean(-1)


def _same_rank(t, p):
    return squeeze_or_expand_to_same_rank(*pair(t, p))


@keras_export("keras.metrics.mean_squared_error", "keras.losses.mean_squared_error")
@keras_steps.with_keras_steps(keras_steps.mean_squared_error)
def mean_squared_error(y_true, y_pred):
    """``mean(square(y_true - y_pred), axis=-1)`` (Keras' ``mse``); keeps ``y_pred``'s dtype."""
    return wrap(_mse(*_same_rank(y_true, y_pred)))


@keras_export("keras.metrics.mean_absolute_error", "keras.losses.mean_absolute_error")
@keras_steps.with_keras_steps(keras_steps.mean_absolute_error)
def mean_absolute_error(y_true, y_pred):
    """``mean(abs(y_true - y_pred), axis=-1)`` (Keras' ``mae``)."""
    return wrap(_mae(*_same_rank(y_true, y_pred)))


@keras_export(
    "keras.metrics.mean_absolute_percentage_error", "keras.losses.mean_absolute_percentage_error"
)
@keras_steps.with_keras_steps(keras_steps.mean_absolute_percentage_error)
def mean_absolute_percentage_error(y_true, y_pred):
    """``100 * mean(abs((y_true - y_pred) / max(abs(y_true), epsilon)), axis=-1)`` (``mape``)."""
    return wrap(_mape(*_same_rank(y_true, y_pred)))


@keras_export(
    "keras.metrics.mean_squared_logarithmic_error", "keras.losses.mean_squared_logarithmic_error"
)
@keras_steps.with_keras_steps(keras_steps.mean_squared_logarithmic_error)
def mean_squared_logarithmic_error(y_true, y_pred):
    """``mean(square(log(max(y_pred, eps) + 1) - log(max(y_true, eps) + 1)), axis=-1)``
    (``msle``)."""
    return wrap(_msle(*_same_rank(y_true, y_pred)))


@keras_export("keras.losses.cosine_similarity")
@keras_steps.with_keras_steps(keras_steps.cosine_similarity)
def cosine_similarity(y_true, y_pred, axis=-1):
    """Negative cosine similarity of the L2-normalized inputs along ``axis`` (-1 for identical
    directions)."""
    return wrap(_cosine_similarity(*_same_rank(y_true, y_pred), axis=axis))


@keras_export("keras.losses.huber", "keras.metrics.huber")
@keras_steps.with_keras_steps(keras_steps.huber)
def huber(y_true, y_pred, delta=1.0):
    """Huber loss: ``0.5 * x**2`` for ``|x| <= delta``, else ``delta * |x| - 0.5 * delta**2``,
    averaged on the last axis."""
    return wrap(_huber(*_same_rank(y_true, y_pred), delta=delta))


@keras_export("keras.losses.log_cosh", "keras.metrics.log_cosh")
@keras_steps.with_keras_steps(keras_steps.log_cosh)
def log_cosh(y_true, y_pred):
    """``mean(log(cosh(y_pred - y_true)), axis=-1)``, computed stably as Keras does."""
    return wrap(_log_cosh(*_same_rank(y_true, y_pred)))


for _public, _impl in (
    (mean_squared_error, _mse),
    (mean_absolute_error, _mae),
    (mean_absolute_percentage_error, _mape),
    (mean_squared_logarithmic_error, _msle),
    (cosine_similarity, _cosine_similarity),
    (huber, _huber),
    (log_cosh, _log_cosh),
):
    register(_public, _impl)


class _Plain(LossFunctionWrapper):
    """A wrapper whose config is the base ``Loss`` config (name and reduction)."""

    _fn = None

    def __init__(self, reduction="sum_over_batch_size", name=None, dtype=None):
        super().__init__(
            type(self)._fn, name=name or self._default_name, reduction=reduction, dtype=dtype
        )

    def get_config(self):
        """``{'name': ..., 'reduction': ...}``."""
        return Loss.get_config(self)


@keras_export("keras.losses.MeanSquaredError")
class MeanSquaredError(_Plain):
    """Mean of squares of errors (``keras.losses.MeanSquaredError``, name
    ``'mean_squared_error'``)."""

    _fn = staticmethod(mean_squared_error)
    _default_name = "mean_squared_error"


@keras_export("keras.losses.MeanAbsoluteError")
class MeanAbsoluteError(_Plain):
    """Mean of absolute errors (name ``'mean_absolute_error'``)."""

    _fn = staticmethod(mean_absolute_error)
    _default_name = "mean_absolute_error"


@keras_export("keras.losses.MeanAbsolutePercentageError")
class MeanAbsolutePercentageError(_Plain):
    """Mean absolute percentage error (name ``'mean_absolute_percentage_error'``)."""

    _fn = staticmethod(mean_absolute_percentage_error)
    _default_name = "mean_absolute_percentage_error"


@keras_export("keras.losses.MeanSquaredLogarithmicError")
class MeanSquaredLogarithmicError(_Plain):
    """Mean squared logarithmic error (name ``'mean_squared_logarithmic_error'``)."""

    _fn = staticmethod(mean_squared_logarithmic_error)
    _default_name = "mean_squared_logarithmic_error"


@keras_export("keras.losses.LogCosh")
class LogCosh(_Plain):
    """Logarithm of the hyperbolic cosine of the error (name ``'log_cosh'``)."""

    _fn = staticmethod(log_cosh)
    _default_name = "log_cosh"


@keras_export("keras.losses.CosineSimilarity")
class CosineSimilarity(LossFunctionWrapper):
    """Negative cosine similarity along ``axis`` (name ``'cosine_similarity'``)."""

    def __init__(
        self, axis=-1, reduction="sum_over_batch_size", name="cosine_similarity", dtype=None
    ):
        super().__init__(cosine_similarity, name=name, reduction=reduction, dtype=dtype, axis=axis)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}`` (Keras leaves ``axis`` out)."""
        return Loss.get_config(self)


@keras_export("keras.losses.Huber")
class Huber(LossFunctionWrapper):
    """Huber loss with threshold ``delta`` (name ``'huber_loss'``)."""

    def __init__(self, delta=1.0, reduction="sum_over_batch_size", name="huber_loss", dtype=None):
        super().__init__(huber, name=name, reduction=reduction, dtype=dtype, delta=delta)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}`` (Keras leaves ``delta`` out)."""
        return Loss.get_config(self)
