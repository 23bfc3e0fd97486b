"""``tf.experimental.numpy``'s array creation: NumPy's dtype inference (``int64`` /
``float64`` from Python values; ``float32`` for floats with ``prefer_float32``)."""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import np_promotion as _promotion
from ..framework.tensor import wrap

__all__ = [
    "array",
    "asarray",
    "asanyarray",
    "ascontiguousarray",
    "copy",
    "zeros",
    "ones",
    "empty",
    "full",
    "zeros_like",
    "ones_like",
    "empty_like",
    "full_like",
    "eye",
    "identity",
    "arange",
    "linspace",
    "logspace",
    "geomspace",
    "tri",
]


def _shape(shape):
    if isinstance(shape, int):
        return (shape,)
    return tuple(int(d) for d in shape)


def _filled(shape, value, dtype):
    dtype = _promotion.to_dtype(dtype)
    return wrap(torch.full(_shape(shape), value, dtype=dtype.torch_dtype, device=_device.current()))


@tf_export("experimental.numpy.array")
def array(val, dtype=None, copy=True, ndmin=0):
    """NumPy's ``array``: a new ``tf.Tensor`` (NumPy's dtype inference), at least ``ndmin``-D."""
    storage = _promotion.asarray_storage(val, dtype)
    if copy:
        storage = storage.copy() if isinstance(storage, np.ndarray) else storage.clone()
    while storage.ndim < ndmin:
        storage = storage[None]
    return wrap(storage)


@tf_export("experimental.numpy.asarray")
def asarray(a, dtype=None):
    """NumPy's ``asarray``: a tensor of the right dtype is returned as it is."""
    return _promotion.as_tensor(a, dtype)


@tf_export("experimental.numpy.asanyarray")
def asanyarray(a, dtype=None):
    """Same as :func:`asarray`."""
    return _promotion.as_tensor(a, dtype)


@tf_export("experimental.numpy.ascontiguousarray")
def ascontiguousarray(a, dtype=None):
    """NumPy's ``ascontiguousarray``: :func:`array` with at least one dimension."""
    return array(a, dtype=dtype, ndmin=1)


@tf_export("experimental.numpy.copy")
def copy(a):
    """A copy of ``a`` on the current device (``tf.device`` scope), as ``tnp.copy``."""
    storage = _promotion.asarray_storage(a)
    if isinstance(storage, np.ndarray):
        return wrap(storage.copy())
    return wrap(storage.to(_device.current(), copy=True))


@tf_export("experimental.numpy.zeros")
def zeros(shape, dtype=float):
    """NumPy's ``zeros`` (``dtype=float``: ``float64``, as NumPy)."""
    return _filled(shape, 0, dtype)


@tf_export("experimental.numpy.ones")
def ones(shape, dtype=float):
    """NumPy's ``ones`` (``dtype=float``: ``float64``, as NumPy)."""
    return _filled(shape, 1, dtype)


@tf_export("experimental.numpy.empty")
def empty(shape, dtype=float):
    """NumPy's ``empty``; zero-filled, as TF's."""
    return _filled(shape, 0, dtype)


@tf_export("experimental.numpy.full")
def full(shape, fill_value, dtype=None):
    """NumPy's ``full``: the fill value's dtype unless ``dtype`` is given; broadcast."""
    fill = _promotion.asarray_storage(fill_value, dtype)
    return wrap(fill.expand(_shape(shape)).clone())


def _like(a, dtype):
    storage = _promotion.asarray_storage(a)
    dtype = _promotion.to_dtype(dtype)
    return storage, (dtype.torch_dtype if dtype is not None else storage.dtype)


@tf_export("experimental.numpy.zeros_like")
def zeros_like(a, dtype=None):
    """NumPy's ``zeros_like`` (empty strings for a string array, as TF's)."""
    storage, dtype = _like(a, dtype)
    if isinstance(storage, np.ndarray) and isinstance(dtype, np.dtype):
        return wrap(np.full(storage.shape, b"", dtype=object))
    return wrap(torch.zeros_like(storage, dtype=dtype))


@tf_export("experimental.numpy.ones_like")
def ones_like(a, dtype=None):
    """NumPy's ``ones_like`` (a string array: TF's error converting ``1`` to a string)."""
    storage, dtype = _like(a, dtype)
    if isinstance(storage, np.ndarray) and isinstance(dtype, np.dtype):
        raise TypeError("Cannot convert 1 to EagerTensor of dtype string")
    return wrap(torch.ones_like(storage, dtype=dtype))


