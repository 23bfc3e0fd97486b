"""``keras.utils``: data and training helpers."""
from ..trainers.data_utils import pack_x_y_sample_weight, unpack_x_y_sample_weight
from .dataset_utils import split_dataset
from .numerical_utils import normalize, to_categorical
from .progbar import Progbar
from .py_dataset import PyDataset, Sequence
from .rng_utils import set_random_seed

__all__ = ["Progbar", "PyDataset", "Sequence", "normalize", "pack_x_y_sample_weight", "set_random_seed",
           "split_dataset", "to_categorical", "unpack_x_y_sample_weight"]

from .image_dataset import image_dataset_from_directory  # noqa: E402
from .sequence_utils import pad_sequences  # noqa: E402
from .text_dataset import text_dataset_from_directory  # noqa: E402
from .timeseries_dataset import timeseries_dataset_from_array  # noqa: E402

__all__ += ["image_dataset_from_directory", "pad_sequences", "text_dataset_from_directory",
            "timeseries_dataset_from_array"]
from .file_utils import get_file  # noqa: E402

__all__ += ["get_file"]
from ..backend import clear_session, is_keras_tensor  # noqa: E402
from ..saving import (CustomObjectScope, custom_object_scope, deserialize_keras_object,  # noqa: E402
                      get_custom_objects, get_registered_name, get_registered_object, register_keras_serializable,
                      serialize_keras_object)
from .io_utils import (disable_interactive_logging, enable_interactive_logging,  # noqa: E402
                       is_interactive_logging_enabled)

__all__ += ["CustomObjectScope", "clear_session", "custom_object_scope", "deserialize_keras_object",
            "disable_interactive_logging", "enable_interactive_logging", "get_custom_objects", "get_registered_name",
            "get_registered_object", "is_interactive_logging_enabled", "is_keras_tensor", "register_keras_serializable",
            "serialize_keras_object"]
