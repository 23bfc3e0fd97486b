"""``tf.IndexedSlices``: a sparse set of rows of a dense tensor.

Used as the ``sparse_delta`` argument of ``Variable.scatter_*``.  Unlike TF,
``GradientTape`` never returns IndexedSlices: gradients through ``tf.gather``
are dense Tensors (same values as TF's ``tf.convert_to_tensor(slices)``).
"""

from __future__ import annotations
from ..api_export import tf_export

__all__ = ["IndexedSlices"]


@tf_export("IndexedSlices")
class IndexedSlices:
    """``tf.IndexedSlices(values, indices, dense_shape=None)``: ``values[i]`` is row ``indices[i]``
    of a dense tensor of shape ``dense_shape``."""

    __slots__ = ("_values", "_indices", "_dense_shape")

    def __init__(self, values, indices, dense_shape=None):
        from .convert import convert_to_tensor

        self._values = convert_to_tensor(values)
        self._indices = convert_to_tensor(indices)
        self._dense_shape = None if dense_shape is None else convert_to_tensor(dense_shape)

    @property
    def values(self):
        """The rows, a Tensor of shape ``[len(indices)] + dense_shape[1:]``."""
        return self._values

    @property
    def indices(self):
        """The row index of each slice, a 1-D integer Tensor."""
        return self._indices

    @property
    def dense_shape(self):
        """The shape of the dense tensor (a 1-D Tensor), or ``None``."""
        return self._dense_shape

    @property
    def dtype(self):
        """The dtype of ``values``."""
        return self._values.dtype

    @property
    def device(self):
        """The device of ``values``."""
        return self._values.device

    @property
    def shape(self):
        """The dense shape as a ``TensorShape`` (unknown when ``dense_shape`` is ``None``)."""
        from .shape import TensorShape

        if self._dense_shape is None:
            return TensorShape(None)
        return TensorShape([int(d) for d in self._dense_shape.numpy()])

    def __str__(self):
        text = "IndexedSlices(indices=%s, values=%s" % (self._indices, self._values)
        if self._dense_shape is not None:
            text += ", dense_shape=%s" % (self._dense_shape,)
        return text + ")"
