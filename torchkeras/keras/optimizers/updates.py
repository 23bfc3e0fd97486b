"""Multi-tensor helpers shared by the optimizers."""
import torch

__all__ = ["add_scaled_"]


def add_scaled_(targets, tensors, lr, sign):
    """``targets += sign * lr * tensors`` in place; ``lr`` is a Python float or a 0-d tensor."""
    if isinstance(lr, float):
        torch._foreach_add_(targets, tensors, alpha=sign * lr)
    else:
        torch._foreach_add_(targets, torch._foreach_mul(tensors, lr * sign))
