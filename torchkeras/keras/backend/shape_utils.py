"""Keras' shape argument check (``keras.src.backend.common.variables.standardize_shape``)."""

import numpy as np

from ...framework.shape import TensorShape


def standardize_shape(shape):
    """``shape`` as a tuple of non-negative ints or None, or Keras' ``ValueError``: an
    undefined shape, a non-iterable, a non-integer entry, a negative dimension."""
    if not isinstance(shape, tuple):
        if shape is None:
            raise ValueError("Undefined shapes are not supported.")
        if not hasattr(shape, "__iter__"):
            raise ValueError(f"Cannot convert '{shape}' to a shape.")
        if isinstance(shape, TensorShape):
            shape = shape.as_list()
        shape = tuple(shape)
    for entry in shape:
        if entry is None:
            continue
        if isinstance(entry, bool) or not isinstance(entry, (int, np.integer)):
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Found invalid entry '{entry}' of type "
                f"'{type(entry)}'. "
            )
        if entry < 0:
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Negative dimensions are not allowed."
            )
    return tuple(None if d is None else int(d) for d in shape)
