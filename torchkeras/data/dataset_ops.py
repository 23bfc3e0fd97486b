"""``tf.data.Dataset``: an eager, lazily evaluated input pipeline.

Each transformation returns a new Dataset wrapping its input; iterating one
yields Tensors with TF's element structure (tuples and dicts of Tensors).
The data stays on the CPU, as in TF: the trainer moves each batch to the
model's device.  ``batch`` over ``from_tensor_slices`` (optionally through a
whole-dataset ``shuffle``) slices the source tensors directly instead of
stacking single rows.

Differences from TF: ``map``'s ``num_parallel_calls`` and ``prefetch`` run
in the calling thread (torch ops already use every core); ``shuffle`` draws
from NumPy's generator, so a seeded order differs from TF's; ``map`` finds
its ``element_spec`` by running the function on the first element.
"""

from __future__ import annotations

import os
import tempfile

import numpy as np
import torch

from ..framework import dtypes
from ..framework import tree as _tree
from ..framework.convert import convert_to_tensor
from ..framework.device import device as _device_scope
from ..framework.errors import InvalidArgumentError
from ..framework.tensor import TensorOperators, wrap
from . import structure
from ..api_export import tf_export, export_value

__all__ = ["Dataset", "AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY"]

AUTOTUNE = -1
"""``tf.data.AUTOTUNE``: let the runtime choose (accepted wherever TF accepts it)."""
INFINITE_CARDINALITY = -1
"""``tf.data.INFINITE_CARDINALITY``: what ``cardinality()`` returns for an endless dataset."""
UNKNOWN_CARDINALITY = -2
"""``tf.data.UNKNOWN_CARDINALITY``: what ``cardinality()`` returns when the length is unknown."""
export_value(AUTOTUNE, "tf.data.AUTOTUNE")
export_value(INFINITE_CARDINALITY, "tf.data.INFINITE_CARDINALITY")
export_value(UNKNOWN_CARDINALITY, "tf.data.UNKNOWN_CARDINALITY")


def _on_cpu(value):
    with _device_scope("/CPU:0"):
        return structure.to_storage(value)


def _rows(storage):
    return storage.shape[0]


def _row(storage, index):
    """Row ``index`` of a storage (string rows stay 0-d NumPy object arrays)."""
    if isinstance(storage, np.ndarray):
        return storage[index : index + 1].reshape(storage.shape[1:])
    return storage[index]


def _stack(rows):
    if isinstance(rows[0], np.ndarray):
        return np.stack(rows)
    return torch.stack(rows)


def _spec_of(storage, batched=False):
    shape = tuple(storage.shape[1:] if batched else storage.shape)
    dtype = dtypes.string if isinstance(storage, np.ndarray) else dtypes.from_torch(storage.dtype)
    return shape, dtype


def _spec_leaf(shape, dtype):
    from ..ops.tensor_spec import TensorSpec

    return TensorSpec(shape=shape, dtype=dtype)


def _is_spec_leaf(node):
    return isinstance(node, tuple) and len(node) == 2 and isinstance(node[1], dtypes.DType)


def _map_spec(fn, spec):
    return _tree.map_structure(
        lambda leaf: fn(*leaf), spec, rules=_tree.DATA, is_leaf=_is_spec_leaf
    )


def _element_structure(element):
    """Lists returned by a user function become tuples, as TF's dataset functions do
    (namedtuples are kept whole)."""
    return _tree.lists_to_tuples(element, _tree.KERAS, is_leaf=_tree.is_namedtuple)


def _call(fn, element):
    tensors = structure.to_tensors(element)
    if type(tensors) is tuple:
        return fn(*tensors)
    return fn(tensors)


