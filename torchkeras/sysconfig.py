"""``tf.sysconfig``: build information (see ``framework/sysconfig.py``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.sysconfig", ".framework.sysconfig")
