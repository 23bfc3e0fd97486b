"""``tf.sparse.segment_sum`` / ``segment_mean`` / ``segment_sqrt_n``: segment reductions of
the rows ``data[indices]`` (TF's ``SparseSegment*`` kernels and their errors);
differentiable in ``data`` through ``index_add``."""

from __future__ import annotations

import torch

from ...api_export import tf_export
from ...framework.convert import convert_to_tensor
from ...framework.op_errors import op_error
from ...framework.tensor import wrap

__all__ = ["segment_sum", "segment_mean", "segment_sqrt_n"]

_FLOATS = (torch.bfloat16, torch.float16, torch.float32, torch.float64)


def _dtype_error(opname, data):
    return op_error(
        opname,
        "Value for attr 'T' of %s is not in the list of allowed values: bfloat16, half, float, "
        "double\n\t; NodeDef: {{node %s}}; Op<name=%s; signature=data:T, indices:Tidx, "
        "segment_ids:Tsegmentids -> output:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, "
        "DT_FLOAT, DT_DOUBLE]; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; "
        "attr=Tsegmentids:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; "
        "attr=sparse_gradient:bool,default=false>"
        % (convert_to_tensor(data).dtype.name, opname, opname),
        name=None,
        wrapped=False,
    )


def _segments(kind, data, indices, segment_ids, num_segments):
    opname = "SparseSegment" + kind + ("WithNumSegments" if num_segments is not None else "")
    tensor = convert_to_tensor(data)
    storage = tensor._value
    if kind != "Sum" and storage.dtype not in _FLOATS:
        raise _dtype_error(opname, data)
    rows = convert_to_tensor(indices)._value.to(torch.int64).to(storage.device)
    ids = convert_to_tensor(segment_ids)._value.to(torch.int64).to(storage.device)

    def fail(text):
        return op_error(opname, text, storage, name=None)

    if rows.shape[0] != ids.shape[0]:
        raise fail("segment_ids and indices should have same size.")
    bad = (rows < 0) | (rows >= storage.shape[0])
    if bool(bad.any()):
        at = int(torch.argmax(bad.to(torch.int8)))
        raise fail(
            "Bad: indices[%d] == %d out of range [0, %d)" % (at, int(rows[at]), storage.shape[0])
        )
    if ids.shape[0] > 1 and bool((ids[1:] < ids[:-1]).any()):
        raise fail("segment ids are not increasing")
    if num_segments is None:
        count = int(ids[-1]) + 1 if ids.shape[0] else 0
    else:
        count = int(convert_to_tensor(num_segments)._value)
        if ids.shape[0] and int(ids[-1]) >= count:
            raise fail("segment ids must be < num_segments")
    picked = storage[rows]
    out = torch.zeros((count,) + tuple(storage.shape[1:]), dtype=storage.dtype)
    out = out.to(storage.device).index_add(0, ids, picked)
    if kind == "Sum":
        return wrap(out)
    sizes = torch.zeros(count, dtype=storage.dtype, device=storage.device)
    sizes = sizes.index_add(0, ids, torch.ones_like(ids, dtype=storage.dtype)).clamp(min=1)
    scale = 1 / sizes if kind == "Mean" else torch.rsqrt(sizes)
    return wrap(out * scale.reshape((count,) + (1,) * (storage.ndim - 1)))


@tf_export("sparse.segment_sum")
def segment_sum(data, indices, segment_ids, num_segments=None, name=None, sparse_gradient=False):
    """``tf.sparse.segment_sum``: ``out[s] = sum(data[indices[i]] for segment_ids[i] == s)``;
    ids must be sorted; ``num_segments`` fixes the output rows (empty segments are 0).
    ``sparse_gradient`` is accepted; gradients are dense here."""
    return _segments("Sum", data, indices, segment_ids, num_segments)


@tf_export("sparse.segment_mean")
def segment_mean(data, indices, segment_ids, num_segments=None, name=None, sparse_gradient=False):
    """``tf.sparse.segment_mean``: as ``segment_sum``, divided by the segment sizes (floats
    only)."""
    return _segments("Mean", data, indices, segment_ids, num_segments)


@tf_export("sparse.segment_sqrt_n")
def segment_sqrt_n(data, indices, segment_ids, num_segments=None, name=None, sparse_gradient=False):
    """``tf.sparse.segment_sqrt_n``: as ``segment_sum``, divided by the square roots of the
    segment sizes (floats only)."""
    return _segments("SqrtN", data, indices, segment_ids, num_segments)