@tf_export("data.Dataset")
class Dataset:
    """``tf.data.Dataset``: build with ``from_tensor_slices``, ``range``,
    ``from_generator``...; chain ``map``, ``shuffle``, ``batch``...; iterate
    with ``for`` or ``as_numpy_iterator()``; pass to ``model.fit``.
    """

    _type_name = "DatasetV2"

    def _iterate(self):
        raise NotImplementedError

    def _cardinality(self):
        return UNKNOWN_CARDINALITY

    def _spec(self):
        raise NotImplementedError

    # -- sources ---------------------------------------------------------
    @staticmethod
    def from_tensor_slices(tensors, name=None):
        """A dataset of the slices of ``tensors`` along their first dimension."""
        return _TensorSliceDataset(tensors)

    @staticmethod
    def from_tensors(tensors, name=None):
        """A dataset with ``tensors`` as its single element."""
        return _TensorDataset(tensors)

    @staticmethod
    def range(*args, **kwargs):
        """``range(stop)``, ``range(start, stop[, step])``: int64 scalars (``output_type=`` to
        change)."""
        return _RangeDataset(*args, **kwargs)

    @staticmethod
    def from_generator(
        generator,
        output_types=None,
        output_shapes=None,
        args=None,
        output_signature=None,
        name=None,
    ):
        """Elements produced by calling ``generator(*args)`` on every iteration.

        ``output_signature`` (a structure of ``tf.TensorSpec``) or the older
        ``output_types``/``output_shapes`` declare the elements' structure.
        """
        return _GeneratorDataset(generator, output_types, output_shapes, args, output_signature)

    @staticmethod
    def zip(*args, datasets=None, name=None):
        """Elements of several datasets side by side (a tuple, or the structure given)."""
        if datasets is None:
            datasets = args[0] if len(args) == 1 else args
        return _ZipDataset(datasets)

    # -- transformations --------------------------------------------------
    def batch(
        self,
        batch_size,
        drop_remainder=False,
        num_parallel_calls=None,
        deterministic=None,
        name=None,
    ):
        """Combines consecutive elements into batches (the last may be smaller unless
        ``drop_remainder``)."""
        return _BatchDataset(self, int(batch_size), bool(drop_remainder))

    def unbatch(self, name=None):
        """Splits each element into its rows (the inverse of ``batch``)."""
        return _UnbatchDataset(self)

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=True, name=None):
        """Shuffles with a buffer of ``buffer_size`` elements (uniform when it covers the
        dataset)."""
        return _ShuffleDataset(self, int(buffer_size), seed, reshuffle_each_iteration)

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        """Applies ``map_func`` to every element (tuples are unpacked into arguments)."""
        if num_parallel_calls is not None:
            return _ParallelMapDataset(self, map_func)
        return _MapDataset(self, map_func)

    def filter(self, predicate, name=None):
        """Keeps the elements for which ``predicate`` returns a scalar ``True``."""
        return _FilterDataset(self, predicate)

    def take(self, count, name=None):
        """At most ``count`` elements (all when ``count`` is -1)."""
        return _TakeDataset(self, int(count))

    def skip(self, count, name=None):
        """All but the first ``count`` elements (-1 skips everything)."""
        return _SkipDataset(self, int(count))

    def repeat(self, count=None, name=None):
        """Repeats the dataset ``count`` times (forever when ``None`` or -1)."""
        return _RepeatDataset(self, -1 if count is None else int(count))

    def prefetch(self, buffer_size, name=None):
        """Returns an equivalent dataset (prefetching is a no-op eagerly, see the module
        docstring)."""
        return _PrefetchDataset(self)

    def cache(self, filename="", name=None):
        """Caches the elements in memory (or in ``filename``) after the first full iteration."""
        return _CacheDataset(self, filename)

    def concatenate(self, dataset, name=None):
        """This dataset's elements followed by ``dataset``'s."""
        return _ConcatenateDataset(self, dataset)

    def enumerate(self, start=0, name=None):
        """Pairs ``(index, element)`` with an int64 index counting from ``start``."""
        return Dataset.zip((Dataset.range(start, np.iinfo(np.int64).max), self))

    def reduce(self, initial_state, reduce_func, name=None):
        """Folds ``reduce_func(state, element)`` over the dataset; returns the final state."""
        state = structure.to_tensors(_on_cpu(initial_state))
        for element in self._iterate():
            tensors = structure.to_tensors(element)
            state = (
                reduce_func(state, *tensors)
                if type(tensors) is tuple
                else reduce_func(state, tensors)
            )
        return state

    # -- inspection -------------------------------------------------------
    def __iter__(self):
        return (structure.to_tensors(element) for element in self._iterate())

    def as_numpy_iterator(self):
        """Iterates the elements as NumPy values (``bytes`` for strings)."""
        return (structure.to_numpy(element) for element in self._iterate())

    def cardinality(self):
        """The number of elements as an int64 Tensor (-1 infinite, -2 unknown)."""
        return wrap(torch.tensor(self._cardinality(), dtype=torch.int64))

    def __len__(self):
        count = self._cardinality()
        if count == INFINITE_CARDINALITY:
            raise TypeError("The dataset is infinite.")
        if count == UNKNOWN_CARDINALITY:
            raise TypeError("The dataset length is unknown.")
        return count

    def __bool__(self):
        return True

    @property
    def element_spec(self):
        """The structure of ``tf.TensorSpec`` describing one element."""
        return _map_spec(_spec_leaf, self._spec())

    def __repr__(self):
        return "<%s element_spec=%r>" % (self._type_name, self.element_spec)


