"""``keras.regularizers``: weight penalties ``L1``, ``L2``, ``L1L2`` (and ``l1``, ``l2``,
``l1_l2``).

``regularizer(x)`` returns the scalar penalty as a ``tf.Tensor``; layers add it
to their ``losses``.
"""

import math

import torch

from ...framework.convert import to_torch
from ...framework.tensor import wrap
from ..backend.object_lookup import ObjectLookup
from ..backend.object_repr import KerasObjectRepr as _KerasObjectRepr
from ...api_export import (
    keras_export as _keras_export,
    export_value as _export_value,
    fill_namespace as _fill_namespace,
)


@_keras_export("keras.Regularizer", "keras.regularizers.Regularizer")
class Regularizer(_KerasObjectRepr):
    """Base class: ``regularizer(x)`` -> scalar penalty."""

    def __call__(self, x):
        return wrap(torch.zeros((), device=to_torch(x).device))

    def get_config(self):
        """The constructor arguments."""
        return {}

    @classmethod
    def from_config(cls, config):
        """A new regularizer from ``get_config()``'s output."""
        return cls(**config)


def _check(value, name, default):
    """Keras' ``validate_float_arg``: ``value`` (``None``: ``default``) as a float, or Keras'
    error for a non-number, an infinity, a NaN or a negative."""
    value = default if value is None else value
    if not isinstance(value, (int, float)) or math.isinf(value) or math.isnan(value) or value < 0:
        raise ValueError(
            "Invalid value for argument %s: expected a non-negative float.Received: %s=%s"
            % (name, name, value)
        )
    return float(value)


@_keras_export("keras.regularizers.L1L2", "keras.regularizers.l1_l2")
class L1L2(Regularizer):
    """``l1 * sum(|x|) + l2 * sum(x**2)``."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _check(l1, "l1", 0.0)
        self.l2 = _check(l2, "l2", 0.0)

    def __call__(self, x):
        value = to_torch(x)
        if not isinstance(value, torch.Tensor):  # strings: Keras starts from 0.0 in x's dtype
            raise TypeError("Cannot convert 0.0 to EagerTensor of dtype %s" % x.dtype.name)
        penalty = torch.zeros((), dtype=value.dtype, device=value.device)
        if self.l1:
            penalty = penalty + self.l1 * torch.sum(torch.abs(value))
        if self.l2:
            penalty = penalty + self.l2 * torch.sum(value * value)
        return wrap(penalty)

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


@_keras_export("keras.regularizers.L1", "keras.regularizers.l1")
class L1(Regularizer):
    """``l1 * sum(|x|)``."""

    def __init__(self, l1=0.01):
        self.l1 = _check(l1, "l1", 0.01)

    def __call__(self, x):
        return wrap(self.l1 * torch.sum(torch.abs(to_torch(x))))

    def get_config(self):
        """``{"l1": ...}`` with ``l1`` rounded to float32, as Keras (which holds it as a tensor)
        reports it."""
        return {"l1": float(torch.tensor(self.l1, dtype=torch.float32))}


@_keras_export("keras.regularizers.L2", "keras.regularizers.l2")
class L2(Regularizer):
    """``l2 * sum(x**2)``."""

    def __init__(self, l2=0.01):
        self.l2 = _check(l2, "l2", 0.01)

    def __call__(self, x):
        value = to_torch(x)
        return wrap(self.l2 * torch.sum(value * value))

    def get_config(self):
        return {"l2": self.l2}


l1 = L1
l2 = L2
l1_l2 = L1L2
_CLASSES = {"L1": L1, "L2": L2, "L1L2": L1L2, "l1": L1, "l2": L2, "l1_l2": L1L2}


_LOOKUP = ObjectLookup("regularizer", "keras.regularizers", _CLASSES)
serialize = _LOOKUP.serialize
_export_value(serialize, "keras.regularizers.serialize")
deserialize = _LOOKUP.deserialize
_export_value(deserialize, "keras.regularizers.deserialize")
get = _LOOKUP.get
_export_value(get, "keras.regularizers.get")


_fill_namespace(globals(), "keras.regularizers")
