"""``Model.to_json()`` and ``keras.models.model_from_json``: a model's serialized config as JSON
(no weights)."""

import json

from . import serialization_lib

__all__ = ["to_json", "model_from_json"]


def to_json(model, **kwargs):
    """``json.dumps`` of ``serialize_keras_object(model)``; ``kwargs`` go to ``json.dumps``."""
    return json.dumps(serialization_lib.serialize_keras_object(model), **kwargs)


def model_from_json(json_string, custom_objects=None):
    """The model (freshly initialized weights) described by ``to_json()``'s string."""
    return serialization_lib.deserialize_keras_object(
        json.loads(json_string), custom_objects=custom_objects
    )