class _TensorSliceDataset(Dataset):
    _type_name = "_TensorSliceDataset"

    def __init__(self, tensors):
        self._data = _on_cpu(tensors)
        leaves = structure.flatten(self._data)
        for leaf in leaves:
            if leaf.ndim == 0:
                raise ValueError("Unbatching a tensor is only supported for rank >= 1")
        sizes = [_rows(leaf) for leaf in leaves]
        for size in sizes[1:]:
            if size != sizes[0]:
                raise ValueError("Dimensions %d and %d are not compatible" % (sizes[0], size))
        self._size = sizes[0]

    def _iterate(self):
        data = self._data
        for index in range(self._size):
            yield structure.map_structure(lambda s: _row(s, index), data)  # noqa: B023

    def _slices(self, batch_size, drop_remainder, order=None):
        """Batches cut straight from the source tensors (``order``: a permutation)."""
        data = self._data
        stop = self._size - self._size % batch_size if drop_remainder else self._size
        if order is None:
            for start in range(0, stop, batch_size):
                yield structure.map_structure(lambda s: s[start : start + batch_size], data)  # noqa: B023
            return
        for start in range(0, stop, batch_size):
            rows = order[start : start + batch_size]
            numpy_rows = rows.numpy()
            yield structure.map_structure(
                lambda s: s[numpy_rows] if isinstance(s, np.ndarray) else s.index_select(0, rows),  # noqa: B023
                data,
            )

    def _cardinality(self):
        return self._size

    def _spec(self):
        return structure.map_structure(lambda s: _spec_of(s, batched=True), self._data)


class _TensorDataset(Dataset):
    _type_name = "_TensorDataset"

    def __init__(self, tensors):
        self._data = _on_cpu(tensors)

    def _iterate(self):
        yield self._data

    def _cardinality(self):
        return 1

    def _spec(self):
        return structure.map_structure(_spec_of, self._data)


class _RangeDataset(Dataset):
    _type_name = "_RangeDataset"

    def __init__(self, *args, output_type=dtypes.int64, name=None):
        if not 1 <= len(args) <= 3:
            raise ValueError("Invalid arguments to RangeDataset: %r" % (args,))
        start, stop, step = (
            (0, int(args[0]), 1)
            if len(args) == 1
            else (int(args[0]), int(args[1]), int(args[2]) if len(args) == 3 else 1)
        )
        if step == 0:
            raise InvalidArgumentError(None, None, "step must be a non-zero integer.")
        self._range = range(start, stop, step)
        self._dtype = dtypes.as_dtype(output_type)

    def _iterate(self):
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
        return _map_types(lambda t: leaf(t, None), output_types)
    return _zip_types(leaf, output_types, output_shapes)


