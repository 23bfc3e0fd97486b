"""``keras.datasets.fashion_mnist``: 70,000 28x28 grayscale images of 10 clothing classes."""

import gzip
import os

import numpy as np

from ._files import ORIGIN
from ..utils.file_utils import get_file
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]

_FILES = (
    "train-labels-idx1-ubyte.gz",
    "train-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
)


def _read(path, header):
    with gzip.open(path, "rb") as stream:
        return np.frombuffer(stream.read(), np.uint8, offset=header)


@_keras_export("keras.datasets.fashion_mnist.load_data")
def load_data():
    """``(x_train, y_train), (x_test, y_test)`` as uint8 arrays, the same shapes as ``mnist``."""
    subdir = os.path.join("datasets", "fashion-mnist")
    paths = [get_file(name, origin=ORIGIN + name, cache_subdir=subdir) for name in _FILES]
    y_train, y_test = _read(paths[0], 8), _read(paths[2], 8)
    x_train = _read(paths[1], 16).reshape(len(y_train), 28, 28)
    x_test = _read(paths[3], 16).reshape(len(y_test), 28, 28)
    return (x_train, y_train), (x_test, y_test)
