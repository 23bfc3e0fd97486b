"""Multi-tensor steps shared by the optimizers, each rounded as Keras' float32 ops on TF.

Keras writes ``m += (g - m) * (1 - beta)`` and ``v = rho * v + (1 - rho) * g**2`` as
separate float32 ops; torch's fused ``lerp``/``addcmul``/``alpha=`` forms round once
(a fused multiply-add) and differ in the last place, so these round as one op per Keras op
(the one fused form used, ``addcmul`` by a tensor of ones, rounds exactly so).
Scalars are Python floats (torch uses them as float32 beside float32 tensors) or 0-d
float32 tensors.  ``out``: tensors shaped as ``tensors`` that a step may overwrite instead of
allocating its temporaries (the optimizer's ``_scratch``), or ``None``.
"""

import torch

__all__ = [
    "add_scaled_",
    "squares",
    "plus",
    "roots",
    "scaled",
    "move_toward_",
    "decay_add_",
    "subtract_scaled_",
    "subtract_quotient_",
]


def _into(out, foreach, single, tensors, *operands):
    """``foreach(tensors, *operands)``; with ``out``, ``single(tensor, *operands, out=...)``
    per tensor instead, writing into ``out``."""
    if out is None:
        return foreach(tensors, *operands)
    for tensor, result in zip(tensors, out):
        single(tensor, *operands, out=result)
    return out


def squares(tensors, out=None):
    """``tensors * tensors`` (Keras' ``square(g)``), written into ``out`` when given."""
    return _into(out, torch._foreach_pow, torch.pow, tensors, 2)


def plus(tensors, value, out=None):
    """``tensors + value`` (Keras' ``v + epsilon``), written into ``out`` when given."""
    return _into(out, torch._foreach_add, torch.add, tensors, value)


def roots(tensors, out=None):
    """``sqrt(tensors)``, written into ``out`` when given."""
    return _into(out, torch._foreach_sqrt, torch.sqrt, tensors)


def scaled(tensors, scale, out=None):
    """``tensors * scale``, written into ``out`` when given."""
    return _into(out, torch._foreach_mul, torch.mul, tensors, scale)


_UNITS = {dtype: torch.ones((), dtype=dtype) for dtype in (torch.float32, torch.float64)}


def add_scaled_(targets, tensors, scale, scratch):
    """``targets += tensors * scale`` rounded as those two ops.  On the CPU, with a Python scale,
    one ``addcmul_(tensors, 1, value=scale)``: its ``(scale * tensors) * 1`` is exact and the
    add rounds once, whether or not the compiler fused the last multiply into the add (half
    and bfloat16 kernels compute in float32 and round once, so those dtypes take two ops)."""
    if (
        isinstance(scale, (int, float))
        and targets
        and targets[0].device.type == "cpu"
        and all(t.dtype in _UNITS for t in targets)
    ):
        units = [_UNITS[t.dtype] for t in targets]
        torch._foreach_addcmul_(targets, tensors, units, value=scale)
        return
    if scratch:
        torch._foreach_mul_(tensors, scale)
    else:
        tensors = torch._foreach_mul(tensors, scale)
    torch._foreach_add_(targets, tensors)


def move_toward_(targets, tensors, fraction, scratch=False, out=None):
    """``targets += (tensors - targets) * fraction`` in place (Keras' Adam moments);
    ``scratch``: ``tensors`` are temporaries this may overwrite."""
    if scratch:
        steps = tensors
        torch._foreach_sub_(steps, targets)
    elif out is not None:
        steps = out
        for tensor, target, result in zip(tensors, targets, out):
            torch.sub(tensor, target, out=result)
    else:
        steps = torch._foreach_sub(tensors, targets)
    add_scaled_(targets, steps, fraction, scratch=True)


def decay_add_(targets, decay, tensors, scale, scratch=False):
    """``targets = targets * decay + tensors * scale`` (Keras' ``rho * v + (1 - rho) * g``);
    ``scratch``: ``tensors`` are temporaries this may overwrite."""
    torch._foreach_mul_(targets, decay)
    add_scaled_(targets, tensors, scale, scratch)


def subtract_scaled_(targets, tensors, scale, out=None):
    """``targets -= tensors * scale`` in place (Keras' ``assign_sub(variable, g * lr)``)."""
    torch._foreach_sub_(targets, scaled(tensors, scale, out))


def subtract_quotient_(targets, numerators, denominators, scale):
    """``targets -= (numerators * scale) / denominators`` in place (Keras' ``assign_sub(variable,
    lr * g / d)``): one ``addcdiv``, whose ``(value * t1) / t2`` with ``value = -scale`` rounds
    as those three ops on the CPU."""
    if isinstance(scale, torch.Tensor):
        numerators = torch._foreach_mul(numerators, scale)
        scale = 1.0
    torch._foreach_addcdiv_(targets, numerators, denominators, value=-scale)