def _map_types(fn, types):
    return _tree.lists_to_tuples(_tree.map_structure(fn, types), _tree.NEST)


def _zip_types(fn, types, shapes):
    return _tree.lists_to_tuples(_tree.map_structure_up_to(types, fn, types, shapes), _tree.NEST)


def _spec_signature(spec):
    shape = spec.shape
    dims = None if shape.rank is None else tuple(shape.as_list())
    return dims, dtypes.as_dtype(spec.dtype)


def _signature_from_specs(specs):
    return _tree.lists_to_tuples(_tree.map_structure(_spec_signature, specs), _tree.NEST)


def _shape_compatible(expected, actual):
    if expected is None:
        return True
    return len(expected) == len(actual) and all(
        e is None or e == a for e, a in zip(expected, actual)
    )


class _GeneratorDataset(Dataset):
    _type_name = "_FlatMapDataset"

    def __init__(self, generator, output_types, output_shapes, args, output_signature):
        if output_signature is not None:
            if output_types is not None or output_shapes is not None:
                raise TypeError(
                    "The `output_types` argument can not be used together with the "
                    "`output_signature` argument."
                )
            self._signature = _signature_from_specs(output_signature)
        elif output_types is not None:
            self._signature = _signature_from_types(output_types, output_shapes)
        else:
            raise TypeError(
                "The `output_types` argument must be set when `output_signature` is not provided."
            )
        if not callable(generator):
            raise TypeError("`generator` must be a Python callable.")
        self._generator = generator
        self._args = tuple(np.asarray(convert_to_tensor(a)) for a in (args or ()))

    def _convert(self, value, spec):
        shape, dtype = spec
        with _device_scope("/CPU:0"):
            storage = (
                convert_to_tensor(value, dtype=dtype)._value
                if not isinstance(value, TensorOperators)
                else value._value
            )
        if not _shape_compatible(shape, tuple(storage.shape)):
            raise InvalidArgumentError(
                None,
                None,
                "`generator` yielded an element of shape %s where an element of shape %s was "
                "expected." % (tuple(storage.shape), shape),
            )
        return storage

    def _iterate(self):
        signature = self._signature
        for value in self._generator(*self._args):
            if _is_spec_leaf(signature):
                yield self._convert(value, signature)
                continue
            value = _element_structure(value)
            try:
                yield _map_signature(self._convert, value, signature)
            except (KeyError, TypeError, ValueError) as error:
                if isinstance(error, InvalidArgumentError):
                    raise
                raise TypeError(
                    "`generator` yielded an element that did not match the expected structure. "
                    "The expected structure was %r, but the yielded element was %r."
                    % (self.element_spec, value)
                ) from None

    def _spec(self):
        return self._signature


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
        is_leaf=_is_spec_leaf,
    )


class _ZipDataset(Dataset):
    _type_name = "_ZipDataset"

    def __init__(self, datasets):
        for leaf in structure.flatten(_element_structure(datasets)):
            if not isinstance(leaf, Dataset):
                raise TypeError(
                    "Invalid `datasets`. `datasets` is expected to be a (nested) structure of "
                    "`tf.data.Dataset` objects. Python `list` is not supported and you should use "
                    "`tuple` instead."
                )
        self._datasets = _element_structure(datasets)

    def _iterate(self):
        leaves = structure.flatten(self._datasets)
        for elements in zip(*(d._iterate() for d in leaves)):
            yield structure.pack_as(self._datasets, elements)

    def _cardinality(self):
        counts = [d._cardinality() for d in structure.flatten(self._datasets)]
        finite = [c for c in counts if c >= 0]
        if finite:
            return min(finite)
        return UNKNOWN_CARDINALITY if UNKNOWN_CARDINALITY in counts else INFINITE_CARDINALITY

    def _spec(self):
        return structure.map_structure(lambda d: d._spec(), self._datasets)


