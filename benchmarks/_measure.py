"""Measuring: wall time of one repetition, resident memory, the machine."""

import os
import platform
import resource
import time

import torch


def rss_mib():
    """Resident set size of this process now, in MiB (peak RSS where
    /proc is missing)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if platform.system() == "Darwin" else peak / 2**10


def clock(threads, device_type):
    """The clock for a workload pinned to ``threads`` (``None``: torch's default): process CPU time
    for single-threaded CPU runs (equal to wall time on an idle machine, and blind to the time the
    process waits for a core on a busy one), wall time otherwise."""
    if threads == 1 and device_type == "cpu":
        return time.process_time
    return time.perf_counter


def measure(workload, run, sync, now):
    """One repetition of ``run``: milliseconds on the clock ``now`` for timed
    workloads (``sync()`` waits for queued device work), else the value ``run``
    returns."""
    if workload.UNIT != "ms":
        return run()
    start = now()
    run()
    sync()
    return (now() - start) * 1e3


def cpu_name():
    """The CPU's model name."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine(device):
    """One line describing where the figures come from."""
    text = "%s, %d CPU cores, torch %s" % (cpu_name(), os.cpu_count(), torch.__version__)
    if device.type == "cuda":
        text += ", %s" % torch.cuda.get_device_name(device)
    return text
