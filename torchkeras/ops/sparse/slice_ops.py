"""``tf.sparse.slice``, ``tf.sparse.split`` and ``tf.sparse.concat``: SparseTensors cut into
pieces and joined along an axis, with TF's kernel errors and output order."""

from __future__ import annotations

import torch

from ...api_export import tf_export
from ...framework.errors import InvalidArgumentError
from ...framework.op_errors import dtype_of, input_dtype_error, op_error
from .._args import host_ints
from ._components import cat_values, components, kernel_error, make, row_major_order, take

__all__ = ["slice", "split", "concat"]


def _cut(indices, values, shape, start, size):
    """The entries inside the box ``[start, start + size)`` (clipped to ``shape``), shifted to
    the box's origin, in input order (TF's ``SparseSlice``)."""
    stop = [min(s + n, d) for s, n, d in zip(start, size, shape)]
    out_shape = [max(e - s, 0) for s, e in zip(start, stop)]
    low = torch.tensor(start, dtype=torch.int64, device=indices.device)
    high = torch.tensor(stop, dtype=torch.int64, device=indices.device)
    inside = ((indices >= low) & (indices < high)).all(dim=1)
    return make(indices[inside] - low, take(values, inside), out_shape)


@tf_export("sparse.slice")
def slice(sp_input, start, size, name=None):  # noqa: A001 - TF's name
    """``tf.sparse.slice``: the entries in ``[start, start + size)``, re-indexed from
    ``start``; the box is clipped to the dense shape, as in TF."""
    indices, values, shape = components(sp_input)
    start = host_ints(start, "SparseSlice", "start")
    size = host_ints(size, "SparseSlice", "size")
    for what, box in (("start", start), ("size", size)):
        if len(box) != len(shape):
            raise kernel_error(
                "SparseSlice",
                "Expected %s to be a vector of length %d but got length %d"
                % (what, len(shape), len(box)),
                indices,
            )
    for length in size:
        if length < 0:
            raise kernel_error(
                "SparseSlice", "Expected a non-negative size, got %d" % length, indices
            )
    return _cut(indices, values, shape, start, size)


@tf_export("sparse.split")
def split(sp_input=None, num_split=None, axis=None, name=None):
    """``tf.sparse.split``: ``num_split`` SparseTensors along ``axis``; the first
    ``size % num_split`` pieces are one longer, as TF's ``SparseSplit``."""
    indices, values, shape = components(sp_input)
    num_split = int(num_split)
    if num_split < 1:
        raise InvalidArgumentError(
            None,
            None,
            "Value for attr 'num_split' of %d must be at least minimum 1\n\t; NodeDef: "
            "{{node SparseSplit}}; Op<name=SparseSplit; signature=split_dim:int64, "
            "indices:int64, values:T, shape:int64 -> output_indices:num_split*int64, "
            "output_values:num_split*T, output_shape:num_split*int64; attr=num_split:int,min=1; "
            "attr=T:type> [Op:SparseSplit] name: " % num_split,
        )
    if not -len(shape) <= int(axis) < len(shape):
        raise kernel_error(
            "SparseSplit",
            "Input axis should be in range [%d, %d), got %d" % (-len(shape), len(shape), axis),
            indices,
            kernel="SparseSplit_num_split_%d" % num_split,
        )
    axis = int(axis) % len(shape)
    if not 1 <= num_split <= shape[axis]:
        raise kernel_error(
            "SparseSplit",
            "Input num_split should be between 1 and the splitting dimension size (%d), got %d"
            % (shape[axis], num_split),
            indices,
            kernel="SparseSplit_num_split_%d" % num_split,
        )
    base, extra = divmod(shape[axis], num_split)
    pieces, offset = [], 0
    for piece in range(num_split):
        length = base + (1 if piece < extra else 0)
        start = [0] * len(shape)
        size = list(shape)
        start[axis], size[axis] = offset, length
        pieces.append(_cut(indices, values, shape, start, size))
        offset += length
    return pieces


def _no_inputs(axis):
    """TF's error for ``tf.sparse.concat`` of no inputs: no kernel matches an op without ``T``."""
    return op_error(
        "SparseConcat",
        "OpKernel 'SparseConcat' has constraint on attr 'T' not in NodeDef "
        "'[N=0, concat_dim=%d]', KernelDef: 'goo.gle/debugonly    op: \"SparseConcat\" "
        'device_type: "CPU" constraint { name: "T" allowed_values { list { type: DT_VARIANT '
        "} } }'" % axis,
        wrapped=False,
    )


@tf_export("sparse.concat")
def concat(axis, sp_inputs, expand_nonconcat_dims=False, name=None):
    """``tf.sparse.concat``: SparseTensors joined along ``axis`` (row-major output order).
    The other dimensions must match unless ``expand_nonconcat_dims``, which takes their
    maxima; TF's ``SparseConcat`` dtype and shape errors."""
    parts = [components(sp) for sp in sp_inputs]
    count = len(parts)
    if not count:
        raise _no_inputs(axis)
    rank = len(parts[0][2])
    for position, (_, _, shape) in enumerate(parts):
        if len(shape) != rank:
            raise kernel_error(
                "SparseConcat",
                "Ranks of all input tensors must match: expected %d but got %d at position %d"
                % (rank, len(shape), position),
                parts[0][0],
                kernel="SparseConcat_N_%d" % count,
            )
    if not -rank <= int(axis) < rank:
        raise kernel_error(
            "SparseConcat",
            "Concat dimension must be in range [%d, %d), got %d" % (-rank, rank, axis),
            parts[0][0],
            kernel="SparseConcat_N_%d" % count,
        )
    axis = int(axis) + rank if axis < 0 else int(axis)
    first = parts[0][1]
    for position, (_, values, _) in enumerate(parts[1:], 1):
        if dtype_of(values) is not dtype_of(first):
            raise input_dtype_error("SparseConcat", count + position, first, values)
    shapes = [shape for _, _, shape in parts]
    if expand_nonconcat_dims:
        target = [max(s[d] for s in shapes) for d in range(rank)]
    else:
        target = list(shapes[0])
        for position, shape in enumerate(shapes[1:], 1):
            for dim in range(rank):
                if dim != axis and shape[dim] != target[dim]:
                    raise kernel_error(
                        "SparseConcat",
                        "Input shapes must match: expected %d for dimension %d but got %d at "
                        "position %d" % (target[dim], dim, shape[dim], position),
                        parts[0][0],
                        kernel="SparseConcat_N_%d" % count,
                    )
    shifted, offset = [], 0
    for indices, _, shape in parts:
        moved = indices.clone()
        moved[:, axis] += offset
        shifted.append(moved)
        offset += shape[axis]
    target[axis] = offset
    indices = torch.cat(shifted)
    values = cat_values([values for _, values, _ in parts])
    order = row_major_order(indices)
    return make(indices[order], take(values, order), target)
