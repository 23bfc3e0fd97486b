"""``tf.TensorSpec``: the shape and dtype a tensor is expected to have."""

from __future__ import annotations


from ..framework import dtypes
from ..framework.shape import TensorShape, checked_dim
from ..framework.tensor import Tensor, TensorOperators
from ..api_export import tf_export

__all__ = ["TensorSpec"]


def _checked_shape(shape):
    """``shape`` as a TensorShape, with TF's errors for dims that are not ints, ``None`` or >= 0."""
    if shape is None or isinstance(shape, TensorShape):
        return TensorShape(shape)
    if isinstance(shape, (str, bytes)):
        raise TypeError(
            "Failed to convert '%r' to a shape: '%r'could not be converted to a dimension. A "
            "shape should either "
            "be single dimension (e.g. 10), or an iterable of dimensions (e.g. [1, 10, None])."
            % (shape, shape)
        )
    dims = [shape] if not hasattr(shape, "__iter__") else list(shape)
    return TensorShape([checked_dim(d) for d in dims])


@tf_export("TensorSpec")
class TensorSpec:
    """``tf.TensorSpec(shape, dtype=tf.float32, name=None)``: describes a tensor.

    ``repr`` is TF's (``TensorSpec(shape=(None, 3), dtype=tf.float32,
    name=None)``); specs are equal when shape, dtype and name are; a tensor
    is compatible when its dtype matches and its shape fits.
    """

    __slots__ = ("_shape", "_dtype", "_name")

    def __init__(self, shape, dtype=dtypes.float32, name=None):
        self._shape = _checked_shape(shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._name = name

    @classmethod
    def from_tensor(cls, tensor, name=None):
        """The spec of ``tensor`` (a Tensor or Variable); ``ValueError`` for anything else."""
        if not isinstance(tensor, TensorOperators):
            raise ValueError("`tensor` should be a tf.Tensor, but got type %s." % type(tensor))
        return cls(tensor.shape, tensor.dtype, name)

    @classmethod
    def from_spec(cls, spec, name=None):
        """A TensorSpec with ``spec``'s shape and dtype (and name, unless ``name`` is given)."""
        return cls(spec.shape, spec.dtype, name if name is not None else spec.name)

    @property
    def shape(self):
        """The (possibly partial) ``TensorShape``."""
        return self._shape

    @property
    def dtype(self):
        """The ``tf.DType``."""
        return self._dtype

    @property
    def name(self):
        """The name given at construction, or ``None``."""
        return self._name

    @property
    def value_type(self):
        """The Python type of values this spec describes (``tf.Tensor``)."""
        return Tensor

    def is_compatible_with(self, spec_or_tensor):
        """True for a TensorSpec or tensor of the same dtype whose shape fits this one's."""
        if isinstance(spec_or_tensor, TensorSpec):
            other_shape, other_dtype = spec_or_tensor.shape, spec_or_tensor.dtype
        elif isinstance(spec_or_tensor, TensorOperators):
            other_shape, other_dtype = spec_or_tensor.shape, spec_or_tensor.dtype
        else:
            return False
        return other_dtype is self._dtype and self._shape.is_compatible_with(other_shape)

    def is_subtype_of(self, other):
        """True when every value of this spec is a value of ``other`` (same dtype, ``other``'s
        shape is as or less specific)."""
        if (
            not isinstance(other, TensorSpec)
            or other.dtype is not self._dtype
            or other.name != self._name
        ):
            return False
        if other.shape.rank is None:
            return True
        if self._shape.rank != other.shape.rank:
            return False
        return all(b is None or a == b for a, b in zip(self._shape, other.shape))

    def most_specific_common_supertype(self, others):
        """The most specific spec that all of ``self`` and ``others`` are subtypes of (``None``
        if none)."""
        if any(
            not isinstance(o, TensorSpec) or o.dtype is not self._dtype or o.name != self._name
            for o in others
        ):
            return None
        dims = self._shape
        for other in others:
            if dims.rank is None or other.shape.rank is None or dims.rank != other.shape.rank:
                dims = TensorShape(None)
                break
            dims = TensorShape([a if a == b else None for a, b in zip(dims, other.shape)])
        return TensorSpec(dims, self._dtype, self._name)

    def __repr__(self):
        return "TensorSpec(shape=%s, dtype=%r, name=%r)" % (self._shape, self._dtype, self._name)

    def __eq__(self, other):
        return (
            type(other) is type(self)
            and self._shape == other._shape
            and self._dtype is other._dtype
            and self._name == other._name
        )

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._shape, self._dtype, self._name))

    def __reduce__(self):
        return TensorSpec, (self._shape, self._dtype, self._name)
