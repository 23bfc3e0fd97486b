"""``tf.config`` logical (virtual) devices: splitting a physical device in several.

As TF, a CPU may be split into several logical CPUs (``/device:CPU:0``, ``/device:CPU:1``
...), which ``list_logical_devices`` then lists and ``tf.device`` accepts; a CPU
configuration with ``memory_limit`` is refused.  Differences: every logical CPU runs on
torch's one CPU device (tensors report ``CPU:0``); torch cannot split a GPU, so a GPU
configuration is recorded but the GPU stays one logical device; and configurations may
be changed at any time (TF refuses once its runtime started).
"""

from __future__ import annotations

import collections

from ..api_export import tf_export
from .global_state import PROCESS

__all__ = [
    "LogicalDeviceConfiguration",
    "set_logical_device_configuration",
    "get_logical_device_configuration",
    "logical_count",
]


@tf_export("config.LogicalDeviceConfiguration", "config.experimental.VirtualDeviceConfiguration")
class LogicalDeviceConfiguration(
    collections.namedtuple(
        "LogicalDeviceConfiguration",
        ["memory_limit", "experimental_priority", "experimental_device_ordinal"],
    )
):
    """One logical device to create on a physical device (TF's named tuple: ``memory_limit``
    in MB for GPUs, ``experimental_priority``, ``experimental_device_ordinal``)."""

    __slots__ = ()

    def __new__(
        cls, memory_limit=None, experimental_priority=None, experimental_device_ordinal=None
    ):
        return super().__new__(
            cls, memory_limit, experimental_priority, experimental_device_ordinal
        )


def _physical(device):
    from .config import _all_physical

    if device not in _all_physical():
        raise ValueError("Unrecognized device: %r" % (device,))
    return device


@tf_export(
    "config.set_logical_device_configuration",
    "config.experimental.set_virtual_device_configuration",
)
def set_logical_device_configuration(device, logical_devices):
    """Splits the ``PhysicalDevice`` ``device`` into ``logical_devices`` (a list of
    ``LogicalDeviceConfiguration``; ``None`` or ``[]`` undoes the split).  ``ValueError``
    for an unknown device or a CPU configuration with ``memory_limit``, as TF."""
    device = _physical(device)
    configs = list(logical_devices or [])
    if device.device_type == "CPU" and any(c.memory_limit is not None for c in configs):
        raise ValueError("Setting memory limit on CPU virtual devices is currently not supported")
    if configs:
        PROCESS.logical_devices[device.name] = configs
    else:
        PROCESS.logical_devices.pop(device.name, None)


@tf_export(
    "config.get_logical_device_configuration",
    "config.experimental.get_virtual_device_configuration",
)
def get_logical_device_configuration(device):
    """The list given to :func:`set_logical_device_configuration` for ``device``, or
    ``None``."""
    configs = PROCESS.logical_devices.get(_physical(device).name)
    return list(configs) if configs else None


def logical_count(physical_name, device_type):
    """How many logical devices a physical device shows (its CPU split; GPUs: one)."""
    if device_type != "CPU":
        return 1
    return len(PROCESS.logical_devices.get(physical_name, ())) or 1


def _reset_logical_devices():
    """Forgets every configuration (for tests; TF's are fixed for the process)."""
    PROCESS.logical_devices.clear()
