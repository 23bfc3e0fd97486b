"""Random tensors for the noise and dropout layers, from a per-layer generator when ``seed`` is
set."""

import torch


def generator(layer, device):
    """The layer's seeded torch generator (made on first use), or ``None`` without a ``seed``."""
    if layer.seed is None:
        return None
    if layer._generator is None or layer._generator.device != device:
        layer._generator = torch.Generator(device=device).manual_seed(int(layer.seed))
    return layer._generator


def check_rate(value, name):
    """Keras' check that ``value`` lies in ``[0, 1]``."""
    if not 0 <= value <= 1:
        raise ValueError(
            "Invalid value received for argument `%s`. Expected a float value between 0 and 1. "
            "Received: %s=%s" % (name, name, value)
        )
