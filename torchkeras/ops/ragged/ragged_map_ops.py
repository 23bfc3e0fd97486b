"""``tf.map_fn`` over RaggedTensors or with ``tf.RaggedTensorSpec`` outputs.

Eager, row by row: ``fn`` gets each row (a Tensor, or a RaggedTensor below ragged rank 1)
and the results are stacked, as ragged rows for a ``RaggedTensorSpec`` output (and, without
a signature, for a ragged input), as a dense ``tf.stack`` otherwise."""

from __future__ import annotations

from ...framework import tree as _tree
from ...framework.convert import convert_to_tensor
from .. import shape_ops
from .ragged_array_ops import stack
from .ragged_tensor import RaggedTensor
from .ragged_tensor_spec import RaggedTensorSpec

__all__ = ["ragged_map_fn"]


def _nrows(value):
    if isinstance(value, RaggedTensor):
        return value._row_splits._value.numel() - 1
    return value.shape[0]


def _stack_rows(rows, spec):
    if isinstance(spec, RaggedTensorSpec):
        return stack(rows)
    if rows and isinstance(rows[0], RaggedTensor):
        return stack(rows)
    return shape_ops.stack([convert_to_tensor(r) for r in rows])


def ragged_map_fn(fn, elems, fn_output_signature):
    """``tf.map_fn(fn, elems, fn_output_signature=...)`` with ragged inputs or outputs."""
    flat = _tree.flatten(elems)
    flat = [v if isinstance(v, RaggedTensor) else convert_to_tensor(v) for v in flat]
    count = _nrows(flat[0])
    results = []
    for i in range(count):
        value = _tree.pack_sequence_as(elems, [v[i] for v in flat])
        results.append(_tree.flatten(fn(value)))
    if fn_output_signature is None:
        specs = [
            RaggedTensorSpec.from_value(v) if isinstance(v, RaggedTensor) else None for v in flat
        ]
        structure = elems
    else:
        specs = _tree.flatten(fn_output_signature)
        structure = fn_output_signature
    columns = [_stack_rows([r[k] for r in results], spec) for k, spec in enumerate(specs)]
    return _tree.pack_sequence_as(structure, columns)
