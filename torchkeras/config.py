"""``tf.config``: list and configure devices (see ``framework/config.py``)."""
import sys as _sys
import types as _types

from .framework import config as _impl
from .framework.config import (
    LogicalDevice, PhysicalDevice, get_visible_devices, list_logical_devices,
    list_physical_devices, set_visible_devices,
)
from .framework.function import functions_run_eagerly, run_functions_eagerly

experimental = _types.ModuleType(
    __name__ + ".experimental", "``tf.config.experimental``: memory growth and device listing.")
for _name in ("get_memory_growth", "set_memory_growth", "get_visible_devices",
              "set_visible_devices", "list_physical_devices", "list_logical_devices"):
    setattr(experimental, _name, getattr(_impl, _name))
_sys.modules[experimental.__name__] = experimental

__all__ = [
    "LogicalDevice", "PhysicalDevice", "experimental", "functions_run_eagerly",
    "get_visible_devices", "list_logical_devices", "list_physical_devices",
    "run_functions_eagerly", "set_visible_devices",
]
