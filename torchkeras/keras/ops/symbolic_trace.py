"""Shape inference without computing: running a function on torch ``meta`` tensors
(the torch backend's ``compute_output_spec`` in Keras).

KerasTensor arguments become ``meta`` tensors (shapes and dtypes, no data, no
arithmetic), with unknown (``None``) dims given a placeholder size; the
outputs become KerasTensors again.  As Keras' torch backend, a function with
unknown input dims runs twice, with two placeholder sizes, and the output dims
that differ between the runs are unknown: a dim computed from an unknown one
(``reshape(x, (-1,))`` of a ``None`` batch) is ``None``, not a number.

A ``TorchFunctionMode`` moves every other tensor an op receives (weights,
constants) to ``meta`` as well; weights created during the trace (a sublayer
building lazily) are made with the mode paused (:func:`real_mode`), so they
are real.
"""

import contextlib

import torch
from torch.overrides import TorchFunctionMode

from ...framework import dtypes, global_state
from ...framework.tensor import TensorOperators, wrap
from ..backend.keras_tensor import KerasTensor
from .node import flatten, pack_like

__all__ = ["UNKNOWN", "compute_output_spec", "tracing", "real_mode", "unknown_to_none"]

UNKNOWN = 9973
"""The size given to unknown (``None``) dims while tracing (the first run)."""

SECOND_UNKNOWN = 9967
"""The size of unknown dims in the second run (which tells computed dims from constant ones)."""

_STATE = global_state.PER_THREAD


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
    return _STATE.symbolic_tracing is not None


def real_mode():
    """A context where tensors are real even inside a trace (for creating weights)."""
    mode = _STATE.symbolic_tracing
    return _paused(mode) if mode is not None and not mode.paused else contextlib.nullcontext()


def unknown_to_none(shape):
    """A traced shape with the current run's placeholder dims turned back into ``None``."""
    fill = _STATE.symbolic_fill
    return tuple(None if d == fill else d for d in shape)


def _map(structure, fn):
    return pack_like(structure, iter([fn(leaf) for leaf in flatten(structure)]))


def _fake(value):
    if not isinstance(value, KerasTensor):
        return value
    fill = _STATE.symbolic_fill
    shape = tuple(fill if d is None else d for d in value.shape)
    return wrap(torch.empty(shape, dtype=dtypes.as_dtype(value.dtype).torch_dtype, device="meta"))


def _run(fn, args, kwargs, fill):
    """``fn`` on meta tensors whose unknown dims have size ``fill``; its raw outputs."""
    previous, previous_fill = _STATE.symbolic_tracing, _STATE.symbolic_fill
    mode = _MetaMode()
    _STATE.symbolic_tracing, _STATE.symbolic_fill = mode, fill
    try:
        fake_args, fake_kwargs = _map(list(args), _fake), _map(kwargs, _fake)
        with mode:
            return fn(*fake_args, **fake_kwargs)
    finally:
        _STATE.symbolic_tracing, _STATE.symbolic_fill = previous, previous_fill


def _spec(value, dims):
    if isinstance(value, TensorOperators):
        storage = value._value
        return KerasTensor(dims(tuple(storage.shape)), dtype=dtypes.from_torch(storage.dtype).name)
    return value


def _merged(first, second):
    """The first run's outputs as KerasTensors, ``None`` where a dim differs in the second run."""
    if not isinstance(first, TensorOperators):
        return first
    other = tuple(second._value.shape) if isinstance(second, TensorOperators) else ()
    if len(other) != first._value.ndim:
        return _spec(first, lambda shape: (None,) * len(shape))
    return _spec(first, lambda shape: tuple(d if d == o else None for d, o in zip(shape, other)))


def _has_unknown_dims(args, kwargs):
    leaves = flatten([list(args), kwargs])
    return any(isinstance(x, KerasTensor) and None in x.shape for x in leaves)


def compute_output_spec(fn, args, kwargs):
    """``fn(*args, **kwargs)`` run on meta tensors in place of the KerasTensors in ``args`` /
    ``kwargs``: the outputs' KerasTensors (other outputs are returned as they are).

    With unknown input dims ``fn`` runs a second time with another placeholder size and
    the output dims that differ are ``None`` (Keras' torch ``compute_output_spec``).
    """
    first = _run(fn, args, kwargs, UNKNOWN)
    if not _has_unknown_dims(args, kwargs):
        return _map(first, lambda value: _spec(value, tuple))
    second = _run(fn, args, kwargs, SECOND_UNKNOWN)
    flat_second = iter(flatten(second))
    return _map(first, lambda value: _merged(value, next(flat_second, None)))