@tf_export("experimental.numpy.empty_like")
def empty_like(a, dtype=None):
    """NumPy's ``empty_like``; zero-filled, as TF's."""
    return zeros_like(a, dtype)


@tf_export("experimental.numpy.full_like")
def full_like(a, fill_value, dtype=None):
    """NumPy's ``full_like``: ``a``'s shape, ``dtype`` or else ``a``'s dtype."""
    storage, dtype = _like(a, dtype)
    fill = _promotion.asarray_storage(fill_value).to(dtype)
    return wrap(fill.expand(storage.shape).clone())


@tf_export("experimental.numpy.eye")
def eye(N, M=None, k=0, dtype=float):  # noqa: N803 - NumPy's argument names
    """NumPy's ``eye``: ones on the ``k``-th diagonal of an ``N x M`` matrix."""
    dtype = _promotion.to_dtype(dtype)
    M = N if M is None else M
    rows = torch.arange(N, device=_device.current()).unsqueeze(1)
    cols = torch.arange(M, device=_device.current()).unsqueeze(0)
    return wrap((cols - rows == k).to(dtype.torch_dtype))


@tf_export("experimental.numpy.identity")
def identity(n, dtype=float):
    """NumPy's ``identity``."""
    return eye(n, dtype=dtype)


@tf_export("experimental.numpy.tri")
def tri(N, M=None, k=0, dtype=None):  # noqa: N803 - NumPy's argument names
    """NumPy's ``tri``: ones at and below the ``k``-th diagonal (``dtype`` default float)."""
    dtype = _promotion.to_dtype(float if dtype is None else dtype)
    M = N if M is None else M
    rows = torch.arange(N, device=_device.current()).unsqueeze(1)
    cols = torch.arange(M, device=_device.current()).unsqueeze(0)
    return wrap((cols - rows <= k).to(dtype.torch_dtype))


@tf_export("experimental.numpy.arange")
def arange(start, stop=None, step=1, dtype=None):
    """NumPy's ``arange``: the dtype of ``start``, ``stop`` and ``step`` unless given."""
    if not step:
        raise ValueError("step must be non-zero.")
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = _promotion.result_type(start, stop, step)
    dtype = _promotion.to_dtype(dtype)
    values = np.arange(float(start), float(stop), float(step))
    if not (dtype.is_floating or dtype.is_complex):
        values = np.arange(start, stop, step)
    storage = torch.from_numpy(np.ascontiguousarray(values)).to(dtype.torch_dtype)
    return wrap(storage.to(_device.current()))


def _space_dtype(start, stop):
    # TF under NumPy 2 infers the dtype from ``start * 1.0`` and ``stop * 1.0`` and ignores
    # ``dtype`` (its comment: "the result type of np.linspace is based off of start and end").
    return _promotion.result_type([start * 1.0, stop * 1.0])


def _host_result(values, dtype):
    return wrap(torch.from_numpy(np.asarray(values)).to(dtype.torch_dtype).to(_device.current()))


@tf_export("experimental.numpy.linspace")
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=float, axis=0):
    """NumPy's ``linspace``; as TF's under NumPy 2, the dtype comes from ``start * 1.0`` and
    ``stop * 1.0`` (``float64``; ``float32`` with ``prefer_float32``), not from ``dtype``.
    ``retstep`` gives ``(values, step)``."""
    if num < 0:
        raise ValueError(
            "Argument `num` (number of samples) must be a non-negative integer. "
            f"Received: num={num}"
        )
    dtype = _space_dtype(start, stop)
    values, step = np.linspace(
        np.asarray(start, np.float64),
        np.asarray(stop, np.float64),
        num,
        endpoint=endpoint,
        retstep=True,
        axis=axis,
    )
    result = _host_result(values, dtype)
    if retstep:
        return result, _host_result(step, dtype)
    return result


@tf_export("experimental.numpy.logspace")
def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """NumPy's ``logspace``: ``base ** linspace(start, stop)`` (dtype as :func:`linspace`)."""
    values = np.logspace(start, stop, num, endpoint=endpoint, base=base, axis=axis)
    return _host_result(values, _space_dtype(start, stop))


@tf_export("experimental.numpy.geomspace")
def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """NumPy's ``geomspace``: a geometric progression from ``start`` to ``stop`` (``dtype``
    or the result type of ``start``, ``stop`` and a float)."""
    values = np.geomspace(start, stop, num, endpoint=endpoint, axis=axis)
    dtype = _promotion.to_dtype(dtype) if dtype else _promotion.result_type(start, stop, 1.0)
    return _host_result(values, dtype)
