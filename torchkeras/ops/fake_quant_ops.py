"""``tf.quantization.fake_quant_*``: TF's simulated quantization (float32 in, float32 out).

As TF's kernels: ``[min, max]`` is nudged so that 0 is exactly representable (the zero point
rounded half away from zero), inputs are clamped to the nudged range and rounded to the
``2**num_bits`` (or one fewer with ``narrow_range``) levels, all in float32.  Gradients are
TF's: straight through inside the nudged range, and, for the ``vars`` ops, the gradient of the
values clamped below (above) the range flows to ``min`` (``max``).
"""

from __future__ import annotations

import collections

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import op_error
from ..framework.tensor import wrap

VarsGradient = collections.namedtuple(
    "FakeQuantWithMinMaxVarsGradient",
    ["backprops_wrt_input", "backprop_wrt_min", "backprop_wrt_max"],
)
PerChannelGradient = collections.namedtuple(
    "FakeQuantWithMinMaxVarsPerChannelGradient",
    ["backprops_wrt_input", "backprop_wrt_min", "backprop_wrt_max"],
)


def _float32(value):
    return convert_to_tensor(value, dtype=dtypes.float32)._value


def _levels(num_bits, narrow_range, opname, x):
    """TF's ``quant_min`` / ``quant_max`` after checking ``num_bits``."""
    if not 2 <= num_bits <= 16:
        raise op_error(opname, "num_bits must be between 2 and 16, inclusive", x, name=None)
    return (1 if narrow_range else 0), (1 << num_bits) - 1


def _nudge(low, high, quant_min, quant_max):
    """TF's ``Nudge`` in float32 (elementwise over float32 tensors ``low``/``high``): the
    nudged range, the scale and its separately computed inverse."""
    qmin = torch.tensor(float(quant_min), dtype=torch.float32, device=low.device)
    qmax = torch.tensor(float(quant_max), dtype=torch.float32, device=low.device)
    scale = (high - low) / (qmax - qmin)
    inv_scale = (qmax - qmin) / (high - low)
    zero_point_from_min = qmin - low / scale
    zero_point = torch.where(
        zero_point_from_min < qmin,
        qmin,
        torch.where(zero_point_from_min > qmax, qmax, torch.floor(zero_point_from_min + 0.5)),
    )
    return (qmin - zero_point) * scale, (qmax - zero_point) * scale, scale, inv_scale


def _quantize(x, nudged_min, nudged_max, scale, inv_scale):
    clamped = torch.maximum(torch.minimum(x, nudged_max), nudged_min)
    return torch.floor((clamped - nudged_min) * inv_scale + 0.5) * scale + nudged_min


def _with_gradients(x, quantized, nudged_min, nudged_max, low=None, high=None):
    """``quantized`` carrying TF's gradients: 1 to ``x`` inside the nudged range; the rest to
    ``low`` (below) and ``high`` (above) when they are given."""
    inside = ((x >= nudged_min) & (x <= nudged_max)).to(x.dtype)
    out = quantized.detach() + inside * (x - x.detach())
    if low is not None:
        out = out + (x < nudged_min).to(x.dtype) * (low - low.detach())
        out = out + (x > nudged_max).to(x.dtype) * (high - high.detach())
    return out


def _plain(value):
    return "%g" % value


def _nudged_args(x, min, max, num_bits, narrow_range, opname):  # noqa: A002 - TF's names
    """The nudged range of the ``*_with_min_max_args`` ops' Python ``min``/``max``, after
    TF's checks (``min < max``, ``num_bits``)."""
    if not min < max:
        raise op_error(
            opname,
            "min has to be smaller than max, was: %s >= %s" % (_plain(min), _plain(max)),
            x,
        )
    quant_min, quant_max = _levels(num_bits, narrow_range, opname, x)
    low = torch.tensor(np.float32(min), device=x.device)
    high = torch.tensor(np.float32(max), device=x.device)
    return _nudge(low, high, quant_min, quant_max)


@tf_export("quantization.fake_quant_with_min_max_args")
def fake_quant_with_min_max_args(inputs, min=-6, max=6, num_bits=8, narrow_range=False, name=None):  # noqa: A002 - TF's argument names
    """``tf.quantization.fake_quant_with_min_max_args``: ``inputs`` quantized over the fixed
    range ``[min, max]`` (nudged to contain 0) and dequantized."""
    x = _float32(inputs)
    opname = "FakeQuantWithMinMaxArgs"
    nudged = _nudged_args(x, min, max, num_bits, narrow_range, opname)
    return wrap(_with_gradients(x, _quantize(x, *nudged), nudged[0], nudged[1]))


