"""``tf.random``: random tensors with TF's seeding rules, drawn by torch generators.

TF's rules, kept here: without any seed, values are fresh each run.  After
``tf.random.set_seed(s)`` the sequence of random ops is reproducible (setting
the same seed again replays it).  An op-level ``seed=`` picks its own stream,
keyed by (global seed, op seed): repeated calls continue that stream, and
``set_seed`` restarts it; without a global seed TF's default global seed
(87654321) is used, so an op seed alone is also reproducible.  Each device
has its own ``torch.Generator``.  The values differ from TF's (other
algorithms); their distributions are TF's.  ``tf.random.Generator`` objects
and the ``stateless_*`` ops (values fixed by a seed pair) are here too.
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
from ._array_args import _shape_arg
from ._array_errors import _err, _dims_text
from ..api_export import tf_export

# TF has none of these at the top level: they live in ``tf.random`` (torchkeras/random.py).
__all__ = []

_DEFAULT_GLOBAL_SEED = 87654321
_state = {"seed": None}
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
    _state["seed"] = None if seed is None else int(seed) % (2 ** 63)
    _global_generators.clear()
    _op_generators.clear()


def _mix(global_seed, op_seed):
    return (global_seed * 1000003 + int(op_seed) * 7919 + 12345) % (2 ** 63)


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
        generator.manual_seed(_mix(global_seed if global_seed is not None else _DEFAULT_GLOBAL_SEED, seed))
        _op_generators[key] = generator
    return generator


def _float_dtype(dtype, default_value):
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _FLOATS:
        raise TypeError("Cannot convert %r to EagerTensor of dtype %s" % (default_value, dtype.name))
    return dtype


def _param(value, dtype, argname, device):
    """A mean/stddev/min/max argument as storage of ``dtype`` (TF's conversion error otherwise)."""
    if isinstance(value, TensorOperators):
        if value.dtype is not dtype:
            raise ValueError("%s: Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
                             % (argname, dtype.name, value.dtype.name, value))
        return value._value
    if type(value) in (int, float):
        return value
    return to_torch(value, dtype).to(device)


def _affine(sample, scale, shift):
    try:
        return sample * scale + shift
    except RuntimeError:
        other = shift if isinstance(shift, torch.Tensor) else scale
        raise _err("AddV2", "Incompatible shapes: %s vs. %s" % (_dims_text(sample.shape), _dims_text(other.shape)), sample, "") from None


def _normal(shape, mean, stddev, dtype, pick):
    dtype = _float_dtype(dtype, 0.0)
    dims = _shape_arg(shape, "RandomStandardNormal", "")
    device = _device.current()
    mean = _param(mean, dtype, "mean", device)
    stddev = _param(stddev, dtype, "stddev", device)
    sample = torch.randn(dims, dtype=dtype.torch_dtype, device=device, generator=pick(device))
    return wrap(_affine(sample, stddev, mean))


def _uniform(shape, minval, maxval, dtype, pick):
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _FLOATS + (dtypes.int32, dtypes.int64):
        raise ValueError("Argument `dtype` got invalid value %s. Accepted dtypes are (tf.float16, tf.bfloat16, tf.float32, "
                         "tf.float64, tf.int32, tf.int64)." % dtype)
    device = _device.current()
    if dtype.is_integer:
        if maxval is None:
            raise ValueError("Must specify maxval for integer dtype %r" % dtype)
        dims = _shape_arg(shape, "RandomUniformInt", "")
        low, high = int(minval), int(maxval)
        if low >= high:
            raise _err("RandomUniformInt", "Need minval < maxval, got %d >= %d" % (low, high), None, "")
        return wrap(torch.randint(low, high, dims, dtype=dtype.torch_dtype, device=device, generator=pick(device)))
    dims = _shape_arg(shape, "RandomUniform", "")
    low = _param(minval, dtype, "min", device)
    high = _param(1.0 if maxval is None else maxval, dtype, "max", device)
    sample = torch.rand(dims, dtype=dtype.torch_dtype, device=device, generator=pick(device))
    return wrap(_affine(sample, high - low, low))


def _truncated_normal(shape, mean, stddev, dtype, pick):
    dtype = _float_dtype(dtype, 0.0)
    dims = _shape_arg(shape, "TruncatedNormal", "")
    device = _device.current()
    mean = _param(mean, dtype, "mean", device)
    stddev = _param(stddev, dtype, "stddev", device)
    work = torch.float32 if dtype.torch_dtype in (torch.float16, torch.bfloat16) else dtype.torch_dtype
    sample = torch.empty(dims, dtype=work, device=device)
    # Inverse-CDF sampling of the standard normal restricted to [-2, 2]: exact, no redraw loop.
    low = 0.5 * (1 + math.erf(-2.0 / math.sqrt(2.0)))
    sample.uniform_(low, 1 - low, generator=pick(device))
    sample = (torch.erfinv(2 * sample - 1) * math.sqrt(2.0)).clamp_(-2.0, 2.0).to(dtype.torch_dtype)
    return wrap(_affine(sample, stddev, mean))


@tf_export("random.normal")
def normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.normal``: samples from N(``mean``, ``stddev``**2) (float dtypes only)."""
    return _normal(shape, mean, stddev, dtype, lambda device: _generator(seed, device))


@tf_export("random.uniform")
def uniform(shape, minval=0, maxval=None, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.uniform``: samples from [``minval``, ``maxval``); integer dtypes need ``maxval``."""
    return _uniform(shape, minval, maxval, dtype, lambda device: _generator(seed, device))


@tf_export("random.truncated_normal")
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.truncated_normal``: normal samples redrawn until within two ``stddev`` of ``mean``."""
    return _truncated_normal(shape, mean, stddev, dtype, lambda device: _generator(seed, device))


@tf_export("random.shuffle")
def shuffle(value, seed=None, name=None):
    """``tf.random.shuffle``: ``value`` with its first dim randomly permuted."""
    storage = to_torch(value)
    if storage.ndim == 0:
        return wrap(storage)
    device = storage.device if isinstance(storage, torch.Tensor) else torch.device("cpu")
    order = torch.randperm(storage.shape[0], device=device, generator=_generator(seed, device))
    if isinstance(storage, np.ndarray):
        return wrap(storage[order.numpy()])
    return wrap(storage.index_select(0, order))


@tf_export("random.categorical")
def categorical(logits, num_samples, dtype=None, seed=None, name=None):
    """``tf.random.categorical``: ``num_samples`` class indices per row of 2-D ``logits`` (int64 by default)."""
    out = dtypes.int64 if dtype is None else dtypes.as_dtype(dtype)
    if out not in (dtypes.int32, dtypes.int64):
        raise ValueError("Argument `dtype` got invalid value %s. Accepted dtypes are (tf.int32, tf.int64)." % out)
    storage = to_torch(logits)
    if storage.ndim != 2:
        raise _err("Multinomial", "logits should be a matrix, got shape %s" % _dims_text(storage.shape), storage, "")
    if not storage.is_floating_point():
        raise _err("Multinomial", "Value for attr 'T' of %s is not in the list of allowed values: half, bfloat16, float, double"
                   % dtypes.from_torch(storage.dtype).name, storage, "")
    count = int(num_samples)
    if count < 0:
        raise _err("Multinomial", "num_samples should be nonnegative, got %d" % count, storage, "")
    if storage.shape[0] == 0 or count == 0:
        return wrap(torch.zeros((storage.shape[0], count), dtype=out.torch_dtype, device=storage.device))
    device = storage.device
    probs = torch.softmax(storage.detach().to(torch.float64 if storage.dtype == torch.float64 else torch.float32), dim=-1)
    draws = torch.multinomial(probs, count, replacement=True, generator=_generator(seed, device))
    return wrap(draws.to(out.torch_dtype))


def _stateless_generator(seed, device):
    pair = to_torch(seed)
    if isinstance(pair, np.ndarray) or pair.shape != (2,) or pair.dtype not in (torch.int32, torch.int64):
        raise ValueError("`seed` must be a shape-[2] int32 or int64 tensor, got %r" % (seed,))
    first, second = (int(v) for v in pair.tolist())
    generator = torch.Generator(device=device)
    generator.manual_seed(_mix(first % (2 ** 63), second))
    return generator


@tf_export("random.stateless_normal")
def stateless_normal(shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None, alg="auto_select"):
    """``tf.random.stateless_normal``: normal samples that depend only on ``shape`` and ``seed`` (a pair of ints)."""
    return _normal(shape, mean, stddev, dtype, lambda device: _stateless_generator(seed, device))


@tf_export("random.stateless_uniform")
def stateless_uniform(shape, seed, minval=0, maxval=None, dtype=dtypes.float32, name=None, alg="auto_select"):
    """``tf.random.stateless_uniform``: uniform samples that depend only on ``shape`` and ``seed``."""
    return _uniform(shape, minval, maxval, dtype, lambda device: _stateless_generator(seed, device))


@tf_export("random.stateless_truncated_normal")
def stateless_truncated_normal(shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None, alg="auto_select"):
    """``tf.random.stateless_truncated_normal``: truncated normal samples that depend only on ``shape`` and ``seed``."""
    return _truncated_normal(shape, mean, stddev, dtype, lambda device: _stateless_generator(seed, device))


@tf_export("random.Generator")
class Generator:
    """``tf.random.Generator``: a random stream with its own state (one torch generator per device).

    ``Generator.from_seed(s)`` streams are reproducible; ``normal``,
    ``uniform`` and ``truncated_normal`` draw from it and advance it; ``split`` makes independent child generators.  Unlike
    TF, the state is not exposed as a ``tf.Variable``.
    """

    def __init__(self, copy_from=None, state=None, alg=None):
        if copy_from is not None:
            self._seed = copy_from._seed
        elif state is not None:
            self._seed = _mix(*(int(v) for v in np.asarray(state).reshape(-1)[:2]))
        else:
            self._seed = int(torch.Generator().seed()) % (2 ** 63)
        self._streams = {}

    @classmethod
    def from_seed(cls, seed, alg=None):
        """A generator whose stream is fixed by ``seed``."""
        generator = cls.__new__(cls)
        generator._seed = int(seed) % (2 ** 63)
        generator._streams = {}
        return generator

    @classmethod
    def from_non_deterministic_state(cls, alg=None):
        """A generator seeded from fresh entropy."""
        return cls()

    def reset_from_seed(self, seed):
        """Restarts the stream as ``from_seed(seed)`` would."""
        self._seed = int(seed) % (2 ** 63)
        self._streams = {}

    def _pick(self, device):
        stream = self._streams.get(device)
        if stream is None:
            stream = torch.Generator(device=device)
            stream.manual_seed(self._seed)
            self._streams[device] = stream
        return stream

    def normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None):
        """Normal samples from this generator's stream."""
        return _normal(shape, mean, stddev, dtype, self._pick)

    def uniform(self, shape, minval=0, maxval=None, dtype=dtypes.float32, name=None):
        """Uniform samples in [``minval``, ``maxval``) from this generator's stream."""
        return _uniform(shape, minval, maxval, dtype, self._pick)

    def truncated_normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None):
        """Truncated normal samples (within two ``stddev``) from this generator's stream."""
        return _truncated_normal(shape, mean, stddev, dtype, self._pick)

    def make_seeds(self, count=1):
        """A ``[2, count]`` int64 tensor of seeds for the ``stateless_*`` ops."""
        device = _device.current()
        return wrap(torch.randint(0, 2 ** 62, (2, int(count)), dtype=torch.int64, device=device, generator=self._pick(device)))

    def split(self, count=1):
        """``count`` new generators, independent of this one and of each other."""
        seeds = self.make_seeds(count).numpy()
        return [Generator.from_seed(_mix(int(seeds[0, i]), int(seeds[1, i]))) for i in range(int(count))]


_global_generator = {"value": None}


@tf_export("random.get_global_generator")
def get_global_generator():
    """``tf.random.get_global_generator``: the process-wide Generator (created on first use)."""
    if _global_generator["value"] is None:
        _global_generator["value"] = Generator.from_non_deterministic_state()
    return _global_generator["value"]


@tf_export("random.set_global_generator")
def set_global_generator(generator):
    """``tf.random.set_global_generator``: replaces the process-wide Generator."""
    _global_generator["value"] = generator
