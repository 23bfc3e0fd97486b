"""CPU threading: torchkeras' defaults for a shared machine, and ``tf.config.threading``.

Torch's CPU kernels run on an OpenMP pool (libgomp in the Linux wheels) whose idle
threads spin for about 300,000 iterations (milliseconds) before they sleep.  On a machine
where another process is busy, the spinning threads take the cores the working threads
need: measured on a 2-core VM with one competing busy process, a 2-thread MLP training step
ran 8-10x slower than with ``OMP_WAIT_POLICY=PASSIVE`` or a short spin, and 3-5x slower
than on one thread.  TensorFlow's own pool spins briefly and then blocks, and degrades
about 2x in the same conditions.  So, as TensorFlow behaves, torchkeras:

- shortens the spin (``GOMP_SPINCOUNT=3000``, tens of microseconds: threads stay awake
  between back-to-back ops, and yield the core soon when there is none) when it is imported
  before torch and the user set neither ``OMP_WAIT_POLICY`` nor ``GOMP_SPINCOUNT``.  OpenMP
  reads these once, when torch loads it, so an import after torch's changes nothing;
- runs at most as many intra-op threads as the CPUs the process may use: its affinity mask
  (``os.sched_getaffinity``), capped by a cgroup CPU quota (``cpu.max`` in cgroup v2,
  ``cpu.cfs_quota_us`` in v1), unless ``OMP_NUM_THREADS`` is set or torch's count was
  changed before torchkeras was imported;
- honours ``tf.config.threading.set_intra_op_parallelism_threads`` /
  ``set_inter_op_parallelism_threads`` (torch's ``set_num_threads`` /
  ``set_num_interop_threads``).

Setting ``TORCHKERAS_THREAD_DEFAULTS=0`` in the environment turns the first two off (torch's
own defaults then apply).
"""

from __future__ import annotations

import math
import os
import sys

from ..api_export import tf_export
from . import global_state

__all__ = [
    "OPT_OUT_VARIABLE",
    "SPIN_COUNT",
    "available_cpus",
    "apply_thread_defaults",
    "set_environment_defaults",
    "get_intra_op_parallelism_threads",
    "set_intra_op_parallelism_threads",
    "get_inter_op_parallelism_threads",
    "set_inter_op_parallelism_threads",
]

OPT_OUT_VARIABLE = "TORCHKERAS_THREAD_DEFAULTS"
"""The environment variable that, set to ``0`` (or ``false``/``no``/``off``), keeps torch's
own threading defaults."""

SPIN_COUNT = "3000"
"""libgomp's spin count before an idle OpenMP thread sleeps, when the user chose none."""

_WAIT_VARIABLES = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")


def _opted_out(environ):
    return environ.get(OPT_OUT_VARIABLE, "1").strip().lower() in ("0", "false", "no", "off")


def set_environment_defaults(environ=None):
    """Sets the OpenMP wait default in ``environ`` (``os.environ``) if torch is not imported yet,
    the user chose no wait policy and did not opt out; returns whether it set anything."""
    environ = os.environ if environ is None else environ
    if _opted_out(environ) or "torch" in sys.modules:
        return False
    if any(name in environ for name in _WAIT_VARIABLES):
        return False
    environ["GOMP_SPINCOUNT"] = SPIN_COUNT
    return True


def _read(path):
    try:
        with open(path) as f:
            return f.read().split()
    except (OSError, UnicodeDecodeError):
        return None


def _cgroup_paths():
    """``(controllers, path)`` pairs from ``/proc/self/cgroup``."""
    lines = []
    try:
        with open("/proc/self/cgroup") as f:
            for line in f:
                parts = line.rstrip("\n").split(":", 2)
                if len(parts) == 3:
                    lines.append((parts[1].split(","), parts[2]))
    except OSError:
        pass
    return lines


def _ancestors(root, path):
    """``root/path`` and its parents up to ``root`` (a namespaced mount shows only its root)."""
    parts = [p for p in path.split("/") if p]
    return [os.path.join(root, *parts[:i]) for i in range(len(parts), -1, -1)]


def _cgroup_quota(root="/sys/fs/cgroup"):
    """The CPU quota of this process' cgroup, in CPUs (a float), or ``None`` if unlimited."""
    quotas = []
    for controllers, path in _cgroup_paths():
        if controllers == [""]:  # cgroup v2
            for directory in _ancestors(root, path):
                value = _read(os.path.join(directory, "cpu.max"))
                if value and len(value) == 2 and value[0] != "max":
                    quotas.append(int(value[0]) / int(value[1]))
        elif "cpu" in controllers:  # cgroup v1
            for mount in ("cpu", "cpu,cpuacct", "cpuacct,cpu"):
                for directory in _ancestors(os.path.join(root, mount), path):
                    quota = _read(os.path.join(directory, "cpu.cfs_quota_us"))
                    period = _read(os.path.join(directory, "cpu.cfs_period_us"))
                    if quota and period and int(quota[0]) > 0 and int(period[0]) > 0:
                        quotas.append(int(quota[0]) / int(period[0]))
    return min(quotas) if quotas else None


