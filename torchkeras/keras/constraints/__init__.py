"""``keras.constraints``: projections applied to a weight after each optimizer update.

``constraint(w)`` returns the projected value as a ``tf.Tensor``.
"""

import torch

from ...framework.convert import to_torch
from ...framework.tensor import wrap
from ..backend import config
from ..backend.object_lookup import ObjectLookup
from ..backend.object_repr import KerasObjectRepr as _KerasObjectRepr
from ...api_export import (
    keras_export as _keras_export,
    export_value as _export_value,
    fill_namespace as _fill_namespace,
)


@_keras_export("keras.constraints.Constraint")
class Constraint(_KerasObjectRepr):
    """Base class: ``constraint(w)`` -> projected ``w`` (the identity here)."""

    def __call__(self, w):
        return wrap(to_torch(w))

    def get_config(self):
        """The constructor arguments."""
        return {}

    @classmethod
    def from_config(cls, config):
        """A new constraint from ``get_config()``'s output."""
        return cls(**config)


def _norms(w, axis):
    return torch.sqrt(torch.sum(w * w, dim=axis, keepdim=True))


@_keras_export("keras.constraints.MaxNorm", "keras.constraints.max_norm")
class MaxNorm(Constraint):
    """Rescales the weights whose norm along ``axis`` exceeds ``max_value``."""

    def __init__(self, max_value=2, axis=0):
        self.max_value, self.axis = max_value, axis

    def __call__(self, w):
        value = to_torch(w)
        norms = _norms(value, self.axis)
        desired = torch.clamp(norms, 0, self.max_value)
        return wrap(value * (desired / (config.epsilon() + norms)))

    def get_config(self):
        return {"max_value": self.max_value, "axis": self.axis}


@_keras_export("keras.constraints.NonNeg", "keras.constraints.non_neg")
class NonNeg(Constraint):
    """Zeroes the negative weights."""

    def __call__(self, w):
        value = to_torch(w)
        return wrap(value * (value >= 0).to(value.dtype))


@_keras_export("keras.constraints.UnitNorm", "keras.constraints.unit_norm")
class UnitNorm(Constraint):
    """Divides the weights by their norm along ``axis``."""

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        value = to_torch(w)
        return wrap(value / (config.epsilon() + _norms(value, self.axis)))

    def get_config(self):
        return {"axis": self.axis}


@_keras_export("keras.constraints.MinMaxNorm", "keras.constraints.min_max_norm")
class MinMaxNorm(Constraint):
    """Moves the norms along ``axis`` into ``[min_value, max_value]`` at ``rate``."""

    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value, self.max_value, self.rate, self.axis = min_value, max_value, rate, axis

    def __call__(self, w):
        value = to_torch(w)
        norms = _norms(value, self.axis)
        desired = (
            self.rate * torch.clamp(norms, self.min_value, self.max_value) + (1 - self.rate) * norms
        )
        return wrap(value * (desired / (config.epsilon() + norms)))

    def get_config(self):
        return {
            "min_value": self.min_value,
            "max_value": self.max_value,
            "rate": self.rate,
            "axis": self.axis,
        }


max_norm = MaxNorm
non_neg = NonNeg
unit_norm = UnitNorm
min_max_norm = MinMaxNorm
_CLASSES = {
    "MaxNorm": MaxNorm,
    "NonNeg": NonNeg,
    "UnitNorm": UnitNorm,
    "MinMaxNorm": MinMaxNorm,
    "max_norm": MaxNorm,
    "non_neg": NonNeg,
    "unit_norm": UnitNorm,
    "min_max_norm": MinMaxNorm,
}


_LOOKUP = ObjectLookup("constraint", "keras.constraints", _CLASSES)
serialize = _LOOKUP.serialize
_export_value(serialize, "keras.constraints.serialize")
deserialize = _LOOKUP.deserialize
_export_value(deserialize, "keras.constraints.deserialize")
get = _LOOKUP.get
_export_value(get, "keras.constraints.get")


_fill_namespace(globals(), "keras.constraints")