class _UnaryDataset(Dataset):
    def __init__(self, input_dataset):
        self._input = input_dataset

    def _cardinality(self):
        return self._input._cardinality()

    def _spec(self):
        return self._input._spec()


class _BatchDataset(_UnaryDataset):
    _type_name = "_BatchDataset"

    def __init__(self, input_dataset, batch_size, drop_remainder):
        super().__init__(input_dataset)
        if batch_size <= 0:
            raise InvalidArgumentError(None, None, "Batch size must be greater than zero.")
        self._batch_size = batch_size
        self._drop_remainder = drop_remainder

    def _iterate(self):
        source = self._input
        if isinstance(source, _TensorSliceDataset):
            yield from source._slices(self._batch_size, self._drop_remainder)
            return
        if isinstance(source, _ShuffleDataset) and source._is_permutation():
            yield from source._input._slices(
                self._batch_size, self._drop_remainder, source._permutation()
            )
            return
        batch = []
        for element in source._iterate():
            batch.append(element)
            if len(batch) == self._batch_size:
                yield _batch(batch)
                batch = []
        if batch and not self._drop_remainder:
            yield _batch(batch)

    def _cardinality(self):
        count = self._input._cardinality()
        if count < 0:
            return count
        return count // self._batch_size if self._drop_remainder else -(-count // self._batch_size)

    def _spec(self):
        size = self._batch_size if self._drop_remainder else None
        return _map_spec(
            lambda shape, dtype: ((size,) + shape if shape is not None else None, dtype),
            self._input._spec(),
        )


def _batch(elements):
    leaves = [structure.flatten(e) for e in elements]
    stacked = []
    for component, rows in enumerate(zip(*leaves)):
        first = tuple(rows[0].shape)
        for index, row in enumerate(rows[1:], 1):
            if tuple(row.shape) != first:
                raise InvalidArgumentError(
                    None,
                    None,
                    "Cannot batch tensors with different shapes in component %d. First element "
                    "had shape %s and element %d had shape %s."
                    % (component, list(first), index, list(row.shape)),
                )
        stacked.append(_stack(list(rows)))
    return structure.pack_as(elements[0], stacked)


class _UnbatchDataset(_UnaryDataset):
    _type_name = "_UnbatchDataset"

    def _iterate(self):
        for element in self._input._iterate():
            leaves = structure.flatten(element)
            for leaf in leaves:
                if leaf.ndim == 0:
                    raise InvalidArgumentError(
                        None, None, "Input element must have a non-scalar value in each component."
                    )
            count = _rows(leaves[0])
            for leaf in leaves[1:]:
                if _rows(leaf) != count:
                    raise InvalidArgumentError(
                        None,
                        None,
                        "Input element must have the same batch size in each component. Component "
                        "0 had size %d but component had size %d." % (count, _rows(leaf)),
                    )
            for index in range(count):
                yield structure.map_structure(lambda s: _row(s, index), element)  # noqa: B023

    def _cardinality(self):
        return (
            UNKNOWN_CARDINALITY
            if self._input._cardinality() != INFINITE_CARDINALITY
            else INFINITE_CARDINALITY
        )

    def _spec(self):
        def unbatched(shape, dtype):
            if shape is not None and len(shape) == 0:
                raise ValueError("Unbatching a dataset is only supported for rank >= 1")
            return (None if shape is None else shape[1:]), dtype

        return _map_spec(unbatched, self._input._spec())


