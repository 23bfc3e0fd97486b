"""``tf.train.CheckpointManager``: numbered checkpoints in a directory, oldest deleted."""

from __future__ import annotations

import collections
import glob
import os
import time

from ..api_export import tf_export
from .state import read_state, write_state

__all__ = ["CheckpointManager"]


def _delete(pattern):
    for path in glob.glob(pattern):
        os.remove(path)


@tf_export("train.CheckpointManager")
class CheckpointManager:
    """``tf.train.CheckpointManager``: saves ``checkpoint`` as ``<directory>/<name>-<n>``.

    Keeps ``max_to_keep`` checkpoints (``None``: all), preserving one every
    ``keep_checkpoint_every_n_hours``; records them, with timestamps, in the
    directory's ``checkpoint`` file; with ``checkpoint_interval`` saves only every so
    many steps of ``step_counter``.  As TF's."""

    def __init__(
        self,
        checkpoint,
        directory,
        max_to_keep,
        keep_checkpoint_every_n_hours=None,
        checkpoint_name="ckpt",
        step_counter=None,
        checkpoint_interval=None,
        init_fn=None,
        last_checkpoint_step=None,
    ):
        if max_to_keep is not None and max_to_keep <= 0:
            raise ValueError(
                "Expected a positive integer or `None` for `max_to_keep`, got %d." % (max_to_keep,)
            )
        self._checkpoint = checkpoint
        self._max_to_keep = max_to_keep
        self._keep_checkpoint_every_n_hours = keep_checkpoint_every_n_hours
        self._directory = os.fspath(directory)
        self._checkpoint_prefix = os.path.join(self._directory, checkpoint_name)
        self._init_fn = init_fn
        if checkpoint_interval is not None:
            if step_counter is None:
                raise ValueError(
                    "`step_counter` should be passed if `checkpoint_interval` is not None."
                )
            self._last_checkpoint_step = last_checkpoint_step
            self._step_counter = step_counter
        self._checkpoint_interval = checkpoint_interval
        now = time.time()
        self._maybe_delete = collections.OrderedDict()
        state = read_state(self._directory)
        if state is None:
            self._latest_checkpoint = None
            self._last_preserved_timestamp = now - 1.0
        else:
            self._latest_checkpoint = state.model_checkpoint_path
            self._last_preserved_timestamp = min(state.last_preserved_timestamp, now)
            paths = list(state.all_model_checkpoint_paths)
            stamps = list(state.all_model_checkpoint_timestamps) or (
                [self._last_preserved_timestamp] * len(paths)
            )
            for path, stamp in zip(paths, stamps):
                stamp = min(stamp, now)
                if stamp > self._last_preserved_timestamp:
                    self._maybe_delete[path] = stamp

    @property
    def directory(self):
        """The directory checkpoints are written to."""
        return self._directory

    @property
    def checkpoint(self):
        """The managed ``tf.train.Checkpoint``."""
        return self._checkpoint

    @property
    def checkpoint_interval(self):
        """The minimum number of steps between two saves (or None)."""
        return self._checkpoint_interval

    @property
    def latest_checkpoint(self):
        """The newest checkpoint's prefix, or None."""
        return self._latest_checkpoint

    @property
    def checkpoints(self):
        """The managed checkpoints' prefixes, oldest first (preserved ones excluded)."""
        return list(self._maybe_delete)

    def _sweep(self):
        if not self._max_to_keep:
            return
        while len(self._maybe_delete) > self._max_to_keep:
            path, stamp = self._maybe_delete.popitem(last=False)
            hours = self._keep_checkpoint_every_n_hours
            if hours and stamp - hours * 3600.0 >= self._last_preserved_timestamp:
                self._last_preserved_timestamp = stamp
                continue
            _delete(path + ".index")
            _delete(path + ".data-?????-of-?????")

    def _record_state(self):
        write_state(
            self._directory,
            self._latest_checkpoint,
            list(self._maybe_delete),
            list(self._maybe_delete.values()),
            self._last_preserved_timestamp,
        )

    def save(self, checkpoint_number=None, check_interval=True, options=None):
        """Save a new checkpoint; returns its prefix, or None when the interval says wait."""
        if self._checkpoint_interval is not None:
            step = int(self._step_counter.numpy())
            if self._last_checkpoint_step is not None:
                if step == self._last_checkpoint_step:
                    return None
                if check_interval and step < (
                    self._last_checkpoint_step + self._checkpoint_interval
                ):
                    return None
            self._last_checkpoint_step = step
        counter = self._checkpoint.save_counter
        counter.assign_add(1)
        if checkpoint_number is None:
            checkpoint_number = counter
        if not isinstance(checkpoint_number, int):
            checkpoint_number = int(checkpoint_number.numpy())
        path = self._checkpoint.write(
            "%s-%d" % (self._checkpoint_prefix, checkpoint_number), options
        )
        self._maybe_delete.pop(path, None)
        self._maybe_delete[path] = time.time()
        self._latest_checkpoint = path
        self._record_state()
        self._sweep()
        self._record_state()
        return path

    def restore_or_initialize(self):
        """Restore the latest checkpoint (returns its path) or call ``init_fn`` (None)."""
        if self._latest_checkpoint is not None:
            self._checkpoint.restore(self._latest_checkpoint)
            if self._checkpoint_interval is not None:
                self._last_checkpoint_step = int(self._step_counter.numpy())
            return self._latest_checkpoint
        if self._init_fn is not None:
            self._init_fn()
        return None
