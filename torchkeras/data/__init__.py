"""``tf.data``: input pipelines (``tf.data.Dataset``, ``tf.data.AUTOTUNE``).

Filled from the export registry (``api_export``); loaded lazily by ``tf.data``.
"""

import sys as _sys

from ..api_export import export_value as _export_value, fill_namespace as _fill_namespace

_export_value(_sys.modules[__name__], "tf.data")
_fill_namespace(globals(), "tf.data", ".dataset_ops")
