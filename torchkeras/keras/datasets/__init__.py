"""``keras.datasets``: the small datasets of the Keras examples and of "Deep Learning with Python",
fetched once into Keras' cache (``~/.keras/datasets``, shared with real Keras) and read without
executing code from the files."""
from . import boston_housing, california_housing, cifar10, cifar100, fashion_mnist, imdb, mnist, reuters

__all__ = ["boston_housing", "california_housing", "cifar10", "cifar100", "fashion_mnist", "imdb", "mnist", "reuters"]
