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
from ...framework.tensor import TensorOperators, wrap
from .row_partition import (
    check_nonnegative,
    int_vector,
    lengths_from_splits,
    rowids_from_splits,
    splits_from_lengths,
    splits_from_rowids,
    starts_diff,
    summarized,
)

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


def _condition_error(message, x, y, relation="=="):
    """TF's ``assert_equal`` (or ``assert_less_equal``, ``relation="<="``) failure text for
    scalars ``x`` and ``y``."""
    return InvalidArgumentError(
        None,
        None,
        "%s\nCondition x %s y did not hold.\nFirst 1 elements of x:\n[%d]\n"
        "First 1 elements of y:\n[%d]" % (message, relation, x, y),
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
            % (origin, steps.size, splits.dtype.name, summarized(steps.tolist())),
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

    __slots__ = ("_values", "_row_splits", "_uniform_row_length")
    _reflects_operators = True
    # TF asks ``len()`` of a RaggedTensor while packing it into a dense Tensor.
    _CONVERSION_TEXT = "TypeError: object of type 'RaggedTensor' has no len()\n"

    def __init__(self, values, row_splits, internal=False, uniform_row_length=None):
        if not internal:
            raise ValueError(
                "RaggedTensor constructor is private; please use one of the factory methods "
                "instead (e.g., RaggedTensor.from_row_lengths())"
            )
        self._values = values
        self._row_splits = row_splits
        self._uniform_row_length = uniform_row_length

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

    @classmethod
    def from_row_lengths(cls, values, row_lengths, name=None, validate=True):
        """``tf.RaggedTensor.from_row_lengths``: row ``i`` has ``row_lengths[i]`` values."""
        values = convert_values(values)
        lengths = int_vector(row_lengths, "row_lengths")
        if validate:
            check_nonnegative(lengths, "from_row_lengths")
        return cls.from_row_splits(values, splits_from_lengths(lengths), validate=validate)

    @classmethod
    def from_value_rowids(cls, values, value_rowids, nrows=None, name=None, validate=True):
        """``tf.RaggedTensor.from_value_rowids``: ``values[j]`` goes to row ``value_rowids[j]``
        (sorted); ``nrows`` defaults to ``value_rowids[-1] + 1``."""
        values = convert_values(values)
        rowids = int_vector(value_rowids, "value_rowids")
        host = rowids._value.detach().cpu().numpy()
        if _nrows_of(values) != host.size:
            raise ValueError(
                "Shapes (%d,) and (%d,) are incompatible" % (_nrows_of(values), host.size)
            )
        last = int(host[-1]) if host.size else -1
        if nrows is None:
            nrows = last + 1
        else:
            nrows = int(nrows)
            if nrows < 0:
                raise ValueError("Expected nrows >= 0; got %d" % nrows)
            if nrows < last + 1:
                raise ValueError(
                    "Expected nrows >= value_rowids[-1] + 1; got nrows=%d, value_rowids[-1]=%d"
                    % (nrows, last)
                )
        if validate:
            check_nonnegative(host[:1], "from_value_rowids")
            check_nonnegative(np.diff(host), "from_value_rowids")
        splits = splits_from_rowids(rowids, nrows)
        return cls.from_row_splits(values, splits, validate=validate)

    @classmethod
    def from_row_starts(cls, values, row_starts, name=None, validate=True):
        """``tf.RaggedTensor.from_row_starts``: row ``i`` starts at ``row_starts[i]``."""
        values = convert_values(values)
        starts = int_vector(row_starts, "row_starts")
        a = starts._value
        end = torch.tensor([_nrows_of(values)], dtype=a.dtype, device=a.device)
        if validate and a.numel():
            message = "Arguments to from_row_starts do not form a valid RaggedTensor"
            if int(a[0]) != 0:
                raise _condition_error(message, int(a[0]), 0)
            check_nonnegative(starts_diff(starts), "from_row_starts", "RaggedTensor")
            if int(a[-1]) > int(end[0]):
                raise _condition_error(message, int(a[-1]), int(end[0]), "<=")
        return cls.from_row_splits(values, wrap(torch.cat([a, end])), validate=validate)

    @classmethod
    def from_row_limits(cls, values, row_limits, name=None, validate=True):
        """``tf.RaggedTensor.from_row_limits``: row ``i`` ends at ``row_limits[i]``."""
        values = convert_values(values)
        limits = int_vector(row_limits, "row_limits")
        a = limits._value
        if validate and a.numel():
            check_nonnegative(wrap(a[:1]), "from_row_limits", "RaggedTensor")
            check_nonnegative(starts_diff(limits), "from_row_limits", "RaggedTensor")
        zero = torch.zeros(1, dtype=a.dtype, device=a.device)
        return cls.from_row_splits(values, wrap(torch.cat([zero, a])), validate=validate)

    @classmethod
    def from_uniform_row_length(
        cls, values, uniform_row_length, nrows=None, validate=True, name=None
    ):
        """``tf.RaggedTensor.from_uniform_row_length``: rows of ``uniform_row_length`` values
        each; the dimension is uniform, so it is known in ``.shape``."""
        values = convert_values(values)
        if isinstance(uniform_row_length, TensorOperators):
            splits_dtype = uniform_row_length.dtype
        else:
            splits_dtype = dtypes.int64
        length = int(uniform_row_length)
        if length < 0:
            raise ValueError("uniform_row_length must be >= 0.")
        nvals = _nrows_of(values)
        if nrows is None:
            nrows = nvals // length if length else 0
        nrows = int(nrows)
        if validate and length * nrows != nvals:
            raise ValueError(
                "uniform_row_length=%d times nrows=%d must equal nvals=%d" % (length, nrows, nvals)
            )
        torch_dtype = splits_dtype.torch_dtype
        splits = torch.arange(nrows + 1, dtype=torch_dtype, device=_device_of(values)) * length
        uniform = wrap(torch.tensor(length, dtype=torch_dtype, device=splits.device))
        return cls(values, wrap(splits), internal=True, uniform_row_length=uniform)

    @classmethod
    def from_nested_row_splits(cls, flat_values, nested_row_splits, name=None, validate=True):
        """``tf.RaggedTensor.from_nested_row_splits``: ``flat_values`` partitioned by each
        splits vector of the list, innermost last."""
        result = convert_values(flat_values)
        for splits in reversed(_partition_list(nested_row_splits, "nested_row_splits")):
            result = cls.from_row_splits(result, splits, validate=validate)
        return result

    @classmethod
    def from_nested_row_lengths(cls, flat_values, nested_row_lengths, name=None, validate=True):
        """``tf.RaggedTensor.from_nested_row_lengths``: nested ``from_row_lengths``."""
        result = convert_values(flat_values)
        for lengths in reversed(_partition_list(nested_row_lengths, "nested_row_lengths")):
            result = cls.from_row_lengths(result, lengths, validate=validate)
        return result

    @classmethod
    def from_nested_value_rowids(
        cls, flat_values, nested_value_rowids, nested_nrows=None, name=None, validate=True
    ):
        """``tf.RaggedTensor.from_nested_value_rowids``: nested ``from_value_rowids``."""
        rowids_list = _partition_list(nested_value_rowids, "nested_value_rowids")
        if nested_nrows is None:
            nested_nrows = [None] * len(rowids_list)
        elif len(nested_nrows) != len(rowids_list):
            raise ValueError(
                "Argument `nested_nrows` must have the same length as argument "
                "`nested_value_rowids`. len(nested_nrows) = %d vs. len(nested_values_rowids) "
                "= %d." % (len(nested_nrows), len(rowids_list))
            )
        result = convert_values(flat_values)
        for rowids, nrows in reversed(list(zip(rowids_list, nested_nrows))):
            result = cls.from_value_rowids(result, rowids, nrows, validate=validate)
        return result

    @classmethod
    def from_tensor(
        cls,
        tensor,
        lengths=None,
        padding=None,
        ragged_rank=1,
        name=None,
        row_splits_dtype=dtypes.int64,
    ):
        """``tf.RaggedTensor.from_tensor``: a dense tensor as a RaggedTensor, its rows cut at
        ``lengths`` or before trailing ``padding``; ``ragged_rank`` outer dimensions."""
        from .ragged_conversion_ops import from_tensor

        return from_tensor(tensor, lengths, padding, ragged_rank, row_splits_dtype)

    @classmethod
    def from_sparse(cls, st_input, name=None, row_splits_dtype=dtypes.int64):
        """``tf.RaggedTensor.from_sparse``: a right-ragged 2-D SparseTensor as rows."""
        from .ragged_conversion_ops import from_sparse

        return from_sparse(st_input, row_splits_dtype)

    def to_tensor(self, default_value=None, name=None, shape=None):
        """``RaggedTensor.to_tensor``: the dense tensor, rows padded with ``default_value``
        (zero / empty string) to the bounding shape, or cut/padded to ``shape``."""
        from .ragged_conversion_ops import to_tensor

        return to_tensor(self, default_value, shape)

    def to_sparse(self, name=None):
        """``RaggedTensor.to_sparse``: the SparseTensor of all values, dense shape the
        bounding shape."""
        from .ragged_conversion_ops import to_sparse

        return to_sparse(self)

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
        uniform = self._uniform_row_length
        inner = None if uniform is None else int(uniform._value)
        return TensorShape([nrows, inner] + self._values.shape.as_list()[1:])

    def get_shape(self):
        """The static shape (TF's older spelling of ``shape``)."""
        return self.shape

    def with_values(self, new_values):
        """A RaggedTensor with the same outer row partition and ``new_values``."""
        new_values = convert_values(new_values)
        nvals = _nrows_of(self._values)  # static: the current values fill the partition
        if _nrows_of(new_values) != nvals:
            raise ValueError(
                "Shapes (%d,) and (%d,) are incompatible" % (nvals, _nrows_of(new_values))
            )
        return RaggedTensor(
            new_values, self._row_splits, internal=True, uniform_row_length=self._uniform_row_length
        )

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

    @property
    def uniform_row_length(self):
        """The length of every row when the dimension was built uniform, else None."""
        return self._uniform_row_length

    def with_row_splits_dtype(self, dtype):
        """This RaggedTensor with every row partition cast to ``dtype`` (int32 or int64)."""
        dtype = dtypes.as_dtype(dtype)
        if dtype not in (dtypes.int32, dtypes.int64):
            raise ValueError(
                "Argument `row_splits` dtype must be int32 or int64. Received %r." % (dtype,)
            )
        if dtype is self._row_splits.dtype:
            return self
        values = self._values
        if isinstance(values, RaggedTensor):
            values = values.with_row_splits_dtype(dtype)
        uniform = self._uniform_row_length
        if uniform is not None:
            uniform = wrap(uniform._value.to(dtype.torch_dtype))
        splits = wrap(self._row_splits._value.to(dtype.torch_dtype))
        return RaggedTensor(values, splits, internal=True, uniform_row_length=uniform)

    def nrows(self, out_type=None, name=None):
        """The number of rows (a scalar of the row splits' dtype, or ``out_type``)."""
        dtype = self._row_splits.dtype if out_type is None else dtypes.as_dtype(out_type)
        a = self._row_splits._value
        return wrap(torch.tensor(a.numel() - 1, dtype=dtype.torch_dtype, device=a.device))

    def row_starts(self, name=None):
        """The start index of each row in ``values`` (``row_splits[:-1]``)."""
        return wrap(self._row_splits._value[:-1])

    def row_limits(self, name=None):
        """The end index of each row in ``values`` (``row_splits[1:]``)."""
        return wrap(self._row_splits._value[1:])

    def value_rowids(self, name=None):
        """The row of each value in ``values``."""
        return rowids_from_splits(self._row_splits)

    def nested_value_rowids(self, name=None):
        """``value_rowids`` of this tensor and of each nested ragged ``values``."""
        return tuple(rowids_from_splits(s) for s in self.nested_row_splits)

    def nested_row_lengths(self, name=None):
        """The row lengths of this tensor and of each nested ragged ``values``."""
        return tuple(lengths_from_splits(s) for s in self.nested_row_splits)

    def row_lengths(self, axis=1, name=None):
        """The lengths of the rows of dimension ``axis`` (a scalar for axis 0, a Tensor for
        axis 1, a RaggedTensor below)."""
        axis = _normalize_axis(axis, self.shape.rank)
        if axis == 0:
            return self.nrows()
        if axis == 1:
            return lengths_from_splits(self._row_splits)
        values = self._values
        if isinstance(values, RaggedTensor):
            return self.with_values(values.row_lengths(axis - 1))
        size = values._value.shape[axis - 1]
        a = self._row_splits._value
        filled = torch.full(values._value.shape[: axis - 1], size, dtype=a.dtype, device=a.device)
        return self.with_values(wrap(filled))

    def bounding_shape(self, axis=None, name=None, out_type=None):
        """The smallest dense shape holding every row: ``[nrows, longest row, ...]``."""
        dtype = self._row_splits.dtype if out_type is None else dtypes.as_dtype(out_type)
        dims = [self._row_splits._value.numel() - 1]
        for splits in self.nested_row_splits:
            lengths = splits._value[1:] - splits._value[:-1]
            dims.append(int(lengths.max()) if lengths.numel() else 0)
        dims.extend(self.flat_values._value.shape[1:])
        shape = torch.tensor(dims, dtype=dtype.torch_dtype, device=self._row_splits._value.device)
        if axis is None:
            return wrap(shape)
        picked = _int_or_list(axis)
        for index in picked if isinstance(picked, list) else [picked]:
            if not 0 <= index < len(dims):  # TF gathers from the shape vector
                raise op_error(
                    "GatherV2", "indices = %d is not in [0, %d)" % (index, len(dims)), shape
                )
        return wrap(shape[picked])

    def merge_dims(self, outer_axis, inner_axis):
        """``RaggedTensor.merge_dims``: dimensions ``outer_axis..inner_axis`` merged into one
        (a dense Tensor when every ragged dimension is merged away)."""
        rank = self.shape.rank
        outer = _normalize_axis(outer_axis, rank, "outer_axis")
        inner = _normalize_axis(inner_axis, rank, "inner_axis")
        if outer > inner:
            raise ValueError(
                "Expected outer_axis (%d) to be less than or equal to inner_axis (%d)."
                % (outer_axis, inner_axis)
            )
        if outer == inner:
            return self
        if outer == 0:
            return _flatten_leading(self._values, inner - 1)
        if outer > 1:
            return self.with_values(_merge_values(self._values, outer - 1, inner - 1))
        return _merge_rows(self, inner - 1)

    def __iter__(self):
        """Eager iteration over the rows (``rt[0]``, ``rt[1]``, ...), as TF allows."""
        for i in range(self._row_splits._value.numel() - 1):
            yield self[i]

    def __hash__(self):
        raise TypeError("RaggedTensor is unhashable.")

    def __getitem__(self, key):
        """``rt[key]``: TF's ragged indexing (integers and slices on the outer dimension,
        slices only on ragged inner dimensions)."""
        from .ragged_getitem import ragged_getitem

        return ragged_getitem(self, key)

    def _components(self):
        """TF's component tensors (``tf.nest`` with ``expand_composites``): the flat values,
        then the row splits, outermost first."""
        return [self.flat_values] + list(self.nested_row_splits)

    def _from_components(self, components):
        """A RaggedTensor of this structure over ``components`` (unvalidated, as TF)."""
        result = components[0]
        for splits in reversed(components[1:]):
            result = RaggedTensor(result, splits, internal=True)
        return result

    def consumers(self):
        """TF's graph consumers; eager tensors have none."""
        return []

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


def _device_of(values):
    flat = values.flat_values if isinstance(values, RaggedTensor) else values
    storage = flat._value
    return storage.device if isinstance(storage, torch.Tensor) else None


def _partition_list(value, name):
    """A list of partition vectors; TF's ``TypeError`` for a single Tensor."""
    if isinstance(value, TensorOperators):
        raise TypeError(
            "Argument `%s` must be a list of Tensors. Received %s." % (name, value.numpy())
        )
    return list(value)


def _int_or_list(axis):
    if isinstance(axis, (list, tuple)):
        return list(axis)
    return int(axis)


def _normalize_axis(axis, rank, name="axis"):
    """``axis`` in ``[0, rank)``, TF's ``ValueError`` when out of bounds."""
    axis = int(axis)
    if not -rank <= axis < rank:
        raise ValueError(
            "%s=%d out of bounds: expected %d<=%s<%d" % (name, axis, -rank, name, rank)
        )
    return axis + rank if axis < 0 else axis


def _flatten_leading(values, last):
    """``values`` with its dimensions ``0..last`` merged into one."""
    if last == 0:
        return values
    if isinstance(values, RaggedTensor):
        return _flatten_leading(values._values, last - 1)
    a = values._value
    return wrap(a.reshape((-1,) + tuple(a.shape[last + 1 :])))


def _merge_values(values, outer, inner):
    if isinstance(values, RaggedTensor):
        return values.merge_dims(outer, inner)
    a = values._value
    shape = tuple(a.shape)
    return wrap(a.reshape(shape[:outer] + (-1,) + shape[inner + 1 :]))


def _merge_rows(rt, last):
    """``rt`` with its ragged dimension 1 merged with dimensions ``2..last + 1``: the row
    boundaries are mapped through the merged partitions of ``values``."""
    a = rt._row_splits._value
    values = rt._values
    splits = a
    for _ in range(last):
        if isinstance(values, RaggedTensor):
            splits = values._row_splits._value.to(a.dtype)[splits]
            values = values._values
        else:
            size = values._value.shape[1]
            splits = splits * size
            shape = tuple(values._value.shape)
            values = wrap(values._value.reshape((-1,) + shape[2:]))
    return RaggedTensor(values, wrap(splits), internal=True)
