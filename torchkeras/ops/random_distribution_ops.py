"""Gamma, Poisson, binomial, categorical and parameterized truncated-normal samples:
``tf.random.gamma`` / ``poisson`` (TF's seed rules, ``random_ops._generator``) and their
``tf.random.stateless_*`` forms.

Gamma, Poisson, binomial and categorical samples are TF's exactly (TF's samplers over its
Philox streams, ``philox_samplers.py``; seeded ``tf.random.gamma`` / ``poisson`` through TF's
kernel streams; categorical as TF's CPU kernel draws a batch in one shard, which it does for
small batches).  The parameterized truncated normal is drawn with torch, so its values differ
from TF's while shapes, dtypes, argument checks, errors and distributions are TF's; it is
deterministic for a seed (a torch generator keyed by TF's scrambled seed).
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import NotFoundError
from ..framework.op_errors import (
    attr_error,
    broadcast_shapes,
    dims_text,
    input_dtype_error,
    op_error,
)
from ..framework.tensor import wrap
from ._args import shape_arg
from . import philox_samplers
from .random_ops import kernel_stream
from .stateless_random_ops import seed_key_counter

_GAMMA = (torch.float16, torch.float32, torch.float64)
_POISSON = (torch.float16, torch.float32, torch.float64, torch.int32, torch.int64)


def _converted(value, dtype, argname):
    """``value`` converted to ``dtype`` with TF's errors (prefixed by the argument's name)."""
    try:
        return convert_to_tensor(value, dtype=dtype)
    except ValueError as error:
        raise ValueError("%s: %s" % (argname, error)) from None


def _stateless_generator(seed, device):
    """A torch generator determined by ``seed`` (through TF's seed scrambling)."""
    key, counter = seed_key_counter(seed)
    return _keyed_generator(key, counter, device)


def _keyed_generator(key, counter, device):
    """A torch generator determined by a Philox key and counter."""
    value = (key[0] << 32 | key[1]) ^ (counter[0] << 24) ^ (counter[2] << 16) ^ counter[3]
    generator = torch.Generator(device=device)
    generator.manual_seed(value & ((1 << 63) - 1))
    return generator


def _gamma(shape, alpha, beta, dtype, stream, opname, sample_shape_first):
    dtype = dtypes.as_dtype(dtype)
    alpha_t = _converted(alpha, dtype, "alpha")
    beta_t = _converted(beta if beta is not None else 1, dtype, "beta")
    a, b = alpha_t._value, beta_t._value
    if a.dtype not in _GAMMA:
        attr = "T" if opname == "RandomGamma" else "dtype"
        raise attr_error(opname, alpha_t.dtype, attr=attr)
    batch = broadcast_shapes("BroadcastArgs", a.shape, b.shape, a)
    dims = tuple(shape_arg(shape, opname, ""))
    if sample_shape_first:
        out_shape = dims + tuple(batch)
    else:
        if dims[len(dims) - len(batch) :] != tuple(batch) or len(batch) > len(dims):
            raise op_error(opname, "Shape passed in must end with broadcasted shape.", a)
        out_shape = dims
    device = _device.current()
    alphas = a.to(device).expand(batch).reshape(-1).double()
    total = math.prod(out_shape)
    if total == 0:
        sample = torch.zeros(out_shape, dtype=a.dtype, device=device)
    else:
        key, counter = stream(device, total)
        draws = philox_samplers.gamma(alphas, total // alphas.numel(), key, counter)
        sample = _from_double(draws.reshape(out_shape), a.dtype)
    tiny = float(np.finfo(alpha_t.dtype.as_numpy_dtype).tiny)
    return wrap(torch.clamp(sample / b.to(device), min=tiny))


def _from_double(values, dtype):
    """``static_cast<T>`` of float64 samples (half types through float, as Eigen's)."""
    if dtype in (torch.float16, torch.bfloat16):
        return values.float().to(dtype)
    return values.to(dtype)


@tf_export("random.gamma")
def gamma(shape, alpha, beta=None, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.gamma``: ``shape + broadcast(alpha, beta).shape`` samples of
    Gamma(``alpha``, rate ``beta``) (half/float/double; at least the dtype's ``tiny``); TF's
    numbers for a seed, as TF's algorithm gives them for any ``alpha`` (NaN for NaN)."""
    dtype = dtypes.as_dtype(dtype)

    def stream(device, total):
        return kernel_stream("RandomGamma", (dtype.name,), seed, device, 256 * total)

    return _gamma(shape, alpha, beta, dtype, stream, "RandomGamma", True)


@tf_export("random.stateless_gamma")
def stateless_gamma(shape, seed, alpha, beta=None, dtype=dtypes.float32, name=None):
    """``tf.random.stateless_gamma``: Gamma(``alpha``, rate ``beta``) samples of ``shape``,
    which must end with ``broadcast(alpha, beta).shape``; deterministic for ``seed``."""
    return _gamma(
        shape,
        alpha,
        beta,
        dtype,
        lambda device, total: seed_key_counter(seed),
        "StatelessRandomGammaV3",
        False,
    )


def _poisson(shape, lam, dtype, stream, opname, rate_attr, sample_shape_first):
    out_dtype = dtypes.as_dtype(dtype)
    rate = convert_to_tensor(lam)
    r = rate._value
    if r.dtype not in _POISSON:
        raise attr_error(opname, rate.dtype, attr=rate_attr, name=None)
    if out_dtype.torch_dtype not in _POISSON:
        raise attr_error(opname, out_dtype, attr="dtype", name=None)
    dims = tuple(shape_arg(shape, opname, ""))
    if sample_shape_first:
        out_shape = dims + tuple(r.shape)
    else:
        if len(r.shape) > len(dims) or dims[len(dims) - r.ndim :] != tuple(r.shape):
            raise op_error(opname, "Shape passed in must end with broadcasted shape.", r, name=None)
        out_shape = dims
    device = _device.current()
    total = math.prod(out_shape)
    if total == 0:
        return wrap(torch.zeros(out_shape, dtype=out_dtype.torch_dtype, device=device))
    rates = r.to(device).reshape(-1).double()
    key, counter = stream(device, total, rate.dtype, out_dtype)
    highest = float(_highest(out_dtype))
    draws = philox_samplers.poisson(rates, total // rates.numel(), key, counter, highest)
    return wrap(_from_double(draws.reshape(out_shape), out_dtype.torch_dtype))


def _highest(dtype):
    """``Eigen::NumTraits<U>::highest()`` of an output dtype."""
    if dtype.is_integer:
        return np.iinfo(dtype.as_numpy_dtype).max
    return np.finfo(dtype.as_numpy_dtype).max


@tf_export("random.poisson")
def poisson(shape, lam, dtype=dtypes.float32, seed=None, name=None):
    """``tf.random.poisson``: ``shape + lam.shape`` Poisson(``lam``) samples in ``dtype``
    (half/float/double/int32/int64; 0 where ``lam <= 0``); TF's numbers for a seed.  TF never
    returns for a NaN or infinite rate; those samples are NaN here."""

    def stream(device, total, rate_dtype, out_dtype):
        attrs = (rate_dtype.name, out_dtype.name)
        return kernel_stream("RandomPoissonV2", attrs, seed, device, 256 * total)

    return _poisson(shape, lam, dtype, stream, "RandomPoissonV2", "R", True)


@tf_export("random.stateless_poisson")
def stateless_poisson(shape, seed, lam, dtype=dtypes.int32, name=None):
    """``tf.random.stateless_poisson``: Poisson(``lam``) samples of ``shape`` (which must end
    with ``lam``'s shape): TF's numbers for ``seed``."""
    return _poisson(
        shape,
        lam,
        dtype,
        lambda device, total, rate_dtype, out_dtype: seed_key_counter(seed),
        "StatelessRandomPoisson",
        "Rtype",
        False,
    )


def _kernel_list(opname, node, lines):
    return NotFoundError(
        None,
        None,
        "Could not find device for node: {{node %s}} = %s[%s]\nAll kernels registered for op "
        "%s:\n%s\n [Op:%s]" % (opname, opname, node, opname, "\n".join(lines), opname),
    )


_BINOMIAL_KERNELS = [
    "  device='CPU'; dtype in [DT_%s]; T in [DT_%s]" % (d, t)
    for d in ("INT64", "INT32", "DOUBLE", "FLOAT", "HALF")
    for t in ("DOUBLE", "FLOAT", "HALF")
]


@tf_export("random.stateless_binomial")
def stateless_binomial(shape, seed, counts, probs, output_dtype=dtypes.int32, name=None):
    """``tf.random.stateless_binomial``: Binomial(``counts``, ``probs``) samples of ``shape``
    (which must end with their broadcast shape): TF's numbers for ``seed``.  As TF's kernel:
    0 where ``counts <= 0`` or ``probs <= 0``, ``counts`` where ``probs >= 1``, NaN for a NaN
    probability (TF never returns for a NaN count; NaN here)."""
    probs_t = convert_to_tensor(probs, dtype_hint=dtypes.float32)
    counts_t = convert_to_tensor(counts, dtype_hint=probs_t.dtype)
    return _binomial(
        shape,
        counts_t,
        probs_t,
        output_dtype,
        lambda device, batches, per_batch: seed_key_counter(seed),
        convert_to_tensor(seed).dtype,
        "StatelessRandomBinomial",
    )


def generator_binomial(shape, reserve, counts, probs, dtype):
    """``tf.random.Generator.binomial``'s samples: ``reserve(blocks)`` reads the generator's
    Philox key and counter and advances it by ``blocks`` (TF's ``StatefulRandomBinomial``
    skips ``256 * (batches * 200 * (samples_per_batch + 3) / 4)``)."""

    def stream(device, batches, per_batch):
        return reserve(256 * (batches * 2 * 100 * (per_batch + 3) // 4))

    return _binomial(shape, counts, probs, dtype, stream, dtypes.int64, "StatefulRandomBinomial")


def _binomial(shape, counts_t, probs_t, output_dtype, stream, seed_dtype, opname):
    out_dtype = dtypes.as_dtype(output_dtype)
    p, n = probs_t._value, counts_t._value
    if n.dtype in _POISSON and not n.is_floating_point():
        # TF infers T from ``counts``; its CPU kernels take float counts only.
        node = "S=DT_INT32, T=DT_%s, Tseed=DT_%s, dtype=DT_%s" % (
            counts_t.dtype.name.upper(),
            seed_dtype.name.upper(),
            out_dtype.name.upper(),
        )
        raise _kernel_list(opname, node, _BINOMIAL_KERNELS)
    if n.dtype != p.dtype:
        raise input_dtype_error(opname, 3, n, p, name=None)
    if p.dtype not in _POISSON:
        raise attr_error(opname, probs_t.dtype, name=None)
    if out_dtype.torch_dtype not in _POISSON:
        raise attr_error(opname, out_dtype, attr="dtype", name=None)
    dims = tuple(shape_arg(shape, opname, ""))
    batch = _batch_shape(opname, "counts and probs must have compatible batch dimensions", (n, p))
    if len(batch) > len(dims) or dims[len(dims) - len(batch) :] != tuple(batch):
        raise op_error(opname, "Shape passed in must end with broadcasted shape.", p, name=None)
    device = _device.current()
    total = math.prod(dims)
    count = n.to(device).expand(batch).reshape(-1)
    prob = p.to(device).expand(batch).reshape(-1)
    key, counter = stream(device, count.numel(), total // max(count.numel(), 1))
    if total == 0:
        return wrap(torch.zeros(dims, dtype=out_dtype.torch_dtype, device=device))
    # TF computes q = 1 - p and the n * q < 10 test in the parameters' dtype.
    smaller = torch.where(prob > 0.5, 1 - prob, prob)
    small_product = ~(count * smaller >= 10)
    sample = philox_samplers.binomial(
        count.double(),
        prob.double(),
        smaller.double(),
        total // count.numel(),
        key,
        counter,
        small_product,
    )
    return wrap(_from_double(sample.reshape(dims), out_dtype.torch_dtype))


_MULTINOMIAL_KERNELS = [
    "  device='XLA_CPU_JIT'; output_dtype in [DT_INT32, DT_INT64]; Tseed in [DT_INT32]; "
    "T in [DT_FLOAT, DT_DOUBLE, DT_BFLOAT16]"
] + [
    "  device='CPU'; T in [DT_%s]; output_dtype in [DT_%s]" % (t, o)
    for t in ("DOUBLE", "FLOAT", "BFLOAT16", "HALF")
    for o in ("INT64", "INT32")
]


@tf_export("random.stateless_categorical")
def stateless_categorical(logits, num_samples, seed, dtype=dtypes.int64, name=None):
    """``tf.random.stateless_categorical``: ``[batch, num_samples]`` class indices drawn from
    each row of unnormalised log-probabilities ``logits``: TF's numbers for ``seed`` (for
    batches TF's CPU kernel draws in one shard; larger ones TF splits by thread)."""
    out_dtype = dtypes.as_dtype(dtype)
    if out_dtype not in (dtypes.int32, dtypes.int64):
        raise ValueError(
            "Argument `dtype` got invalid value %s. Accepted dtypes are (tf.int32, tf.int64)."
            % out_dtype
        )
    logits_t = convert_to_tensor(logits)
    x = logits_t._value
    opname = "StatelessMultinomial"
    if not x.is_floating_point():
        node = "T=DT_%s, Tseed=DT_%s, output_dtype=DT_%s" % (
            logits_t.dtype.name.upper(),
            convert_to_tensor(seed).dtype.name.upper(),
            out_dtype.name.upper(),
        )
        raise _kernel_list(opname, node, _MULTINOMIAL_KERNELS)
    count = int(convert_to_tensor(num_samples, dtype=dtypes.int32)._value)
    if x.ndim != 2:
        raise op_error(
            opname, "logits should be a matrix, got shape %s" % dims_text(x.shape), x, name=None
        )
    if count < 0:
        raise op_error(opname, "num_samples should be non-negative, got %d" % count, x, name=None)
    if x.shape[1] <= 0:
        raise op_error(opname, "num_classes should be positive, got %d" % x.shape[1], x, name=None)
    key, counter = seed_key_counter(seed)
    if count == 0 or x.shape[0] == 0:
        return wrap(torch.zeros((x.shape[0], count), dtype=out_dtype.torch_dtype))
    sample = philox_samplers.categorical(x.detach().double(), count, key, counter)
    return wrap(sample.to(out_dtype.torch_dtype))


def _truncated(means, stddevs, minvals, maxvals, dims, generator):
    """Normal(means, stddevs) samples truncated to ``[minvals, maxvals]`` by inverting the CDF
    (on the lower tail, for accuracy), in float64."""
    a = (minvals - means) / stddevs
    b = (maxvals - means) / stddevs
    flip = a > 0
    low, high = torch.where(flip, -b, a), torch.where(flip, -a, b)
    cdf_low, cdf_high = torch.special.ndtr(low), torch.special.ndtr(high)
    u = torch.rand(dims, dtype=torch.float64, device=means.device, generator=generator)
    z = torch.special.ndtri(cdf_low + u * (cdf_high - cdf_low))
    z = torch.clamp(torch.where(flip, -z, z), a, b)
    return means + stddevs * z


def _batch_shape(opname, text, storages):
    """The broadcast shape of the parameter ``storages`` of a stateless sampler; TF's error
    (``text: [..] vs. [..]``, no name part) where they do not broadcast."""
    shapes = [tuple(storage.shape) for storage in storages]
    try:
        return torch.broadcast_shapes(*shapes)
    except RuntimeError:
        raise op_error(
            opname,
            "%s: %s" % (text, " vs. ".join(dims_text(shape) for shape in shapes)),
            storages[0],
            name=None,
        ) from None


@tf_export("random.stateless_parameterized_truncated_normal")
def stateless_parameterized_truncated_normal(
    shape, seed, means=0.0, stddevs=1.0, minvals=-2.0, maxvals=2.0, name=None
):
    """``tf.random.stateless_parameterized_truncated_normal``: Normal(``means``, ``stddevs``)
    samples of ``shape`` truncated to ``[minvals, maxvals]`` (parameters broadcast to
    ``shape``; all four share one float dtype); deterministic for ``seed``."""
    opname = "StatelessParameterizedTruncatedNormal"
    params = [convert_to_tensor(v) for v in (means, stddevs, minvals, maxvals)]
    first = params[0]
    if first._value.dtype not in _GAMMA:
        raise attr_error(opname, first.dtype, attr="dtype", name=None)
    for index, p in enumerate(params[1:], start=3):
        if p.dtype != first.dtype:
            raise input_dtype_error(opname, index, first.dtype, p.dtype, name=None)
    dims = tuple(shape_arg(shape, opname, ""))
    batch = _batch_shape(
        opname,
        "means, stddevs, minvals, maxvals must have compatible batch dimensions",
        [p._value for p in params],
    )
    if len(batch) > len(dims) or tuple(dims[len(dims) - len(batch) :]) != tuple(batch):
        raise op_error(
            opname, "Shape passed in must end with broadcasted shape.", first._value, name=None
        )
    device = _device.current()
    values = [p._value.to(device).double().expand(dims) for p in params]
    mean, std, low, high = values
    if bool(((std <= 0) | (low >= high)).any()):
        raise op_error(opname, "Invalid parameters", first._value, name=None)
    sample = _truncated(mean, std, low, high, dims, _stateless_generator(seed, device))
    return wrap(sample.to(first._value.dtype))
