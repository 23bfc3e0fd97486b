"""``tf.math``: the elementwise, reduction and comparison ops TF lists under ``tf.math``.

Filled from the export registry (``api_export``): the ops declare their
``tf.math.*`` names where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

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
)
