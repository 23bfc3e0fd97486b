"""Hinge losses: hinge, squared hinge and categorical hinge, as functions and ``Loss`` classes."""

from __future__ import annotations

import torch

from ...framework.tensor import wrap
from .loss import Loss, check_broadcast, pair
from .loss_function_wrapper import LossFunctionWrapper, register
from . import keras_steps
from ...api_export import keras_export
from ..ops._numpy_reduction import max as _keras_max

__all__ = [
    "hinge",
    "squared_hinge",
    "categorical_hinge",
    "Hinge",
    "SquaredHinge",
    "CategoricalHinge",
]


def _to_signs(t):
    """Keras' rule: labels that are all 0/1 become -1/1; others are used as given."""
    is_binary = ((t == 0) | (t == 1)).all()
    return torch.where(is_binary, 2.0 * t - 1.0, t)


def _hinge(t, p):
    check_broadcast("Mul", t, p)
    return (1.0 - _to_signs(t) * p).clamp_min(0.0).mean(-1)


def _squared_hinge(t, p):
    check_broadcast("Mul", t, p)
    return (1.0 - _to_signs(t) * p).clamp_min(0.0).square().mean(-1)


def _categorical_hinge(t, p):
    check_broadcast("Mul", t, p)
    pos = (t * p).sum(-1)
    neg = _keras_max(wrap((1.0 - t) * p), axis=-1)._value  # Keras' error on an empty input
    return (neg - pos + 1.0).clamp_min(0.0)


@keras_export("keras.metrics.hinge", "keras.losses.hinge")
@keras_steps.with_keras_steps(keras_steps.hinge)
def hinge(y_true, y_pred):
    """``mean(maximum(1 - y_true * y_pred, 0), axis=-1)``; 0/1 labels are mapped to -1/1 first."""
    return wrap(_hinge(*pair(y_true, y_pred, casts=True)))


@keras_export("keras.metrics.squared_hinge", "keras.losses.squared_hinge")
@keras_steps.with_keras_steps(keras_steps.squared_hinge)
def squared_hinge(y_true, y_pred):
    """``mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)``; 0/1 labels are mapped to -1/1
    first."""
    return wrap(_squared_hinge(*pair(y_true, y_pred, casts=True)))


@keras_export("keras.metrics.categorical_hinge", "keras.losses.categorical_hinge")
@keras_steps.with_keras_steps(keras_steps.categorical_hinge)
def categorical_hinge(y_true, y_pred):
    """``maximum(max((1 - y_true) * y_pred) - sum(y_true * y_pred) + 1, 0)`` on the last axis."""
    return wrap(_categorical_hinge(*pair(y_true, y_pred, casts=True)))


for _public, _impl in (
    (hinge, _hinge),
    (squared_hinge, _squared_hinge),
    (categorical_hinge, _categorical_hinge),
):
    register(_public, _impl)


@keras_export("keras.losses.Hinge")
class Hinge(LossFunctionWrapper):
    """Hinge loss (name ``'hinge'``)."""

    def __init__(self, reduction="sum_over_batch_size", name="hinge", dtype=None):
        super().__init__(hinge, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}``."""
        return Loss.get_config(self)


@keras_export("keras.losses.SquaredHinge")
class SquaredHinge(LossFunctionWrapper):
    """Squared hinge loss (name ``'squared_hinge'``)."""

    def __init__(self, reduction="sum_over_batch_size", name="squared_hinge", dtype=None):
        super().__init__(squared_hinge, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}``."""
        return Loss.get_config(self)


@keras_export("keras.losses.CategoricalHinge")
class CategoricalHinge(LossFunctionWrapper):
    """Categorical hinge loss (name ``'categorical_hinge'``)."""

    def __init__(self, reduction="sum_over_batch_size", name="categorical_hinge", dtype=None):
        super().__init__(categorical_hinge, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}``."""
        return Loss.get_config(self)
