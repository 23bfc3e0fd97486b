"""Shape inference without computing: running a function on torch ``meta`` tensors
(the torch backend's ``compute_output_spec`` in Keras).

KerasTensor arguments become ``meta`` tensors (shapes and dtypes, no data, no
arithmetic), with unknown (``None``) dims given a placeholder size; the
outputs become KerasTensors again.  A ``TorchFunctionMode`` moves every other
tensor an op receives (weights, constants) to ``meta`` as well; weights created
during the trace (a sublayer building lazily) are made with the mode paused
(:func:`real_mode`), so they are real.
"""
import contextlib

import torch
from torch.overrides import TorchFunctionMode

from ...framework import dtypes
from ...framework.tensor import TensorOperators, wrap
from ..backend.keras_tensor import KerasTensor
from .node import flatten, pack_like

__all__ = ["UNKNOWN", "compute_output_spec", "tracing", "real_mode", "unknown_to_none"]

UNKNOWN = 9973
"""The size given to unknown (``None``) dims while tracing."""

_TRACING = [None]


def _to_meta(obj):
    if isinstance(obj, torch.Tensor):
        return obj if obj.device.type == "meta" else torch.empty_like(obj, device="meta")
    if type(obj) in (list, tuple):
        return type(obj)(_to_meta(item) for item in obj)
    if type(obj) is dict:
        return {key: _to_meta(value) for key, value in obj.items()}
    return obj


class _MetaMode(TorchFunctionMode):
    """Runs every torch function on ``meta`` copies of its tensor arguments (unless paused)."""

    def __init__(self):
        super().__init__()
        self.paused = False

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if self.paused:
            return func(*args, **kwargs)
        return func(*_to_meta(args), **_to_meta(kwargs))


@contextlib.contextmanager
def _paused(mode):
    mode.paused = True
    try:
        yield
    finally:
        mode.paused = False


def tracing():
    """True while a function runs on meta tensors."""
    return _TRACING[0] is not None


def real_mode():
    """A context where tensors are real even inside a trace (for creating weights)."""
    mode = _TRACING[0]
    return _paused(mode) if mode is not None and not mode.paused else contextlib.nullcontext()


def unknown_to_none(shape):
    """A traced shape with the placeholder dims turned back into ``None``."""
    return tuple(None if d == UNKNOWN else d for d in shape)


def _map(structure, fn):
    return pack_like(structure, iter([fn(leaf) for leaf in flatten(structure)]))


def _fake(value):
    if not isinstance(value, KerasTensor):
        return value
    shape = tuple(UNKNOWN if d is None else d for d in value.shape)
    return wrap(torch.empty(shape, dtype=dtypes.as_dtype(value.dtype).torch_dtype, device="meta"))


def _to_keras_tensor(value):
    if isinstance(value, TensorOperators):
        storage = value._value
        dtype = dtypes.from_torch(storage.dtype).name
        return KerasTensor(unknown_to_none(tuple(storage.shape)), dtype=dtype)
    return value


def compute_output_spec(fn, args, kwargs):
    """``fn(*args, **kwargs)`` run on meta tensors in place of the KerasTensors in ``args`` /
    ``kwargs``: the outputs' KerasTensors (other outputs are returned as they are)."""
    fake_args, fake_kwargs = _map(list(args), _fake), _map(kwargs, _fake)
    previous = _TRACING[0]
    mode = _MetaMode()
    _TRACING[0] = mode
    try:
        with mode:
            outputs = fn(*fake_args, **fake_kwargs)
    finally:
        _TRACING[0] = previous
    return _map(outputs, _to_keras_tensor)
