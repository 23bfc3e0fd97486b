"""``keras.optimizers.schedules``: learning rate schedules and their (de)serialization."""

from .learning_rate_schedule import (
    CosineDecay,
    CosineDecayRestarts,
    ExponentialDecay,
    InverseTimeDecay,
    LearningRateSchedule,
    PiecewiseConstantDecay,
    PolynomialDecay,
)
from ....api_export import keras_export as _keras_export, fill_namespace as _fill_namespace

ALL_OBJECTS_DICT = {
    cls.__name__: cls
    for cls in (
        LearningRateSchedule,
        ExponentialDecay,
        PiecewiseConstantDecay,
        PolynomialDecay,
        InverseTimeDecay,
        CosineDecay,
        CosineDecayRestarts,
    )
}


@_keras_export("keras.optimizers.schedules.serialize")
def serialize(learning_rate_schedule):
    """Keras' serialized dict of a schedule."""
    from ...saving.serialization_lib import serialize_keras_object

    return serialize_keras_object(learning_rate_schedule)


@_keras_export("keras.optimizers.schedules.deserialize")
def deserialize(config, custom_objects=None):
    """The schedule described by a serialized dict."""
    from ...saving.serialization_lib import deserialize_keras_object

    return deserialize_keras_object(
        config,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="decay",
    )


_fill_namespace(globals(), "keras.optimizers.schedules")
