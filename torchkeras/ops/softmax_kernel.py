"""TF's CPU ``Softmax`` answer on rows holding NaN or ``+inf``.

TF's CPU kernel for float32, float16 and bfloat16 is oneDNN's JIT softmax.  It takes each
row's maximum in SIMD lanes with ``vmaxps`` (``a > b ? a : b``: a NaN operand gives the
second one), in up to four accumulators of ``W`` lanes that start at ``-FLT_MAX`` (vector
``j`` of the row goes to accumulator ``j % 4``, the row's last partial vector to the first
one, masked), joins the accumulators and then the lanes with the same ``vmaxps``, so the
"maximum" can differ from lane to lane and be NaN in some.  ``exp`` clamps its argument
with ``vminps`` first, so ``exp(NaN)`` is ``exp(ln(FLT_MAX))``, which overflows: the row's
sum is ``inf`` and every output is ``e * (1 / inf)``: NaN where ``e`` is ``inf``, 0 elsewhere.
Rows of finite values and ``-inf`` give the ordinary softmax (torch's).

``W`` is the vector width oneDNN picks for the CPU: 16 with AVX-512, 8 with AVX2, 4 below
(read from torch's CPU capability, which tests the same instruction sets).  TF's GPU kernel
is another algorithm; CUDA tensors keep torch's answer (testing them would sync the device).
"""

import math

import torch

__all__ = ["softmax", "softmax_over"]

_ONEDNN = frozenset((torch.float32, torch.float16, torch.bfloat16))
_NEG_FLT_MAX = -torch.finfo(torch.float32).max
_LN_FLT_MAX = math.log(torch.finfo(torch.float32).max)
_UNROLL = 4
_SMALL = 4096
_WIDTH = None
_is_compiling = torch.compiler.is_compiling
_is_transformed = torch._C._functorch.is_functorch_wrapped_tensor
"""Under ``torch.compile`` or a ``torch.func`` transform (``tf.vectorized_map``) no value is
read on the host: torch's answer stands there."""


def _width():
    global _WIDTH  # noqa: PLW0603 - a constant of the machine, read once
    if _WIDTH is None:
        capability = torch.backends.cpu.get_cpu_capability()
        _WIDTH = 16 if "AVX512" in capability else 8 if "AVX2" in capability else 4
    return _WIDTH


def softmax(a, axis):
    """``torch.softmax(a, axis)``, with TF's CPU kernel's answer on rows that hold NaN or
    ``+inf``.  torch makes such rows all NaN and others finite, so the sum of each row's first
    output (of all outputs, for small tensors) tells whether any row needs it: one cheap check."""
    out = torch.softmax(a, axis)
    if a.is_cpu and a.dtype in _ONEDNN and not _is_compiling() and not _is_transformed(a):
        firsts = out if out.numel() <= _SMALL else out.select(axis, 0)
        if math.isnan(firsts.sum().item()):
            out = _replay(a, out, axis)
    return out


def _vmaxps(a, b):
    return torch.where(a > b, a, b)


def _lane_maxima(rows, width):
    """Each row's maximum in each of ``width`` lanes, as oneDNN's softmax leaves it."""
    count, n = rows.shape
    full, tail = divmod(n, width)
    unroll = _UNROLL if full >= _UNROLL else max(full, 1)
    accumulators = [rows.new_full((count, width), _NEG_FLT_MAX) for _ in range(unroll)]
    for j in range(full):
        accumulators[j % _UNROLL] = _vmaxps(
            accumulators[j % _UNROLL], rows[:, j * width : (j + 1) * width]
        )
    if tail:
        first = accumulators[0]
        first[:, :tail] = _vmaxps(first[:, :tail], rows[:, full * width :])
    if unroll == 4:
        accumulators = [
            _vmaxps(accumulators[0], accumulators[1]),
            _vmaxps(accumulators[2], accumulators[3]),
        ]
    lanes = accumulators[0]
    for other in accumulators[1:]:
        lanes = _vmaxps(lanes, other)
    index = torch.arange(width, device=rows.device)
    step = width // 2
    while step:
        lanes = _vmaxps(lanes, lanes[:, index ^ step])
        step //= 2
    return lanes


def _replay(a, out, axis):
    """``out`` with the rows of ``a`` that hold NaN or ``+inf`` replaced by TF's answer."""
    moved = a.movedim(axis, -1)
    n = moved.shape[-1]
    rows = moved.reshape(-1, n).float()
    bad = (torch.isnan(rows) | (rows == math.inf)).any(-1)
    if not bool(bad.any()):
        return out
    width = _width()
    chosen = rows[bad]
    lanes = _lane_maxima(chosen, width)
    shifted = chosen - lanes[:, torch.arange(n, device=a.device) % width]
    overflows = torch.isnan(shifted) | (shifted > _LN_FLT_MAX)
    answer = torch.zeros_like(rows)
    answer[bad] = torch.where(overflows, math.nan, 0.0)
    replaced = torch.where(bad[:, None], answer.to(out.dtype), out.movedim(axis, -1).reshape(-1, n))
    return replaced.reshape(moved.shape).movedim(-1, axis)


def softmax_over(a, axes):
    """Softmax over several axes at once, as Keras computes it: ``axes`` moved last (in the
    given order) and flattened into one row per remaining index."""
    axes = [axis % a.ndim for axis in axes]
    kept = [axis for axis in range(a.ndim) if axis not in axes]
    moved = a.permute(*kept, *axes)
    rows = softmax(moved.reshape(*moved.shape[: len(kept)], -1), -1).reshape(moved.shape)
    order = kept + axes
    return rows.permute(*sorted(range(a.ndim), key=order.__getitem__))
