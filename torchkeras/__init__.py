"""torchkeras: the TensorFlow 2 / Keras API, running eagerly on PyTorch.

``import torchkeras as tf`` gives TensorFlow's ``tf`` namespace;
``from torchkeras import keras`` gives Keras.  Everything here is a re-export:
the code lives in ``framework/`` (the tf core), ``ops/`` (tf.* operations),
``data/`` and ``keras/``; each public symbol declares its TF names where it is
defined (``api_export``) and this namespace is filled from that registry.
"""

# First: sets OpenMP's environment defaults before anything loads torch.
from .framework import threading_config as _threading_config
from .api_export import export_value as _export_value, fill_namespace as _fill_namespace
from .framework import dtypes, errors
from . import math, nn, linalg, random, nest, debugging, config, test, train, saved_model, summary
from . import experimental, version, sysconfig, compat
from . import distribute
from . import bitwise, quantization, sets
from . import strings
from . import ragged
from . import sparse
from . import signal
from . import image
from . import io

# torchkeras' own additions (TF has no such names).
from .framework.tensor import as_torch, from_torch  # noqa: F401
from .framework.function import JitFunction  # noqa: F401
from ._alias import enable_tensorflow_alias  # noqa: F401

_threading_config.apply_thread_defaults()

__all__ = ["as_torch", "from_torch", "JitFunction", "enable_tensorflow_alias"]
newaxis = None
_export_value(newaxis, "tf.newaxis")
for _module in (
    dtypes,
    errors,
    math,
    nn,
    linalg,
    random,
    nest,
    debugging,
    config,
    test,
    train,
    saved_model,
    summary,
    experimental,
    version,
    sysconfig,
    compat,
    distribute,
    bitwise,
    quantization,
    sets,
    strings,
    ragged,
    sparse,
    signal,
    image,
    io,
):
    _export_value(_module, "tf." + _module.__name__.rpartition(".")[2])
_fill_namespace(
    globals(),
    "tf",
    ".framework.config",
    ".framework.convert",
    ".framework.custom_gradient",
    ".framework.device",
    ".framework.function",
    ".framework.indexed_slices",
    ".framework.logger",
    ".framework.shape",
    ".framework.sparse_tensor",
    ".framework.tape",
    ".framework.tensor",
    ".framework.variable",
    ".ops.array_ops",
    ".ops.bincount_ops",
    ".ops.bitcast_ops",
    ".ops.clip_ops",
    ".ops.control_flow_ops",
    ".ops.functional_ops",
    ".ops.script_ops",
    ".ops.string_number_ops",
    ".ops.tensor_array",
    ".ops.debugging",
    ".ops.linalg_ops",
    ".ops.logging_ops",
    ".ops.math_ops",
    ".ops.nn_ops",
    ".ops.random_ops",
    ".ops.ragged.ragged_tensor",
    ".ops.ragged.ragged_tensor_spec",
    ".ops.tensor_spec",
    ".ops.type_spec_ops",
    ".module.module",
    ".framework.name_scope",
)
__version__ = "2.21.0"
"""The TensorFlow version whose behaviour torchkeras reproduces."""


def __getattr__(name):
    if name in ("keras", "data"):
        import importlib

        module = importlib.import_module("." + name, __name__)
        globals()[name] = module
        return module
    raise AttributeError("module 'torchkeras' has no attribute %r" % name)
