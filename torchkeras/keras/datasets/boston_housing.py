"""``keras.datasets.boston_housing``: 506 Boston suburbs, 13 features, median house price."""

import numpy as np

from ._files import fetch, shuffled, split
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]


@_keras_export("keras.datasets.boston_housing.load_data")
def load_data(path="boston_housing.npz", test_split=0.2, seed=113):
    """``(x_train, y_train), (x_test, y_test)``: rows shuffled with ``seed``, split ``1 -
    test_split``."""
    if not 0 <= test_split < 1:
        raise ValueError(
            "Invalid `test_split` argument: %s. It must be between 0 and 1 (exclusive of 1)."
            % test_split
        )
    path = fetch(
        path,
        "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5",
        "boston_housing.npz",
    )
    with np.load(path, allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    return split(*shuffled(seed, x, y), test_split)
