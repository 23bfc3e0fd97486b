"""``keras.callbacks.ModelCheckpoint``."""

from __future__ import annotations

import os
import warnings

from ..utils.io_utils import print_msg
from .monitor_callback import MonitorCallback
from .weights_io import save_model, save_weights
from ...api_export import keras_export

__all__ = ["ModelCheckpoint"]


def _say(text):
    print_msg(text)


@keras_export("keras.callbacks.ModelCheckpoint")
class ModelCheckpoint(MonitorCallback):
    """Saves the model (or its weights) every epoch or every ``save_freq`` batches.

    ``filepath`` may hold ``{epoch:02d}`` and log names (``{val_loss:.2f}``);
    it must end in ``.keras``/``.h5`` (or ``.weights.h5`` with
    ``save_weights_only=True``), as in Keras.  ``save_best_only`` keeps only
    improvements of ``monitor``.  Until the model provides Keras' file
    formats, the file holds the model's ``state_dict`` written by
    ``torch.save`` (atomically).
    """

    def __init__(
        self,
        filepath,
        monitor="val_loss",
        verbose=0,
        save_best_only=False,
        save_weights_only=False,
        mode="auto",
        save_freq="epoch",
        initial_value_threshold=None,
    ):
        super().__init__(monitor, mode, initial_value_threshold)
        self.verbose = verbose
        self.filepath = os.fspath(filepath)
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        self._batches_seen_since_last_saving = 0
        self._last_batch_seen = None
        self._current_epoch = 0
        if save_freq != "epoch" and not isinstance(save_freq, int):
            raise ValueError(
                "Unrecognized save_freq: %s. Expected save_freq are 'epoch' or integer values"
                % (save_freq,)
            )
        if save_weights_only:
            if not self.filepath.endswith(".weights.h5"):
                raise ValueError(
                    "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath "
                    "provided must end in `.weights.h5` (Keras weights format). Received: "
                    "filepath=%s" % self.filepath
                )
        elif not self.filepath.endswith((".keras", ".h5")):
            raise ValueError(
                "The filepath provided must end in `.keras` (Keras model format). Received: "
                "filepath=%s" % self.filepath
            )

    def on_train_batch_end(self, batch, logs=None):
        if self._should_save_on_batch(batch):
            self._save_model(self._current_epoch, batch, logs)

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        if self.save_freq == "epoch":
            self._save_model(epoch, None, logs)

    def _should_save_on_batch(self, batch):
        if self.save_freq == "epoch":
            return False
        if self._last_batch_seen is None or batch <= self._last_batch_seen:
            added = batch + 1
        else:
            added = batch - self._last_batch_seen
        self._batches_seen_since_last_saving += added
        self._last_batch_seen = batch
        if self._batches_seen_since_last_saving >= self.save_freq:
            self._batches_seen_since_last_saving = 0
            return True
        return False

    def _should_save(self, epoch, logs, filepath):
        if not self.save_best_only:
            if self.verbose > 0:
                _say("\nEpoch %d: saving model to %s" % (epoch + 1, filepath))
            return True
        if self.monitor_op is None:
            self._set_monitor_op()
        current = (logs or {}).get(self.monitor)
        if current is None:
            warnings.warn(
                "Can save best model only with %s available." % self.monitor, stacklevel=2
            )
            return True
        best = "None" if self.best is None else "%.5f" % self.best
        if self._is_improvement(current, self.best):
            if self.verbose > 0:
                _say(
                    "\nEpoch %d: %s improved from %s to %.5f, saving model to %s"
                    % (epoch + 1, self.monitor, best, current, filepath)
                )
            self.best = current
            return True
        if self.verbose > 0:
            _say("\nEpoch %d: %s did not improve from %s" % (epoch + 1, self.monitor, best))
        return False

    def _save_model(self, epoch, batch, logs):
        logs = logs or {}
        filepath = self._get_file_path(epoch, batch, logs)
        if os.path.isdir(filepath):
            raise IOError(
                "Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an "
                "existing directory: %s" % filepath
            )
        if not self._should_save(epoch, logs, filepath):
            return
        directory = os.path.dirname(filepath)
        if directory:
            os.makedirs(directory, exist_ok=True)
        if self.save_weights_only:
            save_weights(self.model, filepath)
        else:
            save_model(self.model, filepath)
        if self.verbose > 0:
            _say("\nEpoch %d: finished saving model to %s" % (epoch + 1, filepath))

    def _get_file_path(self, epoch, batch, logs):
        try:
            if batch is None or "batch" in logs:
                return self.filepath.format(epoch=epoch + 1, **logs)
            return self.filepath.format(epoch=epoch + 1, batch=batch + 1, **logs)
        except KeyError as error:
            raise KeyError(
                'Failed to format this callback filepath: "%s". Reason: %s' % (self.filepath, error)
            ) from None
