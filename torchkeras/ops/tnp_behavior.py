"""``tnp.experimental_enable_numpy_behavior``: NumPy methods, promotion and indexing on
``tf.Tensor``.

As TF's, enabling (1) adds NumPy's methods to ``tf.Tensor`` (``T``, ``reshape``,
``ravel``, ``astype``, ``size``, ``tolist`` ...; not to ``tf.Variable``), (2) makes the
tensor operators promote mixed dtypes with NumPy's rules (``framework/np_promotion.py``)
and (3) gives ``tensor[key]`` NumPy's indexing (integer and boolean arrays, tuples).
TF has no way back; :func:`_reset_numpy_behavior` undoes it for tests.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import np_promotion as _promotion
from ..framework import tensor_ops as _tensor_ops
from ..framework.global_state import PROCESS
from ..framework.tensor import Tensor, TensorOperators, wrap
from . import cast_ops, tnp_array, tnp_math, tnp_reduction

__all__ = ["experimental_enable_numpy_behavior"]


def _t(self):
    return tnp_array.transpose(self)


def _size(self):
    return np.int64(math.prod(self._value.shape))


def _tolist(self):
    return self.numpy().tolist()


def _astype(self, dtype, name=None):
    return cast_ops.cast(self, dtype)


def _round(self, ndigits=None):
    return tnp_math.around(self, 0 if ndigits is None else ndigits)


def _data(self):
    return self


def _dims_before(key, position):
    dims = 0
    for k in key[:position]:
        if k is None:
            continue
        if isinstance(k, torch.Tensor) and k.dtype is torch.bool:
            dims += max(k.ndim, 1)
        else:
            dims += 1
    return dims


def _index_part(k):
    if isinstance(k, TensorOperators):
        k = k._value
    if isinstance(k, (list, tuple, np.ndarray)):
        k = _promotion.asarray_storage(k)
    if isinstance(k, torch.Tensor) and k.dtype is not torch.bool:
        return k.to(torch.int64)
    return k


def _numpy_getitem(self, key):
    """``tensor[key]`` with NumPy's indexing (TF's ``enable_numpy_style_slicing``)."""
    if not isinstance(key, tuple):
        key = (key,)
    if not any(isinstance(k, (list, tuple, np.ndarray, TensorOperators)) for k in key):
        return wrap(_tensor_ops.strided_slice(self._value, key))
    storage = self._value
    key = [_index_part(k) for k in key]
    if Ellipsis in [k for k in key if not isinstance(k, torch.Tensor)]:
        position = next(
            i for i, k in enumerate(key) if not isinstance(k, torch.Tensor) and k is Ellipsis
        )
        used = _dims_before(key, len(key)) - 1
        key[position : position + 1] = [slice(None)] * (storage.ndim - used)
    for position, k in enumerate(key):
        if isinstance(k, slice) and k.step is not None and k.step < 0:
            dim = _dims_before(key, position)
            size = storage.shape[dim]
            start, stop, step = k.indices(size)
            storage = storage.flip(dim)
            key[position] = slice(size - 1 - start, size - 1 - stop, -step)
    return wrap(storage[tuple(key)].clone())


_METHODS = {
    "T": property(_t),
    "size": property(_size),
    "data": property(_data),
    "tolist": _tolist,
    "transpose": tnp_array.transpose,
    "flatten": tnp_array.flatten,
    "reshape": tnp_array.reshape_method,
    "ravel": tnp_array.ravel,
    "clip": tnp_math.clip,
    "astype": _astype,
    "__round__": _round,
    "max": tnp_reduction.amax,
    "mean": tnp_reduction.mean,
    "min": tnp_reduction.amin,
    "__getitem__": _numpy_getitem,
}
_TF_WORD = "followings"  # codespell:ignore followings - TF's message says so
_SAVED = {name: Tensor.__dict__.get(name) for name in _METHODS}


@tf_export("experimental.numpy.experimental_enable_numpy_behavior")
def experimental_enable_numpy_behavior(prefer_float32=False, dtype_conversion_mode="legacy"):
    """Enables NumPy behavior on ``tf.Tensor`` (methods, NumPy promotion in operators,
    NumPy indexing) and sets tnp's ``prefer_float32``.

    Only TF's default ``dtype_conversion_mode='legacy'`` (NumPy's promotion) is provided;
    TF's auto dtype conversion modes ``'safe'`` / ``'all'`` raise ``NotImplementedError``.
    """
    if dtype_conversion_mode != "legacy":
        if dtype_conversion_mode in ("safe", "all", "off"):
            raise NotImplementedError(
                "torchkeras implements only dtype_conversion_mode='legacy' (NumPy's type "
                "promotion); got %r." % (dtype_conversion_mode,)
            )
        raise ValueError(
            "The provided promotion mode %s does not exist. Make sure the provided dtype "
            "conversion mode is one of the %s: 'off', 'legacy', 'safe' or 'all'."
            % (dtype_conversion_mode, _TF_WORD)
        )
    for name, value in _METHODS.items():
        setattr(Tensor, name, value)
    PROCESS.numpy_behavior = True
    PROCESS.prefer_float32 = bool(prefer_float32)


def _reset_numpy_behavior():
    """Undoes :func:`experimental_enable_numpy_behavior` (for tests; TF has no undo)."""
    for name, value in _SAVED.items():
        if value is None:
            if name in Tensor.__dict__:
                delattr(Tensor, name)
        else:
            setattr(Tensor, name, value)
    PROCESS.numpy_behavior = False
    PROCESS.prefer_float32 = False
