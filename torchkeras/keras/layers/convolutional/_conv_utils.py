"""Argument checks and padding arithmetic shared by the convolution and pooling layers."""

import types

import torch

from ...backend import config

PADDINGS = ("valid", "same")
"""The paddings Keras' convolution and pooling layers run."""


def own_init(cls):
    """Class decorator: gives ``cls`` its own copy of the ``__init__`` it inherits, named
    ``<cls>.__init__``.  Keras defines ``__init__`` in every convolution class, so Python's
    argument errors name it (``Conv1D.__init__() got multiple values for argument
    'filters'``); the copy runs the same code."""
    init = cls.__init__
    code = init.__code__.replace(co_qualname="%s.__init__" % cls.__name__)
    copy = types.FunctionType(
        code, init.__globals__, init.__name__, init.__defaults__, init.__closure__
    )
    copy.__kwdefaults__ = init.__kwdefaults__
    copy.__doc__ = init.__doc__
    cls.__init__ = copy
    return cls


def normalize_tuple(value, n, name, allow_zero=False):
    """``value`` (an int or an iterable of ``n`` ints) as a tuple of ``n`` ints, with Keras'
    error."""
    error = "The `%s` argument must be a tuple of %d integers. Received %s=%s" % (
        name,
        n,
        name,
        value,
    )
    if isinstance(value, int) and not isinstance(value, bool):
        out = (value,) * n
    else:
        try:
            out = tuple(value)
        except TypeError:
            raise ValueError(error) from None
        if len(out) != n or not all(isinstance(v, int) and not isinstance(v, bool) for v in out):
            raise ValueError(error)
    bad = {v for v in out if v < 0 or (v == 0 and not allow_zero)}
    if bad:
        raise ValueError(
            "%s, including values %s that do not satisfy `value %s 0`"
            % (error, bad, ">=" if allow_zero else ">")
        )
    return out


def normalize_padding(padding, allow_causal=False):
    """The lower-cased ``padding`` after Keras' check (``causal`` only where allowed)."""
    value = padding.lower() if isinstance(padding, str) else padding
    if value not in PADDINGS + (("causal",) if allow_causal else ()):
        raise ValueError(
            "The `padding` argument must be a list/tuple or one of {%s'valid', 'same'}. Received: "
            "%s" % ("'causal', " if allow_causal else "", padding)
        )
    return value


def normalize_data_format(data_format):
    """``data_format`` or the global ``image_data_format()``, checked."""
    value = config.image_data_format() if data_format is None else str(data_format).lower()
    if value not in ("channels_first", "channels_last"):
        raise ValueError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            "Received: data_format=%s" % (data_format,)
        )
    return value


def same_padding(length, kernel, stride, dilation=1):
    """TF's SAME padding ``(before, after)`` for one spatial dim (the extra cell goes after)."""
    effective = (kernel - 1) * dilation + 1
    out = -(-length // stride)
    total = max((out - 1) * stride + effective - length, 0)
    return total // 2, total - total // 2


def conv_output_length(length, kernel, padding, stride, dilation=1):
    """The output length of a convolution or pooling window along one dim (``None`` stays
    ``None``)."""
    if length is None:
        return None
    effective = (kernel - 1) * dilation + 1
    if padding == "valid":
        return (length - effective) // stride + 1
    return (length + stride - 1) // stride


def conv_transpose_output_length(length, kernel, padding, output_padding, stride, dilation=1):
    """Keras' output length for a transposed convolution along one dim."""
    if length is None:
        return None
    effective = (kernel - 1) * dilation + 1
    if output_padding is None:
        return (
            length * stride + max(effective - stride, 0) if padding == "valid" else length * stride
        )
    pad = effective // 2 if padding == "same" else 0
    return (length - 1) * stride + effective - 2 * pad + output_padding


def to_channels_first(value, data_format):
    """The storage viewed as ``(batch, channels, *spatial)`` (a permuted view, no copy)."""
    if data_format == "channels_first":
        return value
    return value.movedim(-1, 1)


def from_channels_first(value, data_format):
    """Undoes ``to_channels_first``."""
    if data_format == "channels_first":
        return value
    return value.movedim(1, -1)


def spatial_axes(ndim, data_format):
    """The spatial axes of a rank-``ndim`` input."""
    return tuple(range(1, ndim - 1)) if data_format == "channels_last" else tuple(range(2, ndim))


def pad_spatial(value, pads, fill=0.0):
    """Pads the trailing spatial dims of a channels-first storage by ``pads`` (``(before,
    after)`` per dim)."""
    flat = []
    for before, after in reversed(pads):
        flat.extend((before, after))
    return torch.nn.functional.pad(value, flat, value=fill)
