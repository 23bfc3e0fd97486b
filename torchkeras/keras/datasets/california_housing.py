"""``keras.datasets.california_housing``: 20,640 California districts, 8 features, median value."""

import numpy as np

from ._files import fetch, shuffled, split
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]


@_keras_export("keras.datasets.california_housing.load_data")
def load_data(version="large", path="california_housing.npz", test_split=0.2, seed=113):
    """``(x_train, y_train), (x_test, y_test)``; ``version='small'`` keeps the first 600 rows."""
    if not 0 <= test_split < 1:
        raise ValueError(
            "Invalid `test_split` argument: %s. It must be between 0 and 1 (exclusive of 1)."
            % test_split
        )
    path = fetch(
        path,
        "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f",
        "california_housing.npz",
    )
    with np.load(path, allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    if version == "small":
        x, y = x[:600], y[:600]
    elif version != "large":
        raise ValueError(
            "Argument `version` must be one of 'small', 'large'. Received: version=%s" % version
        )
    return split(*shuffled(seed, x, y), test_split)
