"""``keras.datasets.cifar10``: 60,000 32x32 colour images of 10 classes."""

import os

import numpy as np

from ..utils.file_utils import get_file
from ._cifar import finish, load_batch
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]


@_keras_export("keras.datasets.cifar10.load_data")
def load_data():
    """``(x_train, y_train), (x_test, y_test)``: uint8 images (50000, 32, 32, 3) / (10000, 32, 32,
    3) (channels first under ``image_data_format() == 'channels_first'``) and (n, 1) uint8
    labels."""
    root = get_file(
        fname="cifar-10-batches-py-target",
        origin="https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
        extract=True,
        file_hash="6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
    )
    root = os.path.join(root, "cifar-10-batches-py")
    batches = [load_batch(os.path.join(root, "data_batch_%d" % i)) for i in range(1, 6)]
    x_train = np.concatenate([data for data, _ in batches]).astype("uint8")
    y_train = np.concatenate([np.asarray(labels, "uint8") for _, labels in batches])
    x_test, y_test = load_batch(os.path.join(root, "test_batch"))
    return finish(x_train, y_train, x_test, np.asarray(y_test))
