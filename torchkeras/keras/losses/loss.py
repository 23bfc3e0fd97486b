"""``keras.losses.Loss``: the base class, reductions and input conversion.

A loss converts ``y_true`` and ``y_pred`` to its dtype (float32 by default),
computes per-sample values with :meth:`Loss.call`, weights them by
``sample_weight`` (and by a mask a loss may produce, as
``SparseCategoricalCrossentropy(ignore_class=...)`` does) and reduces them.
All math runs on the torch storage, so the result is differentiable inside a
``GradientTape`` and stays on the inputs' device.
"""

from __future__ import annotations

import warnings

import numpy as np
import torch

from ...framework import dtypes
from ...framework.convert import convert_to_tensor, to_torch
from ...framework.tensor import TensorOperators, wrap
from ..backend.naming import auto_name
from ...framework.op_errors import dims_text, op_error
from ...ops.cast_ops import cast as _tf_cast
from ..backend.object_repr import KerasObjectRepr
from ...api_export import keras_export

_NESTED = (list, tuple)
"""Python structures Keras maps a loss over leaf by leaf."""

__all__ = [
    "Loss",
    "standardize_reduction",
    "squeeze_or_expand_to_same_rank",
    "reduce_weighted_values",
    "storage",
    "pair",
    "incompatible",
]

_REDUCTIONS = ("sum_over_batch_size", "sum", None, "none", "mean", "mean_with_sample_weight")


def storage(value, dtype=None):
    """The torch storage of a tensor-like ``value``, cast to torch ``dtype`` when given (Keras'
    ``convert_to_tensor(value, dtype)``, with TF's errors for values that do not convert)."""
    if isinstance(value, TensorOperators):
        value = value._value
    elif not isinstance(value, torch.Tensor):
        if dtype is not None:
            return convert_to_tensor(value, dtypes.from_torch(dtype))._value
        value = to_torch(value)
    if dtype is not None and value.dtype != dtype:
        if isinstance(value, np.ndarray):  # a string tensor: TF's Cast error
            _tf_cast(wrap(value), dtypes.from_torch(dtype))
        value = value.to(dtype)
    return value


def pair(y_true, y_pred, casts=False):
    """``(y_true, y_pred)`` storages as Keras' loss functions take them.

    ``y_pred`` keeps its dtype (Python values become float32); ``y_true`` is
    cast to ``y_pred``'s dtype and moved to its device.  Where either holds strings, TF's
    error of Keras' conversion: ``ops.cast`` where the function casts ``y_true``
    (``casts``: the crossentropies and hinges), ``convert_to_tensor(y_true, dtype)``
    elsewhere.
    """
    p = storage(y_pred)
    t = storage(y_true)
    if isinstance(p, np.ndarray) or isinstance(t, np.ndarray):
        _convert_like(y_true, p, casts)
    if t.dtype != p.dtype or t.device != p.device:
        t = t.to(device=p.device, dtype=p.dtype)
    return t, p


def _convert_like(y_true, p, casts):
    """Keras' conversion of ``y_true`` to the dtype of ``y_pred``'s storage ``p`` (TF's error
    where a string side does not convert)."""
    dtype = dtypes.string if isinstance(p, np.ndarray) else dtypes.from_torch(p.dtype)
    if casts:
        _tf_cast(convert_to_tensor(y_true), dtype)
    else:
        convert_to_tensor(y_true, dtype)


def check_categorical(p, fn_name, axis):
    """Keras' checks of a categorical loss: ``axis`` not a bool; a one-class ``p`` (its
    last axis of size 1) warned about."""
    check_axis_not_bool(axis)
    if p.ndim and p.shape[-1] == 1:
        warn_one_class(p, fn_name)


def check_axis_not_bool(axis):
    """Keras' ``ValueError`` for a bool ``axis`` of a categorical loss."""
    if isinstance(axis, bool):
        raise ValueError(
            "`axis` must be of type `int`. Received: axis=%s of type %s" % (axis, type(axis))
        )


def warn_one_class(p, fn_name):
    """Keras' warning for a categorical loss of a one-class prediction ``p``."""
    warnings.warn(
        "In loss %s, expected y_pred.shape to be (batch_size, num_classes) with num_classes > "
        "1. Received: y_pred.shape=%s. Consider using 'binary_crossentropy' if you only have 2 "
        "classes." % (fn_name, tuple(p.shape)),
        SyntaxWarning,
        stacklevel=5,
    )


def standardize_reduction(reduction):
    """Validates ``reduction`` as Keras does (``ValueError`` naming the allowed values)."""
    if reduction not in _REDUCTIONS:
        raise ValueError(
            "Invalid value for argument `reduction`. Expected one of %s. Received: reduction=%s"
            % ({r for r in _REDUCTIONS}, reduction)
        )
    return reduction


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    """Keras' rule making two storages the same rank: drop or add a trailing 1-dim."""
    r1, r2 = x1.ndim, x2.ndim
    if r1 == r2:
        return x1, x2
    if r1 == r2 + 1 and x1.shape[-1] == 1:
        if r2 == 1 and expand_rank_1:
            x2 = x2.unsqueeze(-1)
        else:
            x1 = x1.squeeze(-1)
    if r2 == r1 + 1 and x2.shape[-1] == 1:
        if r1 == 1 and expand_rank_1:
            x1 = x1.unsqueeze(-1)
        else:
            x2 = x2.squeeze(-1)
    return x1, x2


