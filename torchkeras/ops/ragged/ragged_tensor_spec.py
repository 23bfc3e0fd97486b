"""``tf.RaggedTensorSpec``: the type of a RaggedTensor (shape, dtype, ragged rank, row
splits dtype), with TF's checks and repr."""

from __future__ import annotations

from ...api_export import tf_export
from ...framework import dtypes
from ...framework.shape import TensorShape
from .ragged_tensor import RaggedTensor

__all__ = ["RaggedTensorSpec"]


@tf_export("RaggedTensorSpec")
class RaggedTensorSpec:
    """``tf.RaggedTensorSpec(shape, dtype, ragged_rank, row_splits_dtype, flat_values_spec)``.

    ``ragged_rank`` defaults to ``rank - 1``; it must be less than the rank."""

    __slots__ = ("_shape", "_dtype", "_ragged_rank", "_row_splits_dtype", "_flat_values_spec")

    def __init__(
        self,
        shape=None,
        dtype=dtypes.float32,
        ragged_rank=None,
        row_splits_dtype=dtypes.int64,
        flat_values_spec=None,
    ):
        self._shape = TensorShape(shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._row_splits_dtype = dtypes.as_dtype(row_splits_dtype)
        self._flat_values_spec = flat_values_spec
        rank = self._shape.rank
        if ragged_rank is None:
            if rank is None:
                raise ValueError("Must specify ragged_rank or a shape with a known rank.")
            ragged_rank = rank - 1
        if not isinstance(ragged_rank, int):
            raise TypeError("Argument `ragged_rank` must be an int. Received %s." % ragged_rank)
        if rank is not None:
            if ragged_rank >= rank:
                raise ValueError(
                    "Argument `ragged_rank` (%d) must be less than rank (%d)." % (ragged_rank, rank)
                )
        self._ragged_rank = ragged_rank

    @classmethod
    def from_value(cls, value):
        """The spec of a RaggedTensor (or of a dense Tensor, with ragged rank 0)."""
        if isinstance(value, RaggedTensor):
            return cls(value.shape, value.dtype, value.ragged_rank, value.row_splits_dtype)
        return cls(value.shape, value.dtype, 0)

    @property
    def shape(self):
        """The static shape (``None`` for ragged and unknown dimensions)."""
        return self._shape

    @property
    def dtype(self):
        """The dtype of the values."""
        return self._dtype

    @property
    def ragged_rank(self):
        """The number of ragged dimensions."""
        return self._ragged_rank

    @property
    def row_splits_dtype(self):
        """The dtype of the row partitions."""
        return self._row_splits_dtype

    @property
    def flat_values_spec(self):
        """The spec given for the flat values, or None."""
        return self._flat_values_spec

    @property
    def value_type(self):
        """``tf.RaggedTensor``."""
        return RaggedTensor

    @property
    def _component_specs(self):
        """TF's component specs: the flat values', then each level's row splits' (the outer
        splits have ``nrows + 1`` entries where ``nrows`` is known)."""
        from ..tensor_spec import TensorSpec

        if self._ragged_rank == 0:
            return [TensorSpec(self._shape, self._dtype)]
        flat_values = self._flat_values_spec or TensorSpec(
            TensorShape([None]).concatenate(self._shape[self._ragged_rank + 1 :]), self._dtype
        )
        outer = self._shape[0] if self._shape.rank else None
        outer_splits = TensorSpec([None if outer is None else outer + 1], self._row_splits_dtype)
        inner_splits = [
            TensorSpec([None], self._row_splits_dtype) for _ in range(self._ragged_rank - 1)
        ]
        return [flat_values, outer_splits] + inner_splits

    def is_compatible_with(self, spec_or_value):
        """True when ``spec_or_value`` (a spec or a RaggedTensor) fits this spec."""
        if isinstance(spec_or_value, RaggedTensor):
            spec_or_value = RaggedTensorSpec.from_value(spec_or_value)
        if not isinstance(spec_or_value, RaggedTensorSpec):
            return False
        return (
            self._dtype == spec_or_value._dtype
            and self._ragged_rank == spec_or_value._ragged_rank
            and self._row_splits_dtype == spec_or_value._row_splits_dtype
            and self._shape.is_compatible_with(spec_or_value._shape)
        )

    def _key(self):
        return (
            tuple(self._shape.as_list()) if self._shape.rank is not None else None,
            self._dtype,
            self._ragged_rank,
            self._row_splits_dtype,
        )

    def __eq__(self, other):
        return type(other) is RaggedTensorSpec and self._key() == other._key()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return "RaggedTensorSpec(%r, %r, %d, %r)" % (
            self._shape,
            self._dtype,
            self._ragged_rank,
            self._row_splits_dtype,
        )
