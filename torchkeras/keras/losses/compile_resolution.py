"""How ``compile(loss=...)`` turns an identifier into a ``Loss`` (Keras'
``compile_utils.get_loss``).

``"crossentropy"``/``"ce"`` (any case) becomes binary crossentropy for a
one-unit output, sparse categorical crossentropy for integer targets, else
categorical crossentropy; plain functions are wrapped in a
``LossFunctionWrapper`` named as the identifier was written.
"""

from __future__ import annotations

from ..backend.naming import to_snake_case

__all__ = ["get_loss", "get_object_name"]


def get_object_name(obj):
    """Keras' display name of a metric or loss object or function."""
    if hasattr(obj, "name"):
        return obj.name
    if hasattr(obj, "__name__"):
        return to_snake_case(obj.__name__)
    return to_snake_case(type(obj).__name__)


def get_loss(identifier, y_true_shape, y_pred_shape):
    """The ``Loss`` ``compile`` makes of ``identifier`` for one output (``None`` stays ``None``)."""
    from . import Loss, LossFunctionWrapper, binary_crossentropy, categorical_crossentropy, get
    from . import sparse_categorical_crossentropy

    if identifier is None:
        return None
    if str(identifier).lower() in ("crossentropy", "ce"):
        y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
        p_last = y_pred_shape[-1] if y_pred_shape else None
        t_last = y_true_shape[-1] if y_true_shape else None
        if p_last == 1:
            loss = binary_crossentropy
        elif len(y_true_shape) < len(y_pred_shape) or (
            t_last == 1 and p_last is not None and p_last > 1
        ):
            loss = sparse_categorical_crossentropy
        else:
            loss = categorical_crossentropy
    else:
        loss = get(identifier)
    if isinstance(loss, Loss):
        return loss
    name = identifier if isinstance(identifier, str) else get_object_name(loss)
    return LossFunctionWrapper(loss, name=name)
