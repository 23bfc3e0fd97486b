"""``keras.datasets``: the small datasets of the Keras examples and of "Deep Learning with Python",
fetched once into Keras' cache (``~/.keras/datasets``, shared with real Keras) and read without
executing code from the files."""

from ...api_export import export_value as _export_value, fill_namespace as _fill_namespace
from . import (
    boston_housing,
    california_housing,
    cifar10,
    cifar100,
    fashion_mnist,
    imdb,
    mnist,
    reuters,
)

for _module in (
    boston_housing,
    california_housing,
    cifar10,
    cifar100,
    fashion_mnist,
    imdb,
    mnist,
    reuters,
):
    _export_value(_module, "keras.datasets." + _module.__name__.rpartition(".")[2])
_fill_namespace(globals(), "keras.datasets")
