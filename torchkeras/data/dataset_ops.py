"""``tf.data.Dataset``: an eager, lazily evaluated input pipeline.

Each transformation returns a new Dataset wrapping its input (the classes live
in ``data/ops/``, one module per family); iterating one yields Tensors with
TF's element structure (tuples and dicts of Tensors).  A dataset implements
``_iterate()`` (a generator of elements as CPU storage), ``_cardinality()``,
``_spec()`` (the element structure of ``(shape, dtype)`` pairs) and
``_inputs()``.  The data stays on the CPU, as in TF: the trainer moves each
batch to the model's device.

Iterating reads one element ahead, deterministically, as the ``prefetch`` TF
injects at the end of a pipeline (``_ReadAhead``).
Parallelism as TF: ``prefetch`` computes ahead in a background thread,
``map(num_parallel_calls=...)`` runs the function on a thread pool (torch
ops release the GIL) and ``interleave(num_parallel_calls=...)`` iterates each
open input in its own thread; outputs keep TF's order unless
``deterministic=False``.  Differences from TF: ``shuffle`` draws from NumPy's
generator, so a seeded order differs from TF's; ``map``, ``flat_map``,
``interleave`` and ``scan`` find their ``element_spec`` by running the function
on the first element (TF traces it).
"""

from __future__ import annotations

import collections

import numpy as np
import torch

from ..api_export import export_value, tf_export
from ..framework.function_trace import refuse_replay
from ..framework.tensor import wrap
from . import structure
from .ops import _common as c

__all__ = ["Dataset", "AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY"]

AUTOTUNE = c.AUTOTUNE
"""``tf.data.AUTOTUNE``: let the runtime choose (accepted wherever TF accepts it)."""
INFINITE_CARDINALITY = c.INFINITE_CARDINALITY
"""``tf.data.INFINITE_CARDINALITY``: what ``cardinality()`` returns for an endless dataset."""
UNKNOWN_CARDINALITY = c.UNKNOWN_CARDINALITY
"""``tf.data.UNKNOWN_CARDINALITY``: what ``cardinality()`` returns when the length is unknown."""
for _name in ("AUTOTUNE", "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY"):
    export_value(globals()[_name], "tf.data." + _name, "tf.data.experimental." + _name)


