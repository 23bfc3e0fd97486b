"""Writing and reading a model's weights for the checkpointing callbacks.

The model's own ``save``/``save_weights``/``load_weights`` are used when the
model provides them; otherwise the ``torch.nn.Module`` state is written with
``torch.save``.  Writes are atomic: a temporary file in the same folder,
then a rename.
"""
from __future__ import annotations

import os
import tempfile

import torch

__all__ = ["save_weights", "save_model", "load_weights"]


def _atomic_torch_save(state, filepath):
    directory = os.path.dirname(os.path.abspath(filepath))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(filepath))
    os.close(handle)
    try:
        torch.save(state, temporary)
        os.replace(temporary, filepath)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def save_weights(model, filepath):
    """Saves ``model``'s weights to ``filepath``."""
    method = getattr(model, "save_weights", None)
    if callable(method):
        method(filepath, overwrite=True)
    else:
        _atomic_torch_save(model.state_dict(), filepath)


def save_model(model, filepath):
    """Saves the whole model (its weights when the model has no ``save``)."""
    method = getattr(model, "save", None)
    if callable(method):
        method(filepath, overwrite=True)
    else:
        _atomic_torch_save(model.state_dict(), filepath)


def load_weights(model, filepath):
    """Loads weights written by :func:`save_weights` into ``model``."""
    method = getattr(model, "load_weights", None)
    if callable(method):
        method(filepath)
    else:
        model.load_state_dict(torch.load(filepath, weights_only=True))
