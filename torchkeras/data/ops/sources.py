"""Datasets made from data: ``from_tensor_slices``, ``from_tensors``, ``range``,
``from_generator``, ``zip`` and the in-memory ``_VariantDataset`` (``window``'s elements)."""

from __future__ import annotations

import traceback

import numpy as np
import torch

from ...framework import dtypes
from ...framework import tree as _tree
from ...framework.convert import convert_to_tensor
from ...framework.device import device as _device_scope
from ...framework.errors import (
    InternalError,
    InvalidArgumentError,
    OpError,
    ResourceExhaustedError,
    UnimplementedError,
    UnknownError,
)
from ...framework.sparse_tensor import SparseTensor
from ...framework.tensor import TensorOperators
from ...ops.tensor_spec import TensorSpec
from .. import structure
from ..dataset_ops import Dataset
from . import _common as c
from . import sparse_elements


# Rows cut from the source tensors at a time (one ``unbind`` per component).
_UNBIND_ROWS = 1024


class _TensorSliceDataset(Dataset):
    _type_name = "_TensorSliceDataset"

    def __init__(self, tensors):
        self._data = c.on_cpu(tensors)
        leaves = structure.flatten(self._data)
        for leaf in leaves:
            if len(leaf.shape) == 0:
                raise ValueError("Unbatching a tensor is only supported for rank >= 1")
            if isinstance(leaf, SparseTensor):
                sparse_elements.check_sliceable(leaf)
        sizes = [c.rows(leaf) for leaf in leaves]
        for size in sizes[1:]:
            if size != sizes[0]:
                raise ValueError("Dimensions %d and %d are not compatible" % (sizes[0], size))
        self._size = sizes[0]

    def _iterate(self):
        data = self._data
        leaves = structure.flatten(data)
        if any(not isinstance(leaf, torch.Tensor) for leaf in leaves):
            for index in range(self._size):
                yield structure.map_structure(lambda s: c.row(s, index), data)  # noqa: B023
            return
        single, flat = leaves[0] is data, type(data) is tuple
        for start in range(0, self._size, _UNBIND_ROWS):
            columns = [leaf[start : start + _UNBIND_ROWS].unbind(0) for leaf in leaves]
            if single:
                yield from columns[0]
            elif flat:
                yield from zip(*columns)
            else:
                for row in zip(*columns):
                    yield structure.pack_as(data, row)

    def _slices(self, batch_size, drop_remainder, order=None):
        """Batches cut straight from the source tensors (``order``: a permutation)."""
        data = self._data
        stop = self._size - self._size % batch_size if drop_remainder else self._size
        if order is None:
            for start in range(0, stop, batch_size):
                yield structure.map_structure(
                    lambda s: _rows_of(s, start, min(start + batch_size, self._size)),  # noqa: B023
                    data,
                )
            return
        for start in range(0, stop, batch_size):
            rows = order[start : start + batch_size]
            numpy_rows = rows.numpy()
            yield structure.map_structure(lambda s: _picked(s, rows, numpy_rows), data)  # noqa: B023

    def _cardinality(self):
        return self._size

    def _spec(self):
        return structure.map_structure(lambda s: c.spec_of(s, batched=True), self._data)


def _rows_of(storage, start, stop):
    if isinstance(storage, SparseTensor):
        return sparse_elements.take_rows(storage, list(range(start, stop)))
    return storage[start:stop]


def _picked(storage, rows, numpy_rows):
    if isinstance(storage, np.ndarray):
        return storage[numpy_rows]
    if isinstance(storage, SparseTensor):
        return sparse_elements.take_rows(storage, numpy_rows.tolist())
    return storage.index_select(0, rows)


class _TensorDataset(Dataset):
    _type_name = "_TensorDataset"

    def __init__(self, tensors):
        self._data = c.on_cpu(tensors)

    def _iterate(self):
        yield self._data

    def _cardinality(self):
        return 1

    def _spec(self):
        return structure.map_structure(c.spec_of, self._data)


class _VariantDataset(Dataset):
    """A finite dataset of elements already in memory (``window``'s and
    ``group_by_window``'s inner datasets)."""

    _type_name = "_VariantDataset"

    def __init__(self, elements, spec):
        self._elements = elements
        self._element_spec = spec

    def _iterate(self):
        return iter(self._elements)

    def _cardinality(self):
        return len(self._elements)

    def _spec(self):
        return self._element_spec


