"""``keras``: the Keras 3 API on torchkeras' tf core (``from torchkeras import keras``)."""
from . import activations, backend, constraints, initializers, layers, regularizers
from . import callbacks, losses, metrics, optimizers, utils
from . import models
from . import saving
from .backend.keras_tensor import KerasTensor
from .layers import Input, InputSpec, Layer
from .models import Model, Sequential
from .backend.variables import KerasVariable as Variable

__version__ = "3.15.0"
"""The Keras version whose behaviour torchkeras reproduces."""

__all__ = ["activations", "backend", "callbacks", "constraints", "initializers", "layers", "losses", "metrics",
           "models", "optimizers", "regularizers", "saving", "utils", "Input", "InputSpec", "KerasTensor", "Layer", "Model",
           "Sequential", "Variable"]
