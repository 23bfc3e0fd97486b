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


def init_rate(layer, name, value, seed):
    """The ``__init__`` every noise layer shares: Keras' check of the rate ``name``, set as
    ``layer.<name>``; ``seed`` kept for :func:`generator`; masking passed through; nothing to
    build."""
    layer.supports_masking = True
    check_rate(value, name)
    setattr(layer, name, value)
    layer.seed = seed
    layer._generator = None
    layer.built = True


def resolved_noise_shape(value, noise_shape):
    """``noise_shape`` with each ``None`` entry replaced by ``value``'s size there (``value``'s
    shape when ``noise_shape`` is ``None``)."""
    if noise_shape is None:
        return value.shape
    return tuple(value.shape[i] if d is None else d for i, d in enumerate(noise_shape))


def standard_normal_like(layer, value):
    """Standard normal noise of ``value``'s shape, dtype and device, from ``layer``'s
    generator."""
    return torch.randn(
        value.shape,
        dtype=value.dtype,
        device=value.device,
        generator=generator(layer, value.device),
    )
