"""``tf.SparseTensor``: a sparse tensor as TF stores it (indices, values, dense shape).

Three component Tensors: ``indices`` (int64 ``[N, rank]``), ``values`` (``[N]``, any
dtype) and ``dense_shape`` (int64 ``[rank]``), validated and printed as TF does.  The ops
on it live in ``ops/sparse/`` (``tf.sparse.*``); they use torch's sparse kernels where
those serve.
"""

from __future__ import annotations

from . import dtypes
from .composite_tensor import CompositeTensor
from .convert import convert_to_tensor
from .dispatch import dispatch
from .shape import TensorShape
from .tensor import TensorOperators
from ..api_export import tf_export

__all__ = ["SparseTensor", "SparseTensorSpec"]


def _int64_component(value, name):
    """``value`` as an int64 Tensor; TF's conversion error (prefixed with ``name``) for an
    int32 tensor, its ``TypeError`` for non-integer Python values."""
    if value is None:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    if isinstance(value, TensorOperators) and value.dtype is not dtypes.int64:
        raise ValueError(
            "%s: Tensor conversion requested dtype int64 for Tensor with dtype %s: %r"
            % (name, value.dtype.name, value)
        )
    return convert_to_tensor(value, dtype=dtypes.int64)


def _check_dims(a, b):
    """TF's ``Dimension.assert_is_compatible_with`` for two static sizes (None: unknown)."""
    if a is not None and b is not None and a != b:
        raise ValueError("Dimensions %d and %d are not compatible" % (a, b))


@tf_export("sparse.SparseTensor", "SparseTensor")
class SparseTensor(CompositeTensor):
    """``tf.SparseTensor(indices, values, dense_shape)``: the non-default ``values`` of a
    tensor of shape ``dense_shape``, at ``indices`` (int64 ``[N, rank]``).

    As in TF the components are only checked for consistent shapes (rank 2 indices, rank 1
    values and dense shape, matching sizes); order and bounds are checked by the ops that
    need them (``tf.sparse.reorder`` puts indices in row-major order).
    """

    __slots__ = ("_indices", "_values", "_dense_shape")
    _CONVERSION_TEXT = (
        "Attempt to convert a value (%s) with an unsupported type "
        "(<class 'tensorflow.python.framework.sparse_tensor.SparseTensor'>) to a Tensor."
    )

    def __init__(self, indices, values, dense_shape):
        indices = _int64_component(indices, "indices")
        values = convert_to_tensor(values)
        dense_shape = _int64_component(dense_shape, "dense_shape")
        for dim in dense_shape._value.tolist() if dense_shape._value.ndim == 1 else ():
            if dim < -1:  # TF reads the static shape: -1 is an unknown dimension
                raise ValueError("Dimension %d must be >= 0" % dim)
        indices_shape = indices.shape.with_rank(2)
        values_shape = values.shape.with_rank(1)
        dense_shape_shape = dense_shape.shape.with_rank(1)
        _check_dims(indices_shape[0], values_shape[0])
        _check_dims(indices_shape[1], dense_shape_shape[0])
        self._indices = indices
        self._values = values
        self._dense_shape = dense_shape

    @classmethod
    def from_value(cls, sparse_tensor_value):
        """A SparseTensor from any object with ``indices``, ``values`` and ``dense_shape``."""
        if isinstance(sparse_tensor_value, SparseTensor):
            return sparse_tensor_value
        if not all(hasattr(sparse_tensor_value, a) for a in ("indices", "values", "dense_shape")):
            raise TypeError(
                "Argument sparse_tensor_value=%r is neither a SparseTensor nor "
                "SparseTensorValue." % (sparse_tensor_value,)
            )
        return cls(
            sparse_tensor_value.indices,
            sparse_tensor_value.values,
            sparse_tensor_value.dense_shape,
        )

    @property
    def indices(self):
        """The int64 ``[N, rank]`` Tensor of the positions of the values."""
        return self._indices

    @property
    def values(self):
        """The ``[N]`` Tensor of the values."""
        return self._values

    @property
    def dense_shape(self):
        """The int64 ``[rank]`` Tensor of the dense shape."""
        return self._dense_shape

    @property
    def dtype(self):
        """The dtype of the values."""
        return self._values.dtype

    @property
    def shape(self):
        """The dense shape as a ``TensorShape``."""
        return TensorShape([int(d) for d in self._dense_shape.numpy()])

    def get_shape(self):
        """The dense shape as a ``TensorShape`` (TF's older spelling of ``shape``)."""
        return self.shape

    def set_shape(self, shape):
        """Checks ``shape`` against the dense shape (TF's ``ValueError`` when they are not
        compatible); an eager SparseTensor's shape is already fully known."""
        shape = TensorShape(shape)
        if not self.shape.is_compatible_with(shape):
            raise ValueError("Shapes %s and %s are not compatible" % (self.shape, shape))

    def with_values(self, new_values):
        """A SparseTensor with the same indices and dense shape and ``new_values``."""
        return SparseTensor(self._indices, new_values, self._dense_shape)

    def __repr__(self):
        return "SparseTensor(indices=%s, values=%s, dense_shape=%s)" % (
            self._indices,
            self._values,
            self._dense_shape,
        )

    __str__ = __repr__

    def __mul__(self, y):
        """``sparse * dense``: a SparseTensor, the dense side read at the indices (it must
        broadcast to the dense shape); ``ops/sparse/arithmetic_ops.py`` implements it."""
        return dispatch(SparseTensor.__mul__, (self, y), {})

    def __truediv__(self, y):
        """``sparse / dense``: a SparseTensor, as ``__mul__`` (integer division by zero
        raises TF's error)."""
        return dispatch(SparseTensor.__truediv__, (self, y), {})

    __div__ = __truediv__


@tf_export("SparseTensorSpec")
class SparseTensorSpec:
    """``tf.SparseTensorSpec(shape=None, dtype=tf.float32)``: the dense shape and dtype a
    SparseTensor is expected to have (``element_spec`` of datasets of SparseTensors);
    printed as TF prints it."""

    __slots__ = ("_shape", "_dtype")

    def __init__(self, shape=None, dtype=dtypes.float32):
        self._shape = TensorShape(shape)
        self._dtype = dtypes.as_dtype(dtype)

    @classmethod
    def from_value(cls, value):
        """The spec of a SparseTensor."""
        return cls(value.shape, value.dtype)

    @property
    def shape(self):
        """The (possibly partial) dense ``TensorShape``."""
        return self._shape

    @property
    def dtype(self):
        """The dtype of the values."""
        return self._dtype

    @property
    def value_type(self):
        """``tf.SparseTensor``."""
        return SparseTensor

    def is_compatible_with(self, spec_or_value):
        """True for a SparseTensor or SparseTensorSpec of this dtype whose shape fits."""
        if not isinstance(spec_or_value, (SparseTensor, SparseTensorSpec)):
            return False
        return spec_or_value.dtype is self._dtype and self._shape.is_compatible_with(
            spec_or_value.shape
        )

    def __repr__(self):
        return "SparseTensorSpec(%r, %r)" % (self._shape, self._dtype)

    def __eq__(self, other):
        return (
            type(other) is SparseTensorSpec
            and self._shape == other._shape
            and self._dtype is other._dtype
        )

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((SparseTensorSpec, self._shape, self._dtype))
