"""``keras.random`` samplers on torch.  Values follow the same distributions as Keras'
(same seed -> same values within torchkeras), but are not bit-identical to TF's streams.
Unseeded calls use torch's global generator (seeded by ``keras.utils.set_random_seed``)."""

import torch

from ...framework import device as _device
from ...framework.op_errors import op_error
from ..ops._base import TORCH, storage, wrap
from ..ops._dtypes import standardize_dtype
from .seed_generator import draw_generator
from ...api_export import keras_export

__all__ = [
    "normal",
    "uniform",
    "truncated_normal",
    "randint",
    "dropout",
    "shuffle",
    "categorical",
    "gamma",
    "beta",
    "binomial",
]


def _shape(shape, opname, name=""):
    """``shape`` as a tuple of ints; TF's error of the sampling op ``opname`` for a negative
    dimension (``name``: the text after `` name:``, None where TF prints none)."""
    dims = (int(shape),) if isinstance(shape, int) else tuple(int(d) for d in shape)
    if dims and min(dims) < 0:
        negative = next(d for d in dims if d < 0)
        raise op_error(opname, "Dimension %d must be >= 0" % negative, name=name)
    return dims


def _float(dtype, opname):
    name = standardize_dtype(dtype)
    target = TORCH[name]
    if not target.is_floating_point:
        if opname == "uniform":
            raise ValueError(
                f"`keras.random.uniform` requires a floating point `dtype`. Received: dtype={name} "
            )
        raise TypeError(f"Cannot convert 0.0 to EagerTensor of dtype {name}")
    return target


def _cpu(generator):
    """A CPU generator continuing ``generator``'s seed (for samplers torch runs on CPU only)."""
    return None if generator is None else torch.Generator().manual_seed(generator.initial_seed())


def _param(value, target):
    return value if isinstance(value, (int, float)) else storage(value).to(target)


def _cpu_param(value, shape):
    """A distribution parameter as a float64 CPU tensor broadcast to ``shape`` (what the CPU
    samplers take)."""
    value = torch.as_tensor(_param(value, torch.float64), dtype=torch.float64)
    return torch.broadcast_to(value, shape).cpu()


@keras_export("keras.random.normal")
def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Normal samples of ``shape`` (floatx unless ``dtype``)."""
    target = _float(dtype, "normal")
    sample = torch.randn(
        _shape(shape, "StatelessRandomNormalV2", None),
        generator=draw_generator(seed),
        device=_device.current(),
        dtype=target,
    )
    return wrap(sample * _param(stddev, target) + _param(mean, target))


@keras_export("keras.random.uniform")
def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """Uniform samples in ``[minval, maxval)`` (float dtypes only, like Keras)."""
    target = _float(dtype, "uniform")
    sample = torch.rand(
        _shape(shape, "StatelessRandomUniformV2"),
        generator=draw_generator(seed),
        device=_device.current(),
        dtype=target,
    )
    return wrap(sample * (_param(maxval, target) - _param(minval, target)) + _param(minval, target))


@keras_export("keras.random.truncated_normal")
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Normal samples re-drawn until within two standard deviations of the mean."""
    target = _float(dtype, "truncated_normal")
    generator = draw_generator(seed)
    dims = _shape(shape, "StatelessTruncatedNormalV2", None)
    sample = torch.randn(dims, generator=generator, device=_device.current(), dtype=target)
    outside = sample.abs() > 2
    while bool(outside.any()):
        fresh = torch.randn(sample.shape, generator=generator, device=sample.device, dtype=target)
        sample = torch.where(outside, fresh, sample)
        outside = sample.abs() > 2
    return wrap(sample * _param(stddev, target) + _param(mean, target))


