"""``keras.datasets.california_housing``: 20,640 California districts, 8 features, median value."""

from ._files import fetch_xy, shuffled, split
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]


@_keras_export("keras.datasets.california_housing.load_data")
def load_data(version="large", path="california_housing.npz", test_split=0.2, seed=113):
    """``(x_train, y_train), (x_test, y_test)``; ``version='small'`` keeps the first 600 rows."""
    x, y = fetch_xy(
        path,
        test_split,
        "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f",
        "california_housing.npz",
    )
    if version == "small":
        x, y = x[:600], y[:600]
    elif version != "large":
        raise ValueError(
            "Argument `version` must be one of 'small', 'large'. Received: version=%s" % version
        )
    return split(*shuffled(seed, x, y), test_split)
