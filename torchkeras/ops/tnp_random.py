"""``tf.experimental.numpy.random``: NumPy's random functions on ``tf.random``'s global
seed (``seed`` is ``tf.random.set_seed``), with tnp's dtypes (``float64`` samples)."""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import np_promotion as _promotion
from ..framework.tensor import wrap
from . import random_ops

__all__ = ["seed", "randn", "standard_normal", "uniform", "poisson", "random", "rand", "randint"]


def _size(size):
    if size is None:
        return ()
    if isinstance(size, (int, np.integer)):
        return (int(size),)
    return tuple(int(d) for d in size)


@tf_export("experimental.numpy.random.seed")
def seed(s):
    """Sets the global seed (``tf.random.set_seed``); ``s`` must be an integer."""
    try:
        s = int(s)
    except TypeError:
        raise ValueError(
            f"Argument `s` got an invalid value {s}. Only integers are supported."
        ) from None
    random_ops.set_seed(s)


@tf_export("experimental.numpy.random.standard_normal")
def standard_normal(size=None):
    """Standard normal samples of shape ``size`` (``float64``)."""
    dtype = _promotion.result_type(float)
    return random_ops.normal(_size(size), dtype=dtype)


@tf_export("experimental.numpy.random.randn")
def randn(*args):
    """Standard normal samples of shape ``args`` (``float64``)."""
    return standard_normal(size=args)


@tf_export("experimental.numpy.random.uniform")
def uniform(low=0.0, high=1.0, size=None):
    """Uniform samples in ``[low, high)`` (``float64``); the shape of ``low``/``high`` when
    ``size`` is ``None``."""
    dtype = _promotion.result_type(float)
    low_s = _promotion.asarray_storage(low, dtype)
    high_s = _promotion.asarray_storage(high, dtype)
    shape = _size(size) if size is not None else torch.broadcast_shapes(low_s.shape, high_s.shape)
    unit = random_ops.uniform(tuple(shape), dtype=dtype)._value
    return wrap(low_s + (high_s - low_s) * unit)


@tf_export("experimental.numpy.random.random")
def random(size=None):
    """Uniform samples in ``[0, 1)`` (``float64``)."""
    return uniform(0.0, 1.0, size)


@tf_export("experimental.numpy.random.rand")
def rand(*size):
    """Uniform samples in ``[0, 1)`` of shape ``size`` (``float64``)."""
    return uniform(0.0, 1.0, size)


@tf_export("experimental.numpy.random.poisson")
def poisson(lam=1.0, size=None):
    """Poisson samples with rate ``lam`` (``int64``)."""
    rates = torch.full(_size(size), float(lam), dtype=torch.float64, device=_device.current())
    return wrap(torch.poisson(rates).to(torch.int64))


@tf_export("experimental.numpy.random.randint")
def randint(low, high=None, size=None, dtype=np.int64):
    """Integers uniform in ``[low, high)`` (``[0, low)`` without ``high``); ``dtype`` must
    be ``int32`` or ``int64`` (``ValueError`` otherwise, TF's text)."""
    low = int(low)
    if high is None:
        low, high = 0, low
    tf_dtype = _promotion.result_type(dtype)
    if tf_dtype.name not in ("int32", "int64"):
        raise ValueError(
            f"Argument `dtype` got an invalid value {dtype}. Only those convertible to "
            f"{(np.int32, np.int64)} are supported."
        )
    return random_ops.uniform(_size(size), minval=low, maxval=int(high), dtype=tf_dtype)
