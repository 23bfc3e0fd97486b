"""Elementwise ops and Python operators on ``tf.RaggedTensor``, as TF's ragged dispatch.

A unary op maps the flat values.  A binary op needs both operands on the same row
partitions: two RaggedTensors must have equal row splits (TF's ``assert_equal`` error
otherwise); a dense operand (or a Python value, converted with the ragged operand's dtype as
hint) broadcasts against the ragged shape: its size-1 dimensions repeat over ragged rows,
other sizes must equal every row's length.
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework.convert import convert_to_tensor
from ...framework.dispatch import register
from ...framework.errors import InvalidArgumentError
from ...framework.tensor import TensorOperators, wrap
from .. import comparison_ops, elementwise_ops
from ..debugging import assert_equal
from .ragged_gather_ops import gather_rows
from .ragged_tensor import RaggedTensor
from .ragged_util import take

__all__ = ["ragged_unary", "ragged_binary"]


def _operand(value, dtype):
    """A non-ragged operand as a Tensor (Python values take ``dtype`` as a hint)."""
    if isinstance(value, TensorOperators):
        return value
    return convert_to_tensor(value, dtype_hint=dtype)


def _nrows_error():
    """TF's failure of its ``nrows`` equality check when two row counts differ."""
    return InvalidArgumentError(
        None,
        None,
        "Condition x == y did not hold.\nFirst 1 elements of x:\n[False]\n"
        "First 1 elements of y:\n[ True]",
    )


def _check_same_partitions(x, y, message=None):
    """TF's errors unless ragged ``x`` and ``y`` have the same row partitions; with
    ``message``, TF's ``assert_splits_match`` (``assert_equal`` of each pair of splits)."""
    if x.ragged_rank != y.ragged_rank:
        raise ValueError(
            "Ragged ranks differ: %d vs %d (broadcasting between different ragged ranks is "
            "not supported)" % (x.ragged_rank, y.ragged_rank)
        )
    for a, b in zip(x.nested_row_splits, y.nested_row_splits):
        if message is not None:
            assert_equal(a, b, message=message)
            continue
        if a._value.numel() != b._value.numel():
            raise _nrows_error()
        if not torch.equal(a._value.to(torch.int64), b._value.to(torch.int64).to(a._value.device)):
            assert_equal(wrap(a._value.to(torch.int64)), wrap(b._value.to(torch.int64)))


def _broadcast_dense(rt, dense):
    """``dense`` broadcast to the flat values of ``rt`` (TF's ragged broadcasting)."""
    rank_d = dense.shape.rank
    inner_rank = rt.flat_values.shape.rank - 1
    if rank_d <= inner_rank:
        return dense
    rank = rt.shape.rank
    if rank_d > rank:
        raise ValueError(
            "Shapes %s and %s are incompatible: the dense operand has a higher rank"
            % (dense.shape, rt.shape)
        )
    cur = dense._value
    cur = cur.reshape((1,) * (rank - rank_d) + tuple(cur.shape))
    node = rt
    while isinstance(node, RaggedTensor):
        splits = node._row_splits._value.to(torch.int64)
        nrows = splits.numel() - 1
        if cur.shape[0] != nrows:
            if cur.shape[0] != 1:
                raise _nrows_error()
            cur = _repeat_first(cur, nrows)
        width = cur.shape[1]
        if width == 1:
            lengths = splits[1:] - splits[:-1]
            rows = torch.repeat_interleave(torch.arange(nrows, device=splits.device), lengths)
            cur = take(cur[:, 0], rows)
        else:
            uniform = torch.arange(nrows + 1, device=splits.device) * width
            if not torch.equal(uniform, splits):
                assert_equal(wrap(uniform), wrap(splits))
            cur = cur.reshape((nrows * width,) + tuple(cur.shape[2:]))
        node = node._values
    return wrap(cur)


def _repeat_first(storage, count):
    if isinstance(storage, np.ndarray):
        return np.repeat(storage, count, axis=0)
    return storage.expand((count,) + tuple(storage.shape[1:]))


