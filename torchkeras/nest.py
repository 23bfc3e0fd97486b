"""``tf.nest``: flatten, map and rebuild nested structures of lists, tuples and dicts.

Filled from the export registry (``api_export``): the ops declare their
``tf.nest.*`` names where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.nest", ".ops.nest")
