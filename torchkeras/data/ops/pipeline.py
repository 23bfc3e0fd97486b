"""Pipeline-level transformations that leave elements unchanged: ``prefetch`` (a
background thread) and ``with_options``."""

from __future__ import annotations

from ..dataset_ops import UnaryDataset
from . import _common as c
from . import threads


class _PrefetchDataset(UnaryDataset):
    """Computes ``buffer_size`` elements ahead in a background thread (``AUTOTUNE``: as many
    as TF's autotuner would, see ``threads.background``); dropping or closing the iterator
    stops the thread, and its errors reach the consumer.  ``prefetch(0)`` passes the input
    through.  A real thread, unlike the read-ahead TF injects (``Dataset._reads_ahead``):
    an explicit prefetch asks for the parallelism."""

    _type_name = "_PrefetchDataset"
    _async_read_ahead = 0

    def __init__(self, input_dataset, buffer_size):
        super().__init__(input_dataset)
        buffer_size = int(buffer_size)
        if buffer_size < 0 and buffer_size != c.AUTOTUNE:
            raise c.dataset_op_error(
                "PrefetchDataset",
                "buffer_size must be >= 0 or set buffer_size to be -1 for auto-tuning",
            )
        self._buffer_size = buffer_size

    def _iterate(self):
        if self._buffer_size == 0:
            return self._input._iterate()
        return threads.background(self._input._iterate, self._buffer_size)


class _OptionsDataset(UnaryDataset):
    """The input with ``tf.data.Options`` attached (``Dataset.options()`` merges them)."""

    _type_name = "_OptionsDataset"

    def __init__(self, input_dataset, options):
        super().__init__(input_dataset)
        self._options = options
        merged = self.options()
        if merged.deterministic is not None:
            _set(input_dataset, "_options_deterministic", merged.deterministic)
        if merged.experimental_optimization.apply_default_optimizations is False:
            _set(input_dataset, "_vectorize", False)

    def _iterate(self):
        return self._input._iterate()


def _set(dataset, attribute, value):
    """Tells every transformation of a pipeline an option (TF applies options to the whole
    pipeline they are attached to): ``deterministic``, and whether ``map`` may vectorize."""
    setattr(dataset, attribute, value)
    for child in dataset._inputs():
        _set(child, attribute, value)
