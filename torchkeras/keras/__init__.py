"""``keras``: the Keras 3 API on torchkeras' tf core (``from torchkeras import keras``).

Filled from the export registry (``api_export``): each class and function
declares its ``keras.*`` names where it is defined.
"""

import sys as _sys

from ..api_export import export_value as _export_value, fill_namespace as _fill_namespace
from ..api_export import keras_export as _keras_export
from . import activations, backend, constraints, initializers, layers, regularizers
from . import callbacks, losses, metrics, optimizers, utils
from . import models
from . import saving
from . import mixed_precision, datasets, config, ops, random, preprocessing, tree
from . import distribution
from .saving import tf_checkpoint as _tf_checkpoint  # noqa: F401 - Keras objects in tf.train

__version__ = "3.15.0"
"""The Keras version whose behaviour torchkeras reproduces."""


@_keras_export("keras.version")
def version():
    """``keras.version()``: the Keras version torchkeras reproduces (``__version__``)."""
    return __version__


for _module in (
    activations,
    backend,
    callbacks,
    config,
    constraints,
    datasets,
    distribution,
    initializers,
    layers,
    losses,
    metrics,
    mixed_precision,
    models,
    ops,
    optimizers,
    preprocessing,
    random,
    regularizers,
    saving,
    tree,
    utils,
):
    _export_value(_module, "keras." + _module.__name__.rpartition(".")[2])
_export_value(_sys.modules[__name__], "tf.keras")
_fill_namespace(
    globals(),
    "keras",
    ".backend.keras_tensor",
    ".backend.name_scope",
    ".backend.variables",
    ".ops.operation",
)
