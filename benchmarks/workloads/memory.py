"""memory: the linear_tape training step run 10,000 times; reports how much the
process' resident memory (plus allocated CUDA memory, when CUDA is in use)
grows between step 1,000 and step 10,000.  Flat (a fraction of a MiB) means no
autograd graph outlives its tape."""

import gc

import torch

from . import linear_tape
from .._measure import rss_mib

DESCRIPTION = "RSS (+ CUDA allocated) growth over steps 1,000-10,000 of linear_tape's step"
UNIT = "MiB"
TARGET = None
LIMIT = 1.0  # MiB: torchkeras must stay under it
REPEATS = 1
THREADS = 1


def _steps(smoke):
    return 200 if smoke else 10_000


def _used_mib():
    cuda = torch.cuda.memory_allocated() / 2**20 if torch.cuda.is_initialized() else 0.0
    return rss_mib() + cuda


def _growth(training_step, steps):
    warmup = steps // 10
    for _ in range(warmup):
        training_step()
    gc.collect()
    before = _used_mib()
    for _ in range(steps - warmup):
        training_step()
    gc.collect()
    return _used_mib() - before


def torch_version(smoke, device):
    inputs, targets = linear_tape.data()
    steps = _steps(smoke)
    return lambda: _growth(linear_tape.torch_training_step(inputs, targets, device), steps)


def tf_version(tf, smoke):
    inputs, targets = linear_tape.data()
    steps = _steps(smoke)
    return lambda: _growth(linear_tape.tf_training_step(tf, inputs, targets), steps)
