"""``keras.preprocessing``: Keras 3's aliases of the dataset builders in ``keras.utils`` and
``sequence.pad_sequences`` (the legacy image helpers are not provided)."""

from ...api_export import export_value as _export_value, fill_namespace as _fill_namespace
from . import sequence

_export_value(sequence, "keras.preprocessing.sequence")
_fill_namespace(
    globals(),
    "keras.preprocessing",
    "..utils.image_dataset",
    "..utils.text_dataset",
    "..utils.timeseries_dataset",
)
