"""Weights made from a layer's own ``<prefix>_initializer`` / ``_regularizer`` / ``_constraint``
arguments (``kernel``, ``bias``, ``recurrent``, ``pointwise``...), as Keras' built-in layers do."""

__all__ = ["add_weight_from_args"]


def add_weight_from_args(layer, name, shape, prefix, initializer=None):
    """``layer.add_weight(name, shape)`` with ``layer``'s ``<prefix>_*`` initializer (unless
    ``initializer`` is given), regularizer and constraint."""
    return layer.add_weight(
        name=name,
        shape=shape,
        initializer=initializer or getattr(layer, prefix + "_initializer"),
        regularizer=getattr(layer, prefix + "_regularizer"),
        constraint=getattr(layer, prefix + "_constraint"),
    )
