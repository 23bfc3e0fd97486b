"""Where the replicas come from: torchrun's environment, or TF's ``TF_CONFIG``, turned into one
``torch.distributed`` process group (NCCL on CUDA, gloo on the CPU).

Each process is one replica.  ``torchrun`` sets ``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``,
``MASTER_ADDR`` and ``MASTER_PORT``; a TF multi-worker launch sets ``TF_CONFIG`` (``{"cluster":
{"chief": [...], "worker": [...]}, "task": {"type": "worker", "index": 1}}``), which becomes the
same rendezvous: the chief (else worker 0) hosts it at its address, ranks follow TF's task order
(chief first, then the workers).  Without either, there is one replica and no process group.

Collectives time out after ``TORCHKERAS_COLLECTIVE_TIMEOUT`` seconds (default 1800, as torch),
or ``CommunicationOptions(timeout_seconds=...)``, so a dead replica ends the others with an error.
"""

from __future__ import annotations

import atexit
import datetime
import json
import os

import torch
import torch.distributed as dist

from ..api_export import tf_export
from ..framework import device as _device

__all__ = ["TFConfigClusterResolver", "ensure_process_group", "rank", "world_size"]

_TASK_ORDER = ("chief", "worker")


def _tf_config():
    text = os.environ.get("TF_CONFIG")
    return json.loads(text) if text else {}


def _workers(cluster):
    """The cluster's chief and worker addresses in TF's rank order."""
    return [address for job in _TASK_ORDER for address in cluster.get(job, [])]


def _tf_config_rank(config):
    task = config.get("task", {})
    cluster = config.get("cluster", {})
    job, index = task.get("type"), int(task.get("index", 0))
    if job not in _TASK_ORDER:
        raise ValueError(
            "TF_CONFIG task type %r is not a training task; torchkeras runs 'chief' and 'worker' "
            "tasks." % (job,)
        )
    offset = len(cluster.get("chief", [])) if job == "worker" else 0
    return offset + index


def _launch():
    """``(rank, world_size, master_address, master_port)`` from the environment."""
    env = os.environ
    if "RANK" in env and "WORLD_SIZE" in env:
        return (
            int(env["RANK"]),
            int(env["WORLD_SIZE"]),
            env.get("MASTER_ADDR", "127.0.0.1"),
            env.get("MASTER_PORT", "29500"),
        )
    config = _tf_config()
    workers = _workers(config.get("cluster", {}))
    if len(workers) > 1:
        host, _, port = workers[0].rpartition(":")
        return _tf_config_rank(config), len(workers), host, port
    return 0, 1, None, None


def _timeout(options):
    seconds = getattr(options, "timeout_seconds", None)
    if seconds is None:
        seconds = float(os.environ.get("TORCHKERAS_COLLECTIVE_TIMEOUT", 1800))
    return datetime.timedelta(seconds=seconds)


def ensure_process_group(options=None):
    """Initialises the default process group once (no-op for one replica); returns the world size.

    The CUDA replica of ``LOCAL_RANK`` becomes torchkeras' default device."""
    if dist.is_available() and dist.is_initialized():
        return dist.get_world_size()
    rank_, world, host, port = _launch()
    if world == 1:
        return 1
    cuda = torch.cuda.is_available() and _device.default().type == "cuda"
    if cuda:
        local = int(os.environ.get("LOCAL_RANK", rank_ % torch.cuda.device_count()))
        torch.cuda.set_device(local)
        _device.set_default(torch.device("cuda", local))
    from_env = "RANK" in os.environ and "WORLD_SIZE" in os.environ
    dist.init_process_group(
        "nccl" if cuda else "gloo",
        init_method="env://" if from_env else "tcp://%s:%s" % (host, port),
        rank=rank_,
        world_size=world,
        timeout=_timeout(options),
    )
    atexit.register(_shutdown)
    return world


def _shutdown():
    """Destroys the process group at exit (a live gloo group aborts the interpreter's exit)."""
    if dist.is_initialized():
        dist.destroy_process_group()


def world_size():
    """The number of replicas (processes) in the group, 1 without one."""
    return dist.get_world_size() if dist.is_available() and dist.is_initialized() else 1


def rank():
    """This replica's rank (0 without a process group)."""
    return dist.get_rank() if dist.is_available() and dist.is_initialized() else 0


@tf_export("distribute.cluster_resolver.TFConfigClusterResolver")
class TFConfigClusterResolver:
    """TF's resolver of the ``TF_CONFIG`` environment variable: the cluster spec, this task's
    type and index, and the number of workers.  ``MultiWorkerMirroredStrategy`` reads the same
    variable to start torch's rendezvous."""

    def __init__(self, task_type=None, task_id=None, rpc_layer=None, environment=None):
        config = _tf_config()
        task = config.get("task", {})
        self._cluster = config.get("cluster", {})
        self.task_type = task_type if task_type is not None else task.get("type")
        self.task_id = task_id if task_id is not None else task.get("index")
        self.rpc_layer = rpc_layer if rpc_layer is not None else config.get("rpc_layer")
        self.environment = environment if environment is not None else config.get("environment", "")

    def cluster_spec(self):
        """The cluster as ``{job: [addresses]}`` (TF returns a ``ClusterSpec``; its ``as_dict()``
        is this)."""
        return {job: list(addresses) for job, addresses in self._cluster.items()}

    def master(self, task_type=None, task_id=None, rpc_layer=None):
        """The address of ``task_type``/``task_id`` (default: this task), with the RPC layer."""
        task_type = self.task_type if task_type is None else task_type
        task_id = self.task_id if task_id is None else task_id
        if task_type is None or task_id is None:
            return ""
        address = self._cluster[task_type][task_id]
        layer = rpc_layer or self.rpc_layer
        return "%s://%s" % (layer, address) if layer else address

    def num_accelerators(self, task_type=None, task_id=None, config_proto=None):
        """``{"GPU": n}`` for the CUDA devices this machine has (TF counts the task's)."""
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        return {"GPU": count} if count else {}
