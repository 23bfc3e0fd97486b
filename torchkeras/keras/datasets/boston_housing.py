"""``keras.datasets.boston_housing``: 506 Boston suburbs, 13 features, median house price."""

from ._files import fetch_xy, shuffled, split
from ...api_export import keras_export as _keras_export

__all__ = ["load_data"]


@_keras_export("keras.datasets.boston_housing.load_data")
def load_data(path="boston_housing.npz", test_split=0.2, seed=113):
    """``(x_train, y_train), (x_test, y_test)``: rows shuffled with ``seed``, split ``1 -
    test_split``."""
    x, y = fetch_xy(
        path,
        test_split,
        "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5",
        "boston_housing.npz",
    )
    return split(*shuffled(seed, x, y), test_split)
