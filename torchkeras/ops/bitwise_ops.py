"""``tf.bitwise``: bitwise and/or/xor, invert and shifts of integer tensors.

torch has no bitwise kernels for ``uint16/32/64``; those run on the signed integer of the same
width (the bits are the same), and right shifts of unsigned values are made logical.
"""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework.op_errors import allowed_dtypes, attr_error, translate_error
from ..framework.tensor import wrap
from ._args import storage_of, strict_inputs

_ALLOWED = allowed_dtypes("Invert")
_UNSIGNED_WIDE = {
    getattr(torch, name): signed
    for name, signed in (("uint16", torch.int16), ("uint32", torch.int32), ("uint64", torch.int64))
    if getattr(torch, name, None) is not None
}
_BITS = {
    torch.int8: 8,
    torch.uint8: 8,
    torch.int16: 16,
    torch.int32: 32,
    torch.int64: 64,
}


def _signed_view(a):
    """``a``, or its bits as the signed integer of the same width for torch's missing kernels."""
    signed = _UNSIGNED_WIDE.get(a.dtype)
    return a if signed is None else a.view(signed)


def _binary(x, y, opname, fn):
    a, b = strict_inputs(x, y, opname)
    if a.dtype not in _ALLOWED:
        raise attr_error(opname, a)
    try:
        out = fn(_signed_view(a), _signed_view(b), a.dtype)
    except RuntimeError as error:
        raise translate_error(error, opname, a, b) from None
    return wrap(out.view(a.dtype) if out.dtype != a.dtype else out)


@tf_export("bitwise.bitwise_and")
def bitwise_and(x, y, name=None):
    """``tf.bitwise.bitwise_and``: elementwise ``x & y`` of integer tensors (bool refused)."""
    return _binary(x, y, "BitwiseAnd", lambda a, b, _: torch.bitwise_and(a, b))


@tf_export("bitwise.bitwise_or")
def bitwise_or(x, y, name=None):
    """``tf.bitwise.bitwise_or``: elementwise ``x | y`` of integer tensors (bool refused)."""
    return _binary(x, y, "BitwiseOr", lambda a, b, _: torch.bitwise_or(a, b))


@tf_export("bitwise.bitwise_xor")
def bitwise_xor(x, y, name=None):
    """``tf.bitwise.bitwise_xor``: elementwise ``x ^ y`` of integer tensors (bool refused)."""
    return _binary(x, y, "BitwiseXor", lambda a, b, _: torch.bitwise_xor(a, b))


@tf_export("bitwise.invert")
def invert(x, name=None):
    """``tf.bitwise.invert``: elementwise ``~x`` of an integer tensor (bool refused)."""
    a = storage_of(x)
    if a.dtype not in _ALLOWED:
        raise attr_error("Invert", a)
    return wrap(torch.bitwise_not(_signed_view(a)).view(a.dtype))


def _clamped_shift(b, dtype):
    """TF's shift amounts: clamped to ``[0, bits - 1]`` (so shifting by the width or more, or by
    a negative amount, is defined)."""
    bits = _BITS.get(dtype) or 8 * torch.empty((), dtype=dtype).element_size()
    if dtype in _UNSIGNED_WIDE:
        b = torch.where(b < 0, bits - 1, b)
    return torch.clamp(b, 0, bits - 1)


def _left(a, b, dtype):
    return torch.bitwise_left_shift(a, _clamped_shift(b, dtype))


def _right(a, b, dtype):
    shift = _clamped_shift(b, dtype)
    if dtype not in _UNSIGNED_WIDE:
        return torch.bitwise_right_shift(a, shift)
    # Logical shift of the signed view: shift once with the sign bit cleared, then the rest.
    positive = torch.bitwise_and(torch.bitwise_right_shift(a, 1), torch.iinfo(a.dtype).max)
    shifted = torch.bitwise_right_shift(positive, torch.clamp(shift - 1, min=0))
    return torch.where(shift == 0, a, shifted)


@tf_export("bitwise.left_shift")
def left_shift(x, y, name=None):
    """``tf.bitwise.left_shift``: ``x << y`` elementwise; as TF, shift amounts are clamped to
    ``[0, bits - 1]`` (shifting an int8 by 8 or more shifts by 7, by a negative amount by 0)."""
    return _binary(x, y, "LeftShift", _left)


@tf_export("bitwise.right_shift")
def right_shift(x, y, name=None):
    """``tf.bitwise.right_shift``: ``x >> y`` elementwise (arithmetic for signed, logical for
    unsigned types); shift amounts are clamped to ``[0, bits - 1]``, as TF."""
    return _binary(x, y, "RightShift", _right)
