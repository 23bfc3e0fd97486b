"""The ``scatter_*``, ``sparse_read`` and ``gather_nd`` methods of ``tf.Variable``.

Each scatter writes into the variable's storage in place (under
``torch.no_grad()``, keeping the old value first where a tape's graph saved it:
``saved_values.py``) and returns the variable in its ``'UnreadVariable'`` form;
bad indices or update shapes raise TF's ``InvalidArgumentError`` and change
nothing.
"""

from __future__ import annotations

import torch

from . import recording as _recording
from .convert import convert_to_tensor
from .indexed_slices import IndexedSlices
from .tensor import wrap
from .op_errors import dims_text, op_error
from .saved_values import before_write

__all__ = ["ScatterMethods"]


class ScatterMethods:
    """Mixin of ``tf.Variable``: sparse reads and updates (needs ``_param``, ``_value``,
    ``_convert``, ``_unread``)."""

    __slots__ = ()

    def sparse_read(self, indices, name=None):
        """Rows ``indices`` of the variable (a gather along axis 0)."""
        index = convert_to_tensor(indices)._value
        value = self._value
        return wrap(value[index.to(device=value.device, dtype=torch.long)])

    def gather_nd(self, indices, name=None):
        """``tf.gather_nd(variable, indices)``."""
        index = convert_to_tensor(indices)._value.to(torch.long)
        value = self._value
        return wrap(value[tuple(index.to(value.device).unbind(-1))])

    def _scatter(self, sparse_delta, opname, combine):
        if not isinstance(sparse_delta, IndexedSlices):
            raise TypeError(
                "Argument `sparse_delta` must be a `tf.IndexedSlices`. Received arg: %s"
                % (sparse_delta,)
            )
        param = self._param
        updates = self._convert(sparse_delta.values).to(param.device)
        index = sparse_delta.indices._value.to(device=param.device, dtype=torch.long)
        if index.numel() and (int(index.min()) < 0 or int(index.max()) >= param.shape[0]):
            bad = int(index[(index < 0) | (index >= param.shape[0])][0])
            raise op_error(
                opname, "indices[0] = %d is not in [0, %d)" % (bad, param.shape[0]), param
            )
        rows = updates.reshape((-1,) + tuple(param.shape[1:]))
        if _recording.RECORDING or _recording.EXITED:
            before_write(param)
        with torch.no_grad():
            combine(param, index.reshape(-1), rows)
        return self._unread()

    def scatter_update(self, sparse_delta, use_locking=False, name=None):
        """Sets the rows ``sparse_delta.indices`` to ``sparse_delta.values``."""
        return self._scatter(
            sparse_delta, "ResourceScatterUpdate", lambda p, i, u: p.index_put_((i,), u)
        )

    def scatter_add(self, sparse_delta, use_locking=False, name=None):
        """Adds ``sparse_delta.values`` to the rows ``sparse_delta.indices`` (repeats
        accumulate)."""
        return self._scatter(
            sparse_delta,
            "ResourceScatterAdd",
            lambda p, i, u: p.index_put_((i,), u, accumulate=True),
        )

    def scatter_sub(self, sparse_delta, use_locking=False, name=None):
        """Subtracts ``sparse_delta.values`` from the rows ``sparse_delta.indices``."""
        return self._scatter(
            sparse_delta,
            "ResourceScatterSub",
            lambda p, i, u: p.index_put_((i,), -u, accumulate=True),
        )

    def scatter_mul(self, sparse_delta, use_locking=False, name=None):
        """Multiplies the rows ``sparse_delta.indices`` by ``sparse_delta.values``."""
        return self._scatter(sparse_delta, "ResourceScatterMul", _reduce_rows("prod"))

    def scatter_div(self, sparse_delta, use_locking=False, name=None):
        """Divides the rows ``sparse_delta.indices`` by ``sparse_delta.values``."""
        return self._scatter(sparse_delta, "ResourceScatterDiv", _divide_rows)

    def scatter_max(self, sparse_delta, use_locking=False, name=None):
        """Element-wise maximum of the rows ``sparse_delta.indices`` and ``sparse_delta.values``."""
        return self._scatter(sparse_delta, "ResourceScatterMax", _reduce_rows("amax"))

    def scatter_min(self, sparse_delta, use_locking=False, name=None):
        """Element-wise minimum of the rows ``sparse_delta.indices`` and ``sparse_delta.values``."""
        return self._scatter(sparse_delta, "ResourceScatterMin", _reduce_rows("amin"))

    def _scatter_nd(self, indices, updates, opname, accumulate, sign=1):
        param = self._param
        index = convert_to_tensor(indices)._value.to(device=param.device, dtype=torch.long)
        values = self._convert(updates).to(param.device)
        depth = index.shape[-1]
        expected = tuple(index.shape[:-1]) + tuple(param.shape[depth:])
        if tuple(values.shape) != expected:
            lead = index.ndim - 1
            raise op_error(
                opname,
                "Dimensions [0,%d) of indices[shape=%s] = %s must match dimensions [0,%d) of "
                "updates[shape=%s] = %s"
                % (
                    lead,
                    dims_text(index.shape),
                    _prod(index.shape[:-1]),
                    lead,
                    dims_text(values.shape),
                    _prod(values.shape[:lead]),
                ),
                param,
            )
        limits = torch.tensor(param.shape[:depth], device=param.device)
        bad = ((index < 0) | (index >= limits)).any(-1)
        error = None
        if bool(bad.any()):
            position = int(bad.reshape(-1).nonzero()[0])
            row = index.reshape(-1, depth)[position]
            error = op_error(
                opname,
                "indices[%d] = %s does not index into shape %s"
                % (position, dims_text(row.tolist()), dims_text(param.shape)),
                param,
            )
            # TF's CPU kernel applies every in-range update before it reports the bad index
            index, values = index[~bad], values[~bad]
        if _recording.RECORDING or _recording.EXITED:
            before_write(param)
        with torch.no_grad():
            param.index_put_(
                tuple(index.unbind(-1)),
                values * sign if sign != 1 else values,
                accumulate=accumulate,
            )
        if error is not None:
            raise error
        return self._unread()

    def scatter_nd_update(self, indices, updates, name=None):
        """Sets the elements or slices at ``indices`` (last axis indexes the variable) to
        ``updates``.  An out-of-range index raises TF's ``InvalidArgumentError`` after the
        in-range updates are applied, as TF's CPU kernel does (all ``scatter_nd_*``)."""
        return self._scatter_nd(indices, updates, "ResourceScatterNdUpdate", False)

    def scatter_nd_add(self, indices, updates, name=None):
        """Adds ``updates`` at ``indices`` (repeats accumulate)."""
        return self._scatter_nd(indices, updates, "ResourceScatterNdAdd", True)

    def scatter_nd_sub(self, indices, updates, name=None):
        """Subtracts ``updates`` at ``indices`` (repeats accumulate)."""
        return self._scatter_nd(indices, updates, "ResourceScatterNdSub", True, sign=-1)


def _reduce_rows(reduce):
    def combine(param, index, rows):
        expanded = index.reshape((-1,) + (1,) * (param.ndim - 1)).expand_as(rows)
        param.scatter_reduce_(0, expanded, rows, reduce)

    return combine


def _divide_rows(param, index, rows):
    divisor = torch.ones_like(param)
    _reduce_rows("prod")(divisor, index, rows)
    if param.dtype.is_floating_point or param.dtype.is_complex:
        param.div_(divisor)
    else:
        param.copy_(torch.div(param, divisor, rounding_mode="trunc"))


def _prod(shape):
    count = 1
    for d in shape:
        count *= int(d)
    return count
