"""``keras.preprocessing``: Keras 3's aliases of the dataset builders in ``keras.utils`` and
``sequence.pad_sequences`` (the legacy image helpers are not provided)."""
from ..utils import image_dataset_from_directory, text_dataset_from_directory, timeseries_dataset_from_array
from . import sequence

__all__ = ["image_dataset_from_directory", "sequence", "text_dataset_from_directory", "timeseries_dataset_from_array"]
