"""``tf.random``: random tensors with TF's seeding rules and, where seeded, TF's numbers.

TF's rules, kept here: without any seed, values are fresh each run.  After
``tf.random.set_seed(s)`` the sequence of random ops is reproducible (setting
the same seed again replays it).  An op-level ``seed=`` picks its own stream:
repeated calls continue it, and ``set_seed`` restarts it; without a global seed
TF's default global seed (87654321) is used.  Seeded ``normal``, ``uniform``,
``truncated_normal`` and ``categorical`` draw TF's exact numbers from TF's kernel
streams (``random_kernels.py`` over ``philox.py``); without any seed (TF's values
are then unpredictable) the first three draw with torch's faster samplers.
``shuffle`` (and the other users of ``_generator``: sampled losses, dropout) draws
with torch generators keyed by the seeds: TF's seed rules and distributions, other
values.
"""

from __future__ import annotations

import math
import zlib

import numpy as np
import torch

from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import to_torch
from ..framework.tensor import TensorOperators, wrap
from ..framework.op_errors import device_of, dims_text, op_error
from . import philox, philox_samplers, random_kernels
from ._args import shape_arg
from ..api_export import tf_export

# TF has none of these at the top level: they live in ``tf.random`` (torchkeras/random.py).
__all__ = []

_DEFAULT_GLOBAL_SEED = 87654321
_state = {"seed": None, "tf_seed": None}
_global_generators = {}
_op_generators = {}
_FLOATS = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64)


@tf_export("random.set_seed")
def set_seed(seed):
    """``tf.random.set_seed``: sets the global seed and restarts every random stream.

    ``None`` clears it (fresh values again).  Values that are not ints are
    turned into one by a stable hash, as TF accepts any hashable seed.
    """
    if seed is not None and not isinstance(seed, (int, np.integer)):
        seed = zlib.crc32(repr(seed).encode("utf-8"))
    _state["seed"] = None if seed is None else int(seed) % (2**63)
    _state["tf_seed"] = None if seed is None else int(seed)
    random_kernels.reset(_state["tf_seed"])
    _global_generators.clear()
    _op_generators.clear()


def _mix(global_seed, op_seed):
    return (global_seed * 1000003 + int(op_seed) * 7919 + 12345) % (2**63)


def _generator(seed, device):
    """The torch generator an op with op-level ``seed`` draws from on ``device``."""
    global_seed = _state["seed"]
    if seed is None:
        generator = _global_generators.get(device)
        if generator is None:
            generator = torch.Generator(device=device)
            if global_seed is None:
                generator.seed()
            else:
                generator.manual_seed(global_seed)
            _global_generators[device] = generator
        return generator
    key = (global_seed, int(seed), device)
    generator = _op_generators.get(key)
    if generator is None:
        generator = torch.Generator(device=device)
        generator.manual_seed(
            _mix(global_seed if global_seed is not None else _DEFAULT_GLOBAL_SEED, seed)
        )
        _op_generators[key] = generator
    return generator


def _float_dtype(dtype, default_value):
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _FLOATS:
        raise TypeError(
            "Cannot convert %r to EagerTensor of dtype %s" % (default_value, dtype.name)
        )
    return dtype


def _param(value, dtype, argname, device):
    """A mean/stddev/min/max argument as storage of ``dtype`` (TF's conversion error otherwise)."""
    if isinstance(value, TensorOperators):
        if value.dtype is not dtype:
            raise ValueError(
                "%s: Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
                % (argname, dtype.name, value.dtype.name, value)
            )
        return value._value
    if type(value) in (int, float):
        return value
    return to_torch(value, dtype).to(device)


def _affine(sample, scale, shift):
    try:
        return sample * scale + shift
    except RuntimeError:
        other = shift if isinstance(shift, torch.Tensor) else scale
        raise op_error(
            "AddV2",
            "Incompatible shapes: %s vs. %s" % (dims_text(sample.shape), dims_text(other.shape)),
            sample,
            "",
        ) from None


def kernel_stream(opname, attrs, seed, device, blocks):
    """The Philox key and counter of one call of TF's stateful kernel ``opname`` seeded by
    op seed ``seed`` under the global seed (``blocks``: the 128-bit blocks it reserves)."""
    seeds = random_kernels.get_seed(_state["tf_seed"], seed)
    return random_kernels.reserve(opname, attrs, seeds, device, blocks)


def _philox_sample(kind, opname, dims, dtype, seed, device, low=None, high=None):
    """TF's raw stateful sampler ``opname``: ``256 * size`` blocks reserved per call.  Without
    any seed TF's values are unpredictable, so torch's faster samplers draw them."""
    if seed is None and _state["tf_seed"] is None:
        return _torch_sample(kind, dims, dtype.torch_dtype, device, low, high)
    count = math.prod(dims)
    key, counter = kernel_stream(opname, (dtype.name,), seed, device, 256 * count)
    return philox.fill(kind, dims, dtype.torch_dtype, key, counter, device, low, high)


def _torch_sample(kind, dims, dtype, device, low, high):
    """``kind`` samples from the device's torch generator (TF's distributions)."""
    generator = _generator(None, device)
    if kind == "normal":
        return torch.randn(dims, dtype=dtype, device=device, generator=generator)
    if kind == "uniform":
        return torch.rand(dims, dtype=dtype, device=device, generator=generator)
    if kind == "uniform_int":
        return torch.randint(low, high, dims, dtype=dtype, device=device, generator=generator)
    # Inverse-CDF sampling of the standard normal restricted to [-2, 2].
    work = torch.float32 if dtype in (torch.float16, torch.bfloat16) else dtype
    edge = 0.5 * (1 + math.erf(-2.0 / math.sqrt(2.0)))
    sample = torch.empty(dims, dtype=work, device=device).uniform_(
        edge, 1 - edge, generator=generator
    )
    return (torch.erfinv(2 * sample - 1) * math.sqrt(2.0)).clamp_(-2.0, 2.0).to(dtype)