@tf_export("quantization.fake_quant_with_min_max_args_gradient")
def fake_quant_with_min_max_args_gradient(
    gradients, inputs, min=-6, max=6, num_bits=8, narrow_range=False, name=None
):  # noqa: A002 - TF's argument names
    """``tf.quantization.fake_quant_with_min_max_args_gradient``: ``gradients`` where
    ``inputs`` lies in the nudged range, 0 elsewhere."""
    g, x = _float32(gradients), _float32(inputs)
    opname = "FakeQuantWithMinMaxArgsGradient"
    nudged_min, nudged_max, _, _ = _nudged_args(x, min, max, num_bits, narrow_range, opname)
    return wrap(g * ((x >= nudged_min) & (x <= nudged_max)).to(g.dtype))


def _range_args(x, min, max, opname, per_channel):
    low, high = _float32(min), _float32(max)
    if per_channel:
        channels = x.shape[-1] if x.ndim else 0
        for what, t in (("min", low), ("max", high)):
            if t.ndim != 1 or t.shape[0] != channels:
                raise op_error(
                    opname,
                    "%s has incorrect size, expected %d was %d"
                    % (what, channels, t.shape[0] if t.ndim else 0),
                    x,
                    name=None,
                )
    else:
        for what, t in (("min", low), ("max", high)):
            if t.ndim:
                raise op_error(opname, "`%s` must be rank 0 but is rank %d" % (what, t.ndim), x)
    return low, high


def _vars(inputs, min, max, num_bits, narrow_range, opname, per_channel):
    x = _float32(inputs)
    low, high = _range_args(x, min, max, opname, per_channel)
    quant_min, quant_max = _levels(num_bits, narrow_range, opname, x)
    nudged = _nudge(low, high, quant_min, quant_max)
    quantized = _quantize(x, *nudged)
    return wrap(_with_gradients(x, quantized, nudged[0], nudged[1], low, high))


@tf_export("quantization.fake_quant_with_min_max_vars")
def fake_quant_with_min_max_vars(inputs, min, max, num_bits=8, narrow_range=False, name=None):  # noqa: A002 - TF's argument names
    """``tf.quantization.fake_quant_with_min_max_vars``: ``inputs`` quantized over the scalar
    tensor range ``[min, max]`` (nudged to contain 0); differentiable in all three."""
    return _vars(inputs, min, max, num_bits, narrow_range, "FakeQuantWithMinMaxVars", False)


@tf_export("quantization.fake_quant_with_min_max_vars_per_channel")
def fake_quant_with_min_max_vars_per_channel(
    inputs, min, max, num_bits=8, narrow_range=False, name=None
):  # noqa: A002 - TF's argument names
    """``tf.quantization.fake_quant_with_min_max_vars_per_channel``: as
    ``fake_quant_with_min_max_vars`` with one ``[min, max]`` per last-axis channel."""
    return _vars(
        inputs, min, max, num_bits, narrow_range, "FakeQuantWithMinMaxVarsPerChannel", True
    )


def _vars_gradient(gradients, inputs, min, max, num_bits, narrow_range, opname, per_channel):
    g, x = _float32(gradients), _float32(inputs)
    low, high = _range_args(x, min, max, opname, per_channel)
    quant_min, quant_max = _levels(num_bits, narrow_range, opname, x)
    nudged_min, nudged_max, _, _ = _nudge(low, high, quant_min, quant_max)
    inside = g * ((x >= nudged_min) & (x <= nudged_max)).to(g.dtype)
    below = g * (x < nudged_min).to(g.dtype)
    above = g * (x > nudged_max).to(g.dtype)
    dims = tuple(range(x.ndim - 1)) if per_channel else tuple(range(x.ndim))
    return wrap(inside), wrap(below.sum(dims)), wrap(above.sum(dims))


@tf_export("quantization.fake_quant_with_min_max_vars_gradient")
def fake_quant_with_min_max_vars_gradient(
    gradients, inputs, min, max, num_bits=8, narrow_range=False, name=None
):  # noqa: A002 - TF's argument names
    """``tf.quantization.fake_quant_with_min_max_vars_gradient``: the gradients to ``inputs``,
    ``min`` and ``max`` (a named tuple, as TF)."""
    return VarsGradient(
        *_vars_gradient(
            gradients,
            inputs,
            min,
            max,
            num_bits,
            narrow_range,
            "FakeQuantWithMinMaxVarsGradient",
            False,
        )
    )


@tf_export("quantization.fake_quant_with_min_max_vars_per_channel_gradient")
def fake_quant_with_min_max_vars_per_channel_gradient(
    gradients, inputs, min, max, num_bits=8, narrow_range=False, name=None
):  # noqa: A002 - TF's argument names
    """``tf.quantization.fake_quant_with_min_max_vars_per_channel_gradient``: the gradients to
    ``inputs`` and the per-channel ``min`` / ``max`` (a named tuple, as TF)."""
    return PerChannelGradient(
        *_vars_gradient(
            gradients,
            inputs,
            min,
            max,
            num_bits,
            narrow_range,
            "FakeQuantWithMinMaxVarsPerChannelGradient",
            True,
        )
    )
