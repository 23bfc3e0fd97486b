"""``tf.RaggedTensor``: a tensor with rows of different lengths, stored as TF stores it.

A RaggedTensor is ``values`` (a Tensor, or a RaggedTensor for more ragged dimensions)
partitioned into rows by ``row_splits`` (an int64 or int32 vector: row ``i`` is
``values[row_splits[i]:row_splits[i + 1]]``).  Printing, ``numpy()``, ``to_list()``,
static shapes (``None`` for ragged dimensions) and the validation errors are TF's.
"""

from __future__ import annotations

import numpy as np
import torch

from ...api_export import tf_export
from ...framework import dtypes
from ...framework.composite_tensor import CompositeTensor
from ...framework.convert import convert_to_tensor
from ...framework.errors import InvalidArgumentError
from ...framework.op_errors import op_error
from ...framework.shape import TensorShape
from ...framework.tensor import TensorOperators

__all__ = ["RaggedTensor", "convert_values", "is_ragged"]


def is_ragged(value):
    """True for a ``tf.RaggedTensor``."""
    return isinstance(value, RaggedTensor)


def convert_values(values):
    """``values`` as a Tensor, or as it is when already a RaggedTensor."""
    if isinstance(values, RaggedTensor):
        return values
    return convert_to_tensor(values)


def _row_splits_tensor(row_splits):
    """``row_splits`` as an int64 (or given int32) vector Tensor, with TF's errors."""
    if isinstance(row_splits, TensorOperators):
        splits = row_splits
    else:
        splits = convert_to_tensor(row_splits, dtype_hint=dtypes.int64)
    if splits.dtype not in (dtypes.int32, dtypes.int64):
        raise ValueError("row_splits must have dtype int32 or int64")
    splits.shape.with_rank(1)
    if splits.shape[0] == 0:
        raise ValueError("row_splits tensor may not be empty.")
    return splits


def _condition_error(message, x, y):
    """TF's ``assert_equal`` failure text for scalars ``x`` and ``y``."""
    return InvalidArgumentError(
        None,
        None,
        "%s\nCondition x == y did not hold.\nFirst 1 elements of x:\n[%d]\n"
        "First 1 elements of y:\n[%d]" % (message, x, y),
    )


def _validate_splits(splits, nvals, origin):
    """TF's checks of ``from_row_splits``: starts at zero, non-decreasing, ends at ``nvals``."""
    host = splits._value.detach().cpu().numpy()
    if host[0] != 0:
        raise _condition_error(
            "Arguments to %s do not form a valid RaggedTensor:zero" % origin, host[0], 0
        )
    steps = np.diff(host)
    if (steps < 0).any():
        raise InvalidArgumentError(
            None,
            None,
            "Arguments to %s do not form a valid RaggedTensor:monotonic.  \n"
            "Condition x >= 0 did not hold element-wise:\nx (shape=(%d,) dtype=%s) = \n%s"
            % (origin, steps.size, splits.dtype.name, [str(v) for v in steps]),
        )
    if host[-1] != nvals:
        raise _condition_error(
            "Arguments to _from_row_partition do not form a valid RaggedTensor", host[-1], nvals
        )


def _formatter(x):
    """TF's element text in a RaggedTensor's repr: comma-separated NumPy text."""
    if isinstance(x, np.ndarray):
        if x.size != 0:
            return np.array2string(x, separator=", ")
        return repr(x.tolist())
    return str(x)


