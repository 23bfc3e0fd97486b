"""Keras' shape argument check (``keras.src.backend.common.variables.standardize_shape``)."""

from ...framework.shape import TensorShape


def standardize_shape(shape):
    """``shape`` as a tuple of non-negative ints or None, or Keras' ``ValueError``: an
    undefined shape, a non-iterable, a string or float entry (or one ``int()`` refuses), a
    negative dimension."""
    if not isinstance(shape, tuple):
        if shape is None:
            raise ValueError("Undefined shapes are not supported.")
        if not hasattr(shape, "__iter__"):
            raise ValueError(f"Cannot convert '{shape}' to a shape.")
        if isinstance(shape, TensorShape):
            shape = shape.as_list()
        shape = tuple(shape)
    standardized = []
    for entry in shape:
        if entry is None:
            standardized.append(None)
            continue
        if isinstance(entry, (str, float)):
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Found invalid dimension '{entry}' of type "
                f"'{type(entry)}'. "
            )
        try:
            entry = int(entry)  # NumPy scalars, constant tensors, bools (Keras)
        except Exception as error:
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Found invalid dimension '{entry}' of type "
                f"'{type(entry)}'. "
            ) from error
        if entry < 0:
            raise ValueError(
                f"Cannot convert '{shape}' to a shape. Negative dimensions are not allowed."
            )
        standardized.append(entry)
    return tuple(standardized)
