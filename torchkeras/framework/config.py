"""``tf.config``: the devices torch sees, described the way TensorFlow does.

Physical devices are the CPU and every CUDA device torch can use
(``PhysicalDevice(name='/physical_device:GPU:0', device_type='GPU')``); the
logical devices are the visible ones (``'/device:GPU:0'``).  Device *placement*
lives in ``framework/device.py`` (``tf.device``, ``TORCHKERAS_DEVICE``); this
module only describes and configures (``tf.config.run_functions_eagerly``
lives with ``tf.function`` in ``framework/function.py``).

Differences from TF: torch allocates CUDA memory on demand, so memory growth
is always on and ``set_memory_growth`` only records the request; visible
devices may be changed at any time (TF refuses once its runtime started), and
hiding every GPU moves the default placement to the CPU.
"""

from __future__ import annotations

import collections

import torch

from . import device as _device
from ..api_export import tf_export

__all__ = []  # tf.config is a namespace module (torchkeras/config.py); nothing goes to `tf.*`.


@tf_export("config.PhysicalDevice")
class PhysicalDevice(collections.namedtuple("PhysicalDevice", ["name", "device_type"])):
    """A device torch can run on, as TF's ``tf.config.PhysicalDevice``.

    Fields: ``name`` (``'/physical_device:CPU:0'``) and ``device_type``
    (``'CPU'`` or ``'GPU'``).
    """

    __slots__ = ()


@tf_export("config.LogicalDevice")
class LogicalDevice(collections.namedtuple("LogicalDevice", ["name", "device_type"])):
    """A visible device ops can be placed on, as TF's ``tf.config.LogicalDevice``.

    Fields: ``name`` (``'/device:CPU:0'``, usable with ``tf.device``) and
    ``device_type``.
    """

    __slots__ = ()


def _all_physical():
    devices = [PhysicalDevice("/physical_device:CPU:0", "CPU")]
    if torch.cuda.is_available():
        devices += [
            PhysicalDevice("/physical_device:GPU:%d" % i, "GPU")
            for i in range(torch.cuda.device_count())
        ]
    return devices


_hidden = set()  # physical devices hidden by set_visible_devices
_memory_growth = {}


def _filter(devices, device_type):
    if device_type is None:
        return list(devices)
    return [d for d in devices if d.device_type == device_type]


@tf_export("config.list_physical_devices", "config.experimental.list_physical_devices")
def list_physical_devices(device_type=None):
    """The physical devices of type ``device_type`` (``'CPU'``, ``'GPU'``;
    case-sensitive as in TF), or all of them when it is ``None``."""
    return _filter(_all_physical(), device_type)


@tf_export("config.get_visible_devices", "config.experimental.get_visible_devices")
def get_visible_devices(device_type=None):
    """The physical devices ops may use (all of them unless
    ``set_visible_devices`` narrowed the set)."""
    return _filter([d for d in _all_physical() if d not in _hidden], device_type)


@tf_export("config.list_logical_devices", "config.experimental.list_logical_devices")
def list_logical_devices(device_type=None):
    """The logical devices (one per visible physical device, or its split made with
    ``set_logical_device_configuration``), e.g.
    ``[LogicalDevice(name='/device:CPU:0', device_type='CPU')]``."""
    from .logical_devices import logical_count

    devices = []
    for d in get_visible_devices(device_type):
        base = int(d.name.rsplit(":", 1)[1])
        for index in range(base, base + logical_count(d.name, d.device_type)):
            devices.append(LogicalDevice("/device:%s:%d" % (d.device_type, index), d.device_type))
    return devices


def _check_device(dev):
    if not isinstance(dev, PhysicalDevice) or dev not in _all_physical():
        raise ValueError("Unrecognized device: %r" % (dev,))


@tf_export("config.set_visible_devices", "config.experimental.set_visible_devices")
def set_visible_devices(devices, device_type=None):
    """Restricts the devices ops may use to ``devices`` (a ``PhysicalDevice`` or
    a list of them) among those of ``device_type`` (all types when ``None``).

    Raises ``ValueError('Unrecognized device: ...')`` for anything that is not
    one of ``list_physical_devices(device_type)``, as TF does.  Hiding every GPU
    (``set_visible_devices([], 'GPU')``) makes the CPU the default device;
    hiding the default GPU moves the default to the first visible one.
    """
    if isinstance(devices, PhysicalDevice) or not isinstance(devices, (list, tuple)):
        devices = [devices]
    for dev in devices:
        _check_device(dev)
        if device_type is not None and dev.device_type != device_type:
            raise ValueError("Unrecognized device: %r" % (dev,))
    for dev in _filter(_all_physical(), device_type):
        if dev in devices:
            _hidden.discard(dev)
        else:
            _hidden.add(dev)
    gpus = [int(d.name.rsplit(":", 1)[1]) for d in get_visible_devices("GPU")]
    default = _device.default()
    if default.type == "cuda" and (default.index or 0) not in gpus:
        _device.set_default(torch.device("cuda", gpus[0]) if gpus else torch.device("cpu"))


@tf_export("config.experimental.set_memory_growth")
def set_memory_growth(device, enable):
    """Records whether ``device`` (a GPU ``PhysicalDevice``) should grow its
    memory on demand.  torch's caching allocator always does, so this has no
    further effect.  As in TF, a non-GPU device raises ``ValueError``."""
    _check_device(device)
    if device.device_type != "GPU":
        raise ValueError("Cannot set memory growth on non-GPU and non-Pluggable devices")
    _memory_growth[device] = bool(enable)


@tf_export("config.experimental.get_memory_growth")
def get_memory_growth(device):
    """The value recorded by ``set_memory_growth`` for a GPU (``None`` if never
    set); ``KeyError`` for a non-GPU device, as in TF."""
    _check_device(device)
    if device.device_type != "GPU":
        raise KeyError(device)
    return _memory_growth.get(device)


@tf_export("test.is_built_with_cuda")
def is_built_with_cuda():
    """``tf.test.is_built_with_cuda``: whether the installed torch has CUDA support."""
    return torch.version.cuda is not None


@tf_export("test.is_built_with_gpu_support")
def is_built_with_gpu_support():
    """``tf.test.is_built_with_gpu_support``: whether torch was built for CUDA or ROCm."""
    return torch.version.cuda is not None or torch.version.hip is not None


@tf_export("test.is_gpu_available")
def is_gpu_available(cuda_only=False, min_cuda_compute_capability=None):
    """``tf.test.is_gpu_available`` (deprecated in TF): whether a visible GPU
    exists, with at least compute capability ``min_cuda_compute_capability``
    (a ``(major, minor)`` tuple) when given."""
    for dev in get_visible_devices("GPU"):
        index = int(dev.name.rsplit(":", 1)[1])
        if min_cuda_compute_capability is None or torch.cuda.get_device_capability(index) >= tuple(
            min_cuda_compute_capability
        ):
            return True
    return False


@tf_export("test.gpu_device_name")
def gpu_device_name():
    """``tf.test.gpu_device_name``: ``'/device:GPU:0'`` for the first visible
    GPU, ``''`` without one."""
    gpus = list_logical_devices("GPU")
    return gpus[0].name if gpus else ""
