"""``tf.bitwise``: bitwise operations on integer tensors (see ``ops/bitwise_ops.py``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.bitwise", ".ops.bitwise_ops")