class _RangeDataset(Dataset):
    _type_name = "_RangeDataset"

    def __init__(self, *args, output_type=dtypes.int64, name=None):
        if not 1 <= len(args) <= 3:
            raise ValueError("Invalid arguments to RangeDataset: %r" % (args,))
        names = ("stop",) if len(args) == 1 else ("start", "stop", "step")
        values = [c.scalar_arg(a, "int64", n) for a, n in zip(args, names)]
        start, stop, step = (0, values[0], 1) if len(values) == 1 else (values + [1])[:3]
        if step == 0:
            raise c.dataset_op_error("RangeDataset", "step must be a non-zero integer.")
        self._range = range(start, stop, step)
        self._dtype = dtypes.as_dtype(output_type)

    def _iterate(self):
        if self._dtype.name in ("string", "bool"):
            raise c.iterator_error(
                InvalidArgumentError, self._spec(), "Unsupported data type: %s" % self._dtype.name
            )
        torch_dtype = self._dtype.torch_dtype
        for value in self._range:
            yield torch.tensor(value, dtype=torch_dtype)

    def _cardinality(self):
        return len(self._range)

    def _spec(self):
        return (), self._dtype


def _signature_from_types(output_types, output_shapes):
    def leaf(dtype, shape):
        return (None if shape is None else tuple(shape)), dtypes.as_dtype(dtype)

    if output_shapes is None:
        return _tree.lists_to_tuples(
            _tree.map_structure(lambda t: leaf(t, None), output_types), _tree.NEST
        )
    return _tree.lists_to_tuples(
        _tree.map_structure_up_to(output_types, leaf, output_types, output_shapes), _tree.NEST
    )


class _GeneratorDataset(Dataset):
    _type_name = "_FlatMapDataset"

    def __init__(self, generator, output_types, output_shapes, args, output_signature):
        self._from_types = output_signature is None
        if output_signature is not None:
            if output_types is not None or output_shapes is not None:
                raise TypeError(
                    "The `output_types` argument can not be used together with the "
                    "`output_signature` argument."
                )
            for leaf in _tree.flatten(output_signature, _tree.NEST):
                if not hasattr(leaf, "is_compatible_with"):
                    raise TypeError(
                        "`output_signature` must contain objects that are subclass of "
                        "`tf.TypeSpec` but found %s which is not." % type(leaf)
                    )
            self._signature = c.internal_spec(output_signature)
        elif output_types is not None:
            self._signature = _signature_from_types(output_types, output_shapes)
        else:
            raise TypeError(
                "To specify the output signature you need to provide either the "
                "`output_signature` argument or the `output_types` argument."
            )
        if not callable(generator):
            raise TypeError("`generator` must be a Python callable.")
        self._generator = generator
        self._args = tuple(np.asarray(convert_to_tensor(a)) for a in (args or ()))

    def _convert(self, value, spec):
        """One yielded component as storage, converted as TF's ``generator_py_func`` does
        (``np.asarray(value, dtype)``, so a float yielded for an int spec truncates).  A
        non-string item for a string spec fails there with ``output_types``, and in TF's
        ``PyFunc`` kernel (its ``InternalError``) with ``output_signature``."""
        shape, dtype = spec
        if isinstance(value, TensorOperators):
            value = value.numpy()
        try:
            array = np.asarray(
                value, dtype=object if dtype is dtypes.string else dtype.as_numpy_dtype
            )
            if dtype is dtypes.string:
                self._check_strings(array)
        except (TypeError, ValueError):
            raise _ConversionError(
                "`generator` yielded an element that could not be converted to the expected "
                "type. The expected type was %s, but the yielded element was %s."
                % (dtype.name, value)
            ) from None
        if not c.shape_compatible(shape, tuple(array.shape)):
            raise TypeError(
                "`generator` yielded an element of shape %s where an element of shape %s was "
                "expected." % (tuple(array.shape), _shape_text(shape))
            )
        if dtype is dtypes.string:
            return np.vectorize(_as_bytes, otypes=[object])(array) if array.size else array
        with _device_scope("/CPU:0"):
            return convert_to_tensor(array, dtype=dtype)._value

    def _check_strings(self, array):
        for item in array.reshape(-1):
            if not isinstance(item, (str, bytes)):
                if self._from_types:
                    raise TypeError("not a string")
                raise c.iterator_error(
                    InternalError,
                    self._signature,
                    "Unsupported object type %s\n\t [[{{node PyFunc}}]]" % type(item).__name__,
                )

    def _element(self, value):
        """One yielded value as an element (storage of the signature's structure)."""
        signature = self._signature
        if c.is_spec_leaf(signature):
            try:
                return self._convert(value, signature)
            except _ConversionError:
                if not self._from_types:
                    raise
                raise TypeError(
                    "`generator` yielded an element that did not match the expected "
                    "structure. The expected structure was %r, but the yielded element was "
                    "%s." % (TensorSpec(signature[0], signature[1]), value)
                ) from None
        value = c.element_structure(value)
        try:
            _map_signature(lambda v, spec: v, value, signature)
        except (KeyError, TypeError, ValueError):
            raise TypeError(
                "`generator` yielded an element that did not match the expected structure. "
                "The expected structure was %s, but the yielded element was %s."
                % (_types_text(signature), value)
            ) from None
        return _map_signature(self._convert, value, signature)

    def _py_func_error(self, error):
        """A Python error of the generator or of a conversion as TF's ``py_func`` reports it:
        an ``InvalidArgumentError`` (for most classes) naming the Python error."""
        return c.iterator_error(
            _py_func_error_class(error),
            self._signature,
            "%s: %s\nTraceback (most recent call last):\n%s"
            % (
                "TypeError" if isinstance(error, _ConversionError) else type(error).__name__,
                error,
                "".join(traceback.format_tb(error.__traceback__)),
            ),
        )

    def _iterate(self):
        return _GeneratorIterator(self)

    def _spec(self):
        return self._signature


