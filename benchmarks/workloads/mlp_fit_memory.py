"""mlp_fit_memory: peak memory of one ``mlp_fit`` epoch: the peak resident set
size of a fresh process that loads the data, builds the model and runs the
epoch, plus, on CUDA, the peak allocated CUDA memory.  Each measurement runs in
its own subprocess (peak RSS only grows within a process):
``python -m benchmarks.workloads.mlp_fit_memory torch|torchkeras|tensorflow``."""

import json
import os
import pathlib
import platform
import resource
import subprocess
import sys

from . import _mlp

DESCRIPTION = "peak RSS (+ peak CUDA allocated) of a process running one mlp_fit epoch"
UNIT = "MiB"
TARGET = 1.10
REPEATS = 1
THREADS = None

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def _peak_rss_mib():
    """This process' peak RSS (``VmHWM``: unlike ``ru_maxrss`` it does not inherit the parent's peak
    across ``exec``), in MiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if platform.system() == "Darwin" else peak / 2**10


def _peak_mib(device):
    """This process' peak RSS, plus the peak allocated CUDA memory on CUDA, in MiB."""
    import torch

    peak = _peak_rss_mib()
    if device == "cuda":
        peak += torch.cuda.max_memory_allocated() / 2**20
    return peak


def _measure_in_subprocess(impl, smoke, device):
    command = [sys.executable, "-m", "benchmarks.workloads.mlp_fit_memory", impl, device] + (
        ["--smoke"] if smoke else []
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def torch_version(smoke, device):
    return lambda: _measure_in_subprocess("torch", smoke, device.type)


def tf_version(tf, smoke):
    impl = "tensorflow" if tf.__name__ == "tensorflow" else "torchkeras"
    device = "cuda" if impl == "torchkeras" and _cuda_in_use() else "cpu"
    return lambda: _measure_in_subprocess(impl, smoke, device)


def _cuda_in_use():
    import torch
    from torchkeras.framework import device

    return torch.cuda.is_available() and device.current().type == "cuda"


def _run(impl, device, smoke):
    """One epoch of mlp_fit with ``impl`` in this (fresh) process; returns the peak in MiB."""
    import torch

    x, y = _mlp.data(smoke)
    if impl == "torch":
        xt, yt = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
        _mlp.TorchMLP(torch.device(device)).train_epoch(xt, yt)
    else:
        if impl == "tensorflow":
            import tensorflow as tf
        else:
            import torchkeras as tf
        with tf.device("/GPU:0" if device == "cuda" else "/CPU:0"):
            _mlp.keras_model(tf).fit(x, y, batch_size=_mlp.BATCH_SIZE, epochs=1, verbose=0)
    return _peak_mib(device)


if __name__ == "__main__":
    print(json.dumps(_run(sys.argv[1], sys.argv[2], "--smoke" in sys.argv)))
