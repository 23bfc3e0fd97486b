"""``tf.debugging``: runtime assertions and numeric checks.

Filled from the export registry (``api_export``): the ops declare their
``tf.debugging.*`` names where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.debugging", ".ops.debugging", ".ops.op_hooks")
