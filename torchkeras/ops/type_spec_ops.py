"""``tf.type_spec_from_value``: the TypeSpec describing a value."""

from __future__ import annotations

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.sparse_tensor import SparseTensor, SparseTensorSpec
from ..framework.tensor import TensorOperators
from .ragged.ragged_tensor import RaggedTensor
from .ragged.ragged_tensor_spec import RaggedTensorSpec
from .tensor_spec import TensorSpec

__all__ = ["type_spec_from_value"]


@tf_export("type_spec_from_value")
def type_spec_from_value(value):
    """``tf.type_spec_from_value``: a ``RaggedTensorSpec`` / ``SparseTensorSpec`` of a
    RaggedTensor / SparseTensor, a ``TensorSpec`` (no name) of a Tensor or of a value that
    converts to one; TF's ``TypeError`` otherwise.  Differs from TF for Variables (TF gives a
    ``VariableSpec``, which torchkeras lacks: a ``TypeError`` here) and ``None`` (TF's private
    ``NoneTensorSpec``: a ``TypeError`` here)."""
    if isinstance(value, RaggedTensor):
        return RaggedTensorSpec.from_value(value)
    if isinstance(value, SparseTensor):
        return SparseTensorSpec.from_value(value)
    if isinstance(value, TensorOperators) and not hasattr(value, "assign"):
        return TensorSpec(value.shape, value.dtype)
    if value is not None and not isinstance(value, TensorOperators):
        try:
            tensor = convert_to_tensor(value)
        except (TypeError, ValueError):
            tensor = None
        if tensor is not None:
            return TensorSpec(tensor.shape, tensor.dtype)
    raise TypeError(
        "Could not build a TypeSpec for %r of unsupported type %s." % (value, type(value))
    )
