"""``tf.signal.frame`` and its inverse ``tf.signal.overlap_and_add`` (TF's ``shape_ops`` and
``reconstruction_ops``), as index gathers/scatters over torch.

Both work on any numeric dtype (``frame`` also on strings) and keep TF's argument errors:
scalar ``frame_length``/``frame_step``/``axis``, integer ``frame_step`` for
``overlap_and_add``, and the op errors TF's graph of small ops raises for zero or negative
steps and lengths.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import attr_error, input_dtype_error, op_error
from ..framework.tensor import wrap
from ._signal_args import has_rank, rank_at_least


def _int_pair(frame_length, frame_step):
    """The two sizes as Python ints; TF's ``FloorDiv`` dtype error when their dtypes differ."""
    if frame_length.dtype is not frame_step.dtype:
        raise input_dtype_error("FloorDiv", 1, frame_length.dtype, frame_step.dtype)
    return int(frame_length._value), int(frame_step._value)


def _num_frames(length, frame_length, frame_step, pad_end, storage):
    """The number of frames and of padding samples (TF's formulas, its error for step 0)."""
    if frame_step == 0:
        raise op_error("FloorDiv", "Integer division by zero", storage, name="")
    if pad_end:
        frames = -(-length // frame_step)
        return frames, max(0, frame_length + frame_step * (frames - 1) - length)
    return max(0, 1 + (length - frame_length) // frame_step), 0


def _padded(signal, axis, pad_samples, pad_value):
    """``signal`` padded with ``pad_samples`` copies of ``pad_value`` at the end of ``axis``."""
    value = convert_to_tensor(pad_value, dtype=signal.dtype)
    has_rank(value, 0)
    storage = signal._value
    if pad_samples == 0:
        return storage
    shape = list(storage.shape)
    shape[axis] = pad_samples
    if isinstance(storage, np.ndarray):
        return np.concatenate([storage, np.broadcast_to(value._value, shape)], axis)
    return torch.cat([storage, value._value.to(storage.device).expand(shape)], axis)


@tf_export("signal.frame")
def frame(signal, frame_length, frame_step, pad_end=False, pad_value=0, axis=-1, name=None):
    """``tf.signal.frame``: the frames of ``frame_length`` samples every ``frame_step`` samples
    along ``axis``, giving ``shape[:axis] + [num_frames, frame_length] + shape[axis+1:]``;
    ``pad_end`` pads the end with ``pad_value`` so every sample lands in a frame."""
    signal = convert_to_tensor(signal)
    frame_length = convert_to_tensor(frame_length)
    frame_step = convert_to_tensor(frame_step)
    axis = convert_to_tensor(axis)
    rank_at_least(signal, 1)
    for scalar in (frame_length, frame_step, axis):
        has_rank(scalar, 0)
    shape = signal.shape.as_list()
    axis = int(axis._value)
    if not -len(shape) <= axis < len(shape):
        raise IndexError("list index out of range")
    axis %= len(shape)
    length, step = _int_pair(frame_length, frame_step)
    storage = signal._value
    frames, pad_samples = _num_frames(shape[axis], length, step, pad_end, storage)
    if pad_end:
        storage = _padded(signal, axis, pad_samples, pad_value)
    subframes = length // math.gcd(length, step) if length else 0
    if subframes < 0:
        raise op_error("Range", "Requires start <= limit when delta > 0: 0/%d" % subframes, None)
    out_shape = shape[:axis] + [frames, length] + shape[axis + 1 :]
    if isinstance(storage, np.ndarray):
        index = np.arange(frames)[:, None] * step + np.arange(length)[None, :]
        return wrap(np.take(storage, index.reshape(-1), axis).reshape(out_shape))
    device = storage.device
    index = (
        torch.arange(frames, device=device)[:, None] * step
        + torch.arange(length, device=device)[None, :]
    )
    return wrap(torch.index_select(storage, axis, index.reshape(-1)).reshape(out_shape))


def _pad_error(pairs, storage):
    for before, after in pairs:
        if before < 0 or after < 0:
            raise op_error(
                "Pad", "Paddings must be non-negative: %d %d" % (before, after), storage, name=""
            )


@tf_export("signal.overlap_and_add")
def overlap_and_add(signal, frame_step, name=None):
    """``tf.signal.overlap_and_add``: sums the frames ``signal[..., f, :]`` placed every
    ``frame_step`` samples, giving ``frame_length + frame_step * (frames - 1)`` samples."""
    signal = convert_to_tensor(signal)
    rank_at_least(signal, 2)
    frame_step = convert_to_tensor(frame_step)
    has_rank(frame_step, 0)
    if not frame_step.dtype.is_integer:
        raise ValueError("frame_step must be an integer. Got %s" % frame_step.dtype)
    step = int(frame_step._value)
    storage = signal._value
    if storage.dtype == torch.bool:
        raise attr_error("Sum", storage)
    outer = list(storage.shape[:-2])
    frames, length = storage.shape[-2], storage.shape[-1]
    output_length = length + step * (frames - 1)
    if step == length:
        return wrap(storage.reshape(outer + [output_length]))
    segments = -(-length // step) if step else 0
    _pad_error([(0, segments), (0, segments * step - length)], storage)
    positions = (
        torch.arange(frames, device=storage.device)[:, None] * step
        + torch.arange(length, device=storage.device)[None, :]
    )
    out = torch.zeros(outer + [output_length], dtype=storage.dtype, device=storage.device)
    flat = storage.reshape(outer + [frames * length])
    return wrap(out.index_add(-1, positions.reshape(-1), flat))
