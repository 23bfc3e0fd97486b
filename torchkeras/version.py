"""``tf.version``: TF's release identifiers (see ``framework/version.py``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.version", ".framework.version")
