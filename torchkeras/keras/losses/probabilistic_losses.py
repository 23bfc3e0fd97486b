"""Probabilistic losses: binary / categorical / sparse categorical crossentropy
(plain and focal), Kullback-Leibler divergence and Poisson, as functions and
``Loss`` classes.  Probabilities are clipped to ``[1e-7, 1 - 1e-7]`` as Keras
clips them; ``from_logits=True`` uses the stable logit formulas."""

from __future__ import annotations


import numpy as np
import torch
import torch.nn.functional as F

from ...framework import dtypes
from ...framework.tensor import wrap
from ...ops.cast_ops import cast as _tf_cast
from .loss import (
    Loss,
    check_broadcast,
    check_categorical,
    pair,
    squeeze_or_expand_to_same_rank,
    storage,
)
from .loss_function_wrapper import LossFunctionWrapper, config_with, register
from . import keras_steps
from ...framework.op_errors import op_error
from ...api_export import keras_export
from ...ops.nn_ops import sigmoid_cross_entropy

__all__ = [
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "sparse_categorical_crossentropy",
    "kl_divergence",
    "poisson",
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "SparseCategoricalCrossentropy",
    "KLDivergence",
    "Poisson",
]

EPSILON = 1e-7


def _same_shape(t, p):
    if t.ndim != p.ndim:
        raise ValueError(
            "Arguments `target` and `output` must have the same rank (ndim). Received: "
            "target.shape=%s, output.shape=%s" % (tuple(t.shape), tuple(p.shape))
        )
    if t.shape != p.shape:
        raise ValueError(
            "Arguments `target` and `output` must have the same shape. Received: "
            "target.shape=%s, output.shape=%s" % (tuple(t.shape), tuple(p.shape))
        )


def _bce_values(t, p, from_logits):
    _same_shape(t, p)
    if from_logits:
        return sigmoid_cross_entropy(p, t)
    p = p.clamp(EPSILON, 1.0 - EPSILON)
    return -(t * torch.log(p) + (1 - t) * torch.log(1 - p))


def _bce(t, p, from_logits=False, label_smoothing=0.0, axis=-1):
    if label_smoothing:
        t = t * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return _bce_values(t, p, from_logits).mean(axis)


