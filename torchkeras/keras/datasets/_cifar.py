"""Reading CIFAR's pickled batch files (arrays only, see ``_files.ArrayUnpickler``)."""

import numpy as np

from ..backend import config
from ._files import ArrayUnpickler


def load_batch(fpath, label_key="labels"):
    """``(data, labels)`` of one batch file: data ``(n, 3, 32, 32)`` uint8, labels a list of
    ints."""
    with open(fpath, "rb") as stream:
        batch = {
            key.decode("utf8"): value
            for key, value in ArrayUnpickler(stream, encoding="bytes").load().items()
        }
    data = batch["data"]
    return data.reshape(data.shape[0], 3, 32, 32), batch[label_key]


def finish(x_train, y_train, x_test, y_test):
    """Labels as ``(n, 1)`` columns and images in ``keras.config.image_data_format()`` order."""
    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(y_test, (len(y_test), 1))
    if config.image_data_format() == "channels_last":
        x_train, x_test = x_train.transpose(0, 2, 3, 1), x_test.transpose(0, 2, 3, 1)
    return (x_train, y_train), (x_test.astype(x_train.dtype), y_test.astype(y_train.dtype))
