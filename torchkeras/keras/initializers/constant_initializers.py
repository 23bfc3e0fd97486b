"""Deterministic initializers: ``Zeros``, ``Ones``, ``Constant``, ``Identity``."""

import numpy as np
import torch

from .initializer import Initializer
from ...api_export import keras_export


@keras_export("keras.initializers.Zeros", "keras.initializers.zeros")
class Zeros(Initializer):
    """Initializes with 0."""

    def _generate(self, shape, torch_dtype, device):
        return torch.zeros(shape, dtype=torch_dtype, device=device)


@keras_export("keras.initializers.Ones", "keras.initializers.ones")
class Ones(Initializer):
    """Initializes with 1."""

    def _generate(self, shape, torch_dtype, device):
        return torch.ones(shape, dtype=torch_dtype, device=device)


@keras_export("keras.initializers.Constant", "keras.initializers.constant")
class Constant(Initializer):
    """Initializes with ``value`` (a scalar, broadcast to the shape)."""

    def __init__(self, value=0.0):
        self.value = value

    def _generate(self, shape, torch_dtype, device):
        value = torch.as_tensor(np.asarray(self.value), dtype=torch_dtype, device=device)
        return value.expand(shape).clone()

    def get_config(self):
        return {"value": self.value}


@keras_export(
    "keras.initializers.Identity",
    "keras.initializers.identity",
    "keras.initializers.IdentityInitializer",
)
class Identity(Initializer):
    """A 2-D identity matrix times ``gain`` (Keras: ``IdentityInitializer``)."""

    def __init__(self, gain=1.0):
        self.gain = gain

    def _generate(self, shape, torch_dtype, device):
        if len(shape) != 2:
            raise ValueError(
                "Identity matrix initializer can only be used for 2D matrices. Received: shape=%s "
                "of rank %d." % (shape, len(shape))
            )
        return self.gain * torch.eye(shape[0], shape[1], dtype=torch_dtype, device=device)

    def get_config(self):
        """``{}``: Keras 3.15 does not record ``gain`` (a reloaded Identity has ``gain=1.0``);
        kept for file parity."""
        return {}


IdentityInitializer = Identity