def incompatible(opname, a, b):
    """TF's ``InvalidArgumentError`` for two operands whose shapes do not broadcast."""
    return op_error(
        opname, "Incompatible shapes: %s vs. %s" % (dims_text(a.shape), dims_text(b.shape)), a
    )


def check_broadcast(opname, a, b):
    """TF's error of op ``opname`` (:func:`incompatible`) when ``a`` and ``b`` do not
    broadcast, raised before torch's own."""
    if a.shape != b.shape:
        try:
            torch.broadcast_shapes(a.shape, b.shape)
        except RuntimeError:
            raise incompatible(opname, a, b) from None


def _divide_no_nan(x, divisor):
    zero = divisor == 0
    return torch.where(
        zero, torch.zeros_like(x), x / torch.where(zero, torch.ones_like(divisor), divisor)
    )


def _reduce(values, sample_weight, reduction):
    if reduction is None or reduction == "none" or values.ndim == 0 or tuple(values.shape) == (0,):
        return values
    loss = values.sum()
    if reduction == "sum":
        return loss
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        return _divide_no_nan(loss, sample_weight.sum().to(loss.dtype))
    count = values.numel()
    return loss / count if count else torch.zeros_like(loss)


def reduce_weighted_values(values, sample_weight=None, mask=None, reduction="sum_over_batch_size"):
    """Weights per-sample ``values`` (torch) by ``sample_weight`` and ``mask`` and reduces them."""
    if mask is not None:
        if reduction in ("mean", "sum_over_batch_size"):
            valid = mask.sum(dtype=values.dtype)
            weight = _divide_no_nan(torch.full_like(valid, mask.numel()), valid)
            float_mask = torch.where(mask, weight, torch.zeros_like(weight))
        else:
            float_mask = mask.to(values.dtype)
        if sample_weight is not None:
            float_mask, sample_weight = squeeze_or_expand_to_same_rank(float_mask, sample_weight)
            sample_weight = sample_weight * float_mask
        else:
            sample_weight = float_mask
    if sample_weight is not None:
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        try:
            values = values * sample_weight
        except RuntimeError:
            raise incompatible("Mul", values, sample_weight) from None
    return _reduce(values, sample_weight, reduction)


@keras_export("keras.Loss", "keras.losses.Loss")
class Loss(KerasObjectRepr):
    """Base class of Keras losses (``keras.losses.Loss``).

    Subclasses implement ``call(y_true, y_pred)`` returning per-sample losses;
    ``loss(y_true, y_pred, sample_weight=None)`` converts the inputs to the
    loss dtype (float32), weights and reduces (``"sum_over_batch_size"`` by
    default; also ``"sum"``, ``"mean"``, ``"mean_with_sample_weight"``,
    ``"none"``/``None``) and returns a Tensor.  ``call`` receives and returns
    Tensors, as in Keras.
    """

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        self.name = name or auto_name(type(self).__name__)
        self.reduction = standardize_reduction(reduction)
        self._dtype = dtypes.as_dtype(dtype or "float32")

    @property
    def dtype(self):
        """The loss' compute dtype name (``'float32'``)."""
        return self._dtype.name

    def __call__(self, y_true, y_pred, sample_weight=None):
        if type(y_true) in _NESTED or type(y_pred) in _NESTED:
            self._check_nested(y_true, y_pred)
        torch_dtype = self._dtype.torch_dtype
        p = storage(y_pred, torch_dtype)
        t = storage(y_true, torch_dtype)
        if t.device != p.device:
            t = t.to(p.device)
        values, mask = self._call_storage(t, p)
        if sample_weight is not None:
            sample_weight = storage(sample_weight, values.dtype)
            if sample_weight.device != values.device:
                sample_weight = sample_weight.to(values.device)
        return wrap(reduce_weighted_values(values, sample_weight, mask, self.reduction))

    def _check_nested(self, y_true, y_pred):
        """Keras' errors for nested Python lists or tuples as ``y_true`` / ``y_pred`` (none
        here: Keras converts each leaf of each structure on its own)."""

    def _call_storage(self, y_true, y_pred):
        """Per-sample losses and an optional boolean mask, on torch storages."""
        return storage(self.call(wrap(y_true), wrap(y_pred)), y_pred.dtype), None

    def call(self, y_true, y_pred):
        """Per-sample losses of Tensors ``y_true`` and ``y_pred`` (override in subclasses)."""
        raise NotImplementedError

    def get_config(self):
        """``{'name': ..., 'reduction': ...}`` plus subclass arguments."""
        return {"name": self.name, "reduction": self.reduction}

    @classmethod
    def from_config(cls, config):
        """A loss built from ``get_config()``'s dict."""
        return cls(**config)
