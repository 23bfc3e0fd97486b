"""The functional forms of the merge layers: ``keras.layers.add(inputs)`` etc."""

from .concatenate import Concatenate
from .dot import Dot
from .elementwise import Add, Average, Maximum, Minimum, Multiply, Subtract
from ....api_export import keras_export


@keras_export("keras.layers.add")
def add(inputs, **kwargs):
    """``Add(**kwargs)(inputs)``."""
    return Add(**kwargs)(inputs)


@keras_export("keras.layers.subtract")
def subtract(inputs, **kwargs):
    """``Subtract(**kwargs)(inputs)``."""
    return Subtract(**kwargs)(inputs)


@keras_export("keras.layers.multiply")
def multiply(inputs, **kwargs):
    """``Multiply(**kwargs)(inputs)``."""
    return Multiply(**kwargs)(inputs)


@keras_export("keras.layers.average")
def average(inputs, **kwargs):
    """``Average(**kwargs)(inputs)``."""
    return Average(**kwargs)(inputs)


@keras_export("keras.layers.maximum")
def maximum(inputs, **kwargs):
    """``Maximum(**kwargs)(inputs)``."""
    return Maximum(**kwargs)(inputs)


@keras_export("keras.layers.minimum")
def minimum(inputs, **kwargs):
    """``Minimum(**kwargs)(inputs)``."""
    return Minimum(**kwargs)(inputs)


@keras_export("keras.layers.concatenate")
def concatenate(inputs, axis=-1, **kwargs):
    """``Concatenate(axis=axis, **kwargs)(inputs)``."""
    return Concatenate(axis=axis, **kwargs)(inputs)


@keras_export("keras.layers.dot")
def dot(inputs, axes=-1, normalize=False, **kwargs):
    """``Dot(axes=axes, normalize=normalize, **kwargs)(inputs)``."""
    return Dot(axes=axes, normalize=normalize, **kwargs)(inputs)
