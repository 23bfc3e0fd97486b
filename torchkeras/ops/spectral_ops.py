"""``tf.signal``'s short-time transforms: ``stft`` / ``inverse_stft`` (with
``inverse_stft_window_fn``) and ``mdct`` / ``inverse_mdct``, composed as TF composes them from
``frame``, a window, ``rfft``/``irfft`` or the type-IV DCT, and ``overlap_and_add``.

``fft_length`` defaults to the smallest power of 2 enclosing ``frame_length``; ``window_fn`` is
called as ``window_fn(frame_length, dtype=...)`` (``None``: a rectangular window).
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.tensor import wrap
from ._signal_args import has_rank, rank_at_least, scalar_int
from .dct_ops import dct
from .fft_ops import irfft, rfft
from .frame_ops import frame, overlap_and_add
from .window_ops import hann_window, vorbis_window


def _enclosing_power_of_two(frame_length):
    """TF's ``_enclosing_power_of_two`` of a scalar length tensor, in its dtype."""
    value = frame_length.numpy()
    return convert_to_tensor(
        int(2 ** np.ceil(np.log(value) / np.log(2.0))), dtype=frame_length.dtype
    )


def _stft_lengths(frame_length, frame_step, fft_length):
    """``stft``'s and ``inverse_stft``'s scalar ``frame_length`` and ``frame_step`` and their
    ``fft_length`` tensor (by default the power of 2 enclosing ``frame_length``)."""
    frame_length = scalar_int(frame_length)
    frame_step = scalar_int(frame_step)
    if fft_length is None:
        return frame_length, frame_step, _enclosing_power_of_two(frame_length)
    return frame_length, frame_step, convert_to_tensor(fft_length)


@tf_export("signal.stft")
def stft(
    signals, frame_length, frame_step, fft_length=None, window_fn=hann_window, pad_end=False,
    name=None,
):  # fmt: skip
    """``tf.signal.stft``: the short-time Fourier transform of real ``[..., samples]`` signals,
    ``[..., frames, fft_length // 2 + 1]`` (complex64 from float32): frames of
    ``frame_length`` every ``frame_step`` samples, windowed (periodic Hann by default) and
    ``rfft``'d with ``fft_length`` (default: the enclosing power of 2)."""
    signals = convert_to_tensor(signals)
    rank_at_least(signals, 1)
    frame_length, frame_step, fft_length = _stft_lengths(frame_length, frame_step, fft_length)
    framed = frame(signals, frame_length, frame_step, pad_end=pad_end)
    if window_fn is not None:
        framed = framed * window_fn(frame_length, dtype=framed.dtype)
    return rfft(framed, [fft_length])


