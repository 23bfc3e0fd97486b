"""``keras.datasets.cifar100``: 60,000 32x32 colour images of 100 fine / 20 coarse classes."""

import os

from ..utils.file_utils import get_file
from ._cifar import finish, load_batch
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]


@_keras_export("keras.datasets.cifar100.load_data")
def load_data(label_mode="fine"):
    """``(x_train, y_train), (x_test, y_test)`` with ``label_mode`` ``'fine'`` or ``'coarse'``
    labels."""
    if label_mode not in ("fine", "coarse"):
        raise ValueError(
            '`label_mode` must be one of `"fine"`, `"coarse"`. Received: label_mode=%s.'
            % label_mode
        )
    root = get_file(
        fname="cifar-100-python-target",
        origin="https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz",
        extract=True,
        file_hash="85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7",
    )
    root = os.path.join(root, "cifar-100-python")
    key = "%s_labels" % label_mode
    x_train, y_train = load_batch(os.path.join(root, "train"), label_key=key)
    x_test, y_test = load_batch(os.path.join(root, "test"), label_key=key)
    return finish(x_train, y_train, x_test, y_test)