@tf_export("data.Dataset")
class Dataset:
    """``tf.data.Dataset``: build with ``from_tensor_slices``, ``range``,
    ``from_generator``...; chain ``map``, ``shuffle``, ``batch``...; iterate
    with ``for`` or ``as_numpy_iterator()``; pass to ``model.fit``.
    """

    _type_name = "DatasetV2"
    _is_dataset = True
    # TF's "async" datasets (prefetch, parallel map, interleave and batch) compute elements
    # ahead themselves, so TF injects no prefetch after one.  For those, the number of
    # elements the iterator reads ahead in their place: 0 where torchkeras runs a thread too,
    # the buffer TF keeps for a parallel batch (computed synchronously here).  None: not async.
    _async_read_ahead = None
    _options_deterministic = None

    def _iterate(self):
        raise NotImplementedError

    def _cardinality(self):
        return UNKNOWN_CARDINALITY

    def _spec(self):
        raise NotImplementedError

    def _inputs(self):
        return []

    # -- sources ---------------------------------------------------------
    @staticmethod
    def from_tensor_slices(tensors, name=None):
        """A dataset of the slices of ``tensors`` along their first dimension."""
        if tensors is None:
            raise ValueError("Invalid `element`. `element` should not be empty.")
        if _ragged.has_ragged(tensors):
            return _ragged.RaggedSliceDataset(tensors)
        return _sources._TensorSliceDataset(tensors)

    @staticmethod
    def from_tensors(tensors, name=None):
        """A dataset with ``tensors`` as its single element."""
        if _ragged.has_ragged(tensors):
            return _ragged.RaggedTensorDataset(tensors)
        return _sources._TensorDataset(tensors)

    @staticmethod
    def range(*args, **kwargs):
        """``range(stop)``, ``range(start, stop[, step])``: int64 scalars (``output_type=`` to
        change)."""
        return _sources._RangeDataset(*args, **kwargs)

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
        return _sources._GeneratorDataset(
            generator, output_types, output_shapes, args, output_signature
        )

    @staticmethod
    def zip(*args, datasets=None, name=None):
        """Elements of several datasets side by side (a tuple, or the structure given)."""
        if datasets is None:
            if not args:
                raise TypeError("Must pass at least one dataset to `zip`.")
            datasets = args[0] if len(args) == 1 else args
        return _sources._ZipDataset(datasets)

    @staticmethod
    def load(path, element_spec=None, compression=None, reader_func=None, wait=False):
        """A dataset saved with ``Dataset.save`` (torchkeras' own format, see
        ``data/ops/persistence.py``; not TF's files)."""
        return _persistence._LoadDataset(path, element_spec, compression)

    @staticmethod
    def sample_from_datasets(
        datasets,
        weights=None,
        seed=None,
        stop_on_empty_dataset=False,
        rerandomize_each_iteration=None,
    ):
        """Elements drawn at random from ``datasets`` with probabilities ``weights``
        (uniform by default); NumPy's generator, so seeded draws differ from TF's."""
        datasets = list(datasets)
        if weights is not None and not isinstance(weights, Dataset):
            if len(weights) != len(datasets):
                raise ValueError(
                    "Invalid `weights`. `weights` should have the same length as `datasets` but "
                    "got `len(weights)=%d` vs. `len(datasets)=%d`." % (len(weights), len(datasets))
                )
        if weights is None:
            weights = [1.0 / len(datasets)] * len(datasets)
        elif not isinstance(weights, Dataset):
            weights = structure.to_numpy(c.on_cpu(weights))
        selector = _interleave._WeightedSelector(weights, len(datasets), seed)
        return _interleave._DirectedInterleaveDataset(selector, datasets, stop_on_empty_dataset)

    @staticmethod
    def choose_from_datasets(datasets, choice_dataset, stop_on_empty_dataset=True):
        """Element ``i`` comes from ``datasets[choice_dataset[i]]``."""
        return _interleave._DirectedInterleaveDataset(
            choice_dataset, list(datasets), stop_on_empty_dataset
        )

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
        ``drop_remainder``); ragged components batch into RaggedTensors.  With
        ``num_parallel_calls`` the batches are computed synchronously, read as far ahead as
        TF's parallel batch computes them."""
        if _ragged.from_ragged_source(self) and _ragged.has_ragged_spec(self):
            return _ragged.RaggedBatchDataset(
                self, int(batch_size), bool(drop_remainder), False, "int64"
            )
        batched = _batching._BatchDataset(
            self,
            c.scalar_arg(batch_size, "int64", "batch_size"),
            c.scalar_arg(drop_remainder, "bool", "drop_remainder"),
        )
        if num_parallel_calls is not None:
            batched._async_read_ahead = _parallel_batches(num_parallel_calls)
        return batched

    def ragged_batch(self, batch_size, drop_remainder=False, row_splits_dtype="int64", name=None):
        """Batches elements into RaggedTensors: components of not fully known shape (and
        ragged ones) come out ragged, the others batch densely."""
        return _ragged.RaggedBatchDataset(
            self, int(batch_size), bool(drop_remainder), True, row_splits_dtype
        )

    def padded_batch(
        self, batch_size, padded_shapes=None, padding_values=None, drop_remainder=False, name=None
    ):
        """Batches elements of different shapes, padding each component to ``padded_shapes``
        (by default the longest in the batch) with ``padding_values`` (0 / ``b""``)."""
        return _batching._PaddedBatchDataset(
            self,
            c.scalar_arg(batch_size, "int64", "batch_size"),
            padded_shapes,
            padding_values,
            c.scalar_arg(drop_remainder, "bool", "drop_remainder"),
        )

    def unbatch(self, name=None):
        """Splits each element into its rows (the inverse of ``batch``)."""
        if _ragged.from_ragged_source(self) and _ragged.has_ragged_spec(self):
            return _ragged.RaggedUnbatchDataset(self)
        return _batching._UnbatchDataset(self)

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=True, name=None):
        """Shuffles with a buffer of ``buffer_size`` elements (uniform when it covers the
        dataset)."""
        buffer_size = c.scalar_arg(buffer_size, "int64", "buffer_size")
        return _selection._ShuffleDataset(self, buffer_size, seed, reshuffle_each_iteration)

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        """Applies ``map_func`` to every element (tuples are unpacked into arguments);
        with ``num_parallel_calls`` on that many threads (``AUTOTUNE``: one per core)."""
        if not callable(map_func):
            raise ValueError(
                "Argument `func` must be a callable. Received func=%r (of type %s)"
                % (map_func, type(map_func))
            )
        if num_parallel_calls is not None:
            return _mapping._ParallelMapDataset(self, map_func, num_parallel_calls, deterministic)
        return _mapping._MapDataset(self, map_func)

    def flat_map(self, map_func, name=None):
        """Maps every element to a dataset and flattens them in order."""
        return _mapping._FlatMapDataset(self, map_func)

    def interleave(
        self,
        map_func,
        cycle_length=None,
        block_length=None,
        num_parallel_calls=None,
        deterministic=None,
        name=None,
    ):
        """Maps elements to datasets and interleaves ``cycle_length`` of them (default: one
        per core), ``block_length`` consecutive elements from each in turn."""
        cycle = AUTOTUNE if cycle_length is None else int(cycle_length)
        block = 1 if block_length is None else int(block_length)
        if num_parallel_calls is not None:
            c.parallelism(num_parallel_calls, "ParallelInterleaveDatasetV4")
            return _interleave._ParallelInterleaveDataset(self, map_func, cycle, block)
        return _interleave._InterleaveDataset(self, map_func, cycle, block)

    def scan(self, initial_state, scan_func, name=None):
        """Threads a state through ``scan_func(state, element) -> (new_state, output)``."""
        return _mapping._ScanDataset(self, initial_state, scan_func)

    def window(self, size, shift=None, stride=1, drop_remainder=False, name=None):
        """A dataset of windows, each a (structure of) dataset(s) of ``size`` elements taken
        every ``stride``, a new window every ``shift`` (default ``size``) elements."""
        return _windowing._WindowDataset(self, size, shift, stride, drop_remainder)

    def group_by_window(
        self, key_func, reduce_func, window_size=None, window_size_func=None, name=None
    ):
        """Groups elements by the int64 ``key_func(element)``; each group of ``window_size``
        is replaced by the dataset ``reduce_func(key, group)``."""
        return _windowing.group_by_window(
            self, key_func, reduce_func, window_size, window_size_func
        )

    def bucket_by_sequence_length(
        self,
        element_length_func,
        bucket_boundaries,
        bucket_batch_sizes,
        padded_shapes=None,
        padding_values=None,
        pad_to_bucket_boundary=False,
        no_padding=False,
        drop_remainder=False,
        name=None,
    ):
        """Batches elements of similar length together: a bucket per interval of
        ``bucket_boundaries``, each batched (padded) to its ``bucket_batch_sizes`` entry."""
        return _windowing.bucket_by_sequence_length(
            self,
            element_length_func,
            bucket_boundaries,
            bucket_batch_sizes,
            padded_shapes,
            padding_values,
            pad_to_bucket_boundary,
            no_padding,
            drop_remainder,
        )

    def filter(self, predicate, name=None):
        """Keeps the elements for which ``predicate`` returns a scalar ``True``."""
        return _selection._FilterDataset(self, predicate)

    def take(self, count, name=None):
        """At most ``count`` elements (all when ``count`` is -1)."""
        return _selection._TakeDataset(self, c.scalar_arg(count, "int64", "count"))

    def shard(self, num_shards, index, name=None):
        """Every ``num_shards``-th element starting at element ``index``."""
        return _sharding._ShardDataset(
            self,
            c.scalar_arg(num_shards, "int64", "num_shards"),
            c.scalar_arg(index, "int64", "index"),
        )

    def unique(self, name=None):
        """The distinct elements in order of first occurrence (int32, int64 or string
        scalars or tensors, one component)."""
        return _sharding._UniqueDataset(self)

    def ignore_errors(self, log_warning=False, name=None):
        """The elements whose computation does not fail (see ``_IgnoreErrorsDataset`` for
        where an error ends the iteration instead)."""
        return _sharding._IgnoreErrorsDataset(self, log_warning)

    def rebatch(self, batch_sizes, drop_remainder=False, name=None):
        """The rows of this dataset's batches in batches of ``batch_sizes`` (a size, or sizes
        used in turn)."""
        return _sharding._RebatchDataset(self, batch_sizes, drop_remainder)

    def take_while(self, predicate, name=None):
        """Elements up to (not including) the first for which ``predicate`` is False."""
        return _selection._TakeWhileDataset(self, predicate)

    def skip(self, count, name=None):
        """All but the first ``count`` elements (-1 skips everything)."""
        return _selection._SkipDataset(self, c.scalar_arg(count, "int64", "count"))

    def repeat(self, count=None, name=None):
        """Repeats the dataset ``count`` times (forever when ``None`` or -1)."""
        count = -1 if count is None else c.scalar_arg(count, "int64", "count")
        return _selection._RepeatDataset(self, count)

    def prefetch(self, buffer_size, name=None):
        """Computes up to ``buffer_size`` elements ahead in a background thread."""
        return _pipeline._PrefetchDataset(self, c.scalar_arg(buffer_size, "int64", "buffer_size"))

    def cache(self, filename="", name=None):
        """Caches the elements in memory (or in ``filename``) after the first full iteration."""
        return _selection._CacheDataset(self, c.scalar_arg(filename, "string", "filename"))

    def snapshot(self, path, compression="AUTO", reader_func=None, shard_func=None, name=None):
        """Writes the elements under ``path`` on the first full iteration and reads them from
        there afterwards (torchkeras' files, not TF's)."""
        return _persistence._SnapshotDataset(self, path, compression, shard_func)

    def save(self, path, compression=None, shard_func=None, checkpoint_args=None):
        """Writes every element under directory ``path`` for ``Dataset.load`` (torchkeras'
        own format, not TF's snapshot files)."""
        _persistence.write(self, path, compression, shard_func)

    def rejection_resample(self, class_func, target_dist, initial_dist=None, seed=None, name=None):
        """``(class, element)`` pairs resampled to reach the class distribution
        ``target_dist`` (TF's algorithm; NumPy's random draws)."""
        return _resampling.rejection_resample(self, class_func, target_dist, initial_dist, seed)

    def concatenate(self, dataset, name=None):
        """This dataset's elements followed by ``dataset``'s."""
        if not isinstance(dataset, Dataset):
            raise AttributeError(
                "'%s' object has no attribute 'element_spec'" % type(dataset).__name__
            )
        return _selection._ConcatenateDataset(self, dataset)

    def enumerate(self, start=0, name=None):
        """Pairs ``(index, element)`` with an int64 index counting from ``start``."""
        start = c.scalar_arg(start, "int64", "start")
        return Dataset.zip((Dataset.range(start, np.iinfo(np.int64).max), self))

    def apply(self, transformation_func):
        """``transformation_func(self)``, which must return a Dataset."""
        dataset = transformation_func(self)
        if not isinstance(dataset, Dataset):
            raise TypeError(
                "`transformation_func` must return a `tf.data.Dataset` object. Got %s."
                % type(dataset)
            )
        return dataset

    def with_options(self, options, name=None):
        """The same dataset with ``tf.data.Options`` attached."""
        return _pipeline._OptionsDataset(self, options)

    def options(self):
        """The options of the pipeline (merged from every ``with_options``; read-only)."""
        from .options import Options, merge_options

        found = []
        _collect_options(self, found)
        result = merge_options(Options(), *found) if found else Options()
        result._set_mutable(False)
        return result

    def reduce(self, initial_state, reduce_func, name=None):
        """Folds ``reduce_func(state, element)`` over the dataset; returns the final state
        (TF's ``TypeError`` where a new state's dtypes differ from the initial state's)."""
        state = structure.to_tensors(c.on_cpu(initial_state))
        dtypes_wanted = [t.dtype for t in structure.flatten(state)]
        for element in self._user_iteration():
            tensors = structure.to_tensors(element)
            if type(tensors) is tuple:
                state = c.run_on_cpu(reduce_func, state, *tensors)
            else:
                state = c.run_on_cpu(reduce_func, state, tensors)
            state = structure.to_tensors(c.on_cpu(c.element_structure(state)))
            for wanted, got in zip(dtypes_wanted, structure.flatten(state)):
                if got.dtype != wanted:
                    raise TypeError(
                        "The element types for the new state must match the initial state. "
                        "Expected %s but got %s." % (wanted, got.dtype)
                    )
        return state

    def get_single_element(self, name=None):
        """The dataset's only element (TF's ``InvalidArgumentError`` when it is empty or has
        more than one)."""
        elements = iter(self)
        kernel = "DatasetToSingleElement_output_types_%d" % len(c.spec_leaves(self._spec()))
        try:
            element = next(elements)
        except StopIteration:
            raise c.dataset_op_error(
                "DatasetToSingleElement", "Dataset was empty.", kernel
            ) from None
        for _ in elements:
            raise c.dataset_op_error(
                "DatasetToSingleElement", "Dataset had more than one element.", kernel
            )
        return element

    # -- inspection -------------------------------------------------------
    def _user_iteration(self):
        """The elements as storage, for ``reduce`` and Keras' ``fit`` (read ahead as ``for``
        reads them: TF injects its prefetch there too)."""
        return _iterator(self._iterate(), None, self._reads_ahead())

    def __iter__(self):
        return _iterator(self._iterate(), structure.to_tensors, self._reads_ahead())

    def as_numpy_iterator(self):
        """Iterates the elements as NumPy values (``bytes`` for strings); TF's ``TypeError``
        for elements that are datasets (raised on the first element, not on the call)."""
        return _iterator(self._iterate(), structure.to_numpy, self._reads_ahead())

    def _reads_ahead(self):
        """How many elements iterating reads ahead.  One, as the prefetch TF's optimizer
        injects at the end of an iterated pipeline (``Options().experimental_optimization
        .inject_prefetch``), unless the options turn it (or the default optimizations, or
        autotuning) off; none after a transformation that computes ahead itself (a
        ``prefetch``, even ``prefetch(0)``, a parallel ``map`` or ``interleave``: TF injects
        nothing there), but the ``num_parallel_calls`` batches TF's parallel ``batch`` keeps."""
        final = self
        while type(final) is _pipeline._OptionsDataset:
            final = final._input
        if final._async_read_ahead is not None:
            return final._async_read_ahead
        found = []
        _collect_options(self, found)
        if not found:
            return 1
        from .options import merge_options

        options = merge_options(*found)
        optimization = options.experimental_optimization
        return int(
            optimization.apply_default_optimizations is not False
            and optimization.inject_prefetch is not False
            and options.autotune.enabled is not False
        )

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
        """The structure of ``tf.TensorSpec`` (``tf.data.DatasetSpec``) describing one
        element."""
        return c.public_spec(self._spec())

    def __repr__(self):
        return "<%s element_spec=%r>" % (self._type_name, self.element_spec)


