"""``keras.layers.serialize`` and ``keras.layers.deserialize``."""

from ..saving import serialization_lib
from .layer import Layer
from ...api_export import keras_export


@keras_export("keras.layers.serialize")
def serialize(layer):
    """The layer's serialized form (``{'module', 'class_name', 'config', 'registered_name',
    ...}``)."""
    return serialization_lib.serialize_keras_object(layer)


@keras_export("keras.layers.deserialize")
def deserialize(config, custom_objects=None):
    """The layer described by ``config`` (``serialize``'s output); ``ValueError`` when it is not
    a layer."""
    obj = serialization_lib.deserialize_keras_object(config, custom_objects=custom_objects)
    if not isinstance(obj, Layer):
        raise ValueError(
            "`keras.layers.deserialize` was passed a `config` object that is not a "
            "`keras.layers.Layer`. Received: %s" % (config,)
        )
    return obj
