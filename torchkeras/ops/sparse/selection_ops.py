"""``tf.sparse.retain``, ``fill_empty_rows``, ``eye`` and ``mask``: SparseTensors (and
``tf.IndexedSlices``) built by keeping, adding or listing entries."""

from __future__ import annotations

import numpy as np
import torch

from ...api_export import tf_export
from ...framework import device as _device
from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.indexed_slices import IndexedSlices
from ...framework.op_errors import dtype_of, op_error
from ...framework.tensor import TensorOperators, wrap
from ._components import cat_values, components, make, sparse_arg, take

__all__ = ["retain", "fill_empty_rows", "eye", "mask"]


@tf_export("sparse.retain")
def retain(sp_input, to_retain):
    """``tf.sparse.retain``: the entries whose flag in the bool vector ``to_retain`` is
    True (its length must be the number of values)."""
    sp_input = sparse_arg(sp_input)
    indices, values, shape = components(sp_input)
    flags = convert_to_tensor(to_retain)
    flags_shape = flags.shape.with_rank(1)
    if flags_shape[0] is not None and flags_shape[0] != indices.shape[0]:
        raise ValueError(
            "Dimensions %d and %d are not compatible" % (indices.shape[0], flags_shape[0])
        )
    keep = flags._value.to(torch.bool)
    return make(indices[keep], take(values, keep), shape)


@tf_export("sparse.fill_empty_rows")
def fill_empty_rows(sp_input, default_value, name=None):
    """``tf.sparse.fill_empty_rows``: ``(filled, empty_row_indicator)``; each row (first
    index) without values gets ``default_value`` at ``[row, 0, ...]``.  The output is ordered
    by row, keeping the input order within a row, as TF's kernel."""
    sp_input = sparse_arg(sp_input)
    indices, values, shape = components(sp_input)
    default = convert_to_tensor(default_value, dtype=dtype_of(values))._value
    present = torch.zeros(shape[0], dtype=torch.bool, device=indices.device)
    present[indices[:, 0]] = True
    empty_rows = torch.nonzero(~present)[:, 0]
    fillers = torch.zeros((empty_rows.shape[0], len(shape)), dtype=torch.int64)
    fillers = fillers.to(indices.device)
    fillers[:, 0] = empty_rows
    if isinstance(values, np.ndarray):
        filler_values = np.full(empty_rows.shape[0], default.item(), dtype=object)
    else:
        filler_values = default.reshape(1).expand(empty_rows.shape[0]).to(values.device)
    all_indices = torch.cat([indices, fillers])
    order = torch.argsort(all_indices[:, 0], stable=True)
    all_values = cat_values([values, filler_values])
    filled = make(all_indices[order], take(all_values, order), shape)
    return filled, wrap(~present)


def _int_arg(value, name):
    """TF's ``_make_int64_tensor``: a Python int, or an integer Tensor's value."""
    if isinstance(value, (int, np.integer)):
        return int(value)
    if not isinstance(value, TensorOperators):
        raise TypeError("%s must be an integer value" % name)
    return int(value.numpy())


@tf_export("sparse.eye")
def eye(num_rows, num_columns=None, dtype=dtypes.float32, name=None):
    """``tf.sparse.eye``: a ``[num_rows, num_columns]`` SparseTensor with ones on the
    diagonal."""
    rows = _int_arg(num_rows, "num_rows")
    columns = rows if num_columns is None else _int_arg(num_columns, "num_columns")
    dtype = dtypes.as_dtype(dtype)
    if min(rows, columns) < 0:
        raise op_error(
            "Range", "Requires start <= limit when delta > 0: 0/%d" % min(rows, columns), None
        )
    diagonal = torch.arange(min(rows, columns), dtype=torch.int64, device=_device.current())
    values = torch.ones(diagonal.shape[0], dtype=dtype.torch_dtype, device=diagonal.device)
    return make(torch.stack([diagonal, diagonal], dim=1), values, [rows, columns])


@tf_export("sparse.mask")
def mask(a, mask_indices, name=None):
    """``tf.sparse.mask``: the ``tf.IndexedSlices`` ``a`` without the rows whose index is in
    ``mask_indices`` (TF's ``ListDiff``: order kept)."""
    indices = convert_to_tensor(a.indices)._value
    masked = convert_to_tensor(mask_indices, dtype=dtype_of(indices))._value
    keep = ~torch.isin(indices, masked.to(indices.device))
    positions = torch.nonzero(keep)[:, 0]
    return IndexedSlices(wrap(a.values._value[positions]), wrap(indices[positions]), a.dense_shape)
