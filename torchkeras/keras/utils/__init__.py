"""``keras.utils``: data and training helpers."""
from ..trainers.data_utils import pack_x_y_sample_weight, unpack_x_y_sample_weight
from .dataset_utils import split_dataset
from .numerical_utils import normalize, to_categorical
from .progbar import Progbar
from .py_dataset import PyDataset, Sequence
from .rng_utils import set_random_seed

__all__ = ["Progbar", "PyDataset", "Sequence", "normalize", "pack_x_y_sample_weight", "set_random_seed",
           "split_dataset", "to_categorical", "unpack_x_y_sample_weight"]
