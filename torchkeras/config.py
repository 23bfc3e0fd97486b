"""``tf.config``: list and configure devices (see ``framework/config.py``).

Filled from the export registry (``api_export``), as is ``tf.config.experimental``.
"""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

experimental = _types.ModuleType(
    __name__ + ".experimental", "``tf.config.experimental``: memory growth and device listing."
)
_sys.modules[experimental.__name__] = experimental
_export_value(experimental, "tf.config.experimental")
optimizer = _types.ModuleType(__name__ + ".optimizer", "``tf.config.optimizer``: Grappler/XLA.")
_sys.modules[optimizer.__name__] = optimizer
_export_value(optimizer, "tf.config.optimizer")
_fill_namespace(vars(optimizer), "tf.config.optimizer", "torchkeras.framework.optimizer_config")
threading = _types.ModuleType(
    __name__ + ".threading", "``tf.config.threading``: CPU thread pools (intra-op, inter-op)."
)
_sys.modules[threading.__name__] = threading
_export_value(threading, "tf.config.threading")
_fill_namespace(vars(threading), "tf.config.threading", "torchkeras.framework.threading_config")
_fill_namespace(
    vars(experimental),
    "tf.config.experimental",
    "torchkeras.framework.config",
    "torchkeras.framework.logical_devices",
)
_fill_namespace(
    globals(), "tf.config", ".framework.config", ".framework.function", ".framework.logical_devices"
)
