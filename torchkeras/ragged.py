"""``tf.ragged``: building and transforming ``tf.RaggedTensor``s.

Filled from the export registry (``api_export``): the ops declare their ``tf.ragged.*``
names where they are defined (``ops/ragged/``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.ragged",
    ".ops.ragged.ragged_factory_ops",
    ".ops.ragged.ragged_math_ops",
    ".ops.ragged.ragged_array_ops",
    ".ops.ragged.ragged_cross_ops",
)