class _ShuffleDataset(_UnaryDataset):
    _type_name = "_ShuffleDataset"

    def __init__(self, input_dataset, buffer_size, seed, reshuffle_each_iteration):
        super().__init__(input_dataset)
        if buffer_size <= 0 and buffer_size != AUTOTUNE:
            raise InvalidArgumentError(None, None, "buffer_size must be greater than zero.")
        self._buffer_size = buffer_size
        self._seed = None if seed is None else int(seed)
        self._reshuffle = bool(reshuffle_each_iteration)
        self._base_seed = (
            self._seed if self._seed is not None else int(np.random.randint(0, 2**31 - 1))
        )
        self._epoch = 0

    def _generator(self):
        epoch = self._epoch if self._reshuffle else 0
        self._epoch += 1
        return np.random.default_rng([self._base_seed, epoch])

    def _is_permutation(self):
        size = self._input._cardinality()
        return isinstance(self._input, _TensorSliceDataset) and self._buffer_size >= size

    def _permutation(self):
        order = self._generator().permutation(self._input._cardinality())
        return torch.from_numpy(order)

    def _iterate(self):
        if self._is_permutation():
            data = self._input._data
            for index in self._permutation().tolist():
                yield structure.map_structure(lambda s: _row(s, index), data)  # noqa: B023
            return
        rng = self._generator()
        buffer = []
        size = self._buffer_size
        for element in self._input._iterate():
            if len(buffer) < size:
                buffer.append(element)
                continue
            pick = int(rng.integers(len(buffer)))
            yield buffer[pick]
            buffer[pick] = element
        while buffer:
            pick = int(rng.integers(len(buffer)))
            buffer[pick], buffer[-1] = buffer[-1], buffer[pick]
            yield buffer.pop()


class _MapDataset(_UnaryDataset):
    _type_name = "_MapDataset"

    def __init__(self, input_dataset, map_func):
        super().__init__(input_dataset)
        self._func = map_func
        self._output_spec = None

    def _apply(self, element):
        return _on_cpu(_element_structure(_call(self._func, element)))

    def _iterate(self):
        for element in self._input._iterate():
            yield self._apply(element)

    def _spec(self):
        if self._output_spec is None:
            for element in self._input._iterate():
                self._output_spec = structure.map_structure(_spec_of, self._apply(element))
                break
            else:
                raise ValueError("Cannot compute the element_spec of a map over an empty dataset.")
        return self._output_spec


class _ParallelMapDataset(_MapDataset):
    _type_name = "_ParallelMapDataset"


class _FilterDataset(_UnaryDataset):
    _type_name = "_FilterDataset"

    def __init__(self, input_dataset, predicate):
        super().__init__(input_dataset)
        self._predicate = predicate

    def _iterate(self):
        for element in self._input._iterate():
            keep = _call(self._predicate, element)
            storage = keep._value if isinstance(keep, TensorOperators) else keep
            if isinstance(storage, torch.Tensor):
                if storage.dtype != torch.bool or storage.ndim != 0:
                    raise ValueError(
                        "Invalid `predicate`. `predicate` must return a `tf.bool` scalar tensor, "
                        "but its return type was %s."
                        % (
                            wrap(storage).dtype.name
                            if storage.ndim == 0
                            else "a tensor of shape %s" % (tuple(storage.shape),)
                        )
                    )
                keep = bool(storage)
            elif not isinstance(keep, (bool, np.bool_)):
                raise ValueError(
                    "Invalid `predicate`. `predicate` must return a `tf.bool` scalar tensor, but "
                    "its return type was %s." % type(keep).__name__
                )
            if keep:
                yield element

    def _cardinality(self):
        return (
            INFINITE_CARDINALITY
            if self._input._cardinality() == INFINITE_CARDINALITY
            else UNKNOWN_CARDINALITY
        )


class _TakeDataset(_UnaryDataset):
    _type_name = "_TakeDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = count

    def _iterate(self):
        if self._count < 0:
            yield from self._input._iterate()
            return
        if self._count == 0:
            return
        for index, element in enumerate(self._input._iterate(), 1):
            yield element
            if index >= self._count:
                return

    def _cardinality(self):
        count = self._input._cardinality()
        if self._count < 0:
            return count
        if count == INFINITE_CARDINALITY:
            return self._count
        if count == UNKNOWN_CARDINALITY:
            return UNKNOWN_CARDINALITY
        return min(count, self._count)


