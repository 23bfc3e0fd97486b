"""Keras 3's ``keras.distribution`` on the machinery of ``tf.distribute`` (torch.distributed).

Devices are the replicas: one per process of the torch.distributed group (``"cpu:0"`` ...
``"cpu:N-1"``, or ``"gpu:i"`` with one GPU per process), as JAX lists every process's devices.
``DataParallel`` is data parallelism over them: with ``set_distribution(DataParallel())``,
``fit``/``evaluate``/``predict`` split each global batch across the replicas and all-reduce the
gradients, as under ``tf.distribute.MirroredStrategy``.  Sharding variables across devices
(``ModelParallel``, a ``LayoutMap`` with sharded axes) is not implemented: it raises
``NotImplementedError``.
"""

from __future__ import annotations

import contextlib
import os

from ...api_export import keras_export
from ...distribute import cluster
from ...framework import device as _device
from ...framework.global_state import get_global_attribute, set_global_attribute

__all__ = [
    "list_devices",
    "get_device_count",
    "initialize",
    "DeviceMesh",
    "TensorLayout",
    "LayoutMap",
    "Distribution",
    "DataParallel",
    "ModelParallel",
    "distribution",
    "set_distribution",
]

_ATTRIBUTE = "distribution"


def _device_type():
    return "gpu" if _device.default().type == "cuda" else "cpu"


@keras_export("keras.distribution.list_devices")
def list_devices(device_type=None):
    """The devices of every replica, ``"cpu:0"`` ... (``device_type``: ``"cpu"`` or ``"gpu"``;
    another type than the replicas' gives an empty list)."""
    replicas = cluster.ensure_process_group()
    kind = _device_type()
    if device_type is not None and device_type.lower() != kind:
        return []
    return ["%s:%d" % (kind, i) for i in range(replicas)]


@keras_export("keras.distribution.get_device_count")
def get_device_count(device_type=None):
    """The number of devices :func:`list_devices` gives."""
    return len(list_devices(device_type))


@keras_export("keras.distribution.initialize")
def initialize(job_addresses=None, num_processes=None, process_id=None):
    """Joins the multi-process group: ``job_addresses`` (comma-separated ``host:port``, the first
    hosts the rendezvous), ``num_processes`` and ``process_id``, or the launcher's environment
    (torchrun's, or ``TF_CONFIG``) when omitted."""
    if job_addresses is not None:
        host, _, port = job_addresses.split(",")[0].rpartition(":")
        os.environ.update(MASTER_ADDR=host, MASTER_PORT=port)
    if num_processes is not None:
        os.environ["WORLD_SIZE"] = str(num_processes)
    if process_id is not None:
        os.environ["RANK"] = str(process_id)
    cluster.ensure_process_group()


@keras_export("keras.distribution.DeviceMesh")
class DeviceMesh:
    """Devices laid out in a grid with named axes."""

    def __init__(self, shape, axis_names, devices=None):
        shape, axis_names = tuple(shape), list(axis_names)
        if len(shape) != len(axis_names):
            raise ValueError(
                "Shape and axis_names cannot be different length, received: %s, %s"
                % (shape, axis_names)
            )
        devices = list_devices() if devices is None else list(devices)
        count = 1
        for size in shape:
            count *= size
        if count != len(devices):
            raise ValueError(
                "Shape does not match the number of devices: shape=%s, devices=%d"
                % (shape, len(devices))
            )
        self.shape, self.axis_names, self.devices = shape, axis_names, devices

    def __repr__(self):
        return "<DeviceMesh shape=%s, axis_names=%s>" % (self.shape, self.axis_names)


@keras_export("keras.distribution.TensorLayout")
class TensorLayout:
    """How a tensor's axes map onto mesh axes (``None``: replicated)."""

    def __init__(self, axes, device_mesh=None):
        self.axes, self.device_mesh = tuple(axes), device_mesh


@keras_export("keras.distribution.LayoutMap")
class LayoutMap(dict):
    """Variable-path regexes to layouts, for ``ModelParallel`` (not implemented)."""

    def __init__(self, device_mesh):
        super().__init__()
        self.device_mesh = device_mesh


class Distribution:
    """The base of Keras distributions: a device mesh, and a ``scope()`` in which it is set."""

    def __init__(self, device_mesh, batch_dim_name=None):
        self._device_mesh = device_mesh
        self._batch_dim_name = batch_dim_name
        self._strategy = None

    @property
    def device_mesh(self):
        """The mesh of devices."""
        return self._device_mesh

    @property
    def batch_dim_name(self):
        """The mesh axis the batch is split along."""
        return self._batch_dim_name

    @contextlib.contextmanager
    def scope(self):
        """Makes this the distribution in force inside the block."""
        saved = distribution()
        set_distribution(self)
        try:
            yield
        finally:
            set_distribution(saved)

    def __repr__(self):
        return "<%s device_mesh=%r>" % (type(self).__name__, self._device_mesh)


@keras_export("keras.distribution.DataParallel")
class DataParallel(Distribution):
    """Data parallelism over the replicas: every replica holds all the variables and trains on
    its part of each global batch; gradients are all-reduced."""

    def __init__(self, device_mesh=None, devices=None, auto_shard_dataset=True):
        if device_mesh is None:
            devices = list_devices() if devices is None else list(devices)
            device_mesh = DeviceMesh((len(devices),), ["batch"], devices)
        elif len(device_mesh.shape) != 1:
            raise NotImplementedError(
                "DataParallel over a %d-dimensional device mesh is not implemented in "
                "torchkeras: use a 1-D mesh (one process per device)." % len(device_mesh.shape)
            )
        super().__init__(device_mesh, device_mesh.axis_names[0])
        self.auto_shard_dataset = auto_shard_dataset

    def _distribute_strategy(self):
        """The ``tf.distribute.MirroredStrategy`` doing the work."""
        if self._strategy is None:
            from ...distribute.strategy import MirroredStrategy

            self._strategy = MirroredStrategy()
        return self._strategy


@keras_export("keras.distribution.ModelParallel")
class ModelParallel(Distribution):
    """Sharding variables across devices: not implemented in torchkeras."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "keras.distribution.ModelParallel (variables sharded across devices) is not "
            "implemented in torchkeras; use keras.distribution.DataParallel or "
            "tf.distribute.MirroredStrategy for data parallelism."
        )


@keras_export("keras.distribution.distribution")
def distribution():
    """The distribution set with :func:`set_distribution` (``None`` if none)."""
    return get_global_attribute(_ATTRIBUTE)


@keras_export("keras.distribution.set_distribution")
def set_distribution(value):
    """Sets the distribution ``fit``/``evaluate``/``predict`` use (``None``: none)."""
    set_global_attribute(_ATTRIBUTE, value)
