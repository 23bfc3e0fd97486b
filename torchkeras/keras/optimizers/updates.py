"""Multi-tensor steps shared by the optimizers, each rounded as Keras' float32 ops on TF.

Keras writes ``m += (g - m) * (1 - beta)`` and ``v = rho * v + (1 - rho) * g**2`` as
separate float32 ops; torch's fused ``lerp``/``addcmul``/``alpha=`` forms round once
(a fused multiply-add) and differ in the last place, so these use one op per Keras op.
Scalars are Python floats (torch uses them as float32 beside float32 tensors) or 0-d
float32 tensors.
"""
import torch

__all__ = ["move_toward_", "decay_add_", "subtract_scaled_"]


def move_toward_(targets, tensors, fraction):
    """``targets += (tensors - targets) * fraction`` in place (Keras' Adam moments)."""
    steps = torch._foreach_sub(tensors, targets)
    torch._foreach_mul_(steps, fraction)
    torch._foreach_add_(targets, steps)


def decay_add_(targets, decay, tensors, scale):
    """``targets = targets * decay + tensors * scale`` (Keras' ``rho * v + (1 - rho) * g``)."""
    torch._foreach_mul_(targets, decay)
    torch._foreach_add_(targets, torch._foreach_mul(tensors, scale))


def subtract_scaled_(targets, tensors, scale):
    """``targets -= tensors * scale`` in place (Keras' ``assign_sub(variable, g * lr)``)."""
    torch._foreach_sub_(targets, torch._foreach_mul(tensors, scale))
