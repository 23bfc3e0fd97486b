"""``keras.callbacks.Callback``: the base class of everything ``fit`` calls back."""

from __future__ import annotations
from ...api_export import keras_export

from ..backend.object_repr import KerasObjectRepr

__all__ = ["Callback"]


@keras_export("keras.callbacks.Callback")
class Callback(KerasObjectRepr):
    """Base class for callbacks: override the hooks you need.

    ``fit`` calls ``on_train_begin``, then per epoch ``on_epoch_begin``,
    ``on_train_batch_begin/end`` per batch, the ``on_test_*`` hooks of the
    validation pass and ``on_epoch_end(epoch, logs)``; ``evaluate`` and
    ``predict`` call their own hooks.  ``self.model`` and ``self.params``
    (``{'verbose', 'epochs', 'steps'}``) are set before training starts.
    Batch-level logs are only computed when some callback overrides a batch
    hook, which keeps ``fit`` free of per-batch host synchronisation.
    """

    def __init__(self):
        self.params = None
        self._model = None
        self.validation_data = None

    def set_params(self, params):
        """Receives the training parameters."""
        self.params = params

    def set_model(self, model):
        """Receives the model being trained."""
        self._model = model

    @property
    def model(self):
        """The model these callbacks are attached to."""
        return self._model

    def on_batch_begin(self, batch, logs=None):
        """Alias of ``on_train_batch_begin`` (kept for compatibility)."""

    def on_batch_end(self, batch, logs=None):
        """Alias of ``on_train_batch_end`` (kept for compatibility)."""

    def on_epoch_begin(self, epoch, logs=None):
        """Called at the start of an epoch (training only)."""

    def on_epoch_end(self, epoch, logs=None):
        """Called at the end of an epoch with its metrics (``val_*`` included)."""

    def on_train_batch_begin(self, batch, logs=None):
        """Called before each training batch."""
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        """Called after each training batch with the running metrics."""
        self.on_batch_end(batch, logs=logs)

    def on_test_batch_begin(self, batch, logs=None):
        """Called before each batch of ``evaluate`` (and of validation)."""

    def on_test_batch_end(self, batch, logs=None):
        """Called after each batch of ``evaluate`` (and of validation)."""

    def on_predict_batch_begin(self, batch, logs=None):
        """Called before each batch of ``predict``."""

    def on_predict_batch_end(self, batch, logs=None):
        """Called after each batch of ``predict`` (``logs['outputs']``)."""

    def on_train_begin(self, logs=None):
        """Called when ``fit`` starts."""

    def on_train_end(self, logs=None):
        """Called when ``fit`` ends."""

    def on_test_begin(self, logs=None):
        """Called when ``evaluate`` (or validation) starts."""

    def on_test_end(self, logs=None):
        """Called when ``evaluate`` (or validation) ends."""

    def on_predict_begin(self, logs=None):
        """Called when ``predict`` starts."""

    def on_predict_end(self, logs=None):
        """Called when ``predict`` ends."""
