"""SparseTensor components in ``tf.data`` elements: slicing rows (``from_tensor_slices``,
``unbatch``), batching (the batch's dense shape is the largest element's, as TF's) and the
``tf.SparseTensorSpec`` of a component.  ``_common`` routes SparseTensor leaves here."""

from __future__ import annotations

import torch

from ...framework.sparse_tensor import SparseTensorSpec
from ...ops.sparse._components import cat_values, components, kernel_error, make, take
from ...ops.sparse.conversion_ops import first_invalid, to_dense

__all__ = ["check_sliceable", "rows", "row", "take_rows", "stack", "spec", "dense_numpy"]


def check_sliceable(sp):
    """TF's ``SerializeManySparse`` checks (row-major, unique, in-bounds indices) on a
    SparseTensor given to ``from_tensor_slices``."""
    indices, _, shape = components(sp)
    text = first_invalid(indices, shape)
    if text is not None:
        raise kernel_error("SerializeManySparse", text, indices)


def rows(sp):
    """The size of the first dimension."""
    return int(sp.dense_shape._value[0])


def take_rows(sp, positions):
    """The rows ``positions`` (a list of ints) of ``sp``, as a batch in that order."""
    indices, values, shape = components(sp)
    wanted = torch.tensor(positions, dtype=torch.int64, device=indices.device)
    hits = indices[:, :1] == wanted[None, :]
    entry, slot = torch.nonzero(hits, as_tuple=True)
    order = torch.argsort(slot, stable=True)
    entry, slot = entry[order], slot[order]
    new_indices = torch.cat([slot[:, None], indices[entry, 1:]], dim=1)
    return make(new_indices, take(values, entry), [len(positions)] + shape[1:])


def row(sp, index):
    """Row ``index`` of ``sp``: a SparseTensor one rank lower."""
    indices, values, shape = components(sp)
    inside = indices[:, 0] == index
    return make(indices[inside, 1:], take(values, inside), shape[1:])


def stack(elements):
    """One SparseTensor batching same-rank SparseTensors along a new first dimension."""
    parts = [components(sp) for sp in elements]
    batch_index = [
        torch.full((p[0].shape[0], 1), k, dtype=torch.int64, device=p[0].device)
        for k, p in enumerate(parts)
    ]
    indices = torch.cat([torch.cat([b, p[0]], dim=1) for b, p in zip(batch_index, parts)])
    values = cat_values([p[1] for p in parts])
    shape = [max(p[2][d] for p in parts) for d in range(len(parts[0][2]))]
    return make(indices, values, [len(parts)] + shape)


def spec(sp, batched=False):
    """The ``tf.SparseTensorSpec`` of ``sp`` (of its rows when ``batched``)."""
    shape = sp.shape.as_list()
    return SparseTensorSpec(shape[1:] if batched else shape, sp.dtype)


def dense_numpy(sp):
    """``sp`` as a dense NumPy array (what ``as_numpy_iterator`` yields for it in TF)."""
    return to_dense(sp).numpy()