def _broadcast_rows(x, y):
    """Ragged ``x`` and ``y`` where one has a single row and the other more: that row
    repeated (TF's broadcasting of a size-1 outer dimension)."""
    nrows_x, nrows_y = _nrows(x), _nrows(y)
    if nrows_x == nrows_y or 1 not in (nrows_x, nrows_y):
        return x, y
    count = max(nrows_x, nrows_y)
    index = torch.zeros(count, dtype=torch.int64, device=x._row_splits._value.device)
    if nrows_x == 1:
        return gather_rows(x, index), y
    return x, gather_rows(y, index)


def ragged_binary(op, x, y, name=None):
    """``op(x, y)`` where ``x`` and/or ``y`` is a RaggedTensor (see the module docstring)."""
    if isinstance(x, RaggedTensor) and isinstance(y, RaggedTensor):
        if x.ragged_rank != y.ragged_rank or x.shape.rank != y.shape.rank:
            return _broadcast_ragged(op, x, y)
        x, y = _broadcast_rows(x, y)
        _check_same_partitions(x, y)
        return x.with_flat_values(op(x.flat_values, y.flat_values))
    if isinstance(x, RaggedTensor):
        y = _operand(y, x.dtype)
        return x.with_flat_values(op(x.flat_values, _broadcast_dense(x, y)))
    x = _operand(x, y.dtype)
    return y.with_flat_values(op(_broadcast_dense(y, x), y.flat_values))


def _nrows(rt):
    return rt._row_splits._value.numel() - 1


def _expand_outer(rt, count):
    """``rt`` with ``count`` leading dimensions of size 1 (TF's rank broadcasting)."""
    for _ in range(count):
        rt = RaggedTensor.from_uniform_row_length(rt, _nrows(rt), nrows=1, validate=False)
    return rt


def _broadcast_ragged(op, x, y):
    """``op(x, y)`` for RaggedTensors of different ragged ranks (or ranks): the lower-rank
    operand gains leading size-1 dimensions, size-1 row counts repeat, the other
    partitions must be equal, and dense inner values broadcast against ragged ones."""
    rank_x, rank_y = x.shape.rank, y.shape.rank
    expanded_first = rank_x != rank_y
    if rank_x < rank_y:
        x = _expand_outer(x, rank_y - rank_x)
        return _combine(op, x, y, expanded_first=False)
    if rank_y < rank_x:
        y = _expand_outer(y, rank_x - rank_y)
    return _combine(op, x, y, expanded_first)


def _repeat_rows(rt, count):
    """The single row of ``rt`` repeated ``count`` times (a uniform row length stays)."""
    from .ragged_gather_ops import gather_rows

    result = gather_rows(rt, torch.zeros(count, dtype=torch.int64))
    uniform = rt._uniform_row_length
    return RaggedTensor(result._values, result._row_splits, True, uniform_row_length=uniform)


def _unit_rows(rt):
    """True when ``rt``'s rows have the uniform length 1 (a dimension that broadcasts)."""
    uniform = rt._uniform_row_length
    return uniform is not None and int(uniform._value) == 1


def _spread(rt, splits):
    """Uniform-length-1 ``rt`` with each row's single item repeated to the row lengths of
    ``splits`` (int64 torch)."""
    from .ragged_gather_ops import gather_rows

    lengths = splits[1:] - splits[:-1]
    index = torch.repeat_interleave(torch.arange(lengths.numel()), lengths.cpu())
    dtype = rt._row_splits._value.dtype
    return RaggedTensor(gather_rows(rt._values, index), wrap(splits.to(dtype)), internal=True)