def _parallel_batches(num_parallel_calls):
    """The batches TF's parallel ``batch`` keeps computed ahead of a slow consumer: its
    ``num_parallel_calls`` (``AUTOTUNE``: one per core).  Batches are computed synchronously
    here, by the iterator reading that many ahead; for a value TF cannot run (its process
    aborts) the batch reads ahead as a sequential one."""
    count = int(num_parallel_calls)
    if count == AUTOTUNE:
        return c.cpu_count()
    return count if count > 0 else None


def _collect_options(dataset, found):
    for child in dataset._inputs():
        _collect_options(child, found)
    if isinstance(dataset, _pipeline._OptionsDataset):
        found.append(dataset._options)


class UnaryDataset(Dataset):
    """A transformation of one input dataset (same cardinality and spec by default)."""

    def __init__(self, input_dataset):
        self._input = input_dataset

    def _inputs(self):
        return [self._input]

    def _cardinality(self):
        return self._input._cardinality()

    def _spec(self):
        return self._input._spec()


@tf_export("data.experimental.cardinality")
def cardinality(dataset):
    """``dataset.cardinality()`` (TF's older function form)."""
    if not isinstance(dataset, Dataset):
        raise AttributeError(
            "'%s' object has no attribute '_variant_tensor'" % type(dataset).__name__
        )
    return dataset.cardinality()


