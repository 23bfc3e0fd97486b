"""``keras``: the Keras 3 API on torchkeras' tf core (``from torchkeras import keras``)."""
from . import activations, backend, constraints, initializers, layers, regularizers
from . import callbacks, losses, metrics, optimizers, utils
from . import models
from . import saving
from .saving import tf_checkpoint as _tf_checkpoint  # noqa: F401  (Keras in tf.train)
from .backend.keras_tensor import KerasTensor
from .layers import Input, InputSpec, Layer
from .models import Model, Sequential
from .backend.variables import KerasVariable as Variable
from .backend.name_scope import name_scope

__version__ = "3.15.0"
"""The Keras version whose behaviour torchkeras reproduces."""

__all__ = ["activations", "backend", "callbacks", "constraints", "initializers", "layers", "losses", "metrics",
           "models", "optimizers", "regularizers", "saving", "utils", "Input", "InputSpec", "KerasTensor", "Layer", "Model",
           "Sequential", "Variable", "name_scope"]
from . import mixed_precision  # noqa: E402
__all__ += ["mixed_precision"]
from . import datasets  # noqa: E402
__all__ += ["datasets"]
from . import config  # noqa: E402
__all__ += ["config"]
from .initializers import Initializer  # noqa: E402
from .losses import Loss  # noqa: E402
from .metrics import Metric  # noqa: E402
from .optimizers import Optimizer  # noqa: E402
from .regularizers import Regularizer  # noqa: E402


def version():
    """``keras.version()``: the Keras version torchkeras reproduces (``__version__``)."""
    return __version__


__all__ += ["Initializer", "Loss", "Metric", "Optimizer", "Regularizer", "version"]
from . import ops  # noqa: E402
__all__ += ["ops"]
from . import random  # noqa: E402
__all__ += ["random"]
from . import preprocessing  # noqa: E402
__all__ += ["preprocessing"]
