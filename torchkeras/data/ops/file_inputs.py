"""The ``filenames`` argument of the file datasets (``TFRecordDataset``, ``TextLineDataset``,
``CsvDataset``) and the interleaving of files that ``num_parallel_reads`` asks for."""

from __future__ import annotations

import numpy as np

from ...framework import compat, dtypes
from ...framework.convert import convert_to_tensor
from ...framework.errors import OpError
from ..dataset_ops import Dataset
from . import _common as c

__all__ = ["filenames_of", "cycle_length", "read_files", "StringRecordDataset"]


def filenames_of(filenames):
    """A function giving the file names (``bytes``) of ``filenames``: a string, a list or
    tensor of strings (flattened, as TF reshapes it to a vector) or a dataset of scalar
    strings; TF's ``TypeError`` for anything else."""
    if getattr(type(filenames), "_is_dataset", False):
        spec = filenames._spec()
        if not c.is_spec_leaf(spec) or spec[1] != dtypes.string:
            raise TypeError(
                "The `filenames` argument must contain `tf.string` elements. Got a dataset of "
                "`%r` elements." % (c.public_spec(spec),)
            )
        return lambda: [bytes(np.asarray(e).item()) for e in filenames._iterate()]
    tensor = convert_to_tensor(filenames, dtype_hint=dtypes.string)
    if tensor.dtype != dtypes.string:
        raise TypeError(
            "The `filenames` argument must contain `tf.string` elements. Got `%r` elements."
            % (tensor.dtype,)
        )
    names = [bytes(n) for n in np.asarray(tensor._value, dtype=object).reshape(-1)]
    return lambda: names


def cycle_length(num_parallel_reads):
    """The number of files read at once: None reads them one after another (1); AUTOTUNE
    is the core count; otherwise TF's ``cycle_length`` error unless positive."""
    if num_parallel_reads is None:
        return None
    count = int(num_parallel_reads)
    if count == c.AUTOTUNE:
        return c.cpu_count()
    if count <= 0:
        raise c.dataset_op_error(
            "LegacyParallelInterleaveDatasetV2",
            "`cycle_length` must be > 0",
            "LegacyParallelInterleaveDatasetV2_Targuments_0",
        )
    return count


def read_files(names, reader, cycle, spec):
    """Yields ``reader(name)``'s elements for each file, ``cycle`` files at a time taking one
    element from each in turn (TF's deterministic parallel interleave, whose slots refill
    with the next file when one ends); ``OpError``s become TF's iterator errors for ``spec``."""
    try:
        if cycle is None:
            for name in names:
                yield from reader(name)
            return
        pending = list(names)
        slots = [iter(reader(pending.pop(0))) for _ in range(min(cycle, len(pending)))]
        index = 0
        while slots:
            index %= len(slots)
            for element in slots[index]:
                yield element
                index += 1
                break
            else:
                # An exhausted file's slot takes the next file, which waits for its next turn.
                if pending:
                    slots[index] = iter(reader(pending.pop(0)))
                    index += 1
                else:
                    del slots[index]
    except OpError as exc:
        raise c.iterator_error(type(exc), spec, exc.message) from None


class StringRecordDataset(Dataset):
    """The base of the datasets whose elements are the scalar-string records of files
    (``TFRecordDataset``, ``TextLineDataset``): TF's shared constructor arguments, and the
    records of each file that ``_read_records(name, compression_type, buffer_size)`` (which
    a subclass defines) gives, interleaved across ``num_parallel_reads`` files."""

    def __init__(
        self,
        filenames,
        compression_type=None,
        buffer_size=None,
        num_parallel_reads=None,
        name=None,
    ):
        self._names = filenames_of(filenames)
        self._compression = compat.as_str_any(compression_type or "")
        self._buffer_size = None if buffer_size is None else int(buffer_size)
        self._cycle = cycle_length(num_parallel_reads)

    def _read(self, name):
        for record in self._read_records(name, self._compression, self._buffer_size):
            yield np.array(record, dtype=object)

    def _iterate(self):
        return read_files(self._names(), self._read, self._cycle, self._spec())

    def _cardinality(self):
        return c.UNKNOWN_CARDINALITY

    def _spec(self):
        return (), dtypes.string