@tf_export("data.experimental.assert_cardinality")
def assert_cardinality(expected_cardinality):
    """A function for ``Dataset.apply``: the same elements, failing
    (``FailedPreconditionError``) unless there are exactly ``expected_cardinality``, which
    ``cardinality()`` then reports."""
    return lambda dataset: _selection._AssertCardinalityDataset(dataset, int(expected_cardinality))


# The transformation modules subclass Dataset, so they load after it.
from .ops import batching as _batching  # noqa: E402
from .ops import interleave as _interleave  # noqa: E402
from .ops import mapping as _mapping  # noqa: E402
from .ops import persistence as _persistence  # noqa: E402
from .ops import pipeline as _pipeline  # noqa: E402
from .ops import resampling as _resampling  # noqa: E402
from .ops import selection as _selection  # noqa: E402
from .ops import sharding as _sharding  # noqa: E402
from .ops import sources as _sources  # noqa: E402
from .ops import ragged as _ragged  # noqa: E402
from .ops import windowing as _windowing  # noqa: E402


_END = object()
"""The outcome that ends an iteration."""
_UNREAD = object()
"""Nothing read ahead yet."""


class _Raised:
    """An error read ahead: raised when the consumer reaches it."""

    __slots__ = ("error",)

    def __init__(self, error):
        self.error = error


