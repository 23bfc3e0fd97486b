"""``tf.compat``: string helpers, ``tf.compat.v1`` (TF1 switches and logging, see
``framework/compat_v1.py``) and ``tf.compat.v2`` (the ``tf`` namespace itself).

Filled from the export registry (``api_export``).
"""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

v1 = _types.ModuleType(__name__ + ".v1", "``tf.compat.v1``: the TF1 entry points TF2 scripts use.")
v1.logging = _types.ModuleType(v1.__name__ + ".logging", "``tf.compat.v1.logging``.")
_sys.modules[v1.__name__] = v1
_sys.modules[v1.logging.__name__] = v1.logging
_export_value(v1, "tf.compat.v1")
_export_value(v1.logging, "tf.compat.v1.logging")
_fill_namespace(vars(v1), "tf.compat.v1", "torchkeras.framework.compat_v1")
_fill_namespace(vars(v1.logging), "tf.compat.v1.logging")
_fill_namespace(globals(), "tf.compat", ".framework.compat")
v2 = _sys.modules[__package__]
