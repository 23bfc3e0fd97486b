"""``keras.optimizers``: Keras' optimizers over torch multi-tensor updates, and string lookup.

``get('rmsprop')`` (case-insensitive, as Keras) gives ``RMSprop()``; a
serialized dict is deserialized; an ``Optimizer`` passes through.
"""

from . import schedules
from .adadelta import Adadelta
from .adagrad import Adagrad
from .adam import Adam
from .adamax import Adamax
from .adamw import AdamW
from .lion import Lion
from .loss_scale_optimizer import LossScaleOptimizer
from .nadam import Nadam
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD
from ...api_export import (
    keras_export as _keras_export,
    export_value as _export_value,
    fill_namespace as _fill_namespace,
)

ALL_OBJECTS_DICT = {
    cls.__name__.lower(): cls
    for cls in (
        Optimizer,
        Adam,
        SGD,
        RMSprop,
        Adadelta,
        AdamW,
        Adagrad,
        Adamax,
        Nadam,
        Lion,
        LossScaleOptimizer,
    )
}


@_keras_export("keras.optimizers.serialize")
def serialize(optimizer):
    """Keras' serialized dict of an optimizer."""
    from ..saving.serialization_lib import serialize_keras_object

    return serialize_keras_object(optimizer)


@_keras_export("keras.optimizers.deserialize")
def deserialize(config, custom_objects=None):
    """The optimizer described by a serialized dict (class names matched case-insensitively)."""
    config = dict(config)
    if config["class_name"].lower() in ALL_OBJECTS_DICT:
        config["class_name"] = config["class_name"].lower()
    from ..saving.serialization_lib import deserialize_keras_object

    return deserialize_keras_object(
        config,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="optimizer",
    )


@_keras_export("keras.optimizers.get")
def get(identifier):
    """Keras' ``optimizers.get``: a name (``'adam'``, ``'RMSprop'``), a serialized dict or an
    ``Optimizer`` -> an ``Optimizer``; anything else raises ``ValueError``."""
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        cls = ALL_OBJECTS_DICT.get(identifier.lower())
        obj = cls() if cls is not None and cls is not Optimizer else None
    else:
        obj = identifier
    if isinstance(obj, Optimizer):
        return obj
    raise ValueError("Could not interpret optimizer identifier: %s" % (identifier,))


_export_value(schedules, "keras.optimizers.schedules")
_fill_namespace(globals(), "keras.optimizers")