@tf_export("RaggedTensor")
class RaggedTensor(CompositeTensor):
    """``tf.RaggedTensor``: ``values`` split into rows by ``row_splits``.

    Build one with ``tf.ragged.constant`` or the ``from_*`` factory class methods, not with
    the constructor (TF's constructor is private too).
    """

    __slots__ = ("_values", "_row_splits")

    def __init__(self, values, row_splits, internal=False):
        if not internal:
            raise ValueError(
                "RaggedTensor constructor is private; please use one of the factory methods "
                "instead (e.g., RaggedTensor.from_row_lengths())"
            )
        self._values = values
        self._row_splits = row_splits

    @classmethod
    def from_row_splits(cls, values, row_splits, name=None, validate=True):
        """``tf.RaggedTensor.from_row_splits``: row ``i`` is
        ``values[row_splits[i]:row_splits[i + 1]]``."""
        values = convert_values(values)
        splits = _row_splits_tensor(row_splits)
        if values.shape.rank == 0:
            raise op_error(
                "StridedSlice",
                "slice index 0 of dimension 0 out of bounds.",
                values._value,
                name="strided_slice/",
            )
        if validate:
            _validate_splits(splits, _nrows_of(values), "from_row_splits")
        return cls(values, splits, internal=True)

    @property
    def values(self):
        """The concatenated rows (a Tensor, or a RaggedTensor when ``ragged_rank > 1``)."""
        return self._values

    @property
    def row_splits(self):
        """The int vector of row boundaries into ``values`` (``nrows + 1`` entries)."""
        return self._row_splits

    @property
    def flat_values(self):
        """The innermost dense values Tensor."""
        values = self._values
        while isinstance(values, RaggedTensor):
            values = values._values
        return values

    @property
    def nested_row_splits(self):
        """The ``row_splits`` of this tensor and of each nested ragged ``values``, outermost
        first."""
        splits = []
        rt = self
        while isinstance(rt, RaggedTensor):
            splits.append(rt._row_splits)
            rt = rt._values
        return tuple(splits)

    @property
    def ragged_rank(self):
        """The number of partitioned (ragged) dimensions."""
        values = self._values
        return values.ragged_rank + 1 if isinstance(values, RaggedTensor) else 1

    @property
    def dtype(self):
        """The dtype of the values."""
        return self._values.dtype

    @property
    def row_splits_dtype(self):
        """The dtype of the row partitions (int64 or int32)."""
        return self._row_splits.dtype

    @property
    def shape(self):
        """The static shape: ``nrows``, ``None`` for each ragged dimension, then the inner
        dimensions of the flat values."""
        nrows = self._row_splits.shape[0] - 1
        return TensorShape([nrows, None] + self._values.shape.as_list()[1:])

    def get_shape(self):
        """The static shape (TF's older spelling of ``shape``)."""
        return self.shape

    def with_values(self, new_values):
        """A RaggedTensor with the same outer row partition and ``new_values``."""
        new_values = convert_values(new_values)
        return RaggedTensor(new_values, self._row_splits, internal=True)

    def with_flat_values(self, new_values):
        """A RaggedTensor with the same row partitions and ``new_values`` as flat values."""
        if isinstance(self._values, RaggedTensor):
            return self.with_values(self._values.with_flat_values(new_values))
        return self.with_values(new_values)

    def to_list(self):
        """The nested Python list of the values (``bytes`` for strings), as TF's ``to_list``."""
        values = self._values
        items = values.to_list() if isinstance(values, RaggedTensor) else values.numpy().tolist()
        splits = self._row_splits._value.tolist()
        return [items[start:stop] for start, stop in zip(splits[:-1], splits[1:])]

    def numpy(self):
        """TF's NumPy value: one array when all rows have the same length, else a 1-D object
        array of the rows."""
        values = self._values.numpy()
        splits = self._row_splits.numpy()
        rows = [values[splits[i] : splits[i + 1]] for i in range(len(splits) - 1)]
        if not rows:
            return np.zeros((0, 0) + values.shape[1:], dtype=values.dtype)
        ragged_rows = any(len(row) != len(rows[0]) for row in rows)
        return np.array(rows, dtype=object if ragged_rows else None)

    def __repr__(self):
        with np.printoptions(formatter={"all": _formatter}):
            value_text = _formatter(self.numpy())
        return "<tf.RaggedTensor %s>" % value_text

    __str__ = __repr__

    def __bool__(self):
        raise TypeError("RaggedTensor may not be used as a boolean.")


def _nrows_of(values):
    """The number of rows of ``values`` (a Tensor or RaggedTensor)."""
    if isinstance(values, RaggedTensor):
        return values._row_splits.shape[0] - 1
    return (
        int(values._value.shape[0])
        if isinstance(values._value, torch.Tensor)
        else len(values._value)
    )
