"""Device placement: CUDA when available, else CPU; ``tf.device`` to choose.

The default device is chosen once, at import: ``TORCHKERAS_DEVICE=cpu|cuda``
forces one, otherwise CUDA is used when torch sees a GPU.  ``tf.device(name)``
is a context manager that places new tensors on ``name`` for its duration.
"""

from __future__ import annotations

import os

import torch
from ..api_export import tf_export

from . import global_state

__all__ = ["device", "current", "tf_device_string", "parse_device"]


def _initial_device():
    forced = os.environ.get("TORCHKERAS_DEVICE", "").strip().lower()
    if forced:
        if forced not in ("cpu", "cuda", "gpu"):
            raise ValueError("TORCHKERAS_DEVICE must be 'cpu' or 'cuda', got %r" % forced)
        if forced == "cpu":
            return torch.device("cpu")
        if not torch.cuda.is_available():
            raise RuntimeError("TORCHKERAS_DEVICE=%s but torch sees no CUDA device" % forced)
        return torch.device("cuda", 0)
    return torch.device("cuda", 0) if torch.cuda.is_available() else torch.device("cpu")


_STATE = global_state.PER_THREAD
_PROCESS = global_state.PROCESS
_PROCESS.default_device = _initial_device()


def current():
    """The torch device new tensors are placed on (this thread's innermost ``tf.device``)."""
    stack = _STATE.device_stack
    return stack[-1] if stack else _PROCESS.default_device


def default():
    """The device used outside any ``tf.device`` block."""
    return _PROCESS.default_device


def set_default(dev):
    """Makes the torch device ``dev`` the one used outside any ``tf.device``
    block (``tf.config.set_visible_devices`` uses it when GPUs are hidden)."""
    _PROCESS.default_device = dev


def parse_device(name):
    """Maps TF device names (``'/GPU:0'``, ``'/CPU:0'``, ``'gpu'``, a full job
    path) and torch devices to a ``torch.device``.

    As TF's soft device placement does, a GPU that does not exist falls back
    to the CPU (or the last visible GPU) instead of failing.
    """
    if isinstance(name, torch.device):
        return name
    kind, _, index = str(name).strip().lower().rsplit("device:", 1)[-1].strip("/").partition(":")
    if kind not in ("cpu", "gpu", "cuda") or not (index or "0").isdigit():
        raise ValueError(
            "Unknown device specification %r; use '/CPU:0' or '/GPU:<index>'" % (name,)
        )
    index = int(index or 0)
    if kind == "cpu":
        return torch.device("cpu")
    if not torch.cuda.is_available():
        return torch.device("cpu")
    return torch.device("cuda", min(index, torch.cuda.device_count() - 1))


def tf_device_string(dev):
    """TF's full name of a torch device: ``/job:localhost/replica:0/task:0/device:CPU:0``."""
    if dev.type == "cuda":
        return "/job:localhost/replica:0/task:0/device:GPU:%d" % (dev.index or 0)
    return "/job:localhost/replica:0/task:0/device:CPU:0"


@tf_export("device")
class device:  # noqa: N801 - TF's name
    """``with tf.device('/GPU:0'):`` places the tensors created inside on that device."""

    def __init__(self, device_name):
        self._device = parse_device(device_name) if device_name is not None else None

    def __enter__(self):
        _STATE.device_stack.append(self._device if self._device is not None else current())
        return self

    def __exit__(self, *exc):
        _STATE.device_stack.pop()
        return False