def _combine(op, x, y, expanded_first):
    """``op`` over two RaggedTensors level by level (``expanded_first``: TF reports the
    broadcast operand's partition first when the two differ)."""
    nx, ny = _nrows(x), _nrows(y)
    if nx != ny:
        if nx == 1:
            x = _repeat_rows(x, ny)
        elif ny == 1:
            y = _repeat_rows(y, nx)
        else:
            raise _nrows_error()
    a = x._row_splits._value.to(torch.int64)
    b = y._row_splits._value.to(torch.int64).to(a.device)
    if not torch.equal(a, b) and _unit_rows(y) and not _unit_rows(x):
        y = _spread(y, a)
    elif not torch.equal(a, b) and _unit_rows(x) and not _unit_rows(y):
        x = _spread(x, b)
    elif not torch.equal(a, b):
        assert_equal(*((wrap(b), wrap(a)) if expanded_first else (wrap(a), wrap(b))))
    xv, yv = x._values, y._values
    both = isinstance(xv, RaggedTensor) and isinstance(yv, RaggedTensor)
    if both and (xv.ragged_rank != yv.ragged_rank or xv.shape.rank != yv.shape.rank):
        values = _combine(op, xv, yv, expanded_first)
    elif isinstance(xv, RaggedTensor) or isinstance(yv, RaggedTensor):
        values = ragged_binary(op, xv, yv)
    else:
        values = op(xv, yv)
    return RaggedTensor(values, x._row_splits, internal=True)


def ragged_unary(op, x, name=None):
    """``op`` applied to the flat values of RaggedTensor ``x``."""
    return x.with_flat_values(op(x.flat_values))


def _register_unary(op):
    register(op, RaggedTensor)(lambda x, name=None: ragged_unary(op, x))


def _register_binary(op):
    register(op, RaggedTensor)(lambda x, y, name=None: ragged_binary(op, x, y))


for _op in elementwise_ops.UNARY_OPS + [elementwise_ops.abs, comparison_ops.logical_not]:
    _register_unary(_op)
for _op in elementwise_ops.BINARY_OPS + [
    elementwise_ops.add,
    elementwise_ops.truediv,
    elementwise_ops.divide,
    comparison_ops.equal,
    comparison_ops.not_equal,
    comparison_ops.logical_and,
    comparison_ops.logical_or,
    comparison_ops.logical_xor,
]:
    _register_binary(_op)


def _operator(op):
    def method(self, other):
        return ragged_binary(op, self, other)

    return method


def _reflected(op):
    def method(self, other):
        return ragged_binary(op, other, self)

    return method


def _equality(op, incompatible):
    def method(self, other):
        if other is None:
            return incompatible
        try:
            return ragged_binary(op, self, other)
        except (InvalidArgumentError, ValueError):
            return incompatible

    return method


_BINARY_OPERATORS = {
    "add": elementwise_ops.add,
    "sub": elementwise_ops.subtract,
    "mul": elementwise_ops.multiply,
    "truediv": elementwise_ops.truediv,
    "floordiv": elementwise_ops.floordiv,
    "mod": elementwise_ops.floormod,
    "pow": elementwise_ops.pow,
    "and": comparison_ops.logical_and,
    "or": comparison_ops.logical_or,
    "xor": comparison_ops.logical_xor,
}

for _name, _op in _BINARY_OPERATORS.items():
    setattr(RaggedTensor, "__%s__" % _name, _operator(_op))
    setattr(RaggedTensor, "__r%s__" % _name, _reflected(_op))
for _name, _op in (
    ("lt", comparison_ops.less),
    ("le", comparison_ops.less_equal),
    ("gt", comparison_ops.greater),
    ("ge", comparison_ops.greater_equal),
):
    setattr(RaggedTensor, "__%s__" % _name, _operator(_op))
RaggedTensor.__eq__ = _equality(comparison_ops.equal, False)
RaggedTensor.__ne__ = _equality(comparison_ops.not_equal, True)
RaggedTensor.__neg__ = lambda self: ragged_unary(elementwise_ops.negative, self)
RaggedTensor.__abs__ = lambda self: ragged_unary(elementwise_ops.abs, self)
RaggedTensor.__invert__ = lambda self: ragged_unary(comparison_ops.logical_not, self)
RaggedTensor.__pos__ = lambda self: self
