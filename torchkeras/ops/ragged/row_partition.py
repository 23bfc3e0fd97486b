"""Row partitions: conversions between TF's encodings of a ragged dimension (row splits,
row lengths, value row ids, row starts/limits) and their validation, with TF's errors.

All functions take and return int64/int32 Tensors; the arithmetic runs in torch on the
tensors' device.  Validation reads the (small) partition vectors on the host.
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework import dtypes
from ...framework.convert import convert_to_tensor
from ...framework.errors import InvalidArgumentError
from ...framework.tensor import TensorOperators, wrap

__all__ = [
    "int_vector",
    "check_nonnegative",
    "splits_from_lengths",
    "splits_from_rowids",
    "rowids_from_splits",
    "lengths_from_splits",
    "starts_diff",
    "summarized",
]


def int_vector(value, name, dtype=None):
    """``value`` as an int32/int64 vector Tensor (int64 for Python values unless ``dtype``)."""
    if isinstance(value, TensorOperators):
        tensor = value
    else:
        tensor = convert_to_tensor(value, dtype_hint=dtype or dtypes.int64)
    if tensor.dtype not in (dtypes.int32, dtypes.int64):
        raise ValueError("%s must have dtype int32 or int64" % name)
    if dtype is not None and tensor.dtype is not dtypes.as_dtype(dtype):
        tensor = wrap(tensor._value.to(dtypes.as_dtype(dtype).torch_dtype))
    tensor.shape.with_rank(1)
    return tensor


def summarized(values, summarize=3):
    """TF's ``assert`` text of a vector: its first ``summarize`` values as a list of strings."""
    texts = [str(v) for v in values[:summarize]]
    if len(values) > summarize:
        texts.append("...")
    return str(texts)


def check_nonnegative(x, origin, what="RowPartition"):
    """TF's ``assert_non_negative`` failure for the partition argument check of ``origin``."""
    host = x._value.detach().cpu().numpy() if isinstance(x, TensorOperators) else np.asarray(x)
    if (host < 0).any():
        raise InvalidArgumentError(
            None,
            None,
            "Arguments to %s do not form a valid %s.  \n"
            "Condition x >= 0 did not hold element-wise:\nx (shape=(%d,) dtype=%s) = \n%s"
            % (origin, what, host.size, _dtype_name(x), summarized(host.tolist())),
        )


def starts_diff(x):
    """The steps ``x[1:] - x[:-1]`` of an int vector Tensor (checked non-negative by TF's
    ``_assert_monotonic_increasing``)."""
    a = x._value
    return wrap(a[1:] - a[:-1])


def _dtype_name(x):
    return x.dtype.name if isinstance(x, TensorOperators) else "int64"


def splits_from_lengths(lengths):
    """Row splits ``[0, cumsum(lengths)...]`` in the dtype of ``lengths``."""
    a = lengths._value
    zero = torch.zeros(1, dtype=a.dtype, device=a.device)
    return wrap(torch.cat([zero, torch.cumsum(a, 0, dtype=a.dtype)]))


def splits_from_rowids(rowids, nrows):
    """Row splits of sorted ``rowids`` over ``nrows`` rows."""
    a = rowids._value
    counts = torch.bincount(a, minlength=nrows)[:nrows] if a.numel() else None
    if counts is None:
        counts = torch.zeros(nrows, dtype=a.dtype, device=a.device)
    zero = torch.zeros(1, dtype=a.dtype, device=a.device)
    return wrap(torch.cat([zero, torch.cumsum(counts, 0).to(a.dtype)]))


def rowids_from_splits(splits, dtype=None):
    """The row id of each value (``[0, 0, 2, ...]``) for ``splits``."""
    a = splits._value
    lengths = (a[1:] - a[:-1]).clamp(min=0)  # TF repeats a row a negative count: never
    rows = torch.arange(lengths.numel(), dtype=a.dtype, device=a.device)
    result = torch.repeat_interleave(rows, lengths)
    if dtype is not None:
        result = result.to(dtypes.as_dtype(dtype).torch_dtype)
    return wrap(result)


def lengths_from_splits(splits):
    """The row lengths ``splits[1:] - splits[:-1]``."""
    a = splits._value
    return wrap(a[1:] - a[:-1])
