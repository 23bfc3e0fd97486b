"""``tf.random``: random tensors and seeding (see ``ops/random_ops.py`` for TF's seed rules).

Filled from the export registry (``api_export``): the ops declare their
``tf.random.*`` names where they are defined.
"""
from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.random", ".ops.random_ops")