def _affinity_count():
    """The CPUs in this process' affinity mask (``os.cpu_count()`` where there is none)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available_cpus():
    """The CPUs this process may use: its affinity mask, capped by its cgroup's CPU quota rounded
    up; at least 1."""
    count = _affinity_count()
    try:
        quota = _cgroup_quota()
    except ValueError:
        quota = None
    if quota is not None:
        count = min(count, math.ceil(quota))
    return max(1, count)


def _default_intra_op_threads():
    return min(_torch().get_num_threads(), available_cpus())


def _torch():
    import torch

    return torch


def apply_thread_defaults():
    """After torch is imported: where torch runs its own default thread count (one per CPU of the
    affinity mask) and the user neither set ``OMP_NUM_THREADS`` nor opted out, caps it at
    :func:`available_cpus`; remembers the count as ``0``'s meaning."""
    torch = _torch()
    threads = torch.get_num_threads()
    if (
        not _opted_out(os.environ)
        and "OMP_NUM_THREADS" not in os.environ
        and threads == _affinity_count()
    ):
        threads = min(threads, available_cpus())
        if threads != torch.get_num_threads():
            torch.set_num_threads(threads)
    global_state.PROCESS.default_intra_op_threads = threads


def _stored(value, field):
    """TF's getter: the value set, read back as the ``ConfigProto`` int field (``None`` is 0)."""
    if value is None:
        return 0
    if isinstance(value, bool):
        raise TypeError("Field tensorflow.ConfigProto.%s: Expected an int, got a boolean." % field)
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


@tf_export("config.threading.get_intra_op_parallelism_threads")
def get_intra_op_parallelism_threads():
    """``tf.config.threading.get_intra_op_parallelism_threads()``: the number of threads one op
    may use, as set; ``0`` means the system's choice."""
    return _stored(global_state.PROCESS.intra_op_threads, "intra_op_parallelism_threads")


@tf_export("config.threading.set_intra_op_parallelism_threads")
def set_intra_op_parallelism_threads(num_threads):
    """``tf.config.threading.set_intra_op_parallelism_threads(n)``: threads one op (matmul,
    reductions) may use, applied as ``torch.set_num_threads``; ``0`` (or ``None``) restores
    torchkeras' default (see the module's docstring), a negative value runs ops on the caller's
    thread only.  TF raises ``RuntimeError`` once its runtime is initialised; torch can change
    this at any time, so torchkeras always applies it.  A value TF stores but cannot read back
    (a float, a bool) is stored and raises TF's ``TypeError`` when read."""
    global_state.PROCESS.intra_op_threads = num_threads
    if num_threads is None or (isinstance(num_threads, int) and not isinstance(num_threads, bool)):
        threads = (
            num_threads
            or global_state.PROCESS.default_intra_op_threads
            or _default_intra_op_threads()
        )
        _torch().set_num_threads(max(1, threads))


@tf_export("config.threading.get_inter_op_parallelism_threads")
def get_inter_op_parallelism_threads():
    """``tf.config.threading.get_inter_op_parallelism_threads()``: the number of ops that may run
    in parallel, as set; ``0`` means the system's choice."""
    return _stored(global_state.PROCESS.inter_op_threads, "inter_op_parallelism_threads")


@tf_export("config.threading.set_inter_op_parallelism_threads")
def set_inter_op_parallelism_threads(num_threads):
    """``tf.config.threading.set_inter_op_parallelism_threads(n)``: threads for running
    independent ops in parallel, applied as ``torch.set_num_interop_threads`` (torch's pool for
    ``torch.jit.fork`` work; eager torchkeras ops run one after another).  Torch fixes that pool
    once it has started, so a later different value raises TF's ``RuntimeError``, as TF does after
    its runtime is initialised.  ``0`` keeps torch's default; negative values mean one thread."""
    if num_threads == global_state.PROCESS.inter_op_threads:
        return
    if isinstance(num_threads, int) and not isinstance(num_threads, bool) and num_threads != 0:
        try:
            _torch().set_num_interop_threads(max(1, num_threads))
        except RuntimeError:
            raise RuntimeError(
                "Inter op parallelism cannot be modified after initialization."
            ) from None
    global_state.PROCESS.inter_op_threads = num_threads


set_environment_defaults()  # on import: torchkeras imports this module before torch
