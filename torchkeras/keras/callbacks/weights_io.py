"""Writing and reading a model's weights for the checkpointing callbacks.

The model's own ``save``/``save_weights``/``load_weights`` (Keras' formats,
``keras.saving``) are used when the model provides them; otherwise the
``torch.nn.Module`` state is written with ``torch.save``.  Writes are atomic
(``keras.saving``'s temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import torch

__all__ = ["save_weights", "save_model", "load_weights"]


def _atomic_torch_save(state, filepath):
    from ..saving.saving_lib import atomic_write

    atomic_write(filepath, lambda temporary: torch.save(state, temporary))


def _save_with(model, method_name, filepath):
    """``model.<method_name>(filepath, overwrite=True)``; a model without that method (a plain
    ``torch.nn.Module``) has its ``state_dict`` saved instead."""
    method = getattr(model, method_name, None)
    if callable(method):
        method(filepath, overwrite=True)
    else:
        _atomic_torch_save(model.state_dict(), filepath)


def save_weights(model, filepath):
    """Saves ``model``'s weights to ``filepath``."""
    _save_with(model, "save_weights", filepath)


def save_model(model, filepath):
    """Saves the whole model (its weights when the model has no ``save``)."""
    _save_with(model, "save", filepath)


def load_weights(model, filepath):
    """Loads weights written by :func:`save_weights` into ``model``."""
    method = getattr(model, "load_weights", None)
    if callable(method):
        method(filepath)
    else:
        model.load_state_dict(torch.load(filepath, weights_only=True))