class _GeneratorIterator:
    """An iteration of ``from_generator``: calls the generator on the first ``next`` and
    converts each value it yields.  An element that fails (a value that does not convert, or
    the generator raising) raises TF's ``py_func`` error for that element only: the next
    ``next`` resumes the generator, as TF's iterator goes on after an error (a generator that
    raised has ended; one that could not be created gives the end)."""

    __slots__ = ("_dataset", "_values")

    def __init__(self, dataset):
        self._dataset = dataset
        self._values = None

    def __iter__(self):
        return self

    def __next__(self):
        dataset = self._dataset
        try:
            if self._values is None:
                self._values = iter(())
                self._values = iter(dataset._generator(*dataset._args))
            return dataset._element(next(self._values))
        except (StopIteration, OpError):
            raise
        except Exception as error:  # noqa: BLE001 - every Python error is wrapped, as TF's
            raise dataset._py_func_error(error) from None


class _ConversionError(TypeError):
    """A yielded component that does not convert to its spec's dtype."""


def _py_func_error_class(error):
    """The class TF's ``py_func`` kernel reports a Python error with."""
    if isinstance(error, (TypeError, ValueError)):
        return InvalidArgumentError
    if isinstance(error, MemoryError):
        return ResourceExhaustedError
    if isinstance(error, NotImplementedError):
        return UnimplementedError
    return UnknownError


def _as_bytes(item):
    return item.encode("utf8") if isinstance(item, str) else item


def _shape_text(shape):
    """A shape as ``tf.TensorShape`` prints it."""
    if shape is None:
        return "<unknown>"
    return repr(tuple(shape))


def _types_text(signature):
    """The signature's dtypes as TF prints its ``output_types`` structure."""
    return _tree.map_structure(
        lambda spec: spec[1], signature, rules=_tree.DATA, is_leaf=c.is_spec_leaf
    )


def _check_length(signature, value):
    if not isinstance(signature, dict) and len(value) != len(signature):
        raise ValueError("structure length mismatch")


def _map_signature(fn, value, signature):
    return _tree.map_structure_up_to(
        signature,
        lambda spec, v: fn(v, spec),
        signature,
        value,
        rules=_tree.DATA,
        check=_check_length,
        is_leaf=c.is_spec_leaf,
    )


class _ZipDataset(Dataset):
    _type_name = "_ZipDataset"

    def __init__(self, datasets):
        for leaf in _tree.flatten(datasets, _tree.NEST):  # tf.nest, as TF's ZipDataset
            if not isinstance(leaf, Dataset):
                raise TypeError(
                    "Invalid input to `zip`. Inputs are expected to be (nested) structures of "
                    "`tf.data.Dataset` objects but encountered object of type %s." % type(leaf)
                )
        self._datasets = c.element_structure(datasets)

    def _inputs(self):
        return structure.flatten(self._datasets)

    def _iterate(self):
        leaves = structure.flatten(self._datasets)
        for elements in zip(*(d._iterate() for d in leaves)):
            yield structure.pack_as(self._datasets, elements)

    def _cardinality(self):
        counts = [d._cardinality() for d in structure.flatten(self._datasets)]
        finite = [n for n in counts if n >= 0]
        if finite:
            return min(finite)
        if c.UNKNOWN_CARDINALITY in counts:
            return c.UNKNOWN_CARDINALITY
        return c.INFINITE_CARDINALITY

    def _spec(self):
        return structure.map_structure(lambda d: d._spec(), self._datasets)
