"""``tf.experimental``: ``tf.experimental.numpy`` (NumPy's API returning ``tf.Tensor``).

Filled from the export registry (``api_export``), as are ``tf.experimental.numpy`` and
``tf.experimental.numpy.random``; ``import torchkeras.experimental.numpy as tnp`` works
as ``import tensorflow.experimental.numpy as tnp`` does.
"""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

_DEFINING = (
    "torchkeras.ops.tnp_dtypes",
    "torchkeras.ops.tnp_creation",
    "torchkeras.ops.tnp_math",
    "torchkeras.ops.tnp_reduction",
    "torchkeras.ops.tnp_array",
    "torchkeras.ops.tnp_behavior",
    "torchkeras.ops.tnp_random",
)

numpy = _types.ModuleType(__name__ + ".numpy", "``tf.experimental.numpy``: NumPy's API on tf.")
numpy.random = _types.ModuleType(
    numpy.__name__ + ".random", "``tf.experimental.numpy.random``: NumPy's random functions."
)
_sys.modules[numpy.__name__] = numpy
_sys.modules[numpy.random.__name__] = numpy.random
_export_value(numpy, "tf.experimental.numpy")
_export_value(numpy.random, "tf.experimental.numpy.random")
_fill_namespace(vars(numpy), "tf.experimental.numpy", *_DEFINING)
_fill_namespace(vars(numpy.random), "tf.experimental.numpy.random")
_fill_namespace(globals(), "tf.experimental")
