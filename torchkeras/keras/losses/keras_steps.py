"""Keras' own steps of its loss functions, written with ``keras.ops``: the path for predictions
that are not floating (integers, strings, Python ints, ``None``), where Keras on TF gives
integer arithmetic, TF's conversion errors or an error of the first op that refuses the dtype.
The torch kernels of the loss modules take floating predictions (every call of a ``Loss``
object, and ``fit``); the public loss functions hand the rest to :func:`with_keras_steps`'
``steps``, so each outcome is Keras' by construction.
"""

from __future__ import annotations

import functools

import numpy as np
import torch

from ...framework.convert import to_torch
from ...framework.tensor import TensorOperators
from .. import ops
from .loss import check_axis_not_bool, warn_one_class

EPSILON = 1e-7
"""Keras' ``backend.epsilon()`` default."""


def _floating(y_pred):
    """Whether Keras' ``convert_to_tensor(y_pred)`` is a floating tensor."""
    value = y_pred._value if isinstance(y_pred, TensorOperators) else y_pred
    if isinstance(value, torch.Tensor):
        return value.dtype.is_floating_point
    if isinstance(value, np.ndarray):
        return value.dtype.kind == "f"
    if isinstance(value, float):
        return True
    if isinstance(value, (list, tuple)):
        try:
            converted = to_torch(value)
        except (TypeError, ValueError):
            return False
        return isinstance(converted, torch.Tensor) and converted.dtype.is_floating_point
    return False


def with_keras_steps(steps):
    """Decorates a public loss function so that a prediction that is not floating takes
    Keras' own ``steps`` (same signature) instead of the torch kernel."""

    def decorate(function):
        @functools.wraps(function)
        def loss_function(y_true, y_pred, *args, **kwargs):
            if _floating(y_pred):
                return function(y_true, y_pred, *args, **kwargs)
            return steps(y_true, y_pred, *args, **kwargs)

        return loss_function

    return decorate


