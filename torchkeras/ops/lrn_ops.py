"""``tf.nn.local_response_normalization`` (alias ``tf.nn.lrn``), TF's ``LRN`` op."""

from __future__ import annotations


import numpy as np
import torch
import torch.nn.functional as F

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import NotFoundError
from ..framework.op_errors import op_error
from ..framework.tensor import TensorOperators, wrap
from . import _window as W
from ._args import float_attr, int_attr, storage_of

__all__ = []

W.SIGNATURES["LRN"] = (
    "signature=input:T -> output:T; attr=depth_radius:int,default=5; attr=bias:float,default=1; "
    "attr=alpha:float,default=1; attr=beta:float,default=0.5; "
    "attr=T:type,default=DT_FLOAT,allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT]"
)
_INT_MAX = 2**31 - 1


def _attr_text(value):
    """A float attr as TF's NodeDef text prints it (shortest of %g / %.9g)."""
    short = "%g" % value
    return short if np.float32(short) == np.float32(value) else "%.9g" % value


def _op_input(value):
    """A non-tensor ``input`` as TF's generated op converts it: in its own dtype where ``LRN``
    takes that, else preferring ``T``'s default, float32 (strings stay strings)."""
    tensor = convert_to_tensor(value)
    if tensor.dtype in (dtypes.float16, dtypes.bfloat16, dtypes.float32):
        return tensor
    return convert_to_tensor(value, dtype_hint=dtypes.float32)


@tf_export("nn.local_response_normalization", "nn.lrn")
def local_response_normalization(  # noqa: A002
    input, depth_radius=5, bias=1, alpha=1, beta=0.5, name=None
):
    """``tf.nn.local_response_normalization``: ``input / (bias + alpha * sqr_sum) ** beta``
    where ``sqr_sum`` sums the squares of the ``2 * depth_radius + 1`` neighbouring channels
    (last axis) of a 4-D float input; float16 is computed in float32.  bfloat16 raises TF's
    CPU ``NotFoundError``."""
    radius = int_attr(depth_radius, "depth_radius", 5)
    bias, alpha, beta = (
        float_attr(v, n, d)
        for v, n, d in ((bias, "bias", 1.0), (alpha, "alpha", 1.0), (beta, "beta", 0.5))
    )
    if not isinstance(input, (TensorOperators, torch.Tensor)):
        input = _op_input(input)
    a = storage_of(input)
    if a.dtype == torch.bfloat16:
        raise NotFoundError(
            None,
            None,
            "Could not find device for node: {{node LRN}} = LRN[T=DT_BFLOAT16, alpha=%s, beta=%s, "
            "bias=%s, depth_radius=%d]\nAll kernels registered for op LRN:\n  "
            "device='XLA_CPU_JIT'; T in [DT_FLOAT, DT_BFLOAT16, DT_HALF]\n  device='CPU'; T in "
            "[DT_HALF]\n  device='CPU'; T in [DT_FLOAT]\n [Op:LRN] name: "
            % (_attr_text(alpha), _attr_text(beta), _attr_text(bias), radius),
        )
    if a.dtype not in (torch.float16, torch.float32):
        raise W.dtype_error("LRN", a, name_part=False)
    if a.ndim != 4:
        raise op_error("LRN", "in must be 4-dimensional", a, None)
    if not 0 <= radius < _INT_MAX:
        raise op_error("LRN", "depth_radius = %d larger than int max" % radius, a, None)
    work = a.float()
    reach = min(radius, a.shape[-1])
    squares = F.pad(torch.square(work), (reach, reach))
    total = squares.unfold(-1, 2 * reach + 1, 1).sum(-1)
    return wrap((work / torch.pow(bias + alpha * total, beta)).to(a.dtype))