@keras_export("keras.random.randint")
def randint(shape, minval, maxval, dtype="int32", seed=None):
    """Integers uniform in ``[minval, maxval)`` (int32 unless ``dtype``)."""
    name = standardize_dtype(dtype)
    if "int" not in name:
        raise ValueError(
            f"`keras.random.randint` requires an integer `dtype`. Received: dtype={name} "
        )
    target = TORCH[name]
    sample = torch.randint(
        int(minval),
        int(maxval),
        _shape(shape, "StatelessRandomUniformIntV2"),
        generator=draw_generator(seed),
        device=_device.current(),
        dtype=torch.int64,
    )
    return wrap(sample.to(target))


@keras_export("keras.random.dropout")
def dropout(inputs, rate, noise_shape=None, seed=None):
    """Zeroes each element with probability ``rate`` and scales the rest by ``1 / (1 - rate)``."""
    x = storage(inputs)
    if rate == 1.0:
        return wrap(torch.zeros_like(x))
    if rate == 0.0:
        return wrap(x)
    shape = (
        x.shape
        if noise_shape is None
        else _shape(
            [x.shape[i] if d is None else d for i, d in enumerate(noise_shape)],
            "StatelessRandomUniformV2",
        )
    )
    keep = torch.rand(shape, generator=draw_generator(seed), device=x.device) >= rate
    return wrap(
        torch.where(keep, x / (1.0 - rate), torch.zeros((), dtype=x.dtype, device=x.device))
    )


@keras_export("keras.random.shuffle")
def shuffle(x, axis=0, seed=None):
    """``x`` with its slices along ``axis`` in random order."""
    x = storage(x)
    order = torch.randperm(x.shape[axis], generator=draw_generator(seed), device=x.device)
    return wrap(torch.index_select(x, axis, order))


@keras_export("keras.random.categorical")
def categorical(logits, num_samples, dtype="int32", seed=None):
    """``num_samples`` class indices per row of the 2-D ``logits`` (unnormalized
    log-probabilities)."""
    z = storage(logits)
    if z.dim() != 2:
        raise ValueError(
            f"`logits` should be a 2-D tensor with shape [batch_size, num_classes]. "
            f"Received: logits={logits}"
        )
    probs = torch.softmax(z.float(), dim=-1)
    sample = torch.multinomial(
        probs, int(num_samples), replacement=True, generator=draw_generator(seed)
    )
    return wrap(sample.to(TORCH[standardize_dtype(dtype)]))


@keras_export("keras.random.gamma")
def gamma(shape, alpha, dtype=None, seed=None):
    """Gamma(``alpha``, 1) samples (floatx unless ``dtype``)."""
    target = _float(dtype, "gamma")
    generator = draw_generator(seed)
    concentration = _cpu_param(alpha, _shape(shape, "StatelessRandomGammaV3"))
    sample = torch._standard_gamma(concentration, generator=_cpu(generator))
    return wrap(sample.to(device=_device.current(), dtype=target))


@keras_export("keras.random.beta")
def beta(shape, alpha, beta, dtype=None, seed=None):
    """Beta(``alpha``, ``beta``) samples, as ``X / (X + Y)`` of two gamma draws."""
    target = _float(dtype, "beta")
    generator = draw_generator(seed)
    cpu = _cpu(generator)
    shape = _shape(shape, "BroadcastTo", None)
    a = _cpu_param(alpha, shape)
    b = _cpu_param(beta, shape)
    x = torch._standard_gamma(a, generator=cpu)
    y = torch._standard_gamma(b, generator=cpu)
    return wrap((x / (x + y)).to(device=_device.current(), dtype=target))


@keras_export("keras.random.binomial")
def binomial(shape, counts, probabilities, dtype=None, seed=None):
    """Binomial(``counts``, ``probabilities``) samples, returned as floats (floatx unless
    ``dtype``)."""
    target = _float(dtype, "binomial")
    generator = draw_generator(seed)
    cpu = _cpu(generator)
    shape = _shape(shape, "StatelessRandomBinomial", None)
    n = _cpu_param(counts, shape)
    p = _cpu_param(probabilities, shape)
    sample = torch.binomial(n, p, generator=cpu)
    return wrap(sample.to(device=_device.current(), dtype=target))
