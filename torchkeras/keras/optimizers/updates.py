"""Multi-tensor steps shared by the optimizers, each rounded as Keras' float32 ops on TF.

Keras writes ``m += (g - m) * (1 - beta)`` and ``v = rho * v + (1 - rho) * g**2`` as
separate float32 ops; torch's fused ``lerp``/``addcmul``/``alpha=`` forms round once
(a fused multiply-add) and differ in the last place, so these use one op per Keras op.
Scalars are Python floats (torch uses them as float32 beside float32 tensors) or 0-d
float32 tensors.
"""

import torch

__all__ = ["move_toward_", "decay_add_", "subtract_scaled_", "subtract_quotient_"]


def move_toward_(targets, tensors, fraction, scratch=False):
    """``targets += (tensors - targets) * fraction`` in place (Keras' Adam moments);
    ``scratch``: ``tensors`` are temporaries this may overwrite."""
    if scratch:
        steps = tensors
        torch._foreach_sub_(steps, targets)
    else:
        steps = torch._foreach_sub(tensors, targets)
    torch._foreach_mul_(steps, fraction)
    torch._foreach_add_(targets, steps)


def decay_add_(targets, decay, tensors, scale, scratch=False):
    """``targets = targets * decay + tensors * scale`` (Keras' ``rho * v + (1 - rho) * g``);
    ``scratch``: ``tensors`` are temporaries this may overwrite."""
    torch._foreach_mul_(targets, decay)
    if scratch:
        torch._foreach_mul_(tensors, scale)
    else:
        tensors = torch._foreach_mul(tensors, scale)
    torch._foreach_add_(targets, tensors)


def subtract_scaled_(targets, tensors, scale):
    """``targets -= tensors * scale`` in place (Keras' ``assign_sub(variable, g * lr)``)."""
    torch._foreach_sub_(targets, torch._foreach_mul(tensors, scale))


def subtract_quotient_(targets, numerators, denominators, scale):
    """``targets -= (numerators * scale) / denominators`` in place (Keras' ``assign_sub(variable,
    lr * g / d)``): one ``addcdiv``, whose ``(value * t1) / t2`` with ``value = -scale`` rounds
    as those three ops on the CPU."""
    if isinstance(scale, torch.Tensor):
        numerators = torch._foreach_mul(numerators, scale)
        scale = 1.0
    torch._foreach_addcdiv_(targets, numerators, denominators, value=-scale)