@tf_export("signal.inverse_stft_window_fn")
def inverse_stft_window_fn(frame_step, forward_window_fn=hann_window, name=None):
    """``tf.signal.inverse_stft_window_fn``: a ``window_fn`` for ``inverse_stft`` that inverts
    ``stft`` with ``forward_window_fn``: the forward window divided by the overlapping sum of
    its squares (0 where that sum is 0)."""

    def inverse_stft_window_fn_inner(frame_length, dtype):
        """The inverse window of ``frame_length`` samples in ``dtype``."""
        step = int(scalar_int(frame_step)._value)
        length_tensor = scalar_int(frame_length)
        length = int(length_tensor._value)
        forward = convert_to_tensor(forward_window_fn(length_tensor, dtype=dtype))._value
        denom = torch.square(forward)
        overlaps = -(-length // step)
        denom = torch.nn.functional.pad(denom, (0, overlaps * step - length))
        denom = denom.reshape(overlaps, step).sum(0, keepdim=True).tile(overlaps, 1)
        denom = denom.reshape(overlaps * step)[:length]
        return wrap(torch.where(denom == 0.0, torch.zeros_like(forward), forward / denom))

    return inverse_stft_window_fn_inner


@tf_export("signal.inverse_stft")
def inverse_stft(
    stfts, frame_length, frame_step, fft_length=None, window_fn=hann_window, name=None
):
    """``tf.signal.inverse_stft``: real signals from ``[..., frames, fft_length // 2 + 1]``
    STFTs: ``irfft`` of each frame, cropped or zero-padded to ``frame_length``, windowed by
    ``window_fn`` and overlap-added every ``frame_step`` samples. Pass
    ``inverse_stft_window_fn(frame_step)`` for a perfect reconstruction of ``stft``."""
    stfts = convert_to_tensor(stfts)
    rank_at_least(stfts, 2)
    frame_length, frame_step, fft_length = _stft_lengths(frame_length, frame_step, fft_length)
    has_rank(fft_length, 0)
    frames = irfft(stfts, [fft_length])._value
    length = int(frame_length._value)
    if frames.shape[-1] > length:
        frames = frames[..., :length]
    elif frames.shape[-1] < length:
        frames = torch.nn.functional.pad(frames, (0, length - frames.shape[-1]))
    real_frames = wrap(frames)
    if window_fn is not None:
        real_frames = real_frames * window_fn(frame_length, dtype=stfts.dtype.real_dtype)
    return overlap_and_add(real_frames, frame_step)


def _windowed(frames, window_fn, length, dtype):
    """``frames`` times ``window_fn(length, dtype=dtype)``, or ``1/sqrt(2)`` without one."""
    if window_fn is not None:
        return frames * window_fn(length, dtype=dtype)
    return frames * (1.0 / np.sqrt(2))


@tf_export("signal.mdct")
def mdct(signals, frame_length, window_fn=vorbis_window, pad_end=False, norm=None, name=None):
    """``tf.signal.mdct``: the modified DCT of real ``[..., samples]`` signals, ``[..., frames,
    frame_length // 2]``: frames of ``frame_length`` (a multiple of 4) every
    ``frame_length // 2`` samples, windowed (Vorbis by default; ``None``: ``1/sqrt(2)``) and
    folded into a type-IV DCT (``norm``: ``None`` or ``'ortho'``)."""
    signals = convert_to_tensor(signals)
    rank_at_least(signals, 1)
    frame_length = scalar_int(frame_length)
    length = int(frame_length._value)
    if length % 4 != 0:
        raise ValueError("The frame length must be a multiple of 4.")
    frame_step = convert_to_tensor(length // 2, dtype=frame_length.dtype)
    framed = frame(signals, frame_length, frame_step, pad_end=pad_end)
    framed = _windowed(framed, window_fn, frame_length, framed.dtype)._value
    a, b, c, d = torch.split(framed, length // 4, -1)
    rearranged = torch.cat([-c.flip(-1) - d, a - b.flip(-1)], -1)
    return dct(wrap(rearranged), type=4, norm=norm)


@tf_export("signal.inverse_mdct")
def inverse_mdct(mdcts, window_fn=vorbis_window, norm=None, name=None):
    """``tf.signal.inverse_mdct``: real signals from ``[..., frames, frame_length // 2]`` MDCTs
    (type-IV DCT, unfolded, windowed and overlap-added); with the same window and ``norm``
    as ``mdct`` it inverts it where windows satisfy Princen-Bradley."""
    mdcts = convert_to_tensor(mdcts)
    rank_at_least(mdcts, 2)
    half_len = mdcts.shape[-1]
    if norm is None:
        result = dct(mdcts, type=4)._value * (0.5 / half_len)
    elif norm == "ortho":
        result = dct(mdcts, type=4, norm="ortho")._value
    else:
        # TF's function reads a variable it never assigned for other norms.
        raise UnboundLocalError(
            "cannot access local variable 'result_idct4' where it is not associated with a value"
        )
    first, second = torch.split(result, math.ceil(half_len / 2), -1)
    real_frames = torch.cat([second, -second.flip(-1), -first.flip(-1), -first], -1)
    framed = _windowed(wrap(real_frames), window_fn, 2 * half_len, mdcts.dtype)
    return overlap_and_add(framed, half_len)
