"""``tf.signal``'s window functions: Hann, Hamming, Kaiser, Kaiser-Bessel-derived, Vorbis.

Each follows TF's formula step by step in the requested float ``dtype`` (so float16 windows
round as TF's do): ``dtype`` must be floating, ``window_length`` a scalar int32, and a length-1
window is ``[1.]``.
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
from ..framework.op_errors import op_error
from ..framework.tensor import wrap
from ._signal_args import float_dtype, scalar_int


def _length(window_length, dtype):
    """TF's ``_check_params``: the float ``DType`` and the length as a Python int."""
    dtype = float_dtype(dtype)
    return int(scalar_int(window_length, dtypes.int32, "window_length")._value), dtype


def _number(value):
    """A number as TF's ``StrCat`` prints it: 6 significant digits, 9 when 6 lose the value."""
    text = "%.6g" % value
    return text if np.float32(text) == np.float32(value) else "%.9g" % value


def _range_error(start, limit):
    return op_error(
        "Range",
        "Requires start <= limit when delta > 0: %s/%s" % (_number(start), _number(limit)),
        None,
        name="",
    )


def _count(length, dtype):
    """``cast(range(length), dtype)`` on the current device (TF's ``Range`` error if < 0)."""
    if length < 0:
        raise _range_error(0, length)
    return torch.arange(length, device=_device.current()).to(dtype.torch_dtype)


def _raised_cosine(window_length, periodic, dtype, a, b):
    dtype = float_dtype(dtype)
    length = int(scalar_int(window_length, dtypes.int32, "window_length")._value)
    if length == 1:
        return wrap(torch.ones(1, dtype=dtype.torch_dtype, device=_device.current()))
    periodic = int(bool(scalar_int(periodic, dtypes.bool)._value))
    even = 1 - length % 2
    count = _count(length, dtype)
    n = torch.tensor(length + periodic * even - 1, dtype=count.dtype, device=count.device)
    two_pi = torch.tensor(2 * np.pi, dtype=count.dtype, device=count.device)
    return wrap(a - b * torch.cos(two_pi * count / n))


@tf_export("signal.hann_window")
def hann_window(window_length, periodic=True, dtype=dtypes.float32, name=None):
    """``tf.signal.hann_window``: ``0.5 - 0.5 cos(2 pi n / N)`` with ``N = window_length``
    (periodic, the default, for spectral analysis) or ``window_length - 1`` (symmetric)."""
    return _raised_cosine(window_length, periodic, dtype, 0.5, 0.5)


@tf_export("signal.hamming_window")
def hamming_window(window_length, periodic=True, dtype=dtypes.float32, name=None):
    """``tf.signal.hamming_window``: ``0.54 - 0.46 cos(2 pi n / N)``, ``N`` as in
    ``hann_window``."""
    return _raised_cosine(window_length, periodic, dtype, 0.54, 0.46)


def _kaiser(length, beta, dtype):
    device = _device.current()
    if length == 1:
        return torch.ones(1, dtype=dtype.torch_dtype, device=device)
    half = (np.float32(length) - np.float32(1.0)) / np.float32(2.0)
    limit = half + np.float32(0.1)
    if -half > limit:
        raise _range_error(np.float32(-half), limit)
    count = int(math.ceil(float(limit) - float(-half)))
    arg = (torch.arange(count, device=device, dtype=torch.float32) - float(half)).to(
        dtype.torch_dtype
    )
    beta = convert_to_tensor(beta)._value.to(device=device, dtype=dtype.torch_dtype)
    half = torch.tensor(half, device=device).to(dtype.torch_dtype)
    num = beta * torch.sqrt(torch.relu(1.0 - torch.square(arg / half)))
    return torch.exp(num - beta) * (_i0e(num) / _i0e(beta))


def _i0e(x):
    """``bessel_i0e``; TF computes float16's in float32 and rounds the result, and has no CPU
    kernel for bfloat16."""
    if x.dtype == torch.bfloat16 and x.device.type == "cpu":
        raise NotFoundError(
            None,
            None,
            "Could not find device for node: {{node BesselI0e}} = BesselI0e[T=DT_BFLOAT16]\n"
            "All kernels registered for op BesselI0e:\n"
            "  device='XLA_CPU_JIT'; T in [DT_FLOAT, DT_DOUBLE, DT_BFLOAT16, DT_HALF]\n"
            "  device='CPU'; T in [DT_DOUBLE]\n  device='CPU'; T in [DT_FLOAT]\n"
            "  device='CPU'; T in [DT_HALF]\n [Op:BesselI0e] name: ",
        )
    if x.dtype in (torch.float16, torch.bfloat16):
        return torch.special.i0e(x.float()).to(x.dtype)
    return torch.special.i0e(x)


@tf_export("signal.kaiser_window")
def kaiser_window(window_length, beta=12.0, dtype=dtypes.float32, name=None):
    """``tf.signal.kaiser_window``: the Kaiser window ``I0(beta sqrt(1 - (2n/(N-1) - 1)^2)) /
    I0(beta)``, computed with ``bessel_i0e`` as TF does."""
    length, dtype = _length(window_length, dtype)
    return wrap(_kaiser(length, beta, dtype))


@tf_export("signal.kaiser_bessel_derived_window")
def kaiser_bessel_derived_window(window_length, beta=12.0, dtype=dtypes.float32, name=None):
    """``tf.signal.kaiser_bessel_derived_window``: the KBD window (square roots of the Kaiser
    window's normalised cumulative sums, mirrored); an odd length gives ``window_length - 1``
    values, as in TF."""
    length, dtype = _length(window_length, dtype)
    kaiser = _kaiser(length // 2 + 1, beta, dtype)
    cumulative = torch.cumsum(kaiser, 0)
    half = torch.sqrt(cumulative[:-1] / cumulative[-1])
    return wrap(torch.cat([half, half.flip(0)]))


@tf_export("signal.vorbis_window")
def vorbis_window(window_length, dtype=dtypes.float32, name=None):
    """``tf.signal.vorbis_window``: ``sin(pi/2 sin^2(pi (n + 0.5) / N))``, the power-
    complementary window of Vorbis' MDCT."""
    length, dtype = _length(window_length, dtype)
    arg = _count(length, dtype)
    ratio = np.pi / convert_to_tensor(length, dtype=dtype)._value.to(arg.device)
    return wrap(torch.sin(np.pi / 2.0 * torch.pow(torch.sin(ratio * (arg + 0.5)), 2.0)))
