"""``keras.models``: ``Model``, ``Sequential``, the functional ``Functional``, and loading saved models."""
from .model import Model
from .functional import Functional
from .sequential import Sequential


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """``keras.saving.load_model``: a model from a ``.keras`` (or legacy ``.h5``) file."""
    from ..saving import load_model as _load_model
    return _load_model(filepath, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode)


def model_from_json(json_string, custom_objects=None):
    """A model (new weights) from ``Model.to_json()``'s string."""
    from ..saving.json_config import model_from_json as _model_from_json
    return _model_from_json(json_string, custom_objects=custom_objects)


__all__ = ["Model", "Functional", "Sequential", "load_model", "model_from_json"]
