"""``tf.math``: the elementwise, reduction and comparison ops TF lists under ``tf.math``.

Filled from the export registry (``api_export``): the ops declare their
``tf.math.*`` names where they are defined.
"""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

special = _types.ModuleType(
    __name__ + ".special",
    "``tf.math.special``: Bessel functions, Dawson, expint, Fresnel and Spence.",
)
_sys.modules[special.__name__] = special
_export_value(special, "tf.math.special")

_fill_namespace(
    globals(),
    "tf.math",
    ".ops.bincount_ops",
    ".ops.comparison_ops",
    ".ops.elementwise_ops",
    ".ops.nn_ops",
    ".ops.norm_ops",
    ".ops.reduction_ops",
    ".ops.scan_ops",
    ".ops.segment_ops",
    ".ops.special_math_ops",
)
_fill_namespace(vars(special), "tf.math.special")
