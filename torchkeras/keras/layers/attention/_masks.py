"""Boolean masks for the attention layers, as torch storage (``True`` = may attend)."""

import torch

from ....framework.convert import to_torch

__all__ = ["as_bool", "causal_mask", "keras_mask"]


def as_bool(mask):
    """The storage of a mask argument (tensor, array, list) as ``torch.bool`` (nonzero =
    ``True``)."""
    value = to_torch(mask)
    return value if value.dtype is torch.bool else value != 0


def causal_mask(query_length, key_length, device):
    """``(1, T, S)``: position ``i`` may attend to ``j <= i`` (top-left aligned when ``T != S``)."""
    return (
        torch.ones((query_length, key_length), dtype=torch.bool, device=device).tril().unsqueeze(0)
    )


def keras_mask(tensor):
    """The mask a previous layer attached to ``tensor`` (``_keras_mask``), or ``None``."""
    return getattr(tensor, "_keras_mask", None)
