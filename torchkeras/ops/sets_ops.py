"""``tf.sets``: set operations along the last dimension of dense tensors.

``intersection``/``union``/``difference`` return a ``SparseTensor`` as TF: each row's set
sorted ascending at ``[row..., 0..n)``, row-major, the last dimension the largest set.  The
inputs are dense Tensors or SparseTensors (a row's set is the values at its indices).
``tf.sets.size`` takes only a ``SparseTensor``, as in TF.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import dims_text, op_error
from ..framework.sparse_tensor import SparseTensor
from ..framework.tensor import wrap

_OP = "DenseToDenseSetOperation"
_SUPPORTED = (
    dtypes.int8,
    dtypes.int16,
    dtypes.int32,
    dtypes.int64,
    dtypes.uint8,
    dtypes.uint16,
    dtypes.string,
)
_SUPPORTED_TEXT = (
    "frozenset({tf.int32, tf.uint8, tf.int16, tf.int8, tf.string, tf.int64, tf.uint16})"
)


@tf_export("sets.size")
def size(a, validate_indices=True):
    """``tf.sets.size``: the number of distinct values in each last-axis row of the
    SparseTensor ``a`` (int32, shape ``dense_shape[:-1]``); a dense input raises TF's
    ``TypeError``."""
    if not isinstance(a, SparseTensor):
        raise TypeError("Expected `SparseTensor`, got %s." % (convert_to_tensor(a),))
    lead = a.dense_shape._value.tolist()[:-1]
    counts = [len(row) for row in _rows(a)]
    return wrap(torch.tensor(counts, dtype=torch.int32).reshape(lead).to(_device.current()))


def _lead_shape(t):
    if isinstance(t, SparseTensor):
        return t.dense_shape._value.tolist()[:-1]
    return t.shape.as_list()[:-1]


def _checked(a, b):
    a, b = [t if isinstance(t, SparseTensor) else convert_to_tensor(t) for t in (a, b)]
    for name, t in (("a", a), ("b", b)):
        if t.dtype not in _SUPPORTED:
            raise TypeError(
                "'%s' has invalid dtype `%s` not in supported dtypes: `%s`."
                % (name, t.dtype, _SUPPORTED_TEXT)
            )
    if a.dtype != b.dtype:
        raise TypeError("Types don't match, %s vs %s." % (a.dtype, b.dtype))
    dense = [t for t in (a, b) if not isinstance(t, SparseTensor)]
    for t in dense:
        if t.shape.rank < 2:
            raise op_error(
                _OP,
                "Shape %s has rank %d < 2" % (dims_text(t.shape.as_list()), t.shape.rank),
                None if t.dtype == dtypes.string else t._value,
            )
    if len(dense) == 2 and _lead_shape(a) != _lead_shape(b):
        raise op_error(
            _OP,
            "Mismatched shapes %s vs %s" % (dims_text(_lead_shape(a)), dims_text(_lead_shape(b))),
            None if a.dtype == dtypes.string else a._value,
        )
    return a, b


def _host(storage):
    return storage if isinstance(storage, np.ndarray) else storage.cpu().numpy()


def _rows(t):
    """The set of each last-axis row of a dense Tensor or SparseTensor, row-major."""
    if not isinstance(t, SparseTensor):
        array = _host(t._value)
        return [set(row) for row in array.reshape(-1, array.shape[-1]).tolist()]
    lead = t.dense_shape._value.tolist()[:-1]
    rows = [set() for _ in range(int(np.prod(lead, dtype=np.int64)))]
    coords = _host(t.indices._value)[:, :-1]
    positions = np.ravel_multi_index(coords.T, lead) if lead else np.zeros(len(coords), int)
    for position, value in zip(positions.tolist(), _host(t.values._value).tolist()):
        rows[position].add(value)
    return rows


def _set_operation(a, b, combine):
    a, b = _checked(a, b)
    sets = [sorted(combine(x, y)) for x, y in zip(_rows(a), _rows(b))]
    width = max((len(s) for s in sets), default=0)
    lead = _lead_shape(a)
    coords = [
        list(np.unravel_index(row, lead)) + [column] if lead else [column]
        for row, s in enumerate(sets)
        for column in range(len(s))
    ]
    device = _device.current()
    indices = torch.tensor(coords, dtype=torch.int64).reshape(-1, len(lead) + 1).to(device)
    flat = [value for s in sets for value in s]
    if a.dtype == dtypes.string:
        values = np.array(flat, dtype=object)
    else:
        values = torch.tensor(flat, dtype=a.dtype.torch_dtype).to(device)
    shape = torch.tensor(lead + [width], dtype=torch.int64, device=device)
    return SparseTensor(wrap(indices), wrap(values), wrap(shape))


@tf_export("sets.intersection")
def intersection(a, b, validate_indices=True):
    """``tf.sets.intersection``: each last-axis row's set intersection, a SparseTensor."""
    return _set_operation(a, b, lambda x, y: x & y)


@tf_export("sets.union")
def union(a, b, validate_indices=True):
    """``tf.sets.union``: each last-axis row's set union, a SparseTensor."""
    return _set_operation(a, b, lambda x, y: x | y)


@tf_export("sets.difference")
def difference(a, b, aminusb=True, validate_indices=True):
    """``tf.sets.difference``: each last-axis row's ``a - b`` (``b - a`` when ``aminusb`` is
    False), a SparseTensor."""
    return _set_operation(a, b, (lambda x, y: x - y) if aminusb else (lambda x, y: y - x))
