"""``tf.test``: the device queries of TF's test module (see ``framework/config.py``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.test", ".framework.config")
