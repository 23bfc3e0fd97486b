"""``tf.TensorShape``: a possibly partial shape, printed and compared as in TF."""

from __future__ import annotations
from ..api_export import tf_export

__all__ = ["TensorShape"]


def checked_dim(value):
    """One dim as TF checks it: ``None`` or a non-negative integer (anything with ``__index__``)."""
    if value is None:
        return None
    try:
        dim = value.__index__()
    except (AttributeError, TypeError):
        raise TypeError(
            "Dimension value must be integer or None or have an __index__ method, got value '%r' "
            "with type '%s'" % (value, type(value))
        ) from None
    if dim < 0:
        raise ValueError("Dimension %d must be >= 0" % dim)
    return dim


@tf_export("TensorShape")
class TensorShape:
    """The static shape of a tensor: a tuple of ints and ``None`` (unknown) dims.

    ``TensorShape(None)`` has unknown rank.  Equal to tuples and lists of the
    same dims; indexing gives ``int`` (or ``None``), slicing a ``TensorShape``.
    Differs from TF: ``dims`` lists plain ints instead of ``Dimension`` objects.
    """

    __slots__ = ("_dims",)

    def __init__(self, dims):
        if dims is None:
            self._dims = None
        elif isinstance(dims, TensorShape):
            self._dims = dims._dims
        elif isinstance(dims, int):
            self._dims = (checked_dim(dims),)
        else:
            self._dims = tuple(checked_dim(d) for d in dims)

    @classmethod
    def _from_tuple(cls, dims):
        shape = object.__new__(cls)
        shape._dims = dims
        return shape

    def __repr__(self):
        if self._dims is None:
            return "TensorShape(None)"
        return "TensorShape(%s)" % list(self._dims)

    def __str__(self):
        if self._dims is None:
            return "<unknown>"
        if len(self._dims) == 1:
            return "(%s,)" % self._dims[0]
        return "(%s)" % ", ".join(str(d) for d in self._dims)

    @property
    def rank(self):
        """Number of dims, or ``None`` for an unknown rank."""
        return None if self._dims is None else len(self._dims)

    ndims = rank

    @property
    def dims(self):
        """The dims as a list (ints and ``None``), or ``None`` for unknown rank."""
        return None if self._dims is None else list(self._dims)

    def as_list(self):
        """The dims as a list; ``ValueError`` for an unknown rank."""
        if self._dims is None:
            raise ValueError("as_list() is not defined on an unknown TensorShape.")
        return list(self._dims)

    def num_elements(self):
        """Product of the dims, or ``None`` when any is unknown."""
        if not self.is_fully_defined():
            return None
        n = 1
        for d in self._dims:
            n *= d
        return n

    def is_fully_defined(self):
        """True when the rank and every dim are known."""
        return self._dims is not None and None not in self._dims

    def assert_is_fully_defined(self):
        """Raises ``ValueError`` unless the shape is fully defined."""
        if not self.is_fully_defined():
            raise ValueError("Shape %s is not fully defined" % self)

    def is_compatible_with(self, other):
        """True when ``other`` could be the same shape (``None`` matches anything)."""
        other = TensorShape(other)
        if self._dims is None or other._dims is None:
            return True
        if len(self._dims) != len(other._dims):
            return False
        return all(a is None or b is None or a == b for a, b in zip(self._dims, other._dims))

    def assert_is_compatible_with(self, other):
        """Raises ``ValueError`` unless ``other`` is compatible."""
        if not self.is_compatible_with(other):
            raise ValueError("Shapes %s and %s are incompatible" % (self, other))

    def merge_with(self, other):
        """The most specific shape compatible with both."""
        other = TensorShape(other)
        if not self.is_compatible_with(other):
            raise ValueError("Shapes %s and %s are not compatible" % (self, other))
        if self._dims is None:
            return other
        if other._dims is None:
            return self
        return TensorShape([a if a is not None else b for a, b in zip(self._dims, other._dims)])

    def concatenate(self, other):
        """This shape followed by ``other``'s dims."""
        other = TensorShape(other)
        if self._dims is None or other._dims is None:
            return TensorShape(None)
        return TensorShape(self._dims + other._dims)

    def with_rank(self, rank):
        """This shape, after checking it has ``rank`` dims."""
        if self._dims is not None and len(self._dims) != rank:
            raise ValueError("Shape %s must have rank %d" % (self, rank))
        return self if self._dims is not None else TensorShape([None] * rank)

    def __add__(self, other):
        return self.concatenate(other)

    def __radd__(self, other):
        return TensorShape(other).concatenate(self)

    def __len__(self):
        if self._dims is None:
            raise ValueError("Cannot take the length of shape with unknown rank.")
        return len(self._dims)

    def __bool__(self):
        return self._dims is not None

    def __iter__(self):
        if self._dims is None:
            raise ValueError("Cannot iterate over a shape with unknown rank.")
        return iter(self._dims)

    def __getitem__(self, key):
        if self._dims is None:
            if isinstance(key, slice):
                return TensorShape(None)
            return None
        if isinstance(key, slice):
            return TensorShape(self._dims[key])
        return self._dims[key]

    def __eq__(self, other):
        try:
            other = TensorShape(other)
        except TypeError:
            return NotImplemented
        return self._dims == other._dims

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash(self._dims)

    def __reduce__(self):
        return TensorShape, (self.dims,)
