"""``tf.sets``: set operations along the last dimension of dense tensors.

TF returns a ``SparseTensor`` for ``intersection``/``union``/``difference``; torchkeras has no
``SparseTensor``, so these return its dense form instead: what ``tf.sparse.to_dense`` gives
for TF's result (each row's set sorted ascending, padded with 0 or ``b""`` to the largest set).
``tf.sets.size`` takes only a ``SparseTensor`` in TF, so every (dense) input is refused with
TF's ``TypeError``.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import dims_text, op_error
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
    """``tf.sets.size``: TF counts the set sizes of a ``SparseTensor`` only; torchkeras has no
    ``SparseTensor``, so every input raises TF's ``TypeError`` for a dense one."""
    raise TypeError("Expected `SparseTensor`, got %s." % (a,))


def _checked(a, b):
    a, b = convert_to_tensor(a), convert_to_tensor(b)
    for name, t in (("a", a), ("b", b)):
        if t.dtype not in _SUPPORTED:
            raise TypeError(
                "'%s' has invalid dtype `%s` not in supported dtypes: `%s`."
                % (name, t.dtype, _SUPPORTED_TEXT)
            )
    if a.dtype != b.dtype:
        raise TypeError("Types don't match, %s vs %s." % (a.dtype, b.dtype))
    for t in (a, b):
        if t.shape.rank < 2:
            raise op_error(
                _OP,
                "Shape %s has rank %d < 2" % (dims_text(t.shape.as_list()), t.shape.rank),
                None if t.dtype == dtypes.string else t._value,
            )
    if a.shape.as_list()[:-1] != b.shape.as_list()[:-1]:
        raise op_error(
            _OP,
            "Mismatched shapes %s vs %s"
            % (dims_text(a.shape.as_list()[:-1]), dims_text(b.shape.as_list()[:-1])),
            None if a.dtype == dtypes.string else a._value,
        )
    return a, b


def _rows(t):
    values = t._value
    array = values if isinstance(values, np.ndarray) else values.cpu().numpy()
    return array.reshape(-1, array.shape[-1]).tolist()


def _set_operation(a, b, combine):
    a, b = _checked(a, b)
    sets = [sorted(combine(set(x), set(y))) for x, y in zip(_rows(a), _rows(b))]
    width = max((len(s) for s in sets), default=0)
    lead = a.shape.as_list()[:-1]
    if a.dtype == dtypes.string:
        out = np.full((len(sets), width), b"", dtype=object)
        for i, s in enumerate(sets):
            out[i, : len(s)] = s
        return wrap(out.reshape(lead + [width]))
    out = torch.zeros((len(sets), width), dtype=a._value.dtype)
    for i, s in enumerate(sets):
        out[i, : len(s)] = torch.tensor(s, dtype=a._value.dtype)
    return wrap(out.reshape(lead + [width]).to(a._value.device))


@tf_export("sets.intersection")
def intersection(a, b, validate_indices=True):
    """``tf.sets.intersection``: each last-axis row's set intersection, as a dense tensor (TF:
    the ``SparseTensor`` whose ``tf.sparse.to_dense`` this is; see the module docstring)."""
    return _set_operation(a, b, lambda x, y: x & y)


@tf_export("sets.union")
def union(a, b, validate_indices=True):
    """``tf.sets.union``: each last-axis row's set union, as a dense tensor (TF: a
    ``SparseTensor``; see the module docstring)."""
    return _set_operation(a, b, lambda x, y: x | y)


@tf_export("sets.difference")
def difference(a, b, aminusb=True, validate_indices=True):
    """``tf.sets.difference``: each last-axis row's ``a - b`` (``b - a`` when ``aminusb`` is
    False), as a dense tensor (TF: a ``SparseTensor``; see the module docstring)."""
    return _set_operation(a, b, (lambda x, y: x - y) if aminusb else (lambda x, y: y - x))