class _SkipDataset(_UnaryDataset):
    _type_name = "_SkipDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = count

    def _iterate(self):
        if self._count < 0:
            for _ in self._input._iterate():
                pass
            return
        for index, element in enumerate(self._input._iterate()):
            if index >= self._count:
                yield element

    def _cardinality(self):
        count = self._input._cardinality()
        if count < 0:
            return count
        if self._count < 0:
            return 0
        return max(count - self._count, 0)


class _RepeatDataset(_UnaryDataset):
    _type_name = "_RepeatDataset"

    def __init__(self, input_dataset, count):
        super().__init__(input_dataset)
        self._count = count

    def _iterate(self):
        done = 0
        while self._count < 0 or done < self._count:
            empty = True
            for element in self._input._iterate():
                empty = False
                yield element
            if empty:
                return
            done += 1

    def _cardinality(self):
        count = self._input._cardinality()
        if self._count < 0:
            return 0 if count == 0 else INFINITE_CARDINALITY
        if count < 0:
            return count
        return count * self._count


class _PrefetchDataset(_UnaryDataset):
    _type_name = "_PrefetchDataset"

    def _iterate(self):
        return self._input._iterate()


class _CacheDataset(_UnaryDataset):
    _type_name = "CacheDataset"

    def __init__(self, input_dataset, filename):
        super().__init__(input_dataset)
        self._filename = os.fspath(filename)
        self._elements = None

    def _iterate(self):
        if self._elements is None and self._filename and os.path.exists(self._filename):
            self._elements = torch.load(self._filename, weights_only=False)
        if self._elements is not None:
            yield from self._elements
            return
        collected = []
        for element in self._input._iterate():
            collected.append(element)
            yield element
        self._elements = collected
        if self._filename:
            directory = os.path.dirname(os.path.abspath(self._filename))
            handle, temporary = tempfile.mkstemp(dir=directory)
            os.close(handle)
            torch.save(collected, temporary)
            os.replace(temporary, self._filename)


class _ConcatenateDataset(Dataset):
    _type_name = "_ConcatenateDataset"

    def __init__(self, first, second):
        first_spec, second_spec = first._spec(), second._spec()
        try:
            structure.assert_same_structure(
                _spec_structure(first_spec), _spec_structure(second_spec)
            )
        except ValueError:
            raise TypeError(
                "Incompatible dataset elements:\n  %r vs.   %r"
                % (first.element_spec, second.element_spec)
            ) from None
        for a, b in zip(_spec_leaves(first_spec), _spec_leaves(second_spec)):
            if a[1] is not b[1]:
                raise TypeError(
                    "Incompatible dataset elements:\n  %r vs.   %r"
                    % (first.element_spec, second.element_spec)
                )
        self._first, self._second = first, second

    def _iterate(self):
        yield from self._first._iterate()
        yield from self._second._iterate()

    def _cardinality(self):
        a, b = self._first._cardinality(), self._second._cardinality()
        if INFINITE_CARDINALITY in (a, b):
            return INFINITE_CARDINALITY
        if UNKNOWN_CARDINALITY in (a, b):
            return UNKNOWN_CARDINALITY
        return a + b

    def _spec(self):
        def merge(a, b):
            if a[0] is None or b[0] is None or len(a[0]) != len(b[0]):
                return None, a[1]
            return tuple(x if x == y else None for x, y in zip(a[0], b[0])), a[1]

        leaves = [
            merge(a, b)
            for a, b in zip(_spec_leaves(self._first._spec()), _spec_leaves(self._second._spec()))
        ]
        return _pack_spec(self._first._spec(), leaves)


def _spec_structure(spec):
    return _map_spec(lambda shape, dtype: 0, spec)


def _spec_leaves(spec):
    return _tree.flatten(spec, _tree.DATA, is_leaf=_is_spec_leaf)


def _pack_spec(spec, leaves):
    return _tree.pack_sequence_as(spec, leaves, _tree.DATA, is_leaf=_is_spec_leaf)
