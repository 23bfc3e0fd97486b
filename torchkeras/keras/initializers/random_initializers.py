"""Random initializers with Keras' defaults and fan computations.

Values come from torch's generators, so they differ bit for bit from Keras';
the distributions, scales and fans are Keras'.  An int ``seed`` makes every
call return the same values, as in Keras.
"""

import math

import torch

from .initializer import Initializer, check_seed, generator
from ...api_export import keras_export


def _truncated_normal(shape, mean, stddev, torch_dtype, device, gen):
    """Normal samples redrawn until within two standard deviations (as TF)."""
    out = torch.empty(
        shape,
        dtype=torch.float32 if torch_dtype in (torch.float16, torch.bfloat16) else torch_dtype,
        device=device,
    )
    torch.nn.init.trunc_normal_(out, 0.0, 1.0, -2.0, 2.0, generator=gen)
    return (out * stddev + mean).to(torch_dtype)


@keras_export("keras.initializers.RandomNormal", "keras.initializers.random_normal")
class RandomNormal(Initializer):
    """Normal distribution with ``mean`` and ``stddev``."""

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean, self.stddev, self.seed = mean, stddev, check_seed(seed)

    def _generate(self, shape, torch_dtype, device):
        out = torch.empty(shape, dtype=torch_dtype, device=device)
        return out.normal_(self.mean, self.stddev, generator=generator(self.seed, device))

    def get_config(self):
        return {"seed": self.seed, "mean": self.mean, "stddev": self.stddev}


@keras_export("keras.initializers.RandomUniform", "keras.initializers.random_uniform")
class RandomUniform(Initializer):
    """Uniform distribution on ``[minval, maxval)``."""

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        self.minval, self.maxval, self.seed = minval, maxval, check_seed(seed)

    def _generate(self, shape, torch_dtype, device):
        out = torch.empty(shape, dtype=torch_dtype, device=device)
        return out.uniform_(self.minval, self.maxval, generator=generator(self.seed, device))

    def get_config(self):
        return {"seed": self.seed, "minval": self.minval, "maxval": self.maxval}


@keras_export("keras.initializers.TruncatedNormal", "keras.initializers.truncated_normal")
class TruncatedNormal(Initializer):
    """Normal distribution cut at two standard deviations from ``mean``."""

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        self.mean, self.stddev, self.seed = mean, stddev, check_seed(seed)

    def _generate(self, shape, torch_dtype, device):
        return _truncated_normal(
            shape, self.mean, self.stddev, torch_dtype, device, generator(self.seed, device)
        )

    def get_config(self):
        return {"seed": self.seed, "mean": self.mean, "stddev": self.stddev}


def compute_fans(shape, input_axes=None, output_axes=None):
    """Keras' ``(fan_in, fan_out)`` of a weight shape (convolution kernels: receptive field times
    depth)."""
    shape = tuple(shape)
    if input_axes is not None and output_axes is not None:
        return int(math.prod(shape[a] for a in input_axes)), int(
            math.prod(shape[a] for a in output_axes)
        )
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return int(shape[0]), int(shape[0])
    if len(shape) == 2:
        return int(shape[0]), int(shape[1])
    receptive = math.prod(shape[:-2])
    return int(shape[-2] * receptive), int(shape[-1] * receptive)


@keras_export("keras.initializers.VarianceScaling", "keras.initializers.variance_scaling")
class VarianceScaling(Initializer):
    """Samples scaled by ``scale / n``, where ``n`` is fan_in, fan_out or their mean.

    ``distribution``: ``'truncated_normal'`` (stddev ``sqrt(scale/n)/.8796...``),
    ``'untruncated_normal'`` or ``'uniform'`` (limit ``sqrt(3*scale/n)``).
    """

    def __init__(
        self,
        scale=1.0,
        mode="fan_in",
        distribution="truncated_normal",
        seed=None,
        input_axes=None,
        output_axes=None,
    ):
        if scale <= 0.0:
            raise ValueError("Argument `scale` must be positive float. Received: scale=%s" % scale)
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ValueError(
                "Invalid `mode` argument: expected one of {'fan_in', 'fan_out', 'fan_avg'}. "
                "Received: mode=%s" % mode
            )
        distribution = distribution.lower()
        if distribution == "normal":
            distribution = "truncated_normal"
        if distribution not in ("uniform", "truncated_normal", "untruncated_normal"):
            raise ValueError(
                "Invalid `distribution` argument: expected one of {'uniform', 'truncated_normal', "
                "'untruncated_normal'}. Received: distribution=%s" % distribution
            )
        self.scale, self.mode, self.distribution = scale, mode, distribution
        self.seed = check_seed(seed)
        self.input_axes, self.output_axes = input_axes, output_axes

    def _generate(self, shape, torch_dtype, device):
        fan_in, fan_out = compute_fans(shape, self.input_axes, self.output_axes)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        scale = self.scale / max(1.0, n)
        gen = generator(self.seed, device)
        if self.distribution == "truncated_normal":
            return _truncated_normal(
                shape, 0.0, math.sqrt(scale) / 0.87962566103423978, torch_dtype, device, gen
            )
        out = torch.empty(shape, dtype=torch_dtype, device=device)
        if self.distribution == "untruncated_normal":
            return out.normal_(0.0, math.sqrt(scale), generator=gen)
        limit = math.sqrt(3.0 * scale)
        return out.uniform_(-limit, limit, generator=gen)

    def get_config(self):
        return {
            "scale": self.scale,
            "mode": self.mode,
            "distribution": self.distribution,
            "seed": self.seed,
            "input_axes": self.input_axes,
            "output_axes": self.output_axes,
        }


