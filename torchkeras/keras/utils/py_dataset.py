"""``keras.utils.PyDataset`` (alias ``Sequence``): a Python-indexed source of batches."""

from __future__ import annotations
from ...api_export import keras_export

from ..backend.object_repr import KerasObjectRepr

__all__ = ["PyDataset", "Sequence"]


@keras_export("keras.utils.PyDataset", "keras.utils.Sequence")
class PyDataset(KerasObjectRepr):
    """Base class for batch sources: implement ``__len__`` (number of batches)
    and ``__getitem__(index)`` returning ``(x, y)`` or ``(x, y, sample_weight)``.

    ``on_epoch_begin``/``on_epoch_end`` are called by ``fit`` around each
    epoch.  ``workers``, ``use_multiprocessing`` and ``max_queue_size`` are
    accepted; batches are produced in the calling thread.
    """

    def __init__(self, workers=1, use_multiprocessing=False, max_queue_size=10):
        self._workers = workers
        self._use_multiprocessing = use_multiprocessing
        self._max_queue_size = max_queue_size

    @property
    def workers(self):
        """Number of workers requested."""
        return getattr(self, "_workers", 1)

    @workers.setter
    def workers(self, value):
        self._workers = value

    @property
    def use_multiprocessing(self):
        """Whether multiprocessing was requested."""
        return getattr(self, "_use_multiprocessing", False)

    @use_multiprocessing.setter
    def use_multiprocessing(self, value):
        self._use_multiprocessing = value

    @property
    def max_queue_size(self):
        """Prefetch queue size requested."""
        return getattr(self, "_max_queue_size", 10)

    @max_queue_size.setter
    def max_queue_size(self, value):
        self._max_queue_size = value

    def __getitem__(self, index):
        raise NotImplementedError(
            "PyDataset subclasses must implement `__getitem__(index)`, returning one batch."
        )

    def __len__(self):
        raise NotImplementedError(
            "PyDataset subclasses must implement `__len__` (or `num_batches`), the number of "
            "batches."
        )

    @property
    def num_batches(self):
        """Number of batches (``len(self)``; ``None`` for an endless dataset)."""
        if type(self).__len__ is PyDataset.__len__:
            return None
        return len(self)

    def on_epoch_begin(self):
        """Called at the start of every epoch."""

    def on_epoch_end(self):
        """Called at the end of every epoch."""


Sequence = PyDataset