def _converted(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    return ops.convert_to_tensor(y_true, dtype=y_pred.dtype), y_pred


def _cast(y_true, y_pred):
    y_pred = ops.convert_to_tensor(y_pred)
    return ops.cast(y_true, y_pred.dtype), y_pred


def _same_rank(x1, x2):
    """Keras' ``squeeze_or_expand_to_same_rank`` on tensors."""
    rank1, rank2 = len(x1.shape), len(x2.shape)
    if rank1 == rank2 + 1 and x1.shape[-1] == 1:
        if rank2 == 1:
            return x1, ops.expand_dims(x2, axis=-1)
        return ops.squeeze(x1, axis=-1), x2
    if rank2 == rank1 + 1 and x2.shape[-1] == 1:
        if rank1 == 1:
            return ops.expand_dims(x1, axis=-1), x2
        return x1, ops.squeeze(x2, axis=-1)
    return x1, x2


def mean_squared_error(y_true, y_pred):
    """Keras' ``mean_squared_error``."""
    y_true, y_pred = _same_rank(*_converted(y_true, y_pred))
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


def mean_absolute_error(y_true, y_pred):
    """Keras' ``mean_absolute_error``."""
    y_true, y_pred = _same_rank(*_converted(y_true, y_pred))
    return ops.mean(ops.abs(y_true - y_pred), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    """Keras' ``mean_absolute_percentage_error``."""
    y_true, y_pred = _converted(y_true, y_pred)
    epsilon = ops.convert_to_tensor(EPSILON, dtype=y_pred.dtype)
    y_true, y_pred = _same_rank(y_true, y_pred)
    diff = ops.abs((y_true - y_pred) / ops.maximum(ops.abs(y_true), epsilon))
    return 100.0 * ops.mean(diff, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    """Keras' ``mean_squared_logarithmic_error``."""
    epsilon = ops.convert_to_tensor(EPSILON)
    y_true, y_pred = _same_rank(*_converted(y_true, y_pred))
    first_log = ops.log(ops.maximum(y_pred, epsilon) + 1.0)
    second_log = ops.log(ops.maximum(y_true, epsilon) + 1.0)
    return ops.mean(ops.square(first_log - second_log), axis=-1)


def cosine_similarity(y_true, y_pred, axis=-1):
    """Keras' ``cosine_similarity``."""
    y_true, y_pred = _same_rank(*_converted(y_true, y_pred))
    y_pred = ops.normalize(y_pred, axis=axis)
    y_true = ops.normalize(y_true, axis=axis)
    return -ops.sum(y_true * y_pred, axis=axis)


def huber(y_true, y_pred, delta=1.0):
    """Keras' ``huber``."""
    y_true, y_pred = _same_rank(*_converted(y_true, y_pred))
    delta = ops.convert_to_tensor(delta, dtype=y_pred.dtype)
    error = ops.subtract(y_pred, y_true)
    abs_error = ops.abs(error)
    half = ops.convert_to_tensor(0.5, dtype=abs_error.dtype)
    quadratic = half * ops.square(error)
    linear = delta * abs_error - half * ops.square(delta)
    return ops.mean(ops.where(abs_error <= delta, quadratic, linear), axis=-1)


def log_cosh(y_true, y_pred):
    """Keras' ``log_cosh``."""
    y_true, y_pred = _same_rank(*_converted(y_true, y_pred))
    log2 = ops.convert_to_tensor(ops.log(2.0), dtype=y_pred.dtype)
    x = y_pred - y_true
    return ops.mean(x + ops.softplus(x * -2.0) - log2, axis=-1)


def kl_divergence(y_true, y_pred):
    """Keras' ``kl_divergence``."""
    y_true, y_pred = _converted(y_true, y_pred)
    y_true = ops.clip(y_true, EPSILON, 1)
    y_pred = ops.clip(y_pred, EPSILON, 1)
    return ops.sum(y_true * ops.log(y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    """Keras' ``poisson``."""
    y_true, y_pred = _converted(y_true, y_pred)
    epsilon = ops.convert_to_tensor(EPSILON, dtype=y_pred.dtype)
    return ops.mean(y_pred - y_true * ops.log(y_pred + epsilon), axis=-1)


def _hinge_labels(y_true):
    """Keras' ``convert_binary_labels_to_hinge``: 0/1 labels to -1/1, others unchanged."""
    binary = ops.all(ops.logical_or(ops.equal(y_true, 0), ops.equal(y_true, 1)))
    return ops.cond(binary, lambda: 2.0 * y_true - 1.0, lambda: y_true)


def hinge(y_true, y_pred):
    """Keras' ``hinge``."""
    y_true, y_pred = _cast(y_true, y_pred)
    y_true = _hinge_labels(ops.convert_to_tensor(y_true))
    return ops.mean(ops.maximum(1.0 - y_true * y_pred, 0.0), axis=-1)


def squared_hinge(y_true, y_pred):
    """Keras' ``squared_hinge``."""
    y_true, y_pred = _cast(y_true, y_pred)
    y_true = _hinge_labels(y_true)
    return ops.mean(ops.square(ops.maximum(1.0 - y_true * y_pred, 0.0)), axis=-1)


def categorical_hinge(y_true, y_pred):
    """Keras' ``categorical_hinge``."""
    y_true, y_pred = _cast(y_true, y_pred)
    pos = ops.sum(y_true * y_pred, axis=-1)
    neg = ops.max((1.0 - y_true) * y_pred, axis=-1)
    return ops.maximum(neg - pos + 1.0, ops.cast(0.0, y_pred.dtype))


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Keras' ``binary_crossentropy``."""
    y_true, y_pred = _cast(y_true, y_pred)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return ops.mean(ops.binary_crossentropy(y_true, y_pred, from_logits=from_logits), axis=axis)


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
    """Keras' ``binary_focal_crossentropy``."""
    y_true, y_pred = _cast(y_true, y_pred)
    if label_smoothing:
        y_true = y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:
        y_pred = ops.sigmoid(y_pred)
    bce = ops.binary_crossentropy(target=y_true, output=y_pred, from_logits=False)
    p_t = y_true * y_pred + (1 - y_true) * (1 - y_pred)
    focal_bce = ops.power(1.0 - p_t, gamma) * bce
    if apply_class_balancing:
        focal_bce = (y_true * alpha + (1 - y_true) * (1 - alpha)) * focal_bce
    return ops.mean(focal_bce, axis=axis)


def _categorical_inputs(y_true, y_pred, axis, name):
    """Keras' first steps of a categorical crossentropy: ``axis`` checked, the inputs
    converted, ``y_pred``'s last axis read (a scalar's ``IndexError``)."""
    check_axis_not_bool(axis)
    y_true, y_pred = _cast(y_true, y_pred)
    if y_pred.shape[-1] == 1:
        warn_one_class(y_pred, name)
    return y_true, y_pred


def _smoothed(y_true, y_pred, label_smoothing):
    if not label_smoothing:
        return y_true
    num_classes = ops.cast(ops.shape(y_true)[-1], y_pred.dtype)
    return y_true * (1.0 - label_smoothing) + (label_smoothing / num_classes)


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    """Keras' ``categorical_crossentropy``."""
    y_true, y_pred = _categorical_inputs(y_true, y_pred, axis, "categorical_crossentropy")
    y_true = _smoothed(y_true, y_pred, label_smoothing)
    return ops.categorical_crossentropy(y_true, y_pred, from_logits=from_logits, axis=axis)


def categorical_focal_crossentropy(
    y_true, y_pred, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1
):
    """Keras' ``categorical_focal_crossentropy``."""
    y_true, y_pred = _categorical_inputs(y_true, y_pred, axis, "categorical_focal_crossentropy")
    y_true = _smoothed(y_true, y_pred, label_smoothing)
    if from_logits:
        y_pred = ops.softmax(y_pred, axis=axis)
    output = y_pred / ops.sum(y_pred, axis=axis, keepdims=True)
    output = ops.clip(output, EPSILON, 1.0 - EPSILON)
    cce = -y_true * ops.log(output)
    weighting = ops.multiply(ops.power(1.0 - output, gamma), alpha)
    return ops.sum(ops.multiply(weighting, cce), axis=axis)
