"""``keras.models``: ``Model``, ``Sequential``, the functional ``Functional``, and loading saved
models."""

from ...api_export import fill_namespace as _fill_namespace, keras_export as _keras_export

# torchkeras keeps ``Functional`` here too (Keras 3: ``keras.src.models.functional``).
from .functional import Functional  # noqa: F401


@_keras_export("keras.models.load_model")
def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """``keras.saving.load_model``: a model from a ``.keras`` (or legacy ``.h5``) file."""
    from ..saving import load_model as _load_model

    return _load_model(
        filepath, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode
    )


@_keras_export("keras.models.model_from_json")
def model_from_json(json_string, custom_objects=None):
    """A model (new weights) from ``Model.to_json()``'s string."""
    from ..saving.json_config import model_from_json as _model_from_json

    return _model_from_json(json_string, custom_objects=custom_objects)


# torchkeras' additions (no Keras 3 public names); fill_namespace adds the registered names.
__all__ = ["Functional"]
_fill_namespace(globals(), "keras.models", ".model", ".sequential")
