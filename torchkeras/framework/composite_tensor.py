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
    """Base class of ``tf.RaggedTensor`` and ``tf.SparseTensor`` (TF's ``CompositeTensor``)."""

    __slots__ = ()


def conversion_error(value):
    """The exception TF raises when an op converts a composite ``value`` to a dense Tensor.

    TF asks ``len()`` of a ``RaggedTensor`` while packing it (a ``ValueError`` wrapping the
    ``TypeError`` text), and refuses a ``SparseTensor`` by its type."""
    cls = type(value)
    if cls.__name__ == "RaggedTensor":
        return ValueError("TypeError: object of type 'RaggedTensor' has no len()\n")
    return ValueError(
        "Attempt to convert a value (%s) with an unsupported type (%s) to a Tensor."
        % (value, "<class 'tensorflow.python.framework.sparse_tensor.SparseTensor'>")
    )
