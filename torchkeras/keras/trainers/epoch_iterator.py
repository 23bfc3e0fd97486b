"""``EpochIterator``: the batches of one epoch, on the device, as ``fit`` consumes them.

With ``steps_per_epoch`` the source's iterator persists across epochs (a
dataset longer than one epoch continues where it stopped), and running out
of data early ends the epoch with Keras' warning.
"""

from __future__ import annotations

import warnings

import numpy as np

from ...data import structure
from .data_adapters import get_data_adapter

__all__ = ["EpochIterator"]


def _move(tree, device, non_blocking):
    def move(leaf):
        if leaf is None or isinstance(leaf, np.ndarray) or leaf.device == device:
            return leaf
        if non_blocking:
            return leaf.pin_memory().to(device, non_blocking=True)
        return leaf.to(device)

    return structure.map_structure(move, tree)


class EpochIterator:
    """Iterates ``(step, (x, y, sample_weight))`` for one epoch at a time, batches on ``device``."""

    def __init__(
        self,
        x,
        y=None,
        sample_weight=None,
        batch_size=None,
        steps_per_epoch=None,
        shuffle=False,
        class_weight=None,
        device=None,
    ):
        self.steps_per_epoch = steps_per_epoch
        self.data_adapter = get_data_adapter(
            x, y, sample_weight, batch_size, shuffle, class_weight, device
        )
        self._device = device
        self._non_blocking = device is not None and device.type == "cuda"
        self._num_batches = self.data_adapter.num_batches
        self._current_iterator = None
        self._steps_seen = 0

    @property
    def num_batches(self):
        """Steps per epoch (``None`` when unknown until the first epoch ends)."""
        return self.steps_per_epoch or self._num_batches

    def _warn_interrupted(self):
        warnings.warn(
            "Your input ran out of data; interrupting training. Make sure that your dataset or "
            "generator can generate "
            "at least `steps_per_epoch * epochs` batches. You may need to use the `.repeat()` "
            "function when building "
            "your dataset.",
            stacklevel=3,
        )

    def __iter__(self):
        adapter = self.data_adapter
        adapter.on_epoch_begin()
        device, non_blocking = self._device, self._non_blocking
        steps = self.steps_per_epoch or self._num_batches
        if steps:
            if self._current_iterator is None or self.steps_per_epoch is None:
                self._current_iterator = iter(adapter)
                self._steps_seen = 0
            iterator = self._current_iterator
            for step in range(steps):
                if self._num_batches and self._steps_seen >= self._num_batches:
                    if self.steps_per_epoch:
                        self._warn_interrupted()
                    break
                try:
                    batch = next(iterator)
                except StopIteration:
                    if self._num_batches is None:
                        self._num_batches = self._steps_seen
                    self._warn_interrupted()
                    self._current_iterator = None
                    break
                self._steps_seen += 1
                yield step, _move(batch, device, non_blocking)
            if self._num_batches and self._steps_seen >= self._num_batches:
                self._current_iterator = None
                self._steps_seen = 0
        else:
            step = -1
            for step, batch in enumerate(adapter):
                yield step, _move(batch, device, non_blocking)
            self._num_batches = step + 1
        adapter.on_epoch_end()
