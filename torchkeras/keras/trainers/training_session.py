"""What ``fit`` (and ``evaluate``/``predict``) set for their duration and restore afterwards.

Float32 denormals are flushed to zero while training and predicting, as TensorFlow's kernels do
(tiny optimizer statistics otherwise slow CPU matmuls down badly); the
caller's setting is detected (torch has no getter) and restored.  The
model's ``torch.nn.Module`` training flag follows the phase.
"""

from __future__ import annotations

import contextlib

import torch

__all__ = ["flush_denormals", "module_mode"]


def _denormals_flushed():
    tiny = torch.tensor(1e-40, dtype=torch.float32)
    return bool((tiny * 1.0) == 0)


@contextlib.contextmanager
def flush_denormals():
    """Flushes float32 denormals to zero inside the block (where the CPU supports it)."""
    previous = _denormals_flushed()
    supported = torch.set_flush_denormal(True)
    try:
        yield
    finally:
        if supported and not previous:
            torch.set_flush_denormal(False)


@contextlib.contextmanager
def module_mode(model, training):
    """Sets ``model.train(training)`` inside the block, then restores the previous flag."""
    previous = model.training
    if previous != training:
        model.train(training)
    try:
        yield
    finally:
        if model.training != previous:
            model.train(previous)