class _UserIterator:
    """An iterator over a dataset for user code (``for x in ds``, ``reduce``) that reads
    nothing ahead (see :class:`_ReadAhead`).

    Each ``next`` inside a ``tf.function`` trace marks that trace as not replayable, since a
    replay could not fetch new elements (it runs eagerly instead, as
    ``function_trace.refuse_replay`` says).  ``convert`` turns each element's storage into
    what the user gets (``None``: the storage itself).
    """

    __slots__ = ("_elements", "_convert")

    def __init__(self, elements, convert):
        self._elements = elements
        self._convert = convert

    def __iter__(self):
        return self

    def __next__(self):
        refuse_replay("it iterates a tf.data.Dataset")
        element = next(self._elements)
        return element if self._convert is None else self._convert(element)


class _ReadAhead(_UserIterator):
    """A :class:`_UserIterator` reading one outcome (an element, an error or the end) ahead.

    TF's optimizer injects a ``prefetch`` at the end of an iterated pipeline (see
    ``Dataset._reads_ahead``): once the first element is asked for, a background thread
    keeps the next outcome computed, so a generator's side effects run one element ahead of
    the consumer, and on past an error.  This iterator does the same deterministically:
    each ``next`` computes the following outcome before handing out the current one (the
    state TF's thread reaches as soon as it has caught up; a thread would race the consumer
    and gain nothing for the eager pipelines here, whose ``prefetch`` and parallel ``map``
    run their own threads).  Nothing is read before the first ``next`` or after the end, as
    in TF.
    """

    __slots__ = ("_next",)

    def __init__(self, elements, convert):
        super().__init__(elements, convert)
        self._next = _UNREAD

    def _read(self):
        """The next outcome: an element, a :class:`_Raised` error or ``_END``."""
        try:
            element = next(self._elements)
            return element if self._convert is None else self._convert(element)
        except StopIteration:
            return _END
        except Exception as error:  # noqa: BLE001 - raised when the consumer reaches it
            return _Raised(error)

    def __next__(self):
        refuse_replay("it iterates a tf.data.Dataset")
        outcome = self._next
        if outcome is _UNREAD:
            outcome = self._read()
        if outcome is _END:
            self._next = _END
            raise StopIteration
        self._next = self._read()
        if type(outcome) is _Raised:
            raise outcome.error
        return outcome


class _DeepReadAhead(_ReadAhead):
    """A :class:`_ReadAhead` reading ``depth`` outcomes ahead (the batches TF's parallel
    ``batch`` keeps computed): the outcomes past the next one wait in a queue."""

    __slots__ = ("_depth", "_queue")

    def __init__(self, elements, convert, depth):
        super().__init__(elements, convert)
        self._depth = depth
        self._queue = collections.deque()

    def _read(self):
        queue, read = self._queue, super()._read
        while len(queue) < self._depth and (not queue or queue[-1] is not _END):
            queue.append(read())
        return _END if queue[0] is _END else queue.popleft()


def _iterator(elements, convert, read_ahead):
    """The iterator reading ``read_ahead`` outcomes ahead (``Dataset._reads_ahead``)."""
    if read_ahead == 0:
        return _UserIterator(elements, convert)
    if read_ahead == 1:
        return _ReadAhead(elements, convert)
    return _DeepReadAhead(elements, convert, read_ahead)
