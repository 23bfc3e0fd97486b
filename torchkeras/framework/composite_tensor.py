"""``CompositeTensor``: the base of tensors made of several component tensors.

TF's ``tf.__internal__.CompositeTensor`` is the base of ``tf.RaggedTensor`` and
``tf.SparseTensor``: ``tf.is_tensor`` answers True for them, ``tf.nest`` treats them
as leaves, and ops that take only dense tensors refuse them at conversion (TF's
messages, from :func:`conversion_error`), unless a dispatcher handles the op for
them (``framework/dispatch.py``).
"""

from __future__ import annotations

__all__ = ["CompositeTensor", "conversion_error"]


class CompositeTensor:
    """Base class of ``tf.RaggedTensor`` and ``tf.SparseTensor`` (TF's ``CompositeTensor``).

    Subclasses give the text TF's conversion error shows for them (``_CONVERSION_TEXT``,
    ``%s`` for the value) and say whether they implement the reflected Python operators
    (``_reflects_operators``: then ``dense + composite`` calls ``composite.__radd__``)."""

    __slots__ = ()
    _CONVERSION_TEXT = "Attempt to convert a value (%s) with an unsupported type to a Tensor."
    _reflects_operators = False


def conversion_error(value):
    """The ``ValueError`` TF raises when an op converts a composite ``value`` to a dense
    Tensor (its class's ``_CONVERSION_TEXT``)."""
    text = value._CONVERSION_TEXT
    return ValueError(text % (value,) if "%s" in text else text)