def _normal(shape, mean, stddev, dtype, seed):
    dtype = _float_dtype(dtype, 0.0)
    dims = shape_arg(shape, "RandomStandardNormal", "", attr="T")
    device = _device.current()
    mean = _param(mean, dtype, "mean", device)
    stddev = _param(stddev, dtype, "stddev", device)
    sample = _philox_sample("normal", "RandomStandardNormal", dims, dtype, seed, device)
    return wrap(_affine(sample, stddev, mean))


def _uniform(shape, minval, maxval, dtype, seed):
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _FLOATS + (dtypes.int32, dtypes.int64):
        raise ValueError(
            "Argument `dtype` got invalid value %s. Accepted dtypes are (tf.float16, tf.bfloat16, "
            "tf.float32, "
            "tf.float64, tf.int32, tf.int64)." % dtype
        )
    device = _device.current()
    if dtype.is_integer:
        if maxval is None:
            raise ValueError("Must specify maxval for integer dtype %r" % dtype)
        dims = shape_arg(shape, "RandomUniformInt", "", attr="T")
        low, high = int(minval), int(maxval)
        if low >= high:
            raise op_error(
                "RandomUniformInt", "Need minval < maxval, got %d >= %d" % (low, high), None, ""
            )
        return wrap(
            _philox_sample("uniform_int", "RandomUniformInt", dims, dtype, seed, device, low, high)
        )
    dims = shape_arg(shape, "RandomUniform", "", attr="T")
    low = _param(minval, dtype, "min", device)
    high = _param(1.0 if maxval is None else maxval, dtype, "max", device)
    sample = _philox_sample("uniform", "RandomUniform", dims, dtype, seed, device)
    return wrap(_affine(sample, high - low, low))


def _truncated_normal(shape, mean, stddev, dtype, seed):
    dtype = _float_dtype(dtype, 0.0)
    dims = shape_arg(shape, "TruncatedNormal", "", attr="T")
    device = _device.current()
    mean = _param(mean, dtype, "mean", device)
    stddev = _param(stddev, dtype, "stddev", device)
    sample = _philox_sample("truncated_normal", "TruncatedNormal", dims, dtype, seed, device)
    return wrap(_affine(sample, stddev, mean))


@tf_export("random.normal")
def normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.normal``: samples from N(``mean``, ``stddev``**2) (float dtypes only)."""
    return _normal(shape, mean, stddev, dtype, seed)


@tf_export("random.uniform")
def uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.uniform``: samples from [``minval``, ``maxval``); integer dtypes need
    ``maxval``."""
    return _uniform(shape, minval, maxval, dtype, seed)


@tf_export("random.truncated_normal")
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.truncated_normal``: normal samples redrawn until within two ``stddev`` of
    ``mean``."""
    return _truncated_normal(shape, mean, stddev, dtype, seed)


@tf_export("random.shuffle")
def shuffle(value, seed=None, name=None):
    """``tf.random.shuffle``: ``value`` with its first dim randomly permuted."""
    storage = to_torch(value)
    if storage.ndim == 0:
        return wrap(storage)
    device = device_of(storage)
    order = torch.randperm(storage.shape[0], device=device, generator=_generator(seed, device))
    if isinstance(storage, np.ndarray):
        return wrap(storage[order.numpy()])
    return wrap(storage.index_select(0, order))


@tf_export("random.categorical")
def categorical(logits, num_samples, dtype=None, seed=None, name=None):
    """``tf.random.categorical``: ``num_samples`` class indices per row of 2-D ``logits`` (int64
    by default); TF's numbers for a seed, for batches TF's CPU kernel draws in one shard
    (larger ones TF splits by thread, so its values depend on the core count)."""
    out = dtypes.int64 if dtype is None else dtypes.as_dtype(dtype)
    if out not in (dtypes.int32, dtypes.int64):
        raise ValueError(
            "Argument `dtype` got invalid value %s. Accepted dtypes are (tf.int32, tf.int64)." % out
        )
    storage = to_torch(logits)
    if storage.ndim != 2:
        raise op_error(
            "Multinomial",
            "logits should be a matrix, got shape %s" % dims_text(storage.shape),
            storage,
            "",
        )
    if not storage.is_floating_point():
        raise op_error(
            "Multinomial",
            "Value for attr 'T' of %s is not in the list of allowed values: half, bfloat16, "
            "float, double" % dtypes.from_torch(storage.dtype).name,
            storage,
            "",
        )
    count = int(num_samples)
    if count < 0:
        raise op_error(
            "Multinomial", "num_samples should be non-negative, got %d" % count, storage, ""
        )
    if storage.shape[0] == 0 or count == 0:
        return wrap(
            torch.zeros((storage.shape[0], count), dtype=out.torch_dtype, device=storage.device)
        )
    device = storage.device
    rows = storage.shape[0]
    attrs = (dtypes.from_torch(storage.dtype).name, out.name)
    blocks = 256 * rows * ((count + 3) // 4 * 4 * 2)  # TF's reservation on the CPU
    key, counter = kernel_stream("Multinomial", attrs, seed, device, blocks)
    draws = philox_samplers.categorical(storage.detach().double(), count, key, counter)
    return wrap(draws.to(out.torch_dtype))