class _Preset(VarianceScaling):
    _preset = None

    def __init__(self, seed=None, input_axes=None, output_axes=None):
        scale, mode, distribution = self._preset
        super().__init__(
            scale=scale,
            mode=mode,
            distribution=distribution,
            seed=seed,
            input_axes=input_axes,
            output_axes=output_axes,
        )

    def get_config(self):
        return {"seed": self.seed, "input_axes": self.input_axes, "output_axes": self.output_axes}


@keras_export("keras.initializers.GlorotUniform", "keras.initializers.glorot_uniform")
class GlorotUniform(_Preset):
    """Uniform on ``[-limit, limit]``, ``limit = sqrt(6 / (fan_in + fan_out))`` (Dense's
    default)."""

    _preset = (1.0, "fan_avg", "uniform")


@keras_export("keras.initializers.GlorotNormal", "keras.initializers.glorot_normal")
class GlorotNormal(_Preset):
    """Truncated normal, ``stddev = sqrt(2 / (fan_in + fan_out))``."""

    _preset = (1.0, "fan_avg", "truncated_normal")


@keras_export("keras.initializers.HeUniform", "keras.initializers.he_uniform")
class HeUniform(_Preset):
    """Uniform on ``[-limit, limit]``, ``limit = sqrt(6 / fan_in)``."""

    _preset = (2.0, "fan_in", "uniform")


@keras_export("keras.initializers.HeNormal", "keras.initializers.he_normal")
class HeNormal(_Preset):
    """Truncated normal, ``stddev = sqrt(2 / fan_in)``."""

    _preset = (2.0, "fan_in", "truncated_normal")


@keras_export("keras.initializers.LecunUniform", "keras.initializers.lecun_uniform")
class LecunUniform(_Preset):
    """Uniform on ``[-limit, limit]``, ``limit = sqrt(3 / fan_in)``."""

    _preset = (1.0, "fan_in", "uniform")


@keras_export("keras.initializers.LecunNormal", "keras.initializers.lecun_normal")
class LecunNormal(_Preset):
    """Truncated normal, ``stddev = sqrt(1 / fan_in)``."""

    _preset = (1.0, "fan_in", "truncated_normal")


@keras_export(
    "keras.initializers.Orthogonal",
    "keras.initializers.orthogonal",
    "keras.initializers.OrthogonalInitializer",
)
class Orthogonal(Initializer):
    """An orthogonal matrix (from a QR decomposition), reshaped, times ``gain``."""

    def __init__(self, gain=1.0, seed=None):
        self.gain, self.seed = gain, check_seed(seed)

    def _generate(self, shape, torch_dtype, device):
        if len(shape) < 2:
            raise ValueError(
                "The tensor to initialize must be at least two-dimensional. Received: shape=%s of "
                "rank %d." % (shape, len(shape))
            )
        rows = math.prod(shape[:-1])
        cols = shape[-1]
        flat = (max(rows, cols), min(rows, cols))
        a = torch.empty(flat, dtype=torch.float32, device=device).normal_(
            generator=generator(self.seed, device)
        )
        q, r = torch.linalg.qr(a)
        q = q * torch.sign(torch.diagonal(r))
        if rows < cols:
            q = q.T
        return (self.gain * q.reshape(shape)).to(torch_dtype)

    def get_config(self):
        return {"gain": self.gain, "seed": self.seed}


OrthogonalInitializer = Orthogonal
