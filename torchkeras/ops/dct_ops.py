"""``tf.signal.dct`` / ``tf.signal.idct``: DCT types I-IV over the innermost axis, computed as
TF computes them (through a real FFT of the padded or mirrored signal), with TF's argument
errors. ``norm='ortho'`` is supported for types II-IV, as in TF.
"""

from __future__ import annotations

import math

import torch

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.tensor import wrap
from .fft_ops import irfft, rfft


def _validate(input, dct_type, n, axis, norm):
    """TF's ``_validate_dct_arguments``."""
    if axis != -1:
        raise NotImplementedError("axis must be -1. Got: %s" % axis)
    if n is not None and n < 1:
        raise ValueError("n should be a positive integer or None")
    if dct_type not in (1, 2, 3, 4):
        raise ValueError("Types I, II, III and IV (I)DCT are supported.")
    if dct_type == 1:
        if norm == "ortho":
            raise ValueError("Normalization is not supported for the Type-I DCT.")
        if not hasattr(input, "shape"):
            raise AttributeError("'%s' object has no attribute 'shape'" % type(input).__name__)
        last = input.shape[-1] if len(input.shape) else None
        if last is not None and last < 2:
            raise ValueError("Type-I DCT requires the dimension to be greater than one.")
    if norm not in (None, "ortho"):
        raise ValueError("Unknown normalization. Expected None or 'ortho', got: %s" % norm)


def _complex_parts_check(storage):
    """``tf.complex(zero, ...)``'s ``TypeError`` for inputs that are not float32/float64."""
    if storage.dtype not in (torch.float32, torch.float64):
        name = {torch.float16: "float16", torch.bfloat16: "bfloat16"}.get(storage.dtype)
        raise TypeError(
            "The `real` and `imag` components have incorrect types: %s %s. They must be "
            "consistent, and one of [tf.float32, tf.float64]" % (name, name)
        )


def _dct(x, dct_type, n, norm):
    """TF's ``_dct_internal`` on storage ``x`` (a float tensor); returns a storage."""
    if n is not None:
        size = x.shape[-1]
        x = x[..., :n] if n <= size else torch.nn.functional.pad(x, (0, n - size))
    size = x.shape[-1]
    if dct_type == 1:
        mirrored = torch.cat([x, x.flip(-1)[..., 1:-1]], -1)
        return rfft(wrap(mirrored))._value.real
    _complex_parts_check(x)
    size_f = torch.tensor(size, dtype=x.dtype, device=x.device)
    steps = torch.arange(size, dtype=x.dtype, device=x.device)
    if dct_type == 2:
        angle = -steps * math.pi * 0.5 / size_f
        scale = 2.0 * torch.exp(torch.complex(torch.zeros_like(angle), angle))
        out = (rfft(wrap(x), [2 * size])._value[..., :size] * scale).real
        if norm == "ortho":
            n1 = 0.5 * torch.rsqrt(size_f)
            weights = torch.full((size,), 1.0, dtype=x.dtype, device=x.device) * (
                n1 * math.sqrt(2.0)
            )
            out = out * torch.cat([n1.reshape(1), weights[1:]])
        return out
    if dct_type == 3:
        if norm == "ortho":
            n1 = torch.sqrt(size_f)
            rest = torch.full((size - 1,), 1.0, dtype=x.dtype, device=x.device) * (
                n1 * math.sqrt(0.5)
            )
            x = x * torch.cat([n1.reshape(1), rest])
        else:
            x = x * size_f
        angle = steps * math.pi * 0.5 / size_f
        scale = 2.0 * torch.exp(torch.complex(torch.zeros_like(angle), angle))
        spectrum = scale * torch.complex(x, torch.zeros_like(x))
        return irfft(wrap(spectrum), [2 * size])._value[..., :size]
    out = _dct(x, 2, 2 * size, None)[..., 1::2]
    if norm == "ortho":
        out = out * (math.sqrt(0.5) * torch.rsqrt(size_f))
    return out


def _run(input, dct_type, n, norm):
    tensor = convert_to_tensor(input)
    convert_to_tensor(0.0, dtype=tensor.dtype)
    if tensor.dtype.is_complex and dct_type != 1:
        raise AssertionError()  # TF's ``tf.range`` over the complex axis length
    return wrap(_dct(tensor._value, dct_type, n, norm))


@tf_export("signal.dct")
def dct(input, type=2, n=None, axis=-1, norm=None, name=None):
    """``tf.signal.dct``: the type I-IV discrete cosine transform of the innermost axis (only
    ``axis=-1``, as TF), unnormalised or ``norm='ortho'`` (not for type I); ``n`` crops or
    zero-pads the axis first. Same scaling as ``scipy.fftpack.dct``."""
    _validate(input, type, n, axis, norm)
    return _run(input, type, n, norm)


@tf_export("signal.idct")
def idct(input, type=2, n=None, axis=-1, norm=None, name=None):
    """``tf.signal.idct``: the inverse DCT, i.e. the DCT of the inverse type (II <-> III; I and
    IV are their own), unscaled unless ``norm='ortho'`` (as ``scipy.fftpack.idct``)."""
    _validate(input, type, n, axis, norm)
    return _run(input, {1: 1, 2: 3, 3: 2, 4: 4}[type], n, norm)
