"""``keras.utils``: data and training helpers."""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "keras.utils",
    "..trainers.data_utils",
    ".dataset_utils",
    ".numerical_utils",
    ".progbar",
    ".py_dataset",
    ".rng_utils",
    ".image_dataset",
    ".sequence_utils",
    ".text_dataset",
    ".timeseries_dataset",
    ".file_utils",
    "..backend.keras_tensor",
    "..backend.naming",
    "..saving.object_registration",
    "..saving.serialization_lib",
    ".io_utils",
)