def _binary_focal(
    t,
    p,
    apply_class_balancing=False,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    if label_smoothing:
        t = t * (1.0 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        p = torch.sigmoid(p)
    bce = _bce_values(t, p, False)
    p_t = t * p + (1 - t) * (1 - p)
    focal = torch.pow(1.0 - p_t, gamma) * bce
    if apply_class_balancing:
        focal = (t * alpha + (1 - t) * (1 - alpha)) * focal
    return focal.mean(axis)


def _smooth(t, label_smoothing):
    return t * (1.0 - label_smoothing) + label_smoothing / t.shape[-1]


def _cce(t, p, from_logits=False, label_smoothing=0.0, axis=-1):
    check_categorical(p, "categorical_crossentropy", axis)
    if label_smoothing:
        t = _smooth(t, label_smoothing)
    if t.ndim < 1:
        raise ValueError(
            "Arguments `target` and `output` must be at least rank 1. Received: "
            "target.shape=%s, output.shape=%s" % (tuple(t.shape), tuple(p.shape))
        )
    _same_shape(t, p)
    if from_logits:
        return -(t * torch.log_softmax(p, axis)).sum(axis)
    p = (p / p.sum(axis, keepdim=True)).clamp(EPSILON, 1.0 - EPSILON)
    return -(t * torch.log(p)).sum(axis)


def _categorical_focal(
    t, p, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1
):
    check_categorical(p, "categorical_focal_crossentropy", axis)
    check_broadcast("Mul", t, p)
    if label_smoothing:
        t = _smooth(t, label_smoothing)
    if from_logits:
        p = torch.softmax(p, axis)
    output = (p / p.sum(axis, keepdim=True)).clamp(EPSILON, 1.0 - EPSILON)
    cce = -t * torch.log(output)
    return (torch.pow(1.0 - output, gamma) * alpha * cce).sum(axis)


def _sparse_ce(t, p, from_logits, axis):
    if axis != -1 and axis != p.ndim - 1:
        raise ValueError("Only axis=-1 is currently supported. Received: axis=%s" % (axis,))
    if t.ndim == p.ndim and t.shape[-1] == 1:
        t = t.squeeze(-1)
    if p.ndim < 1:
        raise ValueError(
            "Argument `output` must be at least rank 1. Received: output.shape=%s"
            % (tuple(p.shape),)
        )
    if t.ndim != p.ndim - 1:
        raise ValueError(
            "Argument `output` must have rank (ndim) `target.ndim - 1`. Received: "
            "target.shape=%s, output.shape=%s" % (tuple(t.shape), tuple(p.shape))
        )
    if t.shape != p.shape[:-1]:
        raise ValueError(
            "Arguments `target` and `output` must have the same shape up until the last dimension: "
            "target.shape=%s, output.shape=%s" % (tuple(t.shape), tuple(p.shape))
        )
    logits = p if from_logits else torch.log(p.clamp(EPSILON, 1.0 - EPSILON))
    labels = t.long()
    if logits.ndim > 2:
        logits = logits.movedim(-1, 1)
    try:
        return F.cross_entropy(logits, labels, reduction="none")
    except (IndexError, RuntimeError):
        bad = labels[(labels < 0) | (labels >= p.shape[-1])]
        listed = " ".join(str(int(v)) for v in labels.flatten())
        raise op_error(
            "SparseSoftmaxCrossEntropyWithLogits",
            "Received a label value of %d which is outside the valid range of [0, %d).  Label "
            "values: %s" % (int(bad[0]) if bad.numel() else -1, p.shape[-1], listed),
            p,
        ) from None


def _scce_masked(t, p, from_logits=False, ignore_class=None, axis=-1):
    if t.ndim == p.ndim and t.shape[axis] == 1:
        t = t.squeeze(axis)
    if ignore_class is None:
        return _sparse_ce(t, p, from_logits, axis), None
    valid = t != ignore_class
    t = torch.where(valid, t, torch.zeros_like(t))
    p = torch.where(valid.unsqueeze(axis), p, torch.zeros_like(p))
    values = _sparse_ce(t, p, from_logits, axis)
    valid = valid.reshape(values.shape)
    return torch.where(valid, values, torch.zeros_like(values)), valid


def _scce(t, p, from_logits=False, ignore_class=None, axis=-1):
    return _scce_masked(t, p, from_logits, ignore_class, axis)[0]


def _kld(t, p):
    check_broadcast("RealDiv", t, p)
    t = t.clamp(EPSILON, 1)
    p = p.clamp(EPSILON, 1)
    return (t * torch.log(t / p)).sum(-1)


def _poisson(t, p):
    check_broadcast("Mul", t, p)
    return (p - t * torch.log(p + EPSILON)).mean(-1)


@keras_export("keras.metrics.binary_crossentropy", "keras.losses.binary_crossentropy")
@keras_steps.with_keras_steps(keras_steps.binary_crossentropy)
def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Binary crossentropy averaged over ``axis``; ``ValueError`` when the shapes differ."""
    return wrap(
        _bce(
            *pair(y_true, y_pred, casts=True),
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
    )


@keras_export("keras.metrics.binary_focal_crossentropy", "keras.losses.binary_focal_crossentropy")
@keras_steps.with_keras_steps(keras_steps.binary_focal_crossentropy)
def binary_focal_crossentropy(
    y_true,
    y_pred,
    apply_class_balancing=False,
    alpha=0.25,
    gamma=2.0,
    from_logits=False,
    label_smoothing=0.0,
    axis=-1,
):
    """Binary focal crossentropy: ``(1 - p_t) ** gamma * bce`` (optionally class-balanced by
    ``alpha``)."""
    return wrap(
        _binary_focal(
            *pair(y_true, y_pred, casts=True),
            apply_class_balancing=apply_class_balancing,
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
    )


@keras_export("keras.metrics.categorical_crossentropy", "keras.losses.categorical_crossentropy")
@keras_steps.with_keras_steps(keras_steps.categorical_crossentropy)
def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Categorical crossentropy of one-hot ``y_true`` and class probabilities (or logits)."""
    return wrap(
        _cce(
            *pair(y_true, y_pred, casts=True),
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
    )


@keras_export(
    "keras.metrics.categorical_focal_crossentropy", "keras.losses.categorical_focal_crossentropy"
)
@keras_steps.with_keras_steps(keras_steps.categorical_focal_crossentropy)
def categorical_focal_crossentropy(
    y_true, y_pred, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1
):
    """Categorical focal crossentropy: ``alpha * (1 - p) ** gamma * cce`` summed over classes."""
    return wrap(
        _categorical_focal(
            *pair(y_true, y_pred, casts=True),
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
    )


@keras_export(
    "keras.metrics.sparse_categorical_crossentropy", "keras.losses.sparse_categorical_crossentropy"
)
def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None, axis=-1):
    """Crossentropy of integer labels and class probabilities (or logits); ``ignore_class`` gives
    0 there.  As Keras, it reads ``y_true.shape`` and ``y_pred.shape`` first (Python lists
    raise its ``AttributeError``)."""
    if len(y_true.shape) == len(y_pred.shape):
        y_true.shape[axis]  # noqa: B018 - Keras indexes it (its IndexError for a bad axis)
    p = storage(y_pred)
    t = storage(y_true)
    if isinstance(t, np.ndarray):  # string labels: Keras casts them to int64 (TF's error)
        _tf_cast(y_true, dtypes.int64)
    if t.device != p.device:
        t = t.to(p.device)
    return wrap(_scce(t, p, from_logits=from_logits, ignore_class=ignore_class, axis=axis))


@keras_export("keras.metrics.kl_divergence", "keras.losses.kl_divergence")
@keras_steps.with_keras_steps(keras_steps.kl_divergence)
def kl_divergence(y_true, y_pred):
    """``sum(y_true * log(y_true / y_pred), axis=-1)`` with both clipped to ``[1e-7, 1]``."""
    return wrap(_kld(*pair(y_true, y_pred)))


@keras_export("keras.metrics.poisson", "keras.losses.poisson")
@keras_steps.with_keras_steps(keras_steps.poisson)
def poisson(y_true, y_pred):
    """``mean(y_pred - y_true * log(y_pred + 1e-7), axis=-1)``."""
    return wrap(_poisson(*pair(y_true, y_pred)))


for _public, _impl in (
    (binary_crossentropy, _bce),
    (binary_focal_crossentropy, _binary_focal),
    (categorical_crossentropy, _cce),
    (categorical_focal_crossentropy, _categorical_focal),
    (sparse_categorical_crossentropy, _scce),
    (kl_divergence, _kld),
    (poisson, _poisson),
):
    register(_public, _impl)


@keras_export("keras.losses.BinaryCrossentropy")
class BinaryCrossentropy(LossFunctionWrapper):
    """Crossentropy of binary labels (name ``'binary_crossentropy'``)."""

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_crossentropy",
        dtype=None,
    ):
        super().__init__(
            binary_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def get_config(self):
        """Name, reduction, ``from_logits``, ``label_smoothing``, ``axis``."""
        return config_with(self, "from_logits", "label_smoothing", "axis")


@keras_export("keras.losses.BinaryFocalCrossentropy")
class BinaryFocalCrossentropy(LossFunctionWrapper):
    """Focal crossentropy of binary labels (name ``'binary_focal_crossentropy'``)."""

    def __init__(
        self,
        apply_class_balancing=False,
        alpha=0.25,
        gamma=2.0,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="binary_focal_crossentropy",
        dtype=None,
    ):
        super().__init__(
            binary_focal_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            apply_class_balancing=apply_class_balancing,
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis
        self.apply_class_balancing = apply_class_balancing
        self.alpha = alpha
        self.gamma = gamma

    def get_config(self):
        """Name, reduction and the focal arguments."""
        return config_with(
            self,
            "from_logits",
            "label_smoothing",
            "axis",
            "apply_class_balancing",
            "alpha",
            "gamma",
        )


@keras_export("keras.losses.CategoricalCrossentropy")
class CategoricalCrossentropy(LossFunctionWrapper):
    """Crossentropy of one-hot labels (name ``'categorical_crossentropy'``)."""

    def __init__(
        self,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_crossentropy",
        dtype=None,
    ):
        super().__init__(
            categorical_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def get_config(self):
        """Name, reduction, ``from_logits``, ``label_smoothing``, ``axis``."""
        return config_with(self, "from_logits", "label_smoothing", "axis")


@keras_export("keras.losses.CategoricalFocalCrossentropy")
class CategoricalFocalCrossentropy(LossFunctionWrapper):
    """Focal crossentropy of one-hot labels (name ``'categorical_focal_crossentropy'``)."""

    def __init__(
        self,
        alpha=0.25,
        gamma=2.0,
        from_logits=False,
        label_smoothing=0.0,
        axis=-1,
        reduction="sum_over_batch_size",
        name="categorical_focal_crossentropy",
        dtype=None,
    ):
        super().__init__(
            categorical_focal_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            alpha=alpha,
            gamma=gamma,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis
        self.alpha = alpha
        self.gamma = gamma

    def get_config(self):
        """Name, reduction and the focal arguments."""
        return config_with(self, "from_logits", "label_smoothing", "axis", "alpha", "gamma")


@keras_export("keras.losses.SparseCategoricalCrossentropy")
class SparseCategoricalCrossentropy(LossFunctionWrapper):
    """Crossentropy of integer labels (name ``'sparse_categorical_crossentropy'``).

    With ``ignore_class``, those targets contribute nothing and, as in Keras,
    ``"sum_over_batch_size"`` averages over the other targets only.
    """

    def __init__(
        self,
        from_logits=False,
        ignore_class=None,
        reduction="sum_over_batch_size",
        axis=-1,
        name="sparse_categorical_crossentropy",
        dtype=None,
    ):
        super().__init__(
            sparse_categorical_crossentropy,
            name=name,
            reduction=reduction,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )
        self.from_logits = from_logits
        self.ignore_class = ignore_class

    def _call_storage(self, y_true, y_pred):
        return _scce_masked(*squeeze_or_expand_to_same_rank(y_true, y_pred), **self._fn_kwargs)

    def get_config(self):
        """Name, reduction, ``from_logits``, ``ignore_class``."""
        return config_with(self, "from_logits", "ignore_class")


@keras_export("keras.losses.KLDivergence")
class KLDivergence(LossFunctionWrapper):
    """Kullback-Leibler divergence (name ``'kl_divergence'``)."""

    def __init__(self, reduction="sum_over_batch_size", name="kl_divergence", dtype=None):
        super().__init__(kl_divergence, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}``."""
        return Loss.get_config(self)


@keras_export("keras.losses.Poisson")
class Poisson(LossFunctionWrapper):
    """Poisson loss (name ``'poisson'``)."""

    def __init__(self, reduction="sum_over_batch_size", name="poisson", dtype=None):
        super().__init__(poisson, name=name, reduction=reduction, dtype=dtype)

    def get_config(self):
        """``{'name': ..., 'reduction': ...}``."""
        return Loss.get_config(self)
