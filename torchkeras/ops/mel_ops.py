"""``tf.signal.linear_to_mel_weight_matrix``: TF's triangular mel filterbank (HTK mel scale,
``1127 ln(1 + f / 700)``), computed step by step as TF does in the requested float dtype."""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators, wrap
from ._signal_args import float_dtype

_MEL_BREAK_FREQUENCY_HERTZ = 700.0
_MEL_HIGH_FREQUENCY_Q = 1127.0


def _hertz_to_mel(frequencies_hertz):
    return _MEL_HIGH_FREQUENCY_Q * torch.log(1.0 + (frequencies_hertz / _MEL_BREAK_FREQUENCY_HERTZ))


def _validate(num_mel_bins, sample_rate, lower_edge_hertz, upper_edge_hertz, dtype):
    """TF's ``_validate_arguments`` (the same order and texts)."""
    if num_mel_bins <= 0:
        raise ValueError("num_mel_bins must be positive. Got: %s" % num_mel_bins)
    if lower_edge_hertz < 0.0:
        raise ValueError("lower_edge_hertz must be non-negative. Got: %s" % lower_edge_hertz)
    if lower_edge_hertz >= upper_edge_hertz:
        raise ValueError(
            "lower_edge_hertz %.1f >= upper_edge_hertz %.1f" % (lower_edge_hertz, upper_edge_hertz)
        )
    if sample_rate <= 0.0:
        raise ValueError("sample_rate must be positive. Got: %s" % sample_rate)
    if upper_edge_hertz > sample_rate / 2:
        raise ValueError(
            "upper_edge_hertz must not be larger than the Nyquist frequency (sample_rate / 2). "
            "Got %s for sample_rate: %s" % (upper_edge_hertz, sample_rate)
        )
    return float_dtype(dtype, "Got:")


def _linspace(start, stop, num):
    """TF's ``linspace``: ``[start, start + k * delta ..., stop]`` (``delta`` in the dtype)."""
    steps = max(num - 1, 1)
    delta = (stop - start) / torch.tensor(steps, dtype=start.dtype, device=start.device)
    middle = start + torch.arange(1, steps, device=start.device).to(start.dtype) * delta
    return torch.cat([start.reshape(1), middle, stop.reshape(1)])[:num]


@tf_export("signal.linear_to_mel_weight_matrix")
def linear_to_mel_weight_matrix(
    num_mel_bins=20,
    num_spectrogram_bins=129,
    sample_rate=8000,
    lower_edge_hertz=125.0,
    upper_edge_hertz=3800.0,
    dtype=dtypes.float32,
    name=None,
):
    """``tf.signal.linear_to_mel_weight_matrix``: a ``[num_spectrogram_bins, num_mel_bins]``
    matrix of triangular filters (mel-spaced between the edges, HTK's mel scale) that maps a
    linear magnitude spectrogram to mel bins; the DC bin's row is zero, as in TF."""
    if isinstance(sample_rate, TensorOperators):
        sample_rate = sample_rate.numpy()
    dtype = _validate(num_mel_bins, sample_rate, lower_edge_hertz, upper_edge_hertz, dtype)
    device = _device.current()

    def value(v):
        return convert_to_tensor(v, dtype=dtype)._value.to(device)

    rate = torch.tensor(float(sample_rate), dtype=torch.float64).to(device, dtype.torch_dtype)
    zero = value(0.0)
    frequencies = _linspace(zero, rate / 2.0, num_spectrogram_bins)[1:]
    bins_mel = _hertz_to_mel(frequencies)[:, None]
    edges = _linspace(
        _hertz_to_mel(value(lower_edge_hertz)),
        _hertz_to_mel(value(upper_edge_hertz)),
        num_mel_bins + 2,
    )
    lower, center, upper = edges[:-2][None], edges[1:-1][None], edges[2:][None]
    lower_slopes = (bins_mel - lower) / (center - lower)
    upper_slopes = (upper - bins_mel) / (upper - center)
    weights = torch.maximum(zero, torch.minimum(lower_slopes, upper_slopes))
    return wrap(torch.nn.functional.pad(weights, (0, 0, 1, 0)))
