"""The argument checks ``tf.signal``'s Python wrappers share, with TF's texts.

TF's signal functions check their inputs with ``TensorShape`` methods (``with_rank_at_least``,
``assert_has_rank``) and their ``dtype`` arguments with ``DType.is_floating``; this module
raises the same ``ValueError``s once for all of them.
"""

from __future__ import annotations

from ..framework.convert import convert_to_tensor


def rank_at_least(tensor, rank):
    """``tensor.shape.with_rank_at_least(rank)``: TF's ``ValueError`` when the rank is lower."""
    if tensor.shape.rank < rank:
        raise ValueError("Shape %s must have rank at least %d" % (tensor.shape, rank))


def has_rank(tensor, rank):
    """``tensor.shape.assert_has_rank(rank)``: TF's ``ValueError`` for another rank."""
    if tensor.shape.rank != rank:
        raise ValueError("Shape %s must have rank %d" % (tensor.shape, rank))


def scalar_int(value, dtype=None, name=None):
    """A scalar argument (``frame_length``, ``frame_step`` ...) converted as TF converts it
    (``dtype`` when given; a Tensor of another dtype is TF's ``ValueError``, prefixed with the
    argument's ``name`` where TF converts it by name), checked to be a scalar; returns the
    Tensor."""
    try:
        tensor = convert_to_tensor(value, dtype=dtype)
    except ValueError as error:
        if name is None or not hasattr(value, "dtype"):
            raise
        raise ValueError("%s: %s" % (name, error)) from None
    has_rank(tensor, 0)
    return tensor


def float_dtype(dtype, found="Found"):
    """``dtype`` (a ``DType``: TF reads its ``is_floating``, so a string or NumPy type is an
    ``AttributeError``), with TF's ``ValueError`` unless it is a floating type (the windows say
    ``Found``, ``linear_to_mel_weight_matrix`` ``Got:``)."""
    if not dtype.is_floating:
        raise ValueError("dtype must be a floating point type. %s %s" % (found, dtype))
    return dtype
