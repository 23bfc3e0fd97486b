"""``tf.bitcast`` (reinterpret the bits of a tensor as another dtype) and ``tf.saturate_cast``
(a cast that clamps to the target's range first)."""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import allowed_dtypes, attr_error, op_error
from ..framework.tensor import wrap
from .cast_ops import cast

_BITCAST = allowed_dtypes("Bitcast")


@tf_export("bitcast")
def bitcast(input, type, name=None):  # noqa: A002 - TF's argument names
    """``tf.bitcast``: ``input``'s bits as dtype ``type``, without copying.  Equal sizes keep the
    shape; a smaller ``type`` adds a last axis of ``in_size / out_size``; a larger one needs a
    last axis of exactly ``out_size / in_size`` and removes it (else TF's ``Cannot bitcast
    from <enum> to <enum>``).  bool and string are refused."""
    tensor = convert_to_tensor(input)
    a = tensor._value
    target = dtypes.as_dtype(type)
    if isinstance(a, np.ndarray) or a.dtype not in _BITCAST:
        raise attr_error("Bitcast", tensor.dtype)
    if target.torch_dtype not in _BITCAST:
        raise attr_error("Bitcast", target, attr="type")
    in_size, out_size = a.element_size(), target.size
    if in_size == out_size:
        return wrap(a.view(target.torch_dtype))
    if in_size > out_size:
        return wrap(a.contiguous().unsqueeze(-1).view(target.torch_dtype))
    if a.ndim == 0 or a.shape[-1] != out_size // in_size:
        raise op_error(
            "Bitcast",
            "Cannot bitcast from %d to %d"
            % (tensor.dtype.as_datatype_enum, target.as_datatype_enum),
            a,
        )
    return wrap(a.contiguous().view(target.torch_dtype).squeeze(-1))


def _clamp_limits(in_dtype, out_dtype):
    """TF's clamp bounds: the tighter of the two ranges, in ``in_dtype``, nudged toward zero
    where rounding to ``in_dtype`` would overshoot the output range (float32 -> int32 gives
    2147483520)."""
    np_dtype = in_dtype.as_numpy_dtype
    try:
        promoted_type = np.promote_types(np_dtype, out_dtype.as_numpy_dtype)
    except TypeError:
        promoted_type = float
    low = np_dtype(np.maximum(in_dtype.min, out_dtype.min))
    if np.array([low, out_dtype.min], dtype=promoted_type)[0] < out_dtype.min:
        low = np.nextafter(low, np_dtype(0), dtype=np_dtype)
    high = np_dtype(np.minimum(float(in_dtype.max), float(out_dtype.max)))
    promoted = np.array([high, out_dtype.max], dtype=promoted_type)
    if promoted[0] > promoted[1]:
        high = np.nextafter(high, np_dtype(0), dtype=np_dtype)
    return low, high


def _range_of(dtype):
    if dtype.is_bool:
        raise TypeError("Cannot find minimum value of %s with type %s." % (dtype, dtype))
    return dtype.min, dtype.max


@tf_export("saturate_cast")
def saturate_cast(value, dtype, name=None):
    """``tf.saturate_cast``: ``value`` clamped to ``dtype``'s range (as representable in
    ``value``'s dtype), then cast; complex to real keeps the real part (TF also logs a
    warning).  bool on either side raises TF's ``TypeError``."""
    tensor = convert_to_tensor(value)
    out_dtype = dtypes.as_dtype(dtype).base_dtype
    in_dtype = tensor.dtype
    a = tensor._value
    if in_dtype.is_complex:
        if out_dtype.is_complex:
            real_in, real_out = in_dtype.real_dtype, out_dtype.real_dtype
            if real_in.min < real_out.min or real_in.max > real_out.max:
                a = torch.complex(
                    a.real.clamp(real_out.min, real_out.max),
                    a.imag.clamp(real_out.min, real_out.max),
                )
            return cast(wrap(a), out_dtype)
        a = a.real
        in_dtype = in_dtype.real_dtype
    _range_of(in_dtype)
    real_out = out_dtype.real_dtype
    _range_of(real_out)
    low, high = _clamp_limits(in_dtype, real_out)
    low = torch.tensor(low.item(), dtype=a.dtype, device=a.device)
    high = torch.tensor(high.item(), dtype=a.dtype, device=a.device)
    clamped = torch.where(a < low, low, torch.where(a > high, high, a))
    return cast(wrap(clamped), out_dtype)
